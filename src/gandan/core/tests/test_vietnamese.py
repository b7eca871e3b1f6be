import datetime as dt

import pytest

from gandan.core import vietnamese


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # Nghị định 30/2020, Phụ lục I, II.4b: leading zero for days < 10 and months 1, 2.
        (dt.date(2022, 8, 5), "ngày 05 tháng 8 năm 2022"),
        (dt.date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (dt.date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        (dt.date(2026, 3, 1), "ngày 01 tháng 3 năm 2026"),
        (dt.date(2025, 12, 31), "ngày 31 tháng 12 năm 2025"),
        (dt.date(2025, 10, 10), "ngày 10 tháng 10 năm 2025"),
    ],
)
def test_official_date(day, expected):
    assert vietnamese.official_date(day) == expected


def test_place_and_date():
    assert (
        vietnamese.place_and_date("Hải Phòng", dt.date(2022, 8, 5))
        == "Hải Phòng, ngày 05 tháng 8 năm 2022"
    )


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(1234567, 0, "1.234.567"), (12.5, 1, "12,5"), (0, 0, "0"), (1000.25, 2, "1.000,25")],
)
def test_format_number(value, decimals, expected):
    assert vietnamese.format_number(value, decimals) == expected


def test_names_sort_by_given_name_then_family_name():
    # given
    names = [
        "Trần Văn Bình",
        "Nguyễn Thị Ánh",
        "Lê Văn An",
        "Đỗ Thị Mai",
        "Đặng Văn Đức",
        "Nguyễn Văn Dũng",
        "Phạm Thị Ân",
        "Bùi Thị Mai",
        "Hoàng Ă",
    ]
    # when
    ordered = sorted(names, key=vietnamese.name_sort_key)
    # then: a < ă < â; tones only break ties (An < Ánh); d < đ; same given name: family name
    assert ordered == [
        "Lê Văn An",
        "Nguyễn Thị Ánh",
        "Hoàng Ă",
        "Phạm Thị Ân",
        "Trần Văn Bình",
        "Nguyễn Văn Dũng",
        "Đặng Văn Đức",
        "Bùi Thị Mai",
        "Đỗ Thị Mai",
    ]


def test_tones_break_ties_in_dictionary_order():
    words = ["má", "mà", "ma", "mạ", "mả", "mã"]
    assert sorted(words, key=vietnamese.collation_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_split_name():
    assert vietnamese.split_name("Nguyễn Thị Thu Hà") == ("Nguyễn", "Thị Thu", "Hà")
    assert vietnamese.split_name("Hà") == ("", "", "Hà")


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Đảng", "dang"), ("Trường Tiểu học Thành Tô", "truong tieu hoc thanh to"), ("ĐƯỢC", "duoc")],
)
def test_fold_removes_marks_and_maps_d_stroke(text, folded):
    assert vietnamese.fold(text) == folded
