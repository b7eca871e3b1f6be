"""Time frames as plans write them, read into dates."""

import datetime as dt

import pytest

from gandan.plans.importer import TimeFrame, parse_timeframe

D = dt.date

CASES = [
    # recurring from a year on
    ("Năm 2022 và những năm tiếp theo", TimeFrame(recurring_from_year=2022)),
    ("Từ năm 2022 đến các năm tiếp theo", TimeFrame(recurring_from_year=2022)),
    ("Từ năm 2023 trở đi", TimeFrame(recurring_from_year=2023)),
    ("Hằng năm, từ năm 2024", TimeFrame(recurring_from_year=2024)),
    # a month
    ("Tháng 8/2022", TimeFrame(D(2022, 8, 1), D(2022, 8, 31))),
    ("tháng 02 năm 2024", TimeFrame(D(2024, 2, 1), D(2024, 2, 29))),
    ("Trong tháng 02/2023.", TimeFrame(D(2023, 2, 1), D(2023, 2, 28))),
    # months
    ("Từ tháng 9/2022 đến tháng 5/2023", TimeFrame(D(2022, 9, 1), D(2023, 5, 31))),
    ("Từ tháng 9 đến tháng 12/2022", TimeFrame(D(2022, 9, 1), D(2022, 12, 31))),
    ("Từ tháng 9 đến tháng 5/2023", TimeFrame(D(2022, 9, 1), D(2023, 5, 31))),
    ("Tháng 9 - 10/2022", TimeFrame(D(2022, 9, 1), D(2022, 10, 31))),
    ("Tháng 11, 12/2022", TimeFrame(D(2022, 11, 1), D(2022, 12, 31))),
    # quarters and halves
    ("Quý III/2022", TimeFrame(D(2022, 7, 1), D(2022, 9, 30))),
    ("Quý 4 năm 2022", TimeFrame(D(2022, 10, 1), D(2022, 12, 31))),
    ("Quý I/2023", TimeFrame(D(2023, 1, 1), D(2023, 3, 31))),
    ("Từ quý II/2022 đến quý IV/2022", TimeFrame(D(2022, 4, 1), D(2022, 12, 31))),
    ("6 tháng đầu năm 2022", TimeFrame(D(2022, 1, 1), D(2022, 6, 30))),
    ("6 tháng cuối năm 2022", TimeFrame(D(2022, 7, 1), D(2022, 12, 31))),
    # years
    ("Năm 2022", TimeFrame(D(2022, 1, 1), D(2022, 12, 31))),
    ("Trong năm 2022.", TimeFrame(D(2022, 1, 1), D(2022, 12, 31))),
    ("Giai đoạn 2021 - 2025", TimeFrame(D(2021, 1, 1), D(2025, 12, 31))),
    ("Từ năm 2021 đến năm 2025", TimeFrame(D(2021, 1, 1), D(2025, 12, 31))),
    # days and deadlines
    ("Ngày 15/9/2022", TimeFrame(D(2022, 9, 15), D(2022, 9, 15))),
    ("Từ ngày 01/9/2022 đến ngày 31/5/2023", TimeFrame(D(2022, 9, 1), D(2023, 5, 31))),
    ("Từ 05/9 đến 30/9/2022", TimeFrame(D(2022, 9, 5), D(2022, 9, 30))),
    ("Trước ngày 15/9/2022", TimeFrame(end=D(2022, 9, 14))),
    ("Trước tháng 10/2022", TimeFrame(end=D(2022, 9, 30))),
    ("Chậm nhất ngày 15/9/2022", TimeFrame(end=D(2022, 9, 15))),
    ("Hoàn thành trong tháng 12/2022", TimeFrame(end=D(2022, 12, 31))),
    # no dates named: kept as written by the caller, no dates here
    ("Thường xuyên", TimeFrame()),
    ("Cả năm học", TimeFrame()),
    ("Năm học 2022-2023", TimeFrame()),
    ("Theo kế hoạch của Sở", TimeFrame()),
    ("", TimeFrame()),
    (None, TimeFrame()),
    # impossible dates name nothing
    ("Ngày 31/4/2022", TimeFrame()),
    ("Tháng 13/2022", TimeFrame()),
    ("Từ tháng 9 đến tháng 13/2022", TimeFrame()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_timeframe(text, expected):
    # when / then
    assert parse_timeframe(text) == expected
