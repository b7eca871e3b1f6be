"""The build's shared state (`Province`), the schools as the generator knows them, and the
rules of each kind of case as the generator reads them."""

import datetime as dt
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from gandan.orgs.models import Organisation
from gandan.petitions.models import DayUnit, DeadlineRule, StartEvent
from gandan.petitions.services.timing import STEP_DONE_BY
from gandan.reports.province.days import Days
from gandan.reports.province.spec import (
    ProvinceResult,
    ProvinceSpec,
    department_slug,
    ward_slug,
)
from gandan.reports.province.vocabulary import Names


@dataclass(frozen=True)
class Lifecycle:
    """The tracked steps that shape a case's dates, from the rules in force at receipt."""

    first: DeadlineRule  # from receipt: acceptance, initial handling, answer or provision
    resolve: DeadlineRule | None  # from acceptance to the decision (giai_quyet)
    after: tuple[DeadlineRule, ...]  # from the decision: sending, publishing, follow-up


class Rules:
    """The rules table (`petitions.DeadlineRule`), read once; each case's lifecycle by the
    version in force on its receipt date."""

    def __init__(self) -> None:
        self.rows = list(DeadlineRule.objects.filter(complex_only=False))
        self._cache: dict[tuple[str, str, dt.date], Lifecycle | None] = {}

    def lifecycle(self, kind: str, procedure: str, received: dt.date) -> Lifecycle | None:
        key = (kind, procedure, received)
        if key not in self._cache:
            rows = sorted(
                (
                    r
                    for r in self.rows
                    if r.kind == kind and r.procedure == procedure and r.is_in_force(received)
                ),
                key=lambda r: (r.order, r.step),
            )
            tracked = [r for r in rows if r.step in STEP_DONE_BY]
            first = next((r for r in tracked if r.starts_from == StartEvent.RECEIVED), None)
            resolve = next(
                (
                    r
                    for r in tracked
                    if r.starts_from == StartEvent.ACCEPTED
                    and r.ends_with == StartEvent.DECISION_ISSUED
                ),
                None,
            )
            after = tuple(r for r in tracked if r.starts_from == StartEvent.DECISION_ISSUED)
            self._cache[key] = Lifecycle(first, resolve, after) if first else None
        return self._cache[key]

    def limits(self) -> set[tuple[str, int]]:
        return {(r.unit, r.limit) for r in self.rows}


@dataclass
class School:
    """A school as the generator knows it: its ids, its people, its punctuality."""

    pk: int
    number: int
    symbol: str
    place: str
    quality: float  # the share of steps done on time
    head: int = 0
    deputy: int = 0
    staff: list[int] = field(default_factory=list)
    cases: int = 0


class Province:
    """The state shared by the build phases: the spec, the seeded random source, the
    calendar, the rules, and what has been built so far."""

    department: Organisation
    wards: list[Organisation]

    def __init__(self, spec: ProvinceSpec, progress: Callable[[str], None]) -> None:
        self.spec = spec
        self.progress = progress
        self.rng = random.Random(f"{spec.seed}:{spec.prefix}")
        self.today = spec.today or timezone.localdate()
        self.now = timezone.now()
        self.zone = ZoneInfo(settings.TIME_ZONE)
        self.first_day = self.today - dt.timedelta(days=round(spec.months * 30.44))
        self.rules = Rules()
        working_limits = {n for unit, n in self.rules.limits() if unit == DayUnit.WORKING_DAY}
        self.days = Days(
            self.first_day - dt.timedelta(days=10),
            max(self.today + dt.timedelta(days=200), dt.date(self.today.year, 12, 31)),
            working_limits,
        )
        self.names = Names(self.rng)
        self.schools: list[School] = []
        self.result = ProvinceResult(
            prefix=spec.prefix,
            department_slug=department_slug(spec.prefix),
            ward_slugs=[ward_slug(spec.prefix, i + 1) for i in range(spec.wards)],
            department_officer=f"{spec.prefix}-canboso",
            ward_officers=[f"{spec.prefix}-canbo-p{i + 1:03d}" for i in range(spec.wards)],
        )

    def at(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=self.zone)

    def phase(self, name: str, started: float) -> None:
        elapsed = time.perf_counter() - started
        self.result.timings[name] = elapsed
        self.progress(f"{name}: {elapsed:.1f} s")

    def stamp(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        """A local time on `day`, never later than now."""
        return min(self.at(day, hour, minute), self.now)
