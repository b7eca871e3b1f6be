"""The desk panel: forms waiting for the user (their self-assessment, the tổ's opinions)."""

import datetime as dt
from typing import Any

from gandan.evaluation import access
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
