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

TODAY = dt.date(2026, 5, 20)
NOW = timezone.make_aware(dt.datetime(2026, 5, 20, 10, 0))
RECEIVED = dt.date(2026, 3, 2)
PERIOD_KEY = "6-thang-2026"


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
