"""The inspection board's desk panel (Ban Thanh tra nhân dân): the recommendations waiting for
the head's answer with their due dates (Luật 10/2022/QH15, Điều 63 k1c: 15 days), the
inspections in progress and the board's current programme. The head sees what she has to
answer; the board's members and the union's officers see the board's work. Rows are chosen by
`democracy.access`, never filtered here."""

import datetime as dt

from gandan.democracy import access
from gandan.democracy.electorate import is_staff_of
from gandan.democracy.services.inspection import current_term
from gandan.orgs import access as org_access
from gandan.orgs.models import User

SHOWN = 10


def board_panel(user: User, today: dt.date) -> dict:
    organisation = org_access.primary_organisation(user)
    school = organisation.school() if organisation is not None else None
    if school is None or not is_staff_of(user, school) or not access.can_oversee(user, school):
        return {"school": None}
    answers_to_give = access.can_manage(user, school)
    is_member = access.is_board_member(user, school)
    awaiting = list(access.recommendations_awaiting_answer(user, school))
    rows = [{"rec": rec, "overdue": rec.is_overdue(today)} for rec in awaiting]
    overdue = sum(1 for row in rows if row["overdue"])
    term = current_term(school, today)
    inspections = list(access.inspections_in_progress(user, school)[:SHOWN])
    programmes = (
        [p for p in term.programmes.all() if p.ends_on >= today][:3] if term and is_member else []
    )
    if not (rows or inspections or programmes or is_member):
        # The head or a union officer with nothing waiting: no empty panel on the desk.
        return {"school": None}
    return {
        "school": school,
        "today": today,
        "rows": rows[:SHOWN],
        "more": max(0, len(rows) - SHOWN),
        "overdue": overdue,
        "answers_to_give": answers_to_give,
        "is_member": is_member,
        "inspections": inspections if is_member or not answers_to_give else [],
        "programmes": programmes,
        "term": term,
        "total": overdue or len(rows),
    }
