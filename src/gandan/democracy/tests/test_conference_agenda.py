"""The agenda each kind of conference gets (Luật 10/2022/QH15, Điều 51): the annual one the order
of business of khoản 4; an extraordinary one only the matters that prompted it, then its
resolution. Computed due dates on the conference pages read provisional when counted into a
year whose official calendar is not entered."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from gandan.democracy.models import (
    ORDER_OF_BUSINESS,
    AgendaItem,
    AgendaKind,
    Conference,
    ConferenceKind,
    DemocracyEvent,
)
from gandan.democracy.services import conferences

NOW = dt.datetime(2026, 10, 12, 7, tzinfo=dt.UTC)
MATTERS = [
    "Điều chỉnh mức chi hỗ trợ dạy buổi chiều",
    "Bầu bổ sung thành viên Ban Thanh tra nhân dân",
]


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def _convene(school, principal, union_officer, **fields):
    return conferences.convene_conference(
        organisation=school,
        actor=principal,
        work_year_label="năm học 2026–2027",
        held_on=dt.date(2026, 10, 20),
        place="Hội trường",
        union_chair=union_officer,
        **fields,
    )


def _state():
    return (Conference.objects.count(), AgendaItem.objects.count(), DemocracyEvent.objects.count())


def test_an_extraordinary_conference_has_only_its_matters_and_the_resolution(
    school, principal, union_officer
):
    # when
    conference = _convene(
        school, principal, union_officer, kind=ConferenceKind.EXTRAORDINARY, matters=MATTERS
    )
    # then
    agenda = list(conference.agenda.values_list("order", "kind", "title"))
    assert agenda == [
        (1, AgendaKind.DECISIONS, MATTERS[0]),
        (2, AgendaKind.DECISIONS, MATTERS[1]),
        (3, AgendaKind.RESOLUTION, "Thông qua nghị quyết hội nghị"),
    ]
    assert not conference.agenda.filter(
        kind__in=[AgendaKind.HEAD_REPORT, AgendaKind.AWARDS, AgendaKind.PLEDGE]
    ).exists()


def test_the_annual_conference_keeps_the_whole_order_of_business(school, principal, union_officer):
    conference = _convene(school, principal, union_officer, work_year_ends=dt.date(2026, 8, 31))
    assert list(conference.agenda.values_list("kind", flat=True)) == [
        kind for kind, _point, _title in ORDER_OF_BUSINESS
    ]


@pytest.mark.parametrize(
    ("kind", "matters", "message"),
    [
        (ConferenceKind.EXTRAORDINARY, [], "Hãy ghi các nội dung cần đưa ra hội nghị bất thường"),
        (ConferenceKind.EXTRAORDINARY, ["  ", ""], "Hãy ghi các nội dung"),
        (ConferenceKind.ANNUAL, MATTERS, "chỉ ghi cho hội nghị bất thường"),
    ],
)
def test_matters_belong_to_an_extraordinary_conference_only(
    school, principal, union_officer, kind, matters, message
):
    # given
    before = _state()
    # when
    with pytest.raises(ValidationError) as refused:
        _convene(
            school,
            principal,
            union_officer,
            kind=kind,
            matters=matters,
            work_year_ends=dt.date(2026, 8, 31),
        )
    # then
    assert message in refused.value.message_dict["matters"][0]
    assert _state() == before


def test_the_form_asks_for_the_matters(client, school, principal, union_officer):
    # given
    client.force_login(principal)
    url = reverse("democracy:conference_new")
    form = {
        "kind": "extraordinary",
        "work_year_label": "năm học 2026–2027",
        "held_on": "2026-10-20",
        "place": "Hội trường",
        "union_chair": union_officer.pk,
    }
    assert 'name="matters"' in client.get(url).content.decode()
    before = _state()
    # when: no matters
    refused = client.post(url, form)
    # then
    assert refused.status_code == 200
    assert "Hãy ghi các nội dung cần đưa ra hội nghị bất thường" in refused.content.decode()
    assert _state() == before
    # when: with its matters, one per line
    client.post(url, {**form, "matters": "\n".join(MATTERS) + "\n\n"})
    # then
    conference = Conference.objects.get()
    assert list(conference.agenda.values_list("title", flat=True)) == [
        *MATTERS,
        "Thông qua nghị quyết hội nghị",
    ]
    page = client.get(reverse("democracy:conference", args=[conference.public_id]))
    assert MATTERS[0] in page.content.decode()
    assert "Khen thưởng và phát động phong trào thi đua" not in page.content.decode()


PROVISIONAL = 'class="notice provisional"'
MARK = 'class="provisional"'


@pytest.mark.parametrize(
    ("work_year_ends", "provisional"),
    [(dt.date(2026, 8, 31), False), (dt.date(2026, 12, 31), True)],
)
def test_the_conference_due_date_reads_provisional_when_counted_into_2027(
    client, school, principal, union_officer, work_year_ends, provisional
):
    # given: 2024–2026 calendars are entered, 2027 is not
    conference = conferences.convene_conference(
        organisation=school,
        actor=principal,
        work_year_label="năm 2026",
        work_year_ends=work_year_ends,
        held_on=work_year_ends + dt.timedelta(days=20),
        place="Hội trường",
        union_chair=union_officer,
    )
    client.force_login(principal)
    # when
    detail = client.get(reverse("democracy:conference", args=[conference.public_id]))
    listing = client.get(reverse("democracy:conferences"))
    # then
    assert (PROVISIONAL in detail.content.decode()) is provisional
    assert (MARK in listing.content.decode()) is provisional
