"""The evaluation rules, table-driven: thresholds at their edges, quota, caps, the six months."""

from decimal import Decimal

import pytest

from gandan.evaluation import rules
from gandan.evaluation.rules import Candidate, LeaveReason, Level, QuotaBase, RuleParams

# NĐ 233/2026 as seeded (migration 0002).
ND233 = RuleParams(
    point_based=True,
    excellent_min=Decimal(90),
    good_min=Decimal(70),
    done_min=Decimal(50),
)
# NĐ 90/2020: levels by criteria, not points (LAW.md gives no thresholds).
ND90 = RuleParams(
    point_based=False,
    short_time_exceptions=(LeaveReason.MATERNITY,),
    absence_cap_from_months=Decimal(3),
    absence_cap_level=Level.DONE,
)


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        ("0", Level.NOT_DONE),
        ("49.9", Level.NOT_DONE),
        ("49.99", Level.NOT_DONE),
        ("50", Level.DONE),
        ("69.9", Level.DONE),
        ("69.99", Level.DONE),
        ("70", Level.GOOD),
        ("89.9", Level.GOOD),
        ("89.99", Level.GOOD),
        ("90", Level.EXCELLENT),
        ("100", Level.EXCELLENT),
    ],
)
def test_level_for_thresholds_at_their_edges(score, expected):
    # NĐ 233/2026, Điều 12 k1–k4: ≥ 90; 70 to < 90; 50 to < 70; < 50.
    assert rules.level_for(Decimal(score), False, ND233) == expected


@pytest.mark.parametrize("score", ["100", "90", "70", "50"])
def test_a_disqualifying_condition_means_not_done_whatever_the_points(score):
    # Điều 12 k4 b–d
    assert rules.level_for(Decimal(score), True, ND233) == Level.NOT_DONE


def test_no_level_from_points_under_the_old_decree_but_disqualification_still_counts():
    assert rules.level_for(Decimal(95), False, ND90) is None
    assert rules.level_for(None, False, ND233) is None
    assert rules.level_for(None, True, ND90) == Level.NOT_DONE


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        (["90", "90", "90", "90"], "90.00"),
        (["89.9", "90", "90", "90.1"], "90.00"),
        # 89.995 is cut, not rounded up over the threshold.
        (["89.99", "90", "90", "89.99"], "89.99"),
        (["70", "69.99", "70", "70"], "69.99"),
        (["80.5"], "80.50"),
        (["1", "2", "2"], "1.66"),
    ],
)
def test_year_score_is_the_mean_of_the_periods_cut_to_two_decimals(scores, expected):
    assert rules.year_score([Decimal(s) for s in scores]) == Decimal(expected)


def test_year_score_of_nothing_is_none():
    assert rules.year_score([]) is None


@pytest.mark.parametrize(
    ("on_time", "late", "overdue", "expected"),
    [
        (0, 0, 0, None),
        (4, 0, 0, "70.00"),
        (3, 1, 0, "65.62"),  # 70 × (300 + 75) / 400 = 65.625, cut
        (2, 1, 1, "48.12"),  # 70 × (200 + 75 + 0) / 400 = 48.125
        (0, 0, 3, "0.00"),
    ],
)
def test_suggested_task_score_follows_the_units_point_rule(on_time, late, overdue, expected):
    result = rules.suggested_task_score(
        on_time=on_time,
        late=late,
        overdue=overdue,
        task_max=Decimal(70),
        on_time_percent=100,
        late_percent=75,
        overdue_percent=0,
    )
    assert result == (Decimal(expected) if expected else None)


@pytest.mark.parametrize(
    ("good_or_better", "percent", "base", "allowed"),
    [
        (0, 20, QuotaBase.GOOD_OR_BETTER, 0),
        (1, 20, QuotaBase.GOOD_OR_BETTER, 0),
        (3, 20, QuotaBase.GOOD_OR_BETTER, 0),  # 0.6: "không vượt quá" → 0
        (4, 20, QuotaBase.GOOD_OR_BETTER, 0),
        (5, 20, QuotaBase.GOOD_OR_BETTER, 1),
        (9, 20, QuotaBase.GOOD_OR_BETTER, 1),
        (10, 20, QuotaBase.GOOD_OR_BETTER, 2),
        (60, 20, QuotaBase.GOOD_OR_BETTER, 12),
        (3, 25, QuotaBase.GOOD_OR_BETTER, 0),
        (4, 25, QuotaBase.GOOD_OR_BETTER, 1),
        (8, 25, QuotaBase.GOOD_OR_BETTER, 2),
        # Only those left at "tốt" as the base: x ≤ 20 % × (n − x).
        (5, 20, QuotaBase.GOOD_ONLY, 0),
        (6, 20, QuotaBase.GOOD_ONLY, 1),
        (12, 20, QuotaBase.GOOD_ONLY, 2),
        (5, 25, QuotaBase.GOOD_ONLY, 1),
    ],
)
def test_quota_with_small_units(good_or_better, percent, base, allowed):
    # NĐ 233/2026, Điều 12 k6: a ceiling; no "at least one" for viên chức.
    assert rules.quota_allowed(good_or_better, percent, base) == allowed


def _candidates(*rows):
    return [
        Candidate(key=key, wants_excellent=wants, score=Decimal(score), task_score=Decimal(task))
        for key, wants, score, task in rows
    ]


def test_apply_quota_keeps_the_highest_scores_and_lowers_the_rest():
    # given: 10 at "tốt" or better, 3 above 90 → 2 places (20 %)
    candidates = _candidates(
        ("a", True, "95", "66"),
        ("b", True, "92", "64"),
        ("c", True, "91", "63"),
        *[(f"g{i}", False, "80", "55") for i in range(7)],
    )
    # when
    result = rules.apply_quota(candidates, unit_excellent=False, rules=ND233)
    # then
    assert (result.allowed, result.excellent, result.demoted, result.tied) == (
        2,
        ("a", "b"),
        ("c",),
        (),
    )


def test_apply_quota_breaks_equal_totals_by_the_task_score():
    candidates = _candidates(
        ("a", True, "92", "62"),
        ("b", True, "92", "64"),
        *[(f"g{i}", False, "80", "55") for i in range(3)],
    )
    result = rules.apply_quota(candidates, unit_excellent=False, rules=ND233)
    assert (result.allowed, result.excellent, result.demoted) == (1, ("b",), ("a",))


def test_apply_quota_leaves_a_full_tie_at_the_cut_to_the_head():
    candidates = _candidates(
        ("a", True, "95", "66"),
        ("b", True, "92", "64"),
        ("c", True, "92", "64"),
        ("d", True, "90", "60"),
        *[(f"g{i}", False, "80", "55") for i in range(6)],
    )
    result = rules.apply_quota(candidates, unit_excellent=False, rules=ND233)
    assert (result.excellent, result.tied, result.places_for_tied, result.demoted) == (
        ("a",),
        ("b", "c"),
        1,
        ("d",),
    )


def test_apply_quota_rises_to_25_percent_when_the_unit_is_excellent():
    candidates = _candidates(
        ("a", True, "95", "66"),
        ("b", True, "92", "64"),
        *[(f"g{i}", False, "80", "55") for i in range(6)],
    )
    ordinary = rules.apply_quota(candidates, unit_excellent=False, rules=ND233)
    excellent = rules.apply_quota(candidates, unit_excellent=True, rules=ND233)
    assert (ordinary.allowed, ordinary.excellent) == (1, ("a",))
    assert (excellent.allowed, excellent.excellent, excellent.percent) == (2, ("a", "b"), 25)


def test_apply_quota_in_a_unit_of_three_allows_no_excellent():
    candidates = _candidates(
        ("a", True, "99", "69"), ("b", False, "80", "55"), ("c", False, "75", "50")
    )
    result = rules.apply_quota(candidates, unit_excellent=False, rules=ND233)
    assert (result.allowed, result.excellent, result.demoted) == (0, (), ("a",))


def test_apply_quota_without_points_leaves_every_candidate_to_the_head():
    candidates = [Candidate(key=k, wants_excellent=True) for k in "abc"] + [
        Candidate(key=f"g{i}", wants_excellent=False) for i in range(7)
    ]
    result = rules.apply_quota(candidates, unit_excellent=False, rules=ND90)
    assert (result.allowed, result.excellent, result.tied, result.places_for_tied) == (
        2,
        (),
        ("a", "b", "c"),
        2,
    )


@pytest.mark.parametrize(
    ("head", "unit", "expected"),
    [
        (Level.EXCELLENT, Level.GOOD, Level.GOOD),
        (Level.EXCELLENT, Level.EXCELLENT, Level.EXCELLENT),
        (Level.GOOD, Level.EXCELLENT, Level.GOOD),
        (Level.GOOD, Level.DONE, Level.DONE),
        (Level.DONE, Level.NOT_DONE, Level.NOT_DONE),
        (Level.NOT_DONE, Level.EXCELLENT, Level.NOT_DONE),
    ],
)
def test_head_is_never_rated_above_the_unit(head, unit, expected):
    # NĐ 233/2026, Điều 12 k7
    assert rules.cap_head_to_unit(head, unit) == expected


@pytest.mark.parametrize(
    ("months", "leave", "params", "expected"),
    [
        ("12", LeaveReason.NONE, ND233, True),
        ("6", LeaveReason.NONE, ND233, True),
        ("5.9", LeaveReason.NONE, ND233, False),
        ("5.9", LeaveReason.UNPAID, ND233, False),
        ("6", LeaveReason.UNPAID, ND233, True),
        ("2", LeaveReason.SICK, ND233, True),
        ("2", LeaveReason.MATERNITY, ND233, True),
        # NĐ 90/2020 (secondary source): only maternity is an exception.
        ("2", LeaveReason.SICK, ND90, False),
        ("2", LeaveReason.MATERNITY, ND90, True),
    ],
)
def test_six_month_rule(months, leave, params, expected):
    # NĐ 233/2026, Điều 14 k1–k2
    assert rules.eligible(Decimal(months), leave, params) is expected


@pytest.mark.parametrize(
    ("absent", "expected"),
    [("0", None), ("2.9", None), ("3", Level.DONE), ("5.9", Level.DONE), ("6", None)],
)
def test_long_absence_caps_the_level_under_the_old_decree_only(absent, expected):
    assert rules.absence_cap(Decimal(absent), ND90) == expected
    assert rules.absence_cap(Decimal(absent), ND233) is None
