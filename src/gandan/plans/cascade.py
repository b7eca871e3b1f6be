"""Where the units stand with an authority's plan: who has issued an implementing plan, on time
or late, and how its tasks are going. Computed from stored dates only (the request's due date,
the implementing plan's issue date in the register, the assignments' due dates and the dates
of their "done" reports), never from a unit's own statement of where it stands.

A fixed number of queries whatever the number of plans and units (tested).
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Avg, Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import TruncDate

from gandan.core.vietnamese import collation_key
from gandan.orgs.models import Organisation
from gandan.plans.models import (
    Assignment,
    AssignmentStatus,
    ImplementationRequest,
    ImplementationStatus,
    Plan,
    PlanStatus,
    ProgressUpdate,
)


@dataclass(frozen=True)
class Progress:
    """The implementing plan's assignments by what their stored dates say."""

    total: int = 0
    done_on_time: int = 0
    done_late: int = 0
    overdue: int = 0
    mean_percent: int | None = None

    @property
    def open(self) -> int:
        """Not done and not yet due."""
        return self.total - self.done_on_time - self.done_late - self.overdue

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late


@dataclass(frozen=True)
class UnitRow:
    request: ImplementationRequest
    unit: Organisation
    plan: Plan | None  # the unit's first issued plan implementing the parent
    status: str
    progress: Progress

    @property
    def status_label(self) -> str:
        return str(ImplementationStatus(self.status).label)

    @property
    def is_bad(self) -> bool:
        return self.status in (ImplementationStatus.LATE, ImplementationStatus.OVERDUE)


@dataclass(frozen=True)
class Summary:
    units: int
    on_time: int
    late: int
    overdue: int
    not_yet: int


def summary(rows: list[UnitRow]) -> Summary:
    counts = {status: 0 for status in ImplementationStatus.values}
    for row in rows:
        counts[row.status] += 1
    return Summary(
        units=len(rows),
        on_time=counts[ImplementationStatus.ON_TIME],
        late=counts[ImplementationStatus.LATE],
        overdue=counts[ImplementationStatus.OVERDUE],
        not_yet=counts[ImplementationStatus.NOT_YET],
    )


def _implementing(parent_ids: list[int]) -> dict[tuple[int, int], Plan]:
    """(parent pk, unit pk) → the unit's earliest issued plan implementing that parent."""
    through = Plan.parents.through
    links = (
        through.objects.filter(to_plan_id__in=parent_ids, from_plan__status=PlanStatus.ISSUED)
        .select_related("from_plan__organisation")
        .order_by("from_plan__issued_on", "from_plan_id")
    )
    found: dict[tuple[int, int], Plan] = {}
    for link in links:
        child = link.from_plan
        found.setdefault((link.to_plan_id, child.organisation_id), child)
    return found


def progress_of(plan_ids: Iterable[int], today: dt.date) -> dict[int, Progress]:
    """Per plan, its assignments: done on time or late (by the date of the last report that
    said "done", in local time, against the stored due date), overdue now, mean percent."""
    plan_ids = list(plan_ids)
    if not plan_ids:
        return {}
    done_on = (
        ProgressUpdate.objects.filter(assignment=OuterRef("pk"), status=AssignmentStatus.DONE)
        .order_by("-created_at", "-pk")
        .annotate(day=TruncDate("created_at"))
        .values("day")[:1]
    )
    is_done = Q(status=AssignmentStatus.DONE)
    rows = (
        Assignment.objects.filter(task__plan_id__in=plan_ids)
        .annotate(done_on=Subquery(done_on))
        .values("task__plan_id")
        .annotate(
            total=Count("pk"),
            on_time=Count("pk", filter=is_done & Q(done_on__lte=F("due_date"))),
            late=Count(
                "pk", filter=is_done & (Q(done_on__gt=F("due_date")) | Q(done_on__isnull=True))
            ),
            overdue=Count("pk", filter=~is_done & Q(due_date__lt=today)),
            mean=Avg("percent"),
        )
        .order_by()
    )
    return {
        row["task__plan_id"]: Progress(
            total=row["total"],
            done_on_time=row["on_time"],
            done_late=row["late"],
            overdue=row["overdue"],
            mean_percent=round(row["mean"]) if row["mean"] is not None else None,
        )
        for row in rows
    }


def unit_rows(parents: Iterable[Plan], today: dt.date) -> dict[int, list[UnitRow]]:
    """For each parent plan (by pk), one row per unit it was sent to, in Vietnamese dictionary
    order of the units' names. Three queries, whatever the number of plans and units."""
    parent_ids = [plan.pk for plan in parents]
    result: dict[int, list[UnitRow]] = {pk: [] for pk in parent_ids}
    if not parent_ids:
        return result
    requests = list(
        ImplementationRequest.objects.filter(parent_plan_id__in=parent_ids)
        .select_related("organisation")
        .order_by("pk")
    )
    requests.sort(key=lambda r: (collation_key(r.organisation.name), r.pk))
    implementing = _implementing(parent_ids)
    progress = progress_of({plan.pk for plan in implementing.values()}, today)
    for request in requests:
        plan = implementing.get((request.parent_plan_id, request.organisation_id))
        result[request.parent_plan_id].append(
            UnitRow(
                request=request,
                unit=request.organisation,
                plan=plan,
                status=request.status(plan.issued_on if plan else None, today),
                progress=progress.get(plan.pk, Progress()) if plan else Progress(),
            )
        )
    return result


@dataclass(frozen=True)
class PendingRequest:
    """A request the unit has not answered yet with an issued implementing plan."""

    request: ImplementationRequest
    overdue: bool


def pending_requests(organisation_ids: Iterable[int], today: dt.date) -> list[PendingRequest]:
    """Requests to these units that no issued plan of the unit implements yet; one query."""
    answered = Plan.objects.filter(
        organisation=OuterRef("organisation"),
        parents=OuterRef("parent_plan"),
        status=PlanStatus.ISSUED,
    )
    rows = (
        ImplementationRequest.objects.filter(organisation_id__in=list(organisation_ids))
        .filter(parent_plan__status=PlanStatus.ISSUED)
        .exclude(Exists(answered))
        .select_related("parent_plan__organisation", "organisation")
        .order_by("due_on", "pk")
    )
    return [PendingRequest(request, overdue=request.due_on < today) for request in rows]


def requests_for(plan: Plan) -> list[ImplementationRequest]:
    """The requests this plan of a unit answers: parents of the plan sent to its unit."""
    return list(
        ImplementationRequest.objects.filter(
            organisation=plan.organisation, parent_plan__in=plan.parents.all()
        )
        .select_related("parent_plan__organisation")
        .order_by("due_on", "pk")
    )
