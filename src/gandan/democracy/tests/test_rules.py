"""Quorum, thresholds and the tally: table-driven, edges first (exactly 2/3, exactly 50 %)."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gandan.democracy import rules

# Luật 10/2022/QH15, Điều 51 k2c: valid with at least 2/3 of those summoned present.
QUORUM = [
    # (present, summoned, valid)
    (20, 30, True),  # exactly two thirds
    (19, 30, False),  # one short
    (2, 3, True),
    (1, 3, False),
    (6, 9, True),
    (5, 9, False),
    (7, 10, True),  # 2/3 of 10 is 6.67: 7 needed
    (6, 10, False),
    (0, 0, False),  # nobody summoned: no valid meeting
    (30, 30, True),
]


@pytest.mark.parametrize(("present", "summoned", "valid"), QUORUM)
def test_conference_quorum(present, summoned, valid):
    # when / then
    assert rules.conference_is_valid(present, summoned) is valid


# Luật 10/2022/QH15, Điều 51 k2c: adopted with more than 50 % of those attending.
ADOPTION = [
    # (approvals, attending, adopted)
    (10, 20, False),  # exactly half is not more than half
    (11, 20, True),
    (10, 19, True),
    (9, 19, False),
    (1, 1, True),
    (1, 2, False),
    (0, 0, False),
    (16, 30, True),
    (15, 30, False),
]


@pytest.mark.parametrize(("approvals", "attending", "adopted"), ADOPTION)
def test_conference_adoption(approvals, attending, adopted):
    assert rules.conference_adopts(approvals, attending) is adopted


@given(st.integers(0, 500), st.integers(1, 500))
def test_integer_comparison_agrees_with_exact_fractions(count, base):
    # then: cross-multiplication is the exact comparison of fractions, with no float error
    assert rules.conference_is_valid(count, base) == (Fraction(count, base) >= Fraction(2, 3))
    assert rules.conference_adopts(count, base) == (Fraction(count, base) > Fraction(1, 2))


@given(st.integers(0, 300), st.integers(1, 3), st.integers(1, 4), st.booleans())
def test_minimum_count_is_the_smallest_that_reaches(base, num, den, strict):
    # given
    num = min(num, den)
    # when
    needed = rules.minimum_count(base, num, den, strict=strict)
    # then
    if needed <= base:
        assert rules.share_reached(needed, base, num, den, strict=strict) or base == 0
    assert not rules.share_reached(needed - 1, base, num, den, strict=strict)


def test_minimum_present_for_two_thirds():
    assert rules.minimum_present(30, 2, 3) == 20
    assert rules.minimum_present(10, 2, 3) == 7
    assert rules.minimum_present(10, 0, 1) == 0


def test_non_strict_threshold_accepts_the_exact_share():
    assert rules.share_reached(10, 20, 1, 2, strict=False)
    assert not rules.share_reached(10, 20, 1, 2, strict=True)


CONFERENCE = rules.PRESETS["conference"]


def _motion(yes, no, abstain, *, electorate, present=None):
    papers = [["yes"]] * yes + [["no"]] * no + [["abstain"]] * abstain
    return rules.tally(
        method="motion",
        rule=CONFERENCE,
        papers=papers,
        electorate=electorate,
        present=len(papers) if present is None else present,
    )


def test_motion_adopted_with_more_than_half_of_attendees():
    # when: 30 summoned, 20 present (exactly 2/3), 11 for
    result = _motion(11, 6, 3, electorate=30)
    # then
    assert result["quorum_met"] is True
    assert result["counts"] == {"yes": 11, "no": 6, "abstain": 3}
    assert result["adopted"] is True
    assert result["threshold_required"] == 11
    assert result["quorum_required"] == 20


def test_motion_with_exactly_half_is_not_adopted():
    result = _motion(10, 6, 4, electorate=30)
    assert result["quorum_met"] is True
    assert result["adopted"] is False


def test_motion_without_quorum_is_not_adopted_even_if_unanimous():
    # when: 19 of 30 present, all for
    result = _motion(19, 0, 0, electorate=30)
    # then
    assert result["quorum_met"] is False
    assert result["adopted"] is False


def test_abstentions_count_in_the_base_of_attendees():
    # when: 21 present, 10 for, 11 abstain: 10 is not more than half of 21
    result = _motion(10, 0, 11, electorate=30)
    assert result["adopted"] is False


def test_attendance_recorded_at_the_meeting_is_the_base():
    # given: 24 in the room, only 20 returned a paper, 12 for: 12 is exactly half of 24
    result = _motion(12, 8, 0, electorate=30, present=24)
    # then
    assert result["base"] == 24
    assert result["adopted"] is False


def test_written_ballot_counts_on_all_staff():
    # Luật 10/2022/QH15, Điều 50 (share: our reading): 16 of 30 staff approving carries it, even
    # though only 20 answered; 15 of 30 does not.
    rule = rules.PRESETS["written"]
    carried = rules.tally(
        method="motion", rule=rule, papers=[["yes"]] * 16 + [["no"]] * 4, electorate=30, present=20
    )
    lost = rules.tally(
        method="motion", rule=rule, papers=[["yes"]] * 15 + [["no"]] * 1, electorate=30, present=16
    )
    assert carried["adopted"] is True
    assert lost["adopted"] is False


OPTIONS = [
    rules.Option(1, "An"),
    rules.Option(2, "Bình"),
    rules.Option(3, "Cúc"),
    rules.Option(4, "Dũng"),
]


def _election(papers, *, seats=2, electorate=None):
    return rules.tally(
        method="election",
        rule=CONFERENCE,
        papers=papers,
        electorate=len(papers) if electorate is None else electorate,
        present=len(papers),
        options=OPTIONS,
        seats=seats,
    )


def _by_label(result):
    return {row["label"]: row for row in result["options"]}


def test_election_fills_seats_with_the_most_votes_above_half():
    # given: 9 voters, 2 seats
    papers = [[1, 2]] * 4 + [[1, 3]] * 3 + [[2, 3]] * 2
    # when
    rows = _by_label(_election(papers))
    # then: An 7, Bình 6, Cúc 5 all above half of 9; the two most take the seats
    assert [rows[name]["votes"] for name in ("An", "Bình", "Cúc", "Dũng")] == [7, 6, 5, 0]
    assert [rows[name]["elected"] for name in ("An", "Bình", "Cúc", "Dũng")] == [
        True,
        True,
        False,
        False,
    ]


def test_candidate_with_exactly_half_is_not_elected():
    # given: 4 voters; An 4, Bình 2 (exactly half)
    result = _election([[1, 2], [1, 2], [1], [1]])
    rows = _by_label(result)
    assert rows["An"]["elected"] is True
    assert rows["Bình"]["elected"] is False
    assert rows["Bình"]["reached"] is False


def test_tie_for_the_last_seat_elects_neither_tied_candidate():
    # given: 5 voters, 2 seats; An 4, Bình 3, Cúc 3 (all above half of 5)
    result = _election([[1, 2], [1, 2], [1, 3], [1, 3], [2, 3]])
    rows = _by_label(result)
    assert (rows["Bình"]["votes"], rows["Cúc"]["votes"]) == (3, 3)
    assert result["tie"] is True
    assert rows["An"]["elected"] is True
    assert rows["Bình"]["elected"] is False and rows["Bình"]["tied"] is True
    assert rows["Cúc"]["elected"] is False and rows["Cúc"]["tied"] is True


def test_blank_papers_count_as_present_but_elect_nobody():
    result = _election([[], [], [1]], seats=1)
    assert result["blank"] == 2
    assert _by_label(result)["An"]["elected"] is False  # 1 of 3 is not more than half


def test_approval_adopts_each_option_on_its_own():
    # given: 5 voters approving several options
    papers = [[1, 2], [1, 2], [1], [2, 3], [1, 3]]
    result = rules.tally(
        method="approval",
        rule=CONFERENCE,
        papers=papers,
        electorate=6,
        present=5,
        options=OPTIONS[:3],
    )
    rows = _by_label(result)
    assert (rows["An"]["votes"], rows["Bình"]["votes"], rows["Cúc"]["votes"]) == (4, 3, 2)
    assert (rows["An"]["adopted"], rows["Bình"]["adopted"], rows["Cúc"]["adopted"]) == (
        True,
        True,
        False,
    )
