"""The working calendar, cached for the generator: "n working days after d", "the working day
on or after d", and a period's last day and due date as `petitions.deadlines` counts them."""

import bisect
import datetime as dt
import random
from collections.abc import Iterable

from gandan.petitions.models import DayUnit
from gandan.worktime import days as workdays


class Days:
    """Answers of `gandan.worktime.days` for a range of dates, computed with its bulk helpers."""

    def __init__(self, first: dt.date, last: dt.date, working_limits: Iterable[int]) -> None:
        self.first, self.last = first, last
        span = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        self.span = span
        working = workdays.is_working_day_bulk(span)
        self.working_days = [day for day, ok in zip(span, working, strict=True) if ok]
        self._after: dict[tuple[dt.date, int], dt.date] = {}
        for n in sorted((set(working_limits) | set(range(1, 26))) - {0}):
            for day, due in zip(span, workdays.add_working_days_bulk(span, n), strict=True):
                self._after[(day, n)] = due
        self._on_or_after: dict[dt.date, dt.date] = {}
        following = None
        for day, ok in zip(reversed(span), reversed(working), strict=True):
            following = day if ok else following
            if following is not None:
                self._on_or_after[day] = following

    def add_working(self, day: dt.date, n: int) -> dt.date:
        if n == 0:
            return day
        found = self._after.get((day, n))
        if found is None:
            found = self._after[(day, n)] = workdays.add_working_days(day, n)
        return found

    def on_or_after(self, day: dt.date) -> dt.date:
        found = self._on_or_after.get(day)
        return found if found is not None else workdays.working_day_on_or_after(day)

    def due(self, start: dt.date, unit: str, n: int) -> tuple[dt.date, dt.date]:
        """(last day, due date) of a period of n units counted after `start`
        (petitions.deadlines._advance, then BLDS 2015 Điều 148 k5)."""
        if n == 0:
            last = start
        elif unit == DayUnit.CALENDAR_DAY:
            last = start + dt.timedelta(days=n)
        else:
            last = self.add_working(start, n)
        return last, self.on_or_after(last)

    def working_between(self, start: dt.date, end: dt.date, rng: random.Random) -> dt.date:
        """A random working day in (start, end], or `end` when there is none."""
        low = bisect.bisect_right(self.working_days, start)
        high = bisect.bisect_right(self.working_days, end)
        return self.working_days[rng.randrange(low, high)] if high > low else end
