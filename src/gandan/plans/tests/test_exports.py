"""The plan and its progress report as official documents (Nghị định 30/2020, Phụ lục I)."""

import datetime as dt
import io
import shutil
import subprocess

import docx
import pytest
from django.urls import reverse

from gandan.orgs.models import FormerManagingBody
from gandan.paperwork import rendering
from gandan.paperwork.conventions import arrange, tidy_text
from gandan.paperwork.document import BasisLine
from gandan.paperwork.rendering import render_docx
from gandan.paperwork.signing import head_signer
from gandan.plans import documents, services
from gandan.plans.importer import parse_plan_file
from gandan.plans.tests import factories

FONT = "Times New Roman"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TASK_FIELDS = ("number", "heading", "items", "lead", "timeframe")


def _open(content: bytes):
    return docx.Document(io.BytesIO(content))


def _paragraphs(document) -> list:
    return [p for p in document.paragraphs if p.text.strip()]


def _runs(paragraph) -> list:
    return [run for run in paragraph.runs if run.text.strip()]


def _cell_texts(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text.strip()]


@pytest.fixture
def issued(school, principal):
    return factories.issue_seed(school, principal, dt.date(2022, 8, 5))


@pytest.fixture
def from_view(client, principal, issued) -> bytes:
    client.force_login(principal)
    response = client.get(reverse("plans:export", args=[issued.public_id, "docx"]))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == 'attachment; filename="ke-hoach-01-KH-THTT.docx"'
    return response.content


@pytest.fixture(params=["view", "spec"])
def plan_docx(request, issued):
    """The issued plan's .docx, downloaded through the view and rendered from plan_spec."""
    if request.param == "view":
        return _open(request.getfixturevalue("from_view"))
    return _open(render_docx(documents.plan_spec(issued)))


def test_plan_docx_page_is_a4_with_the_legal_margins(plan_docx):
    # when
    section = plan_docx.sections[0]
    # then: Phụ lục I, Mục I: A4; top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm, 1) <= 25
    assert 20 <= round(section.bottom_margin.mm, 1) <= 25
    assert 30 <= round(section.left_margin.mm, 1) <= 35
    assert 15 <= round(section.right_margin.mm, 1) <= 20


def test_plan_docx_is_times_new_roman_throughout(plan_docx):
    # given
    paragraphs = list(plan_docx.paragraphs)
    for table in plan_docx.tables:
        paragraphs += [p for row in table.rows for cell in row.cells for p in cell.paragraphs]
    # when
    fonts = {run.font.name for p in paragraphs for run in _runs(p)}
    # then: Phụ lục I, I.3.
    assert fonts == {FONT}


def test_plan_docx_header_has_the_number_and_the_place_and_date(plan_docx):
    # when
    heading = plan_docx.tables[0]
    bodies, national = heading.rows[0].cells
    number, date = heading.rows[1].cells
    # then: the school's place name (Hải An), the register's number.
    assert _cell_texts(bodies) == ["UBND PHƯỜNG HẢI AN", "TRƯỜNG TIỂU HỌC THÀNH TÔ"]
    assert _cell_texts(national) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert _cell_texts(number) == ["Số: 01/KH-THTT"]
    assert _cell_texts(date) == ["Hải An, ngày 05 tháng 8 năm 2022"]
    assert _runs(date.paragraphs[0])[0].italic


def tidied(value):
    """Stored content as the document writes it (dashes: paperwork.conventions; the seed's
    dates are all dd/mm/yyyy, so they stay)."""
    if isinstance(value, str):
        return tidy_text(value, dates=False)
    if isinstance(value, list):
        return [tidied(item) for item in value]
    if isinstance(value, dict):
        return {key: tidied(item) for key, item in value.items()}
    return value


def printed_bases(plan) -> list[str]:
    """The plan's bases as the document prints them (paperwork.conventions)."""
    spec = arrange(documents.plan_spec(plan))
    return [block.text for block in spec.body if isinstance(block, BasisLine)]


def test_plan_docx_title_bases_and_roman_sections(plan_docx, issued):
    # given
    paragraphs = _paragraphs(plan_docx)
    texts = [p.text for p in paragraphs]
    # then: "KẾ HOẠCH" bold, then the summary.
    assert texts[0] == "KẾ HOẠCH"
    assert all(run.bold for run in _runs(paragraphs[0]))
    assert texts[1].replace("\n", " ") == issued.title
    # then: the two "Căn cứ" lines in italics (Phụ lục I, II.6b).
    bases = [p for p in paragraphs if p.text.startswith("Căn cứ")]
    # as printed: one date style, ";" between bases and "," before "Trường … như sau:"
    assert [p.text for p in bases] == printed_bases(issued)
    assert bases[-1].text.endswith(",") and bases[0].text.endswith(";")
    assert all(run.italic for p in bases for run in _runs(p))
    # then: Roman section headings, bold, in order; numbered tasks under II.
    headings = [p.text for p in paragraphs if all(run.bold for run in _runs(p))]
    assert headings[2:] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NHIỆM VỤ TRỌNG TÂM",
        *(f"{t.number}. {t.heading}" for t in issued.tasks.all()),
        "III. TỔ CHỨC THỰC HIỆN",
    ]
    assert "- Cơ quan chủ trì: Sở Giáo dục và Đào tạo, các phòng Sở và các đơn vị giáo dục." in (
        texts
    )


def test_plan_docx_signature_and_recipients(plan_docx):
    # when
    recipients, signer = plan_docx.tables[-1].rows[0].cells
    # then: Phụ lục I, II.7 and II.9b: the archive line last.
    assert _cell_texts(recipients) == [
        "Nơi nhận:",
        "- UBND phường Hải An (để báo cáo);",
        "- CB, GV, NV nhà trường (để thực hiện);",
        "- Lưu: VT.",
    ]
    assert _cell_texts(signer) == ["HIỆU TRƯỞNG", "Nguyễn Thị Thu Hà"]


def test_draft_docx_leaves_the_number_and_date_blank(client, principal, school):
    # given
    draft = factories.import_seed(school, principal)
    client.force_login(principal)
    # when
    response = client.get(reverse("plans:export", args=[draft.public_id, "docx"]))
    # then
    assert response["Content-Disposition"] == 'attachment; filename="ke-hoach-du-thao.docx"'
    number, date = _open(response.content).tables[0].rows[1].cells
    assert _cell_texts(number) == ["Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/"]
    assert _cell_texts(date) == ["Hải An, ngày     tháng     năm     "]


def test_import_export_import_returns_the_same_structure(school, principal, tmp_path):
    # given
    plan = factories.issue_seed(school, principal, dt.date(2022, 8, 5))
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(render_docx(documents.plan_spec(plan)))
    # when
    again = parse_plan_file(path).as_dict()
    # then
    content = documents.plan_content(plan)
    assert again["title"] == content["title"]
    assert (again["number_symbol"], again["place"], again["date"]) == (
        "01/KH-THTT",
        "Hải An",
        "2022-08-05",
    )
    assert again["bases"] == printed_bases(plan)
    assert again["sections"] == tidied(content["sections"])
    assert [{k: t[k] for k in TASK_FIELDS} for t in again["tasks"]] == tidied(content["tasks"])
    assert len(content["tasks"]) == 6
    assert (again["signer_title"], again["signer_name"]) == ("HIỆU TRƯỞNG", "Nguyễn Thị Thu Hà")


def test_round_trip_keeps_tasks_with_timeframes_and_coordinating_units(school, principal, tmp_path):
    # given: a task with every field the importer knows.
    parsed = factories.seed_parsed()
    task = parsed.tasks[4]
    task.lead, task.coordinating = "Ban giám hiệu", ["Công đoàn", "Liên đội"]
    task.timeframe = "Từ tháng 9/2026 đến tháng 5/2027"
    plan = services.save_imported_plan(organisation=school, parsed=parsed, user=principal)
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(render_docx(documents.plan_spec(plan)))
    # when
    again = parse_plan_file(path).tasks[4]
    # then
    assert (again.lead, again.coordinating, again.timeframe) == (
        "Ban giám hiệu",
        ["Công đoàn", "Liên đội"],
        "Từ tháng 9/2026 đến tháng 5/2027",
    )
    assert (again.start, again.end) == (dt.date(2026, 9, 1), dt.date(2027, 5, 31))


# The progress report: "Báo cáo kết quả thực hiện kế hoạch".


@pytest.fixture
def progress(issued, principal, teacher, clerk, subject_group):
    """Three assignments: done, overdue and silent, and in progress by a unit."""
    tasks = {t.number: t for t in issued.tasks.prefetch_related("items")}
    done = services.assign_task(
        task=tasks["2"], actor=principal, assignee=teacher, due_date=dt.date(2022, 9, 30)
    )
    services.report_progress(
        assignment=done,
        author=teacher,
        expected_version=1,
        status="done",
        percent=100,
        text="Đã tuyên truyền trên bảng tin và trang web.",
    )
    services.assign_task(
        task=tasks["3"], actor=principal, assignee=clerk, due_date=dt.date(2022, 10, 14)
    )
    unit = services.assign_task(
        task=tasks["6"],
        actor=principal,
        unit=subject_group,
        item=tasks["6"].items.first(),
        due_date=dt.date(2022, 12, 30),
    )
    services.report_progress(
        assignment=unit,
        author=teacher,
        expected_version=1,
        status="in_progress",
        percent=40,
        text="Đang cập nhật bảng niêm yết.",
    )
    return issued


def test_progress_report_docx_fills_the_table_and_the_assessment(progress, school):
    # given
    spec = documents.progress_report_spec(
        progress, signer=head_signer(school), as_of=dt.date(2022, 11, 1)
    )
    # when
    document = _open(render_docx(spec))
    # then
    texts = [p.text for p in _paragraphs(document)]
    assert texts[0] == "BÁO CÁO"
    assert texts[2].startswith(
        "Thực hiện Kế hoạch số 01/KH-THTT ngày 05/08/2022 của Trường Tiểu học Thành Tô về "
        "thực hiện công tác dân vận"
    )
    # one date style in the text (dd/mm/yyyy throughout, left as it is)
    assert texts[2].endswith("báo cáo kết quả thực hiện tính đến ngày 01/11/2022 như sau:")
    rows = [[cell.text for cell in row.cells] for row in document.tables[1].rows]
    assert rows[0] == ["TT", "Nhiệm vụ", "Người/đơn vị thực hiện", "Hạn", "Tình trạng", "Tiến độ"]
    assert [row[2:] for row in rows[1:]] == [
        ["Lê Thị Hồng Nhung", "30/09/2022", "Đã hoàn thành", "100%"],
        ["Đặng Thị Ngọc Ánh", "14/10/2022", "Chưa bắt đầu", "0%"],
        ["Tổ 1", "30/12/2022", "Đang thực hiện", "40%"],
    ]
    assert [row[1][:3] for row in rows[1:]] == ["2. ", "3. ", "6. "]
    assessment = texts.index("II. ĐÁNH GIÁ CHUNG")
    assert texts[assessment + 1] == (
        "Tổng số nội dung được phân công: 3; đã hoàn thành: 1; quá hạn chưa hoàn thành: 1; "
        "chưa báo cáo: 1."
    )
    assert (
        "- Lê Thị Hồng Nhung: đã hoàn thành, 100%. Đã tuyên truyền trên bảng tin và trang web."
        in (texts)
    )
    assert "- Đặng Thị Ngọc Ánh: chưa bắt đầu, 0%. Chưa có báo cáo." in texts
    assert _cell_texts(document.tables[-1].rows[0].cells[0])[-1] == "- Lưu: VT."


def test_progress_report_download_is_a_docx(client, teacher, progress):
    # given: any staff member may read the draft report.
    client.force_login(teacher)
    # when
    response = client.get(reverse("plans:report", args=[progress.public_id]))
    # then
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="bao-cao-ket-qua-thuc-hien.docx"'
    )
    rows = _open(response.content).tables[1].rows
    assert len(rows) == 4


# PDF.


@pytest.mark.skipif(rendering.libreoffice_binary() is None, reason="LibreOffice is not installed")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_pdf_export_keeps_the_vietnamese_text(client, principal, issued, tmp_path):
    # given
    client.force_login(principal)
    # when
    response = client.get(reverse("plans:export", args=[issued.public_id, "pdf"]))
    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "ke-hoach.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in ("KẾ HOẠCH", "Thành Tô", "Số: 01/KH-THTT", "I. MỤC ĐÍCH, YÊU CẦU"):
        assert expected in text


def test_pdf_export_without_libreoffice_falls_back_to_a_message(
    client, principal, issued, monkeypatch
):
    # given: GANDAN_SOFFICE names a binary that does not exist.
    monkeypatch.setenv("GANDAN_SOFFICE", "/nonexistent/soffice")
    client.force_login(principal)
    # when
    response = client.get(reverse("plans:export", args=[issued.public_id, "pdf"]), follow=True)
    # then
    assert response.redirect_chain == [(reverse("plans:detail", args=[issued.public_id]), 302)]
    assert "Máy chủ chưa tạo được PDF lúc này; hãy tải bản Word." in response.content.decode()


def test_unknown_export_format_is_404(client, principal, issued):
    # given
    client.force_login(principal)
    # when
    response = client.get(reverse("plans:export", args=[issued.public_id, "odt"]))
    # then
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Thực hiện công tác dân vận năm 2026", "Kết quả thực hiện công tác dân vận năm 2026"),
        ("Công tác dân vận năm 2026", "Kết quả thực hiện công tác dân vận năm 2026"),
    ],
)
def test_report_summary_does_not_double_thuc_hien(title, summary):
    from gandan.plans.documents import report_summary

    assert report_summary(title) == summary


def test_documents_are_vietnamese_even_from_an_english_screen(school, principal):
    from django.utils import translation

    from gandan.plans import documents
    from gandan.plans.tests import factories

    plan = factories.import_seed(school, principal)
    with translation.override("en"):
        spec = documents.progress_report_spec(
            plan, signer=head_signer(school), as_of=dt.date(2026, 9, 7)
        )
    texts = [getattr(block, "text", "") for block in spec.body]
    assert "Chưa phân công thực hiện." in texts
    assert spec.doc_type.heading == "BÁO CÁO"


def test_a_2022_plan_names_the_managing_body_of_2022_in_its_header_and_recipients(
    school, principal
):
    # given: the district managed the school until 30/6/2025, the ward since (LAW.md §8).
    FormerManagingBody.objects.create(
        organisation=school, name="Phòng GD&ĐT quận Hải An", until=dt.date(2025, 6, 30)
    )
    old = factories.issue_seed(school, principal, dt.date(2022, 8, 5))
    # when
    document = _open(render_docx(documents.plan_spec(old)))
    recipients = _cell_texts(document.tables[-1].rows[0].cells[0])
    # then
    assert _cell_texts(document.tables[0].rows[0].cells[0])[0] == "PHÒNG GD&ĐT QUẬN HẢI AN"
    assert recipients[1] == "- Phòng GD&ĐT quận Hải An (để báo cáo);"
    # and a plan of today names the ward
    today = documents.plan_spec(old, on=dt.date(2026, 9, 1))
    assert today.managing_body == "UBND PHƯỜNG HẢI AN"
    assert today.recipients[0] == "UBND phường Hải An (để báo cáo)"
