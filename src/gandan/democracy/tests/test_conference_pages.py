"""A conference through its pages: convene, take attendance, open, record, vote, close."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gandan.democracy.models import AgendaKind, Ballot, Conference, ConferenceStatus

NOW = dt.datetime(2026, 10, 12, 7, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def test_head_runs_a_conference_through_the_pages(
    client, school, principal, deputy, teacher, inspector, clerk, union_officer, media
):
    # given: six staff; the head convenes
    client.force_login(principal)
    response = client.post(
        reverse("democracy:conference_new"),
        {
            "kind": "annual",
            "work_year_label": "năm học 2025–2026",
            "work_year_ends": "2026-08-31",
            "held_on": "2026-10-12",
            "starts_at": "14:00",
            "place": "Hội trường",
            "union_chair": union_officer.pk,
            "secretary": clerk.pk,
        },
    )
    conference = Conference.objects.get()
    url = reverse("democracy:conference", args=[conference.public_id])
    assert response["Location"] == url
    page = client.get(url).content.decode()
    assert "Hạn tổ chức: 30/11/2026" in page and "Khai mạc hội nghị" in page
    # when: four of six are present (exactly 2/3)
    present = [principal, deputy, teacher, union_officer]
    client.post(
        reverse("democracy:conference_attendance", args=[conference.public_id]),
        {f"co-mat-{person.pk}": "on" for person in present}
        | {f"ly-do-{inspector.pk}": "Đi tập huấn"},
    )
    client.post(reverse("democracy:conference_open", args=[conference.public_id]))
    conference.refresh_from_db()
    assert conference.status == ConferenceStatus.IN_SESSION
    page = client.get(url).content.decode()
    assert "4/6 người có mặt" in page and "Đủ 2/3, hội nghị hợp lệ" in page
    assert "Hoàng Thị Thanh Tâm (Đi tập huấn)" in page
    # when: the resolution is written and put to an open vote
    item = conference.agenda.get(kind=AgendaKind.RESOLUTION)
    client.post(
        reverse("democracy:conference_resolution", args=[conference.public_id]),
        {"points": "Hoàn thành 100% kế hoạch\nKhông có vi phạm"},
    )
    response = client.post(
        reverse("democracy:conference_vote", args=[conference.public_id, item.pk]),
        {
            "title": "Thông qua nghị quyết hội nghị",
            "purpose": "general",
            "method": "motion",
            "secrecy": "open",
        },
    )
    ballot = Ballot.objects.get(agenda_item=item)
    assert response["Location"] == reverse("democracy:ballot", args=[ballot.public_id])
    for person in present[:3]:
        client.force_login(person)
        client.post(reverse("democracy:ballot_vote", args=[ballot.public_id]), {"choice": "yes"})
    # when: the head closes the vote on the ballot page without typing the attendance
    client.force_login(principal)
    client.post(reverse("democracy:ballot_close", args=[ballot.public_id]), {"attendance": ""})
    ballot.refresh_from_db()
    assert (ballot.attendance, ballot.result["adopted"]) == (4, True)  # 3 of 4 present
    # when: the head closes the conference
    client.post(reverse("democracy:conference_close", args=[conference.public_id]))
    # then
    conference.refresh_from_db()
    assert conference.status == ConferenceStatus.CLOSED
    client.force_login(teacher)
    page = client.get(url).content.decode()
    assert "Biên bản số 01/BB-THTT (.docx)" in page and "Nghị quyết số 02/NQ-THTT (.docx)" in page
    assert "Hạn 12/04/2027" in page
    listing = client.get(reverse("democracy:conferences")).content.decode()
    assert conference.title in listing
