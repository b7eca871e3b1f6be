"""The public front door's list of schools takes the same number of queries for 2 or 8.

The page is asked once first (it may warm a cache), then counted; the last school built must
be on the page.

Personas: none; the front door is public.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.orgs import services
from gandan.orgs.models import OrgKind

pytestmark = pytest.mark.django_db


def _count(client: Client, url: str) -> tuple[int, str]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_list_of_schools_takes_the_same_queries_for_2_or_8(
    client, ward, department, school, other_school
):
    few, _ = _count(client, reverse("portal:home"))
    for n in range(6):
        services.create_organisation(
            actor=None,
            parent=ward,
            guided_by=department,
            slug=f"th-dem-{n:02d}",
            kind=OrgKind.SCHOOL,
            name=f"Trường Tiểu học Đếm {n:02d}",
            symbol=f"THD{n:02d}",
            place_name="Hải An",
        )
    many, html = _count(client, reverse("portal:home"))
    assert "Trường Tiểu học Đếm 05" in html
    assert many == few
