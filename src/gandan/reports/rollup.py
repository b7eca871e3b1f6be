"""The read queries of the authority's pages: a few queries of summary rows, whatever the size.

- `unit_table`: one row per school below the authority with every indicator for a period
  (two queries: the schools with their status row, and the period's sums per school);
- `league`: the best and worst units on the on-time rate, from the table;
- `monthly_series`: the authority's (or one unit's) figures month by month (one query);
- `unit_plans`, `unit_cases`: a school's plan progress and its cases, read only.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Avg, Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from gandan.core.vietnamese import collation_key, format_number
from gandan.orgs.models import Organisation
from gandan.petitions.models import Case, CaseDeadline
from gandan.plans.models import AssignmentStatus, Plan, PlanStatus, PlanTask
from gandan.reports.indicators import (
    BY_CODE,
    INDICATORS,
    LEAGUE_INDICATOR,
    MONTH_COLUMNS,
    STATUS_FIELDS,
    AnyStatus,
    Indicator,
    Period,
    StatusRow,
    Sums,
    Value,
    add_months,
    months_between,
    remembered_texts,
    report_month,
)
from gandan.reports.models import UnitMonth, UnitStatus

NAME = "ten"
LEAGUE_SIZE = 5
CASES_PER_PAGE = 50

# Snapshot indicators whose total is the share of units where they hold ("4/6 đơn vị"); the
# others add up.
SHARE_TOTALS = {
    "plan_issued",
    "plan_parent",
    "conference",
    "board",
    "evaluation",
    "evaluation_quota",
}


COLUMN_INDEX = {indicator.code: index for index, indicator in enumerate(INDICATORS)}


def _sum_columns() -> dict[str, Sum]:
    return {column: Sum(column) for column in MONTH_COLUMNS}


@lru_cache(maxsize=50_000)
def name_key(name: str) -> str:
    """The Vietnamese collation key of a unit's name, remembered (names rarely change)."""
    return collation_key(name)


@dataclass(frozen=True)
class Unit:
    """What the table shows of a school: its name and the slug of its drill-down page."""

    pk: int
    slug: str
    name: str


@dataclass
class Row:
    unit: Unit
    status: AnyStatus | None
    sums: Sums
    cells: list[Value] = field(default_factory=list)

    def cell(self, code: str) -> Value:
        return self.cells[COLUMN_INDEX[code]]


@dataclass
class Table:
    authority: Organisation
    period: Period
    columns: list[Indicator]
    rows: list[Row]
    total: list[Value]
    sort: str
    descending: bool
    refreshed_at: dt.datetime | None

    def sort_link(self, code: str) -> str:
        """The `sort` value a column head links to: descending first, then flips."""
        if self.sort == code:
            return code if self.descending else f"-{code}"
        return code if code == NAME else f"-{code}"


def _add(total: dict[str, float], sums: Mapping[str, Any]) -> None:
    for key, value in sums.items():
        total[key] = total.get(key, 0) + (value or 0)


def parse_sort(value: str | None) -> tuple[str, bool]:
    """('cases_on_time', True) for '-cases_on_time'; the unit name, ascending, by default."""
    value = (value or "").strip()
    descending = value.startswith("-")
    code = value.lstrip("-")
    if code != NAME and code not in BY_CODE:
        return NAME, False
    return code, descending


def unit_table(authority: Organisation, period: Period, *, sort: str | None = None) -> Table:
    """Every school the authority oversees with its indicators for the period. Two queries."""
    schools = Organisation.objects.schools_below(authority)
    status_columns = [f"indicator_status__{name}" for name in STATUS_FIELDS]
    units = schools.values("pk", "slug", "name", *status_columns).order_by()
    found: dict[int, dict[str, Any]] = {}
    for row in (
        UnitMonth.objects.filter(
            organisation__in=schools.values("pk"), month__gte=period.first, month__lte=period.last
        )
        .values("organisation_id")
        .annotate(**_sum_columns())
        .order_by()
    ):
        sums: dict[str, Any] = dict(row)
        found[sums.pop("organisation_id")] = sums
    with remembered_texts():
        rows = _rows(units, status_columns, found)
        code, descending = parse_sort(sort)
        rows = sort_rows(rows, code, descending)
        total = total_cells(rows)
    stamps = [row.status.refreshed_at for row in rows if row.status is not None]
    return Table(
        authority=authority,
        period=period,
        columns=list(INDICATORS),
        rows=rows,
        total=total,
        sort=code,
        descending=descending,
        refreshed_at=min(stamps) if stamps else None,
    )


def _rows(
    units: Iterable[dict[str, Any]], status_columns: list[str], found: dict[int, dict[str, Any]]
) -> list[Row]:
    rows = []
    prefix = len("indicator_status__")
    for values in units:
        unit = Unit(values["pk"], values["slug"], values["name"])
        status = None
        if values["indicator_status__refreshed_at"] is not None:
            status = StatusRow(**{key[prefix:]: values[key] for key in status_columns})
        unit_sums = found.get(unit.pk, {})
        line = Row(unit, status, unit_sums)
        line.cells = [indicator.compute(unit_sums, status) for indicator in INDICATORS]
        rows.append(line)
    return rows


def sort_rows(rows: list[Row], code: str, descending: bool) -> list[Row]:
    """Sorted on one column; units without a value go last either way, ties by name."""
    by_name = sorted(rows, key=lambda row: name_key(row.unit.name))
    if code == NAME:
        return list(reversed(by_name)) if descending else by_name
    index = COLUMN_INDEX[code]
    present = [row for row in by_name if row.cells[index].sort is not None]
    missing = [row for row in by_name if row.cells[index].sort is None]
    present.sort(key=lambda row: row.cells[index].sort or 0, reverse=descending)
    return present + missing


def total_cells(rows: list[Row]) -> list[Value]:
    """The authority's own line: monthly indicators from the summed sums; snapshot counts
    added up; yes/no indicators as the number of units where they hold."""
    sums: dict[str, float] = {}
    for row in rows:
        _add(sums, row.sums)
    statuses = [row.status for row in rows if row.status is not None]
    pooled = _pooled_status(statuses)
    cells = []
    for index, indicator in enumerate(INDICATORS):
        if indicator.monthly:
            cells.append(indicator.compute(sums, None))
        elif indicator.code in SHARE_TOTALS:
            flags = [row.cells[index].flag for row in rows if row.cells[index].flag is not None]
            holding = sum(1 for flag in flags if flag)
            text = _("%(k)s/%(n)s đơn vị") % {
                "k": format_number(holding),
                "n": format_number(len(rows)),
            }
            cells.append(Value(holding / len(rows) if rows else None, text, holding))
        else:
            cells.append(indicator.compute(sums, pooled))
    return cells


def _pooled_status(statuses: list[AnyStatus]) -> UnitStatus | None:
    """A status row that adds up every count of the units (the mean for progress)."""
    if not statuses:
        return None
    pooled = UnitStatus(board_constituted=True, evaluation_year=None)
    for name in (
        "cases_open",
        "cases_overdue",
        "tasks_open",
        "tasks_overdue",
        "recommendations",
        "recommendations_answered",
        "emulation_registered",
        "emulation_recognised",
        "evaluation_excellent",
        "evaluation_good",
        "evaluation_done",
        "evaluation_not_done",
        "disclosures_yearly_missing",
    ):
        setattr(pooled, name, sum(getattr(status, name) for status in statuses))
    progress = [s.progress_mean for s in statuses if s.progress_mean is not None]
    pooled.progress_mean = sum(progress) / len(progress) if progress else None
    years = [s.evaluation_year for s in statuses if s.evaluation_year is not None]
    pooled.evaluation_year = max(years) if years else None
    return pooled


@dataclass(frozen=True)
class Ranked:
    unit: Unit
    rate: Value
    answered: int


def league(rows: Iterable[Row]) -> tuple[list[Ranked], list[Ranked]]:
    """The best and the worst units on the on-time rate of cases answered in the period (as
    HCMC's 1022 publishes monthly); units that answered nothing are not ranked. More answers
    break a tie in both lists: more cases handled on time is better, more late is worse."""
    ranked = [
        Ranked(row.unit, row.cell(LEAGUE_INDICATOR), int(row.sums.get("answered", 0) or 0))
        for row in rows
        if row.cell(LEAGUE_INDICATOR).sort is not None
    ]
    by_name = sorted(ranked, key=lambda r: name_key(r.unit.name))
    best_first = sorted(by_name, key=lambda r: (-(r.rate.sort or 0), -r.answered))
    size = min(LEAGUE_SIZE, max(1, len(ranked) // 2)) if ranked else 0
    best = best_first[:size]
    rest = [r for r in by_name if r not in best]
    worst = sorted(rest, key=lambda r: (r.rate.sort or 0, -r.answered))[:LEAGUE_SIZE]
    return best, worst


# Month by month.


def chart_window(period: Period, today: dt.date, months: int = 12) -> tuple[dt.date, dt.date]:
    """The report months the charts show: the 12 ending with the period (or with today)."""
    last = min(period.last, report_month(today))
    return add_months(last, -(months - 1)), last


@dataclass(frozen=True)
class MonthFigures:
    month: dt.date
    sums: Sums

    def value(self, code: str) -> Value:
        return BY_CODE[code].compute(self.sums, None)


def monthly_series(
    organisations: QuerySet[Organisation], first: dt.date, last: dt.date
) -> list[MonthFigures]:
    """Every report month from first to last with the organisations' summed counters."""
    found: dict[dt.date, dict[str, Any]] = {}
    for row in (
        UnitMonth.objects.filter(
            organisation__in=organisations.values("pk"), month__gte=first, month__lte=last
        )
        .values("month")
        .annotate(**_sum_columns())
        .order_by()
    ):
        sums: dict[str, Any] = dict(row)
        found[sums.pop("month")] = sums
    return [MonthFigures(month, found.get(month, {})) for month in months_between(first, last)]


# One unit's pages.


@dataclass(frozen=True)
class PlanLine:
    plan: Plan
    tasks: list[PlanTask]


def unit_plans(school: Organisation, today: dt.date) -> list[PlanLine]:
    """The school's issued plans of the year, each task with its assignments' counts (two
    queries). Progress is what the assignees reported; "done on time" is on the table."""
    plans = list(
        Plan.objects.filter(
            organisation=school, status=PlanStatus.ISSUED, year=today.year
        ).order_by("issued_on", "pk")
    )
    done = Q(assignments__status=AssignmentStatus.DONE)
    tasks = (
        PlanTask.objects.filter(plan__in=plans)
        .annotate(
            assigned=Count("assignments"),
            done=Count("assignments", filter=done),
            overdue=Count(
                "assignments",
                filter=~done & Q(assignments__due_date__lt=today),
            ),
            progress=Avg("assignments__percent"),
        )
        .order_by("plan_id", "order")
    )
    by_plan: dict[int, list[PlanTask]] = {}
    for task in tasks:
        by_plan.setdefault(task.plan_id, []).append(task)
    return [PlanLine(plan, by_plan.get(plan.pk, [])) for plan in plans]


def unit_cases(school: Organisation, today: dt.date, page: int | str | None) -> Page:
    """The school's cases, newest first, with what an authority may read: kind, dates, status,
    the next due date, overdue now, answered on time. Nothing else is selected: no tracking
    code, sender, contact, identity, person denounced or text (LAW.md §1b: Luật Tố cáo Điều 47)."""
    overdue_step = CaseDeadline.objects.filter(
        case=OuterRef("pk"),
        is_tracked=True,
        done_on__isnull=True,
        moot=False,
        suspended=False,
        due__lt=today,
    )
    # The rule of petitions.dashboard.on_time_by_month: a step done after its stored due date.
    late = CaseDeadline.objects.filter(
        case=OuterRef("pk"), is_tracked=True, due__isnull=False, done_on__gt=F("due")
    )
    rows = (
        Case.objects.filter(organisation=school)
        .annotate(
            answered_on=Coalesce("resolved_on", "sent_on"),
            overdue=Exists(overdue_step),
            late=Exists(late),
        )
        .values(
            "kind",
            "is_anonymous",
            "status",
            "received_on",
            "answered_on",
            "next_due",
            "overdue",
            "late",
        )
        .order_by("-received_on", "-pk")
    )
    return Paginator(rows, CASES_PER_PAGE).get_page(page)
