"""Voting through the pages: the receipt is the answer to the vote, shown once and kept nowhere;
a second vote is refused and changes nothing; the receipt check and the tally after close."""

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
    """Staff with no second factor to pass: they reach the vote with a password alone."""
    return [teacher, clerk, *more_teachers(2)]


@pytest.fixture
def ballot(school, principal, voters):
    ballot = services.create_ballot(
        organisation=school,
        actor=principal,
        title="Thông qua mức chi hỗ trợ dạy buổi chiều",
        method=BallotMethod.MOTION,
        secrecy=Secrecy.SECRET,
        electorate_kind=ElectorateKind.ALL_STAFF,
        rule=RulePreset.CONFERENCE,
    )
    return services.open_ballot(ballot=ballot, actor=principal)


def _vote(voter, ballot, choice: str):
    client = Client()
    client.force_login(voter)
    response = client.post(
        reverse("democracy:ballot_vote", args=[ballot.public_id]), {"choice": choice}
    )
    return client, response


def _state(ballot):
    return (
        Participation.objects.filter(ballot=ballot).count(),
        SealedPaper.objects.filter(ballot=ballot).count(),
        BallotPaper.objects.filter(ballot=ballot).count(),
        DemocracyEvent.objects.filter(ballot=ballot).count(),
    )


def test_the_receipt_is_shown_on_the_answer_to_the_vote_and_kept_nowhere(ballot, voters):
    # when
    client, response = _vote(voters[0], ballot, "yes")
    # then: the answer itself shows the receipt, and asks no cache to keep it
    assert response.status_code == 200
    match = RECEIPT.search(response.content.decode())
    assert match
    code = match.group(1)
    assert "no-store" in response["Cache-Control"]
    # and the session holds nothing of it, nor does any later page
    assert code not in repr(dict(client.session.items()))
    page = client.get(reverse("democracy:ballot", args=[ballot.public_id]))
    assert code not in page.content.decode()
    assert services.verify_receipt(ballot=ballot, code=code)


def test_a_second_vote_is_refused_and_changes_nothing(ballot, voters):
    # given
    client, _first = _vote(voters[0], ballot, "yes")
    before = _state(ballot)
    # when: the same person votes again (a resubmitted form)
    response = client.post(
        reverse("democracy:ballot_vote", args=[ballot.public_id]), {"choice": "no"}, follow=True
    )
    # then
    assert "Bạn đã bỏ phiếu trong cuộc biểu quyết này." in response.content.decode()
    assert not RECEIPT.search(response.content.decode())
    assert _state(ballot) == before


def test_receipt_check_and_tally_after_close(ballot, principal, voters):
    # given: three vote; two for, one against
    codes = {}
    for voter, choice in zip(voters[:3], ["yes", "yes", "no"], strict=True):
        client, response = _vote(voter, ballot, choice)
        match = RECEIPT.search(response.content.decode())
        assert match
        codes[voter.pk] = (client, match.group(1))
    # when
    services.close_ballot(ballot=ballot, actor=principal)
    # then: each checks their own receipt and is told it was counted, never what it said
    for client, code in codes.values():
        response = client.post(
            reverse("democracy:receipt_check", args=[ballot.public_id]), {"code": code}
        )
        text = response.content.decode()
        assert "nằm trong hòm phiếu và đã được kiểm" in text
        assert "Tán thành" not in text.split('id="ket-qua-kiem-tra"')[1]
    client = codes[voters[0].pk][0]
    response = client.post(
        reverse("democracy:receipt_check", args=[ballot.public_id]), {"code": "AAAA-BBBB-CCCC"}
    )
    assert "Không tìm thấy phiếu nào mang mã này" in response.content.decode()
    # and the tally is the papers': 2 for, 1 against
    ballot.refresh_from_db()
    assert ballot.result["counts"] == {"yes": 2, "no": 1, "abstain": 0}
    page = client.get(reverse("democracy:ballot", args=[ballot.public_id])).content.decode()
    assert "Tán thành: <strong>2</strong>" in page
    assert "Không tán thành: <strong>1</strong>" in page
