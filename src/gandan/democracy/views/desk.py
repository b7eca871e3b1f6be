"""The desk panel: disclosures I have not read, ballots waiting for my vote."""

from gandan.democracy import access
from gandan.democracy.electorate import is_staff_of
from gandan.democracy.models import Ballot, BallotStatus
from gandan.democracy.views.disclosures import unread_staff_items
from gandan.orgs import access as org_access


def democracy_panel(user, today) -> dict:
    organisation = org_access.primary_organisation(user)
    school = organisation.school() if organisation is not None else None
    if school is None or not is_staff_of(user, school):
        return {"school": None}
    unread = list(unread_staff_items(user, school, today).select_related("obligation")[:10])
    ballots = list(
        Ballot.objects.filter(organisation=school, status=BallotStatus.OPEN, electors__user=user)
        .exclude(participations__voter=user)
        .order_by("closes_at", "-opened_at")[:10]
    )
    return {
        "school": school,
        "unread": unread,
        "ballots": ballots,
        "total": len(unread) + len(ballots),
        "can_manage": access.can_manage(user, school),
    }
