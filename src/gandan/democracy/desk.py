"""The desk panel: disclosures I have not read, ballots waiting for my vote, drafts asking for
my opinion. Rows are chosen by `democracy.access`, never filtered here."""

import datetime as dt

from gandan.democracy import access
from gandan.democracy.electorate import is_parent_representative, is_staff_of
from gandan.orgs import access as org_access
from gandan.orgs.models import User


def democracy_panel(user: User, today: dt.date) -> dict:
    organisation = org_access.primary_organisation(user)
    school = organisation.school() if organisation is not None else None
    if school is None:
        return {"school": None}
    if not is_staff_of(user, school):
        if not is_parent_representative(user, school):
            return {"school": None}
        # Parents' representatives are asked about parents' consultations only.
        consultations = access.consultations_awaiting_opinion(user, school, today)
        return {
            "school": school,
            "consultations": consultations,
            "total": len(consultations),
            "parent_only": True,
        }
    unread = list(access.unread_staff_items(user, school, today).select_related("obligation")[:10])
    ballots = list(access.ballots_awaiting_vote(user, school)[:10])
    consultations = access.consultations_awaiting_opinion(user, school, today)
    return {
        "school": school,
        "unread": unread,
        "ballots": ballots,
        "consultations": consultations,
        "total": len(unread) + len(ballots) + len(consultations),
        "can_manage": access.can_manage(user, school),
    }
