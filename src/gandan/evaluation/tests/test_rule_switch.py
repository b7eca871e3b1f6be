"""Which decree governs a period: chosen by the period's last day, with the 2026 transition."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from gandan.evaluation.models import Evaluation, EvaluationCycle
from gandan.evaluation.services import cycles

D = dt.date


@pytest.mark.parametrize(
    ("period_end", "with_rules", "expected"),
    [
        # NĐ 90/2020 (as amended) governs viên chức until 30/6/2026 (NĐ 233/2026 Điều 19 k2).
        (D(2025, 12, 31), False, "nd-90-2020-vien-chuc"),
        (D(2026, 6, 30), False, "nd-90-2020-vien-chuc"),
        (D(2026, 6, 30), True, "nd-90-2020-vien-chuc"),
        # Điều 20 k1: without its own quy chế, the unit rates under NĐ 90/2020 until end-2026.
        (D(2026, 7, 1), False, "nd-90-2020-vien-chuc"),
        (D(2026, 8, 31), False, "nd-90-2020-vien-chuc"),
        (D(2026, 12, 31), False, "nd-90-2020-vien-chuc"),
        # With its quy chế in force, the new decree.
        (D(2026, 11, 30), True, "nd-233-2026-vien-chuc"),
        # The quy chế is in force from 01/9/2026: a period ending before that is transitional.
        (D(2026, 8, 31), True, "nd-90-2020-vien-chuc"),
        # After the 2026 year-end rating there is no way back.
        (D(2027, 1, 1), False, "nd-233-2026-vien-chuc"),
        (D(2027, 8, 31), True, "nd-233-2026-vien-chuc"),
    ],
)
def test_the_decree_switches_by_the_period_end(school, request, period_end, with_rules, expected):
    # given
    rules = request.getfixturevalue("unit_rules") if with_rules else None
    # when
    rule_set, unit_rules = cycles.rule_set_for(organisation=school, period_end=period_end)
    # then
    assert rule_set.code == expected
    applies = (
        rules is not None and period_end >= rules.valid_from and expected == rules.rule_set.code
    )
    assert unit_rules == (rules if applies else None)


def test_no_rule_set_before_the_first_version(school):
    with pytest.raises(ValidationError):
        cycles.rule_set_for(organisation=school, period_end=D(2019, 12, 31))


def test_the_school_year_2025_2026_is_rated_under_the_old_decree(school, principal, staff):
    # when: the year 01/9/2025 – 31/8/2026, before the school issued its quy chế
    cycle = cycles.open_cycle(organisation=school, actor=principal, period_type="year", year=2025)
    # then
    assert (cycle.rule_set.code, cycle.starts_on, cycle.ends_on, cycle.label) == (
        "nd-90-2020-vien-chuc",
        D(2025, 9, 1),
        D(2026, 8, 31),
        "Năm học 2025–2026",
    )
    assert Evaluation.objects.filter(cycle=cycle).count() == 5


def test_quarter_one_of_2026_2027_is_tracked_under_the_new_decree(
    school, principal, staff, unit_rules
):
    cycle = cycles.open_cycle(
        organisation=school, actor=principal, period_type="quarter", year=2026, number=1
    )
    assert (cycle.rule_set.code, cycle.unit_rules, cycle.starts_on, cycle.ends_on) == (
        "nd-233-2026-vien-chuc",
        unit_rules,
        D(2026, 9, 1),
        D(2026, 11, 30),
    )


def test_no_quarterly_scoring_under_the_old_decree(school, principal, staff):
    # given: the quarter ends 30/6/2026, NĐ 90/2020 has no periodic scoring
    # when / then
    with pytest.raises(ValidationError):
        cycles.open_cycle(
            organisation=school, actor=principal, period_type="quarter", year=2025, number=4
        )
    assert not EvaluationCycle.objects.exists()


def test_tracking_must_follow_the_quy_che(school, principal, staff, unit_rules):
    with pytest.raises(ValidationError):
        cycles.open_cycle(
            organisation=school, actor=principal, period_type="month", year=2026, number=1
        )
    assert not EvaluationCycle.objects.exists()


def test_a_period_is_opened_once(school, principal, staff, unit_rules):
    cycles.open_cycle(
        organisation=school, actor=principal, period_type="quarter", year=2026, number=1
    )
    with pytest.raises(ValidationError):
        cycles.open_cycle(
            organisation=school, actor=principal, period_type="quarter", year=2026, number=1
        )
    assert EvaluationCycle.objects.count() == 1


def test_each_person_gets_a_form_with_tổ_role_and_months(
    school, principal, staff, unit_rules, subject_group
):
    cycle = cycles.open_cycle(
        organisation=school, actor=principal, period_type="quarter", year=2026, number=1
    )
    rows = {
        e.person.username: (e.unit_id, e.is_head, e.is_manager, e.title, e.months_worked)
        for e in cycle.evaluations.select_related("person")
    }
    assert rows["hieutruong"][1:4] == (True, True, "Hiệu trưởng")
    assert rows["pho"][1:3] == (False, True)
    assert rows["giaovien"][:3] == (subject_group.pk, False, False)
    assert rows["totruong"][0] == subject_group.pk
    assert {value[4] for value in rows.values()} == {3}
