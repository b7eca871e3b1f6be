"""The year: scores from the quarters (database aggregates), levels, the quota, the head's cap,
the six-month rule, closing; and a year under NĐ 90/2020 (levels without points)."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gandan.evaluation.models import CycleStatus, EvaluationStatus
from gandan.evaluation.rules import LeaveReason, Level
from gandan.evaluation.services import assessment, cycles, results
from gandan.evaluation.tests.builders import after, evaluation_of, scored_quarters, ward_officer

D = dt.date
YEAR_END = D(2027, 8, 31)


@pytest.fixture
def year_2026(school, staff, unit_rules):
    """Four quarters decided, then the year 2026–2027 opened and its scores computed."""
    s = staff
    scores = {
        s["principal"]: [(29, 66)] * 4,  # 95
        s["deputy"]: [(28, 64)] * 4,  # 92
        s["teacher"]: [(28, 62), (28, 62), (28, 62), (28, "62.5")],  # 90.12
        s["group_leader"]: [(27, 62), (27, 62), (27, 63), (27, 62)],  # 89.25
        s["other_teacher"]: [(25, 50)] * 3 + [(25, 52)],  # 75.5
    }
    scored_quarters(school, s["principal"], scores, deputy=s["deputy"])
    with time_machine.travel(after(YEAR_END), tick=False):
        cycle = cycles.open_cycle(
            organisation=school, actor=s["principal"], period_type="year", year=2026
        )
        results.compute_year_scores(cycle=cycle, actor=s["principal"])
        yield cycle


def _review(cycle, user, recorder, level="", meeting_on=YEAR_END):
    assessment.submit_self_assessment(
        evaluation=evaluation_of(cycle, user),
        actor=user,
        comment="Báo cáo năm.",
        level=level or "tot",
    )
    assessment.record_group_opinion(
        evaluation=evaluation_of(cycle, user),
        actor=recorder,
        meeting_on=meeting_on,
        minutes="Cuộc họp nhất trí.",
        level=level,
    )


def test_the_year_score_is_the_mean_of_the_quarters(year_2026, staff):
    rows = {
        e.person.username: (
            e.general_score,
            e.task_score,
            e.score,
            e.periods_counted,
            e.proposed_level,
        )
        for e in year_2026.evaluations.select_related("person")
    }
    assert rows["hieutruong"] == (Decimal(29), Decimal(66), Decimal(95), 4, Level.EXCELLENT)
    assert rows["giaovien"] == (Decimal(28), Decimal("62.12"), Decimal("90.12"), 4, Level.EXCELLENT)
    assert rows["totruong"][2:] == (Decimal("89.25"), 4, Level.GOOD)
    assert rows["giaovien2"][2] == Decimal("75.5")


def test_the_year_is_computed_with_a_constant_number_of_queries(year_2026, staff):
    # when: computed again (nothing changes)
    with (
        time_machine.travel(after(YEAR_END), tick=False),
        CaptureQueriesContext(connection) as queries,
    ):
        changed = results.compute_year_scores(cycle=year_2026, actor=staff["principal"])
    # then: lock, aggregate, the evaluations, the event rows; not one query per person
    assert changed == 0
    assert len(queries) <= 12


def test_the_quota_lets_one_of_five_be_excellent(year_2026, staff):
    # given: three people above 90; 5 at "tốt" or better → 20 % = 1
    report = results.quota_report(year_2026)
    # then: the principal is capped by the unit level only once it is recorded; without it
    # the rules keep the highest score
    (group,) = report
    assert (group.result.base, group.result.allowed) == (5, 1)
    assert group.result.excellent == (evaluation_of(year_2026, staff["principal"]).pk,)
    assert set(group.demoted_names) == {"Trần Văn Minh", "Lê Thị Hồng Nhung"}


def test_the_head_is_never_above_the_unit(year_2026, staff):
    principal, deputy = staff["principal"], staff["deputy"]
    officer = ward_officer(year_2026.organisation)
    with time_machine.travel(after(YEAR_END), tick=False):
        _review(year_2026, principal, deputy)
        head = evaluation_of(year_2026, principal)
        # without the unit's level: refused (Điều 15 k1a)
        with pytest.raises(ValidationError):
            assessment.decide_evaluation(
                evaluation=head, actor=officer, decision_reference="QĐ 12/QĐ-UBND"
            )
        cycles.record_unit_level(
            cycle=year_2026, actor=principal, level=Level.GOOD, reference="QĐ 30/QĐ-UBND"
        )
        year_2026.refresh_from_db()
        assert assessment.allowed_levels(evaluation_of(year_2026, principal), year_2026) == [
            Level.GOOD
        ]
        # 95 points, but the unit is "tốt": "xuất sắc" is refused
        with pytest.raises(ValidationError):
            assessment.decide_evaluation(
                evaluation=head,
                actor=officer,
                level=Level.EXCELLENT,
                decision_reference="QĐ 12/QĐ-UBND",
            )
        decided = assessment.decide_evaluation(
            evaluation=head,
            actor=officer,
            level=Level.GOOD,
            reason="Điều 12 khoản 7: không cao hơn mức của đơn vị.",
            decision_reference="QĐ 12/QĐ-UBND ngày 25/8/2027 của Chủ tịch UBND phường",
        )
    assert (decided.level, decided.proposed_level) == (Level.GOOD, Level.EXCELLENT)


def test_the_head_never_decides_her_own_evaluation_and_a_refusal_changes_nothing(year_2026, staff):
    # given: the head reviewed, the unit rated
    principal, deputy = staff["principal"], staff["deputy"]
    with time_machine.travel(after(YEAR_END), tick=False):
        _review(year_2026, principal, deputy)
        cycles.record_unit_level(
            cycle=year_2026, actor=principal, level=Level.EXCELLENT, reference="QĐ 30/QĐ-UBND"
        )
        head = evaluation_of(year_2026, principal)
        before = (head.status, head.level, head.decided_by_id, head.history.count())
        # when: she decides her own level (NĐ 233/2026, Điều 13 k3a: the managing body's)
        with pytest.raises(ValidationError) as error:
            assessment.decide_evaluation(
                evaluation=head, actor=principal, decision_reference="QĐ 12/QĐ-UBND"
            )
    # then
    assert error.value.messages == ["Không ai tự quyết định kết quả đánh giá của chính mình."]
    head = evaluation_of(year_2026, principal)
    assert (head.status, head.level, head.decided_by_id, head.history.count()) == before


def test_points_decide_the_level_only_the_quota_lowers_it(year_2026, staff):
    principal, teacher, leader = staff["principal"], staff["teacher"], staff["group_leader"]
    with time_machine.travel(after(YEAR_END), tick=False):
        _review(year_2026, teacher, leader)
        evaluation = evaluation_of(year_2026, teacher)
        # 90.12 points: "hoàn thành" is not a choice
        with pytest.raises(ValidationError):
            assessment.decide_evaluation(
                evaluation=evaluation, actor=principal, level=Level.DONE, reason="?"
            )
        # lowered to "tốt" for the quota, with a reason
        with pytest.raises(ValidationError):
            assessment.decide_evaluation(evaluation=evaluation, actor=principal, level=Level.GOOD)
        decided = assessment.decide_evaluation(
            evaluation=evaluation,
            actor=principal,
            level=Level.GOOD,
            reason="Giới hạn tỷ lệ 20% (Điều 12 khoản 6).",
        )
    assert decided.level == Level.GOOD


def test_a_disqualifying_condition_makes_the_year_not_done(year_2026, staff):
    principal, other = staff["principal"], staff["other_teacher"]
    with time_machine.travel(after(YEAR_END), tick=False):
        _review(year_2026, other, principal)
        decided = assessment.decide_evaluation(
            evaluation=evaluation_of(year_2026, other),
            actor=principal,
            disqualification="discipline",
            disqualification_note="Quyết định kỷ luật khiển trách số 05/QĐ-THTT ngày 10/3/2027",
            reason="Bị kỷ luật khiển trách trong năm (Điều 12 khoản 4 điểm c).",
        )
    assert (decided.level, decided.proposed_level) == (Level.NOT_DONE, Level.NOT_DONE)


@pytest.mark.parametrize(
    ("months", "leave", "status"),
    [
        ("5.9", "", EvaluationStatus.NOT_RATED),
        ("5.9", LeaveReason.UNPAID, EvaluationStatus.NOT_RATED),
        ("4", LeaveReason.MATERNITY, EvaluationStatus.DECIDED),
        ("6", "", EvaluationStatus.DECIDED),
    ],
)
def test_fewer_than_six_months_is_not_rated(year_2026, staff, months, leave, status):
    principal, other = staff["principal"], staff["other_teacher"]
    with time_machine.travel(after(YEAR_END), tick=False):
        _review(year_2026, other, principal)
        decided = assessment.decide_evaluation(
            evaluation=evaluation_of(year_2026, other),
            actor=principal,
            months_worked=months,
            leave_reason=leave,
        )
    assert decided.status == status
    assert decided.level == ("" if status == EvaluationStatus.NOT_RATED else Level.GOOD)


def test_closing_is_refused_over_the_quota_and_allowed_within_it(year_2026, staff):
    s = staff
    principal = s["principal"]
    with time_machine.travel(after(YEAR_END), tick=False):
        cycles.record_unit_level(
            cycle=year_2026, actor=principal, level=Level.EXCELLENT, reference="QĐ 30/QĐ-UBND"
        )
        year_2026.refresh_from_db()
        for user in (
            s["principal"],
            s["deputy"],
            s["teacher"],
            s["group_leader"],
            s["other_teacher"],
        ):
            _review(year_2026, user, s["deputy"] if user == principal else principal)
        for user in (s["deputy"], s["teacher"], s["group_leader"], s["other_teacher"]):
            assessment.decide_evaluation(evaluation=evaluation_of(year_2026, user), actor=principal)
        assessment.decide_evaluation(
            evaluation=evaluation_of(year_2026, principal),
            actor=ward_officer(year_2026.organisation),
            decision_reference="QĐ 12/QĐ-UBND",
        )
        # three "xuất sắc" of five: 25 % of 5 → 1
        with pytest.raises(ValidationError) as error:
            results.finalise_cycle(cycle=year_2026, actor=principal)
        assert "Vượt tỷ lệ" in " ".join(error.value.messages)
        year_2026.refresh_from_db()
        assert year_2026.status == CycleStatus.OPEN
        for user in (s["deputy"], s["teacher"]):
            assessment.decide_evaluation(
                evaluation=evaluation_of(year_2026, user),
                actor=principal,
                level=Level.GOOD,
                reason="Giới hạn tỷ lệ xuất sắc.",
            )
        closed = results.finalise_cycle(cycle=year_2026, actor=principal)
    assert closed.status == CycleStatus.DECIDED
    assert dict(results.level_counts(closed)) == {
        "Hoàn thành xuất sắc nhiệm vụ": 1,
        "Hoàn thành tốt nhiệm vụ": 4,
    }


def test_a_changed_quarter_makes_a_decided_level_stale(year_2026, staff):
    # given: the teacher decided "xuất sắc" on 90.12
    principal, teacher, leader = staff["principal"], staff["teacher"], staff["group_leader"]
    with time_machine.travel(after(YEAR_END), tick=False):
        _review(year_2026, teacher, leader)
        assessment.decide_evaluation(evaluation=evaluation_of(year_2026, teacher), actor=principal)
        # when: the year is recomputed after a quarter changed (simulated on the stored row)
        evaluation = evaluation_of(year_2026, teacher)
        evaluation.score = Decimal("89.5")
        evaluation.save(update_fields=["score"])
        found = results.problems(year_2026)
    assert any("Lê Thị Hồng Nhung" in problem for problem in found)


def test_a_year_under_nd_90_is_rated_by_levels(school, staff, nd90):
    # given
    s = staff
    principal = s["principal"]
    with time_machine.travel(after(D(2026, 5, 31)), tick=False):
        cycle = cycles.open_cycle(
            organisation=school, actor=principal, period_type="year", year=2025
        )
        _review(
            cycle, s["teacher"], s["group_leader"], level=Level.EXCELLENT, meeting_on=D(2026, 5, 31)
        )
        evaluation = evaluation_of(cycle, s["teacher"])
        # then: every level is open to the head (criteria, not points)
        assert assessment.allowed_levels(evaluation, cycle) == Level.values
        decided = assessment.decide_evaluation(
            evaluation=evaluation, actor=principal, level=Level.EXCELLENT
        )
        # absent 4 months (secondary source): at most "hoàn thành"
        with pytest.raises(ValidationError):
            assessment.decide_evaluation(
                evaluation=evaluation, actor=principal, level=Level.GOOD, months_absent=4
            )
    assert (decided.level, decided.score, cycle.rule_set.point_based) == (
        Level.EXCELLENT,
        None,
        False,
    )
