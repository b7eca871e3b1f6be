"""The installation's calendar as seeded by the migration: statutory days plus 2024–2026 notices.

Expected dates are computed by hand from a weekday printout; each row says why.
"""

import datetime as dt

import pytest

from gandan.worktime import days
from gandan.worktime.models import CalendarAdjustment

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.mark.parametrize(
    ("day", "working", "why"),
    [
        # Tết Ất Tỵ 2025, mùng 1 = Wed 29/01; TB 6150/TB-BLĐTBXH: off Sat 25/01 – Sun 02/02.
        (D(2025, 1, 24), True, "Fri before Tết"),
        (D(2025, 1, 27), False, "Mon, 28 tháng Chạp, first of the 5 Tết days"),
        (D(2025, 1, 28), False, "Tue, giao thừa"),
        (D(2025, 1, 29), False, "Wed, mùng 1"),
        (D(2025, 1, 31), False, "Fri, mùng 3, last Tết day"),
        (D(2025, 2, 1), False, "Sat"),
        (D(2025, 2, 3), True, "Mon, back to work"),
        (D(2025, 2, 8), False, "Sat: the notice sets no working Saturday"),
        # Tết Bính Ngọ 2026, mùng 1 = Tue 17/02; off Sat 14/02 – Sun 22/02.
        (D(2026, 2, 13), True, "Fri before Tết"),
        (D(2026, 2, 16), False, "Mon, giao thừa"),
        (D(2026, 2, 17), False, "Tue, mùng 1"),
        (D(2026, 2, 20), False, "Fri, mùng 4"),
        (D(2026, 2, 23), True, "Mon, back to work"),
        # Tết Đinh Mùi 2027, mùng 1 = Sat 06/02; no notice yet: the package baseline.
        (D(2027, 2, 3), True, "Wed"),
        (D(2027, 2, 4), False, "Thu, in lieu of mùng 1 on Saturday"),
        (D(2027, 2, 5), False, "Fri, giao thừa"),
        (D(2027, 2, 6), False, "Sat, mùng 1"),
        (D(2027, 2, 8), False, "Mon, mùng 3"),
        (D(2027, 2, 9), False, "Tue, mùng 4"),
        (D(2027, 2, 10), False, "Wed, in lieu of mùng 2 on Sunday"),
        (D(2027, 2, 11), True, "Thu, back to work"),
        # 2024 swap (CV 2450/VPCP-KGVX): Mon 29/04 off, Sat 04/05 worked.
        (D(2024, 4, 29), False, "Mon, swapped day off"),
        (D(2024, 5, 4), True, "Sat, worked in exchange"),
        # 2025 swap (TB 6150/TB-BLĐTBXH): Fri 02/05 off, Sat 26/04 worked.
        (D(2025, 4, 26), True, "Sat, worked in exchange"),
        (D(2025, 4, 27), False, "Sun"),
        (D(2025, 4, 30), False, "Wed, Ngày Chiến thắng"),
        (D(2025, 5, 1), False, "Thu, Quốc tế Lao động"),
        (D(2025, 5, 2), False, "Fri, swapped day off"),
        (D(2025, 5, 5), True, "Mon"),
        # Quốc khánh 2026: Sat 22/08 worked; Sat 29/08 – Wed 02/09 off.
        (D(2026, 8, 22), True, "Sat, worked in exchange"),
        (D(2026, 8, 23), False, "Sun"),
        (D(2026, 8, 31), False, "Mon, swapped day off"),
        (D(2026, 9, 1), False, "Tue, the adjacent Quốc khánh day"),
        (D(2026, 9, 2), False, "Wed, Quốc khánh"),
        (D(2026, 9, 3), True, "Thu"),
        # Tết Dương lịch 2026: Thu 01/01 holiday, Fri 02/01 off, Sat 10/01 worked.
        (D(2026, 1, 1), False, "Thu, Tết Dương lịch"),
        (D(2026, 1, 2), False, "Fri, swapped day off"),
        (D(2026, 1, 10), True, "Sat, worked in exchange"),
        # Giỗ Tổ 2026 on Sun 26/04, made up on Mon 27/04 (BLLĐ 2019 Điều 111 k3).
        (D(2026, 4, 26), False, "Sun, Giỗ Tổ"),
        (D(2026, 4, 27), False, "Mon, nghỉ bù"),
        (D(2026, 4, 28), True, "Tue"),
        # 24/11/2026 is not taken from the package (LAW.md §7, open question 10).
        (D(2026, 11, 24), True, "Tue, Ngày Văn hóa Việt Nam not enacted as a holiday"),
    ],
)
def test_is_working_day(day, working, why):
    # given the seeded calendar
    # when
    found = days.is_working_day(day)
    # then
    assert found is working, why


@pytest.mark.parametrize(
    ("event", "n", "due", "why"),
    [
        # Tết 2025
        (D(2025, 1, 24), 1, D(2025, 2, 3), "Fri; the next working day is after Tết"),
        (D(2025, 1, 23), 2, D(2025, 2, 3), "Fri 24/01 is day 1, Mon 03/02 day 2"),
        # Tết 2026
        (D(2026, 2, 12), 1, D(2026, 2, 13), "the event day is not counted"),
        (D(2026, 2, 13), 1, D(2026, 2, 23), "nine days off in between"),
        (D(2026, 2, 13), 5, D(2026, 2, 27), "23, 24, 25, 26, 27/02"),
        # Tết 2027
        (D(2027, 2, 3), 1, D(2027, 2, 11), "Thu 04/02 – Wed 10/02 off"),
        # 2025 swap: the working Saturday counts
        (D(2025, 4, 25), 1, D(2025, 4, 26), "Sat 26/04 is a working day"),
        (D(2025, 4, 25), 2, D(2025, 4, 28), "Sat 26/04, then Mon 28/04"),
        (D(2025, 4, 29), 1, D(2025, 5, 5), "30/04, 01/05, 02/05 and the weekend off"),
        # 2024 swap
        (D(2024, 5, 3), 1, D(2024, 5, 4), "Sat 04/05/2024 is a working day"),
        (D(2024, 4, 26), 1, D(2024, 5, 2), "Mon 29/04 swapped, 30/04, 01/05 holidays"),
        (D(2024, 2, 7), 1, D(2024, 2, 15), "Tết 2024: 08/02 – 14/02 off"),
        # Quốc khánh 2026
        (D(2026, 8, 21), 1, D(2026, 8, 22), "Sat 22/08 is a working day"),
        (D(2026, 8, 28), 1, D(2026, 9, 3), "29/08 – 02/09 off"),
        # Year boundaries
        (D(2025, 12, 31), 1, D(2026, 1, 5), "01/01 holiday, 02/01 swapped, weekend"),
        (D(2026, 1, 9), 1, D(2026, 1, 10), "Sat 10/01/2026 is a working day"),
        (D(2026, 12, 31), 1, D(2027, 1, 4), "Fri 01/01/2027 holiday, then the weekend"),
    ],
)
def test_add_working_days(event, n, due, why):
    # given the seeded calendar
    # when
    found = days.add_working_days(event, n)
    # then
    assert found == due, why
    assert days.working_days_between(event, found) == n


@pytest.mark.parametrize(
    ("event", "n", "due", "why"),
    [
        # BLDS 2015 Điều 147 k2, k3: the event day is not counted.
        (D(2026, 3, 2), 15, D(2026, 3, 17), "ends on a working Tuesday: no move"),
        (D(2026, 3, 2), 1, D(2026, 3, 3), "day 1 is the day after the event"),
        # Điều 148 k5: a last day on a day off moves to the next working day.
        (D(2026, 2, 13), 5, D(2026, 2, 23), "ends Wed 18/02, mùng 2 Tết"),
        (D(2025, 1, 20), 10, D(2025, 2, 3), "ends Thu 30/01, mùng 2 Tết"),
        (D(2025, 1, 22), 3, D(2025, 2, 3), "ends Sat 25/01, then Tết"),
        (D(2027, 2, 1), 7, D(2027, 2, 11), "ends Mon 08/02/2027, mùng 3 Tết"),
        (D(2025, 4, 20), 12, D(2025, 5, 5), "ends Fri 02/05/2025, the swapped day off"),
        (D(2026, 8, 27), 5, D(2026, 9, 3), "ends Tue 01/09/2026"),
        (D(2026, 8, 12), 10, D(2026, 8, 22), "ends on the working Sat 22/08: no move"),
        (D(2026, 4, 20), 10, D(2026, 5, 4), "ends Thu 30/04, then 01/05 and the weekend"),
        (D(2026, 4, 16), 10, D(2026, 4, 28), "ends Sun 26/04 Giỗ Tổ, Mon 27/04 nghỉ bù"),
        (D(2025, 8, 2), 30, D(2025, 9, 3), "ends Mon 01/09/2025, then 02/09"),
        (D(2026, 11, 14), 10, D(2026, 11, 24), "24/11/2026 is a working day"),
        # Year boundaries
        (D(2024, 12, 31), 1, D(2025, 1, 2), "ends on Tết Dương lịch 2025, a Wednesday"),
        (D(2025, 12, 31), 1, D(2026, 1, 5), "01/01, 02/01 swapped, weekend"),
        (D(2026, 12, 20), 12, D(2027, 1, 4), "ends Fri 01/01/2027, then the weekend"),
    ],
)
def test_add_calendar_days(event, n, due, why):
    # given the seeded calendar
    # when
    found = days.add_calendar_days(event, n)
    # then
    assert found == due, why


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        (D(2025, 1, 24), D(2025, 2, 7), 5),  # 03–07/02; Tết and the weekends excluded
        (D(2026, 2, 13), D(2026, 2, 22), 0),  # nine days off
        (D(2027, 2, 1), D(2027, 2, 14), 4),  # 02, 03, 11, 12/02/2027
        (D(2025, 4, 24), D(2025, 4, 28), 3),  # 25/04, Sat 26/04, 28/04
        (D(2026, 8, 20), D(2026, 8, 24), 3),  # 21/08, Sat 22/08, 24/08
        (D(2025, 12, 30), D(2026, 1, 5), 2),  # 31/12 and 05/01
        (D(2026, 12, 30), D(2027, 1, 5), 3),  # 31/12, 04/01, 05/01
        (D(2026, 1, 5), D(2025, 12, 30), -2),  # reversed: negative
        (D(2026, 3, 4), D(2026, 3, 4), 0),
    ],
)
def test_working_days_between(start, end, count):
    # given the seeded calendar
    # when
    found = days.working_days_between(start, end)
    # then
    assert found == count


def test_2027_has_no_adjustments_yet():
    # given / when / then: the 2027 rows above test the pure package baseline
    assert not CalendarAdjustment.objects.filter(date__year=2027).exists()


def test_working_days_of_each_seeded_year():
    # given the weekdays off of each year, from the notices and the statute:
    # 2024: 01/01, 08, 09, 12, 13, 14/02, 18/04, 29/04, 30/04, 01/05, 02/09, 03/09; Sat 04/05 worked
    # 2025: 01/01, 27–31/01, 07/04, 30/04, 01/05, 02/05, 01/09, 02/09; Sat 26/04 worked
    # 2026: 01/01, 02/01, 16–20/02, 27/04, 30/04, 01/05, 31/08, 01/09, 02/09; Sat 10/01, 22/08
    expected = {2024: 262 - 12 + 1, 2025: 261 - 12 + 1, 2026: 261 - 13 + 2}
    for year, count in expected.items():
        # when
        found = days.working_days_between(D(year - 1, 12, 31), D(year, 12, 31))
        # then
        assert found == count, year


def test_weekdays_counted_in_expected_table():
    # given / when / then: the plain weekday counts used above
    for year, weekdays in {2024: 262, 2025: 261, 2026: 261}.items():
        first, last = D(year, 1, 1), D(year, 12, 31)
        span = (last - first).days + 1
        found = sum((first + dt.timedelta(i)).weekday() < 5 for i in range(span))
        assert found == weekdays
