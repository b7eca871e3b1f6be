"""The year-end review: score cards, the council's result, the shortlist ballot, recognition."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from gandan.democracy.models import Ballot, BallotPaper, Participation
from gandan.democracy.services import ballots
from gandan.emulation.models import (
    Campaign,
    EmulationEvent,
    Recognition,
    Registration,
    Score,
)
from gandan.emulation.services import campaigns, registrations, review
from gandan.emulation.tests.conftest import advance_to, full_card, register
from gandan.paperwork.models import OutgoingDocument

DAY = dt.date(2026, 11, 28)


@pytest.mark.parametrize(
    ("total", "scorers", "mean"),
    [
        (0, 0, None),
        (170, 2, Decimal("85.00")),
        (265, 3, Decimal("88.33")),
        (200, 3, Decimal("66.67")),  # 66.666… rounds up
        (1, 8, Decimal("0.13")),  # 0.125 rounds half up
        (100, 1, Decimal("100.00")),
    ],
)
def test_council_mean_is_the_mean_of_members_totals(total, scorers, mean):
    assert review.council_mean(total, scorers) == mean


def _card(registration, values):
    sheet = registration.campaign.criteria.filter(kind=registration.criterion_kind)
    return {criterion.pk: value for criterion, value in zip(sheet, values, strict=True)}


def test_the_council_result_is_the_mean_of_each_members_total(submitted, inspector, clerk):
    # given: two cards, 73 and 94 points
    review.score_registration(
        registration=submitted, member=inspector, points=_card(submitted, (15, 14, 16, 13, 15))
    )
    review.score_registration(
        registration=submitted, member=clerk, points=_card(submitted, (20, 18, 19, 17, 20))
    )
    # when
    [standing] = review.standings(submitted.campaign)
    # then: (73 + 94) / 2
    assert standing.mean == Decimal("83.50")
    assert (standing.max_points, standing.scorers, standing.eligible) == (100, 2, 2)
    assert standing.has_majority


def test_scoring_again_replaces_the_members_card(submitted, inspector):
    review.score_registration(
        registration=submitted, member=inspector, points=full_card(submitted, 10)
    )
    review.score_registration(
        registration=submitted, member=inspector, points=full_card(submitted, 12)
    )
    assert list(Score.objects.values_list("points", flat=True)) == [12] * 5
    [standing] = review.standings(submitted.campaign)
    assert standing.mean == Decimal("60.00")


def test_the_timeline_says_who_scored_but_not_the_points(submitted, inspector):
    review.score_registration(
        registration=submitted, member=inspector, points=full_card(submitted, 17)
    )
    event = EmulationEvent.objects.filter(kind="scored").get()
    assert event.summary == "Hoàng Thị Thanh Tâm (Hội đồng) chấm điểm “Zalo “Phụ huynh đồng hành””"
    assert "85" not in event.summary


@pytest.mark.parametrize(
    "points",
    [
        "missing",  # one criterion left out
        "too_many",  # a point above the maximum
    ],
)
def test_incomplete_or_excessive_cards_are_refused(submitted, inspector, points):
    card = full_card(submitted, 10)
    if points == "missing":
        card.pop(next(iter(card)))
    else:
        card[next(iter(card))] = 21
    with pytest.raises(ValidationError):
        review.score_registration(registration=submitted, member=inspector, points=card)
    assert not Score.objects.exists()


def test_only_council_members_score_and_never_their_own(
    campaign, principal, inspector, clerk, teacher, union_officer
):
    # given: the clerk (secretary) registered a model of her own
    campaigns.set_council(campaign=campaign, actor=principal, chair=inspector, secretary=clerk)
    own = register(campaign, clerk, title="Tiếp công dân thân thiện")
    advance_to(campaign, principal, "implementation")
    registrations.add_update(registration=own, author=clerk, text="Đã làm.")
    registrations.submit_registration(registration=own, actor=clerk)
    advance_to(Campaign.objects.get(), principal, "review")
    # then
    with pytest.raises(ValidationError, match="chính mình"):
        review.score_registration(registration=own, member=clerk, points=full_card(own, 10))
    with pytest.raises(ValidationError, match="thành viên Hội đồng"):
        review.score_registration(registration=own, member=union_officer, points=full_card(own, 10))
    assert not Score.objects.exists()
    # and her registration needs only the chair's card for a majority (1 of 1 eligible)
    review.score_registration(registration=own, member=inspector, points=full_card(own, 10))
    [standing] = review.standings(own.campaign)
    assert (standing.scorers, standing.eligible, standing.has_majority) == (1, 1, True)


def test_scoring_is_for_the_review_phase_only(campaign, principal, council, inspector, teacher):
    registration = register(campaign, teacher)
    advance_to(campaign, principal, "implementation")
    registrations.add_update(registration=registration, author=teacher, text="Đã làm.")
    registrations.submit_registration(registration=registration, actor=teacher)
    with pytest.raises(ValidationError, match="giai đoạn đánh giá"):
        review.score_registration(
            registration=registration, member=inspector, points=full_card(registration, 10)
        )
    assert not Score.objects.exists()


def test_conclusion_needs_more_than_half_of_the_council(submitted, inspector, principal):
    # given: one card of two eligible members is not a majority
    review.score_registration(
        registration=submitted, member=inspector, points=full_card(submitted, 10)
    )
    # when / then
    with pytest.raises(ValidationError, match="1/2"):
        review.conclude_review(campaign=submitted.campaign, actor=inspector, issued_on=DAY)
    assert Registration.objects.get().status == "submitted"
    assert not OutgoingDocument.objects.exists()
    assert Campaign.objects.get().review_concluded_at is None


def test_conclusion_stores_the_result_and_issues_the_minutes(reviewed):
    campaign = Campaign.objects.get()
    assert reviewed.status == "reviewed"
    assert (reviewed.council_score, reviewed.max_score, reviewed.scorer_count) == (
        Decimal("85.00"),
        100,
        2,
    )
    assert reviewed.score_percent() == 85
    minutes = campaign.minutes
    assert minutes is not None
    assert minutes.doc_type == "BB" and minutes.number_symbol == "01/BB-THTT"
    assert minutes.source == f"emulation.campaign:{campaign.pk}:minutes"
    assert campaign.is_reviewed
    # the sheet and the cards are now fixed
    with pytest.raises(ValidationError):
        review.conclude_review(campaign=campaign, actor=reviewed.registrant, issued_on=DAY)


def _shortlist_world(campaign, principal, inspector, clerk, union_officer, teacher, deputy):
    campaigns.set_council(
        campaign=campaign, actor=principal, chair=inspector, secretary=clerk, members=[deputy]
    )
    a = register(campaign, teacher, title="Mô hình A")
    b = register(campaign, union_officer, title="Mô hình B")
    late = register(campaign, teacher, title="Mô hình C, chưa gửi")
    advance_to(campaign, principal, "implementation")
    registrations.add_update(registration=late, author=teacher, text="Đang làm.")
    for registration, person in ((a, teacher), (b, union_officer)):
        registrations.add_update(registration=registration, author=person, text="Đã làm.")
        registrations.submit_registration(registration=registration, actor=person)
    advance_to(Campaign.objects.get(), principal, "review")
    return Campaign.objects.get(), a, b, late


def test_the_shortlist_is_a_secret_ballot_of_the_council_in_democracy(
    campaign, principal, inspector, clerk, union_officer, teacher, deputy
):
    campaign, a, b, _late = _shortlist_world(
        campaign, principal, inspector, clerk, union_officer, teacher, deputy
    )
    # when: the chair opens it, each member votes, the chair closes it
    ballot = review.open_shortlist_ballot(campaign=campaign, actor=inspector)
    assert (ballot.secrecy, ballot.electorate_kind, ballot.method) == (
        "secret",
        "listed",
        "election",
    )
    assert ballot.electorate_size == 3
    options = {o.label: o.pk for o in ballot.options.all()}
    assert set(options) == {"1. Mô hình A (Lê Thị Hồng Nhung)", "2. Mô hình B (Vũ Đức Thắng)"}
    picks = {
        inspector: ["1. Mô hình A (Lê Thị Hồng Nhung)", "2. Mô hình B (Vũ Đức Thắng)"],
        clerk: ["1. Mô hình A (Lê Thị Hồng Nhung)"],
        deputy: [],
    }
    for member, labels in picks.items():
        ballots.cast_ballot(ballot=ballot, voter=member, choices=[str(options[x]) for x in labels])
    review.close_shortlist_ballot(campaign=Campaign.objects.get(), actor=inspector)
    # then: A has 2 of 3 members (more than half), B 1 of 3
    assert Registration.objects.get(pk=a.pk).shortlisted is True
    assert Registration.objects.get(pk=b.pk).shortlisted is False
    assert BallotPaper.objects.filter(ballot=ballot).count() == 3
    assert Participation.objects.filter(ballot=ballot).count() == 3
    assert Ballot.objects.count() == 1


def test_submissions_stop_and_conclusion_waits_while_the_council_votes(
    campaign, principal, inspector, clerk, union_officer, teacher, deputy
):
    campaign, _a, _b, late = _shortlist_world(
        campaign, principal, inspector, clerk, union_officer, teacher, deputy
    )
    review.open_shortlist_ballot(campaign=campaign, actor=inspector)
    with pytest.raises(ValidationError, match="không nhận thêm hồ sơ"):
        registrations.submit_registration(registration=late, actor=teacher)
    assert Registration.objects.get(pk=late.pk).status == "in_progress"
    for registration in Registration.objects.filter(status="submitted"):
        for member in (inspector, clerk, deputy):
            review.score_registration(
                registration=registration, member=member, points=full_card(registration, 10)
            )
    with pytest.raises(ValidationError, match="kết thúc cuộc bỏ phiếu"):
        review.conclude_review(campaign=Campaign.objects.get(), actor=inspector, issued_on=DAY)
    assert not OutgoingDocument.objects.exists()


def test_recognition_is_refused_for_a_registration_the_council_did_not_choose(
    campaign, principal, inspector, clerk, union_officer, teacher, deputy
):
    campaign, a, b, _late = _shortlist_world(
        campaign, principal, inspector, clerk, union_officer, teacher, deputy
    )
    ballot = review.open_shortlist_ballot(campaign=campaign, actor=inspector, seats=1)
    first = ballot.options.get(order=0)
    for member in (inspector, clerk, deputy):
        ballots.cast_ballot(ballot=ballot, voter=member, choices=[str(first.pk)])
    # closed from democracy's own page: the outcome is read at conclusion
    ballots.close_ballot(ballot=ballot, actor=principal)
    for registration in Registration.objects.filter(status="submitted"):
        for member in (inspector, clerk):
            review.score_registration(
                registration=registration, member=member, points=full_card(registration, 15)
            )
    review.conclude_review(campaign=Campaign.objects.get(), actor=inspector, issued_on=DAY)
    b = Registration.objects.get(pk=b.pk)
    assert b.shortlisted is False and b.status == "reviewed"
    with pytest.raises(ValidationError, match="không bỏ phiếu đề nghị"):
        review.recognise_registration(
            registration=b, actor=principal, level="school_merit", issued_on=DAY
        )
    assert not Recognition.objects.exists()
    # A was chosen
    recognition = review.recognise_registration(
        registration=Registration.objects.get(pk=a.pk),
        actor=principal,
        level="school_merit",
        issued_on=DAY,
    )
    assert recognition.decision.number_symbol == "02/QĐ-THTT"


def test_head_recognises_and_publishes_the_story(reviewed, principal):
    # when
    recognition = review.recognise_registration(
        registration=reviewed,
        actor=principal,
        level="upward",
        issued_on=DAY,
        story="Nhóm Zalo giúp 32 gia đình theo sát việc học của con.",
        publish=True,
    )
    # then
    reviewed.refresh_from_db()
    assert reviewed.status == "recognised"
    assert recognition.decision.doc_type == "QĐ"
    assert recognition.decision.number_symbol == "02/QĐ-THTT"
    assert recognition.decision.signer_name == "Nguyễn Thị Thu Hà"
    assert recognition.publish_publicly and recognition.published_at is not None
    event = EmulationEvent.objects.filter(kind="recognised").get()
    assert event.summary.endswith("quyết định số 02/QĐ-THTT; câu chuyện đăng trên trang công khai")


def test_a_deputy_signs_for_the_head(reviewed, principal, deputy):
    recognition = review.recognise_registration(
        registration=reviewed, actor=deputy, level="recognised", issued_on=DAY
    )
    assert recognition.decision.signer_prefix == "KT."
    assert recognition.decision.signer_name == "Trần Văn Minh"


def test_recognition_refusals_change_nothing(submitted, reviewed, principal):
    with pytest.raises(ValidationError):
        review.recognise_registration(
            registration=reviewed,
            actor=principal,
            level="school_merit",
            issued_on=DAY,
            publish=True,
        )
    with pytest.raises(ValidationError):
        review.recognise_registration(
            registration=reviewed, actor=principal, level="gold", issued_on=DAY
        )
    assert not Recognition.objects.exists()
    assert OutgoingDocument.objects.count() == 1  # the minutes only
    assert Registration.objects.get().status == "reviewed"


def test_head_declines_with_a_reason(reviewed, principal):
    with pytest.raises(ValidationError):
        review.decline_registration(registration=reviewed, actor=principal, reason=" ")
    registration = review.decline_registration(
        registration=reviewed, actor=principal, reason="Chưa có kết quả lan tỏa."
    )
    assert (registration.status, registration.outcome_note) == (
        "not_recognised",
        "Chưa có kết quả lan tỏa.",
    )
    with pytest.raises(ValidationError):
        review.recognise_registration(
            registration=registration, actor=principal, level="recognised", issued_on=DAY
        )


def test_story_can_be_withdrawn_from_the_public_site(reviewed, principal):
    recognition = review.recognise_registration(
        registration=reviewed,
        actor=principal,
        level="recognised",
        issued_on=DAY,
        story="Câu chuyện.",
        publish=True,
    )
    recognition = review.update_story(
        recognition=recognition, actor=principal, story="Câu chuyện.", publish=False
    )
    assert not recognition.publish_publicly and recognition.published_at is None
