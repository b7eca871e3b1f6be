"""What the plans tell people (plans.notices through gandan.notify): a task given, a progress
report to review, an authority's plan to implement, and the daily reminders of tasks due soon
or overdue. Each notice reaches the right people and nobody else, opens a page they may open,
is written once however often the event or the job is replayed, and is stored in Vietnamese.

Personas (src/gandan/conftest.py): the principal assigns; the teacher (in Tổ 1) does the work;
the deputy co-manages the plans; the clerk is staff with nothing to do with the task; the
ward's officer sends the ward's plan to the schools; the head of Đằng Hải is another school's.
"""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from gandan.core.stored_language import english_fragments
from gandan.notify import schedule
from gandan.notify.models import MailState, Notification, OutboxMessage, Topic
from gandan.notify.testing import run_worker
from gandan.paperwork.signing import head_signer
from gandan.plans import notices, services
from gandan.plans.models import Assignment, AssignmentStatus, Plan
from gandan.plans.tests import factories

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 9, 15)  # a Tuesday; three working days ahead is Friday 18/9


@pytest.fixture(autouse=True)
def _on_a_working_day():
    moment = timezone.make_aware(dt.datetime.combine(TODAY, dt.time(10)))
    with time_machine.travel(moment, tick=False):
        yield


@pytest.fixture
def plan(school, principal) -> Plan:
    return factories.import_seed(school, principal)


def _assign(plan: Plan, actor, *, due: dt.date = dt.date(2026, 10, 30), **who) -> Assignment:
    return services.assign_task(task=plan.tasks.get(number="2"), actor=actor, due_date=due, **who)


def _recipients(kind: str) -> list[str]:
    return sorted(
        Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True)
    )


def _opens(user, url: str) -> int:
    client = Client()
    client.force_login(user)
    return client.get(url.split("#")[0]).status_code


# A task given.


def test_a_task_given_to_a_person_tells_that_person_only(plan, principal, deputy, teacher, clerk):
    # when
    assignment = _assign(plan, principal, assignee=teacher)
    # then: the teacher, not the head who gave it, nor the others
    assert _recipients("plans.task_assigned") == ["giaovien"]
    notice = Notification.objects.get(kind="plans.task_assigned")
    assert notice.topic == Topic.PLANS
    assert notice.title.startswith("Bạn được giao nhiệm vụ “")
    assert "hạn hoàn thành ngày 30 tháng 10 năm 2026" in notice.title
    assert "Người giao: Nguyễn Thị Thu Hà" in notice.body
    assert notice.url == f"/phan-cong/{assignment.pk}/bao-cao/"
    assert not notice.urgent and notice.mail_state == MailState.NONE  # no address on file
    assert _opens(teacher, notice.url) == 200
    assert _opens(clerk, notice.url) == 404  # the link is no key: the page still checks


def test_a_task_given_to_a_unit_tells_its_members(plan, principal, deputy, teacher, clerk):
    # given: the teacher serves in Tổ 1; the clerk and the deputy do not
    subject_group = teacher.memberships.get(organisation__slug="th-thanh-to-to-1").organisation
    # when
    _assign(plan, principal, unit=subject_group)
    # then
    assert _recipients("plans.task_assigned") == ["giaovien"]
    notice = Notification.objects.get(kind="plans.task_assigned")
    assert notice.title.startswith("Tổ 1 được giao nhiệm vụ “")
    assert _opens(teacher, notice.url) == 200


def test_a_refused_second_assignment_tells_nobody_again(plan, principal, teacher):
    # given
    assignment = _assign(plan, principal, assignee=teacher)
    # when: the same task given again (a double click) is refused; the notice told again
    with pytest.raises(ValidationError):
        _assign(plan, principal, assignee=teacher)
    notices.task_assigned(assignment, principal)
    # then
    assert Notification.objects.filter(kind="plans.task_assigned").count() == 1


# A progress report to review.


def test_a_progress_report_goes_to_the_plans_managers(plan, principal, deputy, teacher, clerk):
    # given
    assignment = _assign(plan, principal, assignee=teacher)
    # when
    update = services.report_progress(
        assignment=assignment,
        author=teacher,
        expected_version=assignment.version,
        status=AssignmentStatus.IN_PROGRESS,
        percent=40,
        text="Đã tổ chức hai buổi tuyên truyền.",
    )
    # then: the head and the deputy review it; its author and the clerk are not told
    assert _recipients("plans.progress_reported") == ["hieutruong", "pho"]
    notice = Notification.objects.filter(kind="plans.progress_reported").first()
    assert notice is not None
    assert notice.title.startswith("Lê Thị Hồng Nhung báo cáo tiến độ nhiệm vụ “")
    assert notice.title.endswith(": Đang thực hiện, 40%")
    assert notice.body == "Đã tổ chức hai buổi tuyên truyền."
    assert notice.url.endswith(f"#task-{assignment.task_id}")
    assert _opens(deputy, notice.url) == 200
    # when: told again
    notices.progress_reported(update)
    # then
    assert Notification.objects.filter(kind="plans.progress_reported").count() == 2


# An authority's plan to implement.


def test_an_authority_plan_sent_to_schools_tells_each_head(
    ward, school, other_school, authority_officer, principal, other_school_principal, teacher
):
    # given
    ward_plan = services.issue_plan(
        plan=factories.import_seed(ward, authority_officer),
        actor=authority_officer,
        issued_on=dt.date(2026, 9, 1),
        signer=head_signer(ward),
    )
    due = dt.date(2026, 9, 30)
    # when
    services.cascade_plan(
        plan=ward_plan, actor=authority_officer, organisations=[school, other_school], due_on=due
    )
    # then: each school's head, nobody else
    assert _recipients("plans.implementation_requested") == ["hieutruong", "htdanghai"]
    notice = Notification.objects.get(kind="plans.implementation_requested", recipient=principal)
    assert notice.title == (
        "UBND phường Hải An giao TH Thành Tô xây dựng kế hoạch thực hiện Kế hoạch "
        "số 01/KH-UBND, hạn ban hành ngày 30 tháng 9 năm 2026"
    )
    assert _opens(principal, notice.url) == 200
    # when: the same sending replayed
    services.cascade_plan(
        plan=ward_plan, actor=authority_officer, organisations=[school], due_on=due
    )
    # then
    assert Notification.objects.filter(kind="plans.implementation_requested").count() == 2
    # when: a new due date
    services.cascade_plan(
        plan=ward_plan, actor=authority_officer, organisations=[school], due_on=dt.date(2026, 10, 9)
    )
    # then: the head is told the new date
    assert _recipients("plans.implementation_requested") == [
        "hieutruong",
        "hieutruong",
        "htdanghai",
    ]


# The daily reminders.


@pytest.fixture
def tasks(plan, principal, teacher, subject_group, clerk):
    """Due in two working days (teacher), overdue (Tổ 1), done, and far away (clerk)."""
    soon = _assign(plan, principal, assignee=teacher, due=dt.date(2026, 9, 17))
    late = services.assign_task(
        task=plan.tasks.get(number="3"),
        actor=principal,
        unit=subject_group,
        due_date=dt.date(2026, 9, 10),
    )
    done = services.assign_task(
        task=plan.tasks.get(number="4"), actor=principal, assignee=clerk, due_date=TODAY
    )
    Assignment.objects.filter(pk=done.pk).update(status=AssignmentStatus.DONE, percent=100)
    far = services.assign_task(
        task=plan.tasks.get(number="5"),
        actor=principal,
        assignee=clerk,
        due_date=dt.date(2026, 9, 25),
    )
    return {"soon": soon, "late": late, "done": done, "far": far}


def test_the_daily_job_reminds_of_tasks_due_soon_and_overdue_once(tasks, teacher, clerk):
    # when
    created = notices.task_reminders()
    # then: the teacher for both (the overdue one is Tổ 1's, where the teacher serves)
    assert created == 2
    assert _recipients("plans.task_due") == ["giaovien"]
    assert _recipients("plans.task_overdue") == ["giaovien"]
    due = Notification.objects.get(kind="plans.task_due")
    assert due.urgent
    assert due.key == f"plans.task_due:{tasks['soon'].pk}:2026-09-17"
    assert due.title.startswith("Nhiệm vụ sắp đến hạn hoàn thành ngày 17 tháng 9 năm 2026: “")
    overdue = Notification.objects.get(kind="plans.task_overdue")
    assert overdue.title.startswith("Nhiệm vụ đã quá hạn hoàn thành ngày 10 tháng 9 năm 2026: “")
    assert _opens(teacher, due.url) == 200 and _opens(teacher, overdue.url) == 200
    # when: run again, the same day and the next
    assert notices.task_reminders() == 0
    assert notices.task_reminders(dt.date(2026, 9, 16)) == 0
    # then
    assert (
        Notification.objects.filter(kind__in=["plans.task_due", "plans.task_overdue"]).count() == 2
    )


def test_a_new_due_date_is_reminded_again(tasks):
    # given
    notices.task_reminders()
    Assignment.objects.filter(pk=tasks["soon"].pk).update(due_date=dt.date(2026, 9, 18))
    # when
    assert notices.task_reminders() == 1
    # then
    assert Notification.objects.filter(kind="plans.task_due").count() == 2


def test_the_reminder_is_mailed_at_once_with_the_page_address(tasks, teacher):
    # given
    teacher.email = "nhung@truong.edu.vn"
    teacher.save()
    # when
    notices.task_reminders()
    assert mail.outbox == []  # nothing is sent inside the job itself
    run_worker()
    # then: the two urgent notices, each with its page's absolute link
    assert OutboxMessage.objects.count() == 2
    assert sorted(message.to[0] for message in mail.outbox) == ["nhung@truong.edu.vn"] * 2
    sent = next(m for m in mail.outbox if "sắp đến hạn" in m.subject)
    assert f"http://127.0.0.1:8000/phan-cong/{tasks['soon'].pk}/bao-cao/" in sent.body


def test_the_worker_runs_the_job_each_morning_and_once(tasks):
    # given
    assert schedule.JOBS["plans.task_reminders"].path == "gandan.plans.notices.task_reminders"
    morning = timezone.make_aware(dt.datetime.combine(TODAY, dt.time(6, 5)))
    # when
    first = schedule.run_due(morning)
    second = schedule.run_due(morning + dt.timedelta(hours=2))
    # then
    assert "plans.task_reminders" in first and "plans.task_reminders" not in second
    assert (
        Notification.objects.filter(kind__in=["plans.task_due", "plans.task_overdue"]).count() == 2
    )


def test_the_command_runs_the_same_job(tasks, capsys):
    from django.core.management import call_command

    call_command("task_reminders", "--today", "2026-09-15")
    call_command("task_reminders")
    assert capsys.readouterr().out.splitlines() == [
        "Đã tạo 2 thông báo mới.",
        "Đã tạo 0 thông báo mới.",
    ]


# Stored language.


def test_notices_are_stored_in_vietnamese_with_english_on_the_screen(
    english_screen, plan, principal, teacher
):
    # when
    assignment = _assign(plan, principal, assignee=teacher, due=dt.date(2026, 9, 16))
    services.report_progress(
        assignment=assignment,
        author=teacher,
        expected_version=assignment.version,
        status=AssignmentStatus.BLOCKED,
        percent=10,
        text="Chưa có kinh phí.",
    )
    notices.task_reminders()
    # then
    stored = list(Notification.objects.values_list("title", "body"))
    assert len(stored) == 3
    text = repr(stored)
    assert [fragment for fragment in english_fragments() if fragment in text] == []
    assert "Gặp vướng mắc" in text
