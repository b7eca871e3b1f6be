"""What must be on file before a complaint decision or a denunciation conclusion: the
verification and the dialogue the law requires, or the recorded reason where it allows none
(Luật Khiếu nại 2011, Điều 29–30, 39, 53; Luật Tố cáo 2018, Điều 31). A refusal changes
nothing."""

import io

import docx
import pytest
from django.core.exceptions import ValidationError

from gandan.paperwork.models import OutgoingDocument
from gandan.paperwork.rendering import render_docx
from gandan.petitions import services
from gandan.petitions.models import CaseKind, CaseStatus, Procedure
from gandan.petitions.tests.conftest import RECEIVED, submit

pytestmark = pytest.mark.django_db


def _text(document: OutgoingDocument) -> str:
    parsed = docx.Document(io.BytesIO(render_docx(document.spec)))
    return "\n".join(p.text for p in parsed.paragraphs)


def _resolve(case, principal, **reasons):
    return services.resolve_case(
        case=case,
        actor=principal,
        outcome="Khiếu nại đúng.",
        public_answer="Miễn tiền bán trú từ tháng 3/2026.",
        on=RECEIVED,
        **reasons,
    )


def _state(case):
    case.refresh_from_db()
    return (case.status, case.resolved_on, case.events.count(), OutgoingDocument.objects.count())


def test_a_complaint_is_not_decided_on_the_day_of_acceptance_without_verification(
    complaint, principal
):
    case = services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    before = _state(case)
    with pytest.raises(ValidationError) as error:
        _resolve(case, principal)
    assert "Điều 29" in error.value.message_dict["no_verification_reason"][0]
    assert _state(case) == before
    # with a reason for not verifying, the dialogue (or why there is none) is still asked
    with pytest.raises(ValidationError) as error:
        _resolve(case, principal, no_verification_reason="đã kiểm tra lại, khiếu nại đúng")
    assert "Điều 30" in error.value.message_dict["no_dialogue_reason"][0]
    assert _state(case) == before


def test_a_decision_without_verification_records_its_reason(complaint, principal):
    case = services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    case = _resolve(
        case,
        principal,
        no_verification_reason="hiệu trưởng đã kiểm tra lại quyết định, khiếu nại đúng",
        no_dialogue_reason="nhà trường chấp nhận toàn bộ yêu cầu",
    )
    assert case.status == CaseStatus.RESOLVED
    text = _text(OutgoingDocument.objects.get(source=f"petitions.case:{case.pk}:ket_qua"))
    assert (
        "không tiến hành xác minh riêng vì hiệu trưởng đã kiểm tra lại quyết định, khiếu nại đúng"
        in text
    )
    assert "Không tổ chức đối thoại vì nhà trường chấp nhận toàn bộ yêu cầu" in text
    event = case.events.get(kind="resolved")
    assert "Không xác minh riêng: hiệu trưởng đã kiểm tra lại" in event.summary


def test_a_second_instance_complaint_needs_its_dialogue_whatever_the_reason(
    school, principal, deadline_rules
):
    case = submit(school, CaseKind.COMPLAINT)
    case = services.classify_case(
        case=case, actor=principal, kind=CaseKind.COMPLAINT, procedure=Procedure.SECOND_INSTANCE
    )
    case = services.accept_case(case=case, actor=principal, on=RECEIVED)
    before = _state(case)
    with pytest.raises(ValidationError) as error:
        _resolve(case, principal, no_verification_reason="x", no_dialogue_reason="không cần")
    assert "Điều 39" in error.value.messages[0]
    assert _state(case) == before
