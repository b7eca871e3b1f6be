"""Plans as official documents (through paperwork) and as JSON snapshots."""

import datetime as dt

from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.orgs.models import Organisation
from gandan.paperwork.document import (
    BasisLine,
    Bullet,
    DocType,
    DocumentSpec,
    Heading,
    Paragraph,
    Signer,
    Table,
)
from gandan.paperwork.signing import head_signer, head_title, header_names, managing_body_name
from gandan.plans.models import Assignment, AssignmentStatus, Plan, SectionKind

LEAD_LABEL = "Cơ quan chủ trì"
COORDINATING_LABEL = "Cơ quan phối hợp"
PERSON_LABEL = "Người phụ trách"
TIMEFRAME_LABEL = "Thời gian thực hiện"


def plan_body(plan: Plan) -> list:
    """The plan's content as paperwork blocks, laid out so that the importer reads it back."""
    blocks: list = [BasisLine(basis.text) for basis in plan.bases.all()]
    blocks += [Paragraph(line) for line in plan.preamble.splitlines() if line.strip()]
    tasks = list(plan.tasks.prefetch_related("items"))
    for section in plan.sections.all():
        blocks.append(Heading(1, section.number, section.title))
        if section.kind == SectionKind.TASKS:
            for task in (t for t in tasks if t.section_id == section.pk):
                blocks.append(Heading(2, task.number, task.heading))
                blocks += [Bullet(item.text) for item in task.items.all()]
                for label, value in (
                    (LEAD_LABEL, task.lead),
                    (COORDINATING_LABEL, task.coordinating),
                    (PERSON_LABEL, task.person_in_charge),
                    (TIMEFRAME_LABEL, task.timeframe),
                ):
                    if value:
                        blocks.append(Bullet(f"{label}: {value}."))
        else:
            blocks += [Bullet(text) for text in section.paragraphs]
    blocks += [Paragraph(line) for line in plan.closing.splitlines() if line.strip()]
    return blocks


@in_vietnamese
def plan_spec(
    plan: Plan, *, signer: Signer | None = None, on: dt.date | None = None
) -> DocumentSpec:
    """The plan as an official document: Vietnamese whatever the reader's language (the
    download of a draft builds it outside any use case). Its header names the managing body
    the school had on the plan's date (an imported 2022 plan: the Phòng GD&ĐT of then)."""
    managing, issuing = header_names(plan.organisation, on=on or plan.issued_on)
    if signer is None:
        signer = (
            Signer(name=plan.signer_name, title=plan.signer_title or head_title(plan.organisation))
            if plan.signer_name
            else head_signer(plan.organisation)
        )
    recipients = plan.recipients or _default_recipients(plan.organisation, on=on or plan.issued_on)
    return DocumentSpec(
        managing_body=managing,
        issuing_body=issuing,
        doc_type=DocType.PLAN,
        summary=plan.title,
        place=plan.place or plan.organisation.place_name,
        signer=signer,
        body=tuple(plan_body(plan)),
        recipients=tuple(recipients),
        number_symbol=plan.number_symbol,
        date=plan.issued_on,
    )


def recorded_signer(plan: Plan) -> Signer:
    """Who signs an authority's plan, as its officer recorded on the draft (name and title),
    the authority's head where nothing is recorded: the officer who issues it does not sign."""
    head = head_signer(plan.organisation)
    return Signer(name=plan.signer_name or head.name, title=plan.signer_title or head.title)


def _default_recipients(organisation: Organisation, *, on: dt.date | None = None) -> list[str]:
    # The body reported to is the one that managed the unit on the document's date.
    managing = managing_body_name(organisation, on=on) if organisation.parent else ""
    recipients = [f"{managing} (để báo cáo)"] if managing else []
    # An authority's plan goes to the units below it, which implement it with plans of theirs.
    doers = (
        "Các đơn vị trực thuộc (để thực hiện)"
        if organisation.is_authority
        else "CB, GV, NV nhà trường (để thực hiện)"
    )
    return [*recipients, doers, "Lưu: VT."]


def plan_content(plan: Plan) -> dict:
    """A JSON snapshot of the plan's content (versions, round-trip tests)."""
    tasks = list(plan.tasks.prefetch_related("items"))
    return {
        "title": plan.title,
        "number_symbol": plan.number_symbol,
        "place": plan.place,
        "date": plan.issued_on.isoformat() if plan.issued_on else None,
        "bases": [basis.text for basis in plan.bases.all()],
        "sections": [
            {"number": s.number, "title": s.title, "kind": s.kind, "paragraphs": s.paragraphs}
            for s in plan.sections.all()
        ],
        "tasks": [
            {
                "number": t.number,
                "heading": t.heading,
                "items": [item.text for item in t.items.all()],
                "lead": t.lead or None,
                "timeframe": t.timeframe or None,
            }
            for t in tasks
        ],
    }


def _assignee_label(assignment: Assignment) -> str:
    return assignment.responsible_name


def report_summary(title: str) -> str:
    """'Kết quả thực hiện …' without doubling a title that already starts with 'Thực hiện'."""
    title = title.strip()
    lowered = f"{title[:1].lower()}{title[1:]}"
    if lowered.startswith("thực hiện "):
        return f"Kết quả {lowered}"
    return f"Kết quả thực hiện {lowered}"


@in_vietnamese
def progress_report_spec(plan: Plan, *, signer: Signer, as_of: dt.date) -> DocumentSpec:
    """'Báo cáo kết quả thực hiện kế hoạch', filled from task statuses and updates.

    Official documents are Vietnamese whatever the reader's language (the draft download
    builds it outside any use case).
    """
    managing, issuing = header_names(plan.organisation, on=as_of)
    assignments = list(
        Assignment.objects.filter(task__plan=plan)
        .select_related("task", "item", "assignee", "unit")
        .prefetch_related("updates")
        .order_by("task__order", "due_date", "pk")
    )
    cited = (f"Kế hoạch số {plan.number_symbol}" if plan.number_symbol else "Kế hoạch") + (
        f" ngày {plan.issued_on:%d/%m/%Y}" if plan.issued_on else ""
    )
    body: list = [
        Paragraph(
            f"Thực hiện {cited} của {plan.organisation.name} về {plan.title[0].lower()}"
            f"{plan.title[1:]}, {plan.organisation.name} báo cáo kết quả thực hiện tính đến "
            f"ngày {as_of:%d/%m/%Y} như sau:"
        ),
        Heading(1, 1, "KẾT QUẢ THỰC HIỆN"),
    ]
    rows = [("TT", "Nhiệm vụ", "Người/đơn vị thực hiện", "Hạn", "Tình trạng", "Tiến độ")]
    for index, assignment in enumerate(assignments, start=1):
        what = assignment.item.text if assignment.item else assignment.task.heading
        rows.append(
            (
                str(index),
                f"{assignment.task.number}. {what}",
                _assignee_label(assignment),
                assignment.due_date.strftime("%d/%m/%Y"),
                assignment.get_status_display(),
                f"{assignment.percent}%",
            )
        )
    if assignments:
        body.append(Table(tuple(rows)))
    for task in plan.tasks.all():
        task_assignments = [a for a in assignments if a.task_id == task.pk]
        body.append(Heading(2, task.number, task.heading))
        if not task_assignments:
            body.append(Paragraph(_("Chưa phân công thực hiện.")))
        for assignment in task_assignments:
            latest = next(iter(assignment.updates.all()), None)
            # Fix: it followed "…, 0%." in lower case and without a full stop.
            detail = latest.text if latest else _("Chưa có báo cáo.")
            body.append(
                Bullet(
                    f"{_assignee_label(assignment)}: {assignment.get_status_display().lower()}, "
                    f"{assignment.percent}%. {detail}"
                )
            )
    done = [a for a in assignments if a.status == AssignmentStatus.DONE]
    overdue = [a for a in assignments if a.is_overdue(as_of)]
    silent = [a for a in assignments if a.last_reported_at is None]
    body += [
        Heading(1, 2, "ĐÁNH GIÁ CHUNG"),
        Paragraph(
            f"Tổng số nội dung được phân công: {len(assignments)}; đã hoàn thành: {len(done)}; "
            f"quá hạn chưa hoàn thành: {len(overdue)}; chưa báo cáo: {len(silent)}."
        ),
        Heading(1, 3, "PHƯƠNG HƯỚNG THỜI GIAN TỚI"),
    ]
    open_items = [a for a in assignments if a.status != AssignmentStatus.DONE]
    body += [
        Bullet(
            f"{_assignee_label(a)} tiếp tục thực hiện "
            f"“{a.item.text if a.item else a.task.heading}”, hạn {a.due_date:%d/%m/%Y}."
        )
        for a in open_items
    ] or [Paragraph(_("Duy trì kết quả đã đạt được."))]
    return DocumentSpec(
        managing_body=managing,
        issuing_body=issuing,
        doc_type=DocType.REPORT,
        summary=report_summary(plan.title),
        place=plan.organisation.place_name,
        signer=signer,
        body=tuple(body),
        recipients=(*_default_recipients(plan.organisation, on=as_of)[:1], "Lưu: VT."),
    )
