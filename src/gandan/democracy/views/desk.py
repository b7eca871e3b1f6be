"""The desk panel: disclosures I have not read, ballots waiting for my vote, drafts asking for
my opinion."""

from gandan.democracy import access
from gandan.democracy.electorate import is_parent_representative, is_staff_of
from gandan.democracy.models import Ballot, BallotStatus
from gandan.democracy.views.consultations import open_for
from gandan.democracy.views.disclosures import unread_staff_items
from gandan.orgs import access as org_access


def democracy_panel(user, today) -> dict:
    organisation = org_access.primary_organisation(user)
    school = organisation.school() if organisation is not None else None
    if school is None:
        return {"school": None}
    if not is_staff_of(user, school):
        if not is_parent_representative(user, school):
            return {"school": None}
        # Parents' representatives are asked about parents' consultations only.
        consultations = open_for(user, school, today)
        return {
            "school": school,
            "consultations": consultations,
            "total": len(consultations),
            "parent_only": True,
        }
    unread = list(unread_staff_items(user, school, today).select_related("obligation")[:10])
    ballots = list(
        Ballot.objects.filter(organisation=school, status=BallotStatus.OPEN, electors__user=user)
        .exclude(participations__voter=user)
        .order_by("closes_at", "-opened_at")[:10]
    )
    consultations = open_for(user, school, today)
    return {
        "school": school,
        "unread": unread,
        "ballots": ballots,
        "consultations": consultations,
        "total": len(unread) + len(ballots) + len(consultations),
        "can_manage": access.can_manage(user, school),
    }
