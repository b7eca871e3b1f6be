"""Refreshing the indicator summary tables, incrementally, from the audit log as change feed.

What is recomputed (`refresh_indicators`):
- schools whose organisation, or one of its internal units, appears in an audit event after the
  watermark (every domain state change writes one in the same transaction: ADR 3);
- schools where time alone changed a figure since the last refresh day: an open case step, a
  plan assignment or a disclosure item whose stored due date passed, a board term that started
  or ended, a campaign that started, and survey answers of the period (an anonymous answer
  writes no audit row, by design: surveys/events.py);
- everything (`full=True`, the first run, a new calendar year, or a yearly disclosure date
  passing for every school).
A school's figures are recomputed by GROUP BY aggregates over `organisation_id IN (…)` batches,
its `UnitMonth` rows replaced (delete + bulk_create) and its `UnitStatus` row with them, in one
transaction. The work grows with the schools touched, never with untouched rows.

The dashboards call `refresh_if_behind()` before rendering (a documented choice, see its
docstring); cron or a worker runs `gandan refresh_indicators` for the rest, and for everything
when the pages read a streaming replica (core.db_router).
"""

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import (
    Avg,
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.expressions import ExpressionWrapper
from django.db.models.functions import Coalesce, ExtractDay, ExtractMonth, ExtractYear, TruncDate
from django.db.models.lookups import GreaterThanOrEqual
from django.utils import timezone

from gandan.audit.models import AuditEvent
from gandan.core.db_router import replica_in_use
from gandan.democracy import rules as democracy_rules
from gandan.democracy.models import (
    BoardTerm,
    Conference,
    ConferenceKind,
    ConferenceStatus,
    DisclosureItem,
    DisclosureObligation,
    RecommendationStatus,
    Timing,
)
from gandan.emulation.models import Campaign, Registration
from gandan.evaluation.models import CycleStatus, Evaluation, EvaluationCycle, EvaluationStatus
from gandan.evaluation.periods import PeriodType
from gandan.evaluation.rules import Level, quota_allowed
from gandan.orgs.models import INTERNAL_KINDS, Organisation, OrgKind
from gandan.petitions.models import OPEN_STATUSES, CaseDeadline, CaseKind
from gandan.petitions.models import Case as PetitionCase
from gandan.plans.models import Assignment, AssignmentStatus, Plan, PlanStatus, ProgressUpdate
from gandan.reports.indicators import CUT_OFF_DAY, month_of_index
from gandan.reports.models import RefreshState, UnitMonth, UnitStatus
from gandan.surveys.models import Audience, Response, Survey

logger = logging.getLogger(__name__)

BATCH = 200

KIND_COLUMNS: dict[str, str] = {
    CaseKind.COMPLAINT: "received_complaints",
    CaseKind.DENUNCIATION: "received_denunciations",
    CaseKind.RECOMMENDATION: "received_recommendations",
    CaseKind.FEEDBACK: "received_feedback",
    CaseKind.INFORMATION_REQUEST: "received_information_requests",
}


def report_index(expression: Any) -> ExpressionWrapper:
    """year × 12 + month − 1 of the report month of a date (or of a datetime, in local time):
    from the 15th a day counts in the next month (indicators.report_month; NĐ 09/2019 Điều 12)."""
    return ExpressionWrapper(
        ExtractYear(expression) * 12
        + ExtractMonth(expression)
        - 1
        + Case(
            When(GreaterThanOrEqual(ExtractDay(expression), CUT_OFF_DAY), then=Value(1)),
            default=Value(0),
        ),
        output_field=IntegerField(),
    )


@dataclass(frozen=True)
class RefreshResult:
    schools: int
    full: bool
    last_sequence: int


def _latest_sequence() -> int:
    return AuditEvent.objects.order_by("-sequence").values_list("sequence", flat=True).first() or 0


def is_behind(today: dt.date | None = None) -> bool:
    """Two indexed reads: has anything been audited, or has a day passed, since the last run?"""
    today = today or timezone.localdate()
    state = RefreshState.objects.filter(id=1).values("last_sequence", "last_date").first()
    if state is None or state["last_date"] is None or state["last_date"] < today:
        return True
    return state["last_sequence"] < _latest_sequence()


def refresh_if_behind(today: dt.date | None = None) -> RefreshResult | None:
    """Refresh before a dashboard renders, when the watermark is behind.

    Chosen so that an officer never reads figures older than the last change: the refresh is
    incremental (the schools touched since the last one), so the page pays for the changes since
    the last visit, not for the province. Between changes it costs two indexed reads.

    With a streaming replica in use it does nothing: the worker's `gandan refresh_indicators`
    keeps the rows fresh (docs/PROVINCE.md), and the pages read them from the replica, which a
    request that refreshed (wrote) could not do (core.db_router).
    """
    if replica_in_use() or not is_behind(today):
        return None
    return refresh_indicators(today=today)


def refresh_all() -> RefreshResult:
    """The nightly full refresh of the worker's schedule (job reports.refresh_full)."""
    return refresh_indicators(full=True)


@transaction.atomic
def refresh_indicators(*, full: bool = False, today: dt.date | None = None) -> RefreshResult:
    """Recompute the summary rows of the schools touched since the watermark (all with `full`).

    Safe to rerun: the rows are replaced, never incremented. The state row is locked, so two
    refreshes run one after the other; the second finds little or nothing to do.
    """
    today = today or timezone.localdate()
    state, _created = RefreshState.objects.select_for_update().get_or_create(id=1)
    target = _latest_sequence()
    full = full or _needs_full(state, today)
    if full:
        school_ids = list(
            Organisation.objects.filter(kind=OrgKind.SCHOOL, is_active=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    else:
        school_ids = sorted(_touched_schools(state, target, today))
    for start in range(0, len(school_ids), BATCH):
        recompute_schools(school_ids[start : start + BATCH], today=today)
    now = timezone.now()
    state.last_sequence = max(target, state.last_sequence)
    state.last_date = today
    state.updated_at = now
    if full:
        state.last_full_at = now
    state.save()
    logger.info("indicators refreshed: %d schools (full=%s)", len(school_ids), full)
    return RefreshResult(len(school_ids), full, state.last_sequence)


def _needs_full(state: RefreshState, today: dt.date) -> bool:
    last = state.last_date
    if last is None or state.last_full_at is None:
        return True
    # The "current year" of plans and yearly disclosures changed.
    if last.year != today.year:
        return True
    # A yearly disclosure date passed: every school may now miss it (TT 09/2024 Điều 15 k1).
    yearly = DisclosureObligation.objects.in_force(today).filter(timing=Timing.ANNUAL)
    return any(
        (due := obligation.annual_due_date(today.year)) is not None and last <= due < today
        for obligation in yearly
    )


def _touched_schools(state: RefreshState, target: int, today: dt.date) -> set[int]:
    org_ids = set(
        AuditEvent.objects.filter(
            sequence__gt=state.last_sequence, sequence__lte=target, organisation__isnull=False
        )
        .values_list("organisation_id", flat=True)
        .distinct()
    )
    last = state.last_date
    if last is not None and last < today:
        org_ids |= _time_driven(last, today)
    return _schools_of(org_ids)


def _time_driven(last: dt.date, today: dt.date) -> set[int]:
    """Organisations where a figure changed with the date alone, since the day `last`: what was
    not overdue on `last` (due ≥ last) and is now (due < today)."""
    ids: set[int] = set()
    ids |= set(
        CaseDeadline.objects.filter(
            is_tracked=True,
            done_on__isnull=True,
            moot=False,
            suspended=False,
            due__gte=last,
            due__lt=today,
            case__status__in=OPEN_STATUSES,
        ).values_list("case__organisation_id", flat=True)
    )
    ids |= set(
        Assignment.objects.open()
        .filter(due_date__gte=last, due_date__lt=today)
        .values_list("task__plan__organisation_id", flat=True)
    )
    ids |= set(
        DisclosureItem.objects.filter(
            published_on__isnull=True, withdrawn=False, due_date__gte=last, due_date__lt=today
        ).values_list("organisation_id", flat=True)
    )
    ids |= set(
        BoardTerm.objects.filter(
            Q(starts_on__gt=last, starts_on__lte=today) | Q(ends_on__gte=last, ends_on__lt=today)
        ).values_list("organisation_id", flat=True)
    )
    ids |= set(
        Campaign.objects.filter(starts_on__gt=last, starts_on__lte=today).values_list(
            "organisation_id", flat=True
        )
    )
    # Survey answers leave no audit row, and an anonymous answer carries its survey's first
    # day rather than its own: every school with a survey open may have new answers (closing
    # one is audited). Identified answers keep their day.
    ids |= set(Survey.objects.running().values_list("organisation_id", flat=True))
    ids |= set(
        Response.objects.filter(created_on__gte=last).values_list(
            "survey__organisation_id", flat=True
        )
    )
    return ids


def _schools_of(org_ids: Iterable[int]) -> set[int]:
    """The schools these organisations are or belong to (internal units → their school)."""
    rows = Organisation.objects.filter(pk__in=list(org_ids)).values_list("pk", "kind", "parent_id")
    schools = set()
    for pk, kind, parent_id in rows:
        if kind == OrgKind.SCHOOL:
            schools.add(pk)
        elif kind in INTERNAL_KINDS and parent_id is not None:
            schools.add(parent_id)
    return schools


# The recomputation of a batch of schools.


def recompute_schools(school_ids: list[int], *, today: dt.date) -> None:
    """Replace the summary rows of these schools with fresh aggregates (one transaction)."""
    if not school_ids:
        return
    months = _month_rows(school_ids, today)
    statuses = _status_rows(school_ids, today)
    with transaction.atomic():
        UnitMonth.objects.filter(organisation_id__in=school_ids).delete()
        UnitMonth.objects.bulk_create(
            UnitMonth(organisation_id=org_id, month=month_of_index(index), **values)
            for (org_id, index), values in sorted(months.items())
        )
        UnitStatus.objects.filter(organisation_id__in=school_ids).delete()
        UnitStatus.objects.bulk_create(statuses)


MonthKey = tuple[int, int]


def _grouped(rows: Any) -> Iterator[dict[str, Any]]:
    """The rows of a `.values().annotate()` query as plain dictionaries (typed loosely: each
    query groups by other keys)."""
    yield from rows


def _month_rows(ids: list[int], today: dt.date) -> dict[MonthKey, dict[str, Any]]:
    rows: dict[MonthKey, dict[str, Any]] = defaultdict(dict)

    def put(org_id: int, index: int, **values: Any) -> None:
        row = rows[(org_id, index)]
        for key, value in values.items():
            row[key] = row.get(key, 0) + (value or 0)

    cases = PetitionCase.objects.filter(organisation_id__in=ids)
    for row in _grouped(
        cases.annotate(m=report_index("received_on"))
        .values("organisation_id", "m", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        put(row["organisation_id"], row["m"], **{KIND_COLUMNS[row["kind"]]: row["n"]})

    # A case is answered on time when none of its tracked steps was done after its stored due
    # date: the rule of the school's own page (petitions.dashboard.on_time_by_month).
    late_step = CaseDeadline.objects.filter(
        case=OuterRef("pk"), is_tracked=True, due__isnull=False, done_on__gt=F("due")
    )
    for row in _grouped(
        cases.annotate(answered_on=Coalesce("resolved_on", "sent_on"))
        .filter(answered_on__isnull=False)
        .annotate(m=report_index("answered_on"), late=Exists(late_step))
        .values("organisation_id", "m")
        .annotate(
            answered=Count("pk"),
            on_time=Count("pk", filter=Q(late=False)),
        )
        .order_by()
    ):
        put(
            row["organisation_id"],
            row["m"],
            answered=row["answered"],
            answered_on_time=row["on_time"],
        )

    # Contesting reopens the case and clears its result (petitions contest_case): counted in
    # the month the sender contested.
    for row in _grouped(
        cases.filter(contested=True)
        .annotate(m=report_index(Coalesce("contested_at", "updated_at")))
        .values("organisation_id", "m")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        put(row["organisation_id"], row["m"], contested=row["n"])

    for row in _grouped(
        cases.filter(satisfaction__isnull=False)
        .annotate(m=report_index(Coalesce("rated_at", "closed_at", "received_at")))
        .values("organisation_id", "m")
        .annotate(
            n=Count("pk"),
            total=Sum("satisfaction"),
            total_sq=Sum(F("satisfaction") * F("satisfaction")),
        )
        .order_by()
    ):
        put(
            row["organisation_id"],
            row["m"],
            rated=row["n"],
            rating_sum=row["total"],
            rating_sum_sq=row["total_sq"],
        )

    # surveys/index.py point 6: parents' and citizens' surveys count, staff surveys do not.
    for row in _grouped(
        Response.objects.filter(
            survey__organisation_id__in=ids,
            survey__audience__in=[Audience.PARENTS, Audience.CITIZENS],
            score__isnull=False,
        )
        .annotate(m=report_index("created_on"))
        .values("survey__organisation_id", "m")
        .annotate(n=Count("score"), total=Sum("score"), total_sq=Sum(F("score") * F("score")))
        .order_by()
    ):
        put(
            row["survey__organisation_id"],
            row["m"],
            survey_responses=row["n"],
            survey_score_sum=row["total"],
            survey_score_sum_sq=row["total_sq"],
        )

    # democracy.deadlines.item_compliance, on the stored due date and publication date.
    for row in _grouped(
        DisclosureItem.objects.filter(organisation_id__in=ids, withdrawn=False)
        .annotate(m=report_index("due_date"))
        .values("organisation_id", "m")
        .annotate(
            due=Count("pk"),
            on_time=Count("pk", filter=Q(published_on__lte=F("due_date"))),
            late=Count("pk", filter=Q(published_on__gt=F("due_date"))),
            missing=Count("pk", filter=Q(published_on__isnull=True, due_date__lt=today)),
        )
        .order_by()
    ):
        put(
            row["organisation_id"],
            row["m"],
            disclosures_due=row["due"],
            disclosures_on_time=row["on_time"],
            disclosures_late=row["late"],
            disclosures_missing=row["missing"],
        )

    # Done on time: the (last) progress report that said "done" is dated on or before the due
    # date, in local time. The status alone proves nothing about when.
    done_on = (
        ProgressUpdate.objects.filter(assignment=OuterRef("pk"), status=AssignmentStatus.DONE)
        .order_by("-created_at", "-pk")
        .annotate(day=TruncDate("created_at"))
        .values("day")[:1]
    )
    is_done = Q(status=AssignmentStatus.DONE)
    for row in _grouped(
        _assignments(ids)
        .annotate(m=report_index("due_date"), done_on=Subquery(done_on))
        .values("task__plan__organisation_id", "m")
        .annotate(
            due=Count("pk"),
            on_time=Count("pk", filter=is_done & Q(done_on__lte=F("due_date"))),
            late=Count(
                "pk", filter=is_done & (Q(done_on__gt=F("due_date")) | Q(done_on__isnull=True))
            ),
            overdue=Count("pk", filter=~is_done & Q(due_date__lt=today)),
        )
        .order_by()
    ):
        put(
            row["task__plan__organisation_id"],
            row["m"],
            tasks_due=row["due"],
            tasks_done_on_time=row["on_time"],
            tasks_done_late=row["late"],
            tasks_overdue=row["overdue"],
        )
    return rows


def _assignments(ids: list[int]) -> QuerySet[Assignment]:
    # democracy.oversight.school_overview: a withdrawn plan's assignments no longer count.
    return Assignment.objects.filter(task__plan__organisation_id__in=ids).exclude(
        task__plan__status=PlanStatus.WITHDRAWN
    )


def _latest_per_school(ids: list[int], rows: QuerySet[Any], order: list[str]) -> QuerySet[Any]:
    """The pk of each school's latest row of `rows` (filtered on organisation=OuterRef)."""
    latest = Subquery(rows.filter(organisation=OuterRef("pk")).order_by(*order).values("pk")[:1])
    return Organisation.objects.filter(pk__in=ids).annotate(latest=latest).values("latest")


def _status_rows(ids: list[int], today: dt.date) -> list[UnitStatus]:
    now = timezone.now()
    year = today.year
    statuses = {
        pk: UnitStatus(organisation_id=pk, refreshed_at=now, as_of=today, plan_year=year)
        for pk in ids
    }

    # Overdue now: a tracked step not done, not moot, not suspended (its clock stopped: Luật
    # Tố cáo 2018 Điều 34), due before today.
    overdue_step = CaseDeadline.objects.filter(
        case=OuterRef("pk"),
        is_tracked=True,
        done_on__isnull=True,
        moot=False,
        suspended=False,
        due__lt=today,
    )
    for row in _grouped(
        PetitionCase.objects.filter(organisation_id__in=ids)
        .open()
        .annotate(late=Exists(overdue_step))
        .values("organisation_id")
        .annotate(n=Count("pk"), overdue=Count("pk", filter=Q(late=True)))
        .order_by()
    ):
        status = statuses[row["organisation_id"]]
        status.cases_open, status.cases_overdue = row["n"], row["overdue"]

    issued = Plan.objects.filter(organisation_id__in=ids, status=PlanStatus.ISSUED, year=year)
    for row in _grouped(
        issued.values("organisation_id").annotate(first=Min("issued_on")).order_by()
    ):
        status = statuses[row["organisation_id"]]
        status.plan_issued, status.plan_issued_on = True, row["first"]
    for org_id in issued.filter(parents__isnull=False).values_list("organisation_id", flat=True):
        statuses[org_id].plan_implements_parent = True

    for row in _grouped(
        _assignments(ids)
        .values("task__plan__organisation_id")
        .annotate(
            open=Count("pk", filter=~Q(status=AssignmentStatus.DONE)),
            overdue=Count("pk", filter=~Q(status=AssignmentStatus.DONE) & Q(due_date__lt=today)),
            progress=Avg("percent", filter=Q(task__plan__year=year)),
        )
        .order_by()
    ):
        status = statuses[row["task__plan__organisation_id"]]
        status.tasks_open, status.tasks_overdue = row["open"], row["overdue"]
        status.progress_mean = row["progress"]

    held = Conference.objects.filter(kind=ConferenceKind.ANNUAL, status=ConferenceStatus.CLOSED)
    for row in _grouped(
        Conference.objects.filter(pk__in=_latest_per_school(ids, held, ["-held_on", "-pk"]))
        .annotate(present=Count("attendees", filter=Q(attendees__present=True)))
        .values(
            "organisation_id",
            "held_on",
            "due_by",
            "summoned_count",
            "present",
            "resolution_document_id",
        )
    ):
        status = statuses[row["organisation_id"]]
        status.conference_held_on = row["held_on"]
        # Luật 10/2022/QH15, Điều 51 k1 (the stored due date) and k2c (quorum of 2/3).
        status.conference_in_window = row["due_by"] is None or row["held_on"] <= row["due_by"]
        status.conference_quorum_met = democracy_rules.conference_is_valid(
            row["present"], row["summoned_count"]
        )
        status.conference_resolution_issued = row["resolution_document_id"] is not None

    for row in _grouped(
        BoardTerm.objects.filter(organisation_id__in=ids, starts_on__lte=today, ends_on__gte=today)
        .values("organisation_id")
        .annotate(
            n_programmes=Count("programmes", distinct=True),
            total=Count("inspections__recommendations", distinct=True),
            answered=Count(
                "inspections__recommendations",
                filter=~Q(inspections__recommendations__status=RecommendationStatus.OPEN),
                distinct=True,
            ),
        )
        .order_by()
    ):
        status = statuses[row["organisation_id"]]
        status.board_constituted = True
        status.board_programme = row["n_programmes"] > 0
        status.recommendations, status.recommendations_answered = row["total"], row["answered"]

    started = Campaign.objects.filter(starts_on__lte=today)
    for row in _grouped(
        Registration.objects.filter(
            campaign_id__in=_latest_per_school(ids, started, ["-starts_on", "-pk"])
        )
        .values("campaign__organisation_id")
        .annotate(n=Count("pk"), recognised=Count("recognition"))
        .order_by()
    ):
        status = statuses[row["campaign__organisation_id"]]
        status.emulation_registered, status.emulation_recognised = row["n"], row["recognised"]

    _evaluation_status(ids, statuses)

    yearly_due = [
        obligation.pk
        for obligation in DisclosureObligation.objects.in_force(today).filter(timing=Timing.ANNUAL)
        if (due := obligation.annual_due_date(year)) is not None and due < today
    ]
    if yearly_due:
        # democracy.deadlines.obligation_standing: missing until a yearly item is published.
        found = dict(
            DisclosureItem.objects.filter(
                organisation_id__in=ids,
                obligation_id__in=yearly_due,
                year=year,
                is_update=False,
                withdrawn=False,
                published_on__isnull=False,
            )
            .values("organisation_id")
            .annotate(k=Count("obligation", distinct=True))
            .values_list("organisation_id", "k")
            .order_by()
        )
        for pk, status in statuses.items():
            status.disclosures_yearly_missing = len(yearly_due) - found.get(pk, 0)
    return list(statuses.values())


LEVEL_COLUMNS: dict[str, str] = {
    Level.EXCELLENT: "evaluation_excellent",
    Level.GOOD: "evaluation_good",
    Level.DONE: "evaluation_done",
    Level.NOT_DONE: "evaluation_not_done",
}


def _evaluation_status(ids: list[int], statuses: dict[int, UnitStatus]) -> None:
    """The last yearly cycle: closed or not, the count per decided level, and whether each group
    of similar tasks keeps to the "xuất sắc" quota (evaluation.rules.quota_allowed, NĐ 233/2026
    Điều 12 k6). Counts only: no person's result leaves the school."""
    yearly = EvaluationCycle.objects.filter(period_type=PeriodType.YEAR)
    cycles = {
        cycle.pk: cycle
        for cycle in EvaluationCycle.objects.filter(
            pk__in=_latest_per_school(ids, yearly, ["-year", "-ends_on", "-pk"])
        ).select_related("rule_set")
    }
    for cycle in cycles.values():
        status = statuses[cycle.organisation_id]
        status.evaluation_year = cycle.year
        status.evaluation_closed = cycle.status in (CycleStatus.DECIDED, CycleStatus.PUBLISHED)
        status.evaluation_quota_ok = True
    groups: dict[tuple[int, str], dict[str, int]] = defaultdict(dict)
    for row in _grouped(
        Evaluation.objects.filter(cycle_id__in=list(cycles), status=EvaluationStatus.DECIDED)
        .exclude(level="")
        .values("cycle_id", "quota_group", "level")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        cycle = cycles[row["cycle_id"]]
        status = statuses[cycle.organisation_id]
        column = LEVEL_COLUMNS[row["level"]]
        setattr(status, column, getattr(status, column) + row["n"])
        groups[(cycle.pk, row["quota_group"])][row["level"]] = row["n"]
    for (cycle_pk, _group), levels in groups.items():
        cycle = cycles[cycle_pk]
        params = cycle.rule_set.params()
        percent = (
            params.quota_percent_excellent_unit
            if cycle.unit_level == Level.EXCELLENT
            else params.quota_percent
        )
        excellent = levels.get(Level.EXCELLENT, 0)
        allowed = quota_allowed(excellent + levels.get(Level.GOOD, 0), percent, params.quota_base)
        if excellent > allowed:
            statuses[cycle.organisation_id].evaluation_quota_ok = False


__all__ = [
    "RefreshResult",
    "is_behind",
    "recompute_schools",
    "refresh_if_behind",
    "refresh_indicators",
    "report_index",
]
