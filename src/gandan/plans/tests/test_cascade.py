"""Cascading plans: an authority's issued plan sent to the units below with a due date for their
implementing plans (services.cascade_plan), and where each unit stands (plans.cascade).

Personas (src/gandan/conftest.py): the ward's officer sends the ward's plan to Thành Tô and
Đằng Hải; the Sở's officer sends the Sở's plan to the schools it guides; a school's head links
the school's plan to it. Refusals change nothing.
"""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from gandan.audit.models import AuditEvent
from gandan.orgs import services as org_services
from gandan.orgs.models import OrgKind
from gandan.paperwork.signing import head_signer
from gandan.plans import cascade, desk, services
from gandan.plans.models import (
    Assignment,
    ImplementationRequest,
    ImplementationStatus,
    Plan,
    PlanEvent,
)
from gandan.plans.tests import factories

pytestmark = pytest.mark.django_db

D = dt.date
TODAY = D(2026, 9, 15)
ISSUED = D(2026, 9, 1)
DUE = D(2026, 9, 30)


@pytest.fixture(autouse=True)
def _in_september():
    moment = timezone.make_aware(dt.datetime.combine(TODAY, dt.time(10)))
    with time_machine.travel(moment, tick=False):
        yield


def issued_plan_of(organisation, actor, on: dt.date = ISSUED) -> Plan:
    return services.issue_plan(
        plan=factories.import_seed(organisation, actor),
        actor=actor,
        issued_on=on,
        signer=head_signer(organisation),
    )


@pytest.fixture
def ward_plan(ward, authority_officer) -> Plan:
    return issued_plan_of(ward, authority_officer)


@pytest.fixture
def other_ward(db):
    return org_services.create_organisation(
        actor=None,
        parent=None,
        slug="ubnd-le-chan",
        kind=OrgKind.COMMUNE_COMMITTEE,
        name="Ủy ban nhân dân phường Lê Chân",
        symbol="UBND",
        place_name="Lê Chân",
    )


@pytest.fixture
def far_school(other_ward):
    """A school of another ward, guided by no Sở of these tests."""
    return org_services.create_organisation(
        actor=None,
        parent=other_ward,
        slug="th-le-chan",
        kind=OrgKind.SCHOOL,
        name="Trường Tiểu học Lê Chân",
        symbol="THLC",
        place_name="Lê Chân",
    )


def state() -> tuple:
    """Everything cascading could change."""
    return (
        tuple(
            ImplementationRequest.objects.order_by("pk").values_list(
                "parent_plan_id", "organisation_id", "due_on", "requested_by_id"
            )
        ),
        PlanEvent.objects.count(),
        AuditEvent.objects.count(),
        tuple(Plan.objects.order_by("pk").values_list("pk", "status", "version")),
    )


# --- cascade_plan: the rules ---------------------------------------------------------------


def test_the_ward_sends_its_plan_to_its_schools_once(
    ward_plan, school, other_school, authority_officer
):
    # when
    requests = services.cascade_plan(
        plan=ward_plan, actor=authority_officer, organisations=[school, other_school], due_on=DUE
    )
    # then: one request per school, with the stored due date, and one audited event
    assert [(r.organisation.slug, r.due_on) for r in requests] == [
        ("th-dang-hai", DUE),
        ("th-thanh-to", DUE),
    ]
    assert {r.requested_by for r in requests} == {authority_officer}
    event = PlanEvent.objects.get(plan=ward_plan, kind="cascaded")
    assert event.summary == (
        "Giao Trường Tiểu học Đằng Hải, TH Thành Tô xây dựng kế hoạch thực hiện Kế hoạch số "
        "01/KH-UBND, hạn ban hành 30/09/2026"
    )
    audit = AuditEvent.objects.order_by("-sequence").first()
    assert audit is not None and audit.summary == event.summary
    assert audit.organisation_id == ward_plan.organisation_id


def test_replaying_the_same_sending_changes_nothing(
    ward_plan, school, other_school, authority_officer
):
    # given
    services.cascade_plan(
        plan=ward_plan, actor=authority_officer, organisations=[school, other_school], due_on=DUE
    )
    before = state()
    # when
    again = services.cascade_plan(
        plan=ward_plan, actor=authority_officer, organisations=[other_school, school], due_on=DUE
    )
    # then
    assert state() == before
    assert len(again) == 2


def test_a_new_due_date_moves_the_request_and_is_recorded(ward_plan, school, authority_officer):
    # given
    services.cascade_plan(
        plan=ward_plan, actor=authority_officer, organisations=[school], due_on=DUE
    )
    # when
    services.cascade_plan(
        plan=ward_plan, actor=authority_officer, organisations=[school], due_on=D(2026, 10, 15)
    )
    # then
    assert ImplementationRequest.objects.get().due_on == D(2026, 10, 15)
    assert list(
        PlanEvent.objects.filter(kind="cascaded").order_by("pk").values_list("summary", flat=True)
    )[-1] == (
        "Đổi hạn ban hành kế hoạch thực hiện Kế hoạch số 01/KH-UBND của TH Thành Tô thành "
        "15/10/2026"
    )


def test_the_sở_sends_its_plan_to_the_schools_it_guides(
    department, school, other_school, department_officer
):
    # given: the Sở is not above the ward, it guides the schools (LAW.md §8)
    plan = issued_plan_of(department, department_officer)
    # when
    services.cascade_plan(
        plan=plan, actor=department_officer, organisations=[school, other_school], due_on=DUE
    )
    # then
    assert ImplementationRequest.objects.filter(parent_plan=plan).count() == 2


def _refusal_cases(request, ward_plan):
    school = request.getfixturevalue("school")
    principal = request.getfixturevalue("principal")
    officer = request.getfixturevalue("authority_officer")
    draft = factories.import_seed(request.getfixturevalue("ward"), officer)
    return {
        # Only an issued plan is sent.
        "draft": dict(plan=draft, actor=officer, organisations=[school], due_on=DUE),
        # Only an authority's plan is sent (a school's is not).
        "school_plan": dict(
            plan=issued_plan_of(school, principal),
            actor=principal,
            organisations=[request.getfixturevalue("other_school")],
            due_on=DUE,
        ),
        # Only by the authority's own officer.
        "sở_officer": dict(
            plan=ward_plan,
            actor=request.getfixturevalue("department_officer"),
            organisations=[school],
            due_on=DUE,
        ),
        "principal": dict(plan=ward_plan, actor=principal, organisations=[school], due_on=DUE),
        # Only to the units below it.
        "far_school": dict(
            plan=ward_plan,
            actor=officer,
            organisations=[school, request.getfixturevalue("far_school")],
            due_on=DUE,
        ),
        "itself": dict(
            plan=ward_plan,
            actor=officer,
            organisations=[request.getfixturevalue("ward")],
            due_on=DUE,
        ),
        # Not before the plan itself was issued, and to someone.
        "due_before_issue": dict(
            plan=ward_plan, actor=officer, organisations=[school], due_on=D(2026, 8, 31)
        ),
        "nobody": dict(plan=ward_plan, actor=officer, organisations=[], due_on=DUE),
    }


CASES = [
    "draft",
    "school_plan",
    "sở_officer",
    "principal",
    "far_school",
    "itself",
    "due_before_issue",
    "nobody",
]


@pytest.mark.parametrize("case", CASES)
def test_refused_sendings_change_nothing(request, ward_plan, case):
    # given
    arguments = _refusal_cases(request, ward_plan)[case]
    before = state()
    # when / then
    with pytest.raises(ValidationError):
        services.cascade_plan(**arguments)
    assert state() == before


def test_a_withdrawn_plan_is_not_sent(ward_plan, school, authority_officer):
    services.withdraw_plan(plan=ward_plan, actor=authority_officer, reason="Ban hành nhầm.")
    before = state()
    with pytest.raises(ValidationError, match="đã ban hành"):
        services.cascade_plan(
            plan=ward_plan, actor=authority_officer, organisations=[school], due_on=DUE
        )
    assert state() == before


# --- linking the school's plan --------------------------------------------------------------


def test_a_school_can_implement_the_sở_plan_once_it_is_sent(
    department, school, principal, department_officer
):
    # given: the Sở is no ancestor of the school: its plan is a candidate only once sent
    sở_plan = issued_plan_of(department, department_officer)
    plan = factories.import_seed(school, principal)
    assert sở_plan not in services.parent_plan_candidates(plan)
    with pytest.raises(ValidationError):
        services.set_parent_plans(plan=plan, actor=principal, parents=[sở_plan])
    # when
    services.cascade_plan(
        plan=sở_plan, actor=department_officer, organisations=[school], due_on=DUE
    )
    services.set_parent_plans(plan=plan, actor=principal, parents=[sở_plan])
    # then
    assert sở_plan in services.parent_plan_candidates(plan)
    assert list(plan.parents.all()) == [sở_plan]


# --- where the units stand ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("issued_on", "today", "status"),
    [
        (None, D(2026, 9, 30), ImplementationStatus.NOT_YET),  # the due day itself: still time
        (None, D(2026, 10, 1), ImplementationStatus.OVERDUE),
        (D(2026, 9, 30), D(2026, 12, 1), ImplementationStatus.ON_TIME),
        (D(2026, 10, 1), D(2026, 12, 1), ImplementationStatus.LATE),
        (D(2026, 9, 2), D(2026, 9, 3), ImplementationStatus.ON_TIME),
    ],
)
def test_the_status_comes_from_the_stored_dates(issued_on, today, status):
    assert ImplementationRequest(due_on=DUE).status(issued_on, today) == status


def _report_done(assignment, author):
    services.report_progress(
        assignment=assignment,
        author=author,
        expected_version=assignment.version,
        status="done",
        percent=100,
        text="Đã xong.",
    )


def test_the_table_shows_who_issued_on_time_late_or_not_and_their_progress(
    ward_plan, school, other_school, principal, other_school_principal, authority_officer
):
    # given: both schools asked; Thành Tô issued on time with three assignments
    services.cascade_plan(
        plan=ward_plan, actor=authority_officer, organisations=[school, other_school], due_on=DUE
    )
    mine = issued_plan_of(school, principal, on=D(2026, 9, 10))
    services.set_parent_plans(plan=mine, actor=principal, parents=[ward_plan])
    tasks = list(mine.tasks.order_by("order"))
    on_time = services.assign_task(
        task=tasks[0], actor=principal, assignee=principal, due_date=D(2026, 9, 20)
    )
    _report_done(on_time, principal)  # on 15/9, before the 20/9 due date
    services.assign_task(
        task=tasks[1], actor=principal, assignee=principal, due_date=D(2026, 9, 14)
    )  # overdue
    services.assign_task(
        task=tasks[2], actor=principal, assignee=principal, due_date=D(2026, 10, 14)
    )  # open
    # and: a draft of Đằng Hải linked to the plan does not count until issued
    draft = factories.import_seed(other_school, other_school_principal)
    services.set_parent_plans(plan=draft, actor=other_school_principal, parents=[ward_plan])
    # when
    rows = cascade.unit_rows([ward_plan], TODAY)[ward_plan.pk]
    # then
    by_slug = {row.unit.slug: row for row in rows}
    assert [row.unit.slug for row in rows] == ["th-dang-hai", "th-thanh-to"]
    assert by_slug["th-thanh-to"].status == ImplementationStatus.ON_TIME
    assert by_slug["th-thanh-to"].plan == mine
    assert by_slug["th-thanh-to"].progress == cascade.Progress(
        total=3, done_on_time=1, done_late=0, overdue=1, mean_percent=33
    )
    assert by_slug["th-thanh-to"].progress.open == 1
    assert by_slug["th-dang-hai"].status == ImplementationStatus.NOT_YET
    assert by_slug["th-dang-hai"].plan is None
    assert cascade.summary(rows) == cascade.Summary(
        units=2, on_time=1, late=0, overdue=0, not_yet=1
    )


def test_a_done_report_after_the_due_date_is_late_whatever_the_status_says(
    ward_plan, school, principal, authority_officer
):
    # given: an assignment due on 10/9, reported done on 15/9
    services.cascade_plan(
        plan=ward_plan, actor=authority_officer, organisations=[school], due_on=DUE
    )
    mine = issued_plan_of(school, principal, on=D(2026, 10, 5))
    services.set_parent_plans(plan=mine, actor=principal, parents=[ward_plan])
    late = services.assign_task(
        task=mine.tasks.order_by("order")[0],
        actor=principal,
        assignee=principal,
        due_date=D(2026, 9, 10),
    )
    _report_done(late, principal)
    # when
    (row,) = cascade.unit_rows([ward_plan], D(2026, 10, 6))[ward_plan.pk]
    # then
    assert row.status == ImplementationStatus.LATE
    assert (row.progress.done_on_time, row.progress.done_late) == (0, 1)
    assert Assignment.objects.get().status == "done"


# --- the head's desk ------------------------------------------------------------------------


def test_the_head_sees_the_pending_request_on_the_desk_until_the_plan_is_issued(
    ward_plan, school, principal, teacher, authority_officer
):
    # given
    services.cascade_plan(
        plan=ward_plan, actor=authority_officer, organisations=[school], due_on=DUE
    )
    # when / then: the head sees it, a teacher does not
    (pending,) = desk.my_tasks(principal, TODAY)["requests"]
    assert pending.request.parent_plan == ward_plan and pending.overdue is False
    assert desk.my_tasks(teacher, TODAY)["requests"] == []
    # and: past the due date it is overdue
    assert desk.my_tasks(principal, D(2026, 10, 1))["requests"][0].overdue is True
    # and: a linked draft is not an answer; an issued plan is
    mine = factories.import_seed(school, principal)
    services.set_parent_plans(plan=mine, actor=principal, parents=[ward_plan])
    assert len(desk.my_tasks(principal, TODAY)["requests"]) == 1
    services.issue_plan(
        plan=mine, actor=principal, issued_on=D(2026, 9, 10), signer=head_signer(school)
    )
    assert desk.my_tasks(principal, TODAY)["requests"] == []
