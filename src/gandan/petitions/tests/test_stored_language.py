"""With English on the screen, petitions still store Vietnamese (ADR 1, addendum): the case
timelines, the audit rows, the registered documents and the notices, from every use case."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from gandan.notify.models import Notification
from gandan.paperwork.models import OutgoingDocument
from gandan.petitions import services
from gandan.petitions.models import Case, CaseEvent, CaseKind, Channel
from gandan.petitions.tests.conftest import RECEIVED, submission, submit


def test_a_complaint_from_intake_to_closure(
    school, principal, clerk, teacher, english_screen, assert_stored_vietnamese
):
    # when: received, acknowledged, classified, accepted, assigned, heard in a dialogue,
    # extended, resolved, sent and closed, then rated, contested and reminded
    case = submit(school, CaseKind.FEEDBACK, denounced_person="Hiệu trưởng")
    services.issue_acknowledgement(case=case, actor=clerk, on=RECEIVED)
    case = services.classify_case(case=case, actor=principal, kind=CaseKind.COMPLAINT)
    case = services.accept_case(case=case, actor=principal, on=RECEIVED)
    case = services.assign_case(case=case, actor=principal, handler=principal, verifiers=[teacher])
    services.record_minutes(
        case=case,
        actor=teacher,
        kind="dialogue",
        held_on=dt.date(2026, 3, 5),
        participants="Hiệu trưởng, phụ huynh",
        content="Đối thoại về việc miễn tiền bán trú.",
    )
    case = services.extend_case(
        case=case,
        actor=principal,
        step="giai_quyet",
        reason="Nhiều người cùng khiếu nại",
        complexity="complex",
        on=dt.date(2026, 3, 6),
    )
    case = services.resolve_case(
        case=case,
        actor=principal,
        outcome="Khiếu nại đúng.",
        public_answer="Miễn tiền bán trú từ tháng 3/2026.",
        no_verification_reason="hiệu trưởng đã kiểm tra lại hồ sơ, đủ cơ sở kết luận ngay",
        on=dt.date(2026, 3, 23),
    )
    case = services.send_resolution(case=case, actor=principal, on=dt.date(2026, 3, 24))
    case = services.close_case(case=case, actor=principal, on=dt.date(2026, 3, 24))
    services.rate_case(case=case, score=2, comment="Chưa thỏa đáng.")
    services.contest_case(case=case, reason="Vẫn chưa được miễn.")
    services.send_case_reminders(today=dt.date(2026, 4, 20))
    services.recompute_open_cases()
    # then
    assert CaseEvent.objects.filter(case=case).count() >= 12
    assert OutgoingDocument.objects.count() == 4  # acknowledgement, acceptance, extension, decision
    assert Notification.objects.exists()
    assert_stored_vietnamese()


def test_admission_choices_and_letters(
    school, principal, english_screen, assert_stored_vietnamese, deadline_rules
):
    # when: a feedback is split, answered late with an apology, thanked; others are refused,
    # transferred, withdrawn or closed without a resolution
    feedback = submit(school)
    services.split_case(
        case=feedback,
        actor=principal,
        parts=[
            services.CasePart(
                kind=CaseKind.RECOMMENDATION,
                title="Đề nghị lắp thêm quạt",
                content="Đề nghị lắp thêm quạt trần cho lớp 2A.",
            )
        ],
    )
    services.issue_apology(
        case=feedback,
        actor=principal,
        new_date=dt.date(2026, 3, 25),
        reason="Chờ đơn vị thi công khảo sát mái",
        on=dt.date(2026, 3, 18),
    )
    services.resolve_case(
        case=feedback,
        actor=principal,
        outcome="",
        public_answer="Nhà trường đã thay tấm tôn bị hỏng.",
        on=dt.date(2026, 3, 20),
    )
    services.issue_thanks(case=feedback, actor=principal, on=dt.date(2026, 3, 20))
    services.refuse_case(
        case=submit(school, CaseKind.COMPLAINT),
        actor=principal,
        reason="Quá thời hiệu 90 ngày.",
        on=dt.date(2026, 3, 20),
    )
    services.transfer_case(
        case=submit(school),
        actor=principal,
        to_body="Ủy ban nhân dân phường Hải An",
        reason="việc sửa đường do phường quản lý",
        on=dt.date(2026, 3, 20),
    )
    complaint = services.accept_case(
        case=submit(school, CaseKind.COMPLAINT), actor=principal, on=dt.date(2026, 3, 20)
    )
    services.withdraw_case(
        case=complaint, actor=principal, note="Đơn rút ngày 20/3/2026", on=dt.date(2026, 3, 20)
    )
    services.close_unresolved(
        case=submit(school), actor=principal, reason="Không liên lạc được người gửi"
    )
    # then
    assert Case.objects.count() == 6
    assert_stored_vietnamese()


def test_a_denunciation_redacted_concluded_and_published(
    assigned_denunciation, principal, resolver, verifier, english_screen, assert_stored_vietnamese
):
    # when: redacted, suspended and resumed, verified, concluded, sent and published
    case = services.redact_case(
        case=assigned_denunciation, actor=resolver, content="Tố cáo việc thu tiền học thêm."
    )
    case = services.suspend_case(
        case=case, actor=principal, reason="Chờ kết quả giám định", on=dt.date(2026, 3, 10)
    )
    case = services.resume_case(case=case, actor=principal, on=dt.date(2026, 3, 20))
    services.record_minutes(
        case=case,
        actor=verifier,
        kind="verification",
        held_on=dt.date(2026, 3, 23),
        participants="Tổ xác minh",
        content="Xác minh",
    )
    day = dt.date(2026, 3, 24)
    case = services.resolve_case(
        case=case, actor=resolver, outcome="Đúng.", public_answer="Đã xử lý.", on=day
    )
    case = services.send_resolution(case=case, actor=resolver, on=day)
    services.publish_resolution(case=case, actor=principal, how="Niêm yết 15 ngày", on=day)
    services.close_case(case=case, actor=principal, on=day)
    # then
    assert_stored_vietnamese()


def test_reception_schedule_register_and_walk_in(
    school, principal, clerk, english_screen, assert_stored_vietnamese, deadline_rules
):
    # when: the head posts and postpones a reception day, the clerk writes the register and
    # enters a walk-in case with its register line
    session = services.schedule_reception(
        organisation=school,
        actor=principal,
        host=principal,
        date=dt.date(2026, 3, 9),
        start_time=dt.time(8),
        end_time=dt.time(11),
        place="Phòng tiếp công dân",
        published_on=RECEIVED,
    )
    services.postpone_reception(
        session=session,
        actor=principal,
        new_date=timezone.localdate() + dt.timedelta(days=30),
        reason="Hiệu trưởng họp đột xuất",
    )
    services.record_reception(
        organisation=school,
        actor=clerk,
        received_on=RECEIVED,
        name="Lê Văn Hỏi",
        content_summary="Hỏi về thủ tục chuyển trường.",
    )
    case = services.receive_walk_in(
        organisation=school,
        actor=clerk,
        submission=submission(CaseKind.RECOMMENDATION, channel=Channel.WALK_IN),
        received_on=RECEIVED,
        people_count=3,
    )
    # then
    assert case.reception_entries.count() == 1
    assert_stored_vietnamese()


def test_staff_pages_with_the_english_cookie(
    client,
    school,
    clerk,
    principal,
    resolver,
    assigned_denunciation,
    english_screen,
    assert_stored_vietnamese,
):
    # given: the visitor chose English
    client.cookies["django_language"] = "en"
    client.force_login(clerk)
    # when: the clerk enters a walk-in case, reads the register and sends the acknowledgement
    response = client.post(
        reverse("petitions:walk_in"),
        {
            "kind": "kien_nghi",
            "channel": "walk_in",
            "received_on": RECEIVED.isoformat(),
            "people_count": "2",
            "register": "on",
            "title": "Đề nghị mở thêm lớp bán trú",
            "content": "Hai phụ huynh khối 1 đề nghị mở thêm một lớp bán trú.",
            "name": "Lê Văn Đại Diện",
            "phone": "0911222333",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    case = Case.objects.get(title="Đề nghị mở thêm lớp bán trú")
    assert client.get(reverse("petitions:register")).status_code == 200
    response = client.post(reverse("petitions:action", args=[case.public_id, "tiep-nhan"]))
    assert response.status_code == 302
    # and: the resolver opens the denouncer's identity (logged)
    client.force_login(resolver)
    identity = reverse("petitions:identity", args=[assigned_denunciation.public_id])
    assert client.get(identity).status_code == 200
    # and: a citizen sends a case from the public form
    response = client.post(
        reverse("petitions:intake", args=[school.slug]),
        {
            "kind": "phan_anh",
            "title": "Cổng trường ùn tắc",
            "content": "Giờ tan học cổng trường ùn tắc kéo dài.",
            "name": "Trần Thị Mẹ",
            "phone": "0987111222",
            "consent": "on",
            "token": "english-screen-1",
        },
    )
    assert response.status_code == 302
    # then
    assert case.events.filter(kind="acknowledged").exists()
    assert_stored_vietnamese()


def test_the_messages_to_a_sender_are_vietnamese(
    school, principal, english_screen, assert_stored_vietnamese
):
    from gandan.notify.models import OutboxMessage

    # when: a parent who left an e-mail address is told of the receipt, the acceptance and
    # the answer, all acted on with English on the screen
    sender = services.Sender(name="Nguyễn Thị Hoa", email="hoa@example.com", address="Hải An")
    case = submit(school, CaseKind.RECOMMENDATION, sender=sender)
    case = services.accept_case(case=case, actor=principal, on=RECEIVED)
    services.resolve_case(
        case=case, actor=principal, outcome="", public_answer="Nhà trường đã lắp thêm mái che."
    )
    # then: the sealed messages, read unsealed, hold no English
    assert OutboxMessage.objects.count() == 3
    assert_stored_vietnamese()
