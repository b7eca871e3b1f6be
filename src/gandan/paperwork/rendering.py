"""Render a DocumentSpec as .docx in the Nghị định 30/2020 format, and as PDF from that .docx.

Everything is built in code with python-docx (no template file), so each rule of Phụ lục I
sits next to the line that applies it. The PDF is LibreOffice's conversion of the same
.docx, so the two never disagree.
"""

import dataclasses
import io
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_TABLE_DIRECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from gandan.core.text import FORBIDDEN, strip_forbidden
from gandan.paperwork import converter
from gandan.paperwork.conventions import arrange
from gandan.paperwork.document import (
    Article,
    BasisLine,
    Block,
    Bullet,
    CentredLine,
    DocType,
    DocumentSpec,
    Heading,
    Paragraph,
    Signer,
    Table,
)
from gandan.paperwork.metrics import balanced_lines, text_width_mm

FONT = "Times New Roman"  # Phụ lục I, I.3: Times New Roman, Unicode TCVN 6909:2001, black.
BLACK = RGBColor(0, 0, 0)

# Phụ lục I, Phần I, Mục I: A4 portrait; margins top/bottom 20-25 mm, left 30-35, right 15-20.
PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGIN_TOP_MM = 20
MARGIN_BOTTOM_MM = 20
MARGIN_LEFT_MM = 30
MARGIN_RIGHT_MM = 15
HEADER_DISTANCE_MM = 10
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM

# The heading table: the Quốc hiệu at 13 pt bold is about 96 mm long and must fit on one line.
# Both columns stay inside the margins; long names get 12 pt or a balanced line break.
HEADER_LEFT_MM = 67
HEADER_RIGHT_MM = TEXT_WIDTH_MM - HEADER_LEFT_MM
CELL_MARGIN_MM = 0.5
SUMMARY_WIDTH_MM = 150
SIGNATURE_LEFT_MM = 75
SIGNATURE_RIGHT_MM = TEXT_WIDTH_MM - SIGNATURE_LEFT_MM

# Sizes in points (Phụ lục I, "Mẫu chữ" table).
SIZE_BODY = 14  # body 13-14
SIZE_NATIONAL_TITLE = 13  # Quốc hiệu 12-13, bold
SIZE_MOTTO = 14  # Tiêu ngữ 13-14, bold
SIZE_BODY_NAMES = 13  # cơ quan chủ quản / ban hành 12-13
SIZE_BODY_NAMES_SMALL = 12
SIZE_NUMBER = 13  # "Số:" 13
SIZE_DATE = 14  # địa danh, ngày tháng 13-14, italic
SIZE_LETTER_SUMMARY = 12  # "V/v …" 12-13
SIZE_RECIPIENTS_TITLE = 12  # "Nơi nhận:" 12, italic bold
SIZE_RECIPIENTS = 11  # the list 11
SIZE_PAGE_NUMBER = 14  # 13-14
SIZE_TABLE = 13
CELL_MARGIN_TABLE_MM = 1.9  # Word's default cell padding

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"  # Phụ lục I, II.1b: hyphens with a space either side.

FIRST_LINE_INDENT_MM = 12.7  # Phụ lục I, II.6e: 1 cm or 1.27 cm
PARAGRAPH_SPACING_PT = 6  # ≥ 6 pt between paragraphs
LINE_SPACING = 1.15  # single to 1.5 lines
SIGNATURE_SPACE_PT = 70  # room for the handwritten signature and the seal
RULE_FRACTION = 0.4  # the short rules: 1/3 to 1/2 of the text above them
RULE_GAP_PT = 3


def render_docx(spec: DocumentSpec) -> bytes:
    """The document as .docx bytes, in the Phụ lục I layout, the conventions applied
    (`conventions.arrange`)."""
    spec = arrange(_xml_safe(spec))
    document = Document()
    _set_defaults(document)
    _set_page(document, spec)
    _add_heading_table(document, spec)
    _add_title(document, spec)
    _add_kinh_gui(document, spec)
    for block in spec.body:
        _add_block(document, block)
    _add_signature_table(document, spec)
    document.core_properties.title = spec.summary_line()
    document.core_properties.language = "vi-VN"
    document.core_properties.author = spec.issuing_body
    document.core_properties.last_modified_by = spec.issuing_body
    document.core_properties.comments = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xml_safe[T](value: T) -> T:
    """The spec without characters XML 1.0 cannot hold (core/text.py), for text stored before
    inputs were checked: a name with U+000B must not make the letter's download fail."""
    if isinstance(value, str):
        return strip_forbidden(value) if FORBIDDEN.search(value) else value  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(_xml_safe(item) for item in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            field.name: _xml_safe(getattr(value, field.name))
            for field in dataclasses.fields(value)
            if field.init
        }
        return dataclasses.replace(value, **changes)
    return value


# Page and defaults.


def _set_fonts(rpr) -> None:
    """Name Times New Roman for every script slot, so Word and LibreOffice pick the same face."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)


def _set_defaults(document: DocxDocument) -> None:
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    rpr.find(qn("w:sz")).set(qn("w:val"), str(SIZE_BODY * 2))
    rpr.find(qn("w:szCs")).set(qn("w:val"), str(SIZE_BODY * 2))
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    ppr = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE_BODY)
    _set_fonts(normal.element.get_or_add_rPr())


def _set_page(document: DocxDocument, spec: DocumentSpec) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    section.top_margin = Mm(MARGIN_TOP_MM)
    section.bottom_margin = Mm(MARGIN_BOTTOM_MM)
    section.left_margin = Mm(MARGIN_LEFT_MM)
    section.right_margin = Mm(MARGIN_RIGHT_MM)
    section.header_distance = Mm(HEADER_DISTANCE_MM)
    section.footer_distance = Mm(HEADER_DISTANCE_MM)
    # Phụ lục I, I.5: page numbers centred in the top margin, none on page 1.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_page_field(paragraph)


def _add_page_field(paragraph: DocxParagraph) -> None:
    def field_char(kind: str):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    begin = _run(paragraph, "", SIZE_PAGE_NUMBER)
    begin._r.append(field_char("begin"))
    instruction = _run(paragraph, "", SIZE_PAGE_NUMBER)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = " PAGE "
    instruction._r.append(text)
    separate = _run(paragraph, "", SIZE_PAGE_NUMBER)
    separate._r.append(field_char("separate"))
    _run(paragraph, "2", SIZE_PAGE_NUMBER)
    end = _run(paragraph, "", SIZE_PAGE_NUMBER)
    end._r.append(field_char("end"))


# Runs and paragraphs.


def _run(
    paragraph: DocxParagraph,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
):
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.underline = underline
    run.font.color.rgb = BLACK
    _set_fonts(run._r.get_or_add_rPr())
    return run


def _format(
    paragraph: DocxParagraph,
    *,
    align=WD_ALIGN_PARAGRAPH.CENTER,
    before: float = 0,
    after: float = 0,
    indent_mm: float = 0,
    line_spacing: float = 1.0,
) -> DocxParagraph:
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = line_spacing
    fmt.first_line_indent = Mm(indent_mm) if indent_mm else None
    return paragraph


def _lines(
    container,
    text: str,
    size: float,
    *,
    first: bool = False,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    before: float = 0,
) -> DocxParagraph:
    """A centred paragraph; '\\n' in the text becomes a line break."""
    paragraph = container.paragraphs[0] if first else container.add_paragraph()
    _format(paragraph, before=before)
    for index, line in enumerate(text.split("\n")):
        run = _run(paragraph, "", size, bold=bold, italic=italic, underline=underline)
        if index:
            run.add_break()
        run.add_text(line)
    return paragraph


def _rule(container, text: str, size: float, available_mm: float, *, bold: bool = True) -> None:
    """A short solid line centred under `text` (Phụ lục I, II.2b, II.5a: 1/3-1/2 its length).

    It is the top border of an empty 1 pt paragraph whose indents leave the wanted length.
    """
    longest = max(text_width_mm(line, size, bold=bold) for line in text.split("\n"))
    length = min(longest, available_mm) * RULE_FRACTION
    side = max((available_mm - length) / 2, 0)
    paragraph = container.add_paragraph()
    fmt = _format(paragraph, before=RULE_GAP_PT)
    fmt.paragraph_format.left_indent = Mm(side)
    fmt.paragraph_format.right_indent = Mm(side)
    fmt.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.paragraph_format.line_spacing = Pt(1)
    _run(paragraph, "", 1)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)
    # pBdr must precede spacing/ind/jc in pPr (schema order), or Word rejects the file.
    ppr = paragraph._p.pPr
    for tag in ("w:spacing", "w:ind", "w:jc"):
        element = ppr.find(qn(tag))
        if element is not None:
            ppr.remove(element)
            ppr.append(element)


# Tables without borders, with fixed column widths.


def _plain_table(document: DocxDocument, widths_mm: tuple[float, ...], rows: int = 1):
    table = document.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.table_direction = WD_TABLE_DIRECTION.LTR
    table.autofit = False  # writes <w:tblLayout w:type="fixed"/> in its schema place
    _set_table_width(table, sum(widths_mm))
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(_twips(CELL_MARGIN_MM)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    # Word rejects tblPr children out of schema order: tblCellMar comes before tblLook.
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        table._tbl.tblPr.append(margins)
    for index, width in enumerate(widths_mm):
        table.columns[index].width = Mm(width)
        for cell in table.columns[index].cells:
            cell.width = Mm(width)
    for row in table.rows:
        # Keep the heading and the signature each on one page.
        cant_split = OxmlElement("w:cantSplit")
        row._tr.get_or_add_trPr().append(cant_split)
    return table


def _names_size(spec: DocumentSpec, available_mm: float) -> int:
    """13 pt, or 12 pt when that saves lines (Phụ lục I, II.2: the names are 12-13 pt)."""

    def line_count(size: int) -> int:
        return sum(
            balanced_lines(name.upper(), size, available_mm, bold=bold).count("\n") + 1
            for name, bold in ((spec.managing_body, False), (spec.issuing_body, True))
        )

    return min((SIZE_BODY_NAMES, SIZE_BODY_NAMES_SMALL), key=line_count)


def _twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def _set_table_width(table, width_mm: float) -> None:
    width = table._tbl.tblPr.find(qn("w:tblW"))
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(_twips(width_mm)))


def _add_heading_table(document: DocxDocument, spec: DocumentSpec) -> None:
    """Phụ lục I, ô 1-4: bodies left, Quốc hiệu right; number left, place and date right."""
    table = _plain_table(document, (HEADER_LEFT_MM, HEADER_RIGHT_MM), rows=2)
    left, right = table.rows[0].cells
    left_width = HEADER_LEFT_MM - 2 * CELL_MARGIN_MM
    size = _names_size(spec, left_width)
    managing = balanced_lines(spec.managing_body.upper(), size, left_width)
    issuing = balanced_lines(spec.issuing_body.upper(), size, left_width, bold=True)
    # II.2: the managing body upright, the issuing body bold with a short line under it.
    if managing:
        _lines(left, managing, size, first=True)
        _lines(left, issuing, size, bold=True)
    else:
        _lines(left, issuing, size, first=True, bold=True)
    _rule(left, issuing, size, left_width)
    # II.1: Quốc hiệu bold; Tiêu ngữ bold, underlined for its whole length, directly below.
    _lines(right, NATIONAL_TITLE, SIZE_NATIONAL_TITLE, first=True, bold=True)
    _lines(right, MOTTO, SIZE_MOTTO, bold=True, underline=True)
    number_cell, date_cell = table.rows[1].cells
    # II.3 and II.4: "Số:" and the date on one line, each centred under its column.
    _lines(number_cell, spec.number_line(), SIZE_NUMBER, first=True, before=6)
    if spec.doc_type.is_letter and spec.summary_line():
        # II.5b: a công văn's "V/v …" sits under the number, 6 pt below it.
        summary = balanced_lines(spec.summary_line(), SIZE_LETTER_SUMMARY, left_width)
        _lines(number_cell, summary, SIZE_LETTER_SUMMARY, before=6)
    if spec.doc_type == DocType.MINUTES:
        # Phụ lục III, Mẫu 1.9: a biên bản has no place and date under the Tiêu ngữ; its
        # start and end times are in the text.
        return
    _lines(date_cell, spec.date_line(), SIZE_DATE, first=True, italic=True, before=6)


def _add_title(document: DocxDocument, spec: DocumentSpec) -> None:
    """Phụ lục I, II.5a: the type name and the summary, bold and centred, a short line below."""
    if spec.doc_type.is_letter:
        return
    title = document.add_paragraph()
    _format(title, before=18)
    _run(title, spec.doc_type.heading, SIZE_BODY, bold=True)
    summary = balanced_lines(spec.summary_line(), SIZE_BODY, SUMMARY_WIDTH_MM, bold=True)
    if summary:
        _lines(document, summary, SIZE_BODY, bold=True)
        _rule(document, summary, SIZE_BODY, TEXT_WIDTH_MM)


def _add_kinh_gui(document: DocxDocument, spec: DocumentSpec) -> None:
    """Phụ lục I, II.9a: 'Kính gửi: X.' on one line, or a list aligned under the colon."""
    if not spec.kinh_gui:
        return
    label = "Kính gửi: "
    items = [item.strip().lstrip("-").strip().rstrip(";.").strip() for item in spec.kinh_gui]
    paragraph = document.add_paragraph()
    if len(items) == 1:
        _format(paragraph, before=12, after=6)
        _run(paragraph, f"{label}{items[0]}.", SIZE_BODY)
        return
    _format(paragraph, align=WD_ALIGN_PARAGRAPH.LEFT, before=12, after=6)
    hanging = text_width_mm(label, SIZE_BODY) + 1
    paragraph.paragraph_format.left_indent = Mm(40 + hanging)
    paragraph.paragraph_format.first_line_indent = Mm(-hanging)
    _run(paragraph, label.strip() + "\t", SIZE_BODY)
    for index, item in enumerate(items):
        end = "." if index == len(items) - 1 else ";"
        run = _run(paragraph, "", SIZE_BODY)
        if index:
            run.add_break()
        run.add_text(f"- {item}{end}")


# The body.


def _body_paragraph(document: DocxDocument) -> DocxParagraph:
    """Phụ lục I, II.6e: justified, first-line indent, ≥ 6 pt apart, single to 1.5 lines."""
    return _format(
        document.add_paragraph(),
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        before=PARAGRAPH_SPACING_PT,
        indent_mm=FIRST_LINE_INDENT_MM,
        line_spacing=LINE_SPACING,
    )


def _add_block(document: DocxDocument, block: Block) -> None:
    match block:
        case BasisLine(text=text):
            # II.6b: each "Căn cứ" line in italics.
            _run(_body_paragraph(document), text, SIZE_BODY, italic=True)
        case Heading(level=level):
            paragraph = _body_paragraph(document)
            paragraph.paragraph_format.keep_with_next = True
            _run(paragraph, block.label(), SIZE_BODY, bold=True, italic=level == 3)
        case Paragraph(text=text):
            _run(_body_paragraph(document), text, SIZE_BODY)
        case Bullet(text=text):
            _run(_body_paragraph(document), f"- {text}", SIZE_BODY)
        case Article(number=number, text=text):
            # II.6d: "Điều 1." in bold, the text upright.
            paragraph = _body_paragraph(document)
            _run(paragraph, f"Điều {number}. ", SIZE_BODY, bold=True)
            _run(paragraph, text, SIZE_BODY)
        case CentredLine(text=text, bold=bold):
            text = balanced_lines(text, SIZE_BODY, TEXT_WIDTH_MM, bold=bold)
            _lines(document, text, SIZE_BODY, bold=bold, before=PARAGRAPH_SPACING_PT)
        case Table():
            _add_table(document, block)


def _column_widths(rows: tuple[tuple[str, ...], ...]) -> list[float]:
    """Widths in mm filling the text width: each column gets at least its longest word."""
    padding = 2 * CELL_MARGIN_TABLE_MM + 1
    columns = list(zip(*rows, strict=True))
    desired = [max(text_width_mm(text, SIZE_TABLE) for text in col) + padding for col in columns]
    minimum = [
        max((text_width_mm(word, SIZE_TABLE) for text in col for word in text.split()), default=0)
        + padding
        for col in columns
    ]
    if sum(desired) <= TEXT_WIDTH_MM:
        scale = TEXT_WIDTH_MM / sum(desired)
        return [width * scale for width in desired]
    spare = max(TEXT_WIDTH_MM - sum(minimum), 0)
    extra = [want - least for want, least in zip(desired, minimum, strict=True)]
    total_extra = sum(extra) or 1
    return [least + spare * more / total_extra for least, more in zip(minimum, extra, strict=True)]


def _add_table(document: DocxDocument, block: Table) -> None:
    if not block.rows:
        return
    widths = _column_widths(block.rows)
    table = document.add_table(rows=len(block.rows), cols=len(widths), style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _set_table_width(table, sum(widths))
    for index, width in enumerate(widths):
        table.columns[index].width = Mm(width)
        for cell in table.columns[index].cells:
            cell.width = Mm(width)
    for row_index, row in enumerate(block.rows):
        # A row is never split across a page break.
        table.rows[row_index]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        is_header = block.header and row_index == 0
        if is_header:
            # A table running onto the next page repeats its header row.
            table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for cell, text in zip(table.rows[row_index].cells, row, strict=True):
            paragraph = _format(
                cell.paragraphs[0],
                align=WD_ALIGN_PARAGRAPH.CENTER if is_header else WD_ALIGN_PARAGRAPH.LEFT,
                before=2,
                after=2,
            )
            _run(paragraph, text, SIZE_TABLE, bold=is_header)


# Recipients and signatures.


def _title_texts(signer: Signer, width_mm: float) -> list[str]:
    return [balanced_lines(line, SIZE_BODY, width_mm, bold=True) for line in signer.title_lines()]


def _line_count(texts: list[str]) -> int:
    return sum(text.count("\n") + 1 for text in texts)


def _add_signer(cell: _Cell, signer: Signer, *, title_lines: int = 0) -> None:
    """Phụ lục I, II.7: authority and title bold, upper case; the name bold under the signature.

    `title_lines` pads the titles to that many lines, so that two signers' names stand level.
    """
    width = cell.width.mm - 2 * CELL_MARGIN_MM
    titles = _title_texts(signer, width)
    for index, text in enumerate(titles):
        _lines(cell, text, SIZE_BODY, first=index == 0, bold=True)
    for _pad in range(title_lines - _line_count(titles)):
        _lines(cell, "", SIZE_BODY, bold=True)
    name = _lines(cell, signer.name, SIZE_BODY, bold=True)
    name.paragraph_format.space_before = Pt(SIGNATURE_SPACE_PT)


def _add_recipients(cell: _Cell, spec: DocumentSpec, *, first: bool) -> None:
    """Phụ lục I, II.9b: "Nơi nhận:" 12 pt italic bold; the list 11 pt, "- Lưu: VT." last."""
    heading = cell.paragraphs[0] if first else cell.add_paragraph()
    _format(heading, align=WD_ALIGN_PARAGRAPH.LEFT)
    _run(heading, "Nơi nhận:", SIZE_RECIPIENTS_TITLE, bold=True, italic=True)
    for line in spec.recipient_lines():
        paragraph = _format(cell.add_paragraph(), align=WD_ALIGN_PARAGRAPH.LEFT)
        _run(paragraph, line, SIZE_RECIPIENTS)


def _add_signature_table(document: DocxDocument, spec: DocumentSpec) -> None:
    # The signature block never stands alone on a page: the content's last paragraph keeps
    # with it, and its table is one row that cannot split.
    if document.paragraphs:
        document.paragraphs[-1].paragraph_format.keep_with_next = True
    spacer = _format(document.add_paragraph(), before=PARAGRAPH_SPACING_PT)
    spacer.paragraph_format.keep_with_next = True
    widths = (SIGNATURE_LEFT_MM, SIGNATURE_RIGHT_MM)
    if spec.co_signer is None:
        table = _plain_table(document, widths)
        left, right = table.rows[0].cells
        _add_recipients(left, spec, first=True)
        _add_signer(right, spec.signer)
        return
    # Two signers (biên bản, joint resolutions), names level; the recipients under the left
    # signature (Phụ lục III, Mẫu 1.9), in the same row so the block stays on one page.
    half = TEXT_WIDTH_MM / 2
    table = _plain_table(document, (half, half))
    left, right = table.rows[0].cells
    width = half - 2 * CELL_MARGIN_MM
    lines = max(
        _line_count(_title_texts(spec.co_signer, width)),
        _line_count(_title_texts(spec.signer, width)),
    )
    _add_signer(left, spec.co_signer, title_lines=lines)
    _add_signer(right, spec.signer, title_lines=lines)
    _add_recipients(left, spec, first=False)
    left.paragraphs[-len(spec.recipient_lines()) - 1].paragraph_format.space_before = Pt(12)


# PDF.


class RenderError(Exception):
    """The PDF could not be made; the message is for the user, in Vietnamese."""


PDF_TIMEOUT_SECONDS = 120


def libreoffice_binary() -> str | None:
    """Path of LibreOffice's soffice, from GANDAN_SOFFICE or the PATH."""
    configured = os.environ.get("GANDAN_SOFFICE")
    if configured:
        return configured if shutil.which(configured) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def render_pdf(source: DocumentSpec | bytes, *, timeout: float = PDF_TIMEOUT_SECONDS) -> bytes:
    """PDF bytes from a spec or from .docx bytes, converted by LibreOffice.

    The running LibreOffice of `converter` when there is one; otherwise (not started yet,
    failed, timed out) a cold `soffice --convert-to` with a profile of its own.
    """
    docx_bytes = render_docx(source) if isinstance(source, DocumentSpec) else source
    binary = libreoffice_binary()
    if binary is None:
        raise RenderError(
            _(
                "Không tìm thấy LibreOffice (lệnh soffice) để tạo PDF. "
                "Hãy cài gói libreoffice-writer-nogui hoặc xuất bản .docx."
            )
        )
    warm = converter.convert(docx_bytes, binary=binary, timeout=timeout)
    if warm is not None:
        return warm
    return render_pdf_cold(docx_bytes, binary=binary, timeout=timeout)


def render_pdf_cold(docx_bytes: bytes, *, binary: str, timeout: float) -> bytes:
    """The .docx converted by a LibreOffice started for it, in a fresh temporary profile:
    two conversions sharing a profile block each other or fail."""
    with tempfile.TemporaryDirectory(prefix="gandan-pdf-") as workdir:
        folder = Path(workdir)
        source_path = folder / "document.docx"
        source_path.write_bytes(docx_bytes)
        command = [
            binary,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(folder / "out"),
            str(source_path),
        ]
        # A session of its own, so that a timeout kills soffice.bin too, not only the wrapper.
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=folder,
            start_new_session=True,
        )
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as error:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise RenderError(
                _("LibreOffice không tạo xong PDF trong %(seconds)s giây.")
                % {"seconds": f"{timeout:g}"}
            ) from error
        result = folder / "out" / "document.pdf"
        if process.returncode != 0 or not result.exists():
            detail = (stderr or stdout).decode(errors="replace")[-500:].strip()
            raise RenderError(
                _("LibreOffice không chuyển được văn bản sang PDF: %(detail)s")
                % {"detail": detail or process.returncode}
            )
        return result.read_bytes()


__all__ = ["RenderError", "render_docx", "render_pdf", "render_pdf_cold"]
