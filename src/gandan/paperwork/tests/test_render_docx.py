"""The .docx opened with python-docx: page, fonts, sizes and the order of the components."""

import dataclasses
import datetime as dt
import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from gandan.paperwork.document import DocType, Signer, SignerPrefix
from gandan.paperwork.metrics import text_width_mm
from gandan.paperwork.rendering import render_docx
from gandan.paperwork.samples import sample_letter, sample_plan

FONT = "Times New Roman"


def open_docx(spec):
    return docx.Document(io.BytesIO(render_docx(spec)))


def texts(cell):
    return [paragraph.text for paragraph in cell.paragraphs]


def runs_with_text(paragraph):
    return [run for run in paragraph.runs if run.text.strip()]


def only_run(paragraph):
    runs = runs_with_text(paragraph)
    assert len(runs) == 1, [run.text for run in runs]
    return runs[0]


def body_paragraphs(document):
    """Top-level paragraphs after the heading table, skipping the empty rule paragraphs."""
    return [paragraph for paragraph in document.paragraphs if paragraph.text.strip()]


def all_runs(document):
    section = document.sections[0]
    paragraphs = list(document.paragraphs) + list(section.header.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    for paragraph in paragraphs:
        yield from paragraph.runs


def test_page_is_a4_with_margins_in_the_legal_ranges():
    # given
    document = open_docx(sample_plan())
    # when
    section = document.sections[0]
    # then: Phụ lục I, Mục I: A4; top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
    assert abs(section.page_width.mm - 210) < 0.5
    assert abs(section.page_height.mm - 297) < 0.5
    assert 20 <= round(section.top_margin.mm, 1) <= 25
    assert 20 <= round(section.bottom_margin.mm, 1) <= 25
    assert 30 <= round(section.left_margin.mm, 1) <= 35
    assert 15 <= round(section.right_margin.mm, 1) <= 20


@pytest.mark.parametrize("factory", [sample_plan, sample_letter])
def test_every_run_is_times_new_roman_in_every_script_slot(factory):
    # given
    document = open_docx(factory())
    # when
    runs = list(all_runs(document))
    # then: Phụ lục I, I.3; all four slots, so Word and LibreOffice pick the same face.
    assert runs
    for run in runs:
        fonts = run._r.rPr.find(qn("w:rFonts"))
        for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            assert fonts.get(qn(slot)) == FONT, (run.text, slot)
        assert fonts.get(qn("w:asciiTheme")) is None
        assert str(run.font.color.rgb) == "000000", run.text
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    assert defaults.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:ascii")) == FONT


def test_heading_table_components_in_order_with_their_formats():
    # given
    document = open_docx(sample_plan())
    # when
    table = document.tables[0]
    bodies, national = table.rows[0].cells
    number, date = table.rows[1].cells
    # then: the bodies top left, the Quốc hiệu top right (Phụ lục I, ô 1-2).
    # A 2022 plan names the managing body of 2022 (before the reform of 1/7/2025).
    assert texts(bodies)[:2] == ["PHÒNG GD&ĐT QUẬN HẢI AN", "TRƯỜNG TIỂU HỌC THÀNH TÔ"]
    managing, issuing = bodies.paragraphs[0], bodies.paragraphs[1]
    assert not only_run(managing).bold
    assert only_run(managing).font.size.pt in (12, 13)
    assert only_run(issuing).bold
    assert only_run(issuing).font.size.pt in (12, 13)
    assert texts(national) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    quoc_hieu, tieu_ngu = (only_run(paragraph) for paragraph in national.paragraphs)
    assert quoc_hieu.bold and quoc_hieu.font.size.pt == 13 and not quoc_hieu.underline
    assert tieu_ngu.bold and tieu_ngu.font.size.pt == 14 and tieu_ngu.underline
    # then: the number left and the place and date right, on one row (ô 3-4).
    assert texts(number) == ["Số: 07/KH-THTT"]
    assert only_run(number.paragraphs[0]).font.size.pt == 13
    assert not only_run(number.paragraphs[0]).italic
    assert texts(date) == ["Hải Phòng, ngày 05 tháng 8 năm 2022"]
    assert only_run(date.paragraphs[0]).italic
    assert only_run(date.paragraphs[0]).font.size.pt in (13, 14)
    for cell in (bodies, national, number, date):
        for paragraph in cell.paragraphs:
            assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_short_rule_under_the_issuing_body_is_a_third_to_a_half_of_its_length():
    # given
    document = open_docx(sample_plan())
    cell = document.tables[0].rows[0].cells[0]
    # when: the rule is the bordered empty paragraph right under the issuing body.
    rule = cell.paragraphs[2]
    border = rule._p.pPr.find(qn("w:pBdr")).find(qn("w:top"))
    width = cell.width.mm - 2 * 0.5 - rule.paragraph_format.left_indent.mm * 2
    text = text_width_mm("TRƯỜNG TIỂU HỌC THÀNH TÔ", 13, bold=True)
    # then: Phụ lục I, II.2b: a solid line 1/3 to 1/2 of the name's length.
    assert rule.text == ""
    assert border.get(qn("w:val")) == "single"
    assert text / 3 <= width <= text / 2


def test_type_name_and_summary_bold_and_centred_after_the_heading_table():
    # given
    document = open_docx(sample_plan())
    # when
    paragraphs = body_paragraphs(document)
    # then: Phụ lục I, II.5a.
    assert paragraphs[0].text == "KẾ HOẠCH"
    assert only_run(paragraphs[0]).bold
    assert paragraphs[1].text.replace("\n", " ") == (
        "Thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở năm 2022"
    )
    assert all(run.bold for run in runs_with_text(paragraphs[1]))
    assert paragraphs[0].alignment == paragraphs[1].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_body_paragraphs_justified_indented_and_spaced():
    # given
    document = open_docx(sample_plan())
    # when
    paragraphs = body_paragraphs(document)
    basis = [p for p in paragraphs if p.text.startswith("Căn cứ")]
    sections = [p for p in paragraphs if p.text[:3] in ("I. ", "II.", "III")]
    # then: Phụ lục I, II.6: Căn cứ italic; body 13-14 justified, indent 1-1.27 cm, ≥ 6 pt.
    assert len(basis) == 2
    assert all(run.italic for p in basis for run in runs_with_text(p))
    assert [p.text for p in sections] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NHIỆM VỤ TRỌNG TÂM",
        "III. TỔ CHỨC THỰC HIỆN",
    ]
    assert all(only_run(p).bold for p in sections)
    for paragraph in basis + sections:
        fmt = paragraph.paragraph_format
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert round(fmt.first_line_indent.mm, 1) in (10.0, 12.7)
        assert fmt.space_before.pt >= 6
        assert 1.0 <= fmt.line_spacing <= 1.5
        assert all(run.font.size.pt in (13, 14) for run in runs_with_text(paragraph))


def test_recipients_and_deputy_signature():
    # given
    document = open_docx(sample_plan())
    # when
    recipients, signature = document.tables[-1].rows[0].cells
    # then: Phụ lục I, II.9b: "Nơi nhận:" 12 pt italic bold; the list 11 pt; "- Lưu: VT." last.
    lines = texts(recipients)
    assert lines[0] == "Nơi nhận:"
    heading = only_run(recipients.paragraphs[0])
    assert heading.italic and heading.bold and heading.font.size.pt == 12
    assert lines[1:] == [
        "- Phòng GD&ĐT (để b/c);",
        "- UBND phường Thành Tô (để b/c);",
        "- CB, GV, NV (để t/h);",
        "- Lưu: VT.",
    ]
    assert all(only_run(p).font.size.pt == 11 for p in recipients.paragraphs[1:])
    # then: Điều 13 and II.7: "KT." with the head's title above the deputy's, name in bold.
    assert texts(signature) == ["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Nguyễn Thị Hồng"]
    assert all(only_run(p).bold for p in signature.paragraphs)
    assert signature.paragraphs[2].paragraph_format.space_before.pt >= 48


def test_page_number_field_centred_in_the_header_and_absent_on_page_one():
    # given
    document = open_docx(sample_plan())
    # when
    section = document.sections[0]
    header_xml = section.header._element.xml
    # then: Phụ lục I, I.5: centred in the top margin, none on page 1.
    assert section.different_first_page_header_footer
    assert "PAGE" in header_xml and 'w:fldCharType="begin"' in header_xml
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not section.first_page_header.is_linked_to_previous
    assert "PAGE" not in section.first_page_header._element.xml
    assert all(p.text == "" for p in section.first_page_header.paragraphs)


def test_letter_has_vv_under_the_number_and_no_type_name():
    # given
    document = open_docx(sample_letter())
    # when
    number = document.tables[0].rows[1].cells[0]
    paragraphs = body_paragraphs(document)
    # then: Phụ lục I, II.5b: "V/v …" under "Số:", 12-13 pt; no "CÔNG VĂN" title.
    assert texts(number)[0] == "Số: 05/THTT-VP"  # II.3b: body, then drafting unit
    assert texts(number)[1].replace("\n", " ").startswith("V/v đề nghị phối hợp")
    assert all(run.font.size.pt in (12, 13) for run in runs_with_text(number.paragraphs[1]))
    assert number.paragraphs[1].paragraph_format.space_before.pt == 6
    assert "CÔNG VĂN" not in [p.text for p in paragraphs]
    assert paragraphs[0].text.startswith("Kính gửi:")
    assert "Ban Chấp hành Công đoàn trường;" in paragraphs[0].text
    assert paragraphs[0].text.endswith("Ban đại diện cha mẹ học sinh trường.")
    assert document.tables[0].rows[1].cells[1].paragraphs[0].text == (
        "Hải Phòng, ngày 05 tháng 01 năm 2026"
    )


def test_long_names_drop_to_twelve_points_or_break_evenly():
    # given
    long_name = dataclasses.replace(
        sample_plan(),
        managing_body="SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HẢI PHÒNG",
        issuing_body="TRƯỜNG TIỂU HỌC VÀ TRUNG HỌC CƠ SỞ NGUYỄN BỈNH KHIÊM",
    )
    # when
    cell = open_docx(long_name).tables[0].rows[0].cells[0]
    # then: names stay 12-13 pt and break between words, no line wider than the column.
    for paragraph in cell.paragraphs[:2]:
        for run in runs_with_text(paragraph):
            assert run.font.size.pt in (12, 13)
        for line in paragraph.text.split("\n"):
            assert text_width_mm(line, 13, bold=True) <= cell.width.mm - 1
    assert "\n" in cell.paragraphs[1].text


def test_two_signers_side_by_side_with_recipients_below():
    # given
    minutes = dataclasses.replace(
        sample_plan(),
        doc_type=DocType.MINUTES,
        co_signer=Signer("Lê Thu Trang", "Thư ký"),
        signer=Signer("Trần Văn Minh", "Chủ tọa"),
    )
    # when
    table = open_docx(minutes).tables[-1]
    # then: Phụ lục III, Mẫu 1.9: THƯ KÝ left, CHỦ TỌA right, "Nơi nhận" under the secretary,
    # "Lưu: VT, Hồ sơ."; one row, so the block cannot split over two pages.
    assert len(table.rows) == 1
    left = [text for text in texts(table.rows[0].cells[0]) if text]
    assert left[:3] == ["THƯ KÝ", "Lê Thu Trang", "Nơi nhận:"]
    assert left[-1] == "- Lưu: VT, Hồ sơ."
    assert texts(table.rows[0].cells[1]) == ["CHỦ TỌA", "Trần Văn Minh"]


def test_two_signers_names_stand_level_when_one_title_has_more_lines():
    # given: the union chair signs "TM. BAN CHẤP HÀNH CÔNG ĐOÀN / CHỦ TỊCH", the head one line.
    resolution = dataclasses.replace(
        sample_plan(),
        doc_type=DocType.RESOLUTION,
        signer=Signer("Trần Văn Minh", "Hiệu trưởng"),
        co_signer=Signer(
            "Phạm Thị Lan", "Chủ tịch", SignerPrefix.ON_BEHALF_OF_BODY, "Ban Chấp hành Công đoàn"
        ),
    )
    # when
    left, right = open_docx(resolution).tables[-1].rows[0].cells

    # then: as many title lines stand above each name, the head's padded with empty lines.
    def lines_above(cell, name):
        above = texts(cell)[: texts(cell).index(name)]
        return sum(text.count("\n") + 1 for text in above)

    assert lines_above(left, "Phạm Thị Lan") == lines_above(right, "Trần Văn Minh") >= 2
    assert texts(right)[0] == "HIỆU TRƯỞNG"
    assert set(texts(right)[1 : texts(right).index("Trần Văn Minh")]) == {""}


def test_body_table_rows_never_split_and_the_last_paragraph_keeps_with_the_signature():
    # given
    document = open_docx(sample_plan())
    # when
    body_table = document.tables[1]
    last_text = [p for p in document.paragraphs if p.text.strip()][-1]
    # then
    for row in body_table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    assert last_text.text.endswith("./.")
    assert last_text.paragraph_format.keep_with_next


def test_minutes_have_no_place_and_date_line():
    # given: Phụ lục III, Mẫu 1.9 shows only the Quốc hiệu and Tiêu ngữ on the right.
    minutes = dataclasses.replace(
        sample_plan(),
        doc_type=DocType.MINUTES,
        co_signer=Signer("Lê Thu Trang", "Thư ký"),
        signer=Signer("Trần Văn Minh", "Chủ tọa"),
    )
    # when
    date_cell = open_docx(minutes).tables[0].rows[1].cells[1]
    plan_date = open_docx(sample_plan()).tables[0].rows[1].cells[1]
    # then
    assert date_cell.text == ""
    assert plan_date.text == "Hải Phòng, ngày 05 tháng 8 năm 2022"


def test_issued_date_in_january_has_leading_zero_month_in_the_file():
    # given
    spec = sample_plan(number_symbol="01/KH-THTT", date=dt.date(2026, 1, 5))
    # when
    table = open_docx(spec).tables[0]
    # then
    assert table.rows[1].cells[0].text == "Số: 01/KH-THTT"
    assert table.rows[1].cells[1].text == "Hải Phòng, ngày 05 tháng 01 năm 2026"


# Word refuses a file whose property elements are out of the order the OOXML schema sets
# (LibreOffice is lenient, so the PDF would not show it).
SCHEMA_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
    "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
    "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
    "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
    "tblCellSpacing jc hidden",
}


@pytest.mark.parametrize("factory", [sample_plan, sample_letter])
def test_property_elements_follow_the_schema_order(factory):
    # given
    document = open_docx(factory())
    roots = [document.element, document.sections[0].header._element, document.styles.element]
    # when / then
    for root in roots:
        for parent, order in SCHEMA_ORDER.items():
            names = order.split()
            for element in root.iter(qn(f"w:{parent}")):
                tags = [child.tag.split("}")[1] for child in element]
                positions = [names.index(tag) for tag in tags]
                assert positions == sorted(positions), (parent, tags)
