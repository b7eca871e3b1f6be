"""A person's list of evaluations ("Đánh giá của tôi") takes the same number of queries for
one period or eight.

The page is asked once first (it may warm a cache), then counted; the last period opened must
be on the page. A cycle's page with its people and the results register have theirs in
test_views.py and test_registers.py.

Personas (evaluation/tests/conftest.py): the principal opens the periods and reads his own
list (with the school's cycles); the teacher reads his own.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.evaluation.models import Evaluation
from gandan.evaluation.services import cycles

pytestmark = pytest.mark.django_db


def _count(client: Client, url: str) -> tuple[int, str]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("persona", ["principal", "teacher"])
def test_my_evaluations_take_the_same_queries_for_1_or_8_periods(
    school, staff, unit_rules, persona
):
    principal = staff["principal"]
    client = Client()
    client.force_login(staff[persona])

    def quarters(periods: list[tuple[int, int]]) -> None:
        for year, number in periods:
            cycles.open_cycle(
                organisation=school,
                actor=principal,
                period_type="quarter",
                year=year,
                number=number,
            )

    quarters([(2026, 1)])
    few, _ = _count(client, reverse("evaluation:mine"))
    quarters([(2026, 2), (2026, 3), (2026, 4), (2027, 1), (2027, 2), (2027, 3), (2027, 4)])
    many, html = _count(client, reverse("evaluation:mine"))
    mine = Evaluation.objects.filter(person=staff[persona])
    assert mine.count() == 8
    assert all(str(evaluation.public_id) in html for evaluation in mine)
    assert many == few
