"""What the plans app already knows about a person's work in a period, as evaluation input.

NĐ 233/2026, Điều 4 k1 asks for evaluation "thông qua sản phẩm, công việc cụ thể"; Điều 11 k2
names quantity, quality and timeliness. The system knows the tasks assigned to each person
(plans.Assignment, with a stored due date) and when each was reported done (the first
ProgressUpdate with status "done"). Quality is not recorded there: the person and the tổ
judge it, which is why the score is only a suggestion that both may change with a reason.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Min, Q
from django.utils import timezone

from gandan.evaluation import rules
from gandan.plans.models import Assignment, AssignmentStatus, PlanStatus


class Outcome:
    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"
    NOT_DUE = "not_due"


OUTCOME_LABELS = {
    Outcome.ON_TIME: "Hoàn thành đúng hạn",
    Outcome.LATE: "Hoàn thành trễ hạn",
    Outcome.OVERDUE: "Quá hạn, chưa hoàn thành",
    Outcome.NOT_DUE: "Chưa đến hạn",
}


@dataclass(frozen=True)
class TaskResult:
    assignment_id: int
    title: str
    due_date: dt.date
    done_on: dt.date | None
    outcome: str

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS[self.outcome]


@dataclass(frozen=True)
class TaskSummary:
    results: tuple[TaskResult, ...]

    def count(self, outcome: str) -> int:
        return sum(1 for result in self.results if result.outcome == outcome)

    @property
    def on_time(self) -> int:
        return self.count(Outcome.ON_TIME)

    @property
    def late(self) -> int:
        return self.count(Outcome.LATE)

    @property
    def overdue(self) -> int:
        return self.count(Outcome.OVERDUE)

    def suggested(self, unit_rules, task_max: Decimal | None) -> Decimal | None:
        """The unit's point rule applied to these results (None without rules or tasks)."""
        if unit_rules is None or task_max is None:
            return None
        return rules.suggested_task_score(
            on_time=self.on_time,
            late=self.late,
            overdue=self.overdue,
            task_max=task_max,
            on_time_percent=unit_rules.on_time_percent,
            late_percent=unit_rules.late_percent,
            overdue_percent=unit_rules.overdue_percent,
        )

    def as_basis(self) -> dict:
        """The counts stored with the evaluation, so the suggestion can be explained later."""
        return {
            "on_time": self.on_time,
            "late": self.late,
            "overdue": self.overdue,
            "not_due": self.count(Outcome.NOT_DUE),
            "tasks": [
                {
                    "title": result.title[:200],
                    "due": result.due_date.isoformat(),
                    "done": result.done_on.isoformat() if result.done_on else None,
                    "outcome": result.outcome,
                }
                for result in self.results
            ],
        }


def classify(due: dt.date, done_on: dt.date | None, as_of: dt.date) -> str:
    """On time, late, overdue, or not yet due, as things stood on `as_of`."""
    if done_on is not None and done_on <= as_of:
        return Outcome.ON_TIME if done_on <= due else Outcome.LATE
    return Outcome.OVERDUE if due < as_of else Outcome.NOT_DUE


def task_results(
    *, person, organisation, start: dt.date, end: dt.date, as_of: dt.date
) -> TaskSummary:
    """The person's own assignments due in [start, end] in the organisation's plans; one query.

    Assignments to a whole unit are not one person's result and are left out; withdrawn plans
    too. `as_of` is the period's end, or today while the period runs.
    """
    rows = (
        Assignment.objects.filter(
            assignee=person,
            task__plan__organisation=organisation,
            due_date__gte=start,
            due_date__lte=end,
        )
        .exclude(task__plan__status=PlanStatus.WITHDRAWN)
        .annotate(
            done_at=Min("updates__created_at", filter=Q(updates__status=AssignmentStatus.DONE))
        )
        .select_related("task", "item")
        .order_by("due_date", "pk")
    )
    results = []
    for row in rows:
        done_at = row.done_at
        if done_at is None and row.status == AssignmentStatus.DONE:
            done_at = row.last_reported_at or row.updated_at
        done_on = timezone.localdate(done_at) if done_at else None
        title = row.item.text if row.item is not None else f"{row.task.number}. {row.task.heading}"
        results.append(
            TaskResult(row.pk, title, row.due_date, done_on, classify(row.due_date, done_on, as_of))
        )
    return TaskSummary(tuple(results))
