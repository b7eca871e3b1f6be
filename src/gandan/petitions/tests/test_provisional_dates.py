"""A due date counted into a year whose official calendar is not entered (2027 today) is shown
as provisional to the citizen, on the case page and in the acknowledgement letter; one counted
within 2026 is not (worktime.notices; Bộ luật Lao động 2019, Điều 112 k3)."""

import datetime as dt

import pytest
from django.test import Client

from gandan.petitions import documents
from gandan.petitions.tests.conftest import at, submit

pytestmark = pytest.mark.django_db

WARNING = "Ngày tạm tính"


def _paragraphs(case) -> str:
    spec = documents.acknowledgement(case)
    return " ".join(getattr(block, "text", "") for block in spec.body)


@pytest.mark.parametrize(
    ("received", "provisional"),
    [(dt.date(2026, 3, 2), False), (dt.date(2026, 12, 21), True)],
)
def test_the_due_date_is_marked_provisional_only_across_a_year_not_entered(
    school, principal, deadline_rules, received, provisional
):
    # given: a parent's feedback (due within working days) received on `received`
    case = submit(school, received_at=at(received))
    assert case.next_due is not None
    assert (case.next_due.year == 2027) is provisional
    # then: the letter says so, or not
    assert (WARNING in _paragraphs(case)) is provisional
    # and the citizen's tracking page and the staff case page say the same
    citizen = Client().get(f"/tra-cuu/{case.tracking_code}/")
    assert citizen.status_code == 200
    assert (WARNING in citizen.content.decode()) is provisional
    staff = Client()
    staff.force_login(principal)
    page = staff.get(f"/don-thu/{case.public_id}/")
    assert page.status_code == 200
    assert (WARNING in page.content.decode()) is provisional
