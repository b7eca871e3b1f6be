"""Use cases of plans: import, edit, issue, assign, report progress. Each one is audited."""

import datetime as dt
import unicodedata
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.core.uploads import check_upload
from gandan.core.vietnamese import collation_key, shorten
from gandan.legal.services import link_references
from gandan.orgs.models import Membership, Organisation, Role, User
from gandan.paperwork.document import Signer
from gandan.paperwork.models import DocumentStatus, OutgoingDocument
from gandan.paperwork.services import issue_document, withdraw_document
from gandan.plans import documents, notices
from gandan.plans.events import record
from gandan.plans.importer import ParsedPlan, ParsedTask, iter_references
from gandan.plans.models import (
    Assignment,
    AssignmentStatus,
    Evidence,
    ImplementationRequest,
    Plan,
    PlanBasis,
    PlanEventKind,
    PlanReference,
    PlanSection,
    PlanStatus,
    PlanTask,
    PlanVersion,
    ProgressUpdate,
    SectionKind,
    TaskItem,
)
from gandan.worktime import days

MAX_EVIDENCE_FILES = 5


# Text stored in records (plan timeline, audit log, due-date rules, documents) is Vietnamese,
# the official language of the records, whatever the language of the screen that caused it:
# every use case below runs under `in_vietnamese` (ADR 1 addendum).


class ConcurrentEditError(ValidationError):
    """Someone saved the same record since the form was opened."""


class DuplicatePlanError(ValidationError):
    """The organisation already has this plan (same number and date, or same title and date)."""

    def __init__(self, message: str, *, existing: Plan) -> None:
        super().__init__(message)
        self.existing = existing


class NonWorkingDueDate(ValidationError):
    """A due date on a day off (weekend or holiday): the caller offers the next working day."""

    def __init__(self, message: str, *, day: dt.date, next_day: dt.date) -> None:
        super().__init__({"due_date": message})
        self.day = day
        self.next_day = next_day


def _same_words(text: str) -> str:
    """A title as compared for duplicates: case, spacing and Unicode form ignored."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def find_same_plan(
    *, organisation: Organisation, title: str, number_symbol: str, day: dt.date | None
) -> Plan | None:
    """A plan of the organisation (not withdrawn) that this one repeats: the same number and
    date when it has a number, else the same title and date (the same year when undated)."""
    plans = Plan.objects.filter(organisation=organisation).exclude(status=PlanStatus.WITHDRAWN)
    if day is None:
        plans = plans.filter(issued_on__isnull=True, year=timezone.localdate().year)
    else:
        plans = plans.filter(issued_on=day)
    number = _same_words(number_symbol)
    wanted = _same_words(title)
    for plan in plans.order_by("created_at", "pk"):
        if number and _same_words(plan.number_symbol) == number:
            return plan
        if _same_words(plan.title) == wanted:
            return plan
    return None


def _snapshot(plan: Plan, actor: User | None) -> None:
    PlanVersion.objects.create(
        plan=plan, number=plan.version, content=documents.plan_content(plan), created_by=actor
    )


@in_vietnamese
@transaction.atomic
def save_imported_plan(
    *, organisation: Organisation, parsed: ParsedPlan, user: User | None, source_name: str = ""
) -> Plan:
    """Store a parsed plan as a draft of organisation, linking its legal references."""
    title = (parsed.title or "").strip()
    if not title:
        raise ValidationError(_("Kế hoạch chưa có trích yếu (tên kế hoạch)."))
    if not parsed.tasks and not parsed.sections:
        raise ValidationError(_("Không tìm thấy mục hay nhiệm vụ nào trong kế hoạch."))
    day = parsed.date
    # Lock the organisation so two uploads of one file cannot both pass the check below.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    existing = find_same_plan(
        organisation=organisation,
        title=title,
        number_symbol=parsed.number_symbol or "",
        day=day,
    )
    if existing is not None:
        raise DuplicatePlanError(
            _(
                "Kế hoạch này đã được nhập: “%(title)s”%(number)s. "
                "Mở kế hoạch đã có thay vì nhập lại."
            )
            % {
                "title": existing.title,
                "number": f" (số {existing.number_symbol})" if existing.number_symbol else "",
            },
            existing=existing,
        )
    plan = Plan.objects.create(
        organisation=organisation,
        title=title[:500],
        number_symbol=(parsed.number_symbol or "")[:64],
        place=parsed.place or organisation.place_name,
        issued_on=day,
        year=(day or timezone.localdate()).year,
        status=PlanStatus.DRAFT,
        preamble="\n".join(parsed.preamble),
        closing="\n".join(parsed.closing),
        signer_name=parsed.signer_name or "",
        signer_title=(parsed.signer_title or "").replace("\n", " / "),
        recipients=list(parsed.recipients),
        source_name=source_name[:255],
        created_by=user,
    )
    PlanBasis.objects.bulk_create(
        PlanBasis(plan=plan, order=index, text=text) for index, text in enumerate(parsed.bases)
    )
    sections = {}
    for index, section in enumerate(parsed.sections):
        sections[section.number] = PlanSection.objects.create(
            plan=plan,
            order=index,
            number=section.number,
            title=section.title,
            kind=section.kind if section.kind in SectionKind.values else SectionKind.OTHER,
            paragraphs=list(section.paragraphs),
        )
    for index, task in enumerate(parsed.tasks):
        _create_task(plan, sections.get(task.section), index, task)
    _store_references(plan, parsed)
    _snapshot(plan, user)
    record(
        plan,
        PlanEventKind.IMPORTED,
        f"Nhập kế hoạch “{title}” ({len(parsed.tasks)} nhiệm vụ)",
        user,
    )
    return plan


def _create_task(plan: Plan, section, order: int, task: ParsedTask) -> PlanTask:
    row = PlanTask.objects.create(
        plan=plan,
        section=section,
        order=order,
        number=task.number,
        heading=task.heading,
        lead=(task.lead or "")[:500],
        coordinating=", ".join(task.coordinating or [])[:500],
        person_in_charge=(task.person_in_charge or "")[:255],
        timeframe=(task.timeframe or "")[:255],
        start=task.start,
        end=task.end,
        recurring_from_year=task.recurring_from_year,
    )
    TaskItem.objects.bulk_create(
        TaskItem(task=row, order=index, text=text) for index, text in enumerate(task.items)
    )
    return row


def _store_references(plan: Plan, parsed: ParsedPlan) -> None:
    found = iter_references(parsed)
    documents = link_references(reference for _where, reference in found)
    PlanReference.objects.bulk_create(
        PlanReference(
            plan=plan,
            order=order,
            found_in=where[:32],
            doc_type=reference.type[:64],
            number=(reference.number or "")[:32],
            year=reference.year,
            symbol=(reference.symbol or "")[:64],
            date=reference.date,
            issuer=(reference.issuer or "")[:255],
            text=reference.text,
            legal_document=document,
        )
        for order, ((where, reference), document) in enumerate(zip(found, documents, strict=True))
    )


@in_vietnamese
@transaction.atomic
def update_plan(
    *,
    plan: Plan,
    actor: User,
    expected_version: int,
    title: str,
    place: str,
    signer_name: str,
    signer_title: str,
) -> Plan:
    """Edit a draft's header. Refused if someone else saved it since `expected_version`."""
    if not plan.is_editable:
        raise ValidationError(_("Kế hoạch đã ban hành không sửa được; hãy thu hồi hoặc lập mới."))
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Cần nhập trích yếu của kế hoạch.")})
    changed = Plan.objects.filter(pk=plan.pk, version=expected_version).update(
        title=title,
        place=place.strip(),
        signer_name=signer_name.strip(),
        signer_title=signer_title.strip(),
        version=expected_version + 1,
        updated_at=timezone.now(),
    )
    if not changed:
        raise ConcurrentEditError(
            _("Người khác vừa lưu kế hoạch này. Hãy tải lại trang để xem bản mới rồi sửa lại.")
        )
    plan.refresh_from_db()
    _snapshot(plan, actor)
    record(plan, PlanEventKind.EDITED, f"Sửa kế hoạch “{title}”", actor)
    return plan


@in_vietnamese
@transaction.atomic
def issue_plan(*, plan: Plan, actor: User, issued_on: dt.date, signer: Signer) -> Plan:
    """Give the plan the next number of the organisation's register and mark it issued."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError(_("Chỉ ban hành được kế hoạch đang là dự thảo."))
    plan.signer_name, plan.signer_title = signer.name, signer.title
    document = issue_document(
        organisation=plan.organisation,
        spec=lambda _number, day: documents.plan_spec(plan, signer=signer, on=day),
        issued_on=issued_on,
        source=f"plans.plan:{plan.pk}",
        actor=actor,
    )
    plan.document = document
    plan.number_symbol = document.number_symbol
    plan.issued_on = issued_on
    plan.year = issued_on.year
    plan.status = PlanStatus.ISSUED
    plan.version += 1
    plan.save(
        update_fields=[
            "document",
            "number_symbol",
            "issued_on",
            "year",
            "status",
            "version",
            "signer_name",
            "signer_title",
            "updated_at",
        ]
    )
    _snapshot(plan, actor)
    record(
        plan,
        PlanEventKind.ISSUED,
        f"Ban hành kế hoạch số {document.number_symbol}",
        actor,
    )
    return plan


@in_vietnamese
@transaction.atomic
def assign_task(
    *,
    task: PlanTask,
    actor: User,
    assignee: User | None = None,
    unit: Organisation | None = None,
    item: TaskItem | None = None,
    due_date: dt.date | None = None,
    working_days: int | None = None,
    from_date: dt.date | None = None,
    note: str = "",
    ask_about_day_off: bool = False,
) -> Assignment:
    """Give a task (or one of its bullets) to a person or unit, once.

    The due date is either absolute, or `working_days` after `from_date` (default today),
    counted by the official calendar (worktime). With `ask_about_day_off` (the assign page,
    until the head answers) an absolute date on a day off is refused with NonWorkingDueDate,
    which carries the next working day to offer.
    """
    if assignee is None and unit is None:
        raise ValidationError(_("Cần chọn người hoặc đơn vị thực hiện."))
    # Lock the task: two heads clicking "Giao" at once cannot both pass the check below.
    PlanTask.objects.select_for_update().filter(pk=task.pk).first()
    given = Assignment.objects.filter(task=task, item=item).filter(
        Q(assignee=assignee) if assignee is not None else Q(unit=unit)
    )
    already = given.select_related("assignee", "unit").first()
    if already is not None:
        raise ValidationError(
            _(
                "%(what)s đã được giao cho %(who)s (hạn %(due)s). Không giao lại lần nữa; "
                "nếu cần đổi hạn, hãy ghi vào báo cáo tiến độ hoặc giao cho người khác."
            )
            % {
                "what": _("Nội dung này") if item is not None else _("Nhiệm vụ này"),
                "who": already.responsible_name,
                "due": f"{already.due_date:%d/%m/%Y}",
            }
        )
    if due_date is not None and ask_about_day_off and not days.is_working_day(due_date):
        next_day = days.next_working_day(due_date)
        raise NonWorkingDueDate(
            _(
                "Ngày %(day)s là %(weekday)s, không phải ngày làm việc; "
                "chọn ngày làm việc kế tiếp %(next)s?"
            )
            % {
                "day": f"{due_date.day}/{due_date.month}/{due_date.year}",
                "weekday": _day_off_name(due_date),
                "next": f"{next_day.day}/{next_day.month}/{next_day.year}",
            },
            day=due_date,
            next_day=next_day,
        )
    rule = ""
    if due_date is None:
        if not working_days or working_days < 1:
            raise ValidationError(_("Cần nhập hạn hoàn thành, hoặc số ngày làm việc để tính hạn."))
        start = from_date or timezone.localdate()
        due_date = days.add_working_days(start, working_days)
        rule = f"{working_days} ngày làm việc kể từ {start:%d/%m/%Y}"
    assignment = Assignment(
        task=task,
        item=item,
        assignee=assignee,
        unit=unit,
        due_date=due_date,
        due_rule=rule,
        note=note.strip(),
        assigned_by=actor,
    )
    assignment.full_clean(exclude=["assigned_by"])
    assignment.save()
    who = assignment.responsible_name
    what = shorten(item.text if item else task.heading, 80)
    record(
        task.plan,
        PlanEventKind.ASSIGNED,
        f"Giao “{what}” cho {who}, hạn {due_date:%d/%m/%Y}",
        actor,
        task=task,
    )
    notices.task_assigned(assignment, actor)
    return assignment


def _day_off_name(day: dt.date) -> str:
    """What the day is, for the due-date question: the weekday when a weekend, else a holiday."""
    if day.weekday() == 5:
        return _("thứ Bảy")
    if day.weekday() == 6:
        return _("Chủ nhật")
    return _("ngày nghỉ lễ, Tết")


@in_vietnamese
@transaction.atomic
def report_progress(
    *,
    assignment: Assignment,
    author: User,
    expected_version: int,
    status: str,
    percent: int,
    text: str,
    files: Sequence[UploadedFile] = (),
) -> ProgressUpdate:
    """Record a progress report with its evidence. Refused if the assignment changed meanwhile."""
    if status not in AssignmentStatus.values:
        raise ValidationError({"status": _("Tình trạng không hợp lệ.")})
    if not 0 <= percent <= 100:
        raise ValidationError({"percent": _("Tiến độ phải từ 0 đến 100%.")})
    # "Đã hoàn thành" means the whole of it: a report saying done at 40 % is refused rather than
    # guessed at (which of the two did the teacher mean?).
    if status == AssignmentStatus.DONE and percent != 100:
        raise ValidationError(
            {
                "percent": _(
                    "“Đã hoàn thành” nghĩa là 100%%: hãy nhập 100%%, hoặc chọn “Đang thực hiện” "
                    "nếu mới làm được %(percent)d%%."
                )
                % {"percent": percent}
            }
        )
    if status != AssignmentStatus.DONE and percent == 100:
        raise ValidationError(
            {"percent": _("Tiến độ 100% là đã hoàn thành: hãy chọn “Đã hoàn thành”.")}
        )
    if status == AssignmentStatus.NOT_STARTED and percent > 0:
        raise ValidationError(
            {"percent": _("“Chưa bắt đầu” thì tiến độ là 0%: hãy chọn “Đang thực hiện”.")}
        )
    if not text.strip():
        raise ValidationError({"text": _("Hãy ghi ngắn gọn đã làm được gì.")})
    if len(files) > MAX_EVIDENCE_FILES:
        raise ValidationError(
            _("Mỗi lần báo cáo đính kèm tối đa %(n)d tệp.") % {"n": MAX_EVIDENCE_FILES}
        )
    checked = [check_upload(upload) for upload in files]
    now = timezone.now()
    changed = Assignment.objects.filter(pk=assignment.pk, version=expected_version).update(
        status=status,
        percent=percent,
        last_reported_at=now,
        version=expected_version + 1,
        updated_at=now,
    )
    if not changed:
        raise ConcurrentEditError(
            _("Nhiệm vụ vừa được cập nhật bởi người khác. Hãy tải lại trang rồi báo cáo lại.")
        )
    update = ProgressUpdate.objects.create(
        assignment=assignment, author=author, status=status, percent=percent, text=text.strip()
    )
    for upload, info in zip(files, checked, strict=True):
        Evidence.objects.create(
            update=update,
            file=upload,
            original_name=(upload.name or "")[:255],
            content_type=info.content_type,
            size=info.size,
            sha256=info.sha256,
        )
    assignment.refresh_from_db()
    plan = assignment.task.plan
    record(
        plan,
        PlanEventKind.REPORTED,
        f"{author.full_name} báo cáo “{shorten(assignment.task.heading, 80)}”: "
        f"{assignment.get_status_display()}, {percent}%",
        author,
        task=assignment.task,
    )
    notices.progress_reported(update)
    return update


@in_vietnamese
@transaction.atomic
def issue_progress_report(*, plan: Plan, actor: User, issued_on: dt.date, signer: Signer):
    """Issue the "Báo cáo kết quả thực hiện kế hoạch" through the register.

    A resend (a double click, a reloaded form) of the same day's report with no progress
    reported since answers with the report already issued: one number, not two."""
    Plan.objects.select_for_update().filter(pk=plan.pk).first()  # one issuer at a time
    source = f"plans.plan:{plan.pk}:report"
    previous = (
        OutgoingDocument.objects.filter(
            organisation=plan.organisation,
            source=source,
            issued_on=issued_on,
            status=DocumentStatus.ISSUED,
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if (
        previous is not None
        and not ProgressUpdate.objects.filter(
            assignment__task__plan=plan, created_at__gt=previous.created_at
        ).exists()
    ):
        return previous
    document = issue_document(
        organisation=plan.organisation,
        spec=documents.progress_report_spec(plan, signer=signer, as_of=issued_on),
        issued_on=issued_on,
        source=source,
        actor=actor,
    )
    record(
        plan,
        PlanEventKind.REPORT_ISSUED,
        f"Ban hành báo cáo kết quả số {document.number_symbol}",
        actor,
    )
    return document


@in_vietnamese
@transaction.atomic
def withdraw_plan(*, plan: Plan, actor: User, reason: str) -> Plan:
    """Withdraw a plan with a reason; its registered document keeps its number."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Cần ghi lý do thu hồi kế hoạch.")})
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.status == PlanStatus.WITHDRAWN:
        raise ValidationError(_("Kế hoạch này đã được thu hồi."))
    # Only an issued document is withdrawn (thu hồi); a draft has not been sent to anyone.
    if plan.status != PlanStatus.ISSUED:
        raise ValidationError(_("Chỉ thu hồi được kế hoạch đã ban hành; dự thảo chưa gửi đi."))
    if plan.document is not None:
        withdraw_document(document=plan.document, reason=reason, actor=actor)
    plan.status = PlanStatus.WITHDRAWN
    plan.withdrawn_reason = reason
    plan.version += 1
    plan.save(update_fields=["status", "withdrawn_reason", "version", "updated_at"])
    record(plan, PlanEventKind.WITHDRAWN, f"Thu hồi kế hoạch: {reason}", actor)
    return plan


def parent_plan_candidates(plan: Plan):
    """Issued plans a plan can implement: those of the organisations above it, and those an
    authority sent to its organisation for an implementing plan (the Sở guides a school
    without being above it in the tree, LAW.md §8)."""
    ancestors = [org.pk for org in plan.organisation.ancestors()]
    requested = ImplementationRequest.objects.filter(organisation=plan.organisation).values(
        "parent_plan_id"
    )
    return (
        Plan.objects.filter(status=PlanStatus.ISSUED)
        .filter(Q(organisation__in=ancestors) | Q(pk__in=requested))
        .exclude(pk=plan.pk)
        .select_related("organisation")
    )


@in_vietnamese
@transaction.atomic
def set_parent_plans(*, plan: Plan, actor: User, parents: Sequence[Plan]) -> Plan:
    """Record which plans of the authorities above this plan implements."""
    allowed = set(parent_plan_candidates(plan).values_list("pk", flat=True))
    if any(parent.pk not in allowed for parent in parents):
        raise ValidationError(_("Chỉ chọn được kế hoạch đã ban hành của cơ quan cấp trên."))
    plan.parents.set(parents)
    names = ", ".join(p.number_symbol or shorten(p.title, 40) for p in parents) or "không có"
    record(
        plan,
        PlanEventKind.EDITED,
        f"Cập nhật kế hoạch cấp trên được thực hiện: {names}",
        actor,
    )
    return plan


@in_vietnamese
@transaction.atomic
def cascade_plan(
    *,
    plan: Plan,
    actor: User,
    organisations: Sequence[Organisation],
    due_on: dt.date,
) -> list[ImplementationRequest]:
    """Send an authority's issued plan to units below it, each to issue its implementing plan
    by `due_on`. Precondition: the actor is an officer of the plan's authority.

    Replaying it changes nothing; a unit already asked gets the new due date (recorded).
    """
    authority = plan.organisation
    if not authority.is_authority:
        raise ValidationError(_("Chỉ kế hoạch của cơ quan quản lý mới giao được cho đơn vị."))
    is_officer = (
        Membership.objects.current()
        .filter(user=actor, organisation=authority, role=Role.AUTHORITY_OFFICER)
        .exists()
    )
    if not is_officer:
        raise ValidationError(_("Chỉ cán bộ của cơ quan ban hành mới giao được kế hoạch này."))
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.ISSUED or plan.issued_on is None:
        raise ValidationError(_("Chỉ giao được kế hoạch đã ban hành."))
    if not organisations:
        raise ValidationError({"organisations": _("Hãy chọn ít nhất một đơn vị.")})
    if due_on < plan.issued_on:
        raise ValidationError(
            {
                "due_on": _("Hạn phải từ ngày ban hành kế hoạch (%(day)s) trở đi.")
                % {"day": plan.issued_on.strftime("%d/%m/%Y")}
            }
        )
    wanted = {org.pk for org in organisations}
    below = {
        org.pk: org for org in Organisation.objects.schools_below(authority).filter(pk__in=wanted)
    }
    if set(below) != wanted:
        raise ValidationError(
            {"organisations": _("Chỉ giao được cho các đơn vị do cơ quan quản lý hoặc hướng dẫn.")}
        )
    existing = {
        request.organisation_id: request
        for request in ImplementationRequest.objects.select_for_update().filter(
            parent_plan=plan, organisation_id__in=wanted
        )
    }
    added, moved, result = [], [], []
    for pk in sorted(below, key=lambda pk: collation_key(below[pk].name)):
        request = existing.get(pk)
        if request is None:
            request = ImplementationRequest.objects.create(
                parent_plan=plan, organisation=below[pk], due_on=due_on, requested_by=actor
            )
            added.append(below[pk])
        elif request.due_on != due_on:
            request.due_on, request.requested_by = due_on, actor
            request.save(update_fields=["due_on", "requested_by", "updated_at"])
            moved.append(below[pk])
        result.append(request)
        # The unit's head learns of it (keyed by the due date: a new date is told, a replay not).
        notices.implementation_requested(request)
    day = due_on.strftime("%d/%m/%Y")
    what = plan.number_symbol
    if added:
        names = ", ".join(org.display_name for org in added)
        record(
            plan,
            PlanEventKind.CASCADED,
            f"Giao {names} xây dựng kế hoạch thực hiện Kế hoạch số {what}, hạn ban hành {day}",
            actor,
        )
    if moved:
        names = ", ".join(org.display_name for org in moved)
        record(
            plan,
            PlanEventKind.CASCADED,
            f"Đổi hạn ban hành kế hoạch thực hiện Kế hoạch số {what} của {names} thành {day}",
            actor,
        )
    return result
