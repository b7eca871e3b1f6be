"""Demo data at Thành Tô: the school's quy chế under NĐ 233/2026, the school year 2025–2026
rated and notified under NĐ 90/2020 (the transition of NĐ 233/2026 Điều 20 k1), and Quý I of
2026–2027 in progress with a few self-assessments scored from the plan tasks.

The head's year is decided and notified by the ward's officer (NĐ 233/2026, Điều 13 k3a),
the notice numbered in the ward's register and signed "TM. ỦY BAN NHÂN DÂN".

Idempotent: a cycle that exists is left as it is. The year's results are notified but not yet
published: the democracy demo records them as decided and awaiting disclosure, and the head's
"Công khai kết quả" on the cycle page publishes that very item.
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gandan.evaluation.models import Evaluation, EvaluationCycle, EvaluationRuleSet, UnitRules
from gandan.evaluation.periods import PeriodType
from gandan.evaluation.rules import Level
from gandan.evaluation.services import assessment, cycles, results
from gandan.orgs.models import Membership, Organisation, Role, User
from gandan.paperwork.models import OutgoingDocument
from gandan.plans import demo as plans_demo
from gandan.plans import services as plan_services
from gandan.plans.models import Plan, ProgressUpdate

RULES_TITLE = "Quy chế đánh giá, xếp loại chất lượng viên chức Trường Tiểu học Thành Tô"
YEAR_MEETING = dt.date(2026, 5, 26)
# username: (self level, level of the meeting and the decision)
YEAR_LEVELS = {
    "hieutruong": (Level.GOOD, Level.GOOD),
    "phohieutruong": (Level.EXCELLENT, Level.EXCELLENT),
    "totruong1": (Level.EXCELLENT, Level.EXCELLENT),
    "giaovien": (Level.EXCELLENT, Level.GOOD),
    "congdoan": (Level.GOOD, Level.GOOD),
    "totruong45": (Level.GOOD, Level.GOOD),
    "thanhtra": (Level.GOOD, Level.GOOD),
    "giaovien2": (Level.GOOD, Level.GOOD),
    "tongphutrach": (Level.GOOD, Level.GOOD),
    "vanthu": (Level.GOOD, Level.GOOD),
    "ketoan": (Level.GOOD, Level.GOOD),
    "nhanvien": (Level.DONE, Level.DONE),
}
YEAR_REPORTS = {
    "giaovien": "Chủ nhiệm lớp 1A1, 100% học sinh hoàn thành chương trình; hai chuyên đề cấp tổ.",
    "totruong1": "Điều hành tổ 1; tổ đạt tập thể lao động tiên tiến; hai giáo viên dạy giỏi.",
    "nhanvien": "Bảo vệ tài sản nhà trường; một lần để mất thiết bị do không khóa phòng.",
}
# Quý I 2026–2027: (username, general, comment) of those who already reported.
QUARTER_REPORTS = [
    ("giaovien", 28, "Dạy đủ chương trình; làm bản tin tuyên truyền về công tác dân vận."),
    ("congdoan", 27, "Phát động phong trào “Dân vận khéo”; hoàn thành chậm so với hạn."),
    ("tongphutrach", 29, "Tổ chức sinh hoạt chuyên đề quy tắc ứng xử đúng hạn."),
    ("vanthu", 27, "Rà soát danh mục thông tin công khai; đang cập nhật bảng niêm yết."),
]


@transaction.atomic
def build(school: Organisation) -> None:
    head = User.objects.get(username="hieutruong")
    deputy = User.objects.get(username="phohieutruong")
    _unit_rules(school)
    if not EvaluationCycle.objects.filter(
        organisation=school, period_type=PeriodType.YEAR, year=2025
    ).exists():
        _school_year_2025(school, head, deputy)
    if not EvaluationCycle.objects.filter(
        organisation=school, period_type=PeriodType.QUARTER, year=2026, number=1
    ).exists():
        _quarter_one(school, head)


def _unit_rules(school: Organisation) -> UnitRules:
    existing = UnitRules.objects.filter(organisation=school, title=RULES_TITLE).first()
    if existing is not None:
        return existing
    return UnitRules.objects.create(
        organisation=school,
        rule_set=EvaluationRuleSet.objects.get(code="nd-233-2026-vien-chuc"),
        title=RULES_TITLE,
        issued_on=dt.date(2026, 8, 25),
        valid_from=dt.date(2026, 9, 1),
        tracking="quarter",
        year_start_month=9,
        general_criteria=[
            {"title": "Phẩm chất chính trị, đạo đức, ý thức kỷ luật, kỷ cương", "max": 12},
            {"title": "Năng lực chuyên môn, tinh thần trách nhiệm, thái độ phục vụ", "max": 12},
            {"title": "Đổi mới, sáng tạo, dám nghĩ, dám làm", "max": 6},
        ],
        on_time_percent=100,
        late_percent=75,
        overdue_percent=0,
    )


def _leaders(school: Organisation) -> dict[int, User]:
    """The leader of each tổ of the school, by unit id."""
    rows = (
        Membership.objects.current()
        .filter(organisation__parent=school, role=Role.UNIT_LEADER)
        .select_related("user")
    )
    return {row.organisation_id: row.user for row in rows}


def _school_year_2025(school: Organisation, head: User, deputy: User) -> None:
    cycle = cycles.open_cycle(organisation=school, actor=head, period_type="year", year=2025)
    cycles.record_unit_level(
        cycle=cycle,
        actor=head,
        level=Level.GOOD,
        reference="Quyết định công nhận của Chủ tịch UBND phường Hải An (năm học 2025–2026)",
    )
    cycle.refresh_from_db()
    leaders = _leaders(school)
    evaluations = list(cycle.evaluations.select_related("person").order_by("person__sort_key"))
    for evaluation in evaluations:
        own, decided = YEAR_LEVELS.get(evaluation.person.username, (Level.GOOD, Level.GOOD))
        person = evaluation.person
        assessment.submit_self_assessment(
            evaluation=evaluation,
            actor=person,
            level=own,
            comment=YEAR_REPORTS.get(
                person.username, "Hoàn thành các nhiệm vụ được giao trong năm học 2025–2026."
            ),
        )
        leader = leaders.get(evaluation.unit_id) if evaluation.unit_id is not None else None
        recorder = leader if leader and leader.pk != person.pk else head
        if person.pk == head.pk:
            recorder = deputy
        assessment.record_group_opinion(
            evaluation=evaluation,
            actor=recorder,
            meeting_on=YEAR_MEETING,
            minutes=_minutes(own, decided),
            level=decided,
            party_opinion="Chi bộ nhất trí đề nghị." if evaluation.is_manager else "",
        )
        assessment.decide_evaluation(
            evaluation=evaluation,
            # NĐ 233/2026, Điều 13 k3a: the ward's officer decides the head's level.
            actor=_ward_officer(school) if evaluation.is_head else head,
            level=decided,
            reason="" if own == decided else "Theo ý kiến cuộc họp tổ và giới hạn tỷ lệ.",
            decision_reference=(
                "Quyết định của Chủ tịch UBND phường Hải An về xếp loại hiệu trưởng"
                if evaluation.is_head
                else ""
            ),
        )
    cycle = results.finalise_cycle(cycle=cycle, actor=head)
    results.notify_results(cycle=cycle, actor=head, issued_on=_issue_day(school))
    ward = school.parent
    if ward is not None:
        for evaluation in cycle.evaluations.filter(is_head=True):
            results.notify_managed_result(
                evaluation=evaluation, actor=_ward_officer(school), issued_on=_issue_day(ward)
            )


def _ward_officer(school: Organisation) -> User:
    """The ward's officer of the demo (README: canbophuong), or any officer of the ward."""
    officer = (
        Membership.objects.current()
        .filter(organisation=school.parent, role=Role.AUTHORITY_OFFICER)
        .select_related("user")
        .order_by("user__username")
        .first()
    )
    if officer is None:
        raise LookupError("the demo's ward has no officer")
    return officer.user


def _minutes(own: str, decided: str) -> str:
    if own == decided:
        return "Cuộc họp nhất trí với báo cáo và mức tự xếp loại."
    return (
        "Cuộc họp ghi nhận kết quả; đề nghị mức thấp hơn mức tự xếp loại vì tỷ lệ "
        "“Hoàn thành xuất sắc” của đơn vị có hạn và một số nhiệm vụ còn chậm."
    )


def _issue_day(school: Organisation) -> dt.date:
    """Today, unless the register already holds a later document this year."""
    today = timezone.localdate()
    latest = OutgoingDocument.objects.filter(organisation=school, year=today.year).aggregate(
        latest=Max("issued_on")
    )["latest"]
    return max(today, latest) if latest else today


def _quarter_tasks(school: Organisation, head: User) -> None:
    """Two tasks of the seed plan the teacher finished in Quý I (on time, and late), so that
    her self-assessment shows a task score suggested from what the plans app knows."""
    plan = Plan.objects.filter(organisation=school, source_name=plans_demo.SEED_NAME).first()
    teacher = User.objects.filter(username="giaovien").first()
    if plan is None or teacher is None:
        return
    tasks = {task.number: task for task in plan.tasks.all()}
    for number, due, done, note in (
        ("1", dt.date(2026, 9, 30), dt.date(2026, 9, 28), "Quán triệt quy chế dân chủ ở tổ 1."),
        ("4", dt.date(2026, 10, 30), dt.date(2026, 11, 6), "Họp cha mẹ học sinh lớp 1A1."),
    ):
        task = tasks.get(number)
        if task is None:
            continue
        assignment = plan_services.assign_task(
            task=task, actor=head, assignee=teacher, due_date=due, note=note
        )
        update = plan_services.report_progress(
            assignment=assignment,
            author=teacher,
            expected_version=assignment.version,
            status="done",
            percent=100,
            text=f"Đã hoàn thành: {note}",
        )
        # Demo history: the report was made on the day the work was finished.
        reported = timezone.make_aware(dt.datetime.combine(done, dt.time(16)))
        ProgressUpdate.objects.filter(pk=update.pk).update(created_at=reported)


def _quarter_one(school: Organisation, head: User) -> None:
    _quarter_tasks(school, head)
    cycle = cycles.open_cycle(
        organisation=school, actor=head, period_type="quarter", year=2026, number=1
    )
    by_name = {
        e.person.username: e for e in cycle.evaluations.select_related("person", "cycle__rule_set")
    }
    for username, general, comment in QUARTER_REPORTS:
        evaluation: Evaluation | None = by_name.get(username)
        if evaluation is None:
            continue
        summary = assessment.period_tasks(evaluation)
        suggestion = summary.suggested(cycle.unit_rules, cycle.rule_set.task_max)
        task, reason = suggestion, ""
        if suggestion is None or suggestion < 50:
            task = Decimal(58)
            reason = (
                "Ngoài các nhiệm vụ trên hệ thống, đã hoàn thành giảng dạy và chủ nhiệm theo "
                "phân công đầu năm học."
            )
        assessment.submit_self_assessment(
            evaluation=evaluation,
            actor=evaluation.person,
            comment=comment,
            general=general,
            task=task,
            task_reason=reason,
        )
    teacher = by_name.get("giaovien")
    leader = User.objects.filter(username="totruong1").first()
    if teacher is not None and leader is not None:
        assessment.record_group_opinion(
            evaluation=teacher,
            actor=leader,
            meeting_on=min(timezone.localdate(), cycle.ends_on),
            minutes="Tổ 1 nhất trí với điểm tự chấm; đề nghị tiếp tục cập nhật bản tin hằng tháng.",
        )
