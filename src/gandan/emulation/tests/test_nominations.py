"""Good examples: nominated by a colleague, consent of the nominee, staff vote, recognition."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from gandan.democracy.models import Ballot
from gandan.democracy.services import ballots
from gandan.emulation.models import EmulationEvent, Nomination
from gandan.emulation.services import nominations

DAY = dt.date(2026, 11, 28)
DEED = "Nhặt được ví của phụ huynh và trả lại ngay trong buổi sáng."


@pytest.fixture
def nomination(campaign, union_officer, teacher):
    return nominations.nominate(
        campaign=campaign, nominator=union_officer, nominee=teacher, deed=DEED
    )


def test_anyone_on_staff_nominates_and_the_timeline_keeps_names_out(nomination):
    assert nomination.status == "awaiting_consent" and nomination.is_private
    event = EmulationEvent.objects.get(nomination=nomination)
    assert "Lê Thị Hồng Nhung" not in event.summary and "Vũ Đức Thắng" not in event.summary


def test_self_nomination_outsiders_and_empty_deeds_are_refused(
    campaign, teacher, outsider, union_officer
):
    with pytest.raises(ValidationError):
        nominations.nominate(campaign=campaign, nominator=teacher, nominee=teacher, deed=DEED)
    with pytest.raises(ValidationError):
        nominations.nominate(campaign=campaign, nominator=teacher, nominee=outsider, deed=DEED)
    with pytest.raises(ValidationError):
        nominations.nominate(campaign=campaign, nominator=outsider, nominee=teacher, deed=DEED)
    with pytest.raises(ValidationError):
        nominations.nominate(campaign=campaign, nominator=union_officer, nominee=teacher, deed="  ")
    assert not Nomination.objects.exists()


def test_no_vote_before_the_nominee_consents(nomination, principal):
    # when / then
    with pytest.raises(ValidationError, match="chưa đồng ý"):
        nominations.open_nomination_vote(nomination=nomination, actor=principal)
    assert not Ballot.objects.exists()
    assert Nomination.objects.get().status == "awaiting_consent"


def test_the_database_refuses_a_ballot_without_consent(nomination, principal, school):
    ballot = Ballot.objects.create(
        organisation=school,
        title="x",
        method="motion",
        secrecy="secret",
        electorate_kind="all_staff",
        rule="custom",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Nomination.objects.filter(pk=nomination.pk).update(ballot=ballot)


def test_only_the_nominee_answers(nomination, union_officer, principal):
    for person in (union_officer, principal):
        with pytest.raises(ValidationError):
            nominations.answer_nomination(nomination=nomination, user=person, consent=True)
    assert Nomination.objects.get().consent_given_at is None


def test_a_nominee_who_declines_closes_the_nomination(nomination, teacher, principal):
    nomination = nominations.answer_nomination(nomination=nomination, user=teacher, consent=False)
    assert nomination.status == "declined" and nomination.declined_at is not None
    with pytest.raises(ValidationError):
        nominations.open_nomination_vote(nomination=nomination, actor=principal)
    with pytest.raises(ValidationError):
        nominations.answer_nomination(nomination=nomination, user=teacher, consent=True)
    assert Nomination.objects.get().consent_given_at is None


def test_consent_vote_and_recognition(
    nomination, teacher, principal, deputy, union_officer, inspector, clerk
):
    # given: she agrees, the head opens a secret vote of all staff
    nomination = nominations.answer_nomination(nomination=nomination, user=teacher, consent=True)
    assert nomination.consent_given_at is not None
    ballot = nominations.open_nomination_vote(nomination=nomination, actor=principal)
    assert (ballot.secrecy, ballot.electorate_kind, ballot.method) == (
        "secret",
        "all_staff",
        "motion",
    )
    assert ballot.electorate_size == 6
    # when: four of five voters approve
    for voter, choice in (
        (principal, "yes"),
        (deputy, "yes"),
        (union_officer, "yes"),
        (inspector, "yes"),
        (clerk, "no"),
    ):
        ballots.cast_ballot(ballot=ballot, voter=voter, choices=[choice])
    ballot = nominations.close_nomination_vote(nomination=nomination, actor=principal)
    assert ballot.result["adopted"] is True
    nomination = nominations.recognise_nomination(
        nomination=Nomination.objects.get(), actor=principal, issued_on=DAY
    )
    # then
    assert nomination.status == "recognised"
    assert nomination.decision.doc_type == "QĐ"
    assert nomination.decision.number_symbol == "01/QĐ-THTT"


def test_a_vote_that_fails_cannot_be_recognised(nomination, teacher, principal, deputy, clerk):
    nominations.answer_nomination(nomination=nomination, user=teacher, consent=True)
    ballot = nominations.open_nomination_vote(nomination=nomination, actor=principal)
    for voter, choice in ((principal, "yes"), (deputy, "no"), (clerk, "no")):
        ballots.cast_ballot(ballot=ballot, voter=voter, choices=[choice])
    # closed from democracy's own page
    ballots.close_ballot(ballot=ballot, actor=principal)
    with pytest.raises(ValidationError, match="không tán thành"):
        nominations.recognise_nomination(
            nomination=Nomination.objects.get(), actor=principal, issued_on=DAY
        )
    assert Nomination.objects.get().decision is None
    nomination = nominations.decline_nomination(
        nomination=Nomination.objects.get(), actor=principal, reason="Tập thể không tán thành."
    )
    assert nomination.status == "not_recognised"


def test_recognition_waits_for_the_vote_to_close(nomination, teacher, principal):
    nominations.answer_nomination(nomination=nomination, user=teacher, consent=True)
    nominations.open_nomination_vote(nomination=nomination, actor=principal)
    with pytest.raises(ValidationError, match="chưa kết thúc"):
        nominations.recognise_nomination(
            nomination=Nomination.objects.get(), actor=principal, issued_on=DAY
        )
    with pytest.raises(ValidationError):
        nominations.decline_nomination(
            nomination=Nomination.objects.get(), actor=principal, reason="X"
        )
    assert Nomination.objects.get().status == "voting"
