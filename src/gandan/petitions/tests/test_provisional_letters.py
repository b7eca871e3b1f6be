"""Every letter that prints a date the calendar computed carries the provisional warning when
the period runs into a year whose official calendar is not entered (2027 today): acceptance,
extension and resumption; the case_deadlines command says it on standard error
(worktime.notices; Bộ luật Lao động 2019, Điều 112 k3)."""

import datetime as dt
import io
from io import StringIO

import docx
import pytest
from django.core.management import call_command

from gandan.paperwork.models import OutgoingDocument
from gandan.paperwork.rendering import render_docx
from gandan.petitions import services
from gandan.petitions.models import CaseKind
from gandan.petitions.tests.conftest import DENOUNCER, at, submit

pytestmark = pytest.mark.django_db

WARNING = "Ngày tạm tính"
D = dt.date


def _due_year(case) -> int:
    due = case.deadlines.get(step="giai_quyet").due
    assert due is not None
    return due.year


def _text(case, part: str) -> str:
    document = OutgoingDocument.objects.get(source=f"petitions.case:{case.pk}:{part}")
    parsed = docx.Document(io.BytesIO(render_docx(document.spec)))
    return "\n".join(p.text for p in parsed.paragraphs)


@pytest.mark.parametrize(
    ("accepted", "provisional"), [(D(2026, 3, 2), False), (D(2026, 12, 2), True)]
)
def test_the_acceptance_notice_of_a_complaint(
    school, principal, deadline_rules, accepted, provisional
):
    case = submit(school, CaseKind.COMPLAINT, received_at=at(accepted))
    case = services.accept_case(case=case, actor=principal, on=accepted)
    # 30 days from the acceptance: within 2026, or Fri 01/01/2027
    assert (_due_year(case) == 2027) is provisional
    text = _text(case, "thu_ly")
    assert (WARNING in text) is provisional
    if provisional:
        assert "2027" in text.split(WARNING)[1]


def _denunciation(school, principal, accepted):
    case = submit(
        school,
        CaseKind.DENUNCIATION,
        title="Thu tiền học thêm trái quy định",
        denounced_person="Ông Lê Văn Dạy, giáo viên lớp 4B",
        sender=services.Sender(name=DENOUNCER, phone="0912345678", address="Hải An"),
        received_at=at(accepted),
    )
    return services.accept_case(case=case, actor=principal, on=accepted)


@pytest.mark.parametrize(
    ("accepted", "provisional"), [(D(2026, 3, 2), False), (D(2026, 11, 2), True)]
)
def test_the_acceptance_decision_and_the_extension_of_a_denunciation(
    school, principal, deadline_rules, accepted, provisional
):
    case = _denunciation(school, principal, accepted)
    # the acceptance decision's date stays in 2026 (30 days), so no warning there
    assert WARNING not in _text(case, "thu_ly")
    case = services.extend_case(
        case=case,
        actor=principal,
        step="giai_quyet",
        reason="Nhiều nội dung cần xác minh",
        complexity="complex",
        on=accepted + dt.timedelta(days=20),
    )
    # +30 days: April 2026, or January 2027
    assert (_due_year(case) == 2027) is provisional
    assert (WARNING in _text(case, "gia_han")) is provisional


@pytest.mark.parametrize(
    ("resumed", "provisional"), [(D(2026, 11, 20), False), (D(2026, 12, 20), True)]
)
def test_the_resumption_decision(school, principal, deadline_rules, resumed, provisional):
    case = _denunciation(school, principal, D(2026, 11, 2))
    case = services.suspend_case(
        case=case, actor=principal, reason="Chờ kết quả giám định", on=D(2026, 11, 10)
    )
    # the suspension decision prints no computed date
    assert WARNING not in _text(case, "tam_dinh_chi")
    case = services.resume_case(case=case, actor=principal, on=resumed)
    assert (_due_year(case) == 2027) is provisional
    assert (WARNING in _text(case, "tiep_tuc")) is provisional


@pytest.mark.parametrize(("received", "provisional"), [("2026-03-02", False), ("2026-12-21", True)])
def test_the_case_deadlines_command_warns_on_standard_error(deadline_rules, received, provisional):
    out, err = StringIO(), StringIO()
    call_command(
        "case_deadlines", "--kind", "phan_anh", "--received", received, stdout=out, stderr=err
    )
    assert (WARNING in err.getvalue()) is provisional
    assert WARNING not in out.getvalue()  # the JSON stays machine-readable
    if provisional:
        assert "2027" in err.getvalue()
