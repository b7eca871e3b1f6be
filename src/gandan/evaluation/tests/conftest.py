"""Fixtures of the evaluation tests, on top of the shared personas (src/gandan/conftest.py).

Extra cast, all at Thành Tô:
- group_leader: tổ trưởng of subject group 1 (the teacher's tổ); sees the tổ's evaluations and
  records the tổ meeting's opinion, never on their own evaluation.
- other_teacher: teacher in subject group 2; sees only their own evaluation.
The clock stands at 28/11/2026 09:00 in Hà Nội (the end of Quý I of school year 2026–2027).
"""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from gandan.conftest import _person
from gandan.evaluation.models import EvaluationRuleSet, UnitRules
from gandan.orgs import services as org_services
from gandan.orgs.models import OrgKind, Role

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = dt.datetime(2026, 11, 28, 9, tzinfo=HANOI)
ND233 = "nd-233-2026-vien-chuc"
ND90 = "nd-90-2020-vien-chuc"


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def nd233(db) -> EvaluationRuleSet:
    return EvaluationRuleSet.objects.get(code=ND233)


@pytest.fixture
def nd90(db) -> EvaluationRuleSet:
    return EvaluationRuleSet.objects.get(code=ND90)


@pytest.fixture
def unit_rules(school, nd233) -> UnitRules:
    """Thành Tô's quy chế under NĐ 233/2026: quarterly tracking, school year from September."""
    return UnitRules.objects.create(
        organisation=school,
        rule_set=nd233,
        title="Quy chế đánh giá, xếp loại chất lượng viên chức Trường Tiểu học Thành Tô",
        reference="45/QĐ-THTT",
        issued_on=dt.date(2026, 8, 25),
        valid_from=dt.date(2026, 9, 1),
        tracking="quarter",
        year_start_month=9,
        general_criteria=[
            {"title": "Phẩm chất chính trị, đạo đức, ý thức kỷ luật", "max": 10},
            {"title": "Năng lực chuyên môn, tinh thần trách nhiệm", "max": 10},
            {"title": "Đổi mới, sáng tạo, dám nghĩ dám làm", "max": 10},
        ],
        on_time_percent=100,
        late_percent=75,
        overdue_percent=0,
    )


@pytest.fixture
def subject_group_2(school):
    return org_services.create_organisation(
        actor=None,
        parent=school,
        slug="th-thanh-to-to-2",
        kind=OrgKind.SUBJECT_GROUP,
        name="Tổ chuyên môn khối 2",
        short_name="Tổ 2",
    )


@pytest.fixture
def group_leader(school, subject_group):
    return _person(
        "totruong",
        "Phạm Thị Lan",
        (school, Role.STAFF, "Giáo viên"),
        (subject_group, Role.UNIT_LEADER, "Tổ trưởng tổ 1"),
    )


@pytest.fixture
def other_teacher(school, subject_group_2):
    return _person(
        "giaovien2",
        "Bùi Văn Hùng",
        (school, Role.STAFF, "Giáo viên"),
        (subject_group_2, Role.STAFF, "Giáo viên"),
    )


@pytest.fixture
def staff(principal, deputy, teacher, group_leader, other_teacher):
    """The five people evaluated at Thành Tô in these tests."""
    return {
        "principal": principal,
        "deputy": deputy,
        "teacher": teacher,
        "group_leader": group_leader,
        "other_teacher": other_teacher,
    }


def points(value) -> Decimal:
    return Decimal(str(value))
