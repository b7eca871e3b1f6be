"""Self-assessment (with the task score suggested from the person's plan tasks), the tổ's
opinion, the decision of a period's scores, and the history every change leaves."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from gandan.evaluation.models import EvaluationEvent, EvaluationStatus, ScoreHistory
from gandan.evaluation.services import assessment, cycles
from gandan.evaluation.tests.builders import evaluation_of
from gandan.evaluation.tests.conftest import HANOI
from gandan.plans import services as plan_services
from gandan.plans.models import PlanTask
from gandan.plans.tests.factories import issue_seed

D = dt.date


@pytest.fixture
def quarter(school, principal, staff, unit_rules):
    return cycles.open_cycle(
        organisation=school, actor=principal, period_type="quarter", year=2026, number=1
    )


def _done(assignment, who, day):
    with time_machine.travel(dt.datetime.combine(day, dt.time(15), HANOI), tick=False):
        plan_services.report_progress(
            assignment=assignment,
            author=who,
            expected_version=assignment.version,
            status="done",
            percent=100,
            text="Đã hoàn thành.",
        )


@pytest.fixture
def teacher_tasks(school, principal, teacher, other_teacher):
    """In Quý I: one task done on time, one done late, one overdue; one due after the quarter,
    one of another person."""
    plan = issue_seed(school, principal)
    tasks = list(PlanTask.objects.filter(plan=plan).order_by("order")[:4])

    def give(task, due, who=teacher):
        return plan_services.assign_task(task=task, actor=principal, assignee=who, due_date=due)

    on_time = give(tasks[0], D(2026, 9, 30))
    late = give(tasks[1], D(2026, 10, 15))
    give(tasks[2], D(2026, 11, 20))
    give(tasks[3], D(2026, 12, 15))
    give(tasks[0], D(2026, 10, 1), who=other_teacher)
    _done(on_time, teacher, D(2026, 9, 29))
    _done(late, teacher, D(2026, 10, 20))
    return plan


def test_the_task_score_is_suggested_from_the_persons_plan_tasks(quarter, teacher, teacher_tasks):
    # when
    summary = assessment.period_tasks(evaluation_of(quarter, teacher))
    # then: 70 × (100 + 75 + 0) / 300 = 40.83 (cut)
    assert (summary.on_time, summary.late, summary.overdue) == (1, 1, 1)
    assert summary.suggested(quarter.unit_rules, Decimal(70)) == Decimal("40.83")


def test_a_task_score_other_than_the_suggestion_needs_a_reason(quarter, teacher, teacher_tasks):
    evaluation = evaluation_of(quarter, teacher)
    # when / then
    with pytest.raises(ValidationError) as error:
        assessment.submit_self_assessment(
            evaluation=evaluation, actor=teacher, comment="Báo cáo.", general=28, task=60
        )
    assert "task_reason" in error.value.message_dict
    evaluation.refresh_from_db()
    assert (evaluation.status, evaluation.self_task) == (EvaluationStatus.PENDING, None)
    assert not ScoreHistory.objects.exists()


def test_self_assessment_is_stored_with_its_basis_and_history(quarter, teacher, teacher_tasks):
    # when
    evaluation = assessment.submit_self_assessment(
        evaluation=evaluation_of(quarter, teacher),
        actor=teacher,
        comment="Dạy đủ chương trình; làm thêm chuyên đề cấp trường.",
        general="28.5",
        task=60,
        task_reason="Chuyên đề cấp trường ngày 12/10 không có trong kế hoạch.",
    )
    # then
    assert (evaluation.status, evaluation.self_general, evaluation.self_task) == (
        EvaluationStatus.SELF_ASSESSED,
        Decimal("28.5"),
        Decimal(60),
    )
    assert evaluation.suggested_task == Decimal("40.83")
    assert (evaluation.task_basis["on_time"], evaluation.task_basis["overdue"]) == (1, 1)
    history = {(h.field, h.old_value, h.new_value) for h in evaluation.history.all()}
    assert history == {("self_general", "", "28.5"), ("self_task", "", "60")}
    assert EvaluationEvent.objects.filter(evaluation=evaluation, kind="self_assessed").exists()


def test_the_suggestion_accepted_needs_no_reason(quarter, teacher, teacher_tasks):
    evaluation = assessment.submit_self_assessment(
        evaluation=evaluation_of(quarter, teacher),
        actor=teacher,
        comment="Báo cáo.",
        general=27,
        task="40.83",
    )
    assert evaluation.self_task_reason == ""


@pytest.mark.parametrize(
    ("general", "task"), [(31, 60), (-1, 60), (28, 71), (28, "60.125"), (None, 60)]
)
def test_scores_outside_the_scale_are_refused(quarter, teacher, general, task):
    with pytest.raises(ValidationError):
        assessment.submit_self_assessment(
            evaluation=evaluation_of(quarter, teacher),
            actor=teacher,
            comment="Báo cáo.",
            general=general,
            task=task,
            task_reason="Lý do.",
        )
    assert evaluation_of(quarter, teacher).status == EvaluationStatus.PENDING


def test_only_the_person_self_assesses(quarter, teacher, principal):
    with pytest.raises(ValidationError):
        assessment.submit_self_assessment(
            evaluation=evaluation_of(quarter, teacher),
            actor=principal,
            comment="Báo cáo.",
            general=28,
            task=60,
        )
    assert evaluation_of(quarter, teacher).self_submitted_at is None


def _self(quarter, teacher, general=28, task=60):
    return assessment.submit_self_assessment(
        evaluation=evaluation_of(quarter, teacher),
        actor=teacher,
        comment="Báo cáo.",
        general=general,
        task=task,
        task_reason="Sản phẩm ngoài kế hoạch.",
    )


def test_the_meeting_comes_after_the_self_assessment(quarter, teacher, group_leader):
    with pytest.raises(ValidationError):
        assessment.record_group_opinion(
            evaluation=evaluation_of(quarter, teacher),
            actor=group_leader,
            meeting_on=D(2026, 11, 27),
            minutes="Ý kiến.",
        )
    assert evaluation_of(quarter, teacher).group_minutes == ""


def test_nobody_records_the_meeting_on_themselves(quarter, group_leader):
    _self(quarter, group_leader)
    with pytest.raises(ValidationError):
        assessment.record_group_opinion(
            evaluation=evaluation_of(quarter, group_leader),
            actor=group_leader,
            meeting_on=D(2026, 11, 27),
            minutes="Ý kiến.",
        )


@pytest.mark.parametrize(
    ("day", "minutes"),
    [(D(2026, 11, 29), "Ý kiến."), (D(2026, 8, 31), "Ý kiến."), (D(2026, 11, 27), "  ")],
)
def test_the_meeting_needs_a_past_date_in_the_period_and_its_minutes(
    quarter, teacher, group_leader, day, minutes
):
    _self(quarter, teacher)
    with pytest.raises(ValidationError):
        assessment.record_group_opinion(
            evaluation=evaluation_of(quarter, teacher),
            actor=group_leader,
            meeting_on=day,
            minutes=minutes,
        )
    assert evaluation_of(quarter, teacher).status == EvaluationStatus.SELF_ASSESSED


def test_the_decision_needs_the_meeting_first(quarter, teacher, principal):
    _self(quarter, teacher)
    with pytest.raises(ValidationError):
        assessment.decide_evaluation(
            evaluation=evaluation_of(quarter, teacher), actor=principal, general=28, task=60
        )
    assert evaluation_of(quarter, teacher).score is None


def test_the_head_adjusts_a_score_with_a_reason_and_the_history_keeps_both(
    quarter, teacher, group_leader, principal
):
    # given
    _self(quarter, teacher)
    assessment.record_group_opinion(
        evaluation=evaluation_of(quarter, teacher),
        actor=group_leader,
        meeting_on=D(2026, 11, 27),
        minutes="Tổ đề nghị giảm điểm nhiệm vụ vì một nhiệm vụ quá hạn.",
    )
    # when: without a reason
    with pytest.raises(ValidationError):
        assessment.decide_evaluation(
            evaluation=evaluation_of(quarter, teacher), actor=principal, general=28, task=55
        )
    # and with one
    evaluation = assessment.decide_evaluation(
        evaluation=evaluation_of(quarter, teacher),
        actor=principal,
        general=28,
        task=55,
        reason="Theo ý kiến của tổ: nhiệm vụ 3 quá hạn.",
    )
    # then
    assert (evaluation.status, evaluation.score, evaluation.level) == (
        EvaluationStatus.DECIDED,
        Decimal(83),
        "",
    )
    rows = [
        (h.field, h.old_value, h.new_value, h.actor and h.actor.username)
        for h in evaluation.history.order_by("pk")
    ]
    assert rows == [
        ("self_general", "", "28", "giaovien"),
        ("self_task", "", "60", "giaovien"),
        ("general_score", "", "28", "hieutruong"),
        ("task_score", "", "55", "hieutruong"),
        ("score", "", "83", "hieutruong"),
    ]
