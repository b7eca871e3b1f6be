"""Checking that stored records are Vietnamese (ADR 1, addendum): used by every app's tests.

`english_fragments()` reads the English catalogue: the English text of every translated message,
cut at its placeholders. `stored_texts()` reads every stored record that people read later:
audit rows, every app's timeline events, registered documents, notifications and the messages
of the outbox (their sealed subject and text, unsealed here). A stored text
that contains an English fragment was stored in the screen language instead of Vietnamese.
"""

import functools
import gettext
import json
import re
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.db import models

from gandan.core.sealing import unseal

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.mo"
_PLACEHOLDER = re.compile(r"%\([^)]*\)[sd]|%[sd]|\{[^}]*\}|<[^>]*>")
# Records whose text is read later, besides every model named "...Event".
_RECORD_MODELS = {"paperwork.outgoingdocument", "notify.notification"}
# Records whose text is sealed (core.sealing): the columns read unsealed.
_SEALED_TEXTS = {"notify.outboxmessage": ("subject_token", "body_token")}


@functools.cache
def english_fragments() -> frozenset[str]:
    """English pieces of at least two words from the catalogue's translated messages."""
    with CATALOGUE.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    pieces = set()
    for msgid, msgstr in catalogue.items():
        if not msgid or not isinstance(msgstr, str) or msgstr == msgid:
            continue
        original = msgid[0] if isinstance(msgid, tuple) else msgid
        for piece in _PLACEHOLDER.split(msgstr):
            piece = piece.strip(" .,:;()“”\"'-–")
            # Two words or more, and not a name or symbol the two languages share.
            if len(piece) >= 10 and " " in piece and piece not in original:
                pieces.add(piece)
    return frozenset(pieces)


def _text_fields(model: type[models.Model]) -> list[str]:
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField | models.JSONField)
    ]


def record_models() -> list[type[models.Model]]:
    """Every model whose rows are stored records: events, documents, notifications."""
    missing = _RECORD_MODELS - {model._meta.label_lower for model in apps.get_models()}
    if missing:  # a record model renamed or moved must not drop out of the check unseen
        raise LookupError(f"stored_language: no model {sorted(missing)}")
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("gandan.")
        and (model.__name__.endswith("Event") or model._meta.label_lower in _RECORD_MODELS)
    ]


def stored_texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every text value of every stored record."""
    for model in record_models():
        fields = _text_fields(model)
        for row in model._default_manager.values("pk", *fields):
            for name in fields:
                value = row[name]
                if value in (None, "", {}, []):
                    continue
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                yield f"{model._meta.label}#{row['pk']}.{name}", text
    for label, sealed in _SEALED_TEXTS.items():
        model = apps.get_model(label)
        for row in model._default_manager.values("pk", *sealed):
            for name in sealed:
                yield f"{model._meta.label}#{row['pk']}.{name}", unseal(row[name])


def english_in_stored_records() -> list[tuple[str, str]]:
    """(where, English fragment) for each stored text holding English from the catalogue."""
    fragments = english_fragments()
    found = []
    for where, text in stored_texts():
        for fragment in fragments:
            if fragment in text:
                found.append((where, fragment))
                break
    return found
