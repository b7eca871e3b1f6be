"""The writing conventions every document follows (paperwork/conventions.py), on every kind of
document (samples.SAMPLES), on the spec and in the rendered .docx."""

import dataclasses
import datetime as dt
import io
import re

import docx
import pytest

from gandan.orgs.models import FormerManagingBody, Organisation, OrgKind
from gandan.paperwork.conventions import arrange, flatten_parentheses, format_problems, tidy_text
from gandan.paperwork.document import (
    BasisLine,
    Bullet,
    CentredLine,
    DocType,
    Paragraph,
)
from gandan.paperwork.rendering import render_docx
from gandan.paperwork.samples import SAMPLES, sample_decision, sample_minutes, sample_plan
from gandan.paperwork.services import issue_document
from gandan.paperwork.signing import drafting_unit, header_names

KINDS = sorted(SAMPLES)


def text_of(block) -> str:
    return block.text


def docx_texts(spec) -> list[str]:
    document = docx.Document(io.BytesIO(render_docx(spec)))
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        texts += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return [text for text in texts if text.strip()]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_document_meets_the_conventions_once_arranged(kind):
    # given
    spec = SAMPLES[kind]()
    # when
    problems = format_problems(arrange(spec))
    # then
    assert problems == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_document_prints_its_content_ending_and_one_date_style(kind):
    # given
    spec = SAMPLES[kind]()
    # when
    texts = docx_texts(spec)
    joined = "\n".join(texts)
    # then: Phụ lục III: the content ends with "./."; no "05/8/2022" beside the date line's
    # "ngày 05 tháng 8 năm 2022"; no English dashes; no product name.
    body_last = [t for t in texts if t.endswith("./.")]
    assert len(body_last) == 1
    assert "—" not in joined and "–" not in joined
    assert "Gần Dân" not in joined
    written = re.search(r"tháng \d{1,2} năm \d{4}", joined.replace(spec.date_line(), ""))
    assert not (written and re.search(r"\b\d{1,2}/\d{1,2}/\d{4}\b", joined))


def test_arranging_twice_changes_nothing():
    # given
    once = {kind: arrange(factory()) for kind, factory in SAMPLES.items()}
    # when
    twice = {kind: arrange(spec) for kind, spec in once.items()}
    # then
    assert once == twice


def test_the_checks_find_what_a_raw_spec_gets_wrong():
    # given: the seed's own wording: the last "Căn cứ" ending with "." before "Trường … như
    # sau:"; a written date next to its "ngày 12/01/2022".
    raw = sample_plan()
    mixed = dataclasses.replace(
        raw, body=(Paragraph("Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011"), *raw.body)
    )
    # when
    problems = format_problems(mixed)
    # then
    assert "Văn bản viết ngày tháng theo hai kiểu khác nhau." in problems
    assert any("Căn cứ kết thúc sai dấu" in problem for problem in problems)
    assert format_problems(arrange(mixed)) == []


def test_one_date_style_the_written_one_where_a_text_mixes_them():
    # given
    raw = sample_plan()
    mixed = dataclasses.replace(
        raw, body=(BasisLine("Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;"), *raw.body)
    )
    # when
    kept, written = arrange(raw), arrange(mixed)
    # then: dd/mm/yyyy throughout is one style and stays; mixed, every date is written out.
    assert "ngày 12/01/2022" in text_of(kept.body[0])
    assert "ngày 12 tháng 01 năm 2022" in text_of(written.body[1])
    assert "Tháng 8 năm 2022" in [
        cell for b in written.body if hasattr(b, "rows") for row in b.rows for cell in row
    ]


@pytest.mark.parametrize(
    ("bases", "following", "ends"),
    [
        # Phụ lục I, II.6a: ";" after each "Căn cứ"; Mẫu 1.1-1.3: "." before the operative line.
        (("Căn cứ A.", "Căn cứ B;"), CentredLine("QUYẾT ĐỊNH:"), (";", ".")),
        # The sentence goes on: "Căn cứ …, Trường … ban hành Kế hoạch … như sau:".
        (("Căn cứ A", "Căn cứ B."), Paragraph("Trường X ban hành Kế hoạch như sau:"), (";", ",")),
        (("Xét đề nghị của Hội đồng,",), CentredLine("QUYẾT ĐỊNH:"), (".",)),
        (("Căn cứ A;",), Paragraph("Nội dung khiếu nại: đòi lại tiền."), (".",)),
    ],
)
def test_basis_lines_end_with_semicolons_and_the_last_as_the_form_shows(bases, following, ends):
    # given
    spec = dataclasses.replace(
        sample_decision(), body=(CentredLine("HIỆU TRƯỞNG X"), *map(BasisLine, bases), following)
    )
    # when
    arranged = arrange(spec).body
    # then
    assert tuple(text_of(block)[-1] for block in arranged[1 : 1 + len(bases)]) == ends


def test_the_authority_line_of_a_decision_moves_before_its_bases():
    # given: a builder that put "HIỆU TRƯỞNG …" after the "Căn cứ" lines.
    decision = sample_decision()
    authority, *rest = decision.body
    misplaced = dataclasses.replace(decision, body=(rest[0], rest[1], authority, *rest[2:]))
    # when
    arranged = arrange(misplaced)
    # then: Phụ lục III, Mẫu 1.2: the authority before the bases.
    assert format_problems(misplaced) != []
    assert arranged.body[0] == authority
    assert isinstance(arranged.body[1], BasisLine)
    assert format_problems(arranged) == []


def test_a_decision_without_an_authority_line_is_reported():
    # given
    decision = sample_decision()
    # when
    problems = format_problems(dataclasses.replace(decision, body=decision.body[1:]))
    # then
    assert "Quyết định, nghị quyết thiếu dòng thẩm quyền ban hành." in problems


def test_the_last_item_of_a_list_ends_with_a_full_stop():
    # given
    spec = dataclasses.replace(
        sample_decision(),
        body=(Bullet("Ông A: trưởng ban;"), Bullet("Bà B: thành viên;"), Paragraph("Kết thúc")),
    )
    # when
    body = arrange(spec).body
    # then
    assert [text_of(block) for block in body] == [
        "Ông A: trưởng ban;",
        "Bà B: thành viên.",
        "Kết thúc./.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ngày 05/8/2022, nhà trường", "Ngày 05 tháng 8 năm 2022, nhà trường"),
        (
            "từ 05/01/2026 đến ngày 28/2/2026",
            "từ ngày 05 tháng 01 năm 2026 đến ngày 28 tháng 02 năm 2026",
        ),
        ("Tháng 01/2023", "Tháng 01 năm 2023"),
        ("Nguyễn Văn A — Chủ tịch Hội đồng;", "Nguyễn Văn A, Chủ tịch Hội đồng;"),
        ("năm học 2026 – 2027", "năm học 2026 - 2027"),
        ("năm học 2025–2026", "năm học 2025 - 2026"),
        ("Lĩnh vực: Văn hóa – xã hội.", "Lĩnh vực: Văn hóa - xã hội."),
        ("—", ""),
        (
            "Kế hoạch liên kết kế hoạch cấp trên: —.",
            "Kế hoạch liên kết kế hoạch cấp trên: không có.",
        ),
        (
            "Tỷ lệ hoàn thành đúng hạn: —; quá hạn: 0.",
            "Tỷ lệ hoàn thành đúng hạn: không có; quá hạn: 0.",
        ),
        ("38/40 người có mặt", "38/40 người có mặt"),
        ("Số 52-KH/BDVTU", "Số 52-KH/BDVTU"),
        ("ngày 31/2/2026", "ngày 31/2/2026"),
    ],
)
def test_tidy_text(text, expected):
    # given / when / then
    assert tidy_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(lý do: ốm (có giấy))", "(lý do: ốm, có giấy)"),
        ("A (Luật Tố cáo 2018, Điều 30 (sửa đổi)) B", "A (Luật Tố cáo 2018, Điều 30, sửa đổi) B"),
        ("(a) và (b)", "(a) và (b)"),
    ],
)
def test_no_parentheses_inside_parentheses(text, expected):
    # given / when / then
    assert flatten_parentheses(text) == expected
    assert "((" not in expected


def test_a_product_name_in_the_text_is_reported():
    # given
    spec = dataclasses.replace(
        sample_plan(), body=(Paragraph("Đơn có thể gửi trên hệ thống Gần Dân của nhà trường./."),)
    )
    # when / then
    assert any("tên phần mềm" in problem for problem in format_problems(spec))


def test_minutes_keep_the_archive_of_the_form_and_name_their_times_chair_and_secretary():
    # given
    minutes = dataclasses.replace(
        sample_minutes(), recipients=("Ban Chấp hành Công đoàn", "Lưu: VT")
    )
    # when
    arranged = arrange(minutes)
    stripped = dataclasses.replace(arranged, body=arranged.body[1:])
    # then: Phụ lục III, Mẫu 1.9.
    assert arranged.recipient_lines()[-1] == "- Lưu: VT, Hồ sơ."
    assert format_problems(arranged) == []
    assert "Biên bản thiếu “Thời gian bắt đầu:” (Mẫu 1.9)." in format_problems(stripped)


def test_a_2022_document_names_the_managing_body_of_2022(db):
    # given: a school the ward manages since 1/7/2025, the district before.
    ward = Organisation.objects.create(
        kind=OrgKind.COMMUNE_COMMITTEE, slug="ubnd-hai-an", name="Ủy ban nhân dân phường Hải An",
        short_name="UBND phường Hải An", symbol="UBND",
    )  # fmt: skip
    school = Organisation.objects.create(
        kind=OrgKind.SCHOOL, parent=ward, slug="th-thanh-to", name="Trường Tiểu học Thành Tô",
        symbol="THTT",
    )  # fmt: skip
    FormerManagingBody.objects.create(
        organisation=school, name="Phòng GD&ĐT quận Hải An", until=dt.date(2025, 6, 30)
    )
    # when / then
    assert header_names(school, on=dt.date(2022, 8, 5))[0] == "PHÒNG GD&ĐT QUẬN HẢI AN"
    assert header_names(school, on=dt.date(2025, 6, 30))[0] == "PHÒNG GD&ĐT QUẬN HẢI AN"
    assert header_names(school, on=dt.date(2025, 7, 1))[0] == "UBND PHƯỜNG HẢI AN"
    assert header_names(school)[0] == "UBND PHƯỜNG HẢI AN"


def test_a_letter_symbol_carries_the_drafting_unit(db, school):
    # given: Phụ lục I, II.3b: "Số: 12/THTT-VP"; the school's office has no symbol of its own.
    Organisation.objects.create(
        kind=OrgKind.OFFICE, parent=school, slug="th-thanh-to-vp", name="Tổ văn phòng",
        symbol=school.symbol,
    )  # fmt: skip
    letter = dataclasses.replace(SAMPLES["cong_van"](), number_symbol="", date=None)
    # when
    document = issue_document(organisation=school, spec=letter, issued_on=dt.date(2026, 3, 2))
    # then
    assert drafting_unit(school) == "VP"
    assert document.number_symbol == "01/THTT-VP"
    assert document.spec.number_line() == "Số: 01/THTT-VP"


def test_a_letter_symbol_takes_the_office_abbreviation_when_recorded(db, school):
    # given
    Organisation.objects.create(
        kind=OrgKind.OFFICE, parent=school, slug="th-thanh-to-vp", name="Tổ văn phòng",
        symbol="TVP",
    )  # fmt: skip
    plan = dataclasses.replace(sample_plan(), number_symbol="", date=None)
    letter = dataclasses.replace(SAMPLES["cong_van"](), number_symbol="", date=None)
    # when
    typed = issue_document(organisation=school, spec=plan, issued_on=dt.date(2026, 3, 2))
    sent = issue_document(organisation=school, spec=letter, issued_on=dt.date(2026, 3, 2))
    # then: a typed document keeps type + body only (II.3b).
    assert typed.number_symbol == "01/KH-THTT"
    assert sent.number_symbol == "02/THTT-TVP"


def test_minutes_docx_has_no_date_line_and_the_archive_of_the_form():
    # given
    texts = docx_texts(sample_minutes())
    # then
    assert not any(text.startswith("Hải Phòng, ngày") for text in texts)
    assert "- Lưu: VT, Hồ sơ." in texts
    assert DocType.MINUTES.heading in texts


def test_the_register_writes_the_summary_as_the_document_prints_it(db, school):
    # given: a title typed with an en dash
    plan = dataclasses.replace(
        sample_plan(), number_symbol="", date=None, summary="Kế hoạch năm học 2025–2026"
    )
    # when
    document = issue_document(organisation=school, spec=plan, issued_on=dt.date(2026, 3, 2))
    # then
    assert document.summary == "Kế hoạch năm học 2025 - 2026"
