"""The desk panel "Nhiệm vụ của tôi": the person's open assignments, overdue first; for a
school's head and deputies, the authorities' plans still waiting for the school's
implementing plan."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from gandan.orgs.access import MANAGERS, grants
from gandan.orgs.models import User
from gandan.plans import access, cascade
from gandan.plans.models import Assignment
from gandan.worktime import days

DUE_SOON_WORKING_DAYS = 3
PANEL_ROWS = 20


@dataclass(frozen=True)
class DeskTask:
    assignment: Assignment
    overdue: bool
    due_soon: bool


def my_tasks(user: User, today: dt.date) -> dict[str, Any]:
    """The panel's context: the user's open assignments by due date (the overdue come first)."""
    soon = days.add_working_days(today, DUE_SOON_WORKING_DAYS)
    rows = [
        DeskTask(
            assignment,
            overdue=assignment.is_overdue(today),
            due_soon=not assignment.is_overdue(today) and assignment.due_date <= soon,
        )
        for assignment in access.open_assignments_of(user)
        .select_related("task__plan", "item")
        .order_by("due_date")[:PANEL_ROWS]
    ]
    managed = {grant.organisation_id for grant in grants(user) if grant.role in MANAGERS}
    return {
        "requests": cascade.pending_requests(managed, today) if managed else [],
        "assignments": rows,
        "overdue_count": sum(1 for row in rows if row.overdue),
        "due_soon_count": sum(1 for row in rows if row.due_soon),
        "today": today,
    }
