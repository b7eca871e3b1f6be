"""The desk panel: my registrations, what I have to score, nominations awaiting my answer."""

import datetime as dt
from typing import Any

from gandan.emulation import access
from gandan.emulation.models import OPEN_STATUSES
from gandan.orgs import access as org_access
from gandan.orgs.models import User


def desk_panel(user: User, today: dt.date) -> dict[str, Any]:
    """The panel's context; no school (nothing shown) for those who do not take part."""
    organisation = org_access.primary_organisation(user)
    school = organisation.school() if organisation is not None else None
    if school is None or not access.can_take_part(user, school):
        return {"school": None}
    mine = list(
        access.responsible_registrations(user, school)
        .running()
        .select_related("campaign")
        .order_by("campaign__starts_on", "title")[:10]
    )
    to_score = list(access.registrations_to_score(user, school).order_by("title")[:10])
    asked = list(access.nominations_to_answer(user, school).select_related("nominator")[:5])
    return {
        "school": school,
        "mine": mine,
        "open_statuses": OPEN_STATUSES,
        "to_score": to_score,
        "asked": asked,
        "total": len(to_score) + len(asked),
    }
