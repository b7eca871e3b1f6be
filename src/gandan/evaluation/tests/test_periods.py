"""Periods of a work year: bounds, labels, months worked."""

import datetime as dt
from decimal import Decimal

import pytest

from gandan.evaluation import periods
from gandan.evaluation.periods import PeriodType

D = dt.date


@pytest.mark.parametrize(
    ("period_type", "year", "number", "start_month", "bounds"),
    [
        (PeriodType.QUARTER, 2026, 1, 9, (D(2026, 9, 1), D(2026, 11, 30))),
        (PeriodType.QUARTER, 2026, 2, 9, (D(2026, 12, 1), D(2027, 2, 28))),
        (PeriodType.QUARTER, 2026, 4, 9, (D(2027, 6, 1), D(2027, 8, 31))),
        (PeriodType.QUARTER, 2026, 1, 1, (D(2026, 1, 1), D(2026, 3, 31))),
        (PeriodType.MONTH, 2027, 6, 9, (D(2028, 2, 1), D(2028, 2, 29))),
        (PeriodType.YEAR, 2025, 1, 9, (D(2025, 9, 1), D(2026, 8, 31))),
        (PeriodType.YEAR, 2026, 1, 1, (D(2026, 1, 1), D(2026, 12, 31))),
    ],
)
def test_period_bounds(period_type, year, number, start_month, bounds):
    assert periods.period_bounds(period_type, year, number, start_month) == bounds


@pytest.mark.parametrize(
    ("period_type", "number"), [(PeriodType.QUARTER, 5), (PeriodType.MONTH, 0)]
)
def test_period_numbers_out_of_range_are_refused(period_type, number):
    with pytest.raises(ValueError):
        periods.period_bounds(period_type, 2026, number, 9)


@pytest.mark.parametrize(
    ("period_type", "year", "number", "start_month", "label"),
    [
        (PeriodType.QUARTER, 2026, 1, 9, "Quý I năm học 2026–2027"),
        (PeriodType.QUARTER, 2026, 4, 1, "Quý IV năm 2026"),
        (PeriodType.YEAR, 2025, 1, 9, "Năm học 2025–2026"),
        (PeriodType.MONTH, 2026, 4, 9, "Tháng 12/2026 (năm học 2026–2027)"),
    ],
)
def test_period_labels(period_type, year, number, start_month, label):
    assert periods.period_label(period_type, year, number, start_month) == label


@pytest.mark.parametrize(
    ("joined", "left", "months"),
    [
        (None, None, "12.0"),
        (D(2026, 3, 1), None, "6.0"),
        (D(2026, 3, 2), None, "5.9"),
        (None, D(2025, 8, 31), "0.0"),
        (D(2025, 1, 1), D(2025, 12, 31), "4.0"),
        (D(2025, 9, 15), D(2026, 3, 14), "6.0"),
        (D(2025, 9, 15), D(2026, 3, 13), "5.9"),
    ],
)
def test_months_within_the_year(joined, left, months):
    start, end = D(2025, 9, 1), D(2026, 8, 31)
    assert periods.months_within(start, end, joined, left) == Decimal(months)
