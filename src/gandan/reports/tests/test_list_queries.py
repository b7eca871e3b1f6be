"""The school's list of reports asked by its authorities takes the same number of queries for
2 requests or 8.

The page is asked once first (it may warm a cache), then counted; the last request built
must be on the page. The authority's pages (dashboards, requests, received reports, the
register) have theirs in test_query_counts.py, test_requests_access.py and test_registers.py.

Personas (src/gandan/conftest.py): the ward officer asks for the reports; the principal of
Thành Tô drafts them.
"""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gandan.reports import services
from gandan.reports.models import ReportKind, UnitReport

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_june():
    moment = timezone.make_aware(dt.datetime(2026, 6, 17, 10))
    with time_machine.travel(moment, tick=False):
        yield


def _requests(ward, authority_officer, years: range) -> None:
    for year in years:
        services.request_report(
            authority=ward,
            actor=authority_officer,
            kind=ReportKind.SIX_MONTHS,
            year=year,
            due_on=dt.date(year, 6, 30),
            on=dt.date(2026, 6, 15),
        )


def _count(client: Client, url: str) -> tuple[int, str]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_schools_reports_take_the_same_queries_for_2_or_8_requests(
    ward, school, other_school, principal, authority_officer
):
    client = Client()
    client.force_login(principal)
    _requests(ward, authority_officer, range(2026, 2028))
    few, _ = _count(client, reverse("reports:school_reports"))
    _requests(ward, authority_officer, range(2028, 2034))
    many, html = _count(client, reverse("reports:school_reports"))
    reports = UnitReport.objects.filter(organisation=school)
    assert reports.count() == 8
    assert all(str(report.public_id) in html for report in reports)
    assert many == few
