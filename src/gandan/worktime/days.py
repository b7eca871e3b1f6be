"""The installation's working-day calendar: what other apps call for every legal deadline.

The functions below answer from the statutory holidays and the adjustments in the database
(`CalendarAdjustment`), loaded once per process and cached. The services that change an
adjustment clear the cache at once; other processes see the change within
`RECHECK_SECONDS`, when they compare a cheap fingerprint of the table (count, last update).

    from gandan.worktime import days
    due = days.add_working_days(received_on, 10)    # "10 ngày làm việc"
    due = days.add_calendar_days(received_on, 30)   # "30 ngày"
    if days.is_provisional(received_on, due): ...  # a year without its official notice

A date counted across a year whose official schedule has not been entered is provisional:
`gandan.worktime.notices.provisional_warning` is the text to show with it, and the template
tag `{% load worktime %}{% provisional_note start end %}` shows it on a page.

All dates are local `datetime.date` values (Asia/Ho_Chi_Minh: use timezone.localdate()).
"""

import datetime as dt
import threading
import time
from collections.abc import Sequence

from django.db.models import Count, Max

from gandan.worktime.calendar import WorkCalendar, adjustments_from_rows
from gandan.worktime.models import CalendarAdjustment, CalendarYear

RECHECK_SECONDS = 30.0

_lock = threading.Lock()
_cached: WorkCalendar | None = None
_announced: frozenset[int] = frozenset()
_fingerprint: tuple[object, ...] | None = None
_checked_at = 0.0
_clock = time.monotonic


def current_calendar() -> WorkCalendar:
    """The calendar of the installation, from the cache when it is still current."""
    return _current()[0]


def _current() -> tuple[WorkCalendar, frozenset[int]]:
    global _cached, _announced, _fingerprint, _checked_at
    now = _clock()
    calendar = _cached
    if calendar is not None and now - _checked_at < RECHECK_SECONDS:
        return calendar, _announced
    with _lock:
        fingerprint = _table_fingerprint()
        if _cached is None or fingerprint != _fingerprint:
            rows = CalendarAdjustment.objects.values_list("date", "kind")
            _cached = WorkCalendar(adjustments_from_rows(rows))
            _announced = frozenset(
                CalendarYear.objects.filter(announced=True).values_list("year", flat=True)
            )
            _fingerprint = fingerprint
        _checked_at = now
        return _cached, _announced


def clear_calendar_cache() -> None:
    """Forget the cached calendar; the next call reloads the adjustments."""
    global _cached, _fingerprint
    with _lock:
        _cached = None
        _fingerprint = None


def _table_fingerprint() -> tuple[object, ...]:
    found = CalendarAdjustment.objects.aggregate(count=Count("id"), latest=Max("updated_at"))
    years = CalendarYear.objects.aggregate(count=Count("id"), latest=Max("updated_at"))
    return found["count"], found["latest"], years["count"], years["latest"]


# -- provisional periods ---------------------------------------------------------------------
# BLLĐ 2019 Điều 112 k3: the Prime Minister decides each year's Tết days and the day next to
# Quốc khánh, and the yearly notice sets the swaps (LAW.md §7). A year whose notice has not
# been entered (`CalendarYear.announced`) is computed only: a date counted across it may move
# when the notice comes, so it is provisional and must be shown as such.


def announced_years() -> frozenset[int]:
    """The years whose official schedule has been entered."""
    return _current()[1]


def is_announced(year: int) -> bool:
    return year in announced_years()


def provisional_years_between(start: dt.date, end: dt.date) -> list[int]:
    """The years from `start` to `end` (either order, both included) whose official schedule
    has not been entered: empty when every day between them is on the official calendar."""
    first, last = sorted((start.year, end.year))
    announced = announced_years()
    return [year for year in range(first, last + 1) if year not in announced]


def is_provisional(start: dt.date, end: dt.date) -> bool:
    """Whether a date counted from `start` to `end` crosses a year not yet announced."""
    return bool(provisional_years_between(start, end))


def is_working_day(day: dt.date) -> bool:
    return current_calendar().is_working_day(day)


def next_working_day(day: dt.date) -> dt.date:
    """The first working day strictly after `day`."""
    return current_calendar().next_working_day(day)


def working_day_on_or_after(day: dt.date) -> dt.date:
    return current_calendar().working_day_on_or_after(day)


def add_calendar_days(event_date: dt.date, n: int) -> dt.date:
    """Due date of "n ngày" after an event (BLDS 2015 Điều 147–148), n ≥ 1."""
    return current_calendar().add_calendar_days(event_date, n)


def add_working_days(event_date: dt.date, n: int) -> dt.date:
    """Due date of "n ngày làm việc" after an event (event day not counted), n ≥ 1."""
    return current_calendar().add_working_days(event_date, n)


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end]; negative when end is before start."""
    return current_calendar().working_days_between(start, end)


def is_working_day_bulk(days: Sequence[dt.date]) -> list[bool]:
    return current_calendar().is_working_day_bulk(days)


def add_calendar_days_bulk(event_dates: Sequence[dt.date], n: int | Sequence[int]) -> list[dt.date]:
    return current_calendar().add_calendar_days_bulk(event_dates, n)


def add_working_days_bulk(event_dates: Sequence[dt.date], n: int | Sequence[int]) -> list[dt.date]:
    return current_calendar().add_working_days_bulk(event_dates, n)


def working_days_between_bulk(starts: Sequence[dt.date], ends: Sequence[dt.date]) -> list[int]:
    return current_calendar().working_days_between_bulk(starts, ends)
