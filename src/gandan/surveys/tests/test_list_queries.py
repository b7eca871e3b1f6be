"""The surveys' list pages take the same number of queries whatever the number of rows.

Pages: a survey's results (3 answer sheets or 60), the school's public list of open surveys,
and the school's satisfaction index over its surveys. Each page is asked once first (a page
may warm a cache), then counted; what was built last must be on the page. The survey list
and the answer register have theirs in test_staff_pages.py and test_registers.py.

Personas (src/gandan/conftest.py): the principal reads the results and the index; parents
answer anonymously; anyone reads the public list.
"""

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.orgs.models import User
from gandan.surveys import services
from gandan.surveys.tests.conftest import answer_map, build_survey

pytestmark = pytest.mark.django_db


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _count(client: Client, url: str) -> tuple[int, Any]:  # the test client's response
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def _answer(survey, start: int, count: int) -> None:
    for n in range(start, start + count):
        services.submit_response(
            survey=survey,
            answers=answer_map(survey, likert=(5 - n % 5, 4, 3), grade=n % 3, text=f"Ý kiến {n}"),
        )


def test_a_surveys_results_take_the_same_queries_for_3_or_60_sheets(
    school, principal, parent_survey
):
    client = _client(principal)
    url = reverse("surveys:results", args=[parent_survey.public_id])
    _answer(parent_survey, 0, 3)
    few, _ = _count(client, url)
    _answer(parent_survey, 3, 57)
    many, response = _count(client, url)
    grade = next(r for r in response.context["results"] if r.question.kind == "single")
    assert sum(row.count for row in grade.rows) == 60
    assert "Ý kiến 0" in response.content.decode()
    assert many == few


def _surveys(school, principal: User, start: int, count: int) -> list:
    return [
        build_survey(school, principal, title=f"Khảo sát ý kiến cha mẹ học sinh đợt {n}")
        for n in range(start, start + count)
    ]


def test_the_public_list_takes_the_same_queries_for_1_or_6_surveys(school, principal):
    client = _client(None)
    url = reverse("surveys:school", args=[school.slug])
    _surveys(school, principal, 0, 1)
    few, _ = _count(client, url)
    _surveys(school, principal, 1, 5)
    many, response = _count(client, url)
    assert "Khảo sát ý kiến cha mẹ học sinh đợt 5" in response.content.decode()
    assert many == few


def test_the_satisfaction_index_takes_the_same_queries_for_1_or_5_surveys(school, principal):
    client = _client(principal)
    url = reverse("surveys:index")

    def answered(start: int, count: int) -> None:
        for survey in _surveys(school, principal, start, count):
            _answer(survey, 0, 3)
            services.close_survey(survey=survey, actor=principal)

    answered(0, 1)
    few, _ = _count(client, url)
    answered(1, 4)
    many, response = _count(client, url)
    assert "n = 15" in response.content.decode()  # five surveys of three sheets each
    assert many == few
