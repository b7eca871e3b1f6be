"""The pure document model: numbers and symbols, dates, signers, recipients, JSON."""

import dataclasses
import datetime as dt
import json

import pytest

from gandan.paperwork.document import (
    DocType,
    DocumentSpec,
    Heading,
    Signer,
    SignerPrefix,
    number_symbol,
    roman,
    spec_from_json,
    spec_to_json,
)
from gandan.paperwork.samples import sample_letter, sample_plan


@pytest.mark.parametrize(
    ("number", "type_abbr", "org", "unit", "expected"),
    [
        # Nghị định 30/2020, Phụ lục I, II.3a: below 10 a leading zero.
        (7, "KH", "THTT", "", "07/KH-THTT"),
        (1, "QĐ", "THTT", "", "01/QĐ-THTT"),
        (10, "BC", "THTT", "", "10/BC-THTT"),
        (125, "TB", "THTT", "", "125/TB-THTT"),
        (15, "QĐ", "BNV", "", "15/QĐ-BNV"),
        (3, "QyĐ", "THTT", "", "03/QyĐ-THTT"),
        # II.3b: a công văn has no type abbreviation: body, then drafting unit or field.
        (5, "", "BNV", "VP", "05/BNV-VP"),
        (12, "", "UBND", "VX", "12/UBND-VX"),
        (5, "", "THTT", "", "05/THTT"),
        (4, "KH", " thtt ", "", "04/KH-THTT"),
    ],
)
def test_number_symbol(number, type_abbr, org, unit, expected):
    # given / when
    result = number_symbol(number, type_abbr, org, unit)
    # then
    assert result == expected


def test_number_symbol_of_a_draft_leaves_the_number_blank():
    # given / when
    result = number_symbol(None, "KH", "THTT")
    # then
    assert result.endswith("/KH-THTT")
    assert result[: -len("/KH-THTT")].strip("\u00a0") == ""


@pytest.mark.parametrize(
    ("number", "type_abbr", "org", "unit"),
    [(0, "KH", "THTT", ""), (3, "KH", "", ""), (3, "KH", "THTT", "VP")],
)
def test_number_symbol_refuses_what_the_decree_does_not_allow(number, type_abbr, org, unit):
    # given / when / then
    with pytest.raises(ValueError):
        number_symbol(number, type_abbr, org, unit)


@pytest.mark.parametrize(
    ("doc_type", "abbreviation", "heading"),
    [
        (DocType.PLAN, "KH", "KẾ HOẠCH"),
        (DocType.DECISION, "QĐ", "QUYẾT ĐỊNH"),
        (DocType.REPORT, "BC", "BÁO CÁO"),
        (DocType.NOTICE, "TB", "THÔNG BÁO"),
        (DocType.MINUTES, "BB", "BIÊN BẢN"),
        (DocType.RESOLUTION, "NQ", "NGHỊ QUYẾT"),
        (DocType.INVITATION, "GM", "GIẤY MỜI"),
        (DocType.SUBMISSION, "TTr", "TỜ TRÌNH"),
        (DocType.PROGRAMME, "CTr", "CHƯƠNG TRÌNH"),
        (DocType.GUIDANCE, "HD", "HƯỚNG DẪN"),
        (DocType.REGULATION, "QC", "QUY CHẾ"),
        (DocType.RULE, "QyĐ", "QUY ĐỊNH"),
        # Phụ lục III: "CV" is not an abbreviation; a công văn prints no type name.
        (DocType.OFFICIAL_LETTER, "", ""),
        (DocType.PUBLIC_LETTER, "", ""),
    ],
)
def test_doc_type_abbreviation_and_heading(doc_type, abbreviation, heading):
    # given / when / then
    assert doc_type.abbreviation == abbreviation
    assert doc_type.heading == heading
    assert doc_type.is_letter == (abbreviation == "")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # Phụ lục I, II.4b: day < 10 and months 1, 2 with a leading zero.
        (dt.date(2022, 8, 5), "Hải Phòng, ngày 05 tháng 8 năm 2022"),
        (dt.date(2026, 1, 5), "Hải Phòng, ngày 05 tháng 01 năm 2026"),
        (dt.date(2026, 2, 28), "Hải Phòng, ngày 28 tháng 02 năm 2026"),
        (dt.date(2025, 3, 15), "Hải Phòng, ngày 15 tháng 3 năm 2025"),
        (dt.date(2025, 12, 1), "Hải Phòng, ngày 01 tháng 12 năm 2025"),
    ],
)
def test_date_line(day, expected):
    # given
    spec = sample_plan(date=day)
    # when / then
    assert spec.date_line() == expected


def test_draft_has_blank_number_and_date():
    # given
    spec = dataclasses.replace(sample_plan(), number_symbol="", date=None)
    # when / then
    assert spec.number_line().startswith("Số: ")
    assert spec.number_line().rstrip().endswith("/")
    assert spec.date_line().startswith("Hải Phòng, ngày ")
    assert "2022" not in spec.date_line()


@pytest.mark.parametrize(
    ("signer", "lines"),
    [
        (Signer("Trần Văn Minh", "Hiệu trưởng"), ["HIỆU TRƯỞNG"]),
        (
            Signer("Nguyễn Thị Hồng", "Phó Hiệu trưởng", SignerPrefix.DEPUTY, "Hiệu trưởng"),
            ["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"],
        ),
        (
            Signer("Lê Văn An", "Chủ tịch", SignerPrefix.ON_BEHALF_OF_BODY, "Ban Chấp hành"),
            ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"],
        ),
        (Signer("Lê Văn An", "Hiệu trưởng", SignerPrefix.ACTING), ["Q. HIỆU TRƯỞNG"]),
        (
            Signer("Phạm Thu", "Tổ trưởng Văn phòng", SignerPrefix.BY_ORDER, "Hiệu trưởng"),
            ["TL. HIỆU TRƯỞNG", "TỔ TRƯỞNG VĂN PHÒNG"],
        ),
        # A collective body (Nghị định 30/2020, Điều 13 k2): the head signs TM. the body, the
        # deputy TM. the body and KT. the head, on three lines.
        (
            Signer("Vũ Văn Hòa", "Chủ tịch", for_body="Ủy ban nhân dân"),
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        ),
        (
            Signer(
                "Đỗ Thị Mai",
                "Phó Chủ tịch",
                SignerPrefix.DEPUTY,
                "Chủ tịch",
                for_body="Ủy ban nhân dân",
            ),
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ),
    ],
)
def test_signer_title_lines(signer, lines):
    # given / when / then
    assert signer.title_lines() == lines


def test_deputy_signature_needs_the_heads_title():
    # given / when / then: Nghị định 30/2020, Điều 13: "KT." signs for someone named above.
    with pytest.raises(ValueError):
        Signer("Nguyễn Thị Hồng", "Phó Hiệu trưởng", SignerPrefix.DEPUTY)


@pytest.mark.parametrize(
    ("recipients", "expected"),
    [
        ((), ["- Lưu: VT."]),
        (("Như trên",), ["- Như trên;", "- Lưu: VT."]),
        (
            ("- Phòng GD&ĐT;", "Lưu: VT, 2b", "CB, GV, NV."),
            ["- Phòng GD&ĐT;", "- CB, GV, NV;", "- Lưu: VT, 2b."],
        ),
    ],
)
def test_recipient_lines_end_with_the_archive(recipients, expected):
    # given
    spec = dataclasses.replace(sample_plan(), recipients=recipients)
    # when / then: Phụ lục I, II.9b.
    assert spec.recipient_lines() == expected


def test_letter_summary_starts_with_vv():
    # given
    spec = sample_letter()
    # when / then: Phụ lục I, II.5b.
    assert spec.summary_line() == (
        "V/v đề nghị phối hợp tổ chức Hội nghị cán bộ, công chức, viên chức năm học 2026 - 2027"
    )


@pytest.mark.parametrize(
    ("heading", "label"),
    [
        (Heading(1, 1, "Mục đích, yêu cầu"), "I. MỤC ĐÍCH, YÊU CẦU"),
        (Heading(1, 4, "Tổ chức thực hiện"), "IV. TỔ CHỨC THỰC HIỆN"),
        (Heading(2, 3, "Nhiệm vụ cụ thể"), "3. Nhiệm vụ cụ thể"),
        (Heading(3, "a)", "Đối với giáo viên"), "a) Đối với giáo viên"),
    ],
)
def test_heading_labels(heading, label):
    # given / when / then
    assert heading.label() == label


@pytest.mark.parametrize(("number", "text"), [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV")])
def test_roman(number, text):
    # given / when / then
    assert roman(number) == text


@pytest.mark.parametrize("factory", [sample_plan, sample_letter])
def test_json_round_trip_gives_an_equal_spec(factory):
    # given
    spec = factory()
    # when
    copy = spec_from_json(json.loads(json.dumps(spec_to_json(spec))))
    # then
    assert copy == spec
    assert isinstance(copy, DocumentSpec)
