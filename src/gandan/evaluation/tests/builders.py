"""Walk evaluations through the real services, for tests that need them further along."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine

from gandan.conftest import _person
from gandan.evaluation.models import Evaluation, EvaluationCycle
from gandan.evaluation.services import assessment, cycles, results
from gandan.orgs.models import Role, User


def evaluation_of(cycle: EvaluationCycle, user) -> Evaluation:
    return Evaluation.objects.get(cycle=cycle, person=user)


def ward_officer(school) -> User:
    """The officer of the school's managing body (the conftest's authority_officer): the one
    who decides the head's evaluation (NĐ 233/2026, Điều 13 k3a)."""
    existing = User.objects.filter(username="canbophuong").first()
    if existing is not None:
        return existing
    return _person("canbophuong", "Nguyễn Quang Huy", (school.parent, Role.AUTHORITY_OFFICER, ""))


def score_person(cycle, user, general, task, *, recorder, decider, meeting_on=None):
    """Self-assessment with these scores (reason given), the meeting, the same scores decided."""
    evaluation = evaluation_of(cycle, user)
    assessment.submit_self_assessment(
        evaluation=evaluation,
        actor=user,
        comment="Hoàn thành các nhiệm vụ được giao trong kỳ.",
        general=general,
        task=task,
        task_reason="Sản phẩm ngoài kế hoạch: chuyên đề, dự giờ.",
    )
    assessment.record_group_opinion(
        evaluation=evaluation,
        actor=recorder if recorder.pk != user.pk else decider,
        meeting_on=meeting_on or cycle.ends_on,
        minutes="Tổ nhất trí với điểm tự chấm.",
    )
    return assessment.decide_evaluation(
        evaluation=evaluation, actor=decider, general=general, task=task
    )


def scored_quarters(school, head, scores: dict, *, deputy):
    """Open the four quarters of 2026–2027 and decide each person's (general, task) per quarter.

    `scores` maps a user to a list of four (general, task) pairs. The head's period scores are
    decided by the managing body's officer (NĐ 233/2026, Điều 13 k2a).
    """
    made = []
    for number in range(1, 5):
        cycle = cycles.open_cycle(
            organisation=school, actor=head, period_type="quarter", year=2026, number=number
        )
        with time_machine.travel(after(cycle.ends_on), tick=False):
            _score_quarter(cycle, scores, number, head=head, deputy=deputy)
        made.append(cycle)
    return made


def after(day: dt.date) -> dt.datetime:
    """10:00 in Hà Nội on the day after `day`: when a period's meeting can be held."""
    return dt.datetime.combine(
        day + dt.timedelta(days=1), dt.time(10), ZoneInfo("Asia/Ho_Chi_Minh")
    )


def _score_quarter(cycle, scores, number, *, head, deputy):
    for user, quarters in scores.items():
        general, task = quarters[number - 1]
        decider = ward_officer(cycle.organisation) if user.pk == head.pk else head
        score_person(
            cycle, user, general, task, recorder=head, decider=decider, meeting_on=cycle.ends_on
        )
    # People without scores in `scores` are left out of these tests' periods.
    cycle.evaluations.exclude(person__in=list(scores)).delete()
    results.finalise_cycle(cycle=cycle, actor=head)


def decided_nd90_year(school, staff: dict, levels: dict):
    """School year 2025–2026 under NĐ 90/2020: everyone in `levels` (key of `staff` → level)
    self-assessed, reviewed and decided at that level; the year closed on 05/6/2026."""
    principal, deputy = staff["principal"], staff["deputy"]
    with time_machine.travel(after(dt.date(2026, 6, 4)), tick=False):
        cycle = cycles.open_cycle(
            organisation=school, actor=principal, period_type="year", year=2025
        )
        cycles.record_unit_level(
            cycle=cycle, actor=principal, level="tot", reference="QĐ 101/QĐ-UBND"
        )
        for key, level in levels.items():
            user = staff[key]
            evaluation = evaluation_of(cycle, user)
            assessment.submit_self_assessment(
                evaluation=evaluation, actor=user, comment="Báo cáo năm học.", level=level
            )
            assessment.record_group_opinion(
                evaluation=evaluation,
                actor=deputy if user == principal else principal,
                meeting_on=dt.date(2026, 5, 28),
                minutes="Nhất trí với mức tự xếp loại.",
                level=level,
            )
            assessment.decide_evaluation(
                evaluation=evaluation,
                actor=ward_officer(school) if user == principal else principal,
                level=level,
                decision_reference="QĐ 102/QĐ-UBND" if user == principal else "",
            )
        return results.finalise_cycle(cycle=cycle, actor=principal)
