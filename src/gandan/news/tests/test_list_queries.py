"""News' list pages take the same number of queries whatever the number of rows.

Pages: the head's page of people delegated to write the news (2 delegated or 10, and as many
candidates left to choose), and the school's Atom feed (2 posts or 12, each by its own
author). Each page is asked once first (it may warm a cache), then counted; the last row
built must be on the page.

Personas (src/gandan/conftest.py, news/tests/conftest.py): the principal delegates and
writes; the staff made here are delegated or written for; anyone reads the feed.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.news import services
from gandan.news.tests.conftest import published
from gandan.orgs import services as org_services
from gandan.orgs.models import Organisation, Role, User

pytestmark = pytest.mark.django_db


def _count(client: Client, url: str) -> tuple[int, str]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def _staff(school: Organisation, start: int, count: int) -> list[User]:
    made = []
    for n in range(start, start + count):
        person = org_services.create_person(
            actor=None, username=f"nv{n}", full_name=f"Nhân Viên Số {n}", password="mat-khau"
        )
        org_services.grant_role(
            actor=None, user=person, organisation=school, role=Role.STAFF, title="Giáo viên"
        )
        made.append(person)
    return made


def _delegate(school: Organisation, principal: User, start: int, count: int) -> None:
    """`count` staff delegated to write, and `count` more left among the candidates."""
    for person in _staff(school, start, count):
        services.grant_editor(school=school, actor=principal, user=person)
    _staff(school, start + 100, count)


def test_the_delegation_page_takes_the_same_queries_for_2_or_10_delegated(school, principal):
    client = Client()
    client.force_login(principal)
    _delegate(school, principal, 0, 2)
    few, _ = _count(client, reverse("news:delegation"))
    _delegate(school, principal, 2, 8)
    many, html = _count(client, reverse("news:delegation"))
    assert "Nhân Viên Số 9" in html  # delegated
    assert "Nhân Viên Số 109" in html  # a candidate
    assert many == few


def _posts(school: Organisation, principal: User, start: int, count: int) -> None:
    for person in _staff(school, start, count):
        services.grant_editor(school=school, actor=principal, user=person)
        published(school, person, f"Tin hoạt động số {person.username}")


def test_the_atom_feed_takes_the_same_queries_for_2_or_12_posts(school, principal):
    client = Client()
    url = reverse("news:feed", args=[school.slug])
    _posts(school, principal, 0, 2)
    few, _ = _count(client, url)
    _posts(school, principal, 2, 10)
    many, xml = _count(client, url)
    assert "Tin hoạt động số nv11" in xml
    assert "Nhân Viên Số 11" in xml  # its author
    assert many == few
