"""The petitions' list pages take the same number of queries whatever the number of rows.

Pages: the case list (10 cases or 1,000), the reception register's page (Sổ tiếp công dân),
the staff's reception schedule and the public one, the public tracking page's timeline (a few
events on one case or 40) and the full case page (a few events, deadlines, documents and
minutes on one case, or many). Each page is asked once first (a page may warm a cache), then
counted; the last row built must be on the page. The 990 extra cases are copies of a
submitted case saved in one bulk insert, and so are the extra events, deadlines and minutes,
so the tests stay fast.

Personas (src/gandan/conftest.py, petitions/tests/conftest.py): the principal reads every
case and posts the schedule; the clerk keeps the register; the resolver (the deputy) and the
verifier work the denunciation; anyone with the code reads the tracking page, anyone reads
the public schedule.
"""

import copy
import dataclasses
import datetime as dt
import uuid

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gandan.orgs.models import User
from gandan.paperwork.samples import sample_letter
from gandan.petitions import services
from gandan.petitions.models import (
    Case,
    CaseDeadline,
    CaseEvent,
    CaseEventKind,
    CaseKind,
    CaseMinutes,
    MinutesKind,
)
from gandan.petitions.services.documents import issue_case_document
from gandan.petitions.tests.conftest import RECEIVED, submit

pytestmark = pytest.mark.django_db

ROW = 'data-label="Mã"'
TODAY = dt.datetime(2026, 3, 2, 3, tzinfo=dt.UTC)  # Monday 02/3/2026, 10:00 in Hà Nội


@pytest.fixture(autouse=True)
def _on_monday():
    with time_machine.travel(TODAY, tick=False):
        yield


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _count(client: Client, url: str, params: dict | None = None) -> tuple[int, str]:
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def _copies(case: Case, start: int, count: int, handler: User) -> None:
    """`count` copies of `case`, every other one handled by `handler`, in one insert."""
    rows = []
    for n in range(start, start + count):
        row = copy.copy(case)
        row.pk = None
        row.public_id = uuid.uuid4()
        row.tracking_code = f"Q{n:09d}"
        row.title = f"Phản ánh bản sao số {n}"
        row.handler = handler if n % 2 else None
        rows.append(row)
    Case.objects.bulk_create(rows)


def test_the_case_list_takes_the_same_queries_for_10_or_1000_cases(
    school, principal, deadline_rules
):
    client = _client(principal)
    cases = [submit(school, title=f"Phản ánh số {n}") for n in range(10)]
    services.assign_case(case=cases[0], actor=principal, handler=principal)
    few, _ = _count(client, reverse("petitions:list"))
    _copies(cases[1], 10, 990, principal)
    many, html = _count(client, reverse("petitions:list"))
    assert Case.objects.filter(organisation=school).count() == 1000
    assert html.count(ROW) == 50  # the page holds the 50 nearest due
    assert "1000 vụ việc; đang hiện 50" in html.replace(".", "")
    assert many == few


def _visits(school, clerk: User, start: int, count: int) -> None:
    for n in range(start, start + count):
        services.record_reception(
            organisation=school,
            actor=clerk,
            received_on=RECEIVED - dt.timedelta(days=n),
            name=f"Nguyễn Văn Khách {n}",
            address="Phường Hải An",
            id_number=f"0310990000{n:02d}",
            content_summary=f"Hỏi về lịch học bán trú số {n}",
            kind=CaseKind.FEEDBACK,
        )


def test_the_reception_register_page_takes_the_same_queries_for_2_or_20_lines(school, clerk):
    client = _client(clerk)
    _visits(school, clerk, 0, 2)
    few, _ = _count(client, reverse("petitions:register"), {"nam": RECEIVED.year})
    _visits(school, clerk, 2, 18)
    many, html = _count(client, reverse("petitions:register"), {"nam": RECEIVED.year})
    assert "Hỏi về lịch học bán trú số 19" in html
    assert many == few


def _sessions(school, principal: User, start: int, count: int) -> None:
    """Reception days posted today, one a week from Monday 09/3 (05 working days ahead)."""
    for n in range(start, start + count):
        services.schedule_reception(
            organisation=school,
            actor=principal,
            host=principal,
            date=dt.date(2026, 3, 9) + dt.timedelta(weeks=n),
            start_time=dt.time(8),
            end_time=dt.time(11),
            place=f"Phòng tiếp công dân số {n}",
            published_on=timezone.localdate(),
        )


@pytest.mark.parametrize("public", [False, True], ids=["staff", "public"])
def test_the_reception_schedule_takes_the_same_queries_for_2_or_12_days(school, principal, public):
    client = _client(None if public else principal)
    url = (
        reverse("petitions:public_schedule", args=[school.slug])
        if public
        else reverse("petitions:schedule")
    )
    _sessions(school, principal, 0, 2)
    few, _ = _count(client, url)
    _sessions(school, principal, 2, 10)
    many, html = _count(client, url)
    assert "Phòng tiếp công dân số 11" in html
    assert many == few


def _events(case: Case, start: int, count: int) -> None:
    """`count` more lines on the case's timeline, each shown to the citizen, in one insert."""
    CaseEvent.objects.bulk_create(
        CaseEvent(
            case=case,
            kind=CaseEventKind.VERIFICATION,
            summary=f"Xác minh nội dung lần {n}",
            public_summary=f"Nhà trường đang xác minh nội dung, lần {n}",
            created_at=timezone.now() + dt.timedelta(minutes=n),
        )
        for n in range(start, start + count)
    )


def test_the_tracking_pages_timeline_takes_the_same_queries_for_a_few_or_40_events(
    feedback, principal
):
    client = _client(None)
    case = services.accept_case(case=feedback, actor=principal, on=RECEIVED)
    url = reverse("petitions:tracked", args=[case.tracking_code])
    _events(case, 0, 2)
    few, _ = _count(client, url)
    _events(case, 2, 38)
    many, html = _count(client, url)
    assert "Nhà trường đang xác minh nội dung, lần 39" in html
    assert many == few


def _case_work(case: Case, actor: User, start: int, count: int) -> None:
    """`count` more letters issued for the case, and as many timeline lines (each naming its
    letter), extra deadlines and verification minutes, the last three in bulk."""
    documents = [
        issue_case_document(
            case,
            f"letter-{n}",
            dataclasses.replace(
                sample_letter(), number_symbol="", date=None, summary=f"V/v trả lời đơn lần {n}"
            ),
            actor=actor,
            on=RECEIVED + dt.timedelta(days=n),
        )
        for n in range(start, start + count)
    ]
    CaseEvent.objects.bulk_create(
        CaseEvent(
            case=case,
            kind=CaseEventKind.SENT,
            actor=actor,
            actor_label=actor.full_name,
            summary=f"Gửi văn bản lần {n}",
            document=document,
            created_at=timezone.now() + dt.timedelta(minutes=n),
        )
        for n, document in zip(range(start, start + count), documents, strict=True)
    )
    model = case.deadlines.order_by("order").first()
    assert model is not None
    rows = []
    for n in range(start, start + count):
        row = copy.copy(model)
        row.pk, row.step, row.order = None, f"buoc-{n}", 100 + n
        row.step_label = f"Bước thêm số {n}"
        rows.append(row)
    CaseDeadline.objects.bulk_create(rows)
    CaseMinutes.objects.bulk_create(
        CaseMinutes(
            case=case,
            kind=MinutesKind.VERIFICATION,
            held_on=RECEIVED + dt.timedelta(days=n),
            participants="Tổ xác minh",
            content=f"Biên bản xác minh số {n}",
            author=actor,
        )
        for n in range(start, start + count)
    )


@pytest.mark.parametrize("persona", ["principal", "resolver", "verifier"])
def test_the_case_page_takes_the_same_queries_for_a_few_or_many_events_deadlines_documents(
    request, assigned_denunciation, resolver, persona
):
    client = _client(request.getfixturevalue(persona))
    case = assigned_denunciation
    url = reverse("petitions:detail", args=[case.public_id])
    _case_work(case, resolver, 0, 2)
    few, _ = _count(client, url)
    _case_work(case, resolver, 2, 13)
    many, html = _count(client, url)
    assert "Bước thêm số 14" in html
    assert "V/v trả lời đơn lần 14" in html  # the last letter
    assert "Gửi văn bản lần 14" in html  # the last line of the timeline
    assert "Biên bản xác minh số 14" in html  # the last minutes
    assert many == few
