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
    MONTH_COLUMNS,
    YEAR,
    Period,
    report_month,
    report_month_end,
    report_month_start,
    satisfaction_index,
)
from gandan.reports.models import UnitMonth, UnitStatus
from gandan.reports.refresh import refresh_indicators
from gandan.reports.tests import indicators_data as data
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
    half, year, month = (
        Period.parse(key) or pytest.fail(key)
        for key in ("6-thang-2026", "nam-2026", "thang-2026-03")
    )
    assert (half.starts_on, half.ends_on) == (dt.date(2025, 12, 15), dt.date(2026, 6, 14))
    assert (year.starts_on, year.ends_on) == (dt.date(2025, 12, 15), dt.date(2026, 12, 14))
    assert (month.starts_on, month.ends_on) == (dt.date(2026, 2, 15), dt.date(2026, 3, 14))
    assert len(half.months()) == 6 and len(year.months()) == 12
    assert Period.parse("nam-abc") is None and Period.parse("thang-2026-13") is None
    assert Period.containing(dt.date(2026, 6, 14)) == Period(HALF_YEAR, 2026)
    assert Period.containing(dt.date(2026, 6, 15)) == Period(YEAR, 2026)
    assert Period.containing(dt.date(2026, 12, 15)) == Period(HALF_YEAR, 2027)
    assert Period(MONTH, 2026, 3).key == "thang-2026-03"


def _period_sums(school, period: Period | None) -> dict[str, float]:
    assert period is not None
    rows = UnitMonth.objects.filter(
        organisation=school, month__gte=period.first, month__lte=period.last
    )
    return {key: sum(getattr(row, key) for row in rows) for key in MONTH_COLUMNS}


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
    assert values["cases_rating"].text == "3,50/5"
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


def _values(school, period_key: str = "6-thang-2026") -> dict:
    status = UnitStatus.objects.get(organisation=school)
    sums = _period_sums(school, Period.parse(period_key))
    return {code: BY_CODE[code].compute(sums, status) for code in BY_CODE}


def test_plan_tasks_count_when_the_done_report_was_made(school, ward, teacher):
    # given: two tasks due 10/3 reported done on 09/3 and on 12/3; one overdue at 40 %; one
    # not yet due
    data.plan_with_tasks(school, ward, teacher)
    # when
    refresh_indicators(today=TODAY)
    # then
    march = UnitMonth.objects.get(organisation=school, month=dt.date(2026, 3, 1))
    assert (march.tasks_due, march.tasks_done_on_time, march.tasks_done_late) == (2, 1, 1)
    may = UnitMonth.objects.get(organisation=school, month=dt.date(2026, 5, 1))
    assert (may.tasks_due, may.tasks_overdue) == (1, 1)
    july = UnitMonth.objects.get(organisation=school, month=dt.date(2026, 7, 1))
    assert (july.tasks_due, july.tasks_overdue) == (1, 0)
    values = _values(school)
    assert values["tasks_on_time"].text == "33,3 %"  # 1 of 3 settled
    assert values["tasks_overdue"].number == 1
    assert values["progress"].text == "60,0 %"  # (100 + 100 + 40 + 0) / 4
    assert values["plan_issued"].text == "Đã ban hành 10/01/2026"
    assert values["plan_parent"].text == "Có"
    overview = oversight.school_overview(school, TODAY)
    assert (overview.assignments_open, overview.assignments_overdue) == (2, 1)


def test_disclosures_count_by_stored_due_and_publication_dates(school):
    data.disclosures(school)
    refresh_indicators(today=TODAY)
    march = UnitMonth.objects.get(organisation=school, month=dt.date(2026, 3, 1))
    assert (march.disclosures_due, march.disclosures_on_time, march.disclosures_late) == (2, 1, 1)
    april = UnitMonth.objects.get(organisation=school, month=dt.date(2026, 4, 1))
    assert (april.disclosures_due, april.disclosures_missing) == (1, 1)
    values = _values(school)
    assert values["disclosures_on_time"].text == "33,3 %"
    assert (values["disclosures_late"].number, values["disclosures_missing"].number) == (1, 1)
    assert values["disclosures_yearly_missing"].number == 0  # 30/6 has not passed


def test_yearly_disclosures_are_missing_once_their_date_passed(school):
    from gandan.democracy.models import DisclosureItem, DisclosureObligation, Timing
    from gandan.reports.refresh import recompute_schools

    july = dt.date(2026, 7, 5)
    yearly = list(DisclosureObligation.objects.in_force(july).filter(timing=Timing.ANNUAL))
    assert yearly, "TT 09/2024 yearly obligations are seeded"
    DisclosureItem.objects.create(
        organisation=school,
        obligation=yearly[0],
        title="Công khai năm 2026",
        year=2026,
        due_date=dt.date(2026, 6, 30),
        published_on=dt.date(2026, 6, 20),
    )
    recompute_schools([school.pk], today=july)
    status = UnitStatus.objects.get(organisation=school)
    assert status.disclosures_yearly_missing == len(yearly) - 1


def test_the_last_conference_board_campaign_and_evaluation(
    school, principal, union_officer, teacher, inspection_board
):
    data.conference(school, principal, union_officer, teacher)
    data.board(school, inspection_board)
    data.emulation(school, teacher)
    data.evaluation(school)
    refresh_indicators(today=TODAY)
    status = UnitStatus.objects.get(organisation=school)
    assert status.conference_held_on == dt.date(2025, 8, 25)
    assert (
        status.conference_in_window,
        status.conference_quorum_met,
        status.conference_resolution_issued,
    ) == (True, True, True)
    values = _values(school)
    assert values["conference"].text == "25/08/2025: đạt"
    assert values["board"].text == "Có, có chương trình"
    assert values["recommendations"].text == "2/3"
    assert (values["emulation_registered"].number, values["emulation_recognised"].number) == (3, 1)
    assert values["evaluation"].text == "2025–2026: đã chốt"
    assert values["evaluation_levels"].text == "XS 2 · Tốt 3 · HT 0 · KHT 0"
    assert values["evaluation_quota"].text == "Vượt tỷ lệ"


def test_a_late_conference_without_quorum_is_flagged(school, principal, union_officer, teacher):
    from gandan.democracy.models import Conference

    data.conference(school, principal, union_officer, teacher)
    Conference.objects.filter(held_on=dt.date(2025, 8, 25)).delete()
    refresh_indicators(today=TODAY)
    assert _values(school)["conference"].text == (
        "20/09/2024: họp quá hạn, không đủ 2/3, chưa có nghị quyết"
    )


def test_survey_answers_of_parents_feed_the_index(school):
    data.survey_answers(school)
    refresh_indicators(today=TODAY)
    april = UnitMonth.objects.get(organisation=school, month=dt.date(2026, 4, 1))
    assert (april.survey_responses, april.survey_score_sum) == (2, 140.0)
    values = _values(school)
    assert (values["satisfaction_index"].text, values["satisfaction_n"].number) == ("70,0", 2)
    # ± 1,96 × 14,14 / √2 = ± 19,6
    assert values["satisfaction_interval"].text == "50,4–89,6"


def test_every_indicator_states_its_method():
    for indicator in BY_CODE.values():
        assert str(indicator.label) and str(indicator.method).endswith(".")
    assert BY_CODE["conference"].basis == "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 51"
    assert "Luật Khiếu nại 2011, Điều 28" in BY_CODE["cases_on_time"].basis
