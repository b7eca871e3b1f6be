"""Form pieces every app shares: several files in one field, a service's refusal on a form,
number fields whose limits read in Vietnamese ("30", "30,5", not Django's "30.00 .")."""

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from gandan.core.vietnamese import format_number


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file input that takes several files; cleans to a list (empty when none)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


def add_service_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError on the form's fields (unknown fields: the whole form)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def error_text(error: ValidationError) -> str:
    """A service's refusal as one line, for a flash message."""
    return " ".join(error.messages)


def limit_text(value: int | float | Decimal, *, grouping: bool = True) -> str:
    """A limit as people write it: '30' for 30.00, '30,5', '1.000'; a year stays '2100'."""
    number = Decimal(str(value)).normalize()
    exponent = number.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    text = format_number(number, decimals)
    return text if grouping else text.replace(".", "")


def _message(template: Any, value: int | float | Decimal, grouping: bool) -> Any:
    # Lazy: fields declared on a form class are built at import, before any language is active.
    # The text has the number in it already; Django's own "%(limit_value)s" would print 30.00.
    return lazy(lambda: str(template) % {"limit": limit_text(value, grouping=grouping)}, str)()


def number_limit_messages(
    min_value: Any, max_value: Any, *, grouping: bool = True
) -> dict[str, Any]:
    """Vietnamese messages for a number field's bounds, the numbers in Vietnamese style."""
    messages: dict[str, Any] = {}
    if min_value is not None:
        messages["min_value"] = _message(
            _("Hãy nhập số không nhỏ hơn %(limit)s."), min_value, grouping
        )
    if max_value is not None:
        messages["max_value"] = _message(
            _("Hãy nhập số không lớn hơn %(limit)s."), max_value, grouping
        )
    return messages


class VietnameseDecimalField(forms.DecimalField):
    """A DecimalField whose errors say "không lớn hơn 30" (never "30.00 .")."""

    default_error_messages = {
        "invalid": _("Hãy nhập một số."),
        "max_decimal_places": _("Lấy tối đa %(max)s chữ số thập phân."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.error_messages.update(number_limit_messages(self.min_value, self.max_value))


class VietnameseIntegerField(forms.IntegerField):
    """An IntegerField whose errors say "không lớn hơn 100"; `grouping=False` for years."""

    default_error_messages = {"invalid": _("Hãy nhập một số nguyên.")}

    def __init__(self, *args: Any, grouping: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.error_messages.update(
            number_limit_messages(self.min_value, self.max_value, grouping=grouping)
        )
