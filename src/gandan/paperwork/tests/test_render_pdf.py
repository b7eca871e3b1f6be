"""The PDF made by LibreOffice: Vietnamese text survives, fonts are embedded, pages render."""

import re
import shutil
import subprocess

import pytest

from gandan.paperwork import rendering
from gandan.paperwork.rendering import RenderError, render_docx, render_pdf
from gandan.paperwork.samples import sample_plan

needs_libreoffice = pytest.mark.skipif(
    rendering.libreoffice_binary() is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui",
)
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


@pytest.fixture(scope="module")
def plan_pdf(tmp_path_factory):
    if rendering.libreoffice_binary() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    path = tmp_path_factory.mktemp("pdf") / "plan.pdf"
    path.write_bytes(render_pdf(sample_plan()))
    return path


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@needs_libreoffice
@needs_poppler
def test_pdf_keeps_vietnamese_text(plan_pdf):
    # given / when
    text = pdf_text(plan_pdf)
    # then
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "TRƯỜNG TIỂU HỌC THÀNH TÔ",
        "Số: 07/KH-THTT",
        "Hải Phòng, ngày 05 tháng 8 năm 2022",
        "KẾ HOẠCH",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "KT. HIỆU TRƯỞNG",
        "Nguyễn Thị Hồng",
        "- Lưu: VT.",
    ):
        assert expected in text


@needs_libreoffice
@needs_poppler
def test_pdf_has_three_a4_pages_numbered_from_page_two(plan_pdf):
    # given
    info = subprocess.run(
        ["pdfinfo", str(plan_pdf)], capture_output=True, text=True, check=True
    ).stdout
    pages = pdf_text(plan_pdf).split("\f")
    # when
    first_lines = [page.strip().splitlines()[0].strip() for page in pages if page.strip()]
    # then: A4 is 595 × 842 pt; page 1 carries no number, page 2 starts with "2".
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size is not None
    width, height = size.groups()
    assert abs(float(width) - 595.3) < 1 and abs(float(height) - 841.9) < 1
    assert len(first_lines) == 3
    assert first_lines[0].startswith("PHÒNG GD&ĐT QUẬN HẢI AN")
    assert first_lines[1:] == ["2", "3"]


@needs_libreoffice
@needs_poppler
def test_pdf_fonts_are_embedded(plan_pdf):
    # given / when
    listing = subprocess.run(
        ["pdffonts", str(plan_pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    # then: every font embedded (column "emb" = yes), a serif Times face or its metric twin.
    assert listing
    for line in listing:
        assert line.split()[-5] == "yes", line
    assert any("Times" in line or "LiberationSerif" in line for line in listing)


@needs_libreoffice
def test_pdf_pages_render_as_images(plan_pdf, tmp_path):
    # given / when
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(plan_pdf), str(tmp_path / "page")], check=True
    )
    # then
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 3
    assert all(page.stat().st_size > 5000 for page in pages)


@needs_libreoffice
def test_pdf_from_docx_bytes_is_the_same_document():
    # given
    content = render_docx(sample_plan())
    # when
    pdf = render_pdf(content)
    # then
    assert pdf.startswith(b"%PDF-")


def test_missing_libreoffice_gives_a_vietnamese_message(monkeypatch):
    # given
    monkeypatch.setenv("GANDAN_SOFFICE", "/nonexistent/soffice")
    # when / then
    with pytest.raises(RenderError, match="Không tìm thấy LibreOffice"):
        render_pdf(sample_plan())


@needs_libreoffice
def test_conversion_that_overruns_its_timeout_is_stopped_with_a_vietnamese_message():
    # given / when / then
    with pytest.raises(RenderError, match=r"không tạo xong PDF trong 0\.05 giây"):
        render_pdf(sample_plan(), timeout=0.05)
