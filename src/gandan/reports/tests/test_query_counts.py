"""Every authority page takes the same number of queries for 2 schools as for 8.

The pages: the dashboard (the ward's and the Sở's), its .xlsx export, a unit's drill-down, the
indicators' method page, the report requests (list, new, detail), a received report and its
document, the register of incoming documents, and the authority API's list endpoints. Each
school below the ward has a head, a case, a report submitted for the ward's request and an
issued plan implementing the ward's; the pages are asked once first (a page may refresh the
indicators), then counted.

Personas (src/gandan/conftest.py): the ward officer and the Sở officer read the schools; the
schools' heads only write their data here.
"""

import datetime as dt
from collections.abc import Callable

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gandan.api.tests.conftest import bearer
from gandan.orgs import services as org_services
from gandan.orgs.models import Organisation, OrgKind, User
from gandan.plans.models import Plan, PlanStatus, PlanTask
from gandan.reports import services
from gandan.reports.models import ReportKind, ReportRequest, UnitReport
from gandan.reports.tests.indicators_data import head_of, seed_deadline_rules, submit

pytestmark = pytest.mark.django_db

D = dt.date
REQUESTED = D(2026, 6, 15)
DUE = D(2026, 6, 16)
PERIOD_KEY = "6-thang-2026"
API = ["/api/v1/authority/units", "/api/v1/authority/reports", "/api/v1/authority/plans"]


@pytest.fixture(autouse=True)
def _in_june():
    moment = timezone.make_aware(dt.datetime.combine(D(2026, 6, 17), dt.time(10)))
    with time_machine.travel(moment, tick=False):
        yield


@pytest.fixture
def ward_request(ward, school, other_school, authority_officer) -> ReportRequest:
    return services.request_report(
        authority=ward,
        actor=authority_officer,
        kind=ReportKind.SIX_MONTHS,
        year=2026,
        due_on=DUE,
        on=REQUESTED,
    )


@pytest.fixture
def ward_plan(ward) -> Plan:
    return Plan.objects.create(
        organisation=ward,
        title="Kế hoạch thực hiện Quy chế dân chủ năm 2026",
        number_symbol="12/KH-UBND",
        year=2026,
        status=PlanStatus.ISSUED,
        issued_on=D(2026, 1, 5),
    )


def _give_work(
    school: Organisation, head: User, ward_request: ReportRequest, ward_plan: Plan, n: int
) -> None:
    """What every school shows the authority: a case, a report, a plan (late every other)."""
    seed_deadline_rules()
    submit(school)
    report = UnitReport.objects.get(request=ward_request, organisation=school)
    services.draft_report(report=report, actor=head, on=REQUESTED)
    services.issue_report(report=report, actor=head, on=REQUESTED)
    services.submit_report(report=report, actor=head, on=DUE if n % 2 else D(2026, 6, 17))
    plan = Plan.objects.create(
        organisation=school,
        title="Kế hoạch thực hiện công tác dân vận chính quyền năm 2026",
        number_symbol=f"{n:02d}/KH-TH",
        year=2026,
        status=PlanStatus.ISSUED,
        issued_on=D(2026, 1, 10),
    )
    plan.parents.add(ward_plan)
    PlanTask.objects.create(plan=plan, order=1, number="1", heading="Tuyên truyền")


def _more_schools(ward, department, ward_request, ward_plan, start: int, count: int) -> None:
    for n in range(start, start + count):
        school = org_services.create_organisation(
            actor=None,
            parent=ward,
            guided_by=department,
            slug=f"th-dem-{n:02d}",
            kind=OrgKind.SCHOOL,
            name=f"Trường Tiểu học Đếm {n:02d}",
            symbol=f"THD{n:02d}",
            place_name="Hải An",
        )
        # A new school gets its report row as the request's own service gives it one.
        UnitReport.objects.create(request=ward_request, organisation=school)
        _give_work(school, head_of(school, f"htdem{n:02d}"), ward_request, ward_plan, n)


def _pages(ward_request: ReportRequest, school: Organisation) -> dict[str, str]:
    received = UnitReport.objects.get(request=ward_request, organisation=school)
    return {
        "dashboard": f"/bao-cao/?ky={PERIOD_KEY}",
        "dashboard sorted": f"/bao-cao/?ky={PERIOD_KEY}&sort=-cases_received",
        "export": f"/bao-cao/chi-so.xlsx?ky={PERIOD_KEY}",
        "unit": f"/bao-cao/don-vi/{school.slug}/?ky={PERIOD_KEY}",
        "method": "/bao-cao/chi-so/",
        "requests": "/bao-cao/yeu-cau/",
        "new request": "/bao-cao/yeu-cau/moi/",
        "request": f"/bao-cao/yeu-cau/{ward_request.public_id}/",
        "received": f"/bao-cao/da-nhan/{received.public_id}/",
        "received document": f"/bao-cao/da-nhan/{received.public_id}/van-ban.docx",
        "incoming": "/bao-cao/van-ban-den/",
    }


def _counts(get: Callable[[str], int], urls: dict[str, str]) -> dict[str, int]:
    for url in urls.values():  # a page may refresh what changed first
        get(url)
    found = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            assert get(url) == 200, name
        found[name] = len(queries)
    return found


def test_authority_pages_take_the_same_queries_for_2_and_8_schools(
    ward, department, school, other_school, principal, other_school_principal,
    authority_officer, department_officer, ward_request, ward_plan,
):  # fmt: skip
    ward_client, department_client, api_client = Client(), Client(), Client()
    ward_client.force_login(authority_officer)
    department_client.force_login(department_officer)
    token = bearer(authority_officer)
    pages = _pages(ward_request, school)

    def measure() -> dict[str, dict[str, int]]:
        return {
            "ward": _counts(lambda url: ward_client.get(url).status_code, pages),
            "Sở": _counts(
                lambda url: department_client.get(url).status_code,
                {"dashboard": pages["dashboard"], "unit": pages["unit"]},
            ),
            "API": _counts(
                lambda url: api_client.get(url, {"authority": ward.slug}, **token).status_code,
                {url: url for url in API},
            ),
        }

    # given: the two schools of the personas
    _give_work(school, principal, ward_request, ward_plan, 0)
    _give_work(other_school, other_school_principal, ward_request, ward_plan, 1)
    two = measure()
    # when: six more schools with the same work
    _more_schools(ward, department, ward_request, ward_plan, 2, 6)
    eight = measure()
    # then: the pages show the eight, with the same queries as for two
    html = ward_client.get(pages["dashboard"]).content.decode()
    assert html.count("Trường Tiểu học Đếm ") >= 6
    assert ward_client.get(pages["request"]).content.decode().count("Trường Tiểu học Đếm ") >= 6
    units = api_client.get(API[0], {"authority": ward.slug}, **token).json()
    assert units["count"] == 8
    assert eight == two
