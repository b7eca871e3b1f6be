"""What the reports upward tell people: the request to each unit's head and deputies, the
officers' reminder, the submission to the authority's officers, the return to the head with its
reason, and the daily job's urgent reminders (due soon, overdue) that reach the mailbox through
the worker. Nobody else is told, the links open for those told, and nothing is told twice."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from gandan.notify import schedule
from gandan.notify.models import Notification, Topic
from gandan.notify.testing import run_worker
from gandan.reports import notices, services
from gandan.reports.models import ReportKind, UnitReport

D = dt.date
REQUESTED = D(2026, 6, 15)
DUE = D(2026, 6, 19)  # a Friday


def at(day: dt.date, hour: int = 10):
    return time_machine.travel(
        timezone.make_aware(dt.datetime.combine(day, dt.time(hour))), tick=False
    )


def told(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def opens(user, url: str) -> int:
    client = Client()
    client.force_login(user)
    return client.get(url).status_code


@pytest.fixture
def people(principal, deputy, teacher, clerk, other_school_principal, authority_officer):
    for user in (principal, deputy, teacher, other_school_principal, authority_officer):
        user.email = f"{user.username}@truong.edu.vn"
        user.save()
    return principal


@pytest.fixture
def ward_request(ward, school, other_school, authority_officer, people):
    with at(REQUESTED):
        return services.request_report(
            authority=ward,
            actor=authority_officer,
            kind=ReportKind.SIX_MONTHS,
            year=2026,
            due_on=DUE,
            instructions="Báo cáo theo đề cương kèm theo.",
            on=REQUESTED,
        )


def submitted(ward_request, school, principal, on: dt.date = DUE) -> UnitReport:
    report = UnitReport.objects.get(request=ward_request, organisation=school)
    services.draft_report(report=report, actor=principal, on=REQUESTED)
    services.issue_report(report=report, actor=principal, on=REQUESTED)
    return services.submit_report(report=report, actor=principal, on=on)


def test_a_request_tells_the_head_and_deputies_of_each_unit_with_the_due_date(
    ward, ward_request, authority_officer, principal, deputy, other_school_principal
):
    assert told("reports.requested") == {"hieutruong", "pho", "htdanghai"}
    notice = Notification.objects.get(kind="reports.requested", recipient=principal)
    assert notice.topic == Topic.REPORTS
    assert "ngày 19 tháng 6 năm 2026" in notice.title
    assert "UBND" in notice.title or "Ủy ban nhân dân" in notice.title
    assert notice.body == "Báo cáo theo đề cương kèm theo."
    assert not notice.urgent
    with at(REQUESTED):
        assert opens(principal, notice.url) == 200
        assert opens(deputy, Notification.objects.get(recipient=deputy).url) == 200
        other = Notification.objects.get(recipient=other_school_principal)
        assert opens(other_school_principal, other.url) == 200
        # the same request sent again tells nobody again
        services.request_report(
            authority=ward,
            actor=authority_officer,
            kind=ReportKind.SIX_MONTHS,
            year=2026,
            due_on=DUE,
            on=REQUESTED,
        )
    assert Notification.objects.filter(kind="reports.requested").count() == 3
    assert mail.outbox == []  # not urgent: the daily digest


def test_a_submitted_report_tells_the_authoritys_officers_and_a_replay_nothing_more(
    ward_request, school, principal, authority_officer, department_officer
):
    with at(DUE):
        report = submitted(ward_request, school, principal)
        services.submit_report(report=report, actor=principal, on=DUE)
    assert told("reports.submitted") == {"canbophuong"}
    notice = Notification.objects.get(kind="reports.submitted")
    assert "Trường Tiểu học Thành Tô đã gửi" in notice.title
    assert "đúng hạn" in notice.title
    assert "01/BC-THTT" in notice.title
    with at(DUE):
        assert opens(authority_officer, notice.url) == 200
        assert opens(principal, notice.url) == 404


def test_a_returned_report_tells_the_head_with_the_reason(
    ward_request, school, principal, deputy, authority_officer
):
    with at(DUE):
        report = submitted(ward_request, school, principal)
        services.return_report(report=report, actor=authority_officer, comment="Thiếu số liệu.")
        services.return_report(report=report, actor=authority_officer, comment="Thiếu số liệu.")
    assert told("reports.returned") == {"hieutruong"}
    notice = Notification.objects.get(kind="reports.returned")
    assert "trả lại" in notice.title
    assert "Thiếu số liệu." in notice.body
    with at(DUE):
        assert opens(principal, notice.url) == 200
        # resubmitted: the officers are told again, of the second sending
        services.issue_report(report=report, actor=principal, on=DUE)
        services.submit_report(report=report, actor=principal, on=DUE)
    resent = list(Notification.objects.filter(kind="reports.submitted").order_by("pk"))
    assert len(resent) == 2
    assert "gửi lại" in resent[-1].title


def test_an_officers_reminder_reaches_the_units_not_yet_submitted_at_once(
    ward_request, school, other_school, principal, other_school_principal, authority_officer
):
    with at(DUE):
        submitted(ward_request, school, principal)
        services.remind_units(request=ward_request, actor=authority_officer)
        services.remind_units(request=ward_request, actor=authority_officer)
    assert told("reports.reminded") == {"htdanghai"}
    run_worker()
    assert [m.to for m in mail.outbox] == [["htdanghai@truong.edu.vn"]]


def test_the_daily_job_reminds_due_soon_then_overdue_urgently_and_never_twice(
    ward_request, school, principal, deputy, other_school_principal, teacher
):
    # four days before: nothing yet
    assert notices.send_reminders(D(2026, 6, 15)) == 0
    # three days before (17, 18, 19): due soon, to the heads and the deputy
    with at(D(2026, 6, 17)):
        assert "reports.reminders" in schedule.run_due()
        assert "reports.reminders" not in schedule.run_due()  # not again the same day
    assert notices.send_reminders(D(2026, 6, 17)) == 0  # run by hand again: nothing twice
    assert notices.send_reminders(D(2026, 6, 18)) == 0  # the next day: told already
    assert told("reports.due_soon") == {"hieutruong", "pho", "htdanghai"}
    soon = Notification.objects.get(kind="reports.due_soon", recipient=principal)
    assert soon.urgent
    assert "Còn 2 ngày" in soon.title
    with at(D(2026, 6, 17)):
        assert opens(principal, soon.url) == 200
    # urgent: e-mailed at once by the worker, whatever the digest preference
    run_worker()
    urgent = [m for m in mail.outbox if "Còn 2 ngày" in m.subject]
    assert sorted(address for m in urgent for address in m.to) == [
        "hieutruong@truong.edu.vn",
        "htdanghai@truong.edu.vn",
        "pho@truong.edu.vn",
    ]
    # Thành Tô submits late; Đằng Hải never does
    with at(D(2026, 6, 22)):
        submitted(ward_request, school, principal, on=D(2026, 6, 22))
    assert notices.send_reminders(D(2026, 6, 22)) == 1
    assert notices.send_reminders(D(2026, 6, 23)) == 0  # the same week
    assert told("reports.overdue") == {"htdanghai"}
    late = Notification.objects.get(kind="reports.overdue")
    assert "quá hạn 3 ngày" in late.title
    assert notices.send_reminders(D(2026, 6, 29)) == 1  # the next week, once more
    assert "teacher" not in told("reports.due_soon") | told("reports.overdue")


def test_the_reminders_are_stored_in_vietnamese(
    ward_request, school, principal, authority_officer, assert_stored_vietnamese, english_screen
):
    with at(DUE):
        report = submitted(ward_request, school, principal)
        services.return_report(report=report, actor=authority_officer, comment="Thiếu số liệu.")
    notices.send_reminders(DUE)
    assert Notification.objects.count() >= 5
    assert_stored_vietnamese()
