"""`gandan documents` and `gandan export_document`."""

import dataclasses
import datetime as dt
import io
import json

import docx
import pytest
from django.core.management import CommandError, call_command

from gandan.paperwork import rendering
from gandan.paperwork.samples import sample_letter, sample_plan
from gandan.paperwork.services import issue_document, withdraw_document


@pytest.fixture
def register(school):
    """Three documents of 2026 (one withdrawn) and one of 2025."""
    plan = dataclasses.replace(sample_plan(), number_symbol="", date=None)
    letter = dataclasses.replace(sample_letter(), number_symbol="", date=None)
    issue_document(organisation=school, spec=plan, issued_on=dt.date(2025, 12, 30))
    first = issue_document(organisation=school, spec=plan, issued_on=dt.date(2026, 1, 5))
    issue_document(organisation=school, spec=letter, issued_on=dt.date(2026, 1, 6))
    issue_document(organisation=school, spec=plan, issued_on=dt.date(2026, 2, 9))
    withdraw_document(document=first, reason="Thay bằng văn bản số 03/KH-THTT")
    return school


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_documents_json_lists_one_years_register(register):
    # given / when
    rows = json.loads(run("documents", "--org", "th-thanh-to", "--year", "2026", "--json"))
    # then
    assert [(row["number"], row["symbol"], row["type"], row["date"]) for row in rows] == [
        (1, "01/KH-THTT", "KH", "2026-01-05"),
        (2, "02/THTT-VP", "CV", "2026-01-06"),
        (3, "03/KH-THTT", "KH", "2026-02-09"),
    ]
    assert rows[0]["summary"] == sample_plan().summary
    assert rows[0]["signer"] == "Nguyễn Thị Hồng"
    assert rows[0]["status"] == "withdrawn"
    assert rows[1]["summary"].startswith("V/v ")


def test_documents_without_year_lists_every_year(register):
    # given / when
    rows = json.loads(run("documents", "--org", "th-thanh-to", "--json"))
    # then
    assert [(row["year"], row["number"]) for row in rows] == [
        (2025, 1),
        (2026, 1),
        (2026, 2),
        (2026, 3),
    ]


def test_documents_plain_table_is_readable(register):
    # given / when
    text = run("documents", "--org", "th-thanh-to", "--year", "2026")
    # then
    assert "02/THTT-VP" in text
    assert "05/01/2026" in text
    assert "đã thu hồi" in text


def test_unknown_organisation_is_a_vietnamese_error(db):
    # given / when / then
    with pytest.raises(CommandError, match="Không có tổ chức"):
        run("documents", "--org", "khong-co")


def test_export_docx_writes_the_registered_document(register, tmp_path):
    # given
    target = tmp_path / "kh.docx"
    # when
    out = run(
        "export_document", "--org", "th-thanh-to", "--year", "2026", "--number", "3",
        "--format", "docx", "-o", str(target),
    )  # fmt: skip
    # then
    assert "03/KH-THTT" in out
    header = docx.Document(str(target)).tables[0]
    assert header.rows[1].cells[0].text == "Số: 03/KH-THTT"
    assert header.rows[1].cells[1].text == "Hải Phòng, ngày 09 tháng 02 năm 2026"


def test_export_unknown_number_is_a_vietnamese_error(register, tmp_path):
    # given / when / then
    with pytest.raises(CommandError, match="không có văn bản số 09"):
        run(
            "export_document", "--org", "th-thanh-to", "--year", "2026", "--number", "9",
            "-o", str(tmp_path / "x.docx"),
        )  # fmt: skip
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.skipif(rendering.libreoffice_binary() is None, reason="LibreOffice not installed")
def test_export_pdf(register, tmp_path):
    # given
    target = tmp_path / "cv.pdf"
    # when
    run(
        "export_document", "--org", "th-thanh-to", "--year", "2026", "--number", "2",
        "--format", "pdf", "-o", str(target),
    )  # fmt: skip
    # then
    assert target.read_bytes().startswith(b"%PDF-")
