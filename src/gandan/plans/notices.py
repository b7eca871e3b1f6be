"""What the plans tell people (through gandan.notify): a task given to them, a deadline near or
past, a progress report to review, an authority's plan to implement.

Each function builds one event's title, link and key and calls `notify` once; the use cases in
services.py call it inside their transaction (the notice is durable exactly with the event), and
`task_reminders` is the daily job of the worker's schedule and of `gandan task_reminders`.
Keys name the event, so a replay, or the job run twice, notices nobody twice. Text is stored in
Vietnamese (ADR 1).
"""

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gandan.core.language import in_vietnamese
from gandan.core.vietnamese import official_date, shorten
from gandan.notify.models import Topic
from gandan.notify.services import notify
from gandan.orgs.models import Membership, Role, User
from gandan.paperwork.signing import head_of
from gandan.plans import access
from gandan.plans.desk import DUE_SOON_WORKING_DAYS
from gandan.plans.models import (
    Assignment,
    ImplementationRequest,
    Plan,
    PlanStatus,
    PlanTask,
    ProgressUpdate,
)
from gandan.worktime import days


def task_anchor(task: PlanTask) -> str:
    """The id of the task's block on the plan page (templates/plans/detail.html)."""
    return f"task-{task.pk}"


def _task_url(task: PlanTask) -> str:
    url = reverse("plans:detail", kwargs={"public_id": task.plan.public_id})
    return f"{url}#{task_anchor(task)}"


def _assignment_url(assignment: Assignment) -> str:
    """The assignment's own page: what was given, the due date, the report form."""
    return reverse("plans:progress", kwargs={"pk": assignment.pk})


def _plan_name(plan: Plan) -> str:
    if plan.number_symbol:
        return f"Kế hoạch số {plan.number_symbol}"
    return f"kế hoạch “{shorten(plan.title, 80)}”"


def _what(assignment: Assignment) -> str:
    text = assignment.item.text if assignment.item is not None else assignment.task.heading
    return shorten(text, 100)


def responsible_people(assignment: Assignment) -> list[User]:
    """Who answers for it (access.is_responsible): the assignee, or whoever holds a current
    role in the assigned unit."""
    if assignment.assignee_id is not None:
        return [assignment.assignee] if assignment.assignee is not None else []
    ids = Membership.objects.current().filter(organisation=assignment.unit_id).values("user_id")
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("sort_key"))


def plan_managers(plan: Plan) -> list[User]:
    """Who reviews the plan's progress: the people `access.can_manage_plans` lets manage it."""
    organisation = plan.organisation
    ids = (
        Membership.objects.current()
        .filter(
            organisation__path__startswith=organisation.path,
            role__in=[Role.HEAD, Role.DEPUTY_HEAD, Role.AUTHORITY_OFFICER],
        )
        .values("user_id")
    )
    candidates = User.objects.filter(pk__in=ids, is_active=True).order_by("sort_key")
    return [user for user in candidates if access.can_manage_plans(user, organisation)]


def _without(people: Iterable[User], actor: User | None) -> list[User]:
    return [person for person in people if actor is None or person.pk != actor.pk]


def task_assigned(assignment: Assignment, actor: User | None) -> None:
    """The assignee (or the unit's people) learn what was given to them and by when."""
    plan = assignment.task.plan
    who = "Bạn" if assignment.assignee_id is not None else assignment.responsible_name
    title = (
        f"{who} được giao nhiệm vụ “{_what(assignment)}” ({_plan_name(plan)}), "
        f"hạn hoàn thành {official_date(assignment.due_date)}"
    )
    lines = [f"Kế hoạch: {plan.title}"]
    if actor is not None:
        lines.append(f"Người giao: {actor.full_name}")
    if assignment.due_rule:
        lines.append(f"Cách tính hạn: {assignment.due_rule}")
    if assignment.note:
        lines.append(f"Ghi chú: {assignment.note}")
    notify(
        _without(responsible_people(assignment), actor),
        topic=Topic.PLANS,
        kind="plans.task_assigned",
        key=f"plans.task_assigned:{assignment.pk}",
        title=title,
        url=_assignment_url(assignment),
        body="\n".join(lines),
    )


def progress_reported(update: ProgressUpdate) -> None:
    """Whoever manages the plan reviews the report (its author excepted)."""
    assignment = update.assignment
    plan = assignment.task.plan
    title = (
        f"{update.author.full_name} báo cáo tiến độ nhiệm vụ “{_what(assignment)}” "
        f"({_plan_name(plan)}): {update.get_status_display()}, {update.percent}%"
    )
    notify(
        _without(plan_managers(plan), update.author),
        topic=Topic.PLANS,
        kind="plans.progress_reported",
        key=f"plans.progress_reported:{update.pk}",
        title=title,
        url=_task_url(assignment.task),
        body=shorten(update.text, 1000),
    )


def implementation_requested(request: ImplementationRequest) -> None:
    """The head of the unit learns that an authority's plan waits for its implementing plan;
    a new due date is a new notice."""
    head = head_of(request.organisation)
    if head is None:
        return
    plan = request.parent_plan
    title = (
        f"{plan.organisation.display_name} giao {request.organisation.display_name} xây dựng "
        f"kế hoạch thực hiện {_plan_name(plan)}, hạn ban hành {official_date(request.due_on)}"
    )
    notify(
        [head],
        topic=Topic.PLANS,
        kind="plans.implementation_requested",
        key=f"plans.implementation_requested:{request.pk}:{request.due_on.isoformat()}",
        title=title,
        url=reverse("plans:detail", kwargs={"public_id": plan.public_id}),
        body=f"Kế hoạch cấp trên: {plan.title}",
    )


def _deadline_notice(assignment: Assignment, *, overdue: bool) -> int:
    # The e-mail's subject keeps 200 characters: what happened and the date come first.
    plan = assignment.task.plan
    due = assignment.due_date
    if overdue:
        kind = "plans.task_overdue"
        title = (
            f"Nhiệm vụ đã quá hạn hoàn thành {official_date(due)}: “{_what(assignment)}” "
            f"({_plan_name(plan)})"
        )
    else:
        kind = "plans.task_due"
        title = (
            f"Nhiệm vụ sắp đến hạn hoàn thành {official_date(due)}: “{_what(assignment)}” "
            f"({_plan_name(plan)})"
        )
    body = (
        f"Người thực hiện: {assignment.responsible_name}. "
        f"Tình trạng: {assignment.get_status_display()}, {assignment.percent}%."
    )
    return len(
        notify(
            responsible_people(assignment),
            topic=Topic.PLANS,
            kind=kind,
            # The due date is in the key: a task given a new date is reminded again.
            key=f"{kind}:{assignment.pk}:{due.isoformat()}",
            title=title,
            url=_assignment_url(assignment),
            body=body,
            urgent=True,
        )
    )


@in_vietnamese
@transaction.atomic
def task_reminders(today: dt.date | None = None) -> int:
    """The daily job: an urgent notice for each open task due within the desk's "sắp đến hạn"
    (three working days, worktime), and
    one when it is overdue; returns how many notices are new. Rerunnable."""
    today = today or timezone.localdate()
    soon = days.add_working_days(today, DUE_SOON_WORKING_DAYS)
    created = 0
    # A withdrawn plan's tasks are no longer anyone's work.
    tasks = Assignment.objects.exclude(task__plan__status=PlanStatus.WITHDRAWN).select_related(
        "task__plan", "item", "assignee", "unit"
    )
    for assignment in tasks.overdue(today):
        created += _deadline_notice(assignment, overdue=True)
    for assignment in tasks.due_soon(today, soon):
        created += _deadline_notice(assignment, overdue=False)
    return created
