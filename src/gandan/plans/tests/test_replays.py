"""Each action of a plan sent twice through its page (a double click, a reloaded form): the
second changes nothing and writes no audit row, issues no second number."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gandan.audit.models import AuditEvent
from gandan.paperwork.models import OutgoingDocument
from gandan.paperwork.signing import head_signer
from gandan.plans import services
from gandan.plans.models import Assignment, Plan, PlanStatus, ProgressUpdate
from gandan.plans.tests import factories

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 9, 15)  # a Tuesday


@pytest.fixture(autouse=True)
def _on_a_working_day():
    moment = timezone.make_aware(dt.datetime.combine(DAY, dt.time(10)))
    with time_machine.travel(moment, tick=False):
        yield


@pytest.fixture
def head(principal) -> Client:
    client = Client()
    client.force_login(principal)
    return client


@pytest.fixture
def issued(school, principal) -> Plan:
    plan = factories.import_seed(school, principal)
    return services.issue_plan(
        plan=plan, actor=principal, issued_on=DAY, signer=head_signer(school)
    )


def _state(plan: Plan) -> tuple:
    plan.refresh_from_db()
    return (
        plan.status,
        plan.number_symbol,
        OutgoingDocument.objects.filter(organisation=plan.organisation).count(),
        AuditEvent.objects.count(),
        ProgressUpdate.objects.count(),
    )


def _twice(client: Client, url: str, data: dict, plan: Plan) -> None:
    before = _state(plan)
    first = client.post(url, data)
    assert first.status_code in {200, 302}
    after_first = _state(plan)
    assert after_first != before, "the first send changed nothing"
    second = client.post(url, data)
    assert second.status_code in {200, 302}
    assert _state(plan) == after_first


def test_issuing_twice_numbers_the_plan_once(head, school, principal):
    plan = factories.import_seed(school, principal)
    url = reverse("plans:issue", args=[plan.public_id])
    _twice(head, url, {"issued_on": DAY.isoformat(), "signer": "head"}, plan)
    assert plan.status == PlanStatus.ISSUED


def test_withdrawing_twice_withdraws_once(head, issued):
    url = reverse("plans:withdraw", args=[issued.public_id])
    _twice(head, url, {"reason": "Ban hành nhầm phiên bản cũ."}, issued)
    assert issued.status == PlanStatus.WITHDRAWN


def test_the_progress_report_sent_twice_is_issued_once(head, issued):
    url = reverse("plans:report", args=[issued.public_id])
    _twice(head, url, {}, issued)
    reports = OutgoingDocument.objects.filter(source=f"plans.plan:{issued.pk}:report")
    assert reports.count() == 1


def test_a_new_report_after_new_progress_is_a_new_document(head, issued, principal, teacher):
    url = reverse("plans:report", args=[issued.public_id])
    head.post(url, {})
    task = issued.tasks.order_by("order").first()
    later = timezone.make_aware(dt.datetime.combine(DAY, dt.time(15)))
    with time_machine.travel(later, tick=False):
        assignment = services.assign_task(
            task=task, actor=principal, assignee=teacher, due_date=DAY + dt.timedelta(days=14)
        )
        services.report_progress(
            assignment=assignment,
            author=teacher,
            expected_version=Assignment.objects.get(pk=assignment.pk).version,
            status="in_progress",
            percent=40,
            text="Đã họp tổ, phân công từng lớp.",
        )
        head.post(url, {})
    assert OutgoingDocument.objects.filter(source=f"plans.plan:{issued.pk}:report").count() == 2


def test_a_progress_report_sent_twice_is_recorded_once(issued, principal, teacher):
    task = issued.tasks.order_by("order").first()
    assignment = services.assign_task(
        task=task, actor=principal, assignee=teacher, due_date=DAY + dt.timedelta(days=14)
    )
    client = Client()
    client.force_login(teacher)
    url = reverse("plans:progress", args=[assignment.pk])
    data = {
        "version": Assignment.objects.get(pk=assignment.pk).version,
        "status": "in_progress",
        "percent": "40",
        "text": "Đã họp tổ, phân công từng lớp.",
    }
    _twice(client, url, data, issued)
    assert ProgressUpdate.objects.filter(assignment=assignment).count() == 1
