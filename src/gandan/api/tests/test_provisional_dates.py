"""The API says what the pages say: a due date counted into a year whose official calendar is
not entered (2027 today) carries the provisional warning; one within 2026 carries none
(worktime.notices; Bộ luật Lao động 2019, Điều 112 k3)."""

import datetime as dt

import pytest

from gandan.api.tests.conftest import bearer
from gandan.petitions.tests.conftest import at, submit

pytestmark = pytest.mark.django_db

WARNING = "Ngày tạm tính"


@pytest.mark.parametrize(
    ("received", "provisional"),
    [(dt.date(2026, 3, 2), False), (dt.date(2026, 12, 21), True)],
)
def test_every_computed_due_date_says_whether_it_is_provisional(
    api_client, school, principal, deadline_rules, received, provisional
):
    # given: a parent's feedback received on `received`
    case = submit(school, received_at=at(received))
    assert case.next_due is not None
    assert (case.next_due.year == 2027) is provisional
    # when: the citizen tracks it, and staff list and read it
    public = api_client.get(f"/api/v1/public/cases/{case.tracking_code}").json()
    headers = bearer(principal)
    row = api_client.get("/api/v1/cases", **headers).json()["items"][0]
    detail = api_client.get(f"/api/v1/cases/{case.public_id}", **headers).json()
    # then
    assert (WARNING in public["next_due_provisional"]) is provisional
    assert (WARNING in row["next_due_provisional"]) is provisional
    assert (WARNING in detail["next_due_provisional"]) is provisional
    dated = [line for line in detail["deadlines"] if line["due"]]
    assert dated
    for line in dated:
        expected = dt.date.fromisoformat(line["due"]).year == 2027
        assert (WARNING in line["due_provisional"]) is expected
    if not provisional:
        assert public["next_due_provisional"] == row["next_due_provisional"] == ""
