"""The pure core: the statutory baseline, precedence of adjustments, counting rules, bulk forms."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gandan.worktime.calendar import (
    Adjustments,
    WorkCalendar,
    adjustments_from_rows,
    statutory_holidays,
)

D = dt.date


def no_holidays(year):
    return {}


# -- the statutory baseline (BLLĐ 2019 Điều 111–112 through holidays.VN) ----------------------


@pytest.mark.parametrize(
    ("day", "why"),
    [
        (D(2026, 1, 1), "Tết Dương lịch"),
        (D(2026, 2, 16), "Tết: giao thừa"),
        (D(2026, 2, 17), "Tết: mùng 1 Bính Ngọ"),
        (D(2026, 2, 20), "Tết: mùng 4"),
        (D(2025, 4, 7), "Giỗ Tổ 10/3 Ất Tỵ"),
        (D(2026, 4, 26), "Giỗ Tổ 10/3 Bính Ngọ"),
        (D(2027, 4, 16), "Giỗ Tổ 10/3 Đinh Mùi"),
        (D(2026, 4, 27), "Điều 111 k3: Giỗ Tổ on Sunday made up on Monday"),
        (D(2026, 4, 30), "Ngày Chiến thắng"),
        (D(2026, 5, 1), "Quốc tế Lao động"),
        (D(2027, 5, 3), "Điều 111 k3: 01/05/2027 on Saturday made up on Monday"),
        (D(2026, 9, 1), "Quốc khánh: the adjacent day"),
        (D(2026, 9, 2), "Quốc khánh"),
        (D(2027, 9, 3), "Quốc khánh 2027: the adjacent day"),
        (D(2027, 2, 6), "Tết: mùng 1 Đinh Mùi"),
    ],
)
def test_statutory_holidays_include_article_112_days(day, why):
    # given / when
    found = statutory_holidays(day.year)
    # then
    assert day in found, why


@pytest.mark.parametrize(
    ("day", "why"),
    [
        (D(2026, 11, 24), "Ngày Văn hóa Việt Nam: not confirmed as law (LAW.md §7)"),
        (D(2027, 11, 24), "Ngày Văn hóa Việt Nam"),
        (D(2029, 11, 26), "its nghỉ bù (24/11/2029 is a Saturday)"),
        (D(2025, 5, 2), "the package's half of the 2025 swap: swaps come from the table"),
        (D(2026, 8, 31), "the package's half of the 2026 swap"),
        (D(2024, 4, 29), "the package's half of the 2024 swap"),
    ],
)
def test_statutory_holidays_leave_out_what_the_package_adds(day, why):
    # given / when
    found = statutory_holidays(day.year)
    # then
    assert day not in found, why


def test_statutory_holidays_are_read_only():
    # given
    found = statutory_holidays(2026)
    # when / then
    with pytest.raises(TypeError):
        found[D(2026, 3, 3)] = "x"  # type: ignore[index]


# -- counting rules on a bare calendar (weekends only) ---------------------------------------


@pytest.mark.parametrize(
    ("event", "n", "due"),
    [
        (D(2026, 3, 2), 1, D(2026, 3, 3)),  # BLDS Điều 147: the event day is not counted
        (D(2026, 3, 6), 1, D(2026, 3, 9)),  # Điều 148 k5: Sat 07/03 moves to Mon 09/03
        (D(2026, 3, 6), 2, D(2026, 3, 9)),  # Sun 08/03 moves to Mon 09/03
        (D(2026, 3, 6), 3, D(2026, 3, 9)),  # Mon 09/03 itself
        (D(2026, 3, 7), 7, D(2026, 3, 16)),  # from a Saturday event, ends Sat 14/03
    ],
)
def test_add_calendar_days_on_weekends_only(event, n, due):
    # given
    calendar = WorkCalendar(holidays_for_year=no_holidays)
    # when
    found = calendar.add_calendar_days(event, n)
    # then
    assert found == due


@pytest.mark.parametrize(
    ("event", "n", "due"),
    [
        (D(2026, 3, 2), 1, D(2026, 3, 3)),  # Monday event: Tuesday is day 1
        (D(2026, 3, 6), 1, D(2026, 3, 9)),  # Friday event: Monday is day 1
        (D(2026, 3, 7), 1, D(2026, 3, 9)),  # Saturday event: Monday is day 1
        (D(2026, 3, 2), 5, D(2026, 3, 9)),
        (D(2026, 3, 2), 10, D(2026, 3, 16)),
    ],
)
def test_add_working_days_on_weekends_only(event, n, due):
    # given
    calendar = WorkCalendar(holidays_for_year=no_holidays)
    # when
    found = calendar.add_working_days(event, n)
    # then
    assert found == due


def test_next_working_day_and_on_or_after():
    # given
    calendar = WorkCalendar(holidays_for_year=no_holidays)
    friday, saturday, monday = D(2026, 3, 6), D(2026, 3, 7), D(2026, 3, 9)
    # when / then
    assert calendar.next_working_day(friday) == monday
    assert calendar.next_working_day(saturday) == monday
    assert calendar.working_day_on_or_after(friday) == friday
    assert calendar.working_day_on_or_after(saturday) == monday


# -- precedence of adjustments ---------------------------------------------------------------


def test_day_off_adjustment_makes_a_weekday_off():
    # given
    calendar = WorkCalendar(Adjustments(days_off=frozenset({D(2026, 3, 4)})))
    # when / then
    assert not calendar.is_working_day(D(2026, 3, 4))
    assert calendar.add_working_days(D(2026, 3, 3), 1) == D(2026, 3, 5)


def test_working_day_adjustment_makes_a_saturday_working():
    # given
    saturday = D(2026, 3, 7)
    calendar = WorkCalendar(Adjustments(working_days=frozenset({saturday})))
    # when / then
    assert calendar.is_working_day(saturday)
    assert calendar.add_working_days(D(2026, 3, 6), 1) == saturday
    assert calendar.add_calendar_days(D(2026, 3, 6), 1) == saturday


def test_working_day_adjustment_beats_a_statutory_holiday_on_saturday():
    # given 01/02/2025, mùng 4 Tết on a Saturday, in the package
    saturday = D(2025, 2, 1)
    assert saturday in statutory_holidays(2025)
    calendar = WorkCalendar(Adjustments(working_days=frozenset({saturday})))
    # when / then
    assert calendar.is_working_day(saturday)


def test_not_holiday_adjustment_removes_a_statutory_holiday():
    # given Mon 27/04/2026, the package's nghỉ bù for Giỗ Tổ
    monday = D(2026, 4, 27)
    assert not WorkCalendar().is_working_day(monday)
    # when
    calendar = WorkCalendar(Adjustments(not_holidays=frozenset({monday})))
    # then
    assert calendar.is_working_day(monday)


def test_not_holiday_adjustment_does_not_make_a_weekend_working():
    # given Sun 26/04/2026, Giỗ Tổ
    sunday = D(2026, 4, 26)
    # when
    calendar = WorkCalendar(Adjustments(not_holidays=frozenset({sunday})))
    # then
    assert not calendar.is_working_day(sunday)


def test_adjustments_from_rows_sorts_by_kind():
    # given
    rows = [
        (D(2026, 1, 2), "day_off"),
        (D(2026, 1, 10), "working_day"),
        (D(2026, 4, 27), "not_holiday"),
    ]
    # when
    found = adjustments_from_rows(rows)
    # then
    assert found == Adjustments(
        days_off=frozenset({D(2026, 1, 2)}),
        working_days=frozenset({D(2026, 1, 10)}),
        not_holidays=frozenset({D(2026, 4, 27)}),
    )


# -- working_days_between ----------------------------------------------------------------------


def test_working_days_between_excludes_start_and_includes_end():
    # given Mon 02/03 – Mon 09/03/2026
    calendar = WorkCalendar(holidays_for_year=no_holidays)
    # when / then
    assert calendar.working_days_between(D(2026, 3, 2), D(2026, 3, 9)) == 5
    assert calendar.working_days_between(D(2026, 3, 9), D(2026, 3, 2)) == -5
    assert calendar.working_days_between(D(2026, 3, 7), D(2026, 3, 8)) == 0


# -- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [0, -3])
def test_a_period_has_at_least_one_day(n):
    # given
    calendar = WorkCalendar()
    # when / then
    with pytest.raises(ValueError):
        calendar.add_working_days(D(2026, 3, 2), n)
    with pytest.raises(ValueError):
        calendar.add_calendar_days(D(2026, 3, 2), n)
    with pytest.raises(ValueError):
        calendar.add_working_days_bulk([D(2026, 3, 2)], n)


@pytest.mark.parametrize("n", [True, 2.0, "3"])
def test_amount_must_be_an_int(n):
    # given
    calendar = WorkCalendar()
    # when / then
    with pytest.raises(TypeError):
        calendar.add_calendar_days(D(2026, 3, 2), n)


def test_datetimes_are_refused():
    # given: the date part of an aware UTC datetime may be the wrong local day
    calendar = WorkCalendar()
    moment = dt.datetime(2026, 3, 2, 20, 0, tzinfo=dt.UTC)
    # when / then
    with pytest.raises(TypeError):
        calendar.add_working_days(moment, 1)
    with pytest.raises(TypeError):
        calendar.add_working_days_bulk([D(2026, 3, 2), moment], 1)


def test_bulk_amounts_must_match_dates():
    # given
    calendar = WorkCalendar()
    # when / then
    with pytest.raises(ValueError):
        calendar.add_working_days_bulk([D(2026, 3, 2), D(2026, 3, 3)], [1])
    with pytest.raises(ValueError):
        calendar.working_days_between_bulk([D(2026, 3, 2)], [])


# -- bulk forms ----------------------------------------------------------------------------------


def test_bulk_forms_on_empty_input():
    # given
    calendar = WorkCalendar()
    # when / then
    assert calendar.add_working_days_bulk([], 5) == []
    assert calendar.add_calendar_days_bulk([], 5) == []
    assert calendar.working_days_between_bulk([], []) == []
    assert calendar.is_working_day_bulk([]) == []


def test_bulk_takes_one_amount_per_event():
    # given
    calendar = WorkCalendar(holidays_for_year=no_holidays)
    events = [D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 6)]
    # when
    found = calendar.add_working_days_bulk(events, [1, 5, 1])
    # then
    assert found == [D(2026, 3, 3), D(2026, 3, 9), D(2026, 3, 9)]


def test_bulk_widens_its_table_past_a_long_run_of_days_off():
    # given a whole year off: the first estimate of the table's reach falls short
    def year_2031_off(year):
        if year != 2031:
            return {}
        first = D(2031, 1, 1)
        return {first + dt.timedelta(days=i): "off" for i in range(365)}

    calendar = WorkCalendar(holidays_for_year=year_2031_off)
    # when
    working = calendar.add_working_days_bulk([D(2030, 12, 31)], 1)
    calendar_days = calendar.add_calendar_days_bulk([D(2030, 12, 31)], 1)
    # then: Thu 01/01/2032
    assert working == [D(2032, 1, 1)] == [calendar.add_working_days(D(2030, 12, 31), 1)]
    assert calendar_days == [D(2032, 1, 1)]


def test_bulk_equals_one_by_one_for_every_day_of_2024_to_2027():
    # given the real baseline with the 2026 Tết Dương lịch swap
    calendar = WorkCalendar(
        Adjustments(days_off=frozenset({D(2026, 1, 2)}), working_days=frozenset({D(2026, 1, 10)}))
    )
    first = D(2024, 1, 1)
    events = [first + dt.timedelta(days=i) for i in range(4 * 365 + 1)]
    for n in (1, 3, 10, 30, 90):
        # when
        working = calendar.add_working_days_bulk(events, n)
        calendar_days = calendar.add_calendar_days_bulk(events, n)
        # then
        assert working == [calendar.add_working_days(event, n) for event in events], n
        assert calendar_days == [calendar.add_calendar_days(event, n) for event in events], n
    assert calendar.is_working_day_bulk(events) == [calendar.is_working_day(e) for e in events]


dates = st.dates(min_value=D(2023, 1, 1), max_value=D(2028, 12, 31))
weekdays = dates.filter(lambda day: day.weekday() < 5)
weekends = dates.filter(lambda day: day.weekday() >= 5)
adjustment_sets = st.builds(
    Adjustments,
    days_off=st.frozensets(weekdays, max_size=20),
    working_days=st.frozensets(weekends, max_size=20),
    not_holidays=st.frozensets(dates, max_size=5),
)


@settings(max_examples=60, deadline=None)
@given(
    adjustments=adjustment_sets,
    events=st.lists(dates, min_size=1, max_size=30),
    n=st.integers(min_value=1, max_value=120),
)
def test_bulk_agrees_with_one_by_one(adjustments, events, n):
    # given
    calendar = WorkCalendar(adjustments)
    ends = list(reversed(events))
    # when
    working = calendar.add_working_days_bulk(events, n)
    calendar_days = calendar.add_calendar_days_bulk(events, n)
    between = calendar.working_days_between_bulk(events, ends)
    # then
    assert working == [calendar.add_working_days(event, n) for event in events]
    assert calendar_days == [calendar.add_calendar_days(event, n) for event in events]
    assert between == [
        calendar.working_days_between(s, e) for s, e in zip(events, ends, strict=True)
    ]


@settings(max_examples=80, deadline=None)
@given(adjustments=adjustment_sets, event=dates, n=st.integers(min_value=1, max_value=120))
def test_counting_laws(adjustments, event, n):
    # given
    calendar = WorkCalendar(adjustments)
    # when
    working_due = calendar.add_working_days(event, n)
    calendar_due = calendar.add_calendar_days(event, n)
    # then: n working days after the event, ending on a working day
    assert calendar.is_working_day(working_due)
    assert calendar.working_days_between(event, working_due) == n
    # then: the n-th calendar day, moved only across days off (BLDS Điều 148 k5)
    last_day = event + dt.timedelta(days=n)
    assert calendar_due >= last_day
    assert calendar.is_working_day(calendar_due)
    assert calendar.working_days_between(last_day - dt.timedelta(days=1), calendar_due) == 1


@settings(max_examples=60, deadline=None)
@given(adjustments=adjustment_sets, a=dates, b=dates, c=dates)
def test_working_days_between_adds_up(adjustments, a, b, c):
    # given
    calendar = WorkCalendar(adjustments)
    # when / then
    assert calendar.working_days_between(a, b) + calendar.working_days_between(b, c) == (
        calendar.working_days_between(a, c)
    )
    assert calendar.working_days_between(a, b) == -calendar.working_days_between(b, a)
