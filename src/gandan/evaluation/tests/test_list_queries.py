"""Evaluation's list pages take the same number of queries whatever the number of rows.

Pages: a person's list of evaluations ("Đánh giá của tôi", one period or eight), the managing
body's page of the heads it rates (1 period or 8, in two schools), a cycle's published results
(5 people or 15) and the counts per cycle (1 cycle or 8). Each page is asked once first (it may
warm a cache), then counted; the last row built must be on the page. A cycle's page with its
people and the results register have theirs in test_views.py and test_registers.py.

Personas (evaluation/tests/conftest.py): the principal opens the periods and reads his own
list (with the school's cycles), the results and the counts; the teacher reads his own list
and the published results; the ward's officer (authority_officer) rates the heads of the
schools below and reads the counts.
"""

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.conftest import _person
from gandan.evaluation.models import Evaluation, UnitRules
from gandan.evaluation.services import cycles, results
from gandan.evaluation.tests.builders import decided_nd90_year, evaluation_of
from gandan.orgs.models import Role

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


def _quarters(organisation, head, periods: list[tuple[int, int]]) -> None:
    for year, number in periods:
        cycles.open_cycle(
            organisation=organisation, actor=head, period_type="quarter", year=year, number=number
        )


LATER = [(2026, 2), (2026, 3), (2026, 4), (2027, 1), (2027, 2), (2027, 3), (2027, 4)]


def test_the_managing_bodys_page_takes_the_same_queries_for_1_or_8_periods(
    school, other_school, staff, unit_rules, authority_officer, other_school_principal
):
    # given: the other school under the same quy chế; each quarter of both schools brings
    # their head's evaluation to the ward
    theirs_rules = UnitRules.objects.get(pk=unit_rules.pk)
    theirs_rules.pk, theirs_rules.organisation = None, other_school
    theirs_rules.save()
    client = Client()
    client.force_login(authority_officer)
    heads = [(school, staff["principal"]), (other_school, other_school_principal)]
    for organisation, head in heads:
        _quarters(organisation, head, [(2026, 1)])
    few, _ = _count(client, reverse("evaluation:managed"))
    for organisation, head in heads:
        _quarters(organisation, head, LATER)
    many, html = _count(client, reverse("evaluation:managed"))
    theirs = Evaluation.objects.filter(person__in=[head for _, head in heads])
    assert theirs.count() == 16
    assert all(str(evaluation.public_id) in html for evaluation in theirs)
    assert many == few


@pytest.mark.parametrize("persona", ["principal", "teacher"])
def test_the_published_results_take_the_same_queries_for_5_or_15_people(
    school, staff, unit_rules, persona
):
    # given: the 2025–2026 year decided for the five, notified and published
    levels = dict.fromkeys(staff, "tot")
    year = decided_nd90_year(school, staff, levels)
    results.notify_results(cycle=year, actor=staff["principal"], issued_on=dt.date(2026, 6, 8))
    year = results.publish_results(
        cycle=year, actor=staff["principal"], published_on=dt.date(2026, 6, 9)
    )
    client = Client()
    client.force_login(staff[persona])
    url = reverse("evaluation:results", args=[year.public_id])
    few, _ = _count(client, url)
    # when: ten more people in the same published year, saved in bulk as decided
    model = evaluation_of(year, staff["teacher"])
    more = []
    for n in range(10):
        person = _person(f"gvkq{n}", f"Giáo Viên Kết Quả {n}", (school, Role.STAFF, "Giáo viên"))
        row = Evaluation.objects.get(pk=model.pk)
        row.pk, row.public_id, row.person = None, uuid.uuid4(), person
        more.append(row)
    Evaluation.objects.bulk_create(more)
    many, html = _count(client, url)
    # then
    assert year.evaluations.count() == 15
    assert "Giáo Viên Kết Quả 9" in html
    assert many == few


@pytest.mark.parametrize("persona", ["principal", "authority_officer"])
def test_the_counts_take_the_same_queries_for_1_or_8_cycles(
    request, school, staff, unit_rules, persona
):
    client = Client()
    client.force_login(request.getfixturevalue(persona))
    url = reverse("evaluation:counts") + f"?truong={school.slug}"
    _quarters(school, staff["principal"], [(2026, 1)])
    few, _ = _count(client, url)
    _quarters(school, staff["principal"], LATER)
    many, html = _count(client, url)
    last = school.evaluation_cycles.order_by("-starts_on").first()
    assert last is not None and last.label in html
    assert many == few
