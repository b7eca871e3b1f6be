"""The synthetic province (`gandan build_province`) at a tiny size: its shape, its cases' stored
due dates against the real deadline computation, the audit chain, idempotency."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from gandan.audit.models import Action, AuditEvent
from gandan.audit.services import record_event, verify_chain
from gandan.core.language import in_vietnamese
from gandan.democracy.models import DisclosureItem
from gandan.orgs.models import Membership, Organisation, OrgKind, Role, User
from gandan.petitions.deadlines import compute_deadlines
from gandan.petitions.models import OPEN_STATUSES, Case, CaseDeadline
from gandan.petitions.services.timing import STEP_DONE_BY, deadline_inputs, has_deadlines
from gandan.plans.models import Assignment, Plan, PlanStatus
from gandan.reports.models import UnitStatus
from gandan.reports.province import (
    ProvinceExists,
    ProvinceInUse,
    ProvinceSpec,
    build_province,
    department_slug,
    province_organisations,
    province_users,
)
from gandan.reports.tests.indicators_data import seed_deadline_rules
from gandan.surveys.models import Response, Survey

TINY = ProvinceSpec(prefix="tp", schools=6, wards=2, cases=300, staff_per_school=5)


@pytest.fixture
def province(db):
    seed_deadline_rules()
    return build_province(spec=TINY)


def counts() -> dict[str, int]:
    return {
        "organisations": province_organisations(TINY.prefix).count(),
        "users": province_users(TINY.prefix).count(),
        "memberships": Membership.objects.filter(user__in=province_users(TINY.prefix)).count(),
        "cases": Case.objects.filter(organisation__slug__startswith="tp-").count(),
        "deadlines": CaseDeadline.objects.filter(
            case__organisation__slug__startswith="tp-"
        ).count(),
        "disclosures": DisclosureItem.objects.filter(organisation__slug__startswith="tp-").count(),
        "plans": Plan.objects.filter(organisation__slug__startswith="tp-").count(),
        "surveys": Survey.objects.filter(organisation__slug__startswith="tp-").count(),
    }


def test_the_province_has_one_department_the_wards_and_their_schools(province):
    # then
    department = Organisation.objects.get(slug=department_slug("tp"))
    assert department.kind == OrgKind.EDUCATION_DEPARTMENT
    wards = list(Organisation.objects.filter(slug__startswith="tp-p"))
    assert [w.kind for w in wards] == [OrgKind.COMMUNE_COMMITTEE] * 2
    assert all(w.parent_id is None and w.path == f"{w.pk:06d}" for w in wards)
    schools = list(Organisation.objects.filter(slug__startswith="tp-t").select_related("parent"))
    assert len(schools) == 6
    for school in schools:
        assert school.kind == OrgKind.SCHOOL
        assert school.guided_by_id == department.pk
        assert school.parent in wards
        assert school.path == f"{school.parent.path}{school.pk:06d}"
    assert (
        Organisation.objects.schools_below(department).filter(slug__startswith="tp-").count() == 6
    )
    assert sum(Organisation.objects.schools_below(w).count() for w in wards) == 6


def test_staff_have_roles_and_no_usable_password(province):
    # then: 5 per school and one officer per authority
    users = list(province_users("tp"))
    assert len(users) == 6 * 5 + 1 + 2
    assert not any(user.has_usable_password() for user in users)
    assert all(user.full_name and user.sort_key for user in users)
    roles = Membership.objects.filter(user__in=users)
    assert roles.filter(role=Role.HEAD).count() == 6
    assert roles.filter(role=Role.AUTHORITY_OFFICER).count() == 3
    assert roles.filter(role=Role.AUTHORITY_OFFICER, organisation__slug="tp-so").count() == 1


def test_every_case_stores_the_due_dates_the_rules_give(province):
    # then: exactly what petitions.services.timing.store_deadlines would store
    cases = Case.objects.filter(organisation__slug__startswith="tp-").prefetch_related("deadlines")
    assert len(cases) == 300
    for case in cases:
        stored = {d.step: (d.due, d.last_day, d.order, d.is_tracked) for d in case.deadlines.all()}
        expected = {}
        if has_deadlines(case):
            for order, step in enumerate(compute_deadlines(**deadline_inputs(case))):
                expected[step.step] = (step.due, step.last_day, order, step.step in STEP_DONE_BY)
            assert any(due for due, _last, _order, tracked in stored.values() if tracked)
        assert stored == expected, case.tracking_code
        pending = [
            d.due
            for d in case.deadlines.all()
            if d.is_tracked and d.done_on is None and not d.moot and d.due is not None
        ]
        if case.status in OPEN_STATUSES:
            assert case.next_due == (min(pending) if pending else None)
        if case.closed_at is not None:
            assert not [d for d in case.deadlines.all() if d.done_on is None and not d.moot]
    assert len({case.tracking_code for case in cases}) == 300
    assert all(case.tracking_code.startswith("0") for case in cases)  # never a public code


def test_the_school_work_and_the_indicators_are_there(province):
    # then
    assert Plan.objects.filter(organisation__slug="tp-so", status=PlanStatus.ISSUED).count() == 1
    school_plans = Plan.objects.filter(organisation__slug__startswith="tp-t")
    assert school_plans.count() == 6
    for plan in school_plans.filter(status=PlanStatus.ISSUED):
        assert list(plan.parents.values_list("organisation__slug", flat=True)) == ["tp-so"]
        assert Assignment.objects.filter(task__plan=plan).count() == 6
    assert DisclosureItem.objects.filter(organisation__slug__startswith="tp-t").exists()
    assert Response.objects.filter(survey__organisation__slug__startswith="tp-t").exists()
    assert UnitStatus.objects.filter(organisation__slug__startswith="tp-t").count() == 6
    assert province.counts["refreshed_schools"] >= 6


def test_the_audit_chain_stays_valid_with_one_event_for_the_build(province):
    # then
    _checked, breaks = verify_chain()
    assert breaks == []
    events = list(AuditEvent.objects.filter(summary__startswith="Dựng tỉnh mô phỏng «tp»"))
    assert len(events) == 1 and events[0].organisation_id is None


def test_a_second_build_is_refused_and_changes_nothing(province):
    # given
    before = counts()
    # when / then
    with pytest.raises(ProvinceExists):
        build_province(spec=TINY)
    assert counts() == before


def test_replace_rebuilds_without_duplicates(province):
    # given
    before = counts()
    # when
    build_province(spec=TINY, replace=True)
    # then
    assert counts() == before
    assert verify_chain()[1] == []


def test_replace_is_refused_once_real_work_is_audited(province):
    # given: somebody worked in one of its schools
    school = Organisation.objects.get(slug="tp-t00001")
    in_vietnamese(record_event)(action=Action.CHANGE, summary="Sửa", organisation=school)
    before = counts()
    # when / then
    with pytest.raises(ProvinceInUse):
        build_province(spec=TINY, replace=True)
    assert counts() == before


def test_the_command_builds_then_refuses(db, capsys):
    # given
    seed_deadline_rules()
    args = ["--prefix", "tc", "--schools", "4", "--wards", "2", "--cases", "40"]
    # when
    call_command("build_province", *args, "--staff-per-school", "3", "--no-refresh")
    # then
    assert "cases: 40" in capsys.readouterr().out
    assert Organisation.objects.filter(slug__startswith="tc-t").count() == 4
    with pytest.raises(CommandError):
        call_command("build_province", *args)
    with pytest.raises(CommandError):
        call_command("build_province", "--prefix", "Bad-Prefix")


def test_the_officers_read_their_dashboards(province, client):
    # given
    department_officer = User.objects.get(username=province.department_officer)
    ward_officer = User.objects.get(username=province.ward_officers[0])
    ward_schools = Organisation.objects.filter(parent__slug=province.ward_slugs[0])
    other = Organisation.objects.filter(parent__slug=province.ward_slugs[1]).first()
    assert other is not None
    # when
    client.force_login(department_officer)
    department_page = client.get(reverse("reports:dashboard"))
    client.force_login(ward_officer)
    ward_page = client.get(reverse("reports:dashboard"))
    refused = client.get(reverse("reports:unit", args=[other.slug]))

    # then: every school below links to its drill-down, nothing else does
    def linked(page, school):
        return reverse("reports:unit", args=[school.slug]) in page.text

    assert department_page.status_code == 200
    assert all(
        linked(department_page, s) for s in Organisation.objects.filter(slug__startswith="tp-t")
    )
    assert ward_page.status_code == 200
    assert all(linked(ward_page, school) for school in ward_schools)
    assert not linked(ward_page, other)
    assert refused.status_code == 404
