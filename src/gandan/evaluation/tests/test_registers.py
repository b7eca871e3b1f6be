"""A cycle's results register: page, print view and workbook hold the same rows; staff read it
once published (names, titles, levels), managers always (with units and decision days);
others get a 404."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from gandan.evaluation.services import cycles, results
from gandan.evaluation.tests.builders import decided_nd90_year
from gandan.orgs import services as org_services
from gandan.orgs.models import Role
from gandan.paperwork.tests.register_checks import assert_same_rows, date_cells, headings

D = dt.date
LEVELS = {key: "tot" for key in ("principal", "deputy", "teacher", "group_leader", "other_teacher")}


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _urls(cycle) -> tuple[str, str]:
    return (
        f"/danh-gia/ky/{cycle.public_id}/so/",
        f"/danh-gia/ky/{cycle.public_id}/ket-qua-xep-loai.xlsx",
    )


@pytest.fixture
def year(school, staff, unit_rules):
    cycle = decided_nd90_year(school, staff, LEVELS)
    results.notify_results(cycle=cycle, actor=staff["principal"], issued_on=D(2026, 6, 8))
    return results.publish_results(
        cycle=cycle, actor=staff["principal"], published_on=D(2026, 6, 9)
    )


@pytest.mark.parametrize("persona", ["principal", "other_teacher"])
def test_the_workbook_holds_the_rows_of_the_page(persona, request, year):
    page, xlsx = _urls(year)
    client = _client(request.getfixturevalue(persona))
    shown = client.get(page)
    printed = client.get(page, {"in": 1})
    workbook = client.get(xlsx)
    rows = assert_same_rows(shown.content, workbook.content)
    assert_same_rows(printed.content, workbook.content)
    assert len(rows) == 5
    assert "Lê Thị Hồng Nhung" in [row[1] for row in rows]
    assert all(
        row[-3 if persona == "principal" else -1] == "Hoàn thành tốt nhiệm vụ" for row in rows
    )
    if persona == "principal":
        columns = headings(workbook.content)
        assert columns[-1] == "Ngày quyết định"
        decided = date_cells(workbook.content, len(columns) - 1)
        assert decided and all(isinstance(c.value, dt.datetime) for c in decided)
    else:  # a teacher reads what the published results page shows, nothing else
        assert headings(workbook.content) == [
            "STT",
            "Họ và tên",
            "Chức vụ, chức danh",
            "Mức xếp loại",
        ]
        assert "Báo cáo năm học." not in shown.content.decode()


@pytest.mark.parametrize("persona", ["authority_officer", "other_school_principal", "outsider"])
def test_others_get_a_404(persona, request, authority_officer, year):
    # authority_officer comes first: the year's builders reuse that officer (ward_officer).
    client = _client(request.getfixturevalue(persona))
    for url in _urls(year):
        assert client.get(url).status_code == 404


def test_staff_wait_for_publication(school, staff, unit_rules):
    quarter = cycles.open_cycle(
        organisation=school, actor=staff["principal"], period_type="quarter", year=2026, number=1
    )
    for url in _urls(quarter):
        assert _client(staff["teacher"]).get(url).status_code == 404
        assert _client(staff["principal"]).get(url).status_code == 200


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("which", [0, 1])
def test_the_same_queries_for_five_people_or_nine(which, school, staff, unit_rules):
    principal = staff["principal"]
    client = _client(principal)
    first = cycles.open_cycle(
        organisation=school, actor=principal, period_type="quarter", year=2026, number=1
    )
    few = _queries(client, _urls(first)[which])
    for n in range(4):
        user = org_services.create_person(
            actor=None,
            username=f"gvthem{n}",
            full_name=f"Giáo viên Thêm {n}",
            password="mat-khau-thu-nghiem",
        )
        org_services.grant_role(
            actor=None, user=user, organisation=school, role=Role.STAFF, title="Giáo viên"
        )
    second = cycles.open_cycle(
        organisation=school, actor=principal, period_type="quarter", year=2026, number=2
    )
    assert second.evaluations.count() > first.evaluations.count()
    assert _queries(client, _urls(second)[which]) == few
