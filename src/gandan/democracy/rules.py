"""Quorum, adoption thresholds and the tally: pure functions, integer arithmetic only.

Fractions are compared by cross-multiplication (3 * present >= 2 * summoned), never with
floats, so that "exactly two thirds" and "exactly half" fall on the side the law puts them.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

PRESENT = "present"
ELECTORATE = "electorate"


@dataclass(frozen=True)
class Rule:
    """When a vote is valid (quorum) and when a choice carries (threshold)."""

    quorum_num: int  # 0 = no quorum
    quorum_den: int
    threshold_num: int
    threshold_den: int
    strict: bool  # True: must exceed the share; exactly the share is not enough
    base: str  # PRESENT or ELECTORATE: what the share is taken of
    citation: str


PRESETS: dict[str, Rule] = {
    # Luật 10/2022/QH15, Điều 51 k2c: the staff conference is valid with at least 2/3 of those
    # summoned present; a decision is adopted when more than 50 % of those attending approve.
    "conference": Rule(2, 3, 1, 2, True, PRESENT, "Luật 10/2022/QH15, Điều 51 khoản 2 điểm c"),
    # Luật 10/2022/QH15, Điều 50: when the conference cannot meet, a written ballot of all staff.
    # The Law states no share for it; more than half of all staff is our reading [inference].
    "written": Rule(
        0, 1, 1, 2, True, ELECTORATE, "Luật 10/2022/QH15, Điều 50 (tỷ lệ: suy luận, cần xác minh)"
    ),
    # Nghị định 59/2023/NĐ-CP, Điều 20 k3: a board works collectively and decides by majority
    # (of its members) [inference on the base].
    "board": Rule(0, 1, 1, 2, True, ELECTORATE, "Nghị định 59/2023/NĐ-CP, Điều 20 khoản 3"),
}


def quorum_met(present: int, summoned: int, num: int, den: int) -> bool:
    """present / summoned ≥ num / den (a quorum of 0 is always met)."""
    if num == 0:
        return True
    if summoned <= 0:
        return False
    return present * den >= num * summoned


def share_reached(count: int, base: int, num: int, den: int, *, strict: bool) -> bool:
    """count / base > num / den when strict, ≥ otherwise; nothing is reached on an empty base."""
    if base <= 0:
        return False
    if strict:
        return count * den > num * base
    return count * den >= num * base


def minimum_present(summoned: int, num: int, den: int) -> int:
    """The fewest people present that make the quorum."""
    if num == 0:
        return 0
    return -(-num * summoned // den)


def minimum_count(base: int, num: int, den: int, *, strict: bool) -> int:
    """The fewest approvals that carry a choice on this base."""
    if strict:
        return num * base // den + 1
    return -(-num * base // den)


def conference_is_valid(present: int, summoned: int) -> bool:
    """Luật 10/2022/QH15, Điều 51 k2c: at least two thirds of those summoned are present."""
    return quorum_met(present, summoned, 2, 3)


def conference_adopts(approvals: int, attending: int) -> bool:
    """Luật 10/2022/QH15, Điều 51 k2c: more than 50 % of those attending approve."""
    return share_reached(approvals, attending, 1, 2, strict=True)


YES, NO, ABSTAIN = "yes", "no", "abstain"


@dataclass(frozen=True)
class Option:
    id: int
    label: str


def tally(
    *,
    method: str,
    rule: Rule,
    papers: Iterable[Sequence],
    electorate: int,
    present: int,
    options: Sequence[Option] = (),
    seats: int | None = None,
) -> dict:
    """Count the papers and apply the rule. Returns a JSON-ready result.

    `present` is who took part: the attendance recorded at a meeting, or else the number of
    people who returned a paper.
    """
    papers = [list(paper) for paper in papers]
    base = present if rule.base == PRESENT else electorate
    valid = quorum_met(present, electorate, rule.quorum_num, rule.quorum_den)
    result: dict = {
        "method": method,
        "electorate": electorate,
        "present": present,
        "papers": len(papers),
        "quorum_met": valid,
        "quorum_required": minimum_present(electorate, rule.quorum_num, rule.quorum_den),
        "base": base,
        "threshold_required": minimum_count(
            base, rule.threshold_num, rule.threshold_den, strict=rule.strict
        ),
        "citation": rule.citation,
    }

    def reached(count: int) -> bool:
        return valid and share_reached(
            count, base, rule.threshold_num, rule.threshold_den, strict=rule.strict
        )

    if method == "motion":
        counts = Counter(choice for paper in papers for choice in paper[:1])
        result["counts"] = {key: counts.get(key, 0) for key in (YES, NO, ABSTAIN)}
        result["adopted"] = reached(counts.get(YES, 0))
        return result

    votes = Counter(choice for paper in papers for choice in set(paper))
    rows: list[dict[str, Any]] = [
        {"id": option.id, "label": option.label, "votes": votes.get(option.id, 0)}
        for option in options
    ]
    result["blank"] = sum(1 for paper in papers if not paper)
    for row in rows:
        row["reached"] = reached(row["votes"])
    if method == "approval":
        for row in rows:
            row["adopted"] = row["reached"]
        result["options"] = rows
        return result

    # Election: of those who reached the threshold, the most votes take the seats; a tie for the
    # last seat elects none of the tied (another round is needed for them).
    ranked = sorted((row for row in rows if row["reached"]), key=lambda row: -row["votes"])
    seats = seats or 0
    tied_votes: int | None = None
    if len(ranked) <= seats:
        elected_ids = {row["id"] for row in ranked}
    elif seats and ranked[seats - 1]["votes"] == ranked[seats]["votes"]:
        tied_votes = ranked[seats - 1]["votes"]
        elected_ids = {row["id"] for row in ranked if row["votes"] > tied_votes}
    else:
        elected_ids = {row["id"] for row in ranked[:seats]}
    for row in rows:
        row["elected"] = row["id"] in elected_ids
        row["tied"] = row["reached"] and tied_votes is not None and row["votes"] == tied_votes
    result["options"] = sorted(rows, key=lambda row: (-row["votes"], row["label"]))
    result["seats"] = seats
    result["tie"] = tied_votes is not None
    return result


# The inspection board's composition (Ban Thanh tra nhân dân).


@dataclass(frozen=True)
class BoardComposition:
    """Who may sit on the board and how many seats it has, in the version in force."""

    valid_from: str  # ISO date
    min_seats: int
    max_seats: int
    min_staff: int
    excluded_roles: frozenset[str]
    # Titles (accent-folded, lower case) of the people the law keeps off the board besides the
    # head and deputies: the chief accountant and whoever does that job in a school.
    excluded_titles: tuple[str, ...]
    citation: str
    needs_verification: bool = False

    def seat_range(self, *, dispersed: bool) -> tuple[int, int | None]:
        """The fewest and most members; no most for a dispersed or special unit."""
        return self.min_seats, None if dispersed else self.max_seats

    def is_excluded_title(self, folded_title: str) -> bool:
        words = " " + " ".join(folded_title.replace(",", " ").replace(";", " ").split()) + " "
        return any(f" {title} " in words for title in self.excluded_titles)


# Luật 10/2022/QH15, Điều 60 (in force from 01/7/2023): elected by the staff conference on the
# union's proposal, 03 to 09 members; a unit organised in dispersed places or of a special
# nature may elect more (the Law names no upper number); not formed in a unit of 07 staff or
# fewer; neither the head nor a deputy head may sit on it, nor the chief accountant (NĐ
# 59/2023/NĐ-CP, Điều 21; LAW.md §11 marks the article unverified). A school has no "kế toán
# trưởng" post of its own: the accountant in charge ("phụ trách kế toán", Luật Kế toán 2015
# Điều 52 k1) does that job, so a title of "kế toán" at the school is kept off too [inference].
BOARD_COMPOSITION = BoardComposition(
    valid_from="2023-07-01",
    min_seats=3,
    max_seats=9,
    min_staff=8,
    excluded_roles=frozenset({"head", "deputy_head"}),
    excluded_titles=("ke toan truong", "phu trach ke toan", "ke toan"),
    citation="Luật 10/2022/QH15, Điều 60; Nghị định 59/2023/NĐ-CP, Điều 21",
    needs_verification=True,
)
