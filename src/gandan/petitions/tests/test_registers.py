"""The sổ tiếp công dân and the sổ theo dõi đơn thư: page, print view and workbook hold the
same rows for each reader; a denouncer is named in neither, whoever reads; others get a 404."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.audit.models import AuditEvent
from gandan.paperwork.tests.register_checks import (
    assert_same_rows,
    date_cells,
    page_rows,
    sheet_rows,
)
from gandan.petitions import services
from gandan.petitions.models import Case, CaseKind
from gandan.petitions.tests.conftest import DENOUNCER, DENOUNCER_ADDRESS, RECEIVED, submit

YEAR = RECEIVED.year
RECEPTION = "/don-thu/so-tiep-cong-dan/so/"
RECEPTION_XLSX = "/don-thu/so-tiep-cong-dan/so-tiep-cong-dan.xlsx"
CASES = "/don-thu/so-theo-doi/"
CASES_XLSX = "/don-thu/so-theo-doi/so-theo-doi-don-thu.xlsx"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def visits(school, clerk, count: int) -> None:
    for n in range(count):
        services.record_reception(
            organisation=school,
            actor=clerk,
            received_on=RECEIVED + dt.timedelta(days=n),
            name=f"Nguyễn Văn Khách {n}",
            address="Phường Hải An",
            id_number=f"0310990000{n:02d}",
            content_summary=f"Hỏi về lịch học bán trú {n}",
            kind=CaseKind.FEEDBACK,
        )


@pytest.fixture
def denounced(school, clerk, principal, deputy, deadline_rules) -> Case:
    """A denunciation received in person and written in the register, resolved by the deputy."""
    _client(clerk).post(
        reverse("petitions:walk_in"),
        {
            "kind": "to_cao",
            "channel": "walk_in",
            "received_on": RECEIVED.isoformat(),
            "people_count": "1",
            "register": "on",
            "title": "Tố cáo thu tiền trái phép",
            "content": "Nội dung tố cáo.",
            "denounced_person": "Ông Lê Văn Dạy",
            "name": DENOUNCER,
            "address": DENOUNCER_ADDRESS,
            "consent": "on",
        },
    )
    case = Case.objects.get(kind=CaseKind.DENUNCIATION)
    case = services.accept_case(case=case, actor=principal, on=RECEIVED)
    return services.assign_case(case=case, actor=principal, handler=deputy, verifiers=[])


@pytest.mark.parametrize("persona", ["clerk", "principal", "deputy"])
def test_the_reception_register_never_names_a_denouncer(persona, request, school, denounced):
    visits(school, request.getfixturevalue("clerk"), 2)
    client = _client(request.getfixturevalue(persona))
    # when
    page = client.get(RECEPTION, {"nam": YEAR})
    printed = client.get(RECEPTION, {"nam": YEAR, "in": 1})
    workbook = client.get(RECEPTION_XLSX, {"nam": YEAR})
    # then: the same three lines everywhere, the visitors named, the denouncer never (not even
    # for the deputy who resolves the case: the register is printed and exported)
    rows = assert_same_rows(page.content, workbook.content)
    assert_same_rows(printed.content, workbook.content)
    assert [row[0] for row in rows] == [1, 2, 3]
    assert "Nguyễn Văn Khách 0" in page.content.decode()
    for body in (page.content.decode(), printed.content.decode(), str(rows)):
        assert DENOUNCER not in body and DENOUNCER_ADDRESS not in body
    assert denounced.pseudonym in str(rows) and "Giữ bí mật" in str(rows)
    assert all(isinstance(cell.value, dt.datetime) for cell in date_cells(workbook.content, 1))


@pytest.mark.parametrize("persona", ["teacher", "inspector", "outsider"])
@pytest.mark.parametrize("url", [RECEPTION, RECEPTION_XLSX])
def test_the_reception_register_is_refused_to_others(persona, url, request, school, clerk):
    visits(school, clerk, 1)
    client = _client(request.getfixturevalue(persona))
    before = AuditEvent.objects.count()
    assert client.get(url).status_code == 404
    assert AuditEvent.objects.count() == before


def test_another_school_reads_its_own_register_only(school, clerk, other_school_principal):
    visits(school, clerk, 1)
    page = _client(other_school_principal).get(RECEPTION, {"nam": YEAR})
    assert page_rows(page.content) == [] and "Nguyễn Văn Khách" not in page.content.decode()


def test_each_reading_of_the_reception_register_is_logged(school, clerk):
    visits(school, clerk, 1)
    client = _client(clerk)
    before = AuditEvent.objects.count()
    client.get(RECEPTION_XLSX, {"nam": YEAR})
    assert AuditEvent.objects.count() == before + 1


def _queries(client: Client, url: str, params: dict) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [RECEPTION, RECEPTION_XLSX])
def test_the_reception_register_takes_the_same_queries_for_two_or_eight(url, school, clerk):
    client = _client(clerk)
    visits(school, clerk, 2)
    few = _queries(client, url, {"nam": YEAR})
    visits(school, clerk, 6)
    assert _queries(client, url, {"nam": YEAR}) == few


@pytest.fixture
def cases(school, principal, deputy, deadline_rules) -> list[Case]:
    """Three feedbacks, the second resolved by the deputy."""
    made = [submit(school, title=f"Phản ánh số {n}") for n in range(3)]
    made[1] = services.accept_case(case=made[1], actor=principal, on=RECEIVED)
    made[1] = services.assign_case(case=made[1], actor=principal, handler=deputy, verifiers=[])
    return made


@pytest.mark.parametrize(("persona", "count"), [("principal", 3), ("inspector", 3), ("teacher", 0)])
def test_the_case_register_holds_the_cases_the_reader_may_list(persona, count, request, cases):
    client = _client(request.getfixturevalue(persona))
    page = client.get(CASES, {"nam": YEAR})
    workbook = client.get(CASES_XLSX, {"nam": YEAR})
    rows = assert_same_rows(page.content, workbook.content)
    assert len(rows) == count
    if count:
        assert {row[1] for row in rows} == {case.display_code for case in cases}
        assert all(isinstance(c.value, dt.datetime) for c in date_cells(workbook.content, 2))
        assert all(
            row[10] in ("Đúng hạn", "Quá hạn") or row[10].startswith("Đang giải quyết")
            for row in rows
        )
        # the register never says who sent a case
        assert "Trần Văn Phụ Huynh" not in page.content.decode() + str(rows)


def test_the_case_register_follows_the_filters(principal, cases):
    client = _client(principal)
    everything = sheet_rows(client.get(CASES_XLSX, {"nam": YEAR}).content)
    later = sheet_rows(client.get(CASES_XLSX, {"nam": YEAR + 1}).content)
    page = page_rows(
        client.get(CASES, {"nam": str(YEAR), "loai": str(CaseKind.COMPLAINT.value)}).content
    )
    assert len(everything) == 3 and later == [] and page == []


def test_an_open_case_counts_its_working_days_left(principal, cases):
    rows = sheet_rows(_client(principal).get(CASES_XLSX, {"nam": YEAR}).content)
    assert any("ngày làm việc" in row[10] or row[10] == "Quá hạn" for row in rows)


@pytest.mark.parametrize("url", [CASES, CASES_XLSX])
def test_the_case_register_is_refused_outside_the_school(url, outsider, cases):
    assert _client(outsider).get(url).status_code == 404


def test_another_school_lists_none_of_these_cases(other_school_principal, cases):
    client = _client(other_school_principal)
    assert sheet_rows(client.get(CASES_XLSX, {"nam": YEAR}).content) == []


@pytest.mark.parametrize("url", [CASES, CASES_XLSX])
def test_the_case_register_takes_the_same_queries_for_two_or_six(
    url, school, principal, deadline_rules
):
    client = _client(principal)
    for n in range(2):
        submit(school, title=f"Phản ánh {n}")
    few = _queries(client, url, {"nam": YEAR})
    for n in range(4):
        submit(school, title=f"Phản ánh thêm {n}")
    assert _queries(client, url, {"nam": YEAR}) == few
