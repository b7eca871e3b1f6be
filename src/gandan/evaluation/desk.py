"""The desk panels: forms waiting for the user (their self-assessment, the tổ's opinions);
for the managing body's officers, the heads of the schools below it awaiting its decision or
its written notice (NĐ 233/2026, Điều 13 k3a)."""

import datetime as dt
from typing import Any

from gandan.evaluation import access
from gandan.evaluation.models import CycleStatus, EvaluationStatus
from gandan.orgs.models import User

MINE_ROWS = 10
REVIEW_ROWS = 20


def desk_panel(user: User, today: dt.date) -> dict[str, Any]:
    """The panel's context: what the user has to fill in, then what their tổ has to review."""
    mine = list(access.evaluations_to_fill(user).select_related("cycle", "person")[:MINE_ROWS])
    to_review = list(
        access.evaluations_to_review(user)
        .select_related("cycle", "person")
        .order_by("person__sort_key")[:REVIEW_ROWS]
    )
    return {"mine": mine, "to_review": to_review, "count": len(mine) + len(to_review)}


def managing_body_panel(user: User, today: dt.date) -> dict[str, Any]:
    """The heads awaiting the managing body: a decision in an open cycle, or the notice of a
    closed year; decided periods are done."""
    rows = access.evaluations_for_managing_body(user).select_related(
        "person", "cycle__organisation"
    )
    waiting = list(
        rows.filter(cycle__status=CycleStatus.OPEN)
        .exclude(status__in=(EvaluationStatus.DECIDED, EvaluationStatus.NOT_RATED))
        .order_by("cycle__ends_on", "person__sort_key")[:REVIEW_ROWS]
    )
    to_notify = list(
        rows.filter(cycle__period_type="year", notice__isnull=True)
        .exclude(cycle__status=CycleStatus.OPEN)
        .filter(status__in=(EvaluationStatus.DECIDED, EvaluationStatus.NOT_RATED))
        .order_by("cycle__ends_on", "person__sort_key")[:REVIEW_ROWS]
    )
    return {"waiting": waiting, "to_notify": to_notify, "count": len(waiting) + len(to_notify)}
