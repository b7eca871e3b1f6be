"""The union chair's desk panel (Chủ tịch Công đoàn): the conferences to prepare with the head,
the votes under way and the elected inspection boards waiting for the union's recognition.
Rows are chosen by `democracy.access`, never filtered here."""

import datetime as dt

from gandan.democracy import access
from gandan.democracy.electorate import is_staff_of
from gandan.orgs import access as org_access
from gandan.orgs.models import User

SHOWN = 10


def union_panel(user: User, today: dt.date) -> dict:
    organisation = org_access.primary_organisation(user)
    school = organisation.school() if organisation is not None else None
    if school is None or not is_staff_of(user, school) or not access.is_union_officer(user, school):
        return {"school": None}
    conferences = list(access.conferences_to_prepare(user, school).select_related("chair")[:SHOWN])
    ballots = list(access.ballots_under_way(user, school)[:SHOWN])
    terms = list(access.board_terms_to_recognise(user, school).select_related("unit")[:SHOWN])
    recognitions = [{"term": term, "overdue": term.recognition_due < today} for term in terms]
    return {
        "school": school,
        "today": today,
        "me": user.pk,
        "conferences": conferences,
        "ballots": ballots,
        "recognitions": recognitions,
        "total": len(conferences) + len(recognitions),
    }
