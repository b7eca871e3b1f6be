"""Emulation's list of campaigns takes the same number of queries for 2 campaigns or 8.

The page is asked once first (it may warm a cache), then counted; the last campaign built
must be on the page. A campaign's page with its registrations has its own count in
test_views.py.

Personas (src/gandan/conftest.py): the principal launches the campaigns; the teacher
reads them and registers a model in each.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.emulation.services import campaigns
from gandan.emulation.tests.conftest import register

pytestmark = pytest.mark.django_db


def _campaigns(school, principal, teacher, start: int, count: int) -> None:
    for n in range(start, start + count):
        campaign = campaigns.create_campaign(
            organisation=school,
            actor=principal,
            title=f"Phong trào thi đua Dân vận khéo đợt {n}",
            year_label="năm học 2025–2026",
            starts_on=dt.date(2025, 9, 5),
            ends_on=dt.date(2026, 5, 31),
        )
        register(campaign, teacher, title=f"Mô hình số {n}")


def _count(client: Client, url: str) -> tuple[int, str]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("persona", ["principal", "teacher"])
def test_the_campaign_list_takes_the_same_queries_for_2_or_8_campaigns(
    request, school, principal, teacher, persona
):
    client = Client()
    client.force_login(request.getfixturevalue(persona))
    _campaigns(school, principal, teacher, 0, 2)
    few, _ = _count(client, reverse("emulation:campaigns"))
    _campaigns(school, principal, teacher, 2, 6)
    many, html = _count(client, reverse("emulation:campaigns"))
    assert "Phong trào thi đua Dân vận khéo đợt 7" in html
    assert many == few
