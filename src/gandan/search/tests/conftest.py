"""Fixtures of the search tests: one object of each kind at Thành Tô, built through the ORM
(the index follows the domain models' saves), and the petitions fixtures for cases.

Who sees what (the shared personas of src/gandan/conftest.py):
- principal, clerk, inspector: every case of Thành Tô; teacher: only cases they work on;
- staff of Thành Tô: its plans, its register, its published staff disclosures;
- authority_officer (the ward): plans, register and disclosures of the schools below it;
- other_school_principal, outsider, a parent on the parents' board, the public: nothing of
  the staff side; the public finds published public disclosures.
"""

import datetime as dt

import pytest
from django.utils import timezone

from gandan.democracy.models import Channel, DisclosureObligation
from gandan.democracy.services import disclosures
from gandan.orgs import services as org_services
from gandan.orgs.models import Organisation, OrgKind, Role, User
from gandan.paperwork.document import DocType
from gandan.paperwork.models import OutgoingDocument
from gandan.petitions.tests.conftest import (  # noqa: F401  (fixtures)
    deadline_rules,
    fresh_cache,
    fresh_calendar,
    identity_key,
    media,
)
from gandan.plans.models import Plan, PlanTask


@pytest.fixture
def parent(school) -> User:
    board = org_services.create_organisation(
        actor=None,
        parent=school,
        slug="th-thanh-to-cmhs",
        kind=OrgKind.PARENTS_BOARD,
        name="Ban đại diện cha mẹ học sinh",
    )
    user = org_services.create_person(
        actor=None, username="phuhuynh", full_name="Mai Văn Phúc", password="mat-khau-thu-nghiem"
    )
    org_services.grant_role(
        actor=None, user=user, organisation=board, role=Role.STAFF, title="Trưởng ban"
    )
    return user


def make_plan(organisation: Organisation, title: str, **fields) -> Plan:
    return Plan.objects.create(organisation=organisation, title=title, year=2026, **fields)


def make_task(plan: Plan, heading: str, number: str = "1") -> PlanTask:
    return PlanTask.objects.create(plan=plan, order=int(number), number=number, heading=heading)


def make_document(
    organisation: Organisation, summary: str, number: int = 1, *, is_secret: bool = False
) -> OutgoingDocument:
    return OutgoingDocument.objects.create(
        organisation=organisation,
        year=2026,
        number=number,
        is_secret=is_secret,
        doc_type=DocType.values[0],
        number_symbol=f"{number:02d}/KH-THTT",
        issued_on=dt.date(2026, 3, 2),
        summary=summary,
        signer_name="Nguyễn Thị Hoa",
        signer_title="Hiệu trưởng",
        spec_json={},
    )


@pytest.fixture
def public_disclosure(school, principal):
    item = disclosures.record_disclosure(
        organisation=school,
        obligation=DisclosureObligation.objects.get(code="cong-khai-thu-chi-tai-chinh"),
        actor=principal,
        title="Công khai thu chi tài chính học kỳ I",
        body="Quỹ hỗ trợ học sinh vùng khó khăn: thu 12 triệu đồng, chi 10 triệu đồng.",
        decision_date=timezone.localdate() - dt.timedelta(days=3),
        year=timezone.localdate().year,
    )
    return disclosures.publish_disclosure(
        item=item,
        actor=principal,
        published_on=timezone.localdate(),
        channels=[Channel.NOTICE_BOARD],
        proof_url="https://thanhto.edu.vn/cong-khai",
    )


@pytest.fixture
def staff_disclosure_draft(school, principal):
    return disclosures.record_disclosure(
        organisation=school,
        obligation=DisclosureObligation.objects.get(code="noi-bo-ke-hoach-cong-tac"),
        actor=principal,
        title="Kế hoạch công tác tháng 12 chưa công khai",
        body="Bản nháp quỹ khen thưởng.",
        decision_date=timezone.localdate() - dt.timedelta(days=1),
        year=timezone.localdate().year,
    )
