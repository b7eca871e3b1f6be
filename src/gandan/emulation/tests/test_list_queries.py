"""Emulation's list pages take the same number of queries for 2 rows or 8.

Pages: the list of campaigns, and the school's public stories of recognised models. Each
page is asked once first (it may warm a cache), then counted; the last row built must be on
the page. A campaign's page with its registrations has its own count in test_views.py.

Personas (src/gandan/conftest.py): the principal launches the campaigns and recognises the
models; the teacher reads them and registers a model in each; the inspector (chair) and the
clerk (secretary) score them; anyone reads the public stories.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.emulation.models import Campaign
from gandan.emulation.services import campaigns, registrations, review
from gandan.emulation.tests.conftest import advance_to, full_card, register

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


def _stories(school, principal, teacher, inspector, clerk, start: int, count: int) -> None:
    """`count` campaigns, each with the teacher's model reviewed, recognised and published."""
    for n in range(start, start + count):
        campaign = campaigns.create_campaign(
            organisation=school,
            actor=principal,
            title=f"Phong trào thi đua Dân vận khéo đợt {n}",
            year_label="năm học 2025–2026",
            starts_on=dt.date(2025, 9, 5),
            ends_on=dt.date(2026, 5, 31),
        )
        campaigns.set_council(campaign=campaign, actor=principal, chair=inspector, secretary=clerk)
        registration = register(campaign, teacher, title=f"Mô hình số {n}")
        advance_to(campaign, principal, "implementation")
        registrations.add_update(registration=registration, author=teacher, text="Đã lập nhóm.")
        registrations.submit_registration(registration=registration, actor=teacher)
        campaign = advance_to(Campaign.objects.get(pk=campaign.pk), principal, "review")
        for member, each in ((inspector, 16), (clerk, 18)):
            review.score_registration(
                registration=registration, member=member, points=full_card(registration, each)
            )
        review.conclude_review(campaign=campaign, actor=inspector, issued_on=dt.date(2026, 11, 28))
        review.recognise_registration(
            registration=registration,
            actor=principal,
            level="school_merit",
            issued_on=dt.date(2026, 11, 28),
            story=f"Câu chuyện của mô hình số {n}.",
            publish=True,
        )


def test_the_public_stories_take_the_same_queries_for_2_or_8(
    school, principal, teacher, inspector, clerk
):
    client = Client()
    url = reverse("emulation:public", args=[school.slug])
    _stories(school, principal, teacher, inspector, clerk, 0, 2)
    few, _ = _count(client, url)
    _stories(school, principal, teacher, inspector, clerk, 2, 6)
    many, html = _count(client, url)
    assert "Mô hình số 7" in html
    assert "Câu chuyện của mô hình số 7." in html
    assert many == few
