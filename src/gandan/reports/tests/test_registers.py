"""The authority's incoming-document register (sổ văn bản đến): the page, the print view and
the workbook hold the same rows, for the officers of that authority only."""

import dataclasses
import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from gandan.audit.models import AuditEvent
from gandan.orgs.models import Organisation
from gandan.paperwork.samples import sample_plan
from gandan.paperwork.services import issue_document
from gandan.paperwork.tests.register_checks import assert_same_rows, date_cells, headings
from gandan.reports.models import IncomingDocument

YEAR = 2026
PAGE = "/bao-cao/van-ban-den/"
XLSX = "/bao-cao/van-ban-den/so-van-ban-den.xlsx"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def receive(authority: Organisation, sender: Organisation, count: int) -> None:
    """`count` plans of `sender` registered as arrived at `authority` in YEAR."""
    start = IncomingDocument.objects.filter(authority=authority).count()
    for n in range(start + 1, start + count + 1):
        day = dt.date(YEAR, 1, 1) + dt.timedelta(days=n)
        spec = dataclasses.replace(sample_plan(), number_symbol="", date=None)
        document = issue_document(organisation=sender, spec=spec, issued_on=day)
        IncomingDocument.objects.create(
            authority=authority,
            year=YEAR,
            arrival_number=n,
            received_on=day + dt.timedelta(days=1),
            sender=sender,
            number_symbol=document.number_symbol,
            issued_on=day,
            doc_type=document.doc_type,
            summary=document.summary,
            document=document,
        )


@pytest.fixture
def registers(ward, department, school, other_school):
    receive(ward, school, 3)
    receive(department, other_school, 1)


@pytest.mark.parametrize(
    ("persona", "count"), [("authority_officer", 3), ("department_officer", 1)]
)
def test_the_workbook_holds_the_rows_of_the_page(persona, count, request, registers):
    client = _client(request.getfixturevalue(persona))
    page = client.get(PAGE, {"nam": YEAR})
    printed = client.get(PAGE, {"nam": YEAR, "in": 1})
    workbook = client.get(XLSX, {"nam": YEAR})
    assert workbook["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = assert_same_rows(page.content, workbook.content)
    assert_same_rows(printed.content, workbook.content)
    assert [row[0] for row in rows] == list(range(1, count + 1))
    assert headings(workbook.content)[:3] == ["Số đến", "Ngày đến", "Nơi gửi"]
    assert all(isinstance(c.value, dt.datetime) for c in date_cells(workbook.content, 1))
    assert all(c.number_format == "DD/MM/YYYY" for c in date_cells(workbook.content, 1))


def test_the_print_view_has_the_official_header_and_no_buttons_in_print(
    authority_officer, registers
):
    body = _client(authority_officer).get(PAGE, {"nam": YEAR, "in": 1}).content.decode()
    assert 'class="register-head"' in body and "Sổ đăng ký văn bản đến năm 2026" in body
    assert 'media="all"' in body and "register-print.css" in body
    assert '<tr class="register-numbers"' in body and "<th>(1)</th>" in body


@pytest.mark.parametrize("persona", ["principal", "teacher", "clerk", "outsider"])
@pytest.mark.parametrize("url", [PAGE, XLSX])
def test_those_who_are_no_officers_get_a_404(persona, url, request, registers):
    client = _client(request.getfixturevalue(persona))
    before = AuditEvent.objects.count()
    response = client.get(url)
    assert response.status_code == 404
    assert AuditEvent.objects.count() == before


def test_another_authority_is_refused(department_officer, registers, ward):
    response = _client(department_officer).get(XLSX, {"co-quan": ward.slug})
    assert response.status_code == 404


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, {"nam": YEAR}).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [PAGE, XLSX])
def test_the_same_queries_for_two_rows_or_twelve(url, authority_officer, ward, school):
    client = _client(authority_officer)
    receive(ward, school, 2)
    few = _queries(client, url)
    receive(ward, school, 10)
    assert _queries(client, url) == few
