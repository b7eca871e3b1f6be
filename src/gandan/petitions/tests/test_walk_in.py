"""receive_walk_in: a case entered by staff, with its line in the sổ tiếp công dân, at once."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from gandan.audit.models import AuditEvent
from gandan.petitions import services
from gandan.petitions.models import Case, CaseKind, Channel, ReceptionEntry
from gandan.petitions.services import intake
from gandan.petitions.tests.conftest import RECEIVED, submission


def _walk_in(school, clerk, **changes):
    options = {
        "register": changes.pop("register", True),
        "received_on": changes.pop("received_on", RECEIVED),
        "idempotency_key": changes.pop("idempotency_key", ""),
    }
    changes.setdefault("channel", Channel.WALK_IN)
    return services.receive_walk_in(
        organisation=school,
        actor=clerk,
        submission=submission(CaseKind.RECOMMENDATION, **changes),
        people_count=2,
        **options,
    )


def test_a_walk_in_is_received_at_office_hours_and_written_in_the_register(
    school, clerk, deadline_rules
):
    # when: entered later from the paper register
    case = _walk_in(school, clerk)
    # then: received at 8:00 that day, by the clerk, with one register line
    assert timezone.localtime(case.received_at).time() == dt.time(8)
    assert case.received_on == RECEIVED and case.created_by == clerk
    entry = ReceptionEntry.objects.get()
    assert (entry.case, entry.people_count, entry.kind) == (case, 2, CaseKind.RECOMMENDATION)
    assert entry.handled_by == school.name


def test_a_repeated_walk_in_returns_the_case_and_writes_no_second_line(
    school, clerk, deadline_rules
):
    # given
    first = _walk_in(school, clerk, idempotency_key="quay-1")
    audit_rows = AuditEvent.objects.count()
    # when: the same entry is sent again (double click, retry)
    second = _walk_in(school, clerk, idempotency_key="quay-1")
    # then: nothing more is stored
    assert second == first
    assert Case.objects.count() == 1 and ReceptionEntry.objects.count() == 1
    assert AuditEvent.objects.count() == audit_rows


@pytest.mark.parametrize(
    "changes",
    [
        {"register": False},
        {"channel": Channel.PHONE},
        {"anonymous": True, "consent": False},
    ],
)
def test_only_a_named_citizen_who_came_is_written_in_the_register(
    school, clerk, deadline_rules, changes
):
    # when
    case = _walk_in(school, clerk, **changes)
    # then: the case, and no register line
    assert Case.objects.get() == case
    assert not ReceptionEntry.objects.exists()


def test_a_walk_in_dated_in_the_future_is_refused_and_nothing_is_stored(
    school, clerk, deadline_rules
):
    # when
    with pytest.raises(ValidationError) as refused:
        _walk_in(school, clerk, received_on=timezone.localdate() + dt.timedelta(days=1))
    # then
    assert "received_on" in refused.value.message_dict
    assert not Case.objects.exists() and not ReceptionEntry.objects.exists()


def test_the_walk_in_page_carries_a_token_that_makes_a_resubmission_harmless(
    client, school, clerk, deadline_rules
):
    # given: the page as rendered, with its token
    client.force_login(clerk)
    page = client.get(reverse("petitions:walk_in"))
    token = page.context["form"]["token"].value()
    assert token and f'value="{token}"' in page.content.decode()
    data = {
        "kind": "kien_nghi",
        "channel": "walk_in",
        "received_on": RECEIVED.isoformat(),
        "people_count": "1",
        "register": "on",
        "title": "Đề nghị mở thêm lớp bán trú",
        "content": "Phụ huynh khối 1 đề nghị mở thêm một lớp bán trú.",
        "name": "Lê Văn Đại Diện",
        "phone": "0911222333",
        "consent": "on",
        "token": token,
    }
    # when: sent twice
    first = client.post(reverse("petitions:walk_in"), data)
    second = client.post(reverse("petitions:walk_in"), data)
    # then: one case, one register line, both answers lead to it
    case = Case.objects.get()
    assert (
        first["Location"]
        == second["Location"]
        == reverse("petitions:detail", args=[case.public_id])
    )
    assert ReceptionEntry.objects.count() == 1


def test_a_database_failure_at_the_desk_keeps_what_the_clerk_typed(
    client, school, clerk, deadline_rules, monkeypatch
):
    # given: the database fails while the case is stored
    def broken(*args, **kwargs):
        raise DatabaseError("database is locked")

    monkeypatch.setattr(intake, "insert_deadlines", broken)
    client.force_login(clerk)
    page = client.get(reverse("petitions:walk_in"))
    data = {
        "kind": "kien_nghi",
        "channel": "walk_in",
        "received_on": RECEIVED.isoformat(),
        "people_count": "1",
        "register": "on",
        "title": "Đề nghị mở thêm lớp bán trú",
        "content": "Phụ huynh khối 1 đề nghị mở thêm một lớp bán trú.",
        "name": "Lê Văn Đại Diện",
        "phone": "0911222333",
        "consent": "on",
        "token": page.context["form"]["token"].value(),
    }
    # when
    response = client.post(reverse("petitions:walk_in"), data)
    # then: the form again, with the text, and nothing half-stored
    assert response.status_code == 503
    text = response.content.decode()
    assert "Hệ thống đang bận nên đơn chưa được lưu" in text
    assert data["content"] in text and 'value="Lê Văn Đại Diện"' in text
    assert Case.objects.count() == 0 and ReceptionEntry.objects.count() == 0
    # and once the database is back, the same entry is stored once
    monkeypatch.undo()
    assert client.post(reverse("petitions:walk_in"), data).status_code == 302
    assert Case.objects.count() == 1
