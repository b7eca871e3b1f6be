"""Tracking periods of a work year (năm công tác): months, quarters, the year. Pure.

A unit's work year starts in `year_start_month` (1 for the calendar year; 9 for a school year
running September to August). NĐ 233/2026, Điều 3 k5–k6 and Điều 18 k3c: viên chức are tracked
monthly or quarterly and classified yearly; Điều 15 k1b leaves the timing of education units
to the Bộ Giáo dục và Đào tạo, hence the configurable start month.
"""

import calendar
import datetime as dt
from decimal import ROUND_DOWN, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from gandan.paperwork.document import roman


class PeriodType(models.TextChoices):
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    YEAR = "year", _("Năm")


PERIODS_PER_YEAR: dict[str, int] = {
    PeriodType.MONTH: 12,
    PeriodType.QUARTER: 4,
    PeriodType.YEAR: 1,
}
MONTHS_PER_PERIOD: dict[str, int] = {
    PeriodType.MONTH: 1,
    PeriodType.QUARTER: 3,
    PeriodType.YEAR: 12,
}


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def period_bounds(
    period_type: str, year: int, number: int, year_start_month: int
) -> tuple[dt.date, dt.date]:
    """First and last day of period `number` (1-based; 1 for the year) of the work year that
    starts in `year_start_month` of `year`."""
    if not 1 <= year_start_month <= 12:
        raise ValueError("year_start_month must be 1..12")
    if not 1 <= number <= PERIODS_PER_YEAR[period_type]:
        raise ValueError(f"{period_type} number must be 1..{PERIODS_PER_YEAR[period_type]}")
    length = MONTHS_PER_PERIOD[period_type]
    start_year, start_month = _add_months(year, year_start_month, (number - 1) * length)
    end_year, end_month = _add_months(start_year, start_month, length - 1)
    last_day = calendar.monthrange(end_year, end_month)[1]
    return dt.date(start_year, start_month, 1), dt.date(end_year, end_month, last_day)


def year_label(year: int, year_start_month: int) -> str:
    """'năm 2026' for a calendar year, 'năm học 2026–2027' for a year starting later."""
    if year_start_month == 1:
        return f"năm {year}"
    return f"năm học {year}–{year + 1}"


def period_label(period_type: str, year: int, number: int, year_start_month: int) -> str:
    """As printed in records and notices (always Vietnamese): 'Quý I năm học 2026–2027'."""
    whole = year_label(year, year_start_month)
    if period_type == PeriodType.YEAR:
        return whole[0].upper() + whole[1:]
    if period_type == PeriodType.QUARTER:
        return f"Quý {roman(number)} {whole}"
    start, _end = period_bounds(period_type, year, number, year_start_month)
    return f"Tháng {start.month}/{start.year} ({whole})"


def work_year_of(day: dt.date, year_start_month: int) -> int:
    """The work year (its first calendar year) a day belongs to."""
    return day.year if day.month >= year_start_month else day.year - 1


def _shift(day: dt.date, months: int) -> dt.date:
    year, month = _add_months(day.year, day.month, months)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_within(
    start: dt.date, end: dt.date, joined: dt.date | None, left: dt.date | None
) -> Decimal:
    """Months worked in [start, end] by someone present from `joined` to `left` (None: open).

    Calendar months (1/3 to 31/8 is 6.0; 2/3 to 31/8 is 5 months and 30 of 31 days, 5.9),
    cut to one decimal so that nobody reaches a threshold by rounding. A default: the system
    does not know leave taken, and the head corrects it.
    """
    first = max(start, joined) if joined else start
    last = min(end, left) if left else end
    if last < first:
        return Decimal(0)
    stop = last + dt.timedelta(days=1)
    whole = (stop.year - first.year) * 12 + stop.month - first.month
    while whole > 0 and _shift(first, whole) > stop:
        whole -= 1
    anchor, following = _shift(first, whole), _shift(first, whole + 1)
    fraction = Decimal((stop - anchor).days) / Decimal((following - anchor).days)
    return (whole + fraction).quantize(Decimal("0.1"), rounding=ROUND_DOWN)
