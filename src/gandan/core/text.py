"""Characters no stored text may hold: control characters and lone surrogates.

A name with U+0001 or U+000B (a vertical tab pasted from Word) is accepted by a browser and
by JSON, then breaks the numbered letter's .docx (XML 1.0 has no such characters) and a lone
surrogate (JSON's "\\ud800") cannot even be written to the database as UTF-8. One check,
`check_text`, refuses them at every door: `install_form_check` adds it to every Django
`forms.CharField` (CoreConfig.ready), the API's request parser runs it on every string of a
request (api/parsing.py). `strip_forbidden` is the last line of defence for text already
stored (paperwork/rendering.py removes them before writing XML).
"""

import functools
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# C0 except tab, line feed and carriage return; DEL; C1; the surrogate halves (never a
# character on their own); U+FFFE and U+FFFF (not characters, and not allowed in XML 1.0).
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

MESSAGE = _(
    "Nội dung chứa ký tự điều khiển không hợp lệ (%(code)s), thường do sao chép từ tệp khác. "
    "Hãy xoá ký tự đó rồi gửi lại."
)
CODE = "control_characters_not_allowed"


def first_forbidden(value: str) -> str | None:
    """The first forbidden character of the text, or None."""
    match = FORBIDDEN.search(value)
    return match.group() if match else None


def message_for(char: str) -> str:
    """The Vietnamese refusal naming the character by its code point (U+000B)."""
    return str(MESSAGE) % {"code": f"U+{ord(char):04X}"}


def strip_forbidden(value: str) -> str:
    """The text without its forbidden characters (for text stored before the check)."""
    return FORBIDDEN.sub("", value)


@deconstructible
class ProhibitControlCharactersValidator:
    """Django's ProhibitNullCharactersValidator, for every forbidden character."""

    code = CODE

    def __call__(self, value: Any) -> None:
        char = first_forbidden(str(value))
        if char is not None:
            raise ValidationError(MESSAGE, code=self.code, params={"code": f"U+{ord(char):04X}"})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ProhibitControlCharactersValidator)

    def __hash__(self) -> int:
        return hash(CODE)


def check_text(value: str) -> None:
    """ValidationError in Vietnamese if the text holds a forbidden character."""
    ProhibitControlCharactersValidator()(value)


def install_form_check() -> None:
    """Every forms.CharField (and subclass) instance gets the check, as Django's own
    CharField.__init__ appends ProhibitNullCharactersValidator. Idempotent."""
    original = forms.CharField.__init__
    if getattr(original, "checks_control_characters", False):
        return

    @functools.wraps(original)
    def __init__(self: forms.CharField, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.validators.append(ProhibitControlCharactersValidator())

    __init__.checks_control_characters = True  # type: ignore[attr-defined]
    forms.CharField.__init__ = __init__  # type: ignore[method-assign]
