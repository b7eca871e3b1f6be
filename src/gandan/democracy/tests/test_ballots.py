"""Ballot use cases: electorates, one person one ballot, hidden results, rules of the law."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gandan.democracy import rules
from gandan.democracy.models import (
    Ballot,
    BallotMethod,
    BallotPaper,
    BallotPurpose,
    BallotStatus,
    DemocracyEvent,
    ElectorateKind,
    EventKind,
    Participation,
    RulePreset,
    SealedPaper,
    Secrecy,
)
from gandan.democracy.services import ballots as services


@pytest.fixture
def staff(principal, deputy, teacher, inspector, clerk, union_officer):
    """Six staff of Thành Tô (the head included); a parent on the board is not staff."""
    return [principal, deputy, teacher, inspector, clerk, union_officer]


def motion(school, principal, **overrides):
    fields = dict(
        organisation=school,
        actor=principal,
        title="Thông qua mức đóng góp quỹ phúc lợi 50.000 đồng/tháng",
        method=BallotMethod.MOTION,
        secrecy=Secrecy.SECRET,
        electorate_kind=ElectorateKind.ALL_STAFF,
        rule=RulePreset.CONFERENCE,
    )
    fields.update(overrides)
    return services.create_ballot(**fields)


def _state():
    return (
        tuple(Ballot.objects.order_by("pk").values_list("status", "electorate_size")),
        Participation.objects.count(),
        BallotPaper.objects.count(),
        SealedPaper.objects.count(),
        DemocracyEvent.objects.count(),
    )


def test_opening_freezes_all_staff_but_not_parents_or_authority(
    school, principal, staff, parent, authority_officer
):
    # when
    ballot = services.open_ballot(ballot=motion(school, principal), actor=principal)
    # then
    electors = set(ballot.electors.values_list("user_id", flat=True))
    assert electors == {person.pk for person in staff}
    assert ballot.electorate_size == 6
    assert ballot.status == BallotStatus.OPEN


def test_unit_electorate_is_the_units_members(school, principal, staff, inspection_board):
    ballot = motion(
        school,
        principal,
        electorate_kind=ElectorateKind.UNIT,
        electorate_unit=inspection_board,
        rule=RulePreset.BOARD,
    )
    ballot = services.open_ballot(ballot=ballot, actor=principal)
    assert list(ballot.electors.values_list("user__username", flat=True)) == ["thanhtra"]


def test_listed_electorate_accepts_only_staff(school, principal, staff, parent):
    with pytest.raises(ValidationError):
        motion(school, principal, electorate_kind=ElectorateKind.LISTED, listed=[staff[2], parent])
    ballot = motion(school, principal, electorate_kind=ElectorateKind.LISTED, listed=staff[2:5])
    ballot = services.open_ballot(ballot=ballot, actor=principal)
    assert ballot.electorate_size == 3


def test_cast_returns_a_receipt_that_verifies(school, principal, staff):
    # given
    ballot = services.open_ballot(ballot=motion(school, principal), actor=principal)
    # when
    code = services.cast_ballot(ballot=ballot, voter=staff[2], choices=["yes"])
    # then
    assert len(code) == 14 and code.count("-") == 2
    assert services.verify_receipt(ballot=ballot, code=code)
    assert services.verify_receipt(ballot=ballot, code=code.lower().replace("-", " "))
    assert not services.verify_receipt(ballot=ballot, code="AAAA-BBBB-CCCC")
    sealed = SealedPaper.objects.get(ballot=ballot)
    assert code not in sealed.receipt_tag and code.encode() not in bytes(sealed.envelope)


def test_second_ballot_of_the_same_person_is_refused(school, principal, staff):
    ballot = services.open_ballot(ballot=motion(school, principal), actor=principal)
    services.cast_ballot(ballot=ballot, voter=staff[2], choices=["yes"])
    before = _state()
    with pytest.raises(ValidationError, match="đã bỏ phiếu"):
        services.cast_ballot(ballot=ballot, voter=staff[2], choices=["no"])
    assert _state() == before


def test_the_unique_constraint_refuses_a_double_that_slipped_past_the_check(
    school, principal, staff, monkeypatch
):
    # given: a first ballot; then the check that would catch a double is blinded, as when two
    # submissions pass it at the same moment
    ballot = services.open_ballot(ballot=motion(school, principal), actor=principal)
    services.cast_ballot(ballot=ballot, voter=staff[2], choices=["yes"])
    monkeypatch.setattr(services, "has_voted", lambda ballot, user: False)
    before = _state()
    # when / then: the database refuses it, and the paper written with it is rolled back
    with pytest.raises(ValidationError, match="đã bỏ phiếu"):
        services.cast_ballot(ballot=ballot, voter=staff[2], choices=["no"])
    assert _state() == before


def test_people_outside_the_electorate_cannot_vote(school, principal, staff, parent, outsider):
    ballot = services.open_ballot(ballot=motion(school, principal), actor=principal)
    before = _state()
    for person in (parent, outsider):
        with pytest.raises(ValidationError):
            services.cast_ballot(ballot=ballot, voter=person, choices=["yes"])
    assert _state() == before


def test_invalid_choices_are_refused(school, principal, staff):
    ballot = services.open_ballot(ballot=motion(school, principal), actor=principal)
    election = services.open_ballot(
        ballot=motion(
            school,
            principal,
            title="Bầu tổ trưởng",
            method=BallotMethod.ELECTION,
            options=["An", "Bình", "Cúc"],
            seats=1,
        ),
        actor=principal,
    )
    ids = [str(pk) for pk in election.options.values_list("pk", flat=True)]
    before = _state()
    for target, choices in [
        (ballot, ["maybe"]),
        (ballot, ["yes", "no"]),
        (election, ids[:2]),  # two for one seat: an invalid paper
        (election, ["999999"]),
        (election, ["abc"]),
    ]:
        with pytest.raises(ValidationError):
            services.cast_ballot(ballot=target, voter=staff[2], choices=choices)
    assert _state() == before


def test_results_are_refused_until_the_ballot_closes(school, principal, staff):
    # given
    ballot = services.open_ballot(ballot=motion(school, principal), actor=principal)
    services.cast_ballot(ballot=ballot, voter=staff[0], choices=["yes"])
    # then: nobody, the head included, gets a tally while it is open
    with pytest.raises(ValidationError):
        services.ballot_results(ballot)
    assert Ballot.objects.get(pk=ballot.pk).result == {}


def test_closing_counts_under_article_51(school, principal, staff):
    # given: 6 summoned; 4 vote (exactly 2/3), 2 for and 2 against (exactly half)
    ballot = services.open_ballot(ballot=motion(school, principal), actor=principal)
    for person, choice in zip(staff[:4], ["yes", "yes", "no", "no"], strict=True):
        services.cast_ballot(ballot=ballot, voter=person, choices=[choice])
    # when
    closed = services.close_ballot(ballot=ballot, actor=principal)
    # then
    result = services.ballot_results(closed)
    assert result["quorum_met"] is True
    assert result["counts"] == {"yes": 2, "no": 2, "abstain": 0}
    assert result["adopted"] is False
    assert DemocracyEvent.objects.filter(ballot=ballot, kind=EventKind.BALLOT_CLOSED).exists()


def test_three_of_six_is_below_quorum(school, principal, staff):
    ballot = services.open_ballot(ballot=motion(school, principal), actor=principal)
    for person in staff[:3]:
        services.cast_ballot(ballot=ballot, voter=person, choices=["yes"])
    result = services.close_ballot(ballot=ballot, actor=principal).result
    assert result["quorum_met"] is False
    assert result["adopted"] is False


def test_attendance_recorded_at_the_conference_is_the_base(school, principal, staff):
    # given: 6 summoned, 5 in the room, 3 vote yes: 3 of 5 attending is more than half
    ballot = services.open_ballot(ballot=motion(school, principal), actor=principal)
    for person in staff[:3]:
        services.cast_ballot(ballot=ballot, voter=person, choices=["yes"])
    # then: attendance below the papers cast, or above the electorate, is refused
    for wrong in (2, 7):
        with pytest.raises(ValidationError):
            services.close_ballot(ballot=ballot, actor=principal, attendance=wrong)
    result = services.close_ballot(ballot=ballot, actor=principal, attendance=5).result
    assert (result["present"], result["quorum_met"], result["adopted"]) == (5, True, True)


def test_no_votes_after_closing(school, principal, staff):
    ballot = services.open_ballot(ballot=motion(school, principal), actor=principal)
    services.close_ballot(ballot=ballot, actor=principal)
    with pytest.raises(ValidationError):
        services.cast_ballot(ballot=ballot, voter=staff[2], choices=["yes"])


def test_no_votes_after_the_planned_end(school, principal, staff, monkeypatch):
    # given: a ballot that ends in an hour
    closes_at = timezone.now() + dt.timedelta(hours=1)
    ballot = services.open_ballot(
        ballot=motion(school, principal, closes_at=closes_at), actor=principal
    )
    # when: two hours later
    later = closes_at + dt.timedelta(hours=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    with pytest.raises(ValidationError, match="hết thời gian"):
        services.cast_ballot(ballot=ballot, voter=staff[2], choices=["yes"])


def test_written_ballot_of_all_staff_under_article_50(school, principal, staff):
    # Luật 10/2022/QH15, Điều 50: only all staff, and only with its own rule
    with pytest.raises(ValidationError):
        motion(school, principal, is_written=True, rule=RulePreset.CONFERENCE)
    ballot = motion(school, principal, is_written=True, rule=RulePreset.WRITTEN)
    ballot = services.open_ballot(ballot=ballot, actor=principal)
    # when: 4 of 6 answer, 3 approve: 3 is exactly half of all staff
    for person, choice in zip(staff[:4], ["yes", "yes", "yes", "no"], strict=True):
        services.cast_ballot(ballot=ballot, voter=person, choices=[choice])
    result = services.close_ballot(ballot=ballot, actor=principal).result
    # then
    assert result["base"] == 6
    assert result["adopted"] is False


def test_open_vote_keeps_who_chose_what(school, principal, staff):
    ballot = services.open_ballot(
        ballot=motion(school, principal, secrecy=Secrecy.OPEN), actor=principal
    )
    services.cast_ballot(ballot=ballot, voter=staff[2], choices=["no"])
    assert services.named_votes(ballot) == []  # not before it closes
    ballot = services.close_ballot(ballot=ballot, actor=principal)
    named = services.named_votes(ballot)
    assert [(p.voter, p.open_choices) for p in named] == [(staff[2], ["no"])]


def test_custom_rule_with_two_thirds_of_all_members(school, principal, staff):
    custom = rules.Rule(0, 1, 2, 3, False, rules.ELECTORATE, "")
    ballot = services.open_ballot(
        ballot=motion(school, principal, rule=RulePreset.CUSTOM, custom=custom), actor=principal
    )
    for person in staff[:4]:
        services.cast_ballot(ballot=ballot, voter=person, choices=["yes"])
    result = services.close_ballot(ballot=ballot, actor=principal).result
    # then: 4 of 6 is exactly 2/3, and this rule accepts the exact share
    assert result["adopted"] is True
    assert result["citation"] == "Điều kiện do người tổ chức đặt"


def _board_election(school, principal, candidates, seats=3):
    return motion(
        school,
        principal,
        title="Bầu Ban Thanh tra nhân dân",
        purpose=BallotPurpose.INSPECTION_BOARD,
        method=BallotMethod.ELECTION,
        candidates=candidates,
        seats=seats,
    )


def test_inspection_board_election_rules(school, principal, deputy, staff, more_teachers):
    # Luật 10/2022/QH15, Điều 60: 3–9 seats; no board with 7 staff or fewer; not the head or deputy
    extra = more_teachers(1)  # 7 staff
    candidates = [staff[2], staff[3], staff[4], extra[0]]
    with pytest.raises(ValidationError, match="7 cán bộ trở xuống"):
        _board_election(school, principal, candidates)
    extra += more_teachers(1)  # 8 staff
    for seats in (2, 10):
        with pytest.raises(ValidationError, match="từ 3 đến 9"):
            _board_election(school, principal, candidates, seats=seats)
    with pytest.raises(ValidationError, match="thủ trưởng hoặc cấp phó"):
        _board_election(school, principal, [deputy, *candidates])
    ballot = _board_election(school, principal, candidates)
    assert [o.candidate for o in ballot.options.all()] == candidates


def test_cancelling_keeps_the_reason_and_never_counts(school, principal, staff):
    ballot = services.open_ballot(ballot=motion(school, principal), actor=principal)
    services.cast_ballot(ballot=ballot, voter=staff[2], choices=["yes"])
    cancelled = services.cancel_ballot(ballot=ballot, actor=principal, reason="Sai nội dung.")
    assert cancelled.status == BallotStatus.CANCELLED
    with pytest.raises(ValidationError):
        services.ballot_results(cancelled)
    with pytest.raises(ValidationError):
        services.close_ballot(ballot=cancelled, actor=principal)
