"""What the inspection board watches, read only: open and overdue plan assignments and citizen
cases, and the disclosure register's problems (Luật 10/2022/QH15, Điều 56, 61: the board
supervises how the head carries out the law and the unit's democracy rules).

This module reads other domain apps' models, and only here. It returns counts and titles:
never the content of a case, who sent it, or anything else that identifies a person.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q

from gandan.democracy import deadlines
from gandan.democracy.models import DisclosureItem, DisclosureObligation
from gandan.orgs.models import Organisation
from gandan.petitions.models import Case, CaseKind
from gandan.plans.models import Assignment, PlanStatus

OVERDUE_ROWS = 20


@dataclass(frozen=True)
class OverdueTask:
    plan: str
    task: str
    due_date: dt.date


@dataclass(frozen=True)
class CaseCount:
    kind: str
    label: str
    open: int
    overdue: int


@dataclass(frozen=True)
class Overview:
    assignments_open: int
    assignments_overdue: int
    overdue_tasks: list[OverdueTask]
    cases: list[CaseCount]
    cases_open: int
    cases_overdue: int
    disclosure_problems: dict[str, int]


def school_overview(school: Organisation, today: dt.date) -> Overview:
    """Counts and titles of the school's open and overdue work, in a fixed number of queries."""
    assignments = Assignment.objects.filter(task__plan__organisation=school).exclude(
        task__plan__status=PlanStatus.WITHDRAWN
    )
    totals = assignments.open().aggregate(
        open=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=today))
    )
    overdue = [
        OverdueTask(plan, task, due)
        for plan, task, due in assignments.overdue(today)
        .order_by("due_date", "pk")
        .values_list("task__plan__title", "task__heading", "due_date")[:OVERDUE_ROWS]
    ]
    rows = (
        Case.objects.filter(organisation=school)
        .open()
        .values("kind")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(next_due__lt=today)))
    )
    by_kind = {row["kind"]: (row["open"], row["overdue"]) for row in rows}
    cases = [
        CaseCount(kind, str(label), *by_kind.get(kind, (0, 0))) for kind, label in CaseKind.choices
    ]
    register = deadlines.build_register(
        DisclosureObligation.objects.in_force(today),
        DisclosureItem.objects.filter(organisation=school).select_related("obligation"),
        today,
    )
    return Overview(
        assignments_open=totals["open"],
        assignments_overdue=totals["overdue"],
        overdue_tasks=overdue,
        cases=cases,
        cases_open=sum(row.open for row in cases),
        cases_overdue=sum(row.overdue for row in cases),
        disclosure_problems=deadlines.problem_counts(register),
    )
