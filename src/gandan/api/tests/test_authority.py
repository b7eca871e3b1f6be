"""The level above's read-only endpoints: who may read them (an authorization matrix where a
refusal is a 404 and changes nothing), the same figures as the dashboard's table, bounded
pagination, constant query counts, and their place in the OpenAPI schema.

Personas (src/gandan/conftest.py): the ward's officer and the Sở's officer read the ward's two
schools; the principal, a teacher, an outsider and another ward's officer read nothing.
"""

import datetime as dt
import html
import json
import re

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gandan.audit.models import AuditEvent
from gandan.orgs import services as org_services
from gandan.orgs.models import OrgKind
from gandan.plans.models import Assignment, ImplementationRequest, Plan, PlanStatus, PlanTask
from gandan.reports import rollup
from gandan.reports import services as report_services
from gandan.reports.indicators import INDICATORS, Period
from gandan.reports.models import (
    IncomingDocument,
    RefreshState,
    ReportKind,
    UnitMonth,
    UnitReport,
    UnitStatus,
)
from gandan.reports.refresh import refresh_indicators
from gandan.reports.tests.indicators_data import head_of, three_cases

from .conftest import bearer

pytestmark = pytest.mark.django_db

D = dt.date
TODAY = D(2026, 6, 17)
PERIOD_KEY = "6-thang-2026"
UNITS, REPORTS, PLANS = (
    "/api/v1/authority/units",
    "/api/v1/authority/reports",
    "/api/v1/authority/plans",
)
ENDPOINTS = [UNITS, REPORTS, PLANS]


@pytest.fixture(autouse=True)
def _in_june():
    moment = timezone.make_aware(dt.datetime.combine(TODAY, dt.time(10)))
    with time_machine.travel(moment, tick=False):
        yield


def _submit(request, school, head, on: dt.date) -> UnitReport:
    report = UnitReport.objects.get(request=request, organisation=school)
    report_services.draft_report(report=report, actor=head, on=D(2026, 6, 15))
    report_services.issue_report(report=report, actor=head, on=D(2026, 6, 15))
    return report_services.submit_report(report=report, actor=head, on=on)


@pytest.fixture
def world(ward, school, other_school, principal, other_school_principal, authority_officer):
    """Thành Tô's four cases; the ward's 6-month request, Thành Tô on time, Đằng Hải late;
    Thành Tô's plan implementing the ward's."""
    three_cases(school, principal)
    ward_request = report_services.request_report(
        authority=ward,
        actor=authority_officer,
        kind=ReportKind.SIX_MONTHS,
        year=2026,
        due_on=D(2026, 6, 16),
        on=D(2026, 6, 15),
    )
    _submit(ward_request, school, principal, D(2026, 6, 16))
    _submit(ward_request, other_school, other_school_principal, D(2026, 6, 17))
    parent = Plan.objects.create(
        organisation=ward,
        title="Kế hoạch thực hiện Quy chế dân chủ năm 2026",
        number_symbol="12/KH-UBND",
        year=2026,
        status=PlanStatus.ISSUED,
        issued_on=D(2026, 1, 5),
    )
    plan = Plan.objects.create(
        organisation=school,
        title="Kế hoạch thực hiện công tác dân vận chính quyền năm 2026",
        number_symbol="03/KH-THTT",
        year=2026,
        status=PlanStatus.ISSUED,
        issued_on=D(2026, 1, 10),
    )
    plan.parents.add(parent)
    PlanTask.objects.create(plan=plan, order=1, number="1", heading="Tuyên truyền")
    Plan.objects.create(organisation=other_school, title="Dự thảo", year=2026)  # not issued
    # The ward's plan was sent to both schools, due 15/1: Thành Tô issued on time, Đằng Hải not.
    for unit in (school, other_school):
        ImplementationRequest.objects.create(
            parent_plan=parent, organisation=unit, due_on=D(2026, 1, 15)
        )
    refresh_indicators(today=TODAY)
    return {"request": ward_request, "plan": plan, "parent": parent}


def _get(user, url: str, **params):
    client = Client()
    return client.get(url, params, **(bearer(user) if user is not None else {}))


def snapshot() -> dict:
    """Everything a refused request could have changed (tokens' "last used" aside)."""
    return {
        "months": list(UnitMonth.objects.order_by("pk").values()),
        "statuses": list(UnitStatus.objects.order_by("pk").values()),
        "refresh": list(RefreshState.objects.order_by("pk").values()),
        "reports": list(UnitReport.objects.order_by("pk").values()),
        "incoming": IncomingDocument.objects.count(),
        "plans": list(Plan.objects.order_by("pk").values()),
        "requests": list(ImplementationRequest.objects.order_by("pk").values()),
        "audit": AuditEvent.objects.count(),
    }


REFUSED = [
    "principal",
    "teacher",
    "clerk",
    "outsider",
    "other_school_principal",
    "other_ward_officer",
]


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("persona", REFUSED)
def test_the_ward_endpoints_are_refused_to_others_and_nothing_changes(request, world, url, persona):
    # given: someone who is no officer of the ward, holding a token
    headers = bearer(request.getfixturevalue(persona))
    before = snapshot()
    # when
    response = Client().get(url, {"authority": "ubnd-hai-an"}, **headers)
    # then: 404 as for a ward that does not exist, and nothing changed
    assert response.status_code == 404
    assert response.json() == {"message": "Không tìm thấy."}
    assert snapshot() == before


@pytest.mark.parametrize("url", ENDPOINTS)
def test_the_sở_officer_cannot_read_as_the_ward(world, department_officer, url):
    headers = bearer(department_officer)
    before = snapshot()
    response = Client().get(url, {"authority": "ubnd-hai-an"}, **headers)
    assert response.status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("url", ENDPOINTS)
def test_no_credentials_is_a_401(world, url):
    before = snapshot()
    response = _get(None, url, authority="ubnd-hai-an")
    assert response.status_code == 401
    assert snapshot() == before


@pytest.mark.parametrize("url", ENDPOINTS)
def test_another_ward_reads_its_own_and_none_of_these_schools(world, other_ward_officer, url):
    response = _get(other_ward_officer, url, authority="ubnd-le-chan")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 0 and body["items"] == []
    assert "Thành Tô" not in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "slug"), [("authority_officer", "ubnd-hai-an"), ("department_officer", "so-gd")]
)
def test_officers_read_both_schools(request, world, persona, slug):
    officer = request.getfixturevalue(persona)
    units = _get(officer, UNITS, authority=slug, period=PERIOD_KEY).json()
    assert {row["unit"]["name"] for row in units["items"]} == {
        "Trường Tiểu học Thành Tô",
        "Trường Tiểu học Đằng Hải",
    }
    assert units["count"] == 2


def _dashboard_row(page: str, name: str) -> list[str]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    for row in body.split("<tr>")[1:]:
        if name in row:
            return [
                html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
                for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
            ]
    raise AssertionError(f"{name} not in the table")


def test_the_figures_are_the_dashboards(world, ward, authority_officer):
    # given: the dashboard of the same period
    client = Client()
    client.force_login(authority_officer)
    page = client.get(reverse("reports:dashboard"), {"ky": PERIOD_KEY}).content.decode()
    # when
    body = _get(authority_officer, UNITS, authority="ubnd-hai-an", period=PERIOD_KEY).json()
    # then: the same period, indicators, rows and cells as the table
    assert body["period"]["key"] == PERIOD_KEY
    assert body["period"]["starts_on"] == "2025-12-15" and body["period"]["ends_on"] == "2026-06-14"
    assert [i["code"] for i in body["indicators"]] == [i.code for i in INDICATORS]
    table = rollup.unit_table(ward, Period.parse(PERIOD_KEY))  # type: ignore[arg-type]
    assert [row["unit"]["slug"] for row in body["items"]] == [row.unit.slug for row in table.rows]
    for row, line in zip(body["items"], table.rows, strict=True):
        assert [v["text"] for v in row["values"]] == [cell.text for cell in line.cells]
        assert [v["number"] for v in row["values"]] == [cell.number for cell in line.cells]
        shown = _dashboard_row(page, line.unit.name)[1:]
        assert [v["text"] for v in row["values"]] == shown
    assert [v["text"] for v in body["total"]] == [cell.text for cell in table.total]
    values = {
        v["code"]: v
        for v in body["items"][[r["unit"]["slug"] for r in body["items"]].index("th-thanh-to")][
            "values"
        ]
    }
    assert values["cases_received"]["number"] == 4


def test_the_incoming_reports(world, authority_officer, department_officer):
    body = _get(authority_officer, REPORTS, authority="ubnd-hai-an").json()
    assert body["count"] == 2
    by_school = {item["school"]["slug"]: item for item in body["items"]}
    on_time, late = by_school["th-thanh-to"], by_school["th-dang-hai"]
    assert on_time["received_on"] == "2026-06-16" and on_time["late"] is False
    assert late["received_on"] == "2026-06-17" and late["late"] is True
    assert on_time["request"]["id"] == str(world["request"].public_id)
    assert on_time["request"]["due_on"] == "2026-06-16"
    assert on_time["number_symbol"] and on_time["issued_on"] == "2026-06-15"
    assert on_time["status"] == "submitted" and on_time["status_label"] == "Đã gửi"
    # the Sở made no request: its register is empty
    assert _get(department_officer, REPORTS, authority="so-gd").json()["count"] == 0


def test_the_wards_plan_and_its_units(world, principal, authority_officer):
    # given: one task of Thành Tô's plan done on time, one overdue
    task = world["plan"].tasks.get()
    head = principal
    Assignment.objects.create(task=task, assignee=head, due_date=D(2026, 6, 1), percent=40)
    done = Assignment.objects.create(
        task=task, assignee=head, due_date=D(2026, 6, 30), status="done", percent=100
    )
    done.updates.create(author=head, status="done", percent=100, text="Đã xong.")
    # when
    body = _get(authority_officer, PLANS, authority="ubnd-hai-an").json()
    # then: the ward's own issued plan, one row per school it was sent to
    assert body["count"] == 1
    (item,) = body["items"]
    assert item["plan"]["number_symbol"] == "12/KH-UBND"
    assert item["plan"]["organisation"]["slug"] == "ubnd-hai-an"
    by_school = {unit["unit"]["slug"]: unit for unit in item["units"]}
    assert [unit["unit"]["slug"] for unit in item["units"]] == ["th-dang-hai", "th-thanh-to"]
    on_time, missing = by_school["th-thanh-to"], by_school["th-dang-hai"]
    assert on_time["due_on"] == "2026-01-15"
    assert on_time["plan"]["number_symbol"] == "03/KH-THTT"
    assert on_time["plan"]["issued_on"] == "2026-01-10"
    assert (on_time["status"], on_time["status_label"]) == ("on_time", "Ban hành đúng hạn")
    assert on_time["progress"] == {
        "assignments": 2,
        "done_on_time": 1,
        "done_late": 0,
        "overdue": 1,
        "open": 0,
        "mean_percent": 70,
    }
    assert missing["plan"] is None
    assert (missing["status"], missing["status_label"]) == ("overdue", "Quá hạn, chưa ban hành")
    assert missing["progress"]["assignments"] == 0
    assert _get(authority_officer, PLANS, authority="ubnd-hai-an", year=2025).json()["count"] == 0


def test_the_sở_lists_its_own_plans_not_the_wards(world, department_officer, department):
    # given: nothing issued by the Sở
    assert _get(department_officer, PLANS, authority="so-gd").json()["count"] == 0
    # when: the Sở issues a plan and sends it to Thành Tô only
    sở_plan = Plan.objects.create(
        organisation=department,
        title="Kế hoạch của Sở",
        number_symbol="81/KH-SGDĐT",
        year=2026,
        status=PlanStatus.ISSUED,
        issued_on=D(2026, 2, 1),
    )
    ImplementationRequest.objects.create(
        parent_plan=sở_plan, organisation=world["plan"].organisation, due_on=D(2026, 7, 1)
    )
    body = _get(department_officer, PLANS, authority="so-gd").json()
    # then
    assert [item["plan"]["number_symbol"] for item in body["items"]] == ["81/KH-SGDĐT"]
    (unit,) = body["items"][0]["units"]
    assert (unit["unit"]["slug"], unit["status"], unit["plan"]) == ("th-thanh-to", "not_yet", None)


def test_no_personal_data(world, authority_officer):
    # Names of the heads, the senders and the person denounced never appear.
    for url in ENDPOINTS:
        text = _get(authority_officer, url, authority="ubnd-hai-an").content.decode()
        for name in [
            "Nguyễn Thị Thu Hà",
            "Hiệu trưởng Trường Tiểu học Thành Tô",
            "Nguyễn Quang Huy",
        ]:
            assert name not in text


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 501}, "limit"),
        ({"limit": 0}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": 10**30}, "offset"),
        ({"offset": "nhiều"}, "offset"),
    ],
)
def test_pagination_is_bounded(world, authority_officer, url, params, field):
    response = _get(authority_officer, url, authority="ubnd-hai-an", **params)
    assert response.status_code == 422
    assert field in response.json()["errors"]


def test_a_missing_authority_or_a_bad_period_is_a_422(world, authority_officer):
    assert _get(authority_officer, UNITS).status_code == 422
    response = _get(authority_officer, UNITS, authority="ubnd-hai-an", period="quy-2026")
    assert response.status_code == 422 and "period" in response.json()["errors"]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_pages_and_a_far_offset(world, authority_officer, url):
    first = _get(authority_officer, url, authority="ubnd-hai-an", limit=1).json()
    assert first["limit"] == 1 and len(first["items"]) == min(1, first["count"])
    far = _get(authority_officer, url, authority="ubnd-hai-an", offset=1_000_000_000).json()
    assert far["items"] == [] and far["count"] == first["count"]


def _grow(ward, department, ward_request, count: int, start: int) -> None:
    for index in range(start, start + count):
        unit = org_services.create_organisation(
            actor=None,
            parent=ward,
            guided_by=department,
            slug=f"th-api-{index}",
            kind=OrgKind.SCHOOL,
            name=f"Trường Tiểu học API {index}",
            symbol=f"TA{index}",
            place_name="Hải An",
        )
        head = head_of(unit, f"htapi{index}")
        UnitReport.objects.create(request=ward_request, organisation=unit)
        _submit(ward_request, unit, head, D(2026, 6, 16))
        plan = Plan.objects.create(
            organisation=unit,
            title="Kế hoạch",
            year=2026,
            status=PlanStatus.ISSUED,
            issued_on=D(2026, 1, 12),
        )
        parent = Plan.objects.get(number_symbol="12/KH-UBND")
        plan.parents.add(parent)
        ImplementationRequest.objects.create(
            parent_plan=parent, organisation=unit, due_on=D(2026, 1, 15)
        )
        task = PlanTask.objects.create(plan=plan, order=1, number="1", heading="Tuyên truyền")
        Assignment.objects.create(task=task, assignee=head, due_date=D(2026, 6, 1))


def test_queries_do_not_grow_with_the_number_of_units(world, ward, department, authority_officer):
    headers = bearer(authority_officer)
    client = Client()

    def counts() -> dict[str, int]:
        for url in ENDPOINTS:  # refresh what changed first
            client.get(url, {"authority": "ubnd-hai-an"}, **headers)
        found = {}
        for url in ENDPOINTS:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url, {"authority": "ubnd-hai-an"}, **headers).status_code == 200
            found[url] = len(queries)
        return found

    _grow(ward, department, world["request"], 2, 0)
    small = counts()
    _grow(ward, department, world["request"], 5, 2)
    assert counts() == small


def test_the_endpoints_are_in_the_openapi_schema():
    schema = json.loads(Client().get("/api/v1/openapi.json").content)
    for url in ["/api/v1/authority/units", "/api/v1/authority/reports", "/api/v1/authority/plans"]:
        operation = schema["paths"][url]["get"]
        assert operation["summary"] and operation["description"]
        names = {parameter["name"] for parameter in operation["parameters"]}
        assert {"authority", "limit", "offset"} <= names
        limit = next(p for p in operation["parameters"] if p["name"] == "limit")
        assert limit["schema"]["maximum"] == 500
        assert "description" in limit["schema"] or "description" in limit
        assert set(operation["responses"]) >= {"200", "401", "404", "422"}
