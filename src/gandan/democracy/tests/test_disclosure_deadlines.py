"""Due dates on the official calendar, posting periods, and the register's statuses."""

import datetime as dt

import pytest
import time_machine

from gandan.democracy import deadlines
from gandan.democracy.deadlines import Status
from gandan.democracy.models import Audience, Channel, DisclosureObligation, PublicGroup
from gandan.democracy.services import disclosures

D = dt.date


@pytest.fixture
def staff_plan_obligation(db) -> DisclosureObligation:
    return DisclosureObligation.objects.get(code="noi-bo-ke-hoach-cong-tac")


@pytest.fixture
def public_finance_obligation(db) -> DisclosureObligation:
    return DisclosureObligation.objects.get(code="cong-khai-thu-chi-tai-chinh")


def test_register_is_seeded_with_the_twelve_staff_groups_and_the_four_public_groups(db):
    # Luật 10/2022/QH15 Điều 46 (12 groups); Thông tư 09/2024 Điều 4, 5, 8, 9.
    staff = DisclosureObligation.objects.filter(audience=Audience.STAFF)
    public = DisclosureObligation.objects.filter(audience=Audience.PUBLIC)
    assert staff.count() == 12
    assert [o.legal_basis.split(";")[0] for o in staff.order_by("order")] == [
        f"Luật 10/2022/QH15, Điều 46 khoản {n}" for n in range(1, 13)
    ]
    assert set(public.values_list("public_group", flat=True)) == set(PublicGroup.values)
    # then: staff rows carry Điều 48's 5 working days and 20 days; public rows 30/6 and 10 days
    assert set(staff.values_list("deadline_working_days", "min_posting_days")) == {(5, 20)}
    assert set(
        public.values_list("deadline_working_days", "annual_due_month", "annual_due_day")
    ) == {(10, 6, 30)}


# Luật 10/2022/QH15, Điều 47 k2: ≤ 05 working days after the decision, on the official calendar.
STAFF_DUE = [
    # (decision, due, why)
    (D(2026, 11, 2), D(2026, 11, 9), "Monday: Tue–Fri and the next Monday"),
    (D(2026, 11, 6), D(2026, 11, 13), "a Friday: the weekend is skipped"),
    (D(2026, 4, 22), D(2026, 5, 4), "Giỗ Tổ (nghỉ bù 27/4), 30/4 and 1/5 are skipped"),
    (D(2026, 8, 28), D(2026, 9, 9), "31/8 (day off by decision), 1/9 and 2/9 are skipped"),
    (D(2026, 11, 7), D(2026, 11, 13), "a decision signed on a Saturday"),
]


@pytest.mark.parametrize(("decision", "due", "why"), STAFF_DUE)
def test_staff_disclosure_due_five_working_days_after_decision(
    staff_plan_obligation, decision, due, why
):
    # when
    found, rule = deadlines.due_date(
        staff_plan_obligation, decision_date=decision, year=None, is_update=False
    )
    # then
    assert found == due, why
    assert rule.startswith("5 ngày làm việc kể từ")


def test_public_yearly_item_is_due_on_30_june(public_finance_obligation):
    # Thông tư 09/2024, Điều 15 k1
    found, _rule = deadlines.due_date(
        public_finance_obligation, decision_date=None, year=2027, is_update=False
    )
    assert found == D(2027, 6, 30)


def test_public_update_is_due_ten_working_days_after_the_change(public_finance_obligation):
    # Thông tư 09/2024, Điều 15 k1: Friday 28/8/2026 + 10 working days, past 31/8, 1/9, 2/9
    found, _rule = deadlines.due_date(
        public_finance_obligation, decision_date=D(2026, 8, 28), year=2026, is_update=True
    )
    assert found == D(2026, 9, 16)


def _item(obligation, school, principal, **fields):
    return disclosures.record_disclosure(
        organisation=school,
        obligation=obligation,
        actor=principal,
        title="Kế hoạch",
        body="Kế hoạch công tác tháng của nhà trường.",
        **fields,
    )


@time_machine.travel(dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC))
def test_statuses_pending_missing_on_time_late(staff_plan_obligation, school, principal):
    # given: a decision of Monday 2/11/2026, due Monday 9/11
    item = _item(staff_plan_obligation, school, principal, decision_date=D(2026, 11, 2))
    assert item.due_date == D(2026, 11, 9)
    # then: before and on the due day it is pending; the day after, missing
    assert deadlines.item_compliance(item, D(2026, 11, 9)).status == Status.PENDING
    assert deadlines.item_compliance(item, D(2026, 11, 10)).status == Status.MISSING
    # when published on the due day: on time; one day later: late by one day
    item.published_on = D(2026, 11, 9)
    assert deadlines.item_compliance(item, D(2026, 12, 1)).status == Status.ON_TIME
    item.published_on = D(2026, 11, 10)
    late = deadlines.item_compliance(item, D(2026, 12, 1))
    assert (late.status, late.days_late) == (Status.LATE, 1)


# Luật 10/2022/QH15, Điều 48 k2: posted at least 20 consecutive days; the publication day is not
# counted (BLDS 2015 Điều 147), so a notice put up on 2/11 stays through 22/11.
POSTING = [
    # (taken down on, too early)
    (D(2026, 11, 21), True),
    (D(2026, 11, 22), True),
    (D(2026, 11, 23), False),
    (D(2026, 12, 20), False),
]


@pytest.mark.parametrize(("taken_down_on", "early"), POSTING)
def test_notice_taken_down_before_twenty_days_is_flagged(
    staff_plan_obligation, school, principal, taken_down_on, early
):
    # given
    item = _item(staff_plan_obligation, school, principal, decision_date=D(2026, 10, 30))
    item.published_on = D(2026, 11, 2)
    item.channels = [Channel.NOTICE_BOARD]
    item.taken_down_on = taken_down_on
    # when
    found = deadlines.item_compliance(item, D(2026, 12, 31))
    # then
    assert found.posting_ends == D(2026, 11, 22)
    assert found.taken_down_early is early
    assert (found.status == Status.TAKEN_DOWN_EARLY) is early


def test_public_obligation_with_no_item_is_missing_after_30_june(public_finance_obligation):
    # when / then
    on_the_day = deadlines.obligation_standing(
        public_finance_obligation, [], today=D(2026, 6, 30), year=2026
    )
    after = deadlines.obligation_standing(
        public_finance_obligation, [], today=D(2026, 7, 1), year=2026
    )
    assert on_the_day.status == Status.PENDING
    assert after.status == Status.MISSING
    assert after.due_date == D(2026, 6, 30)


@time_machine.travel(dt.datetime(2026, 7, 10, 9, tzinfo=dt.UTC))
def test_last_years_item_does_not_cover_this_year(public_finance_obligation, school, principal):
    # given: the 2025 report was published; nothing yet for 2026
    item = _item(public_finance_obligation, school, principal, year=2025)
    item.published_on = D(2025, 6, 20)
    pairs = [(item, deadlines.item_compliance(item, D(2026, 7, 10)))]
    # when
    standing = deadlines.obligation_standing(
        public_finance_obligation, pairs, today=D(2026, 7, 10), year=2026
    )
    # then
    assert standing.status == Status.MISSING


def test_staff_obligation_without_a_decision_is_not_triggered(staff_plan_obligation):
    standing = deadlines.obligation_standing(
        staff_plan_obligation, [], today=D(2026, 7, 10), year=2026
    )
    assert standing.status == Status.NOT_TRIGGERED
    assert not standing.is_problem


@time_machine.travel(dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC))
def test_register_counts_one_late_one_missing_one_taken_down_early(
    staff_plan_obligation, school, principal
):
    # given: three staff items
    late = _item(staff_plan_obligation, school, principal, decision_date=D(2026, 11, 2))
    late.published_on, late.channels = D(2026, 11, 12), [Channel.INTRANET]
    _item(staff_plan_obligation, school, principal, decision_date=D(2026, 11, 16))
    early = _item(staff_plan_obligation, school, principal, decision_date=D(2026, 10, 1))
    early.published_on, early.channels = D(2026, 10, 2), [Channel.NOTICE_BOARD]
    early.taken_down_on = D(2026, 10, 10)
    missing = school.disclosures.get(published_on__isnull=True, decision_date=D(2026, 11, 16))
    items = [late, early, missing]
    # when
    rows = deadlines.build_register(
        DisclosureObligation.objects.filter(pk=staff_plan_obligation.pk), items, D(2026, 12, 1)
    )
    # then
    assert deadlines.problem_counts(rows) == {"late": 1, "missing": 1, "taken_down_early": 1}
    assert rows[0].standing.status == Status.MISSING


@pytest.mark.parametrize(
    ("decided", "provisional"), [(D(2026, 11, 2), False), (D(2026, 12, 28), True)]
)
def test_the_item_page_marks_a_due_date_counted_into_a_year_not_entered(
    staff_plan_obligation, school, principal, decided, provisional
):
    # given: a decision of 28/12/2026: its 5 working days run into 2027, whose official
    # calendar is not entered (worktime.CalendarYear); one of 2/11/2026 stays in 2026
    from django.test import Client
    from django.urls import reverse

    item = _item(staff_plan_obligation, school, principal, decision_date=decided)
    client = Client()
    client.force_login(principal)
    # when
    page = client.get(reverse("democracy:item", args=[item.public_id])).content.decode()
    # then
    assert ("Ngày tạm tính" in page) is provisional
