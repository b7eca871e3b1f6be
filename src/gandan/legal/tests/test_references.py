"""Table-driven tests of the reference parser: every example of the issue and the damage seen."""

import datetime as dt

import pytest

from gandan.legal.references import (
    Reference,
    citation,
    document_key,
    find_references,
    full_symbol,
    law_name_key,
    normalised_key,
)

# (text, [(type, number, year, symbol, date, issuer, span text), ...])
CASES = [
    # state style
    (
        "Căn cứ Quyết định số 676/QĐ-UBND ngày 03/3/2022 của UBND thành phố ban hành danh mục",
        [
            (
                "Quyết định",
                "676",
                None,
                "QĐ-UBND",
                "2022-03-03",
                "UBND thành phố",
                "Quyết định số 676/QĐ-UBND ngày 03/3/2022 của UBND thành phố",
            )
        ],
    ),
    (
        "Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ về thực hiện dân chủ",
        [
            (
                "Nghị định",
                "04",
                2015,
                "NĐ-CP",
                "2015-01-09",
                "Chính phủ",
                "Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ",
            )
        ],
    ),
    # party style
    (
        "Kế hoạch số 52-KH/BDVTU-BCSĐUBNDTP ngày 12/01/2022 của Ban Dân vận Thành ủy về phối hợp",
        [
            (
                "Kế hoạch",
                "52",
                None,
                "KH/BDVTU-BCSĐUBNDTP",
                "2022-01-12",
                "Ban Dân vận Thành ủy",
                "Kế hoạch số 52-KH/BDVTU-BCSĐUBNDTP ngày 12/01/2022 của Ban Dân vận Thành ủy",
            )
        ],
    ),
    (
        "Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị ban hành Quy chế",
        [
            (
                "Quyết định",
                "23",
                None,
                "QĐ/TW",
                "2021-07-30",
                "Bộ Chính trị",
                "Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị",
            )
        ],
    ),
    # dates: one-digit day, written-out date
    (
        "Nghị định 04/2015/NĐ-CP ngày 9/01/2015;",
        [
            (
                "Nghị định",
                "04",
                2015,
                "NĐ-CP",
                "2015-01-09",
                None,
                "Nghị định 04/2015/NĐ-CP ngày 9/01/2015",
            )
        ],
    ),
    (
        "theo Nghị định số 04/2015/NĐ-CP ngày 9 tháng 01 năm 2015 của Chính phủ.",
        [
            (
                "Nghị định",
                "04",
                2015,
                "NĐ-CP",
                "2015-01-09",
                "Chính phủ",
                "Nghị định số 04/2015/NĐ-CP ngày 9 tháng 01 năm 2015 của Chính phủ",
            )
        ],
    ),
    # damage: space after the dash
    (
        "Chỉ thị số 29- CT/TU ngày 10/9/2010 của Ban Thường vụ Thành ủy thực hiện",
        [
            (
                "Chỉ thị",
                "29",
                None,
                "CT/TU",
                "2010-09-10",
                "Ban Thường vụ Thành ủy",
                "Chỉ thị số 29- CT/TU ngày 10/9/2010 của Ban Thường vụ Thành ủy",
            )
        ],
    ),
    (
        "Nghị định số 149/2018/NĐ- CP ngày 07/11/2018 của Chính phủ Quy định chi tiết",
        [
            (
                "Nghị định",
                "149",
                2018,
                "NĐ-CP",
                "2018-11-07",
                "Chính phủ",
                "Nghị định số 149/2018/NĐ- CP ngày 07/11/2018 của Chính phủ",
            )
        ],
    ),
    # damage: the number is missing
    (
        "Kế hoạch số/KH-SGDĐT ngày 10/01/2022 của Sở GD&ĐT về việc triển khai",
        [
            (
                "Kế hoạch",
                None,
                None,
                "KH-SGDĐT",
                "2022-01-10",
                "Sở GD&ĐT",
                "Kế hoạch số/KH-SGDĐT ngày 10/01/2022 của Sở GD&ĐT",
            )
        ],
    ),
    (
        "Kế hoạch số ......./KH-UBND ngày     /01/2022 của UBND xã;",
        [
            (
                "Kế hoạch",
                None,
                None,
                "KH-UBND",
                None,
                "UBND xã",
                "Kế hoạch số ......./KH-UBND ngày     /01/2022 của UBND xã",
            )
        ],
    ),
    # damage: en dash, no year
    (
        "Nghị định số 04/NĐ–CP của Chính phủ",
        [
            (
                "Nghị định",
                "04",
                None,
                "NĐ-CP",
                None,
                "Chính phủ",
                "Nghị định số 04/NĐ–CP của Chính phủ",
            )
        ],
    ),
    # damage: no space after "số", spaces around the slashes, a heading in capitals
    (
        "Quyết định số12/QĐ-UBND ngày 1/2/2020; Nghị định số 04 /2015/ NĐ-CP",
        [
            (
                "Quyết định",
                "12",
                None,
                "QĐ-UBND",
                "2020-02-01",
                None,
                "Quyết định số12/QĐ-UBND ngày 1/2/2020",
            ),
            ("Nghị định", "04", 2015, "NĐ-CP", None, None, "Nghị định số 04 /2015/ NĐ-CP"),
        ],
    ),
    (
        "QUYẾT ĐỊNH SỐ 12/QĐ-UBND",
        [("Quyết định", "12", None, "QĐ-UBND", None, None, "QUYẾT ĐỊNH SỐ 12/QĐ-UBND")],
    ),
    # laws cited by name
    (
        "Tổ chức thực hiện tốt Luật tiếp cận thông tin nhằm bảo đảm quyền",
        [("Luật", None, None, None, None, None, "Luật tiếp cận thông tin")],
    ),
    (
        "khoản 3 điều 63 của Bộ luật Lao động về thực hiện",
        [("Bộ luật", None, None, None, None, None, "Bộ luật Lao động")],
    ),
    (
        "Bộ luật Lao động năm 2019 quy định",
        [("Bộ luật", None, 2019, None, None, None, "Bộ luật Lao động năm 2019")],
    ),
    (
        "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022;",
        [
            (
                "Luật",
                "10",
                2022,
                "QH15",
                "2022-11-10",
                None,
                "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022",
            )
        ],
    ),
    # types of the issue
    (
        "Nghị quyết số 80-NQ/TW; Hướng dẫn số 08-HD/BDVTU; Công văn số 5711/SGDĐT-KTKĐ",
        [
            ("Nghị quyết", "80", None, "NQ/TW", None, None, "Nghị quyết số 80-NQ/TW"),
            ("Hướng dẫn", "08", None, "HD/BDVTU", None, None, "Hướng dẫn số 08-HD/BDVTU"),
            ("Công văn", "5711", None, "SGDĐT-KTKĐ", None, None, "Công văn số 5711/SGDĐT-KTKĐ"),
        ],
    ),
    (
        "Kế hoạch Liên tịch số 797/KHLT-SGD&CĐGD ngày 21/5/2019 giữa Sở và Công đoàn",
        [
            (
                "Kế hoạch liên tịch",
                "797",
                None,
                "KHLT-SGD&CĐGD",
                "2019-05-21",
                None,
                "Kế hoạch Liên tịch số 797/KHLT-SGD&CĐGD ngày 21/5/2019",
            )
        ],
    ),
    (
        "Chương trình phối hợp số 05-CTr/BDVTU- BCSĐUBNDTP; Chương trình hành động số 12-CTr/TU",
        [
            (
                "Chương trình phối hợp",
                "05",
                None,
                "CTr/BDVTU-BCSĐUBNDTP",
                None,
                None,
                "Chương trình phối hợp số 05-CTr/BDVTU- BCSĐUBNDTP",
            ),
            (
                "Chương trình hành động",
                "12",
                None,
                "CTr/TU",
                None,
                None,
                "Chương trình hành động số 12-CTr/TU",
            ),
        ],
    ),
    (
        "kết luận số 65-KL/TW; Quy chế số 3/QC-THTT; Quy định số 08-QĐi/TW;"
        " Thông báo số 15/TB-UBND",
        [
            ("Kết luận", "65", None, "KL/TW", None, None, "kết luận số 65-KL/TW"),
            ("Quy chế", "3", None, "QC-THTT", None, None, "Quy chế số 3/QC-THTT"),
            ("Quy định", "08", None, "QĐi/TW", None, None, "Quy định số 08-QĐi/TW"),
            ("Thông báo", "15", None, "TB-UBND", None, None, "Thông báo số 15/TB-UBND"),
        ],
    ),
    # number and year without a symbol, abbreviated type words, bare symbols
    (
        "Nghị định 90/2020 → 233/2026; NĐ 75/2012; TT 36/2017/TT-BGDĐT → 09/2024/TT-BGDĐT",
        [
            ("Nghị định", "90", 2020, None, None, None, "Nghị định 90/2020"),
            ("Nghị định", "75", 2012, None, None, None, "NĐ 75/2012"),
            ("Thông tư", "36", 2017, "TT-BGDĐT", None, None, "TT 36/2017/TT-BGDĐT"),
            ("Thông tư", "09", 2024, "TT-BGDĐT", None, None, "09/2024/TT-BGDĐT"),
        ],
    ),
    (
        "Thông tư 05/2021/TT-TTCP (01/10/2021) về xử lý đơn",
        [
            (
                "Thông tư",
                "05",
                2021,
                "TT-TTCP",
                "2021-10-01",
                None,
                "Thông tư 05/2021/TT-TTCP (01/10/2021)",
            )
        ],
    ),
    # the issuer ends at its natural end
    (
        "Quyết định số 12/QĐ-UBND của UBND TP. Hải Phòng ngày 5/3/2020 về việc",
        [
            (
                "Quyết định",
                "12",
                None,
                "QĐ-UBND",
                "2020-03-05",
                "UBND TP. Hải Phòng",
                "Quyết định số 12/QĐ-UBND của UBND TP. Hải Phòng ngày 5/3/2020",
            )
        ],
    ),
    (
        "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị “về đẩy mạnh học tập”",
        [
            (
                "Chỉ thị",
                "05",
                None,
                "CT/TW",
                "2016-05-15",
                "Bộ Chính trị",
                "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị",
            )
        ],
    ),
    (
        "Quyết định số 446-QĐ/TU ngày 26/11/2021 của BTV\nThành ủy ban hành Quy chế",
        [
            (
                "Quyết định",
                "446",
                None,
                "QĐ/TU",
                "2021-11-26",
                "BTV Thành ủy",
                "Quyết định số 446-QĐ/TU ngày 26/11/2021 của BTV\nThành ủy",
            )
        ],
    ),
    (
        "Kế hoạch số 81/KH-UBND của UBND xã\nTrường Tiểu học ban hành Kế hoạch",
        [
            (
                "Kế hoạch",
                "81",
                None,
                "KH-UBND",
                None,
                "UBND xã",
                "Kế hoạch số 81/KH-UBND của UBND xã",
            )
        ],
    ),
    (
        "Thông tư số 01/2016/TT-BNV của Bộ Nội vụ và Nghị định số 04/2015/NĐ-CP",
        [
            (
                "Thông tư",
                "01",
                2016,
                "TT-BNV",
                None,
                "Bộ Nội vụ",
                "Thông tư số 01/2016/TT-BNV của Bộ Nội vụ",
            ),
            ("Nghị định", "04", 2015, "NĐ-CP", None, None, "Nghị định số 04/2015/NĐ-CP"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[case[0][:40] for case in CASES])
def test_find_references(text, expected):
    # when
    found = find_references(text)

    # then
    assert [
        (r.type, r.number, r.year, r.symbol, r.date and r.date.isoformat(), r.issuer, r.text)
        for r in found
    ] == expected
    assert all(text[r.start : r.end] == r.text for r in found)


@pytest.mark.parametrize(
    "text",
    [
        "Quán triệt đường lối của Đảng, chính sách, pháp luật của nhà nước.",
        "Thời gian thực hiện: Từ năm 2022 đến các năm tiếp theo; ngày 12/01/2022; 2/9.",
        "sau đại dịch COVID-19; giai đoạn 2021-2030; Chương trình tổng thể cải cách hành chính",
        "Xây dựng kế hoạch tổ chức thực hiện; quy chế dân chủ ở cơ sở theo quy định.",
        "I. MỤC ĐÍCH, YÊU CẦU\n II. NHIỆM VỤ TRỌNG TÂM\nKẾ HOẠCH",
        "nhằm tuyên truyền pháp luật giáo dục cho học sinh",
    ],
)
def test_ordinary_text_cites_nothing(text):
    # when / then
    assert find_references(text) == []


def test_as_dict_has_exactly_the_published_keys():
    # given
    ref = find_references("Thông tư 36/2017/TT-BGDĐT ngày 28/12/2017 của Bộ Giáo dục và Đào tạo")[0]

    # when
    data = ref.as_dict()

    # then
    assert data == {
        "type": "Thông tư",
        "number": "36",
        "year": 2017,
        "symbol": "TT-BGDĐT",
        "date": "2017-12-28",
        "issuer": "Bộ Giáo dục và Đào tạo",
        "text": "Thông tư 36/2017/TT-BGDĐT ngày 28/12/2017 của Bộ Giáo dục và Đào tạo",
    }
    assert ref.date == dt.date(2017, 12, 28)


def test_a_decomposed_text_is_read_as_composed():
    # given: "Nghị định" typed with combining marks (NFD)
    import unicodedata

    text = unicodedata.normalize("NFD", "Nghị định số 04/2015/NĐ-CP của Chính phủ")

    # when
    found = find_references(text)

    # then
    assert [(r.type, r.symbol, r.issuer) for r in found] == [("Nghị định", "NĐ-CP", "Chính phủ")]


def test_an_impossible_date_is_kept_in_the_span_but_not_reported():
    # when
    ref = find_references("Quyết định số 5/QĐ-UBND ngày 31/02/2022 của UBND xã")[0]

    # then
    assert ref.date is None
    assert ref.issuer == "UBND xã"


@pytest.mark.parametrize(
    ("number", "year", "symbol", "printed"),
    [
        ("04", 2015, "NĐ-CP", "04/2015/NĐ-CP"),
        ("676", None, "QĐ-UBND", "676/QĐ-UBND"),
        ("52", None, "KH/BDVTU-BCSĐUBNDTP", "52-KH/BDVTU-BCSĐUBNDTP"),
        (None, None, "KH-SGDĐT", "/KH-SGDĐT"),
        ("90", 2020, None, "90/2020"),
    ],
)
def test_full_symbol_prints_state_and_party_styles(number, year, symbol, printed):
    assert full_symbol(number, year, symbol) == printed


def test_citation_names_type_and_symbol_or_the_law_by_name():
    # given
    law = find_references("thực hiện Luật tiếp cận thông tin;")[0]
    circular = find_references("Thông tư số 36/2017/TT-BGDĐT")[0]

    # then
    assert law.citation == "Luật Tiếp cận thông tin"
    assert circular.citation == "Thông tư 36/2017/TT-BGDĐT"
    assert citation("Nghị định", "233", 2026, "NĐ-CP") == "Nghị định 233/2026/NĐ-CP"


def test_keys_ignore_accents_case_spacing_and_leading_zeros():
    # given
    damaged = find_references("nghị định số 4/2015/NĐ –  CP")[0]
    clean = find_references("Nghị định số 04/2015/NĐ-CP")[0]

    # then
    assert normalised_key(damaged) == normalised_key(clean) == "nghi dinh|4|2015|nd-cp"
    assert document_key("Nghị định", "04", 2015, "NĐ-CP") == normalised_key(clean)


def test_law_by_name_key_matches_a_register_title():
    # given
    ref = find_references("Luật tiếp cận thông tin")[0]

    # then
    assert normalised_key(ref) == law_name_key("Luật Tiếp cận  thông tin")


def test_reference_is_frozen():
    ref = Reference("Luật", None, None, None, None, None, "Luật Giáo dục", 0, 13)
    with pytest.raises(AttributeError):
        ref.type = "Nghị định"  # type: ignore[misc]


def test_the_parser_is_a_pure_module():
    # given: a fresh interpreter
    import subprocess
    import sys

    code = "import sys, gandan.legal.references; print('django' in sys.modules)"

    # when
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    # then
    assert result.stdout.strip() == "False"
