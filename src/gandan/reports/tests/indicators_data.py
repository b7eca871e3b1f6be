"""Hand-built data for the indicator tests, made through the domain services (never raw rows).

The clock is fixed at TODAY (Wednesday 20/5/2026, 10:00 in Hải Phòng): report month 6/2026
(15/5–14/6), inside the period "6 tháng đầu năm 2026" (15/12/2025–14/6/2026).

`three_cases(school, head)` gives the school four cases, all received Monday 02/3/2026:
- a feedback answered on 05/3 (due 16/3: on time), rated 5 stars;
- a feedback answered on 20/3 (late);
- a feedback answered on 05/3, rated 2 stars, then contested (reopened, so no longer answered);
- a complaint never accepted: its acceptance step (10 days, due 12/3) is overdue now.
"""

import datetime as dt
import importlib
from dataclasses import replace

from django.apps import apps
from django.utils import timezone

from gandan.orgs import services as org_services
from gandan.orgs.models import Organisation, OrgKind, Role, User
from gandan.petitions import services
from gandan.petitions.models import Case, CaseKind, Channel, DeadlineRule
from gandan.reports.indicators import HALF_YEAR, Period

TODAY = dt.date(2026, 5, 20)
NOW = timezone.make_aware(dt.datetime(2026, 5, 20, 10, 0))
RECEIVED = dt.date(2026, 3, 2)
PERIOD_KEY = "6-thang-2026"
PERIOD = Period(HALF_YEAR, 2026)


def seed_deadline_rules() -> None:
    """The seeded rules table (a transactional test may have flushed it)."""
    if not DeadlineRule.objects.exists():
        module = importlib.import_module(
            "gandan.petitions.migrations.0002_seed_deadline_rules_from_law"
        )
        module.seed(apps, None)


def submission(kind: str = CaseKind.FEEDBACK, **changes) -> services.Submission:
    plain = services.Submission(
        kind=kind,
        title="Mái tôn lớp 2A bị dột",
        content="Khi mưa to, nước dột xuống bàn học sinh ở cuối lớp 2A.",
        channel=Channel.WEB,
        sender=services.Sender(
            name="Trần Văn Phụ Huynh", phone="0987654321", address="Phường Hải An"
        ),
        consent=True,
        received_at=timezone.make_aware(dt.datetime.combine(RECEIVED, dt.time(9))),
    )
    return replace(plain, **changes)


def submit(school: Organisation, kind: str = CaseKind.FEEDBACK, **changes) -> Case:
    return services.submit_case(organisation=school, submission=submission(kind, **changes))


def answer(case: Case, head: User, on: dt.date) -> Case:
    return services.resolve_case(case=case, actor=head, outcome="", public_answer="Đã sửa.", on=on)


def three_cases(school: Organisation, head: User) -> dict[str, Case]:
    seed_deadline_rules()
    # Answered in date order: the register numbers documents in the order of issue.
    on_time = answer(submit(school), head, dt.date(2026, 3, 5))
    contested = answer(submit(school), head, dt.date(2026, 3, 5))
    late = answer(submit(school), head, dt.date(2026, 3, 20))
    services.rate_case(case=on_time, score=5)
    services.rate_case(case=contested, score=2)
    services.contest_case(case=contested, reason="Mái vẫn dột khi mưa.")
    overdue = submit(
        school,
        CaseKind.COMPLAINT,
        title="Khiếu nại việc không xét miễn học phí bán trú",
        content="Nhà trường không xét miễn tiền bán trú cho con tôi.",
        denounced_person="Hiệu trưởng Trường Tiểu học Thành Tô",
    )
    return {"on_time": on_time, "late": late, "contested": contested, "overdue": overdue}


def more_schools(ward: Organisation, department: Organisation, count: int) -> list[Organisation]:
    """`count` more schools managed by the ward and guided by the Sở, each with a head."""
    schools = []
    for i in range(count):
        school = org_services.create_organisation(
            actor=None,
            parent=ward,
            guided_by=department,
            slug=f"th-so-{i:02d}",
            kind=OrgKind.SCHOOL,
            name=f"Trường Tiểu học Số {i:02d}",
            symbol=f"TH{i:02d}",
            place_name="Hải An",
        )
        schools.append(school)
    return schools


def head_of(school: Organisation, username: str) -> User:
    user = org_services.create_person(
        actor=None, username=username, full_name="Phan Văn Trưởng", password="mat-khau-thu-nghiem"
    )
    org_services.grant_role(
        actor=None, user=user, organisation=school, role=Role.HEAD, title="Hiệu trưởng"
    )
    return user


# Hand-built rows of the other domains (ORM rows in known states: the refresh reads stored
# dates and statuses, whichever service wrote them).


def person(username: str, full_name: str) -> User:
    return org_services.create_person(
        actor=None, username=username, full_name=full_name, password="mat-khau-thu-nghiem"
    )


def official_document(school: Organisation, issued_on: dt.date):
    from gandan.core.language import in_vietnamese
    from gandan.paperwork.samples import sample_plan
    from gandan.paperwork.services import issue_document

    return in_vietnamese(issue_document)(
        organisation=school, spec=sample_plan(), issued_on=issued_on
    )


def plan_with_tasks(school: Organisation, ward: Organisation, assignee: User) -> dict:
    """An issued 2026 plan implementing the ward's plan, four assignments due:
    - 10/3, reported done on 09/3 (on time);
    - 10/3, reported done on 12/3 (late, although its status says done at 100 %);
    - 10/5, 40 % and open (overdue on 20/5);
    - 30/6, not started (not yet due)."""
    from gandan.plans.models import (
        Assignment,
        AssignmentStatus,
        Plan,
        PlanStatus,
        PlanTask,
        ProgressUpdate,
    )

    parent = Plan.objects.create(
        organisation=ward, title="Kế hoạch của phường", year=2026, status=PlanStatus.ISSUED
    )
    plan = Plan.objects.create(
        organisation=school,
        title="Kế hoạch thực hiện công tác dân vận chính quyền năm 2026",
        year=2026,
        status=PlanStatus.ISSUED,
        issued_on=dt.date(2026, 1, 10),
        number_symbol="03/KH-THTT",
    )
    plan.parents.add(parent)
    task = PlanTask.objects.create(plan=plan, order=1, number="1", heading="Tuyên truyền")

    def assignment(due: dt.date, status: str, percent: int, done_at: dt.date | None = None):
        row = Assignment.objects.create(
            task=task, assignee=assignee, due_date=due, status=status, percent=percent
        )
        if done_at is not None:
            update = ProgressUpdate.objects.create(
                assignment=row,
                author=assignee,
                status=AssignmentStatus.DONE,
                percent=100,
                text="Xong",
            )
            stamp = timezone.make_aware(dt.datetime.combine(done_at, dt.time(16)))
            ProgressUpdate.objects.filter(pk=update.pk).update(created_at=stamp)
        return row

    done = AssignmentStatus.DONE
    return {
        "on_time": assignment(dt.date(2026, 3, 10), done, 100, dt.date(2026, 3, 9)),
        "late": assignment(dt.date(2026, 3, 10), done, 100, dt.date(2026, 3, 12)),
        "overdue": assignment(dt.date(2026, 5, 10), AssignmentStatus.IN_PROGRESS, 40),
        "later": assignment(dt.date(2026, 6, 30), AssignmentStatus.NOT_STARTED, 0),
    }


def disclosures(school: Organisation) -> None:
    """Due 10/3 published 09/3 (on time) and 20/3 (late); due 01/4 never published (missing);
    due 10/6 not yet due; one withdrawn (not counted)."""
    from gandan.democracy.models import DisclosureItem, DisclosureObligation, Timing

    obligation = DisclosureObligation.objects.filter(timing=Timing.ON_DECISION).first()
    assert obligation is not None, "the disclosure register is seeded by migration"

    def item(due: dt.date, published: dt.date | None, **extra):
        DisclosureItem.objects.create(
            organisation=school,
            obligation=obligation,
            title=f"Nội dung hạn {due:%d/%m}",
            due_date=due,
            published_on=published,
            **extra,
        )

    item(dt.date(2026, 3, 10), dt.date(2026, 3, 9))
    item(dt.date(2026, 3, 10), dt.date(2026, 3, 20))
    item(dt.date(2026, 4, 1), None)
    item(dt.date(2026, 6, 10), None)
    item(dt.date(2026, 3, 10), None, withdrawn=True, withdrawn_reason="Nhầm")


def conference(school: Organisation, chair: User, union_chair: User, third: User) -> None:
    """The 2024–2025 annual conference held 25/8/2025 (due 01/9), 2 of 3 present (exactly
    2/3), resolution issued; an older one held late; a newer one only convened."""
    from gandan.democracy.models import Attendee, Conference, ConferenceKind, ConferenceStatus

    def make(label, ends, due, held, status, present, resolution):
        row = Conference.objects.create(
            organisation=school,
            kind=ConferenceKind.ANNUAL,
            work_year_label=label,
            work_year_ends=ends,
            due_by=due,
            held_on=held,
            place="Phòng họp",
            chair=chair,
            union_chair=union_chair,
            status=status,
            summoned_count=3,
            resolution_document=official_document(school, held) if resolution else None,
        )
        for user, here in zip((chair, union_chair, third), present, strict=True):
            Attendee.objects.create(conference=row, user=user, present=here)

    closed = ConferenceStatus.CLOSED
    make(
        "năm học 2023–2024",
        dt.date(2024, 5, 31),
        dt.date(2024, 9, 3),
        dt.date(2024, 9, 20),
        closed,
        (True, False, False),
        False,
    )
    make(
        "năm học 2024–2025",
        dt.date(2025, 5, 31),
        dt.date(2025, 9, 1),
        dt.date(2025, 8, 25),
        closed,
        (True, True, False),
        True,
    )
    make(
        "năm học 2025–2026",
        dt.date(2026, 5, 31),
        dt.date(2026, 8, 31),
        dt.date(2026, 8, 20),
        ConferenceStatus.CONVENED,
        (None, None, None),
        False,
    )


def board(school: Organisation, board_unit: Organisation) -> None:
    """The current term (1/9/2025–1/9/2027) with a programme and 3 recommendations, 2 answered."""
    from gandan.democracy.models import (
        BoardTerm,
        Inspection,
        Programme,
        ProgrammePeriod,
        Recommendation,
        RecommendationStatus,
    )

    term = BoardTerm.objects.create(
        organisation=school,
        unit=board_unit,
        starts_on=dt.date(2025, 9, 1),
        ends_on=dt.date(2027, 9, 1),
        recognition_due=dt.date(2025, 9, 8),
    )
    Programme.objects.create(
        term=term,
        period=ProgrammePeriod.YEAR,
        label="Năm học 2025–2026",
        starts_on=dt.date(2025, 9, 1),
        ends_on=dt.date(2026, 5, 31),
        content="Giám sát công khai tài chính.",
    )
    inspection = Inspection.objects.create(
        term=term,
        subject="Thu chi quỹ",
        target="Kế toán",
        notified_on=dt.date(2026, 3, 2),
        starts_on=dt.date(2026, 3, 9),
        earliest_start=dt.date(2026, 3, 9),
    )
    for order, status in enumerate(
        [RecommendationStatus.ANSWERED, RecommendationStatus.CLOSED, RecommendationStatus.OPEN], 1
    ):
        Recommendation.objects.create(
            inspection=inspection, order=order, text=f"Kiến nghị {order}", status=status
        )


def emulation(school: Organisation, registrant: User) -> None:
    """The 2025–2026 campaign with 3 registrations, one recognised; the 2024–2025 campaign's
    registration does not count."""
    from gandan.emulation.models import (
        Campaign,
        Field,
        Recognition,
        RecognitionLevel,
        Registration,
        RegistrationKind,
    )

    def campaign(title: str, start: dt.date) -> Campaign:
        return Campaign.objects.create(
            organisation=school,
            title=title,
            year_label=title[-9:],
            starts_on=start,
            ends_on=start + dt.timedelta(days=270),
        )

    def registration(in_campaign: Campaign, title: str) -> Registration:
        return Registration.objects.create(
            campaign=in_campaign,
            kind=RegistrationKind.MODEL,
            title=title,
            registrant=registrant,
            field=Field.CULTURE_SOCIETY,
            problem="…",
            goals="…",
            mobilisation="…",
            expected_results="…",
        )

    old = campaign("Dân vận khéo 2024-2025", dt.date(2024, 9, 5))
    registration(old, "Mô hình cũ")
    current = campaign("Dân vận khéo 2025-2026", dt.date(2025, 9, 5))
    recognised = registration(current, "Mô hình 1")
    registration(current, "Mô hình 2")
    registration(current, "Mô hình 3")
    Recognition.objects.create(
        registration=recognised,
        level=RecognitionLevel.RECOGNISED,
        decision=official_document(school, dt.date(2026, 5, 15)),
        recognised_by=registrant,
    )


def evaluation(school: Organisation) -> None:
    """The 2025–2026 year decided: 2 "xuất sắc" and 3 "tốt" in one group, over the 20 % quota
    (20 % of 5 allows 1)."""
    from gandan.evaluation.models import (
        CycleStatus,
        Evaluation,
        EvaluationCycle,
        EvaluationRuleSet,
        EvaluationStatus,
    )
    from gandan.evaluation.periods import PeriodType
    from gandan.evaluation.rules import Level

    rule_set = EvaluationRuleSet.objects.in_force(dt.date(2026, 8, 31)).first()
    assert rule_set is not None, "the rule sets are seeded by migration"
    cycle = EvaluationCycle.objects.create(
        organisation=school,
        rule_set=rule_set,
        period_type=PeriodType.YEAR,
        year=2025,
        starts_on=dt.date(2025, 9, 1),
        ends_on=dt.date(2026, 8, 31),
        status=CycleStatus.DECIDED,
    )
    levels = [Level.EXCELLENT, Level.EXCELLENT, Level.GOOD, Level.GOOD, Level.GOOD]
    for i, level in enumerate(levels):
        Evaluation.objects.create(
            cycle=cycle,
            person=person(f"vienchuc{i}", f"Nguyễn Văn Viên {i}"),
            status=EvaluationStatus.DECIDED,
            level=level,
        )


def survey_answers(school: Organisation) -> None:
    """A parents' survey answered 80 and 60 on 01/4/2026; a staff survey (not counted)."""
    from gandan.surveys.models import Audience, Mode, Response, Survey

    parents = Survey.objects.create(
        organisation=school, title="Khảo sát cha mẹ", audience=Audience.PARENTS, mode=Mode.values[0]
    )
    staff = Survey.objects.create(
        organisation=school, title="Khảo sát nội bộ", audience=Audience.STAFF, mode=Mode.values[0]
    )
    for survey, score in ((parents, 80.0), (parents, 60.0), (staff, 0.0)):
        Response.objects.create(survey=survey, created_on=dt.date(2026, 4, 1), score=score)
