"""Template filters for Vietnamese official forms of dates and numbers, and short titles."""

import datetime as dt

from django import template
from django.utils import timezone

from gandan.core import vietnamese

register = template.Library()


@register.filter
def ngay_thang(value: dt.date | dt.datetime | None) -> str:
    """{{ day|ngay_thang }} → 'ngày 05 tháng 8 năm 2022'."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return vietnamese.official_date(value)


@register.filter
def so(value: int | float | None, decimals: int = 0) -> str:
    """{{ n|so }} → '1.234'; {{ x|so:1 }} → '12,5'."""
    if value is None:
        return ""
    return vietnamese.format_number(value, decimals)


@register.filter
def thu(value: dt.date | None) -> str:
    """{{ day|thu }} → 'Thứ Hai'."""
    return vietnamese.weekday_name(value) if value else ""


@register.filter
def rut_gon(value: object, limit: int) -> str:
    """{{ plan.title|rut_gon:60 }}: at most 60 characters, cut between words, with '…'.

    Django's truncatechars cuts inside a word, which in Vietnamese leaves another word.
    """
    if value is None:
        return ""
    return vietnamese.shorten(str(value), int(limit))
