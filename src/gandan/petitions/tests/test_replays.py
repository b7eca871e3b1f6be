"""Every state-changing action twice: the replay changes nothing and issues nothing.

The attack this answers: POSTing "Gửi thông báo tiếp nhận" three times to one case issued
three numbered letters (36, 37, 38/TB-THTT). Each action of the case page, the public
tracking page, the reception pages and the services without a page is sent twice (three times
for the acknowledgement); after the first, the case, its timeline, the register of documents,
the notices and the audit log stay exactly as they were, and the page says the action was
already done. An action sent in a state it does not start from is refused with its Vietnamese
reason shown as a message (never a 500) and changes nothing either.

Walk-in entry and the public form are replayed in test_walk_in.py and test_public_views.py
(their token makes a resubmission return the case stored first).
"""

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gandan.audit.models import AuditEvent
from gandan.notify.models import Notification
from gandan.paperwork.models import OutgoingDocument
from gandan.petitions import services
from gandan.petitions.models import (
    Case,
    CaseEvent,
    CaseExtension,
    CaseKind,
    CaseMinutes,
    CaseStatus,
    CaseSuspension,
    Channel,
    ReceptionEntry,
    ReceptionSession,
)
from gandan.petitions.tests.conftest import RECEIVED, submit
from gandan.petitions.tests.test_access_matrix import PNG

TODAY = dt.date(2026, 3, 4)  # a Wednesday, two days after receipt
DONE_BEFORE = "Việc này đã được thực hiện trước đó; không có gì thay đổi."


@pytest.fixture(autouse=True)
def on_today():
    with time_machine.travel(dt.datetime(2026, 3, 4, 2, tzinfo=dt.UTC), tick=False):
        yield


def world() -> tuple:
    """Everything an action could change, in every case."""
    return (
        tuple(
            Case.objects.order_by("pk").values_list(
                "status",
                "kind",
                "procedure",
                "handler",
                "accepted_on",
                "resolved_on",
                "sent_on",
                "published_on",
                "closed_at",
                "next_due",
                "content",
                "satisfaction",
                "contested",
                "is_complex",
            )
        ),
        tuple(Case.objects.order_by("pk").values_list("verifiers", flat=True)),
        CaseEvent.objects.count(),
        OutgoingDocument.objects.count(),
        Notification.objects.count(),
        CaseMinutes.objects.count(),
        CaseExtension.objects.count(),
        CaseSuspension.objects.count(),
        ReceptionEntry.objects.count(),
        ReceptionSession.objects.count(),
        AuditEvent.objects.count(),
    )


def act(client, case: Case, slug: str, data: dict | None = None):
    return client.post(reverse("petitions:action", args=[case.public_id, slug]), data or {})


def messages_of(client, case: Case) -> str:
    return client.get(reverse("petitions:detail", args=[case.public_id])).content.decode()


def replay(client, case: Case, slug: str, data: dict | None = None, *, times: int = 2) -> tuple:
    """Send the action `times` times; the first changes, the others change nothing."""
    before = world()
    first = act(client, case, slug, data)
    assert first.status_code == 302, first.content.decode()[:2000]
    after = world()
    assert after != before, f"{slug}: the first time changed nothing"
    assert "Đã " in messages_of(client, case)
    for _ in range(times - 1):
        again = act(client, case, slug, data)
        assert again.status_code == 302
        assert world() == after, f"{slug}: the replay changed something"
        assert DONE_BEFORE in messages_of(client, case)
    return after


def refused(client, case: Case, slug: str, data: dict | None, reason: str) -> None:
    """Sent in a state it does not start from: the reason as a message, nothing changed."""
    before = world()
    response = act(client, case, slug, data)
    assert response.status_code in (302, 400)
    page = response.content.decode() if response.status_code == 400 else messages_of(client, case)
    assert reason in page
    assert world() == before


@pytest.fixture
def head(client, principal):
    client.force_login(principal)
    return client


def test_the_acknowledgement_posted_three_times_issues_one_letter(head, feedback, clerk):
    # when: the attack
    replay(head, feedback, "tiep-nhan", times=3)
    # then: one numbered notice
    notices = OutgoingDocument.objects.filter(source__endswith=":tiep_nhan")
    assert notices.count() == 1
    assert feedback.events.filter(kind="acknowledged").count() == 1


def test_classify_twice(head, feedback):
    replay(head, feedback, "phan-loai", {"kind": CaseKind.COMPLAINT, "procedure": "lan_dau"})


def test_split_twice(head, feedback):
    part = {"kind": CaseKind.RECOMMENDATION, "title": "Mở thêm lớp bán trú", "content": "Đề nghị"}
    replay(head, feedback, "tach", part)
    assert feedback.split_cases.count() == 1


def test_accept_twice_issues_one_acceptance_notice(head, complaint):
    replay(head, complaint, "thu-ly")
    assert OutgoingDocument.objects.filter(source__endswith=":thu_ly").count() == 1


def test_refuse_twice(head, complaint):
    replay(head, complaint, "khong-thu-ly", {"reason": "Quá thời hiệu khiếu nại."})
    # and a refused case cannot be accepted after all
    refused(head, complaint, "thu-ly", None, "Chỉ thụ lý được đơn vừa tiếp nhận.")


def test_transfer_twice(head, feedback):
    data = {"to_body": "Ủy ban nhân dân phường Hải An", "reason": "Việc của phường."}
    replay(head, feedback, "chuyen", data)
    assert OutgoingDocument.objects.filter(source__contains=":chuyen_don").count() == 1


def test_assign_twice_tells_each_person_once(head, complaint, resolver, verifier):
    data = {"handler": resolver.pk, "verifiers": [verifier.pk]}
    replay(head, complaint, "phan-cong", data)
    assert Notification.objects.filter(kind="petitions.assigned").count() == 2


def test_redact_twice(client, assigned_denunciation, resolver):
    client.force_login(resolver)
    replay(client, assigned_denunciation, "bien-tap", {"content": "Nội dung đã che tên."})


def test_minutes_twice(head, complaint, principal):
    services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    minutes = {
        "kind": "verification",
        "held_on": "2026-03-03",
        "participants": "Hiệu trưởng, người khiếu nại",
        "content": "Xác minh hồ sơ miễn học phí.",
    }
    replay(head, complaint, "bien-ban", minutes)
    assert CaseMinutes.objects.count() == 1


def test_extend_twice_issues_one_decision(head, complaint, principal):
    services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    data = {"step": "giai_quyet", "complexity": "complex", "reason": "Cần xác minh thêm."}
    replay(head, complaint, "gia-han", data)


def test_suspend_and_resume_twice(head, assigned_denunciation):
    case = assigned_denunciation
    replay(head, case, "tam-dinh-chi", {"reason": "Chờ kết quả giám định."})
    replay(head, case, "tiep-tuc")
    assert CaseSuspension.objects.get().resumed_on == TODAY
    assert OutgoingDocument.objects.filter(source__contains=":tam_dinh_chi").count() == 1
    assert OutgoingDocument.objects.filter(source__contains=":tiep_tuc").count() == 1


def test_resume_of_a_case_never_suspended_is_refused(head, complaint, principal):
    services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    refused(head, complaint, "tiep-tuc", None, "Vụ việc không ở trạng thái tạm đình chỉ.")


def test_conclusion_send_publish_close_of_a_denunciation_twice(
    client, assigned_denunciation, resolver, verifier
):
    case = assigned_denunciation
    services.record_minutes(
        case=case,
        actor=verifier,
        kind="verification",
        held_on=RECEIVED,
        participants="Tổ xác minh",
        content="Đã xác minh.",
    )
    client.force_login(resolver)
    answer = {"outcome": "Tố cáo đúng một phần.", "public_answer": "Đã kết luận."}
    replay(client, case, "giai-quyet", answer)
    assert OutgoingDocument.objects.filter(source__endswith=":ket_qua").count() == 1
    replay(client, case, "gui")
    replay(client, case, "cong-khai", {"how": "Niêm yết tại trụ sở 15 ngày."})
    replay(client, case, "ket-thuc")
    assert Case.objects.get(pk=case.pk).closed_at is not None


def test_an_answer_to_an_information_request_twice(head, school, deadline_rules):
    request_case = submit(
        school,
        CaseKind.INFORMATION_REQUEST,
        title="Xin kế hoạch năm học",
        content="Đề nghị cung cấp kế hoạch năm học 2025-2026.",
        information_form="ban_sao",
        delivery="pick_up",
        information_purpose="Tìm hiểu",
        sender=services.Sender(name="Lê Thị Hỏi", address="Hải An", id_number="031099000111"),
    )
    replay(head, request_case, "giai-quyet", {"public_answer": "Mời nhận bản sao tại trường."})
    assert OutgoingDocument.objects.filter(source__endswith=":ket_qua").count() == 1
    # a closed case cannot be sent on
    refused(head, request_case, "rut", {"note": "Rút ngày 04/3"}, "Vụ việc đã kết thúc.")


def test_thanks_twice(head, feedback, principal):
    services.resolve_case(
        case=feedback, actor=principal, outcome="", public_answer="Đã sửa mái tôn.", on=RECEIVED
    )
    replay(head, feedback, "cam-on")
    assert OutgoingDocument.objects.filter(source__endswith=":cam_on").count() == 1


def test_close_unresolved_twice(head, feedback):
    replay(head, feedback, "dong", {"reason": "Không liên lạc được người gửi."})


def test_withdraw_twice(head, complaint, principal):
    services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    replay(head, complaint, "rut", {"note": "Đơn rút ngày 04/3/2026."})
    assert OutgoingDocument.objects.filter(source__endswith=":dinh_chi").count() == 1


def test_apology_twice(head, feedback, principal):
    with time_machine.travel(dt.datetime(2026, 4, 20, 2, tzinfo=dt.UTC), tick=False):
        head.force_login(principal)  # weeks later: a new session
        data = {"new_date": "2026-04-30", "reason": "Chờ sửa mái tôn."}
        replay(head, feedback, "xin-loi", data)
    assert OutgoingDocument.objects.filter(source__endswith=":xin_loi").count() == 1


def test_rating_and_contest_twice_on_the_public_page(client, feedback, principal):
    services.resolve_case(
        case=feedback, actor=principal, outcome="", public_answer="Đã sửa mái tôn.", on=RECEIVED
    )
    code = feedback.tracking_code
    # when: rated twice the same way
    client.post(reverse("petitions:rate", args=[code]), {"score": "4", "comment": "Tốt"})
    after = world()
    client.post(reverse("petitions:rate", args=[code]), {"score": "4", "comment": "Tốt"})
    assert world() == after
    # when: "không đồng ý" twice
    reason = {"reason": "Mái vẫn dột."}
    assert client.post(reverse("petitions:contest", args=[code]), reason).status_code == 302
    after = world()
    assert client.post(reverse("petitions:contest", args=[code]), reason).status_code == 302
    # then: one contest, the head told once
    assert world() == after
    assert Notification.objects.filter(kind="petitions.contested").count() == 1
    # and contesting an open case with another reason is refused on the page, not a 500
    page = client.post(reverse("petitions:contest", args=[code]), {"reason": "Khác"})
    assert page.status_code == 400
    assert "Chỉ đề nghị xem xét lại được khi vụ việc đã kết thúc." in page.content.decode()
    assert world() == after


def test_a_reception_day_posted_and_postponed_twice(head, school, principal):
    session = {
        "host": principal.pk,
        "date": "2026-03-20",
        "start_time": "08:00",
        "end_time": "11:00",
        "place": "Phòng tiếp công dân",
    }
    for _ in range(2):
        assert head.post(reverse("petitions:schedule"), session).status_code == 302
    assert ReceptionSession.objects.count() == 1
    pk = ReceptionSession.objects.get().pk
    postpone = {"new_date": "2026-03-27", "reason": "Trùng lịch họp của phường."}
    for _ in range(2):
        head.post(reverse("petitions:postpone", args=[pk]), postpone)
    assert ReceptionSession.objects.get().postponed_from == dt.date(2026, 3, 20)
    assert AuditEvent.objects.filter(summary__startswith="Hoãn buổi").count() == 1


def test_a_register_line_sent_twice_is_written_once(head, school, clerk):
    line = {
        "received_on": "2026-03-04",
        "name": "Vũ Văn Đến",
        "content_summary": "Hỏi về lịch thu học phí.",
        "people_count": "1",
        "within_competence": "on",
    }
    for _ in range(2):
        assert head.post(reverse("petitions:register"), line).status_code == 302
    assert ReceptionEntry.objects.count() == 1
    # another citizen the same day with the same question is a line of their own
    head.post(reverse("petitions:register"), line | {"name": "Vũ Thị Khác"})
    assert ReceptionEntry.objects.count() == 2


def test_a_walk_in_replayed_without_a_page_token_is_still_one_case(school, clerk, deadline_rules):
    # the services without the page: the same key twice
    submission = services.Submission(
        kind=CaseKind.FEEDBACK,
        title="Cổng trường ùn tắc",
        content="Xe đỗ tràn lòng đường.",
        channel=Channel.WALK_IN,
        sender=services.Sender(name="Đỗ Văn Đến", phone="0911222333"),
        consent=True,
        attachments=[SimpleUploadedFile("anh.png", PNG)],
    )
    first = services.receive_walk_in(
        organisation=school,
        actor=clerk,
        submission=submission,
        received_on=TODAY,
        idempotency_key="k1",
    )
    after = world()
    again = services.receive_walk_in(
        organisation=school,
        actor=clerk,
        submission=submission,
        received_on=TODAY,
        idempotency_key="k1",
    )
    assert again.pk == first.pk and world() == after
    assert first.status == CaseStatus.RECEIVED
