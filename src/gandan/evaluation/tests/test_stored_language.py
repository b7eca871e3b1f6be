"""With English on the screen, evaluation still stores Vietnamese (ADR 1, addendum): the cycle's
timeline, the audit rows, the score history's reasons, the written notices, the published list
and the appeal's case."""

import datetime as dt

import time_machine
from django.urls import reverse

from gandan.evaluation.models import Appeal, CycleStatus, EvaluationEvent, EventKind
from gandan.evaluation.rules import Level
from gandan.evaluation.services import appeals, assessment, cycles, results
from gandan.evaluation.tests.builders import after, decided_nd90_year, evaluation_of, ward_officer
from gandan.evaluation.tests.conftest import NOW
from gandan.paperwork.models import OutgoingDocument

D = dt.date
YEAR_END = D(2027, 8, 31)


def test_a_quarter_and_the_year_from_an_english_screen_are_stored_in_vietnamese(
    school, staff, unit_rules, english_screen, assert_stored_vietnamese
):
    principal, deputy, teacher = staff["principal"], staff["deputy"], staff["teacher"]
    # when: the head opens a quarter; the teacher assesses, the tổ meets, the head decides
    quarter = cycles.open_cycle(
        organisation=school, actor=principal, period_type="quarter", year=2026, number=1
    )
    evaluation = evaluation_of(quarter, teacher)
    assessment.submit_self_assessment(
        evaluation=evaluation,
        actor=teacher,
        comment="Hoàn thành các nhiệm vụ được giao.",
        general=28,
        task=62,
        task_reason="Chuyên đề ngoài kế hoạch.",
    )
    assessment.record_group_opinion(
        evaluation=evaluation,
        actor=staff["group_leader"],
        meeting_on=NOW.date(),
        minutes="Tổ nhất trí.",
    )
    assessment.decide_evaluation(evaluation=evaluation, actor=principal, general=28, task=62)
    quarter.evaluations.exclude(person=teacher).delete()
    results.finalise_cycle(cycle=quarter, actor=principal)
    # and: after the year's end, the year is opened, its scores computed, the unit's level
    # recorded and the teacher rated from the quarter
    with time_machine.travel(after(YEAR_END), tick=False):
        year = cycles.open_cycle(
            organisation=school, actor=principal, period_type="year", year=2026
        )
        results.compute_year_scores(cycle=year, actor=principal)
        cycles.record_unit_level(
            cycle=year, actor=principal, level=Level.GOOD, reference="QĐ 12/QĐ-UBND"
        )
        rated = evaluation_of(year, teacher)
        assessment.submit_self_assessment(
            evaluation=rated, actor=teacher, comment="Báo cáo năm.", level=Level.EXCELLENT
        )
        assessment.record_group_opinion(
            evaluation=rated,
            actor=deputy,
            meeting_on=YEAR_END,
            minutes="Tổ nhất trí.",
            level=Level.EXCELLENT,
        )
        assessment.decide_evaluation(
            evaluation=rated,
            actor=principal,
            level=Level.GOOD,
            reason="Theo tỷ lệ của đơn vị.",
        )

    # then
    decided = EvaluationEvent.objects.get(cycle=year, kind=EventKind.DECIDED)
    assert decided.summary.endswith(": Hoàn thành tốt nhiệm vụ")
    assert (
        "Hoàn thành tốt nhiệm vụ" in EvaluationEvent.objects.get(kind=EventKind.UNIT_LEVEL).summary
    )
    assert_stored_vietnamese()


def test_closing_notices_publication_and_appeal_are_stored_in_vietnamese(
    school, staff, english_screen, assert_stored_vietnamese
):
    # given: the school year 2025–2026 decided and closed (NĐ 90/2020)
    levels = dict.fromkeys(staff, Level.GOOD) | {"deputy": Level.EXCELLENT}
    year = decided_nd90_year(school, staff, levels)
    principal, teacher = staff["principal"], staff["teacher"]
    # when: the written notices are issued, the results published, the teacher appeals
    results.notify_results(cycle=year, actor=principal, issued_on=D(2026, 6, 8))
    results.notify_managed_result(
        evaluation=evaluation_of(year, principal),
        actor=ward_officer(school),
        issued_on=D(2026, 6, 8),
    )
    year = results.publish_results(cycle=year, actor=principal, published_on=D(2026, 6, 9))
    appeal = appeals.file_appeal(
        evaluation=evaluation_of(year, teacher),
        actor=teacher,
        text="Đề nghị xem xét lại.",
        consent=True,
    )

    # then
    finalised = EvaluationEvent.objects.get(kind=EventKind.FINALISED).summary
    assert "Hoàn thành xuất sắc nhiệm vụ: 1; Hoàn thành tốt nhiệm vụ: 4" in finalised
    assert appeal.case is not None and year.disclosure is not None
    assert "Hoàn thành tốt nhiệm vụ" in appeal.case.content
    assert "Hoàn thành tốt nhiệm vụ" in year.disclosure.body
    assert OutgoingDocument.objects.filter(source__startswith="evaluation.").count() == 5
    assert_stored_vietnamese()


def test_notices_and_publication_from_english_pages_are_stored_in_vietnamese(
    client, school, staff, assert_stored_vietnamese
):
    # given: the year decided; the head and the teacher read the site in English
    year = decided_nd90_year(school, staff, dict.fromkeys(staff, Level.GOOD))
    client.cookies["django_language"] = "en"
    client.force_login(staff["principal"])
    # when
    client.post(reverse("evaluation:notify", args=[year.public_id]), {"day": "2026-11-27"})
    client.post(reverse("evaluation:publish", args=[year.public_id]), {"day": "2026-11-28"})
    client.force_login(staff["teacher"])
    evaluation = evaluation_of(year, staff["teacher"])
    client.post(
        reverse("evaluation:appeal", args=[evaluation.public_id]),
        {"kind": "khieu_nai", "text": "Đề nghị xem xét lại.", "consent": "on"},
    )

    # then
    year.refresh_from_db()
    assert year.status == CycleStatus.PUBLISHED
    case = Appeal.objects.get().case
    assert case is not None
    assert "Khiếu nại kết quả xếp loại" in case.title
    assert_stored_vietnamese()
