"""The data cut-offs of periodic reports (Nghị định 09/2019/NĐ-CP, Điều 12), table-driven."""

import datetime as dt
import itertools

import pytest

from gandan.reports.rules import (
    RULES,
    PeriodKind,
    PeriodRule,
    period_rule,
    report_period,
    rule_for,
)

D = dt.date

CASES = [
    # kind, year, number, start, end
    (PeriodKind.SIX_MONTHS, 2026, None, D(2025, 12, 15), D(2026, 6, 14)),
    (PeriodKind.SIX_MONTHS, 2025, None, D(2024, 12, 15), D(2025, 6, 14)),
    (PeriodKind.YEAR, 2026, None, D(2025, 12, 15), D(2026, 12, 14)),
    (PeriodKind.YEAR, 2020, None, D(2019, 12, 15), D(2020, 12, 14)),
    (PeriodKind.NINE_MONTHS, 2026, None, D(2025, 12, 15), D(2026, 9, 14)),
    (PeriodKind.QUARTER, 2026, 1, D(2025, 12, 15), D(2026, 3, 14)),
    (PeriodKind.QUARTER, 2026, 2, D(2026, 3, 15), D(2026, 6, 14)),
    (PeriodKind.QUARTER, 2026, 3, D(2026, 6, 15), D(2026, 9, 14)),
    (PeriodKind.QUARTER, 2026, 4, D(2026, 9, 15), D(2026, 12, 14)),
    (PeriodKind.MONTH, 2026, 1, D(2025, 12, 15), D(2026, 1, 14)),
    (PeriodKind.MONTH, 2026, 3, D(2026, 2, 15), D(2026, 3, 14)),
    (PeriodKind.MONTH, 2024, 3, D(2024, 2, 15), D(2024, 3, 14)),
    (PeriodKind.MONTH, 2026, 12, D(2026, 11, 15), D(2026, 12, 14)),
]


@pytest.mark.parametrize(("kind", "year", "number", "start", "end"), CASES)
def test_report_period(kind, year, number, start, end):
    assert report_period(kind, year, number=number) == (start, end)


def test_consecutive_quarters_and_months_leave_no_gap():
    # The quarters of a year cover exactly the yearly report, day after day.
    quarters = [report_period(PeriodKind.QUARTER, 2026, number=q) for q in (1, 2, 3, 4)]
    assert quarters[0][0] == report_period(PeriodKind.YEAR, 2026)[0]
    assert quarters[-1][1] == report_period(PeriodKind.YEAR, 2026)[1]
    for (_s1, end), (start, _e2) in itertools.pairwise(quarters):
        assert start == end + dt.timedelta(days=1)
    months = [report_period(PeriodKind.MONTH, 2026, number=m) for m in range(1, 13)]
    for (_s1, end), (start, _e2) in itertools.pairwise(months):
        assert start == end + dt.timedelta(days=1)
    # The next year starts the day after this year ends.
    assert report_period(PeriodKind.YEAR, 2027)[0] == D(2026, 12, 15)


def test_thematic_takes_the_dates_its_requester_sets():
    assert report_period(PeriodKind.THEMATIC, 2026, start=D(2026, 1, 1), end=D(2026, 3, 31)) == (
        D(2026, 1, 1),
        D(2026, 3, 31),
    )
    with pytest.raises(ValueError):
        report_period(PeriodKind.THEMATIC, 2026)
    with pytest.raises(ValueError):
        report_period(PeriodKind.THEMATIC, 2026, start=D(2026, 3, 1), end=D(2026, 2, 1))


@pytest.mark.parametrize(
    ("kind", "number"),
    [(PeriodKind.QUARTER, None), (PeriodKind.QUARTER, 5), (PeriodKind.MONTH, 0), ("weekly", 1)],
)
def test_refuses_what_is_not_a_period(kind, number):
    with pytest.raises(ValueError):
        report_period(kind, 2026, number=number)


def test_every_rule_cites_its_article_and_is_flagged_for_verification():
    # Only provincial decisions quoting the article were read (LAW.md §11).
    for rule in RULES:
        assert rule.citation.startswith("Nghị định 09/2019/NĐ-CP, Điều 12")
        assert rule.needs_verification
        assert rule.note
    six_months = period_rule(PeriodKind.SIX_MONTHS, 2026)
    assert six_months is not None and six_months.citation.endswith("điểm c")
    assert period_rule(PeriodKind.THEMATIC, 2026) is None


def test_a_later_version_applies_from_its_effective_date():
    # given: a hypothetical amendment moving the 6-month cut-off to the end of June from 2027
    amended = PeriodRule(
        kind=PeriodKind.SIX_MONTHS,
        span_months=6,
        end_months=(6,),
        citation="Nghị định giả định",
        effective_from=D(2026, 12, 1),
        start_day=1,
        end_day=30,
    )
    rules = (*RULES, amended)
    # then: periods starting before the amendment keep the old rule
    assert report_period(PeriodKind.SIX_MONTHS, 2026, rules=rules) == (
        D(2025, 12, 15),
        D(2026, 6, 14),
    )
    # and: later ones follow it
    assert report_period(PeriodKind.SIX_MONTHS, 2027, rules=rules) == (
        D(2026, 12, 1),
        D(2027, 6, 30),
    )
    assert rule_for(PeriodKind.SIX_MONTHS, D(2027, 1, 1), rules) is amended
    with pytest.raises(LookupError):
        rule_for(PeriodKind.SIX_MONTHS, D(2018, 1, 1))
