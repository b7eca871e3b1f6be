"""The Vietnamese working-day calendar and deadline arithmetic: a pure core, no database.

A day is a working day unless it is a weekly rest day (Saturday, Sunday), a statutory holiday
of Bộ luật Lao động 2019 Điều 112 with its compensatory days (Điều 111 k3), or an extra day off
set by the government; a Saturday the government makes a working day (hoán đổi) is one.
Periods are counted by Bộ luật Dân sự 2015 Điều 147–148 (LAW.md §0).

`WorkCalendar` takes the official adjustments as plain sets, so it can be tested exhaustively;
`gandan.worktime.days` feeds it from the database for the rest of the system.
"""

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

import holidays

SATURDAY = 5  # date.weekday(): Monday is 0

# What we do not take from `holidays.VN` (v0.109, names in Vietnamese), LAW.md §7:
_NOT_TAKEN_FROM_PACKAGE = (
    # "Ngày Văn hóa Việt Nam" 24/11 (from 2026, with its nghỉ bù): NQ 80-NQ/TW chose it "in
    # principle", but its enactment as a paid holiday is not confirmed (LAW.md §7, open
    # question 10). If it is enacted, an admin records it as a day-off adjustment.
    "Ngày Văn hóa Việt Nam",
    # The package's hard-coded government swaps ("Ngày nghỉ (thay cho ngày 26/04/2025)") carry
    # only the weekday off, never the Saturday worked in exchange, so they would miscount
    # working days. Swaps come whole, with their document, from the adjustment table.
    "Ngày nghỉ (thay cho",
)


@cache
def statutory_holidays(year: int) -> Mapping[dt.date, str]:
    """The public holidays of `year` that the law fixes, with their compensatory days.

    BLLĐ 2019 Điều 112 k1: Tết Dương lịch, 5 days of Tết Âm lịch, 30/4, 1/5, Quốc khánh 2/9
    with an adjacent day, Giỗ Tổ Hùng Vương 10/3 âm lịch; Điều 111 k3: a holiday falling on a
    weekly rest day is made up on the next working day. Computed by `holidays.VN` on the
    Vietnamese lunar calendar. The package places the 5 Tết days and the adjacent Quốc khánh
    day by a rule, where Điều 112 k3 leaves them to the Prime Minister each year: where the
    decision differs, the adjustment table corrects it.
    """
    # Neighbouring years too: a day that belongs to `year` may be generated from another one.
    package = holidays.VN(years=(year - 1, year, year + 1), language="vi")
    result: dict[dt.date, str] = {}
    for day in sorted(package):
        if day.year != year:
            continue
        names = [
            name for name in package.get_list(day) if not name.startswith(_NOT_TAKEN_FROM_PACKAGE)
        ]
        if names:
            result[day] = "; ".join(names)
    return MappingProxyType(result)


@dataclass(frozen=True)
class Adjustments:
    """The government's yearly changes to the statutory calendar, by kind."""

    # Extra days off: a bridge day swapped with a Saturday, a longer Tết, a new holiday.
    days_off: frozenset[dt.date] = frozenset()
    # Weekend days made working days, usually the Saturday given in exchange for a day off.
    working_days: frozenset[dt.date] = frozenset()
    # Statutory (package) holidays that are in fact working days.
    not_holidays: frozenset[dt.date] = frozenset()


HolidaySource = Callable[[int], Mapping[dt.date, str]]


class WorkCalendar:
    """Working days and deadline arithmetic over one set of official adjustments.

    Precedence for one date: an extra day off, then a working-day adjustment, then a statutory
    holiday not removed, then the weekly rest of Saturday and Sunday (LAW.md §0: 40-hour week
    of public bodies). Immutable once built; per-year tables are computed on first use.
    """

    def __init__(
        self,
        adjustments: Adjustments | None = None,
        *,
        holidays_for_year: HolidaySource = statutory_holidays,
    ) -> None:
        self.adjustments = adjustments or Adjustments()
        self._holidays_for_year = holidays_for_year
        self._non_working_by_year: dict[int, frozenset[int]] = {}
        self._working_by_year: dict[int, tuple[int, ...]] = {}
        # The widest table built so far for the bulk forms: (first year, last year, sorted
        # ordinals of the working days in those years), replaced whole so threads can share it.
        self._table: tuple[int, int, list[int]] = (0, -1, [])

    # -- one date ------------------------------------------------------------------------

    def is_working_day(self, day: dt.date) -> bool:
        _check_date(day)
        return day.toordinal() not in self._non_working(day.year)

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after `day`."""
        _check_date(day)
        return self._working_on_or_after(day + dt.timedelta(days=1))

    def working_day_on_or_after(self, day: dt.date) -> dt.date:
        """`day` itself if it is a working day, else the next working day."""
        _check_date(day)
        return self._working_on_or_after(day)

    def add_calendar_days(self, event_date: dt.date, n: int) -> dt.date:
        """The last day of a period of `n` calendar days ("ngày") that starts on an event."""
        _check_date(event_date)
        _check_amount(n)
        # BLDS 2015 Điều 147 k2, k3: the event day is not counted; counting starts the day after,
        # so the n-th day is event_date + n.
        last_day = event_date + dt.timedelta(days=n)
        # BLDS 2015 Điều 148 k5: a last day on a weekly rest day or a holiday moves to the end of
        # the next working day.
        return self._working_on_or_after(last_day)

    def add_working_days(self, event_date: dt.date, n: int) -> dt.date:
        """The last day of a period of `n` working days ("ngày làm việc") after an event."""
        _check_date(event_date)
        _check_amount(n)
        # BLDS 2015 Điều 147 k2, k3: the event day is not counted, even if it is a working day.
        # "Ngày làm việc" counts only working days (LAW.md §0), so the result is always one.
        day = event_date
        for _ in range(n):
            day = self._working_on_or_after(day + dt.timedelta(days=1))
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """The working days after `start` up to and including `end`: (start, end].

        The same convention as `add_working_days`: working_days_between(e, add_working_days(e, n))
        is n. Negative when `end` is before `start` (e.g. overdue by that many working days).
        """
        _check_date(start)
        _check_date(end)
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start + dt.timedelta(days=1)
        while day <= end:
            count += self.is_working_day(day)
            day += dt.timedelta(days=1)
        return count

    # -- many dates at once --------------------------------------------------------------

    def is_working_day_bulk(self, days: Sequence[dt.date]) -> list[bool]:
        _check_dates(days)
        return [day.toordinal() not in self._non_working(day.year) for day in days]

    def add_calendar_days_bulk(
        self, event_dates: Sequence[dt.date], n: int | Sequence[int]
    ) -> list[dt.date]:
        """`add_calendar_days` for many events; `n` is one amount or one per event."""
        _check_dates(event_dates)
        amounts = _amounts(n, len(event_dates))
        last_days = [day.toordinal() + k for day, k in zip(event_dates, amounts, strict=True)]
        if not last_days:
            return []
        # BLDS 2015 Điều 147 k2, k3 and Điều 148 k5, as in `add_calendar_days`: the first
        # working day on or after the n-th day.
        table = self._table_covering(min(last_days), max(last_days))
        while True:
            found = [bisect.bisect_left(table, last) for last in last_days]
            if max(found) < len(table):
                break
            table = self._table_covering(min(last_days), _ordinal_year_end(table[-1]) + 366)
        fromordinal = dt.date.fromordinal
        return [fromordinal(table[index]) for index in found]

    def add_working_days_bulk(
        self, event_dates: Sequence[dt.date], n: int | Sequence[int]
    ) -> list[dt.date]:
        """`add_working_days` for many events; `n` is one amount or one per event."""
        _check_dates(event_dates)
        amounts = _amounts(n, len(event_dates))
        events = [day.toordinal() for day in event_dates]
        if not events:
            return []
        # Two calendar days per working day and a margin cover every real year; the loop widens
        # the table if some year had more days off than that.
        reach = max(event + 2 * k for event, k in zip(events, amounts, strict=True)) + 60
        table = self._table_covering(min(events), reach)
        while True:
            # BLDS 2015 Điều 147 k2, k3: the event day is not counted, so the first working day
            # strictly after it is number 1.
            found = [
                bisect.bisect_right(table, event) + k - 1
                for event, k in zip(events, amounts, strict=True)
            ]
            if max(found) < len(table):
                break
            table = self._table_covering(min(events), _ordinal_year_end(table[-1]) + 366)
        fromordinal = dt.date.fromordinal
        return [fromordinal(table[index]) for index in found]

    def working_days_between_bulk(
        self, starts: Sequence[dt.date], ends: Sequence[dt.date]
    ) -> list[int]:
        """`working_days_between` for many pairs (start, end]."""
        _check_dates(starts)
        _check_dates(ends)
        if len(starts) != len(ends):
            raise ValueError("starts and ends must have the same length")
        if not starts:
            return []
        start_ordinals = [day.toordinal() for day in starts]
        end_ordinals = [day.toordinal() for day in ends]
        table = self._table_covering(
            min(*start_ordinals, *end_ordinals), max(*start_ordinals, *end_ordinals)
        )
        right = bisect.bisect_right
        return [
            right(table, end) - right(table, start)
            for start, end in zip(start_ordinals, end_ordinals, strict=True)
        ]

    # -- tables ----------------------------------------------------------------------------

    def _non_working(self, year: int) -> frozenset[int]:
        found = self._non_working_by_year.get(year)
        if found is None:
            found = self._build_non_working(year)
            self._non_working_by_year[year] = found
        return found

    def _build_non_working(self, year: int) -> frozenset[int]:
        holidays_of_year = self._holidays_for_year(year)
        first = dt.date(year, 1, 1).toordinal()
        last = dt.date(year, 12, 31).toordinal()
        return frozenset(
            ordinal
            for ordinal in range(first, last + 1)
            if self._is_day_off(dt.date.fromordinal(ordinal), holidays_of_year)
        )

    def _is_day_off(self, day: dt.date, holidays_of_year: Mapping[dt.date, str]) -> bool:
        adjustments = self.adjustments
        if day in adjustments.days_off:
            return True
        if day in adjustments.working_days:
            return False
        if day in holidays_of_year and day not in adjustments.not_holidays:
            return True
        # LAW.md §0: weekly rest of public bodies is Saturday and Sunday.
        return day.weekday() >= SATURDAY

    def _working_ordinals(self, year: int) -> tuple[int, ...]:
        found = self._working_by_year.get(year)
        if found is None:
            non_working = self._non_working(year)
            first = dt.date(year, 1, 1).toordinal()
            last = dt.date(year, 12, 31).toordinal()
            found = tuple(o for o in range(first, last + 1) if o not in non_working)
            self._working_by_year[year] = found
        return found

    def _table_covering(self, first_ordinal: int, last_ordinal: int) -> list[int]:
        """Sorted ordinals of all working days from the year of one ordinal to the next year
        after the other (so that the next working day after `last_ordinal` is in it)."""
        first_year = dt.date.fromordinal(first_ordinal).year
        last_year = dt.date.fromordinal(last_ordinal).year + 1
        have_first, have_last, have_table = self._table
        if have_first <= first_year and last_year <= have_last:
            return have_table
        if have_first <= have_last:
            first_year = min(first_year, have_first)
            last_year = max(last_year, have_last)
        table: list[int] = []
        for year in range(first_year, last_year + 1):
            table.extend(self._working_ordinals(year))
        self._table = (first_year, last_year, table)
        return table

    def _working_on_or_after(self, day: dt.date) -> dt.date:
        while day.toordinal() in self._non_working(day.year):
            day += dt.timedelta(days=1)
        return day


def adjustments_from_rows(rows: Iterable[tuple[dt.date, str]]) -> Adjustments:
    """`Adjustments` from (date, kind) pairs, kind being a `CalendarAdjustment.kind` value."""
    by_kind: dict[str, set[dt.date]] = {
        "day_off": set(),
        "working_day": set(),
        "not_holiday": set(),
    }
    for day, kind in rows:
        by_kind[kind].add(day)
    return Adjustments(
        days_off=frozenset(by_kind["day_off"]),
        working_days=frozenset(by_kind["working_day"]),
        not_holidays=frozenset(by_kind["not_holiday"]),
    )


def _check_date(day: object) -> None:
    # A datetime is a date subclass; taking its date part silently would use the wrong day
    # for an aware UTC datetime. Callers convert with timezone.localdate() first.
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise TypeError(f"expected a datetime.date (local date), got {type(day).__name__}")


def _check_dates(days: Sequence[object]) -> None:
    date_type = dt.date
    for day in days:
        if type(day) is not date_type:
            _check_date(day)


def _check_amount(n: object) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"the number of days must be an int, got {type(n).__name__}")
    if n < 1:
        raise ValueError(f"a period has at least 1 day, got {n}")


def _amounts(n: int | Sequence[int], count: int) -> Sequence[int]:
    if isinstance(n, int):
        _check_amount(n)
        return [n] * count
    if len(n) != count:
        raise ValueError("give one amount, or one amount per date")
    for amount in n:
        _check_amount(amount)
    return n


def _ordinal_year_end(ordinal: int) -> int:
    return dt.date(dt.date.fromordinal(ordinal).year, 12, 31).toordinal()
