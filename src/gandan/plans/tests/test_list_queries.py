"""The plans' list pages take the same number of queries whatever the number of rows.

Pages: the school's list of plans, a plan's page with its tasks (3 tasks or 60, each given to
a teacher), the desk's "Nhiệm vụ của tôi" panel, and the plan's parents (the ward's plans it
implements: 2 chosen or 12, posted and the plan's page that follows). Each page is asked once
first (a page may warm a cache), then counted; the last row built must be on the page, so a
count of an empty page cannot pass.

Personas (src/gandan/conftest.py): the principal manages the school's plans; the teacher
holds the assignments and reads them on his desk.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.orgs.models import User
from gandan.plans import services
from gandan.plans.models import Assignment, Plan, PlanStatus, PlanTask

pytestmark = pytest.mark.django_db

DUE = dt.date(2030, 6, 1)


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _count(client: Client, url: str) -> tuple[int, str]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def _plan(school, number: int, symbol: str = "TH") -> Plan:
    return Plan.objects.create(
        organisation=school,
        title=f"Kế hoạch công tác số {number}",
        number_symbol=f"{number:02d}/KH-{symbol}",
        year=2026,
        status=PlanStatus.ISSUED,
        issued_on=dt.date(2026, 1, 10),
    )


def _tasks(plan: Plan, start: int, count: int, principal: User, teacher: User) -> None:
    """Tasks given to the teacher; the first through the service, the rest as it saves them."""
    tasks = PlanTask.objects.bulk_create(
        PlanTask(plan=plan, order=n, number=str(n), heading=f"Nhiệm vụ thứ {n}")
        for n in range(start, start + count)
    )
    services.assign_task(task=tasks[0], actor=principal, assignee=teacher, due_date=DUE)
    Assignment.objects.bulk_create(
        Assignment(task=task, assignee=teacher, due_date=DUE, assigned_by=principal)
        for task in tasks[1:]
    )


def test_the_plan_list_takes_the_same_queries_for_2_or_20_plans(school, principal, teacher):
    client = _client(principal)
    for n in range(1, 3):
        _tasks(_plan(school, n), 1, 2, principal, teacher)
    few, _ = _count(client, reverse("plans:list"))
    for n in range(3, 21):
        _tasks(_plan(school, n), 1, 2, principal, teacher)
    many, html = _count(client, reverse("plans:list"))
    assert "Kế hoạch công tác số 20" in html
    assert many == few


def test_a_plans_page_takes_the_same_queries_with_60_tasks_as_with_3(school, principal, teacher):
    plan = _plan(school, 1)
    client = _client(principal)
    _tasks(plan, 1, 3, principal, teacher)
    few, _ = _count(client, reverse("plans:detail", args=[plan.public_id]))
    _tasks(plan, 4, 57, principal, teacher)
    many, html = _count(client, reverse("plans:detail", args=[plan.public_id]))
    assert plan.tasks.count() == 60
    assert "Nhiệm vụ thứ 60" in html
    assert many == few


def test_my_tasks_on_the_desk_take_the_same_queries_for_3_or_30(school, principal, teacher):
    plan = _plan(school, 1)
    client = _client(teacher)
    _tasks(plan, 1, 3, principal, teacher)
    few, _ = _count(client, reverse("desk"))
    _tasks(plan, 4, 27, principal, teacher)
    many, html = _count(client, reverse("desk"))
    assert "Nhiệm vụ thứ 20" in html  # the panel shows the first 20 by due date, then order
    assert many == few


def test_the_parents_take_the_same_queries_for_2_or_12_plans_of_the_ward(
    school, ward, principal, teacher
):
    plan = _plan(school, 1)
    _tasks(plan, 1, 2, principal, teacher)
    client = _client(principal)
    url = reverse("plans:parents", args=[plan.public_id])
    parents = [_plan(ward, n, "UBND") for n in range(1, 3)]

    def count() -> tuple[int, str]:
        data = {"parents": [parent.pk for parent in parents]}
        client.post(url, data)
        with CaptureQueriesContext(connection) as queries:
            response = client.post(url, data, follow=True)
        assert response.redirect_chain == [(reverse("plans:detail", args=[plan.public_id]), 302)]
        assert response.status_code == 200
        return len(queries), response.content.decode()

    few, _ = count()
    parents += [_plan(ward, n, "UBND") for n in range(3, 13)]
    many, html = count()
    assert list(plan.parents.order_by("pk")) == parents
    assert "12/KH-UBND" in html
    assert many == few
