"""The complaint law as amended from 1/7/2026, and what a complaint decision must say and to whom.

LAW.md §1a and §11 (the 2026-12 legal audit): the 07-working-day acceptance of the amended
article covers disciplinary complaints too; a complaint decision goes to the complainant, the
respondent, the superior body and the people with related rights (Luật Khiếu nại 2011, Điều 32);
NĐ 75/2012 is cited as NĐ 124/2020, which replaced it.
"""

import datetime as dt
import io

import docx
import pytest

from gandan.legal.references import find_references
from gandan.legal.services import replacement_warnings
from gandan.paperwork.models import OutgoingDocument
from gandan.paperwork.rendering import render_docx
from gandan.petitions import services
from gandan.petitions.models import CaseKind, DayUnit, DeadlineRule, Procedure
from gandan.petitions.tests.conftest import RECEIVED, submit

pytestmark = pytest.mark.django_db

D = dt.date


def _text(document: OutgoingDocument) -> str:
    parsed = docx.Document(io.BytesIO(render_docx(document.spec)))
    parts = [p.text for p in parsed.paragraphs]
    for table in parsed.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


# -- Point 2: disciplinary complaints, acceptance from 1/7/2026 ------------------------------


@pytest.mark.parametrize("procedure", [Procedure.DISCIPLINARY_FIRST, Procedure.DISCIPLINARY_SECOND])
@pytest.mark.parametrize(
    ("received", "limit", "unit", "flagged"),
    [
        (D(2026, 6, 30), 10, DayUnit.CALENDAR_DAY, False),  # Luật Khiếu nại 2011, Điều 50
        (D(2026, 7, 1), 7, DayUnit.WORKING_DAY, True),  # NĐ 155/2026, new Điều 16 k1 (crawl)
    ],
)
def test_a_disciplinary_complaint_is_accepted_within_the_limit_of_its_receipt_date(
    deadline_rules, procedure, received, limit, unit, flagged
):
    row = DeadlineRule.objects.in_force(CaseKind.COMPLAINT, received, procedure).get(step="thu_ly")
    assert (row.limit, row.unit, row.needs_verification) == (limit, unit, flagged)
    if flagged:
        assert "NĐ 155/2026" in row.citation and "LAW.md" in row.note


def test_a_disciplinary_complaint_received_in_july_2026_is_due_in_seven_working_days(
    school, principal, deadline_rules
):
    case = submit(
        school,
        CaseKind.COMPLAINT,
        title="Khiếu nại quyết định kỷ luật khiển trách",
        received_at=dt.datetime(2026, 7, 1, 9, tzinfo=dt.UTC),
    )
    case = services.classify_case(
        case=case, actor=principal, kind=CaseKind.COMPLAINT, procedure=Procedure.DISCIPLINARY_FIRST
    )
    # Wed 01/7 + 7 working days = Fri 10/7 (10 calendar days would give Sat 11/7 → Mon 13/7)
    assert case.deadlines.get(step="thu_ly").due == D(2026, 7, 10)


# -- Point 6a: the text in force is cited -----------------------------------------------------


def test_no_rule_cites_a_replaced_text(deadline_rules):
    warned = {
        (row.kind, row.procedure, row.step, row.valid_from): [
            str(w.document) for w in replacement_warnings(find_references(row.citation))
        ]
        for row in DeadlineRule.objects.all()
    }
    assert {key: names for key, names in warned.items() if names} == {}
    publication = DeadlineRule.objects.get(step="cong_bo_quyet_dinh")
    assert "NĐ 124/2020/NĐ-CP" in publication.citation
    assert "75/2012" not in publication.citation
    assert publication.needs_verification  # its article number in NĐ 124/2020 is not checked


# -- Point 6a: who receives a complaint decision ----------------------------------------------


def _decided(case, principal):
    services.accept_case(case=case, actor=principal, on=RECEIVED)
    services.record_minutes(
        case=case,
        actor=principal,
        kind="verification",
        held_on=D(2026, 3, 6),
        participants="Hiệu trưởng, kế toán",
        content="Đối chiếu hồ sơ",
        result="Gia đình thuộc hộ nghèo năm 2026.",
    )
    services.resolve_case(
        case=case,
        actor=principal,
        outcome="Khiếu nại đúng.",
        public_answer="Miễn tiền bán trú từ tháng 3/2026.",
        on=D(2026, 3, 20),
    )
    return OutgoingDocument.objects.get(source=f"petitions.case:{case.pk}:ket_qua")


def test_a_first_instance_decision_goes_to_those_article_32_names(complaint, principal):
    decision = _decided(complaint, principal)
    recipients = decision.spec.recipients
    # the complainant, the respondent, the superior body, the people with related rights
    assert "Trần Văn Phụ Huynh" in recipients[0]
    assert "Hiệu trưởng Trường Tiểu học Thành Tô" in recipients
    assert "Chủ tịch Ủy ban nhân dân phường Hải An (để báo cáo)" in recipients
    assert any("quyền, nghĩa vụ liên quan" in line for line in recipients)
    assert any("chuyển khiếu nại đến" in line for line in recipients)
    text = _text(decision)
    assert "Chủ tịch Ủy ban nhân dân phường Hải An (để báo cáo)" in text
    # the right to complain again names the same body (the second instance)
    assert "khiếu nại đến Chủ tịch Ủy ban nhân dân phường Hải An" in text


def test_a_school_without_a_body_above_it_in_the_tree_names_its_recorded_managing_body(
    complaint, principal
):
    school = complaint.organisation
    school.parent = None
    school.managing_body_name = "Ủy ban nhân dân phường Đông Hải"
    school.save(update_fields=["parent", "managing_body_name"])
    decision = _decided(complaint, principal)
    assert "Thủ trưởng Ủy ban nhân dân phường Đông Hải (để báo cáo)" in decision.spec.recipients
