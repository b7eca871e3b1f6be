"""Citizens hear back: the receipt and each public step by e-mail, through the outbox and the
worker, with the letter of the step attached as PDF; a denouncer's address and name never in
plain text at rest; a stop link that stops what follows; the tracking page lists the same."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse

from gandan.core.vietnamese import official_date
from gandan.notify.models import MessageStatus, OutboxMessage
from gandan.notify.testing import run_worker
from gandan.petitions import services
from gandan.petitions.models import Case, CaseKind
from gandan.petitions.tests.conftest import (
    DENOUNCER,
    DENOUNCER_ADDRESS,
    DENOUNCER_PHONE,
    RECEIVED,
    submit,
)

pytestmark = pytest.mark.django_db

URL = "/gui-y-kien/th-thanh-to/"
PARENT_EMAIL = "tran.phuhuynh@example.vn"
DENOUNCER_EMAIL = "nguoi.to.cao@example.vn"


def _form(client, **changes) -> dict:
    page = client.get(URL).content.decode()
    found = re.search(r'name="token" value="([^"]+)"', page)
    assert found is not None
    return {
        "token": found.group(1),
        "kind": "phan_anh",
        "title": "Cổng trường ùn tắc giờ tan học",
        "content": "Xe máy đỗ tràn ra lòng đường trước cổng trường lúc 16 giờ 30.",
        "name": "Trần Văn Phụ Huynh",
        "salutation": "ong",
        "phone": "0987 654 321",
        "email": PARENT_EMAIL,
        "consent": "on",
        "website": "",
        **changes,
    }


def _with_email(school, email: str = PARENT_EMAIL, **changes) -> Case:
    return submit(
        school,
        sender=services.Sender(
            name="Trần Văn Phụ Huynh", phone="0987654321", address="Phường Hải An", email=email
        ),
        **changes,
    )


def _stop_link(body: str) -> str:
    found = re.search(r"https?://[^/\s]+(/thong-bao/ngung/[^\s]+)", body)
    assert found is not None, body
    return found.group(1)


def test_a_parent_who_gives_an_email_receives_the_receipt_then_the_answer_with_its_letter(
    client, school, principal, deadline_rules
):
    # when: a parent sends a phản ánh from the public form with an e-mail address
    response = client.post(URL, _form(client))
    assert response.status_code == 302
    case = Case.objects.get()
    # then: nothing is sent inside the request; the worker sends the receipt
    assert mail.outbox == []
    run_worker()
    assert len(mail.outbox) == 1
    receipt = mail.outbox[0]
    assert receipt.to == [PARENT_EMAIL]
    assert case.display_code in receipt.subject and case.display_code in receipt.body
    assert "Kính gửi: Ông Trần Văn Phụ Huynh," in receipt.body
    assert reverse("petitions:tracked", args=[case.tracking_code]) in receipt.body
    assert case.next_due is not None
    assert f"chậm nhất {official_date(case.next_due)}" in receipt.body
    # dates as official letters write them, never 02/03/2026
    assert official_date(case.received_on) in receipt.body
    assert not re.search(r"\d{2}/\d{2}/\d{4}", str(receipt.body))
    assert "/thong-bao/ngung/" in receipt.body
    # when: the school answers (the letter of the result is issued)
    services.resolve_case(case=case, actor=principal, outcome="", public_answer="Đã bố trí bảo vệ.")
    run_worker()
    # then: one message with the answer and the letter attached as PDF
    assert len(mail.outbox) == 2
    answer = mail.outbox[1]
    assert answer.to == [PARENT_EMAIL]
    assert "Nhà trường đã trả lời: Đã bố trí bảo vệ." in answer.body
    letter = case.events.get(kind="resolved").document
    assert letter is not None and letter.number_symbol in answer.body
    [(name, content, mimetype)] = answer.attachments
    assert name.endswith(".pdf") and mimetype == "application/pdf"
    assert content[:5] == b"%PDF-"
    # when: the same answer is sent again (a replay), and the worker runs again
    services.resolve_case(case=case, actor=principal, outcome="", public_answer="Đã bố trí bảo vệ.")
    run_worker()
    # then: nothing twice
    assert len(mail.outbox) == 2
    assert OutboxMessage.objects.count() == 2


def test_each_public_step_is_one_message_and_staff_steps_none(school, principal, deadline_rules):
    # given
    case = _with_email(school, kind=CaseKind.COMPLAINT)
    # when: classified (not a step told), assigned (not told), accepted (told, with the
    # acceptance letter), the acceptance replayed
    services.assign_case(case=case, actor=principal, handler=principal)
    services.accept_case(case=case, actor=principal, on=RECEIVED)
    services.accept_case(case=case, actor=principal, on=RECEIVED)
    # then: the receipt and the acceptance, queued with the acceptance letter
    messages = list(OutboxMessage.objects.order_by("pk"))
    assert len(messages) == 2
    acceptance = case.events.get(kind="accepted")
    assert acceptance.document is not None
    assert messages[1].key == f"petitions.case:{case.pk}:event:{acceptance.pk}"
    assert messages[1].attachments == [{"document": acceptance.document.pk, "format": "pdf"}]


def test_a_denouncers_message_is_sealed_and_does_not_name_them(school, principal, deadline_rules):
    # given: a named denunciation with an e-mail address
    case = submit(
        school,
        CaseKind.DENUNCIATION,
        title="Thu tiền học thêm trái quy định",
        content=f"Tôi là {DENOUNCER}, xin tố cáo việc thu tiền học thêm trong lớp.",
        denounced_person="Ông Lê Văn Dạy, giáo viên lớp 4B",
        sender=services.Sender(
            name=DENOUNCER,
            phone=DENOUNCER_PHONE,
            address=DENOUNCER_ADDRESS,
            email=DENOUNCER_EMAIL,
            id_number="031099001234",
        ),
    )
    assert case.contact_email == ""
    # then: the outbox row, read as the database holds it, has no plaintext of the identity
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {OutboxMessage._meta.db_table}")
        dump = repr(cursor.fetchall())
    assert OutboxMessage.objects.count() == 1
    for secret in (DENOUNCER_EMAIL, "nguoi.to.cao", DENOUNCER, DENOUNCER_PHONE, "Bí Mật"):
        assert secret not in dump
    # when: the worker sends it
    run_worker()
    # then: to the denouncer, who is addressed without their name
    [message] = mail.outbox
    assert message.to == [DENOUNCER_EMAIL]
    assert DENOUNCER not in message.body and DENOUNCER not in message.subject
    assert "Kính gửi: Ông/Bà," in message.body
    assert case.display_code in message.body


def test_an_anonymous_sender_gets_nothing(school, principal, deadline_rules):
    submit(school, anonymous=True, consent=False)
    assert OutboxMessage.objects.count() == 0


def test_after_the_stop_link_later_steps_send_nothing(client, school, principal, deadline_rules):
    # given: the receipt was delivered
    case = _with_email(school)
    run_worker()
    stop = _stop_link(str(mail.outbox[0].body))
    # when: the parent opens the link (nothing yet) and confirms
    assert client.get(stop).status_code == 200
    assert client.post(stop).status_code == 200
    # and: the school answers
    services.resolve_case(case=case, actor=principal, outcome="", public_answer="Đã sửa mái.")
    run_worker()
    # then: no second message, none queued
    assert len(mail.outbox) == 1
    assert OutboxMessage.objects.count() == 1


def test_the_tracking_page_lists_the_steps_announced_without_the_address(
    client, school, principal, deadline_rules
):
    # given: a receipt sent, the answer waiting for the worker
    case = _with_email(school)
    run_worker()
    services.resolve_case(case=case, actor=principal, outcome="", public_answer="Đã sửa mái.")
    # when
    page = client.get(reverse("petitions:tracked", args=[case.tracking_code])).content.decode()
    # then
    assert "Thông báo đã gửi" in page
    assert str(MessageStatus.SENT.label) in page and str(MessageStatus.PENDING.label) in page
    assert PARENT_EMAIL not in page
    # a case without an address shows no such list
    other = submit(school)
    page = client.get(reverse("petitions:tracked", args=[other.tracking_code])).content.decode()
    assert "Thông báo đã gửi" not in page
