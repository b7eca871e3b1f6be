"""Every legal reference the seed plan cites, field by field.

The list was written by reading the seed line by line (the "Căn cứ" paragraphs and the
citations inside tasks); a citation repeated in two places is expected twice.
"""

import itertools
from pathlib import Path

from gandan.legal.references import find_references

SEED_PATH = Path(__file__).parent / "fixtures" / "seed_plan.txt"

# (type, number, year, symbol, date, issuer, text)
SEED_REFERENCES = [
    # line 6
    (
        "Kế hoạch",
        "52",
        None,
        "KH/BDVTU-BCSĐUBNDTP",
        "2022-01-12",
        "Ban Dân vận Thành ủy và Ban Cán sự đảng Ủy ban nhân dân thành phố",
        "Kế hoạch số 52-KH/BDVTU-BCSĐUBNDTP ngày 12/01/2022 của Ban Dân vận Thành ủy"
        " và Ban Cán sự đảng Ủy ban nhân dân thành phố",
    ),
    # line 6
    (
        "Hướng dẫn",
        "08",
        None,
        "HD/BDVTU",
        "2022-01-12",
        "Ban Dân vận Thành ủy",
        "Hướng dẫn số 08-HD/BDVTU ngày 12/01/2022 của Ban Dân vận Thành ủy",
    ),
    # line 6
    (
        "Quyết định",
        "676",
        None,
        "QĐ-UBND",
        "2022-03-03",
        "UBND thành phố",
        "Quyết định số 676/QĐ-UBND ngày 03/3/2022 của UBND thành phố",
    ),
    # line 6
    (
        "Kế hoạch",
        "49",
        None,
        "KH/BTVTU-ĐUKCCQTP",
        "2021-12-28",
        None,
        "Kế hoạch số 49-KH/BTVTU-ĐUKCCQTP ngày 28/12/2021",
    ),
    # line 6
    (
        "Chỉ thị",
        "29",
        None,
        "CT/TU",
        "2010-09-10",
        "Ban Thường vụ Thành ủy",
        "Chỉ thị số 29-CT/TU ngày 10/9/2010 của Ban Thường vụ Thành ủy",
    ),
    # line 6
    (
        "Kết luận",
        "65",
        None,
        "KL/TW",
        None,
        "Ban Bí thư Trung ương Đảng",
        "kết luận số 65-KL/TW của Ban Bí thư Trung ương Đảng",
    ),
    # line 7
    (
        "Kế hoạch",
        "81",
        None,
        "KH-SGDĐT",
        "2022-07-20",
        None,
        "Kế hoạch số 81/KH-SGDĐT ngày 20/07/2022",
    ),
    # line 10
    (
        "Chỉ thị",
        "33",
        None,
        "CTg",
        "2021-11-26",
        "Chính phủ",
        "Chỉ thị số 33/CTg ngày 26/11/2021 của Chính phủ",
    ),
    # line 11
    (
        "Chương trình phối hợp",
        "05",
        None,
        "CTr/BDVTU-BCSĐUBNDTP",
        "2022-01-07",
        None,
        "Chương trình phối hợp số 05-CTr/BDVTU- BCSĐUBNDTP ngày 07/01/2022",
    ),
    # line 11
    (
        "Kế hoạch",
        "52",
        None,
        "KH/BDVTU-BCSĐUBNDTP",
        "2022-01-12",
        "Ban Dân vận Thành ủy và Ban Cán sự đảng Ủy ban nhân dân thành phố",
        "Kế hoạch số 52-KH/BDVTU-BCSĐUBNDTP ngày 12/01/2022 của Ban Dân vận Thành ủy"
        " và Ban Cán sự đảng Ủy ban nhân dân thành phố",
    ),
    # line 11
    (
        "Quyết định",
        "676",
        None,
        "QĐ-UBND",
        "2022-03-03",
        "UBND thành phố",
        "Quyết định số 676/QĐ-UBND ngày 03/3/2022 của UBND thành phố",
    ),
    # line 12
    (
        "Quyết định",
        "23",
        None,
        "QĐ/TW",
        "2021-07-30",
        "Bộ Chính trị",
        "Quyết định số 23- QĐ/TW ngày 30/7/2021 của Bộ Chính trị",
    ),
    # line 12
    (
        "Quyết định",
        "446",
        None,
        "QĐ/TU",
        "2021-11-26",
        "BTV Thành ủy",
        "Quyết định số 446-QĐ/TU ngày 26/11/2021 của BTV\nThành ủy",
    ),
    # line 13
    (
        "Chỉ thị",
        "26",
        None,
        "CT-UBND",
        "2021-12-31",
        "UBND thành phố",
        "Chỉ thị số 26/CT-UBND ngày 31/12/2021 của UBND thành phố",
    ),
    # line 34
    (
        "Kết luận",
        "01",
        None,
        "KL/TW",
        "2021-05-18",
        "Bộ Chính trị",
        "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị",
    ),
    # line 34
    (
        "Chỉ thị",
        "05",
        None,
        "CT/TW",
        "2016-05-15",
        "Bộ Chính trị",
        "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị",
    ),
    # line 40
    (
        "Kế hoạch",
        "43",
        None,
        "KH-UBND",
        "2020-02-20",
        "Ủy ban nhân dân thành phố",
        "Kế hoạch số 43/KH-UBND ngày 20/02/2020 của Ủy ban nhân dân thành phố",
    ),
    # line 40
    (
        "Kế hoạch",
        "216",
        None,
        "KH-UBND",
        "2021-09-21",
        "Ủy ban nhân dân thành phố",
        "Kế hoạch số 216/KH-UBND ngày 21/9/2021 của Ủy ban nhân dân thành phố",
    ),
    # line 51
    (
        "Quyết định",
        "48",
        2019,
        "QĐ-UBND",
        "2019-12-18",
        "UBND thành phố",
        "Quyết định số 48/2019/QĐ-UBND ngày 18/12/2019 của UBND thành phố",
    ),
    # line 51
    (
        "Chỉ thị",
        "1737",
        None,
        "CT-BGDĐT",
        "2018-05-07",
        "Bộ Giáo dục và Đào tạo",
        "Chỉ thị số 1737/CT- BGDĐT ngày 07/5/2018 của Bộ Giáo dục và Đào tạo",
    ),
    # line 51
    (
        "Quyết định",
        "16",
        2008,
        "QĐ-BGDĐT",
        "2008-04-16",
        "Bộ trưởng Bộ Giáo dục và Đào tạo",
        "Quyết định số 16/2008/QĐ-BGDĐT ngày 16/4/2008 của Bộ trưởng Bộ Giáo dục và Đào tạo",
    ),
    # line 51
    (
        "Kế hoạch",
        "03",
        None,
        "KH-UBND",
        "2019-01-04",
        "UBND thành phố",
        "Kế hoạch số 03/KH-UBND ngày 04/01/2019 của UBND thành phố",
    ),
    # line 51
    (
        "Quyết định",
        "1299",
        None,
        "QĐ-TTg",
        "2018-10-13",
        "Thủ tướng Chính phủ",
        "Quyết định số 1299/QĐ-TTg ngày 13/10/2018 của Thủ tướng Chính phủ",
    ),
    # line 51
    (
        "Kế hoạch",
        "01",
        None,
        "KH-UBND",
        "2019-01-04",
        "UBDN thành phố",
        "Kế hoạch số 01/KH-UBND ngày 04/01/2019 của UBDN thành phố",
    ),
    # line 51
    (
        "Quyết định",
        "1895",
        None,
        "QĐ-TTg",
        "2019-11-11",
        "Thủ tướng Chính phủ",
        "Quyết định số 1895/QĐ-TTg ngày 11/11/2019 của Thủ tướng Chính phủ",
    ),
    # line 51
    (
        "Kế hoạch liên tịch",
        "797",
        None,
        "KHLT-SGD&CĐGD",
        "2019-05-21",
        None,
        "Kế hoạch Liên tịch số 797/KHLT-SGD&CĐGD ngày 21/5/2019",
    ),
    # line 51
    (
        "Kế hoạch",
        None,
        None,
        "KH-SGDĐT",
        "2022-01-10",
        "Sở GD&ĐT",
        "Kế hoạch số/KH-SGDĐT ngày 10/01/2022 của Sở GD&ĐT",
    ),
    # line 51
    (
        "Quyết định",
        "1895",
        None,
        "QĐ-TTg",
        "2019-11-11",
        "Thủ tướng Chính phủ",
        "Quyết định số 1895/QĐ-TTg ngày 11/11/2019 của Thủ tướng Chính phủ",
    ),
    # line 52
    ("Luật", None, None, None, None, None, "Luật tiếp cận thông tin"),
    # line 53
    ("Luật", None, None, None, None, None, "Luật tiếp cận thông tin"),
    # line 56
    (
        "Chỉ thị",
        "29",
        None,
        "CT/TU",
        "2010-09-10",
        "Ban Thường vụ Thành ủy",
        "Chỉ thị số 29- CT/TU ngày 10/9/2010 của Ban Thường vụ Thành ủy",
    ),
    # line 56
    (
        "Kết luận",
        "65",
        None,
        "KL/TW",
        None,
        "Ban Bí thư Trung ương Đảng",
        "kết luận số 65- KL/TW của Ban Bí thư Trung ương Đảng",
    ),
    # line 56
    (
        "Nghị định",
        "04",
        2015,
        "NĐ-CP",
        "2015-01-09",
        "Chính phủ",
        "Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ",
    ),
    # line 56
    (
        "Thông tư",
        "01",
        2016,
        "TT-BNV",
        "2016-01-13",
        "Bộ Nội vụ",
        "Thông tư số 01/2016/TT-BNV ngày 13/01/2016 của Bộ Nội vụ",
    ),
    # line 56
    (
        "Nghị định",
        "04",
        2015,
        "NĐ-CP",
        "2015-01-09",
        "Chính phủ",
        "Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ",
    ),
    # line 56
    (
        "Nghị định",
        "149",
        2018,
        "NĐ-CP",
        "2018-11-07",
        "Chính phủ",
        "Nghị định số 149/2018/NĐ- CP ngày 07/11/2018 của Chính phủ",
    ),
    # line 56
    ("Bộ luật", None, None, None, None, None, "Bộ luật Lao động"),
    # line 56
    (
        "Thông tư",
        "36",
        2017,
        "TT-BGDĐT",
        "2017-12-28",
        None,
        "Thông tư số 36/2017/TT-BGDĐT ngày 28/12/2017",
    ),
    # line 56
    (
        "Thông tư",
        "11",
        2020,
        "TT-BGDĐT",
        "2020-05-19",
        "Bộ trưởng Bộ Giáo dục và Đào tạo",
        "Thông tư số 11/2020/TT-BGDĐT ngày 19/5/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo",
    ),
]

SEED_KEYS = ("type", "number", "year", "symbol", "date", "issuer", "text")


def seed_reference_dicts() -> list[dict[str, object]]:
    return [dict(zip(SEED_KEYS, row, strict=True)) for row in SEED_REFERENCES]


def test_seed_references_are_found_exactly_once_each_with_every_field():
    # given
    text = SEED_PATH.read_text(encoding="utf-8")

    # when
    found = [ref.as_dict() for ref in find_references(text)]

    # then
    assert found == seed_reference_dicts()


def test_seed_spans_point_at_the_text_they_report():
    # given
    text = SEED_PATH.read_text(encoding="utf-8")

    # when
    found = find_references(text)

    # then
    assert len(found) == len(SEED_REFERENCES) == 39
    assert all(text[ref.start : ref.end] == ref.text for ref in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_seed_read_line_by_line_gives_the_same_references_except_the_wrapped_issuer():
    # given: an importer that feeds one paragraph at a time
    text = SEED_PATH.read_text(encoding="utf-8")

    # when
    found = [ref.as_dict() for line in text.split("\n") for ref in find_references(line)]

    # then: only the issuer broken over two lines ("của BTV⏎Thành ủy") is cut at the break
    expected = seed_reference_dicts()
    wrapped = expected[12]
    expected[12] = {**wrapped, "issuer": "BTV", "text": str(wrapped["text"]).split("\n")[0]}
    assert found == expected


def test_seed_law_cited_by_name_keeps_its_canonical_name():
    # given
    text = SEED_PATH.read_text(encoding="utf-8")

    # when
    named = [(ref.type, ref.name) for ref in find_references(text) if ref.name]

    # then
    assert named == [
        ("Luật", "Tiếp cận thông tin"),
        ("Luật", "Tiếp cận thông tin"),
        ("Bộ luật", "Lao động"),
    ]
