"""Case documents come out of paperwork: typed, numbered in the register, in the official form."""

import datetime as dt
import io

import docx

from gandan.paperwork.models import OutgoingDocument
from gandan.paperwork.rendering import render_docx
from gandan.petitions import services
from gandan.petitions.tests.conftest import RECEIVED


def _text(document: OutgoingDocument) -> str:
    parsed = docx.Document(io.BytesIO(render_docx(document.spec)))
    parts = [p.text for p in parsed.paragraphs]
    for table in parsed.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_acknowledgement_reply_and_apology_of_a_feedback(feedback, principal, clerk):
    # when
    ack = services.issue_acknowledgement(case=feedback, actor=clerk, on=RECEIVED)
    apology = services.issue_apology(
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
    reply = OutgoingDocument.objects.get(source=f"petitions.case:{feedback.pk}:ket_qua")
    # then: numbered in order in the school's register (Nghị định 30/2020, Điều 15)
    assert [d.number_symbol for d in services.case_documents(feedback)] == [
        "01/TB-THTT",
        "02/THTT",
        "03/THTT-VP",  # a công văn: body and drafting unit (Phụ lục I, II.3b)
    ]
    text = _text(ack)
    assert "THÔNG BÁO" in text and "Về việc tiếp nhận phản ánh" in text
    assert feedback.display_code in text and "16/03/2026" in text
    assert "Kính gửi: Ông/Bà Trần Văn Phụ Huynh" in text
    text = _text(apology)
    assert apology.doc_type == "THU"
    assert "V/v xin lỗi vì chậm giải quyết" in text
    assert "25/03/2026" in text and "16/03/2026" in text
    text = _text(reply)
    assert reply.doc_type == "CV" and "V/v trả lời phản ánh" in text
    assert "Nhà trường đã thay tấm tôn bị hỏng." in text
    assert "Nguyễn Thị Thu Hà" in text  # the head signs


def test_a_complaint_decision_states_the_right_to_complain_again(complaint, principal):
    services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    services.record_minutes(
        case=complaint,
        actor=principal,
        kind="verification",
        held_on=dt.date(2026, 3, 6),
        participants="Hiệu trưởng, kế toán",
        content="Đối chiếu hồ sơ",
        result="Gia đình thuộc hộ nghèo năm 2026.",
    )
    services.resolve_case(
        case=complaint,
        actor=principal,
        outcome="Khiếu nại đúng.",
        public_answer="Miễn tiền bán trú từ tháng 3/2026.",
        no_dialogue_reason="yêu cầu của người khiếu nại và kết quả xác minh không khác nhau",
        on=dt.date(2026, 3, 20),
    )
    decision = OutgoingDocument.objects.get(source=f"petitions.case:{complaint.pk}:ket_qua")
    text = _text(decision)
    # Luật Khiếu nại 2011, Điều 31: verification result, conclusion, the right to go further
    assert decision.doc_type == "QĐ" and "QUYẾT ĐỊNH" in text
    assert "Gia đình thuộc hộ nghèo năm 2026." in text
    assert "khiếu nại đến Chủ tịch Ủy ban nhân dân phường Hải An" in text
    assert "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011" in text


def test_an_anonymous_sender_gets_no_letter(school, principal, deadline_rules):
    from gandan.petitions.tests.conftest import submit

    case = submit(school, anonymous=True, consent=False)
    services.resolve_case(
        case=case, actor=principal, outcome="", public_answer="Đã kiểm tra.", on=RECEIVED
    )
    assert not OutgoingDocument.objects.exists()
    case.refresh_from_db()
    assert case.public_answer == "Đã kiểm tra."
