"""Template tags of the calendar: the "provisional" warning next to a counted date.

    {% load worktime %}
    {% provisional_note task.assigned_on task.due_on %}      a paragraph, or nothing
    {% provisional_note case.due_on %}                       one date: its own year
    {% provisional_note start due compact=True %}            a short mark for a table cell

A date counted across a year whose official schedule has not been entered is provisional
(BLLĐ 2019 Điều 112 k3, see gandan.worktime.notices); nothing is shown otherwise.
"""

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from gandan.worktime import notices

register = template.Library()


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    if isinstance(value, dt.date):
        return value
    return None


@register.simple_tag
def provisional_note(start: object, end: object = None, *, compact: bool = False) -> SafeString:
    """The warning for a date counted from `start` to `end` (or for the one date `start`)."""
    first = _as_date(start)
    last = _as_date(end) if end is not None else first
    if first is None or last is None:
        return SafeString("")
    warning = notices.provisional_warning(first, last)
    if not warning:
        return SafeString("")
    if compact:
        return format_html(
            '<span class="provisional" title="{}">{}</span>', warning, _("(tạm tính)")
        )
    return format_html('<p class="notice provisional" role="note">{}</p>', warning)
