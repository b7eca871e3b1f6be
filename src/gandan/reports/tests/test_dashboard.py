"""The authority's dashboard and a unit's drill-down: figures, sorting, the export, access.

Personas (src/gandan/conftest.py): the ward officer and the Sở officer read both schools; the
principal, a teacher, an outsider and the other school's head read nothing here.
"""

import io
import re

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from gandan.orgs import services as org_services
from gandan.orgs.models import Organisation, OrgKind, Role
from gandan.reports import exports, rollup
from gandan.reports.indicators import INDICATORS
from gandan.reports.models import RefreshState, UnitMonth, UnitStatus
from gandan.reports.refresh import refresh_indicators
from gandan.reports.tests.indicators_data import (
    NOW,
    PERIOD,
    PERIOD_KEY,
    TODAY,
    more_schools,
    submit,
    three_cases,
)

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("reports:dashboard")


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def travel():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def data(travel, school, other_school, principal):
    cases = three_cases(school, principal)
    refresh_indicators(today=TODAY)
    return cases


def _row(html: str, name: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    for row in body.split("<tr>")[1:]:
        if name in row:
            return [
                re.sub(r"<[^>]+>", "", c).strip()
                for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
            ]
    raise AssertionError(f"{name} not in the table")


@pytest.mark.parametrize("persona", ["authority_officer", "department_officer"])
def test_an_officer_reads_every_school_with_its_figures(request, persona, data):
    # given: Thành Tô's four cases; Đằng Hải has none
    officer = request.getfixturevalue(persona)
    # when
    response = _client(officer).get(DASHBOARD, {"ky": PERIOD_KEY})
    # then: both schools, Thành Tô's figures in Vietnamese number formats
    assert response.status_code == 200
    html = response.content.decode()
    assert "Trường Tiểu học Thành Tô" in html and "Trường Tiểu học Đằng Hải" in html
    cells = dict(zip([str(i.code) for i in INDICATORS], _row(html, "Thành Tô")[1:], strict=True))
    assert cells["cases_received"] == "4"
    assert cells["cases_answered"] == "2"
    assert cells["cases_on_time"] == "50,0 %"
    assert cells["cases_open"] == "2"
    assert cells["cases_overdue"] == "1"
    assert cells["cases_contested"] == "1"
    assert cells["cases_rating"] == "3,50/5"
    assert cells["satisfaction_index"] == "62,5"
    assert "15/12/2025 – 14/06/2026" in html
    assert "ngày 20 tháng 5 năm 2026" in html  # the refresh date, in the official form


def test_the_table_sorts_on_any_column(authority_officer, data):
    client = _client(authority_officer)
    names = ["Trường Tiểu học Thành Tô", "Trường Tiểu học Đằng Hải"]

    def order(sort: str) -> list[str]:
        html = client.get(DASHBOARD, {"ky": PERIOD_KEY, "sort": sort}).content.decode()
        body = html.split("<tbody>", 1)[1]
        return sorted(names, key=body.index)

    # Vietnamese order: Đ comes after T? No: "Đ" sorts right after "D", before "T".
    assert order("ten") == ["Trường Tiểu học Đằng Hải", "Trường Tiểu học Thành Tô"]
    assert order("-ten") == ["Trường Tiểu học Thành Tô", "Trường Tiểu học Đằng Hải"]
    assert order("-cases_received")[0] == "Trường Tiểu học Thành Tô"
    # a unit without a value goes last whichever the direction
    assert order("cases_on_time")[-1] == "Trường Tiểu học Đằng Hải"
    assert order("-cases_on_time")[-1] == "Trường Tiểu học Đằng Hải"
    assert client.get(DASHBOARD, {"sort": "khong-co"}).status_code == 200


def test_the_league_table_ranks_units_that_answered(authority_officer, data, other_school):
    table = rollup.unit_table(authority_officer_ward(authority_officer), PERIOD)
    best, worst = rollup.league(table.rows)
    assert [r.unit.slug for r in best] == ["th-thanh-to"]
    assert worst == []


def authority_officer_ward(officer):
    from gandan.orgs.access import authorities_of

    return authorities_of(officer)[0]


def test_the_xlsx_holds_exactly_the_table_shown(authority_officer, data):
    client = _client(authority_officer)
    params = {"ky": PERIOD_KEY, "sort": "-cases_received"}
    # when
    response = client.get(reverse("reports:dashboard_xlsx"), params)
    # then: the workbook's rows are the page's rows, in the page's order
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    found = [
        ["" if v is None else v for v in row]
        for row in sheet.iter_rows(min_row=exports.HEADER_ROW, values_only=True)
    ]
    table = rollup.unit_table(
        authority_officer_ward(authority_officer), PERIOD, sort="-cases_received"
    )
    assert found == exports.table_rows(table)
    html = client.get(DASHBOARD, params).content.decode()
    page_rows = [_row(html, row.unit.name) for row in table.rows]
    assert [r[0] for r in found[1:-1]] == [r[0] for r in page_rows]
    for sheet_row, page_row in zip(found[1:-1], page_rows, strict=True):
        assert [str(v) if isinstance(v, str) else v for v in sheet_row[1:]] == [
            c.number if c.number is not None else c.text
            for c in next(r for r in table.rows if r.unit.name == sheet_row[0]).cells
        ]
        assert page_row[1:] == [
            c.text for c in next(r for r in table.rows if r.unit.name == sheet_row[0]).cells
        ]
    assert "6 tháng đầu năm 2026" in sheet["A2"].value


def test_the_unit_page_lists_cases_without_anything_personal(authority_officer, data):
    response = _client(authority_officer).get(
        reverse("reports:unit", args=["th-thanh-to"]), {"ky": PERIOD_KEY}
    )
    assert response.status_code == 200
    html = response.content.decode()
    for case in data.values():
        assert case.display_code not in html
        assert case.tracking_code not in html
    for secret in ("Trần Văn Phụ Huynh", "0987654321", "Mái tôn lớp 2A", "Hiệu trưởng Trường"):
        assert secret not in html
    assert "Khiếu nại" in html and "Quá hạn" in html
    assert "02/03/2026" in html  # received, in dd/mm/yyyy
    assert reverse("portal:school", args=["th-thanh-to"]) in html


def test_the_english_screen_still_works(authority_officer, data):
    client = _client(authority_officer)
    client.post(reverse("set_language"), {"language": "en", "next": DASHBOARD})
    assert client.get(DASHBOARD).status_code == 200
    assert client.get(reverse("reports:unit", args=["th-thanh-to"])).status_code == 200
    assert client.get(reverse("reports:method")).status_code == 200


# Authorization: who may open which page; a refusal changes nothing.


@pytest.fixture
def another_ward_officer(db, department):
    ward = org_services.create_organisation(
        actor=None,
        parent=None,
        slug="ubnd-le-chan",
        kind=OrgKind.COMMUNE_COMMITTEE,
        name="Ủy ban nhân dân phường Lê Chân",
        symbol="UBND",
    )
    org_services.create_organisation(
        actor=None,
        parent=ward,
        guided_by=department,
        slug="th-le-chan",
        kind=OrgKind.SCHOOL,
        name="Trường Tiểu học Lê Chân",
        symbol="THLC",
    )
    user = org_services.create_person(
        actor=None, username="canbolechan", full_name="Lý Thị Lan", password="mat-khau-thu-nghiem"
    )
    org_services.grant_role(
        actor=None, user=user, organisation=ward, role=Role.AUTHORITY_OFFICER, title="Chuyên viên"
    )
    return user


MATRIX = [
    # persona, dashboard, Thành Tô's page, Lê Chân's page
    ("authority_officer", 200, 200, 404),
    ("department_officer", 200, 200, 200),
    ("another_ward_officer", 200, 404, 200),
    ("principal", 404, 404, 404),
    ("teacher", 404, 404, 404),
    ("other_school_principal", 404, 404, 404),
    ("outsider", 404, 404, 404),
]


def _state():
    return (
        list(UnitMonth.objects.values_list("organisation_id", "month", "received_feedback")),
        list(UnitStatus.objects.values_list("organisation_id", "refreshed_at")),
        list(RefreshState.objects.values_list("last_sequence", "last_date")),
    )


@pytest.mark.parametrize(("persona", "board", "own", "other"), MATRIX)
def test_authorization_matrix(request, travel, school, persona, board, own, other):
    # given: the other ward and its school exist, everything refreshed; then one more case
    request.getfixturevalue("another_ward_officer")
    user = request.getfixturevalue(persona)
    client = _client(user)
    refresh_indicators(today=TODAY)
    submit(school)
    before = _state()
    # when / then
    assert client.get(DASHBOARD).status_code == board
    if board == 404:
        # a refused request refreshes nothing
        assert _state() == before
    assert client.get(reverse("reports:unit", args=["th-thanh-to"])).status_code == own
    assert client.get(reverse("reports:unit", args=["th-le-chan"])).status_code == other
    assert client.get(reverse("reports:dashboard_xlsx")).status_code == board
    if board == 404 and own == 404:
        assert _state() == before


def test_a_ward_officer_cannot_name_another_authority(authority_officer, department, data):
    client = _client(authority_officer)
    assert client.get(DASHBOARD, {"co-quan": department.slug}).status_code == 404
    assert client.get(reverse("reports:unit", args=["khong-co"])).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(data):
    response = Client().get(DASHBOARD)
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


# Query counts do not grow with the number of units shown.


def _queries(client, url, params) -> int:
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_units(
    authority_officer, travel, ward, department, school, other_school, principal
):
    client = _client(authority_officer)
    three_cases(school, principal)
    refresh_indicators(today=TODAY)
    params = {"ky": PERIOD_KEY}
    unit_url = reverse("reports:unit", args=["th-thanh-to"])
    few = (_queries(client, DASHBOARD, params), _queries(client, unit_url, params))
    # when: ten more schools, each with a case
    for extra in more_schools(ward, department, 10):
        submit(extra)
    refresh_indicators(today=TODAY)
    many = (_queries(client, DASHBOARD, params), _queries(client, unit_url, params))
    assert many == few


def test_the_xlsx_downloads_when_a_name_stored_earlier_holds_a_control_character(
    authority_officer, data, school
):
    # given: a name stored before the input check refused control characters
    Organisation.objects.filter(pk=school.pk).update(name="Trường Tiểu học\x0b Thành Tô")
    # when
    response = _client(authority_officer).get(reverse("reports:dashboard_xlsx"), {"ky": PERIOD_KEY})
    # then: the workbook opens, with the name minus the character
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    names = [row[0] for row in sheet.iter_rows(min_row=exports.HEADER_ROW + 1, values_only=True)]
    assert "Trường Tiểu học Thành Tô" in names
