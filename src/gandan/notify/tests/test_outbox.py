"""The outbox: written with the event, sent by the worker, retried, never sent twice, sealed."""

import datetime as dt

import pytest
from django.core import mail
from django.db import connection, transaction
from django.utils import timezone

from gandan.notify import delivery, digest, services
from gandan.notify.models import (
    MailState,
    MessageStatus,
    Notification,
    OutboxMessage,
    Preference,
    Topic,
)
from gandan.notify.testing import run_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(teacher):
    teacher.email = "nhung@truong.edu.vn"
    teacher.save()
    return teacher


def _notify(user, key="k1", urgent=False, **extra):
    return services.notify(
        [user],
        topic=Topic.PLANS,
        kind="plans.task_assigned",
        key=key,
        title="Anh/chị được giao nhiệm vụ “Tuyên truyền pháp luật”",
        url="/ke-hoach/",
        urgent=urgent,
        **extra,
    )


def test_a_notice_goes_to_the_daily_digest_by_default_and_nothing_is_sent_in_the_request(staff):
    [notice] = _notify(staff)
    assert notice.mail_state == MailState.DIGEST
    assert OutboxMessage.objects.count() == 0
    assert mail.outbox == []


def test_an_urgent_notice_is_queued_at_once_and_sent_only_by_the_worker(staff):
    _notify(staff, urgent=True)
    message = OutboxMessage.objects.get()
    assert message.status == MessageStatus.PENDING
    assert mail.outbox == []
    run_worker()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["nhung@truong.edu.vn"]
    assert "Tuyên truyền pháp luật" in sent.subject
    assert "http://127.0.0.1:8000/ke-hoach/" in sent.body
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT and message.attempts == 1


def test_the_same_event_told_twice_makes_one_notice_and_one_message(staff):
    _notify(staff, urgent=True)
    assert _notify(staff, urgent=True) == []
    assert Notification.objects.count() == 1
    assert OutboxMessage.objects.count() == 1
    run_worker()
    run_worker()
    assert len(mail.outbox) == 1


def test_a_replayed_delivery_after_sending_sends_nothing(staff):
    _notify(staff, urgent=True)
    run_worker()
    message = OutboxMessage.objects.get()
    assert delivery.deliver(message.pk) == "skipped"
    delivery.enqueue(message)
    run_worker()
    assert len(mail.outbox) == 1


def test_a_failing_mail_server_is_retried_later_then_marked_failed(staff, monkeypatch):
    _notify(staff, urgent=True)
    calls = []

    def refuse(self, outgoing):
        calls.append(outgoing.message_id)
        raise ConnectionRefusedError("máy chủ thư không trả lời")

    working = delivery.EmailChannel.send
    monkeypatch.setattr(delivery.EmailChannel, "send", refuse)
    run_worker()
    message = OutboxMessage.objects.get()
    assert message.status == MessageStatus.PENDING
    assert message.attempts == 1
    assert "ConnectionRefusedError" in message.last_error
    assert message.next_attempt_at > timezone.now()
    # Not due yet: the sweep leaves it.
    assert delivery.sweep() == 0 and len(calls) == 1
    later = timezone.now()
    for _attempt in range(delivery.MAX_ATTEMPTS - 1):
        later += dt.timedelta(days=1)
        OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=later)
        delivery.sweep(now=later)
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert message.attempts == delivery.MAX_ATTEMPTS
    # The same stable id every time: a mail server that accepted one shows it once.
    assert len(set(calls)) == 1
    monkeypatch.setattr(delivery.EmailChannel, "send", working)  # the server answers again
    delivery.retry(message)
    run_worker()
    assert len(mail.outbox) == 1


def test_a_worker_that_died_after_claiming_leaves_the_message_to_the_sweep(staff):
    _notify(staff, urgent=True)
    message = OutboxMessage.objects.get()
    # A worker claimed it and died before sending (the task row is gone with it).
    assert delivery._claim(message.pk) is not None
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()
    assert delivery.sweep() == 0  # still claimed: another worker may be sending it
    assert mail.outbox == []
    assert delivery.sweep(now=timezone.now() + delivery.CLAIM_TIMEOUT * 2) == 1
    assert len(mail.outbox) == 1
    assert delivery.sweep(now=timezone.now() + delivery.CLAIM_TIMEOUT * 4) == 0
    assert len(mail.outbox) == 1


def test_a_message_is_durable_exactly_when_its_event_is(staff):
    with pytest.raises(RuntimeError), transaction.atomic():
        _notify(staff, urgent=True)
        raise RuntimeError("the event failed")
    assert OutboxMessage.objects.count() == 0
    assert Notification.objects.count() == 0
    run_worker()
    assert mail.outbox == []


def test_two_deliveries_of_one_message_send_it_once(staff):
    _notify(staff, urgent=True)
    message = OutboxMessage.objects.get()
    delivery.enqueue(message)  # a second task for the same message
    run_worker()
    assert len(mail.outbox) == 1


def test_preferences_immediate_and_off(staff):
    Preference.objects.create(user=staff, topic=Topic.PLANS, email="immediate")
    Preference.objects.create(user=staff, topic=Topic.CASES, email="off")
    [notice] = _notify(staff)
    assert notice.mail_state == MailState.QUEUED
    [off] = services.notify(
        [staff],
        topic=Topic.CASES,
        kind="petitions.due",
        key="c1",
        title="Vụ việc đến hạn",
        url="/don-thu/",
        urgent=True,
    )
    assert off.mail_state == MailState.NONE
    run_worker()
    assert len(mail.outbox) == 1


def test_the_daily_digest_gathers_each_persons_notices_once(staff, principal):
    principal.email = "ha@truong.edu.vn"
    principal.save()
    for n in range(3):
        _notify(staff, key=f"k{n}")
    _notify(principal, key="p1")
    assert digest.send_digests() == 2
    assert digest.send_digests() == 0
    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == ["ha@truong.edu.vn", "nhung@truong.edu.vn"]
    to_staff = next(m for m in mail.outbox if m.to == ["nhung@truong.edu.vn"])
    assert to_staff.body.count("Tuyên truyền pháp luật") == 3
    assert "/thong-bao/cai-dat/" in to_staff.body
    # A notice after the digest waits for the next one.
    _notify(staff, key="k9")
    assert digest.send_digests() == 1


def test_whoever_holds_the_database_reads_no_address_and_no_text(db):
    services.send_message(
        address="nguoi.to.cao@example.vn",
        key="case:1:receipt",
        subject="Đã nhận đơn tố cáo của Ông Nguyễn Văn A",
        body="Kính gửi: Ông Nguyễn Văn A",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM notify_outboxmessage")
        dump = repr(cursor.fetchall())
    assert "nguoi.to.cao" not in dump
    assert "Nguyễn" not in dump and "Nguy" not in dump
    run_worker()
    assert mail.outbox[0].to == ["nguoi.to.cao@example.vn"]


def test_a_citizen_message_ends_with_a_stop_link_that_works(client):
    services.send_message(address="Me@Example.vn", key="m1", subject="Biên nhận", body="Mã: ABC")
    run_worker()
    body = mail.outbox[0].body
    link = body.rsplit(" ", 1)[1].strip()
    path = link.removeprefix("http://127.0.0.1:8000")
    page = client.get(path)
    assert page.status_code == 200
    assert "Ngừng nhận thư" in page.content.decode()
    assert not services.is_stopped("me@example.vn")  # opening the link changes nothing
    client.post(path)
    assert services.is_stopped("me@example.vn")
    assert services.send_message(address="me@example.vn", key="m2", subject="x", body="y") is None
    assert client.get("/thong-bao/ngung/khong-hop-le/").status_code == 404


def test_a_refusal_naming_the_recipient_keeps_and_logs_no_address(db, monkeypatch, caplog):
    import smtplib

    services.send_message(
        address="Nguoi.To.Cao@example.vn",
        key="case:2:receipt",
        subject="Đã nhận đơn",
        body="Kính gửi: Ông/Bà",
    )

    def refuse(self, outgoing):
        raise smtplib.SMTPRecipientsRefused(
            {outgoing.address: (550, b"5.1.1 <nguoi.to.cao@example.vn>: user unknown")}
        )

    monkeypatch.setattr(delivery.EmailChannel, "send", refuse)
    run_worker()
    message = OutboxMessage.objects.get()
    assert message.status == MessageStatus.PENDING and "SMTPRecipientsRefused" in message.last_error
    assert "[địa chỉ]" in message.last_error
    for kept in (message.last_error, caplog.text):
        assert "nguoi.to.cao" not in kept.lower()
