"""Indicator values agree with the school's own data, to the unit, for hand-built data."""

import datetime as dt

import pytest
import time_machine

from gandan.democracy import oversight
from gandan.petitions import dashboard
from gandan.reports.indicators import (
    BY_CODE,
    HALF_YEAR,
    MONTH,
    YEAR,
    Period,
    report_month,
    report_month_end,
    report_month_start,
    satisfaction_index,
)
from gandan.reports.models import UnitMonth, UnitStatus
from gandan.reports.refresh import refresh_indicators
from gandan.reports.tests.indicators_data import NOW, TODAY, three_cases

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "month"),
    [
        (dt.date(2025, 12, 14), dt.date(2025, 12, 1)),
        (dt.date(2025, 12, 15), dt.date(2026, 1, 1)),
        (dt.date(2026, 1, 14), dt.date(2026, 1, 1)),
        (dt.date(2026, 2, 28), dt.date(2026, 3, 1)),
        (dt.date(2026, 3, 14), dt.date(2026, 3, 1)),
        (dt.date(2026, 6, 14), dt.date(2026, 6, 1)),
        (dt.date(2026, 6, 15), dt.date(2026, 7, 1)),
    ],
)
def test_a_report_month_runs_from_the_15th_to_the_14th(day, month):
    assert report_month(day) == month
    assert report_month_start(month) <= day <= report_month_end(month)


def test_periods_follow_the_cut_offs_of_decree_09_2019():
    # Nghị định 09/2019/NĐ-CP, Điều 12: 15/12 of the previous year to 14/6, and to 14/12.
    half = Period.parse("6-thang-2026")
    year = Period.parse("nam-2026")
    month = Period.parse("thang-2026-03")
    assert (half.starts_on, half.ends_on) == (dt.date(2025, 12, 15), dt.date(2026, 6, 14))
    assert (year.starts_on, year.ends_on) == (dt.date(2025, 12, 15), dt.date(2026, 12, 14))
    assert (month.starts_on, month.ends_on) == (dt.date(2026, 2, 15), dt.date(2026, 3, 14))
    assert len(half.months()) == 6 and len(year.months()) == 12
    assert Period.parse("nam-abc") is None and Period.parse("thang-2026-13") is None
    assert Period.containing(dt.date(2026, 6, 14)) == Period(HALF_YEAR, 2026)
    assert Period.containing(dt.date(2026, 6, 15)) == Period(YEAR, 2026)
    assert Period.containing(dt.date(2026, 12, 15)) == Period(HALF_YEAR, 2027)
    assert Period(MONTH, 2026, 3).key == "thang-2026-03"


def _period_sums(school, period):
    rows = UnitMonth.objects.filter(
        organisation=school, month__gte=period.first, month__lte=period.last
    ).values()
    sums: dict[str, float] = {}
    for row in rows:
        for key, value in row.items():
            if key not in ("id", "organisation_id", "month"):
                sums[key] = sums.get(key, 0) + value
    return sums


def test_case_indicators_agree_with_the_schools_own_pages(school, principal):
    # given: four cases: one answered on time (5 stars), one late, one contested (2 stars),
    # one overdue now
    with time_machine.travel(NOW, tick=False):
        three_cases(school, principal)
        # when
        refresh_indicators(today=TODAY)
    # then: the months hold what happened, each in its report month
    months = {
        row.month: row for row in UnitMonth.objects.filter(organisation=school).order_by("month")
    }
    march, april, june = dt.date(2026, 3, 1), dt.date(2026, 4, 1), dt.date(2026, 6, 1)
    assert sorted(months) == [march, april, june]
    assert (months[march].received_feedback, months[march].received_complaints) == (3, 1)
    assert (months[march].answered, months[march].answered_on_time) == (1, 1)
    assert (months[april].answered, months[april].answered_on_time) == (1, 0)
    assert months[june].contested == 1
    assert (months[june].rated, months[june].rating_sum, months[june].rating_sum_sq) == (2, 7, 29)
    status = UnitStatus.objects.get(organisation=school)
    assert (status.cases_open, status.cases_overdue) == (2, 1)
    # and the period's values are those of the school's own pages
    sums = _period_sums(school, Period.parse("6-thang-2026"))
    values = {code: BY_CODE[code].compute(sums, status) for code in BY_CODE}
    assert values["cases_received"].number == 4
    assert values["cases_answered"].number == 2
    assert values["cases_on_time"].text == "50,0 %"
    assert values["cases_open"].number == 2
    assert values["cases_overdue"].number == 1
    assert values["cases_contested"].number == 1
    assert values["cases_rating"].text == "3,50"
    own = dashboard.on_time_by_month(school)
    assert sum(m["total"] for m in own) == 2 and sum(m["on_time"] for m in own) == 1
    rated = dashboard.satisfaction(school)
    assert (rated["rated"], rated["contested"]) == (2, 1)
    overview = oversight.school_overview(school, TODAY)
    assert (overview.cases_open, overview.cases_overdue) == (2, 1)
    # the satisfaction index pools the two ratings: 100 and 25 on the 0–100 scale
    index = satisfaction_index(sums)
    assert index.n == 2 and index.mean == pytest.approx(62.5)
    assert values["satisfaction_index"].text == "62,5"
    assert values["satisfaction_interval"].text == "0,0–100,0"
