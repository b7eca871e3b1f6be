"""The disclosure register: page, print view and workbook hold the same rows for each reader
(supervisors see what is not yet published, other staff only what is); others get a 404."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from gandan.democracy.models import Channel, DisclosureObligation
from gandan.democracy.services import disclosures
from gandan.paperwork.tests.register_checks import assert_same_rows, date_cells, headings

NOW = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)
PAGE = "/dan-chu/so-cong-khai/"
XLSX = "/dan-chu/so-cong-khai/so-theo-doi-cong-khai.xlsx"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def record(school, principal, count: int, *, publish: bool) -> None:
    obligation = DisclosureObligation.objects.get(code="noi-bo-noi-quy-quy-che")
    with time_machine.travel(NOW):
        for n in range(count):
            item = disclosures.record_disclosure(
                organisation=school,
                obligation=obligation,
                actor=principal,
                title=f"Quy chế số {n} năm 2026 {'đã' if publish else 'chưa'} công khai",
                body="Nội dung đã công khai để mọi người đọc.",
                decision_reference=f"{n + 10}/QĐ-THTT",
                decision_date=dt.date(2026, 11, 16),
            )
            if publish:
                disclosures.publish_disclosure(
                    item=item,
                    actor=principal,
                    published_on=dt.date(2026, 11, 18),
                    channels=[Channel.values[0]],
                )


@pytest.fixture
def items(school, principal):
    record(school, principal, 2, publish=True)
    record(school, principal, 1, publish=False)


@pytest.mark.parametrize(("persona", "count"), [("principal", 3), ("teacher", 2)])
def test_the_workbook_holds_the_rows_of_the_page(persona, count, request, items):
    client = _client(request.getfixturevalue(persona))
    with time_machine.travel(NOW):
        page = client.get(PAGE, {"nam": 2026})
        printed = client.get(PAGE, {"nam": 2026, "in": 1})
        workbook = client.get(XLSX, {"nam": 2026})
    rows = assert_same_rows(page.content, workbook.content)
    assert_same_rows(printed.content, workbook.content)
    assert len(rows) == count
    assert headings(workbook.content)[5:7] == ["Hạn công khai", "Ngày công khai"]
    assert all(isinstance(c.value, dt.datetime) for c in date_cells(workbook.content, 5))
    published = [row for row in rows if row[6] is not None]
    assert len(published) == 2
    assert all(row[8] == "Công khai đúng hạn" for row in published)
    assert all(isinstance(row[6], dt.datetime) for row in published)


@pytest.mark.parametrize("persona", ["outsider", "other_school_principal"])
@pytest.mark.parametrize("url", [PAGE, XLSX])
def test_others_get_a_404(persona, url, request, items, school):
    client = _client(request.getfixturevalue(persona))
    assert client.get(url, {"truong": school.slug}).status_code == 404


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries, time_machine.travel(NOW):
        assert client.get(url, {"nam": 2026}).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [PAGE, XLSX])
def test_the_same_queries_for_two_rows_or_eight(url, school, principal):
    client = _client(principal)
    record(school, principal, 2, publish=True)
    few = _queries(client, url)
    record(school, principal, 6, publish=False)
    assert _queries(client, url) == few
