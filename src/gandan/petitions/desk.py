"""The staff desk's "Đơn thư, tiếp công dân" panel (registered in `apps.py`)."""

import contextlib
import datetime as dt
from typing import Any

from django.http import Http404

from gandan.orgs.models import Organisation, User
from gandan.petitions import access, notices
from gandan.petitions.models import Case

MY_CASES = 10
NOTICES = 5


def panel(user: User, today: dt.date) -> dict[str, Any]:
    """My open cases (handled or verified), new cases for those who receive them, and my
    unread notices about cases (all of them in the notification centre)."""
    school: Organisation | None = None
    new_count = 0
    with contextlib.suppress(Http404):
        school = access.case_school(user)
    if school is not None and access.can_receive_cases(user, school):
        new_count = access.visible_cases(user, school).awaiting_admission().count()
    mine = Case.objects.open().worked_on_by(user)
    return {
        "cases": list(mine.order_by("next_due", "received_at")[:MY_CASES]),
        "case_count": mine.count(),  # the badge counts them all, not the first MY_CASES
        "notices": list(notices.unread_case_notices(user)[:NOTICES]),
        "new_count": new_count,
        "has_school": school is not None,
        "today": today,
    }
