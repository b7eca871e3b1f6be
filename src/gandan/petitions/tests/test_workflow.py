"""Each workflow step: what it changes, what it issues, and that a refusal changes nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from gandan.audit.models import AuditEvent
from gandan.notify.models import Notification
from gandan.paperwork.models import OutgoingDocument
from gandan.petitions import services
from gandan.petitions.models import (
    Case,
    CaseDeadline,
    CaseEvent,
    CaseKind,
    CaseStatus,
    DenouncerIdentity,
)
from gandan.petitions.tests.conftest import RECEIVED, submit
from gandan.worktime.days import clear_calendar_cache
from gandan.worktime.models import CalendarAdjustment


def state(case: Case) -> tuple:
    """Everything an action could change, to assert that a refusal changed nothing."""
    row = Case.objects.get(pk=case.pk)
    return (
        row.status,
        row.kind,
        row.handler_id,
        row.accepted_on,
        row.resolved_on,
        row.closed_at,
        row.next_due,
        tuple(CaseDeadline.objects.filter(case=case).values_list("step", "due", "done_on", "moot")),
        CaseEvent.objects.filter(case=case).count(),
        OutgoingDocument.objects.count(),
        Case.objects.count(),
        AuditEvent.objects.count(),
    )


def refused(call, case):
    before = state(case)
    with pytest.raises(ValidationError) as error:
        call()
    assert state(case) == before
    return error.value


def test_classify_changes_kind_and_due_dates(feedback, principal):
    case = services.classify_case(case=feedback, actor=principal, kind=CaseKind.COMPLAINT)
    assert case.kind == "khieu_nai" and case.procedure == "lan_dau"
    assert case.deadlines.get(step="thu_ly").due == dt.date(2026, 3, 12)
    assert not case.deadlines.filter(step="tra_loi").exists()
    assert case.events.filter(kind="classified").count() == 1


def test_reclassifying_as_denunciation_seals_the_contact(feedback, principal):
    case = services.classify_case(case=feedback, actor=principal, kind=CaseKind.DENUNCIATION)
    assert case.contact_name == "" and case.contact_phone == "" and case.content == ""
    assert case.needs_redaction
    assert "Trần Văn Phụ Huynh" not in DenouncerIdentity.objects.get(case=case).name_token
    assert case.deadlines.get(step="xu_ly_ban_dau").due == dt.date(2026, 3, 11)


def test_a_mixed_application_is_split(feedback, principal):
    children = services.split_case(
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
    child = children[0]
    assert child.parent_case_id == feedback.pk
    assert child.tracking_code != feedback.tracking_code
    assert child.received_on == feedback.received_on
    assert child.contact_name == feedback.contact_name
    assert child.next_due == feedback.next_due
    public = feedback.events.get(kind="split").public_summary
    assert child.display_code in public


def test_accept_starts_the_clock_and_issues_the_notice(complaint, principal):
    case = services.accept_case(case=complaint, actor=principal, on=dt.date(2026, 3, 4))
    assert case.status == CaseStatus.ACCEPTED
    rows = {row.step: row for row in case.deadlines.all()}
    assert rows["thu_ly"].done_on == dt.date(2026, 3, 4)
    # Luật Khiếu nại 2011, Điều 28: 30 days from thụ lý
    assert rows["giai_quyet"].due == dt.date(2026, 4, 3)
    assert case.next_due == dt.date(2026, 4, 3)
    document = OutgoingDocument.objects.get(source=f"petitions.case:{case.pk}:thu_ly")
    assert document.doc_type == "TB"
    assert document.number_symbol == "01/TB-THTT"


def replayed(call, case):
    """The call returns the first result and changes nothing (test_replays.py has them all)."""
    before = state(case)
    result = call()
    assert state(case) == before
    return result


def test_accept_twice_changes_nothing_and_is_refused_for_anonymous_information(
    complaint, principal, school
):
    services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    replayed(lambda: services.accept_case(case=complaint, actor=principal), complaint)
    info = submit(
        school, CaseKind.DENUNCIATION, anonymous=True, consent=False, denounced_person="X"
    )
    error = refused(lambda: services.accept_case(case=info, actor=principal), info)
    assert "Điều 25" in error.messages[0]


def test_accept_before_receipt_is_refused(complaint, principal):
    refused(
        lambda: services.accept_case(case=complaint, actor=principal, on=dt.date(2026, 3, 1)),
        complaint,
    )


def test_refuse_needs_a_reason_and_ends_the_case(complaint, principal):
    refused(lambda: services.refuse_case(case=complaint, actor=principal, reason=" "), complaint)
    case = services.refuse_case(
        case=complaint, actor=principal, reason="Quá thời hiệu 90 ngày.", on=RECEIVED
    )
    assert case.status == CaseStatus.REFUSED and case.closed_at is not None
    assert case.next_due is None
    assert case.deadlines.get(step="thu_ly").done_on == RECEIVED
    assert not case.deadlines.filter(done_on__isnull=True, moot=False, is_tracked=True).exists()
    assert OutgoingDocument.objects.get().summary == "Về việc không thụ lý khiếu nại"


def test_transfer_sends_the_file_and_tells_the_sender(feedback, principal):
    case = services.transfer_case(
        case=feedback,
        actor=principal,
        to_body="Ủy ban nhân dân phường Hải An",
        reason="việc sửa đường trước cổng trường do phường quản lý",
        on=RECEIVED,
    )
    assert case.status == CaseStatus.TRANSFERRED
    kinds = list(OutgoingDocument.objects.values_list("doc_type", flat=True).order_by("number"))
    assert kinds == ["CV", "TB"]
    assert "Ủy ban nhân dân phường Hải An" in case.events.get(kind="transferred").public_summary


def test_assign_names_handler_and_verifiers_and_notifies_them(
    assigned_denunciation, resolver, verifier
):
    case = assigned_denunciation
    assert case.handler == resolver and case.status == CaseStatus.IN_PROGRESS
    # accepted by the school itself: forwarding (Luật Tố cáo 2018, Điều 24 k2) is not due
    forwarding = case.deadlines.get(step="chuyen_don")
    assert forwarding.moot and forwarding.done_on is None
    assert case.next_due == dt.date(2026, 4, 1)  # the notices went out with the acceptance
    assert list(case.verifiers.all()) == [verifier]
    assert Notification.objects.filter(kind="petitions.assigned").count() == 2


def test_a_teacher_cannot_resolve_a_complaint(complaint, principal, teacher):
    # Luật Tố cáo 2018, Điều 12 k1 / Luật Khiếu nại: the head resolves
    error = refused(
        lambda: services.assign_case(case=complaint, actor=principal, handler=teacher), complaint
    )
    assert "hiệu trưởng" in error.message_dict["handler"][0]


def test_assign_refuses_outsiders_and_self_verification(
    feedback, principal, other_school_principal, teacher
):
    refused(
        lambda: services.assign_case(
            case=feedback, actor=principal, handler=other_school_principal
        ),
        feedback,
    )
    refused(
        lambda: services.assign_case(
            case=feedback, actor=principal, handler=teacher, verifiers=[teacher]
        ),
        feedback,
    )


def test_a_denunciation_extends_only_when_complex(assigned_denunciation, principal):
    case = assigned_denunciation
    due = case.deadlines.get(step="giai_quyet").due
    assert due == dt.date(2026, 4, 1)  # Luật Tố cáo 2018, Điều 30 k1: 30 days from thụ lý
    refused(
        lambda: services.extend_case(
            case=case, actor=principal, step="giai_quyet", reason="Cần thêm thời gian", on=RECEIVED
        ),
        case,
    )
    # when: recognised as complex (NĐ 31/2019 Điều 3), one extension of ≤ 30 days
    case = services.extend_case(
        case=case,
        actor=principal,
        step="giai_quyet",
        reason="Phải xác minh ở hai nơi",
        complexity="complex",
        on=dt.date(2026, 3, 20),
    )
    # 01/4 + 30 days = 01/5, Labour Day, then a weekend: BLDS Điều 148 k5 → Monday 04/5
    assert case.deadlines.get(step="giai_quyet").due == dt.date(2026, 5, 4)
    decision = OutgoingDocument.objects.get(source__endswith=":gia_han")
    assert decision.doc_type == "QĐ"
    assert case.extensions.get().decision == decision.number_symbol
    # a second extension is refused for a (not especially) complex case
    refused(
        lambda: services.extend_case(
            case=case, actor=principal, step="giai_quyet", reason="Lần nữa", on=RECEIVED
        ),
        case,
    )


def test_a_complex_complaint_gets_the_longer_limit(complaint, principal):
    case = services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    case = services.extend_case(
        case=case,
        actor=principal,
        step="giai_quyet",
        reason="Nhiều người cùng khiếu nại",
        complexity="complex",
        on=RECEIVED,
    )
    # Luật Khiếu nại 2011, Điều 28: complex ≤ 45 days
    assert case.deadlines.get(step="giai_quyet").due == dt.date(2026, 4, 16)
    assert case.is_complex


def test_suspension_stops_the_clock_and_resumption_restarts_it(assigned_denunciation, principal):
    case = assigned_denunciation
    case = services.suspend_case(
        case=case, actor=principal, reason="Chờ kết quả giám định", on=dt.date(2026, 3, 10)
    )
    assert case.status == CaseStatus.SUSPENDED
    assert case.deadlines.get(step="giai_quyet").due is None
    assert case.deadlines.get(step="gui_quyet_dinh_tam_dinh_chi").done_on == dt.date(2026, 3, 10)
    case = services.resume_case(case=case, actor=principal, on=dt.date(2026, 3, 20))
    # 10 days stopped: due moves from 01/4 to 11/4, a Saturday → Monday 13/4
    assert case.deadlines.get(step="giai_quyet").due == dt.date(2026, 4, 13)
    assert case.status == CaseStatus.IN_PROGRESS
    assert OutgoingDocument.objects.filter(source__endswith=":tiep_tuc").exists()


def test_feedback_cannot_be_suspended(feedback, principal, teacher):
    services.accept_case(case=feedback, actor=principal, on=RECEIVED)
    error = refused(
        lambda: services.suspend_case(case=feedback, actor=principal, reason="x"), feedback
    )
    assert "không có tạm đình chỉ" in error.messages[0]


def test_a_denunciation_is_concluded_only_after_verification(
    assigned_denunciation, resolver, verifier
):
    case = assigned_denunciation
    error = refused(
        lambda: services.resolve_case(
            case=case, actor=resolver, outcome="Đúng", public_answer="Đã xử lý", on=RECEIVED
        ),
        case,
    )
    assert "Điều 31" in error.messages[0]
    services.record_minutes(
        case=case,
        actor=verifier,
        kind="verification",
        held_on=dt.date(2026, 3, 9),
        participants="Bùi Văn Hùng; ông Lê Văn Dạy",
        content="Làm việc với giáo viên lớp 4B và 5 phụ huynh.",
        result="Có thu 200.000 đồng/tháng tiền học thêm.",
    )
    case = services.resolve_case(
        case=case,
        actor=resolver,
        outcome="Tố cáo đúng một phần.",
        public_answer="Yêu cầu hoàn trả tiền đã thu; kiểm điểm giáo viên.",
        on=dt.date(2026, 3, 16),
    )
    assert case.status == CaseStatus.RESOLVED and case.closed_at is None
    rows = {row.step: row for row in case.deadlines.all()}
    assert rows["giai_quyet"].done_on == dt.date(2026, 3, 16)
    # Luật Tố cáo 2018, Điều 35 k3: send within 05 working days of the conclusion
    assert rows["gui_ket_luan"].due == dt.date(2026, 3, 23)
    assert rows["cong_khai_ket_luan"].due == dt.date(2026, 3, 25)


def test_a_disciplinary_complaint_needs_a_dialogue_first(school, principal, deadline_rules):
    # Luật Khiếu nại 2011, Điều 53: dialogue is mandatory for disciplinary complaints
    case = submit(school, CaseKind.COMPLAINT)
    case = services.classify_case(
        case=case, actor=principal, kind=CaseKind.COMPLAINT, procedure="ky_luat_lan_dau"
    )
    case = services.accept_case(case=case, actor=principal, on=RECEIVED)
    error = refused(
        lambda: services.resolve_case(
            case=case, actor=principal, outcome="Giữ nguyên", public_answer="Giữ", on=RECEIVED
        ),
        case,
    )
    assert "đối thoại" in error.messages[0]


def test_resolved_complaint_is_sent_and_closed(complaint, principal):
    case = services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    case = services.resolve_case(
        case=case,
        actor=principal,
        outcome="Khiếu nại đúng.",
        public_answer="Hủy quyết định, xét miễn học phí từ tháng 3.",
        no_verification_reason="đã kiểm tra lại quyết định, khiếu nại đúng",
        no_dialogue_reason="nhà trường chấp nhận toàn bộ yêu cầu của người khiếu nại",
        on=dt.date(2026, 3, 20),
    )
    refused(lambda: services.close_case(case=case, actor=principal), case)
    # Luật Khiếu nại 2011, Điều 32: send within 03 working days
    assert case.deadlines.get(step="gui_quyet_dinh").due == dt.date(2026, 3, 25)
    case = services.send_resolution(case=case, actor=principal, on=dt.date(2026, 3, 23))
    case = services.close_case(case=case, actor=principal, on=dt.date(2026, 3, 23))
    assert case.is_closed and case.next_due is None
    decision = OutgoingDocument.objects.get(source__endswith=":ket_qua")
    assert decision.doc_type == "QĐ"
    assert "lần đầu" in decision.summary


def test_a_denunciation_must_be_published_before_closing(
    assigned_denunciation, resolver, verifier, principal
):
    case = assigned_denunciation
    services.record_minutes(
        case=case,
        actor=verifier,
        kind="verification",
        held_on=RECEIVED,
        participants="Tổ xác minh",
        content="Xác minh",
    )
    case = services.resolve_case(
        case=case, actor=resolver, outcome="Đúng.", public_answer="Đã xử lý.", on=RECEIVED
    )
    case = services.send_resolution(case=case, actor=resolver, on=RECEIVED)
    error = refused(lambda: services.close_case(case=case, actor=principal), case)
    assert "công khai" in error.messages[0]
    services.publish_resolution(
        case=case, actor=principal, how="Niêm yết tại trụ sở 15 ngày", on=RECEIVED
    )
    case = services.close_case(case=case, actor=principal, on=RECEIVED)
    assert case.is_closed


def test_feedback_is_answered_and_closed_in_one_step(feedback, teacher, principal):
    services.assign_case(case=feedback, actor=principal, handler=teacher)
    case = services.resolve_case(
        case=feedback,
        actor=teacher,
        outcome="",
        public_answer="Nhà trường đã thay tấm tôn bị hỏng.",
        on=dt.date(2026, 3, 5),
    )
    assert case.status == CaseStatus.RESOLVED and case.is_closed
    assert case.deadlines.get(step="tra_loi").done_on == dt.date(2026, 3, 5)
    assert case.next_due is None
    reply = OutgoingDocument.objects.get(source__endswith=":ket_qua")
    assert reply.doc_type == "CV" and reply.summary == "V/v trả lời phản ánh"
    thanks = services.issue_thanks(case=case, actor=teacher, on=dt.date(2026, 3, 5))
    assert thanks.doc_type == "THU"


def test_close_unresolved_and_withdraw(feedback, complaint, principal):
    case = services.close_unresolved(
        case=feedback, actor=principal, reason="Không liên lạc được người gửi", on=RECEIVED
    )
    assert case.status == CaseStatus.CLOSED_UNRESOLVED and case.next_due is None
    replayed(lambda: services.close_unresolved(case=case, actor=principal, reason="x"), case)
    refused(lambda: services.withdraw_case(case=case, actor=principal, note="x"), case)
    services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    case = services.withdraw_case(
        case=complaint, actor=principal, note="Đơn rút ngày 05/3/2026", on=RECEIVED
    )
    assert case.status == CaseStatus.WITHDRAWN
    # Luật Khiếu nại 2011, Điều 10: the resolver terminates in writing
    assert OutgoingDocument.objects.filter(source__endswith=":dinh_chi", doc_type="QĐ").exists()


def test_apology_only_when_late_with_a_new_date(feedback, principal):
    # not late yet on the day of receipt
    refused(
        lambda: services.issue_apology(
            case=feedback,
            actor=principal,
            new_date=dt.date(2026, 3, 20),
            reason="Thiếu người",
            on=RECEIVED,
        ),
        feedback,
    )
    # on 17/3 the answer due 16/3 is late
    document = services.issue_apology(
        case=feedback,
        actor=principal,
        new_date=dt.date(2026, 3, 20),
        reason="Cán bộ phụ trách nghỉ ốm",
        on=dt.date(2026, 3, 17),
    )
    feedback.refresh_from_db()
    assert document.doc_type == "THU"
    assert feedback.promised_on == dt.date(2026, 3, 20)
    assert "20/03/2026" in feedback.events.get(kind="apologised").public_summary


def test_contest_reopens_review_and_tells_the_head(feedback, principal, teacher):
    services.assign_case(case=feedback, actor=principal, handler=teacher)
    services.resolve_case(
        case=feedback, actor=teacher, outcome="", public_answer="Đã sửa.", on=RECEIVED
    )
    case = services.contest_case(case=feedback, reason="Vẫn dột.")
    assert case.status == CaseStatus.IN_PROGRESS and not case.is_closed
    notified = set(
        Notification.objects.filter(kind="petitions.contested").values_list("recipient", flat=True)
    )
    assert notified == {principal.pk, teacher.pk}
    # a new answer closes it again
    case = services.resolve_case(
        case=case, actor=teacher, outcome="", public_answer="Đã thay cả mái.", on=RECEIVED
    )
    assert case.is_closed


def test_recompute_follows_a_calendar_change_and_is_rerunnable(feedback, principal):
    assert feedback.next_due == dt.date(2026, 3, 16)
    # given: 10/3 is declared a day off
    CalendarAdjustment.objects.create(
        date=dt.date(2026, 3, 10), kind="day_off", reason="Nghỉ bù", document="Thông báo thử"
    )
    clear_calendar_cache()  # what the worktime admin service does on a change
    # when
    call_command("recompute_case_deadlines")
    call_command("recompute_case_deadlines")
    # then
    feedback.refresh_from_db()
    assert feedback.next_due == dt.date(2026, 3, 17)
    assert feedback.deadlines.filter(step="tra_loi").count() == 1


def test_records_and_documents_stay_vietnamese_under_an_english_screen(denunciation, principal):
    # ADR 1, addendum: stored text is Vietnamese whatever the screen language
    from django.utils import translation

    with translation.override("en"):
        case = services.accept_case(case=denunciation, actor=principal, on=RECEIVED)
    event = case.events.get(kind="accepted")
    assert event.public_summary == "Nhà trường đã thụ lý giải quyết ngày 02/03/2026."
    decision = OutgoingDocument.objects.get(source__endswith=":thu_ly")
    assert decision.summary == "Về việc thụ lý tố cáo"
    assert "Người tố cáo" in " ".join(decision.spec_json["recipients"])
    audit = AuditEvent.objects.filter(object_type="petitions.case").order_by("-sequence").first()
    assert audit is not None and audit.summary.startswith("Vụ việc GD-")
