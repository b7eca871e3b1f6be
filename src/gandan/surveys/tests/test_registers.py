"""The survey's answer register: the same anonymised rows on the page, in print and in the
workbook; no identity, no order that follows the answering; refused while results are
withheld and to those who read the summary only."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from gandan.paperwork.tests.register_checks import assert_same_rows, headings, sheet, sheet_rows
from gandan.surveys import services
from gandan.surveys.models import Response
from gandan.surveys.tests.conftest import answer_map, identified_answer


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _urls(survey) -> tuple[str, str]:
    base = f"/khao-sat-y-kien/{survey.public_id}/"
    return f"{base}phieu/", f"{base}phieu-tra-loi.xlsx"


def answer(survey, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        services.submit_response(
            survey=survey,
            answers=answer_map(
                survey, likert=(5 - n % 5, 4, 3), grade=n % 3, text=f"Ý kiến {n}: gọi 0912345678"
            ),
        )


@pytest.mark.parametrize("persona", ["principal", "inspector"])
def test_the_workbook_holds_the_rows_of_the_page(persona, request, parent_survey):
    answer(parent_survey, 4)
    page, xlsx = _urls(parent_survey)
    client = _client(request.getfixturevalue(persona))
    shown = client.get(page)
    printed = client.get(page, {"in": 1})
    workbook = client.get(xlsx)
    rows = assert_same_rows(shown.content, workbook.content)
    assert_same_rows(printed.content, workbook.content)
    assert len(rows) == 4
    assert headings(workbook.content)[0] == "STT"
    # free text without the phone number
    assert "0912345678" not in shown.content.decode() + str(rows)
    assert any("[đã ẩn số điện thoại]" in str(row) for row in rows)


def test_no_identity_and_no_order_of_answering(principal, school, identified_survey):
    # given: an identified survey answered by three people, in this order
    for number, likert in ((1, (2, 2, 2)), (2, (5, 5, 5)), (3, (3, 3, 3))):
        identified_answer(identified_survey, number, answers=answer_map(identified_survey, likert))
    _page, xlsx = _urls(identified_survey)
    content = _client(principal).get(xlsx).content
    rows = sheet_rows(content)
    # then: the rows follow their content (first Likert answer), not the order of answering
    assert [row[1] for row in rows] == [2, 3, 5]
    # no identifier, hash, day, time or key anywhere in the workbook
    text = str([list(r) for r in sheet(content).iter_rows(values_only=True)])
    for response in Response.objects.filter(survey=identified_survey):
        assert str(response.pk) not in text and response.respondent_hash not in text
    assert "0912000001" not in text
    assert not any(isinstance(v, dt.date) for row in rows for v in row)


def test_withheld_results_have_no_register(principal, staff_survey):
    for url in _urls(staff_survey):  # an anonymous staff survey still running
        assert _client(principal).get(url).status_code == 404


@pytest.mark.parametrize("persona", ["teacher", "authority_officer", "outsider"])
def test_summary_readers_and_others_get_a_404(persona, request, principal, parent_survey):
    answer(parent_survey, 2)
    services.close_survey(survey=parent_survey, actor=principal)
    client = _client(request.getfixturevalue(persona))
    for url in _urls(parent_survey):
        assert client.get(url).status_code == 404


@pytest.mark.parametrize("which", [0, 1])
def test_the_same_queries_for_two_sheets_or_eight(which, principal, parent_survey):
    url = _urls(parent_survey)[which]
    client = _client(principal)
    answer(parent_survey, 2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    answer(parent_survey, 6, start=2)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)
