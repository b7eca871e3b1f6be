"""The organisation pages' lists take the same number of queries whatever the number of rows.

Pages: the school's staff page (4 people or 24), its audit log (a few events or a full
page of 50) and the head's page of locked accounts (2 staff locked out or 12). Each page is
asked once first (a page may warm a cache), then counted; the last row built must be on the
page. The staff page's ceiling at one size is in test_access.py.

Personas (src/gandan/conftest.py): the principal reads the three pages of Thành Tô.
"""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.orgs import services
from gandan.orgs.models import Role, User

pytestmark = pytest.mark.django_db


def _count(client: Client, url: str) -> tuple[int, str]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def _staff(school, subject_group, start: int, count: int) -> None:
    for n in range(start, start + count):
        person = services.create_person(
            actor=None,
            username=f"gvdem{n}",
            full_name=f"Giáo Viên Đếm {n}",
            password="mat-khau-thu-nghiem",
        )
        services.grant_role(
            actor=None,
            user=person,
            organisation=subject_group if n % 2 else school,
            role=Role.STAFF,
            title="Giáo viên",
        )


@pytest.mark.parametrize("page", ["organisation", "audit_log"])
def test_the_staff_page_and_audit_log_take_the_same_queries_for_few_or_many(
    client, school, subject_group, principal, teacher, inspector, clerk, page
):
    client.force_login(principal)
    url = reverse(page, args=[school.slug])
    few, _ = _count(client, url)
    _staff(school, subject_group, 0, 20)
    many, html = _count(client, url)
    assert "Giáo Viên Đếm 19" in html
    assert many == few


def _locked_out(school, subject_group, start: int, count: int) -> None:
    """`count` more staff who typed a wrong password too often, from the school's address."""
    _staff(school, subject_group, start, count)
    AccessAttempt.objects.bulk_create(
        AccessAttempt(
            username=f"gvdem{n}",
            ip_address="203.113.0.10",
            user_agent="Mozilla/5.0",
            path_info="/dang-nhap/",
            failures_since_start=settings.AXES_FAILURE_LIMIT,
        )
        for n in range(start, start + count)
    )


def test_the_locked_accounts_take_the_same_queries_for_2_or_12(
    client, school, subject_group, principal
):
    client.force_login(principal)
    url = reverse("lockouts", args=[school.slug])
    _locked_out(school, subject_group, 0, 2)
    few, _ = _count(client, url)
    _locked_out(school, subject_group, 2, 10)
    many, html = _count(client, url)
    assert User.objects.get(username="gvdem11").full_name in html
    assert html.count('name="username"') == 12
    assert many == few
