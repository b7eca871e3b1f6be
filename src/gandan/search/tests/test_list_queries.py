"""The public search takes the same number of queries for 2 results or 25.

The page is asked once first (it may warm a cache), then counted; the last result built must
be on the page. The staff search has its count in test_pages.py.

Personas: none; the public search is for anyone.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gandan.democracy.models import Channel, DisclosureObligation
from gandan.democracy.services import disclosures

pytestmark = pytest.mark.django_db


def _published(school, principal, start: int, count: int) -> None:
    obligation = DisclosureObligation.objects.get(code="cong-khai-thu-chi-tai-chinh")
    for n in range(start, start + count):
        item = disclosures.record_disclosure(
            organisation=school,
            obligation=obligation,
            actor=principal,
            title=f"Công khai thu chi tài chính đợt {n}",
            body="Quỹ hỗ trợ học sinh: thu 12 triệu đồng, chi 10 triệu đồng.",
            decision_date=timezone.localdate() - dt.timedelta(days=3),
            year=timezone.localdate().year,
        )
        disclosures.publish_disclosure(
            item=item,
            actor=principal,
            published_on=timezone.localdate(),
            channels=[Channel.NOTICE_BOARD],
            proof_url="https://thanhto.edu.vn/cong-khai",
        )


def _count(client: Client) -> tuple[int, str]:
    url = reverse("search:public")
    client.get(url, {"q": "thu chi"})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"q": "thu chi"})
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_public_search_takes_the_same_queries_for_2_or_25_results(client, school, principal):
    _published(school, principal, 0, 2)
    few, _ = _count(client)
    _published(school, principal, 2, 23)
    many, html = _count(client)
    assert "25 kết quả" in html
    assert html.count('class="search-result"') == 20  # the first page
    assert many == few
