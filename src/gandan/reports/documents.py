"""A school's report upward as an official document (Nghị định 30/2020/NĐ-CP, Phụ lục I):
"Báo cáo kết quả thực hiện công tác dân vận chính quyền và quy chế dân chủ ở cơ sở".

The header names and the signer come from `paperwork.signing`, the summary wording from the
plans' progress report (`plans.documents.report_summary`); numbering and the register are
`paperwork.services.issue_document`'s work. Documents are Vietnamese whatever the reader's
language: the builder is decorated, since the draft download builds it outside a use case.
"""

from gandan.core.language import in_vietnamese
from gandan.core.vietnamese import format_number
from gandan.orgs.models import Organisation
from gandan.paperwork.document import (
    Bullet,
    CentredLine,
    DocType,
    DocumentSpec,
    Heading,
    Paragraph,
    Signer,
    Table,
)
from gandan.paperwork.signing import head_signer, header_names
from gandan.plans.documents import report_summary
from gandan.reports.models import ReportKind, ReportRequest, UnitReport

SUBJECT = "Công tác dân vận chính quyền và quy chế dân chủ ở cơ sở"
DRAFT_MARK = "DỰ THẢO"
FIGURES_TITLE = "Số liệu tổng hợp"


def period_label(request: ReportRequest) -> str:
    """'6 tháng đầu năm 2026', 'năm 2026', or the thematic request's own title."""
    if request.kind == ReportKind.SIX_MONTHS:
        return f"6 tháng đầu năm {request.year}"
    if request.kind == ReportKind.YEAR:
        return f"năm {request.year}"
    return request.title[:1].lower() + request.title[1:]


def report_title(request: ReportRequest) -> str:
    """The summary under 'BÁO CÁO': 'Kết quả thực hiện công tác dân vận … năm 2026'."""
    return report_summary(f"{SUBJECT} {period_label(request)}")


def recipients(request: ReportRequest, school: Organisation) -> tuple[str, ...]:
    """The requesting authority first, then the school's other superior (a school reports to
    the ward that manages it and to the Sở that guides it, LAW.md §8), then the archive."""
    superiors: list[Organisation] = [request.authority]
    for other in (school.parent, school.guided_by):
        if other is not None and other.is_authority and other.pk != request.authority_id:
            superiors.append(other)
    return (*(f"{org.display_name} (để báo cáo)" for org in superiors), "Lưu: VT.")


def text_blocks(text: str) -> list:
    """A section's text as blocks: '- …' or '+ …' lines are bullets, others paragraphs."""
    blocks: list = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line in {"-", "+"}:
            continue
        if line[:2] in {"- ", "+ "}:
            blocks.append(Bullet(line[2:].strip()))
        else:
            blocks.append(Paragraph(line))
    return blocks


def _figures_table(report: UnitReport) -> Table | None:
    rows = [("TT", "Chỉ tiêu", "Kết quả", "Căn cứ")]
    for index, figure in enumerate(report.figures, start=1):
        rows.append((str(index), figure["label"], figure["text"], figure.get("basis") or ""))
    return Table(tuple(rows)) if len(rows) > 1 else None


def report_body(report: UnitReport) -> list:
    request, school = report.request, report.organisation
    blocks: list = [
        Paragraph(
            f"Thực hiện yêu cầu của {request.authority.name} về {request.title[:1].lower()}"
            f"{request.title[1:]} (số liệu từ ngày {request.period_start:%d/%m/%Y} đến ngày "
            f"{request.period_end:%d/%m/%Y}), {school.name} báo cáo kết quả thực hiện "
            f"{SUBJECT[:1].lower()}{SUBJECT[1:]} như sau:"
        )
    ]
    current_part = None
    number = 0
    for section in report.sections():
        part = section.get("part", "")
        if part == "I":
            if current_part != "I":
                blocks.append(Heading(1, "I", "KẾT QUẢ THỰC HIỆN"))
            number += 1
            blocks.append(Heading(2, number, section["title"]))
        else:
            if current_part == "I":
                blocks += _closing_figures(report, number + 1)
            blocks.append(Heading(1, part, section["title"]))
        current_part = part
        blocks += text_blocks(section.get("text", "")) or [Paragraph("Không.")]
    if current_part == "I":
        blocks += _closing_figures(report, number + 1)
    return blocks


def _closing_figures(report: UnitReport, number: int) -> list:
    table = _figures_table(report)
    if table is None:
        return []
    as_of = report.figures_as_of
    note = (
        f"Số liệu tính theo các tháng báo cáo của kỳ, cập nhật đến ngày {as_of:%d/%m/%Y}; "
        f"tổng số {format_number(len(report.figures))} chỉ tiêu."
        if as_of
        else ""
    )
    return [Heading(2, number, FIGURES_TITLE), table, *([Paragraph(note)] if note else [])]


@in_vietnamese
def unit_report_spec(
    report: UnitReport, *, signer: Signer | None = None, draft: bool = False
) -> DocumentSpec:
    """The report as an official document; `draft` marks it 'DỰ THẢO' (blank number and date,
    set by the register when it is issued)."""
    school = report.organisation
    managing, issuing = header_names(school)
    body = report_body(report)
    if draft:
        body = [CentredLine(DRAFT_MARK), *body]
    return DocumentSpec(
        managing_body=managing,
        issuing_body=issuing,
        doc_type=DocType.REPORT,
        summary=report_title(report.request),
        place=school.place_name or school.name,
        signer=signer or head_signer(school),
        body=tuple(body),
        recipients=recipients(report.request, school),
    )


def draft_filename(report: UnitReport) -> str:
    return f"du-thao-bao-cao-{report.organisation.slug}"
