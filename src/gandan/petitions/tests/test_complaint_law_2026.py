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
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from gandan.legal.references import find_references
from gandan.legal.services import replacement_warnings
from gandan.paperwork.models import OutgoingDocument
from gandan.paperwork.rendering import render_docx
from gandan.petitions import services
from gandan.petitions.deadlines import compute_deadlines
from gandan.petitions.models import (
    CaseKind,
    CaseStatus,
    DayUnit,
    DeadlineRule,
    Procedure,
    StartEvent,
)
from gandan.petitions.models.rules import OpenCases
from gandan.petitions.tests.conftest import RECEIVED, submit
from gandan.worktime.calendar import WorkCalendar

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
        no_dialogue_reason="yêu cầu của người khiếu nại và kết quả xác minh không khác nhau",
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


# -- Point 1: the transition of the 2026 amendments to the cases still open ----------------------


def _row(step, order, limit, starts_from, valid_from, valid_to=None, **extra) -> DeadlineRule:
    fields = {
        "kind": CaseKind.COMPLAINT,
        "procedure": Procedure.FIRST_INSTANCE,
        "step": step,
        "step_label": step,
        "order": order,
        "limit": limit,
        "unit": DayUnit.CALENDAR_DAY,
        "starts_from": starts_from,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "citation": f"Điều thử nghiệm ({step})",
    }
    fields.update(extra)
    return DeadlineRule(**fields)


CLAUSE = {"open_cases": OpenCases.SUSPENSION, "transition_citation": "NĐ 155/2026, Điều 22 k1"}


def _rows(carried_over: dict) -> list[DeadlineRule]:
    return [
        _row("giai_quyet", 2, 30, StartEvent.ACCEPTED, D(2012, 7, 1), D(2026, 6, 30)),
        _row(
            "giai_quyet", 2, 30, StartEvent.ACCEPTED, D(2026, 7, 1), suspendable=True,
            **carried_over,
        ),
        _row(
            "gui_quyet_dinh_tam_dinh_chi", 8, 3, StartEvent.SUSPENDED, D(2026, 7, 1),
            **({**carried_over, "open_cases": OpenCases.STEP} if carried_over else {}),
        ),
    ]  # fmt: skip


def _june_case(rows, suspensions=(), decided=None):
    events: dict[str, dt.date] = {StartEvent.DECISION_ISSUED: decided} if decided else {}
    if suspensions:
        events[StartEvent.SUSPENDED] = suspensions[-1][0]
    return {
        item.step: item
        for item in compute_deadlines(
            kind=CaseKind.COMPLAINT,
            procedure=Procedure.FIRST_INSTANCE,
            received=D(2026, 6, 15),
            accepted=D(2026, 6, 16),
            events=events,
            suspensions=suspensions,
            rules=rows,
            calendar=WorkCalendar(),
        )
    }


def test_a_june_complaint_open_on_1_july_is_suspended_by_the_transition_clause():
    # Tue 16/6 + 30 days = Thu 16/7; suspended Fri 10/7, resumed Mon 20/7: 10 days more,
    # Sun 26/7 → Mon 27/7 (the old row's limit, the new row's suspension)
    steps = _june_case(_rows(CLAUSE), suspensions=[(D(2026, 7, 10), D(2026, 7, 20))])
    assert steps["giai_quyet"].due == D(2026, 7, 27)
    assert steps["giai_quyet"].limit == 30
    assert "NĐ 155/2026, Điều 22 k1" in steps["giai_quyet"].citation
    # the new step of the suspension decision applies to it too: Fri 10/7 + 3 = Mon 13/7
    assert steps["gui_quyet_dinh_tam_dinh_chi"].due == D(2026, 7, 13)


def test_without_a_transition_clause_the_receipt_date_decides():
    steps = _june_case(_rows({}), suspensions=[(D(2026, 7, 10), D(2026, 7, 20))])
    assert steps["giai_quyet"].due == D(2026, 7, 16)
    assert "gui_quyet_dinh_tam_dinh_chi" not in steps


def test_a_suspension_before_the_new_rules_took_effect_does_not_stop_the_clock():
    steps = _june_case(_rows(CLAUSE), suspensions=[(D(2026, 6, 25), D(2026, 7, 5))])
    assert steps["giai_quyet"].due == D(2026, 7, 16)


def test_a_case_decided_before_1_july_keeps_the_old_rules():
    steps = _june_case(_rows(CLAUSE), decided=D(2026, 6, 30))
    assert "gui_quyet_dinh_tam_dinh_chi" not in steps
    assert "Điều 22" not in steps["giai_quyet"].citation


def test_the_seeded_2026_complaint_rows_carry_the_transition_clause(deadline_rules):
    carried = DeadlineRule.objects.exclude(open_cases=OpenCases.NONE)
    assert {(row.procedure, row.step, row.open_cases) for row in carried} == {
        (procedure, step, scope)
        for procedure in (Procedure.FIRST_INSTANCE, Procedure.SECOND_INSTANCE)
        for step, scope in (
            ("giai_quyet", OpenCases.SUSPENSION),
            ("gui_quyet_dinh_tam_dinh_chi", OpenCases.STEP),
            ("gui_quyet_dinh_tiep_tuc", OpenCases.STEP),
        )
    }
    for row in carried:
        assert row.valid_from == D(2026, 7, 1) and row.needs_verification
        assert row.transition_citation == "NĐ 155/2026/NĐ-CP, Điều 22 k1"
        row.full_clean()


def test_a_transition_needs_its_clause_cited_and_a_suspension_to_carry(deadline_rules):
    row = DeadlineRule.objects.get(
        procedure=Procedure.FIRST_INSTANCE, step="giai_quyet", valid_from=D(2026, 7, 1)
    )
    row.transition_citation = ""
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "transition_citation" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()
    row.refresh_from_db()
    row.suspendable = False
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "open_cases" in error.value.message_dict


def _june_complaint(school, principal):
    case = submit(
        school,
        CaseKind.COMPLAINT,
        title="Khiếu nại việc không xét miễn tiền bán trú",
        received_at=dt.datetime(2026, 6, 15, 2, tzinfo=dt.UTC),  # 9:00 in Hà Nội
    )
    return services.accept_case(case=case, actor=principal, on=D(2026, 6, 16))


def test_a_complaint_received_in_june_is_suspended_and_resumed_in_july(
    school, principal, deadline_rules
):
    case = _june_complaint(school, principal)
    assert case.deadlines.get(step="giai_quyet").due == D(2026, 7, 16)
    case = services.suspend_case(
        case=case, actor=principal, reason="Chờ kết quả xác minh của phường", on=D(2026, 7, 10)
    )
    assert case.status == CaseStatus.SUSPENDED
    assert case.deadlines.get(step="giai_quyet").due is None
    assert case.deadlines.get(step="gui_quyet_dinh_tam_dinh_chi").done_on == D(2026, 7, 10)
    case = services.resume_case(case=case, actor=principal, on=D(2026, 7, 20))
    assert case.deadlines.get(step="giai_quyet").due == D(2026, 7, 27)
    assert case.deadlines.get(step="gui_quyet_dinh_tiep_tuc").done_on == D(2026, 7, 20)


def test_a_june_complaint_cannot_be_suspended_before_the_new_rules(
    school, principal, deadline_rules
):
    case = _june_complaint(school, principal)
    before = (case.status, case.suspensions.count(), OutgoingDocument.objects.count())
    with pytest.raises(ValidationError) as error:
        services.suspend_case(case=case, actor=principal, reason="Chờ giám định", on=D(2026, 6, 25))
    assert "không có tạm đình chỉ" in error.value.messages[0]
    case.refresh_from_db()
    assert (case.status, case.suspensions.count(), OutgoingDocument.objects.count()) == before


def test_the_admin_shows_and_corrects_a_transition_clause(admin_client, deadline_rules):
    listed = admin_client.get("/quan-tri/petitions/deadlinerule/", {"open_cases__exact": "step"})
    assert listed.status_code == 200
    assert "Gửi quyết định tạm đình chỉ" in listed.content.decode()
    assert "Thụ lý giải quyết khiếu nại lần đầu" not in listed.content.decode()
    row = DeadlineRule.objects.get(
        procedure=Procedure.FIRST_INSTANCE, step="giai_quyet", valid_from=D(2026, 7, 1)
    )
    page = admin_client.get(f"/quan-tri/petitions/deadlinerule/{row.pk}/change/")
    assert page.status_code == 200
    assert "Điều khoản chuyển tiếp" in page.content.decode()
    assert 'name="transition_citation"' in page.content.decode()
