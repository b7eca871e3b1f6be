"""A paper with nothing chosen: the voter is asked whether a blank vote is meant; nothing goes in
the box until a second, explicit confirmation, and then exactly one blank paper does."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from gandan.democracy.models import (
    BallotMethod,
    BallotPaper,
    DemocracyEvent,
    ElectorateKind,
    Participation,
    RulePreset,
    SealedPaper,
    Secrecy,
)
from gandan.democracy.services import ballots as services

RECEIPT = re.compile(r'id="ma-bien-nhan">([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<')


@pytest.fixture
def voters(teacher, clerk, more_teachers):
    return [teacher, clerk, *more_teachers(2)]


@pytest.fixture
def election(school, principal, voters):
    ballot = services.create_ballot(
        organisation=school,
        actor=principal,
        title="Bầu đại diện đi dự hội nghị cấp trên",
        method=BallotMethod.ELECTION,
        secrecy=Secrecy.SECRET,
        electorate_kind=ElectorateKind.ALL_STAFF,
        rule=RulePreset.CONFERENCE,
        options=["Ứng viên A", "Ứng viên B", "Ứng viên C"],
        seats=2,
    )
    return services.open_ballot(ballot=ballot, actor=principal)


def _state(ballot):
    return (
        Participation.objects.filter(ballot=ballot).count(),
        SealedPaper.objects.filter(ballot=ballot).count(),
        BallotPaper.objects.filter(ballot=ballot).count(),
        DemocracyEvent.objects.filter(ballot=ballot).count(),
    )


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_nothing_chosen_asks_for_confirmation_and_writes_nothing(election, teacher):
    # given: an open secret election and a teacher who ticked nobody
    before = _state(election)
    url = reverse("democracy:ballot_vote", args=[election.public_id])
    # when
    response = _client(teacher).post(url, {})
    # then: a question, no receipt, nothing in the box
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="xac-nhan-phieu-trang"' in page
    assert "phiếu trắng" in page
    assert 'name="blank_confirmed"' in page
    assert not RECEIPT.search(page)
    assert _state(election) == before
    assert not services.has_voted(election, teacher)


def test_the_second_explicit_confirmation_casts_one_blank_paper(election, principal, teacher):
    # given: the teacher was asked and confirms the blank vote
    url = reverse("democracy:ballot_vote", args=[election.public_id])
    client = _client(teacher)
    client.post(url, {})
    # when
    response = client.post(url, {"blank_confirmed": "on"})
    # then: a receipt, one participation, one sealed paper; counted blank at close
    assert RECEIPT.search(response.content.decode())
    assert Participation.objects.filter(ballot=election, voter=teacher).count() == 1
    assert SealedPaper.objects.filter(ballot=election).count() == 1
    closed = services.close_ballot(ballot=election, actor=principal)
    results = services.ballot_results(closed)
    assert results["blank"] == 1
    assert all(row["votes"] == 0 for row in results["options"])


def test_a_replayed_confirmation_casts_once(election, teacher):
    # given: the blank vote was confirmed and cast
    url = reverse("democracy:ballot_vote", args=[election.public_id])
    client = _client(teacher)
    client.post(url, {"blank_confirmed": "on"})
    after_first = _state(election)
    # when: the confirmation is sent again (back button, double click)
    response = client.post(url, {"blank_confirmed": "on"}, follow=True)
    # then: refused with a Vietnamese message, nothing written twice
    assert "Bạn đã bỏ phiếu trong cuộc biểu quyết này." in response.content.decode()
    assert _state(election) == after_first


def test_the_ballot_form_shows_no_confirmation_field(election, teacher):
    # given: the paper as the voter first sees it
    page = _client(teacher).get(reverse("democracy:ballot", args=[election.public_id]))
    html = page.content.decode()
    # then: the choices only; the confirmation belongs to the second step
    assert 'name="picked"' in html
    assert "blank_confirmed" not in html
    assert "Blank confirmed" not in html


def test_a_choice_goes_in_without_the_question(election, teacher):
    # given
    option = election.options.order_by("order").first()
    url = reverse("democracy:ballot_vote", args=[election.public_id])
    # when
    response = _client(teacher).post(url, {"picked": [str(option.pk)]})
    # then
    page = response.content.decode()
    assert 'id="xac-nhan-phieu-trang"' not in page
    assert RECEIPT.search(page)
    assert SealedPaper.objects.filter(ballot=election).count() == 1
