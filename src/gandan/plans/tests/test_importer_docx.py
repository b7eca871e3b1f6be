"""Plans read from .docx: import → export → import gives the same structure."""

from pathlib import Path

import docx
import pytest

from gandan.core.vietnamese import place_and_date
from gandan.plans.importer import ParsedPlan, parse_plan_file, parse_plan_text
from gandan.plans.tests.test_importer import _seed_path
from gandan.plans.tests.test_importer_text import SYNTHETIC


def _export(plan: ParsedPlan, path: Path) -> Path:
    """A minimal stand-in for the exporter: header table, paragraphs, signature table."""
    document = docx.Document()
    header = document.add_table(rows=3, cols=2)
    header.cell(0, 0).text = plan.issuer_parent or ""
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.cell(1, 0).text = plan.issuer or ""
    header.cell(1, 1).text = "Độc lập - Tự do - Hạnh phúc"
    header.cell(2, 0).text = f"Số: {plan.number_symbol}" if plan.number_symbol else ""
    if plan.place and plan.date:
        header.cell(2, 1).text = place_and_date(plan.place, plan.date)
    document.add_paragraph(plan.doc_type_title or "")
    document.add_paragraph(plan.title)
    for text in plan.bases + plan.preamble:
        document.add_paragraph(text)
    for section in plan.sections:
        document.add_paragraph(f"{section.number}. {section.title}")
        for text in section.paragraphs:
            document.add_paragraph(text, style="List Bullet")
        for task in (task for task in plan.tasks if task.section == section.number):
            document.add_paragraph(f"{task.number}. {task.heading}")
            for text in task.items:
                document.add_paragraph(text, style="List Bullet")
            if task.lead:
                document.add_paragraph(f"Cơ quan chủ trì: {task.lead}.")
            if task.coordinating:
                document.add_paragraph(f"Cơ quan phối hợp: {'; '.join(task.coordinating)}.")
            if task.person_in_charge:
                document.add_paragraph(f"Người phụ trách: {task.person_in_charge}.")
            if task.timeframe:
                document.add_paragraph(f"Thời gian thực hiện: {task.timeframe}.")
    for text in plan.closing:
        document.add_paragraph(text)
    if plan.recipients or plan.signer_title:
        signature = document.add_table(rows=1, cols=2)
        left, right = signature.rows[0].cells
        left.text = "Nơi nhận:"
        for recipient in plan.recipients:
            left.add_paragraph(f"- {recipient};")
        right.text = plan.signer_title or ""
        right.add_paragraph("(Đã ký)")
        right.add_paragraph(plan.signer_name or "")
    document.save(str(path))
    return path


def test_synthetic_plan_round_trip(tmp_path):
    # given
    imported = parse_plan_text(SYNTHETIC)

    # when
    reimported = parse_plan_file(_export(imported, tmp_path / "ke-hoach.docx"))

    # then
    assert reimported.as_dict() == imported.as_dict()
    assert reimported.number_symbol == "45/KH-THTT"
    assert reimported.signer_name == "Trần Văn Bình"


def test_seed_round_trip(tmp_path):
    # given
    imported = parse_plan_file(_seed_path())

    # when
    reimported = parse_plan_file(_export(imported, tmp_path / "seed.docx"))

    # then
    assert reimported.as_dict() == imported.as_dict()
    assert len(reimported.tasks) == 6
    assert len(reimported.legal_refs) == len(imported.legal_refs) > 0


def test_docx_paragraph_features(tmp_path):
    # given: a soft line break inside a paragraph, bullets from the style, a merged cell
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Thử nghiệm")
    base = document.add_paragraph("Căn cứ Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của")
    base.add_run().add_break()
    base.add_run("Chính phủ;")
    document.add_paragraph("II. NHIỆM VỤ TRỌNG TÂM")
    document.add_paragraph("1. [bookmark: bookmark13]Việc một")
    document.add_paragraph("Làm theo kế hoạch", style="List Bullet")
    document.add_paragraph("Không nối vào dòng trên.", style="List Bullet")
    document.add_paragraph("· Cơ quan chủ trì: Ban Giám hiệu.")
    table = document.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Nơi nhận:"
    merged.add_paragraph("- Như trên;")
    table.cell(1, 0).text = "HIỆU TRƯỞNG"
    path = tmp_path / "features.docx"
    document.save(str(path))

    # when
    plan = parse_plan_file(path)

    # then
    assert plan.bases == ["Căn cứ Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ;"]
    [task] = plan.tasks
    assert task.heading == "Việc một"
    # separate Word paragraphs never merge, even without final punctuation
    assert task.items == ["Làm theo kế hoạch", "Không nối vào dòng trên."]
    assert task.lead == "Ban Giám hiệu"
    assert plan.recipients == ["Như trên"]
    assert plan.signer_title == "HIỆU TRƯỞNG"


def test_unsupported_file_type(tmp_path):
    # given
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.4")

    # when / then
    with pytest.raises(ValueError, match="unsupported"):
        parse_plan_file(path)
