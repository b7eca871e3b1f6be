"""The registers' home page (/so-van-ban-di/) takes the same number of queries for 2 schools
below the ward or 12, and for 2 documents in the register or 12.

The home sends an officer to the ward's own register, whose unit picker lists every school
below; the redirect is followed and both requests are counted. The page is asked once first
(it may warm a cache), then counted; the last school and the last document built must be on
the page. The register page's own count for a teacher is in test_register_page.py.

Personas (src/gandan/conftest.py): the authority officer of the ward reads its register and
those of the schools below.
"""

import dataclasses
import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from gandan.conftest import department, school, ward  # noqa: F401  (the tree with the Sở)
from gandan.orgs import services as org_services
from gandan.orgs.models import Organisation, OrgKind
from gandan.paperwork.samples import sample_letter
from gandan.paperwork.services import issue_document

pytestmark = pytest.mark.django_db

URL = "/so-van-ban-di/"
NOW = dt.datetime(2026, 10, 12, 7, tzinfo=dt.UTC)  # the register opens on this year, 2026


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def _count(client: Client, url: str) -> tuple[int, str]:
    client.get(url, follow=True)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/so-van-ban-di/ubnd-hai-an/", 302)]
    return len(queries), response.content.decode()


def _schools_and_letters(ward: Organisation, start: int, count: int) -> None:  # noqa: F811
    """`count` more schools below the ward, and `count` more letters in the ward's register."""
    for n in range(start, start + count):
        org_services.create_organisation(
            actor=None,
            parent=ward,
            slug=f"th-so-{n}",
            kind=OrgKind.SCHOOL,
            name=f"Trường Tiểu học Số {n}",
            symbol=f"THS{n}",
            place_name="Hải An",
        )
        spec = dataclasses.replace(
            sample_letter(),
            number_symbol="",
            date=None,
            summary=f"V/v tổng hợp báo cáo đợt {n}",
        )
        issue_document(organisation=ward, spec=spec, issued_on=dt.date(2026, 3, 2 + n))


def test_the_registers_home_takes_the_same_queries_for_2_or_12_schools_and_letters(
    ward,  # noqa: F811
    school,  # noqa: F811
    authority_officer,
):
    client = Client()
    client.force_login(authority_officer)
    _schools_and_letters(ward, 0, 2)
    few, _ = _count(client, URL)
    _schools_and_letters(ward, 2, 10)
    many, html = _count(client, URL)
    assert '<option value="th-so-11"' in html
    assert "V/v tổng hợp báo cáo đợt 11" in html
    assert many == few
