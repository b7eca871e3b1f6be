"""A due date counted into a year whose official calendar is not entered (2027 here) carries the
short "(tạm tính)" mark wherever staff read it in a list: the case list, the head's desk panel,
the dashboard's overdue and due-soon lists and the case page's steps; one counted within 2026
does not (worktime.notices; Bộ luật Lao động 2019, Điều 112 k3)."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from gandan.petitions import services
from gandan.petitions.tests.conftest import at, submit

pytestmark = pytest.mark.django_db

MARK = "(tạm tính)</span>"


@pytest.mark.parametrize(
    ("received", "provisional"),
    [(dt.date(2026, 3, 2), False), (dt.date(2026, 12, 21), True)],
)
def test_list_due_dates_are_marked_provisional_only_across_a_year_not_entered(
    school, principal, deadline_rules, received, provisional
):
    # given: a feedback received on `received`, resolved by the head (so on her desk)
    case = submit(school, received_at=at(received))
    services.assign_case(case=case, actor=principal, handler=principal)
    case.refresh_from_db()
    assert case.next_due is not None and (case.next_due.year == 2027) is provisional
    # when: read after the due date, so that the dashboard lists it as overdue
    later = case.next_due + dt.timedelta(days=2)
    with time_machine.travel(dt.datetime.combine(later, dt.time(2), dt.UTC), tick=False):
        staff = Client()
        staff.force_login(principal)
        pages = {
            "list": staff.get(reverse("petitions:list")),
            "desk": staff.get(reverse("desk")),
            "dashboard": staff.get(reverse("petitions:dashboard")),
            "case": staff.get(reverse("petitions:detail", args=[case.public_id])),
        }
    # then
    for name, page in pages.items():
        assert page.status_code == 200, name
        html = page.content.decode()
        assert case.next_due.strftime("%d/%m/%Y") in html, name
        assert (MARK in html) is provisional, name
