import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from gandan.audit.models import Action, AuditEvent
from gandan.audit.services import record_event, verify_chain


def _events(n, school):
    return [
        record_event(action=Action.CHANGE, summary=f"Sự kiện {i}", organisation=school)
        for i in range(n)
    ]


def test_events_are_chained(school):
    # given
    base = AuditEvent.objects.count()
    # when
    events = _events(3, school)
    # then
    assert [e.sequence for e in events] == [base + 1, base + 2, base + 3]
    assert events[1].previous_hash == events[0].hash
    assert events[2].previous_hash == events[1].hash
    checked, breaks = verify_chain()
    assert checked == base + 3 and breaks == []


def test_verify_command_passes_on_an_intact_log(school, capsys):
    _events(2, school)
    call_command("audit_verify")
    assert "Nhật ký nguyên vẹn" in capsys.readouterr().out


def test_the_database_refuses_edits(school):
    event = _events(1, school)[0]
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(summary="sửa lén")
    event.refresh_from_db()
    assert event.summary == "Sự kiện 0"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite only refuses updates (see migration 0002)"
)
def test_postgresql_refuses_deletions(school):
    event = _events(1, school)[0]
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_edited_row_breaks_the_chain(school, unprotected_log):
    # given
    events = _events(3, school)
    # when
    AuditEvent.objects.filter(pk=events[1].pk).update(summary="Nội dung đã bị sửa")
    # then
    _, breaks = verify_chain()
    assert [b.sequence for b in breaks] == [events[1].sequence]
    with pytest.raises(CommandError):
        call_command("audit_verify")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_deleted_row_breaks_the_chain(school, unprotected_log):
    events = _events(3, school)
    AuditEvent.objects.filter(pk=events[1].pk).delete()
    _, breaks = verify_chain()
    assert events[2].sequence in [b.sequence for b in breaks]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_deleted_last_row_is_detected(school, unprotected_log):
    events = _events(3, school)
    AuditEvent.objects.filter(pk=events[2].pk).delete()
    _, breaks = verify_chain()
    assert breaks


def test_logins_and_failed_logins_are_logged_with_address(client, principal):
    # when
    client.post("/dang-nhap/", {"username": "hieutruong", "password": "sai-mat-khau"})
    client.post("/dang-nhap/", {"username": "hieutruong", "password": "mat-khau-thu-nghiem"})
    # then
    failed, success = AuditEvent.objects.order_by("-sequence")[:2][::-1]
    assert failed.action == Action.LOGIN_FAILED
    assert failed.actor is None and failed.actor_label == "hieutruong"
    assert failed.ip_address == "127.0.0.1"
    assert success.action == Action.LOGIN and success.actor == principal
    assert success.organisation is not None and success.organisation.slug == "th-thanh-to"


def test_creating_records_is_logged(school):
    event = AuditEvent.objects.get(object_type="orgs.organisation", object_id=str(school.pk))
    assert event.action == Action.CREATE
    assert "Trường Tiểu học Thành Tô" in event.summary


def test_admin_changes_are_logged_with_their_diff(client, school, db):
    from gandan.orgs.models import User

    admin = User.objects.create_superuser("quantri", "qt@example.com", "x", full_name="Quản Trị")
    client.force_login(admin)
    response = client.post(
        f"/quan-tri/orgs/organisation/{school.pk}/change/",
        {
            "parent": school.parent_id,
            "kind": "school",
            "slug": "th-thanh-to",
            "name": "Trường Tiểu học Thành Tô",
            "short_name": "TH Thành Tô",
            "symbol": "THTT",
            "address": "Số 1 phố Thành Tô",
            "place_name": "Hải An",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.order_by("-sequence").first()
    assert event is not None
    assert event.action == Action.CHANGE and event.actor == admin
    assert event.changes["address"][1] == "Số 1 phố Thành Tô"
