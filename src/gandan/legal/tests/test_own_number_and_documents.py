"""Issue 12, point 13: the document's own number is no citation; one document cited twice is one."""

import datetime as dt

import pytest

from gandan.legal.references import cited_documents, find_references, normalised_key

HEADER = """\
ỦY BAN NHÂN DÂN
XÃ AN HÒA
Số: 21/KH-UBND
An Hòa, ngày 10 tháng 3 năm 2024
KẾ HOẠCH
Thực hiện công tác dân vận của chính quyền năm 2024
Căn cứ Kế hoạch số 20/KH-UBND ngày 02/02/2024 của UBND huyện về công tác dân vận;
"""


def _citations(text: str) -> list[str]:
    return [reference.citation for reference in find_references(text)]


def test_the_number_in_the_header_is_not_a_citation():
    # when
    citations = _citations(HEADER)

    # then
    assert citations == ["Kế hoạch 20/KH-UBND"]


@pytest.mark.parametrize(
    "line",
    [
        "Số: 21/KH-UBND",
        "Số:21/KH-UBND",
        "Số 21/KH-UBND",
        "Số: 21 /KH-UBND",
        "  Số: 21/KH-UBND\tAn Hòa, ngày 10 tháng 3 năm 2024",
        "Số hiệu: 21/KH-UBND Loại văn bản: Kế hoạch",  # a law-text site's metadata line
        "Số: 21-KH/ĐU",  # Party style
    ],
)
def test_every_spelling_of_the_header_number_is_left_out(line):
    # when
    citations = _citations(f"{line}\nCăn cứ Quyết định số 5/QĐ-UBND ngày 01/01/2024;")

    # then
    assert citations == ["Quyết định 5/QĐ-UBND"]


def test_the_own_number_cited_again_above_or_below_the_header_is_not_a_citation():
    # given: a law-text site titles the page with the plan's own number, above the header
    text = (
        "Kế hoạch 155/KH-UBND năm 2017 triển khai Chương trình hộ tịch\n"
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 155/KH-UBND\n"
        "Căn cứ Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ;\n"
        "Kế hoạch số 155/KH-UBND được gửi các sở, ngành.\n"
    )

    # when
    citations = _citations(text)

    # then
    assert citations == ["Nghị định 123/2015/NĐ-CP"]


def test_a_number_line_inside_the_text_is_still_a_citation_when_a_type_word_precedes_it():
    # given: "Số" in running text, not a header line
    text = "Căn cứ Kế hoạch Số: 21/KH-UBND ngày 10/3/2024 của UBND xã;"

    # when
    citations = _citations(text)

    # then
    assert citations == ["Kế hoạch 21/KH-UBND"]


def test_a_law_cited_by_name_with_its_year_keeps_its_name():
    # given
    text = "Thực hiện Luật Hộ tịch năm 2014 và các văn bản hướng dẫn thi hành Luật Hộ tịch;"

    # when
    references = find_references(text)

    # then
    assert [r.citation for r in references] == ["Luật Hộ tịch năm 2014", "Luật Hộ tịch"]
    assert references[0].year == 2014
    assert normalised_key(references[0]) == normalised_key(references[1])


def test_a_document_cited_with_and_without_its_date_is_one_document():
    # given
    text = (
        "Căn cứ Quyết định số 676/QĐ-UBND ngày 03/3/2022 của UBND thành phố; "
        "thực hiện Quyết định 676/QĐ-UBND, Nghị định 04/2015/NĐ-CP và "
        "Nghị định số 04/NĐ-CP ngày 09/01/2015 của Chính phủ; "
        "Luật Giáo dục năm 2019, Luật Giáo dục."
    )

    # when
    documents = cited_documents(find_references(text))

    # then
    assert [(d.citation, d.date, len(d.references)) for d in documents] == [
        ("Quyết định 676/QĐ-UBND", dt.date(2022, 3, 3), 2),
        ("Nghị định 04/2015/NĐ-CP", dt.date(2015, 1, 9), 2),
        ("Luật Giáo dục năm 2019", None, 2),
    ]
    assert documents[0].issuer == "UBND thành phố"


def test_documents_with_different_dates_or_years_stay_apart():
    # given: two decisions numbered 5 of the same issuer in different years
    text = (
        "Quyết định số 5/QĐ-UBND ngày 02/01/2023; Quyết định số 5/QĐ-UBND ngày 03/01/2024; "
        "Quyết định 5/QĐ-UBND; Nghị định 04/2015/NĐ-CP; Nghị định 04/2016/NĐ-CP."
    )

    # when
    documents = cited_documents(find_references(text))

    # then: the undated citation cannot be told apart, so it stays on its own
    assert [(d.citation, d.date) for d in documents] == [
        ("Quyết định 5/QĐ-UBND", dt.date(2023, 1, 2)),
        ("Quyết định 5/QĐ-UBND", dt.date(2024, 1, 3)),
        ("Quyết định 5/QĐ-UBND", None),
        ("Nghị định 04/2015/NĐ-CP", None),
        ("Nghị định 04/2016/NĐ-CP", None),
    ]
