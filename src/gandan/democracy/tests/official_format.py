"""The format checks the plan .docx passes (plans/tests/test_exports.py, paperwork/tests), for
the democracy documents: Nghị định 30/2020/NĐ-CP, Phụ lục I."""

import io

import docx

FONT = "Times New Roman"


def open_docx(content: bytes):
    return docx.Document(io.BytesIO(content))


def runs(paragraph) -> list:
    return [run for run in paragraph.runs if run.text.strip()]


def cell_texts(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text.strip()]


def one_line(cell) -> list[str]:
    """A cell's lines, a long title balanced over two lines read as one."""
    return [text.replace("\n", " ") for text in cell_texts(cell)]


def body_texts(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def assert_official_format(
    document,
    *,
    bodies: list[str],
    number: str,
    date_line: str,
    heading: str,
    summary: str,
    signer: list[str],
    co_signer: list[str] | None = None,
    recipients_last: str = "- Lưu: VT.",
) -> None:
    """A4 and margins, Times New Roman, the heading table in order, the type name and summary,
    'Nơi nhận' and the signature block(s)."""
    # Phụ lục I, Mục I: A4; top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm, 1) <= 25
    assert 20 <= round(section.bottom_margin.mm, 1) <= 25
    assert 30 <= round(section.left_margin.mm, 1) <= 35
    assert 15 <= round(section.right_margin.mm, 1) <= 20
    # Phụ lục I, I.3: Times New Roman throughout.
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        paragraphs += [p for row in table.rows for cell in row.cells for p in cell.paragraphs]
    assert {run.font.name for p in paragraphs for run in runs(p)} == {FONT}
    # Ô 1-4: bodies, Quốc hiệu and Tiêu ngữ, number, place and date (italic).
    head = document.tables[0]
    left, national = head.rows[0].cells
    number_cell, date_cell = head.rows[1].cells
    assert cell_texts(left) == bodies
    assert cell_texts(national) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert cell_texts(number_cell) == [number]
    # Phụ lục III, Mẫu 1.9: minutes carry no place and date line (pass date_line="").
    assert cell_texts(date_cell) == ([date_line] if date_line else [])
    if date_line:
        assert runs(date_cell.paragraphs[0])[0].italic
    # Ô 5a: the type name, bold, then the summary.
    texts = body_texts(document)
    assert texts[0] == heading
    type_name = next(p for p in document.paragraphs if p.text == heading)
    assert all(run.bold for run in runs(type_name))
    assert texts[1].replace("\n", " ") == summary
    # Ô 7, 9b: signatures and "Nơi nhận:" with the archive line last.
    signature = document.tables[-1]
    if co_signer is None:
        recipients, signer_cell = signature.rows[0].cells
        assert one_line(signer_cell) == signer
        lines = cell_texts(recipients)
    else:
        # Two signers side by side, "Nơi nhận" under the left one, all in one row.
        assert len(signature.rows) == 1
        recipients, signer_cell = signature.rows[0].cells
        left = one_line(recipients)
        assert left[: len(co_signer)] == co_signer
        assert one_line(signer_cell) == signer
        lines = left[len(co_signer) :]
    assert lines[0] == "Nơi nhận:"
    assert lines[-1] == recipients_last
    heading = next(p for p in recipients.paragraphs if p.text == "Nơi nhận:")
    heading_run = runs(heading)[0]
    assert heading_run.italic and heading_run.bold and heading_run.font.size.pt == 12
