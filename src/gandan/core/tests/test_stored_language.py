"""The stored-language check itself: it finds English in a record, and the guard warns."""

import re
import warnings
from collections import Counter

import pytest
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from gandan import demo
from gandan.audit.models import Action, AuditEvent
from gandan.audit.services import record_event
from gandan.core.language import StoredLanguageWarning, in_vietnamese
from gandan.core.stored_language import english_fragments, english_in_stored_records


def test_the_catalogue_gives_english_fragments():
    # then: the English catalogue is read (the check below would be empty otherwise)
    assert len(english_fragments()) > 200


def test_an_english_summary_is_found(db):
    # given: a record stored with English active, outside @in_vietnamese
    translation.activate("en")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StoredLanguageWarning)
        record_event(
            action=Action.CHANGE,
            summary=_("Ban hành văn bản số %(symbol)s: %(summary)s")
            % {"symbol": "01/KH-THTT", "summary": "Kế hoạch"},
        )
    translation.activate("vi")
    # then
    assert [where for where, _fragment in english_in_stored_records()] != []


def test_storing_outside_in_vietnamese_warns(db):
    # given: English active; when: a record is stored without the decorator; then: a warning
    translation.activate("en")
    with pytest.warns(StoredLanguageWarning):
        record_event(action=Action.CHANGE, summary="Kiểm tra")
    translation.activate("vi")


def test_in_vietnamese_stores_vietnamese(db):
    # given: English active
    translation.activate("en")

    @in_vietnamese
    def use_case() -> None:
        record_event(
            action=Action.CHANGE,
            summary=_("Ban hành văn bản số %(symbol)s: %(summary)s")
            % {"symbol": "01/KH-THTT", "summary": "Kế hoạch"},
        )

    # when
    use_case()
    # then: no warning was raised (the suite fails on one) and nothing English is stored
    assert translation.get_language() == "en"
    translation.activate("vi")
    assert english_in_stored_records() == []


# Drawn at random each build: case tracking codes (GD-HLAXE-4SETJ), denouncers' pseudonyms (T-9656).
_RANDOM = re.compile(r"\b[A-Z]{2}-[A-Z0-9]{5}-[A-Z0-9]{5}\b|\b[A-Z]-\d{4}\b")


def _stored_summaries() -> Counter[str]:
    """The audit rows' summaries, as a multiset, random codes set aside."""
    return Counter(
        _RANDOM.sub("…", summary)
        for summary in AuditEvent.objects.values_list("summary", flat=True)
    )


def test_the_demo_built_in_english_stores_the_same_vietnamese(db):
    # given: the demo built in Vietnamese, then undone (a savepoint rolled back)
    with transaction.atomic():
        demo.build_all()
        in_vietnamese_screen = _stored_summaries()
        transaction.set_rollback(True)
    assert AuditEvent.objects.count() == 0
    # when: built again with English on screen (a StoredLanguageWarning would fail the test)
    translation.activate("en")
    with warnings.catch_warnings():
        warnings.simplefilter("error", StoredLanguageWarning)
        demo.build_all()
    translation.activate("vi")
    # then: the same audit rows, word for word, and nothing English in any stored record
    assert _stored_summaries() == in_vietnamese_screen
    assert english_in_stored_records() == []
