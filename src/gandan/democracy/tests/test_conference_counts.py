"""One number for each count at the conference: those summoned (the conference's roll), those
present (who may vote), and the votes cast. A vote opened at the conference says "được triệu
tập" only of everyone summoned, and counts its turnout against those present."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gandan.democracy.models import AgendaKind, BallotMethod, EventKind, Secrecy
from gandan.democracy.services import ballots, conferences

NOW = dt.datetime(2026, 10, 12, 7, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def session(school, principal, deputy, teacher, inspector, clerk, union_officer, more_teachers):
    """Twelve summoned, eleven present (the inspector is away)."""
    extra = more_teachers(6)
    conference = conferences.convene_conference(
        organisation=school,
        actor=principal,
        work_year_label="năm học 2025–2026",
        work_year_ends=dt.date(2026, 8, 31),
        held_on=dt.date(2026, 10, 12),
        place="Hội trường",
        union_chair=union_officer,
    )
    present = [principal, deputy, teacher, clerk, union_officer, *extra]
    conferences.record_attendance(
        conference=conference,
        actor=principal,
        present=[person.pk for person in present],
        absence_reasons={inspector.pk: "Đi tập huấn"},
    )
    conference = conferences.open_conference(conference=conference, actor=principal)
    return conference, present


def test_the_vote_at_the_conference_counts_as_the_conference_does(client, session, principal):
    # given
    conference, present = session
    item = conference.agenda.get(kind=AgendaKind.DECISIONS)
    found = conferences.quorum(conference)
    assert (found["summoned"], found["present"]) == (12, 11)
    assert conference.attendees.count() == 12
    # when
    ballot = conferences.open_conference_vote(
        item=item,
        actor=principal,
        title="Thông qua mức chi hỗ trợ dạy buổi chiều",
        method=BallotMethod.MOTION,
        secrecy=Secrecy.SECRET,
    )
    for person in present[:5]:
        ballots.cast_ballot(ballot=ballot, voter=person, choices=["yes"])
    # then: the ballot's own timeline and page agree with the conference
    opened = ballot.events.get(kind=EventKind.BALLOT_OPENED).summary
    assert "11 người có mặt bỏ phiếu" in opened and "12 người được triệu tập" in opened
    assert "11 người được triệu tập" not in opened
    client.force_login(principal)
    page = client.get(reverse("democracy:ballot", args=[ballot.public_id])).content.decode()
    assert "5/11 người có mặt đã bỏ phiếu (12 người được triệu tập)." in page
    conference_page = client.get(
        reverse("democracy:conference", args=[conference.public_id])
    ).content.decode()
    assert "11/12 người có mặt" in conference_page
    attendance = client.get(
        reverse("democracy:conference_attendance", args=[conference.public_id])
    ).content.decode()
    assert "12 người được triệu tập" in attendance
    assert attendance.count('name="co-mat-') == 12
    # when: closed
    closed = ballots.close_ballot(ballot=ballot, actor=principal)
    # then: the result names the same two numbers
    result = ballots.ballot_results(closed)
    assert (result["electorate"], result["present"], result["papers"]) == (12, 11, 5)


def test_a_ballot_outside_the_conference_counts_everyone_summoned(school, principal, teacher):
    # given
    ballot = ballots.create_ballot(
        organisation=school,
        actor=principal,
        title="Bình chọn giáo viên dạy giỏi",
        method=BallotMethod.MOTION,
        secrecy=Secrecy.SECRET,
        electorate_kind="all_staff",
        rule="conference",
    )
    # when
    ballot = ballots.open_ballot(ballot=ballot, actor=principal)
    # then
    assert ballot.electorate_size == ballot.electors.count() == 2
    assert "(2 người được triệu tập)" in ballot.events.get(kind=EventKind.BALLOT_OPENED).summary
