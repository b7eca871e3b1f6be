"""From 1 October, while next year's official schedule is not entered, the heads (whom the desk
panel tells) and the administrators who enter it get a notice once a week; nobody else, never
twice in a week, and none once the year is entered."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from gandan.conftest import _person
from gandan.notify import schedule
from gandan.notify.models import Notification, Topic
from gandan.worktime import notices, services
from gandan.worktime.models import CalendarYear

D = dt.date


def told() -> set[str]:
    return set(
        Notification.objects.filter(kind="worktime.calendar_to_enter").values_list(
            "recipient__username", flat=True
        )
    )


def opens(user, url: str) -> int:
    client = Client()
    client.force_login(user)
    return client.get(url).status_code


@pytest.fixture
def cast(principal, other_school_principal, teacher, authority_officer):
    administrator = _person("quantri", "Lý Thị Quản Trị")
    administrator.is_staff = True
    administrator.save()
    administrator.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="worktime",
            codename__in=["add_calendaryear", "view_calendaryear", "change_calendaryear"],
        )
    )
    helper = _person("hotro", "Mai Văn Hỗ Trợ")  # a staff account without the right
    helper.is_staff = True
    helper.save()
    return administrator


def test_before_october_nobody_is_told_of_next_year(cast):
    assert notices.remind_calendar(D(2026, 9, 30)) == 0
    assert told() == set()


def test_from_october_the_heads_and_the_administrator_are_told_once_a_week(
    cast, principal, other_school_principal
):
    # Thursday 1/10/2026: 2027 is not entered
    with time_machine.travel(timezone.make_aware(dt.datetime(2026, 10, 1, 8)), tick=False):
        assert "worktime.calendar_reminder" in schedule.run_due()
        assert "worktime.calendar_reminder" not in schedule.run_due()
    assert told() == {"hieutruong", "htdanghai", "quantri"}
    head = Notification.objects.get(recipient=principal)
    assert head.topic == Topic.CALENDAR
    assert "năm 2027" in head.title
    assert head.url == "/ban-lam-viec/"
    assert opens(principal, head.url) == 200
    admin = Notification.objects.get(recipient=cast)
    assert admin.url.startswith("/quan-tri/") or "calendaryear/add" in admin.url
    assert opens(cast, admin.url) == 200
    # the rest of the week: nothing more; the next Monday: once more
    assert notices.remind_calendar(D(2026, 10, 4)) == 0
    assert notices.remind_calendar(D(2026, 10, 5)) == 3
    assert notices.remind_calendar(D(2026, 10, 5)) == 0
    assert Notification.objects.filter(recipient=principal).count() == 2
    # entered: no more reminders
    services.save_calendar_year(
        calendar_year=CalendarYear(year=2027, announced=True, document="Thông báo 1/TB-BNV"),
        actor=cast,
    )
    assert notices.remind_calendar(D(2026, 10, 12)) == 0


def test_the_reminder_is_stored_in_vietnamese(cast, assert_stored_vietnamese, english_screen):
    assert notices.remind_calendar(D(2026, 10, 1)) == 3
    assert_stored_vietnamese()
