"""GET /api/v1/public/cases/{code} lists the letters the tracking page offers, with their
download links; an anonymous sender gets none (petitions.access.citizen_letters)."""

import pytest
import time_machine

from gandan.petitions import services
from gandan.petitions.tests.conftest import RECEIVED, at, submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_received_day():
    with time_machine.travel(at(RECEIVED, 15), tick=True):
        yield


def test_the_tracking_api_lists_the_letters_sent_to_the_sender(api_client, feedback, principal):
    # given
    letter = services.issue_acknowledgement(case=feedback, actor=principal, on=RECEIVED)
    # when
    data = api_client.get(f"/api/v1/public/cases/{feedback.tracking_code}").json()
    # then
    [listed] = data["letters"]
    assert listed["number_symbol"] == letter.number_symbol
    assert listed["issued_on"] == RECEIVED.isoformat()
    assert listed["pdf"] == f"/tra-cuu/{feedback.tracking_code}/van-ban/{letter.pk}/"
    download = api_client.get(listed["docx"])
    assert download.status_code == 200
    assert download["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )


def test_an_anonymous_sender_gets_no_letters(api_client, school, principal, deadline_rules):
    case = submit(
        school,
        sender=services.Sender(name="", phone="", address=""),
        anonymous=True,
        consent=False,
    )
    data = api_client.get(f"/api/v1/public/cases/{case.tracking_code}").json()
    assert data["letters"] == []
