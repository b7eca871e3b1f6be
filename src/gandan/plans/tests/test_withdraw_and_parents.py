import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from gandan.paperwork.models import DocumentStatus
from gandan.paperwork.signing import head_signer
from gandan.plans import services
from gandan.plans.importer import parse_plan_file
from gandan.plans.models import Plan, PlanStatus

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ke-hoach-dan-van-2022-thanh-to.txt"


@pytest.fixture
def issued_plan(school, principal) -> Plan:
    plan = services.save_imported_plan(
        organisation=school, parsed=parse_plan_file(SEED), user=principal
    )
    return services.issue_plan(
        plan=plan,
        actor=principal,
        issued_on=dt.date(2026, 9, 7),
        signer=head_signer(school),
    )


def test_withdrawing_keeps_the_number_and_withdraws_the_registered_document(issued_plan, principal):
    # when
    plan = services.withdraw_plan(plan=issued_plan, actor=principal, reason="Ban hành nhầm")
    # then
    assert plan.status == PlanStatus.WITHDRAWN
    assert plan.number_symbol == "01/KH-THTT"
    assert plan.document is not None
    plan.document.refresh_from_db()
    assert plan.document.status == DocumentStatus.WITHDRAWN
    assert plan.events.filter(kind="withdrawn").exists()


def test_withdrawing_needs_a_reason_and_changes_nothing_without_one(issued_plan, principal):
    with pytest.raises(ValidationError):
        services.withdraw_plan(plan=issued_plan, actor=principal, reason="  ")
    issued_plan.refresh_from_db()
    assert issued_plan.status == PlanStatus.ISSUED


def test_withdraw_through_the_page_is_for_managers_only(client, issued_plan, teacher, principal):
    url = f"/ke-hoach/{issued_plan.public_id}/thu-hoi/"
    client.force_login(teacher)
    assert client.post(url, {"reason": "Không đúng"}).status_code == 404
    issued_plan.refresh_from_db()
    assert issued_plan.status == PlanStatus.ISSUED
    client.force_login(principal)
    assert client.post(url, {"reason": "Thay bằng kế hoạch mới"}).status_code == 302
    issued_plan.refresh_from_db()
    assert issued_plan.status == PlanStatus.WITHDRAWN


def test_parent_plans_come_from_the_authorities_above(issued_plan, ward, principal, other_school):
    # given: an issued plan of the ward, and one of another school
    ward_plan = Plan.objects.create(
        organisation=ward,
        title="Công tác dân vận năm 2026",
        year=2026,
        status=PlanStatus.ISSUED,
        number_symbol="15/KH-UBND",
    )
    other = Plan.objects.create(
        organisation=other_school, title="Kế hoạch khác", year=2026, status=PlanStatus.ISSUED
    )
    # when
    candidates = list(services.parent_plan_candidates(issued_plan))
    services.set_parent_plans(plan=issued_plan, actor=principal, parents=[ward_plan])
    # then
    assert candidates == [ward_plan]
    assert list(issued_plan.parents.all()) == [ward_plan]
    assert list(ward_plan.children.all()) == [issued_plan]
    with pytest.raises(ValidationError):
        services.set_parent_plans(plan=issued_plan, actor=principal, parents=[other])
    assert list(issued_plan.parents.all()) == [ward_plan]
