"""Plan pages: list, import with preview, the plan page and its actions, assignment,
progress reports, downloads. Parse → access → service → render."""

import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.files import stored_file_response
from gandan.core.forms import add_service_error, error_text
from gandan.core.http import AuthenticatedRequest
from gandan.legal.services import replacement_warnings, unchecked_documents
from gandan.orgs import access as org_access
from gandan.orgs.models import Organisation, User
from gandan.paperwork.rendering import RenderError
from gandan.paperwork.responses import document_response
from gandan.paperwork.signing import deputy_signer, head_signer
from gandan.plans import access, cascade, documents, services
from gandan.plans.forms import (
    AssignForm,
    CascadeForm,
    EditPlanForm,
    IssueForm,
    ParentPlansForm,
    PreviewForm,
    ProgressForm,
    UploadPlanForm,
    WithdrawForm,
)
from gandan.plans.importer import ParsedPlan, iter_references, parse_plan_file
from gandan.plans.models import Assignment, AssignmentStatus, Plan, PlanStatus, PlanTask
from gandan.plans.notices import task_anchor
from gandan.worktime import days

PREVIEW_SALT = "gandan.plans.preview"


def _plan_page(plan: Plan, task: PlanTask | None = None) -> HttpResponseRedirect:
    """Back to the plan page; after an action on one task, at that task (the page is long)."""
    url = reverse("plans:detail", kwargs={"public_id": plan.public_id})
    return redirect(f"{url}#{task_anchor(task)}" if task is not None else url)


@dataclass(frozen=True)
class TaskRow:
    """A task on the plan page with its assignments and their mean progress."""

    task: PlanTask
    assignments: list[Assignment]
    progress: int | None

    @classmethod
    def of(cls, task: PlanTask, assignments: list[Assignment]) -> "TaskRow":
        progress = (
            round(sum(a.percent for a in assignments) / len(assignments)) if assignments else None
        )
        return cls(task, assignments, progress)


def _organisation_or_404(user: User) -> Organisation:
    organisation = org_access.primary_organisation(user)
    if organisation is None or not org_access.can_view_organisation(user, organisation):
        raise Http404
    return organisation


@login_required
def plan_list(request: AuthenticatedRequest) -> HttpResponse:
    organisation = _organisation_or_404(request.user)
    plans = (
        access.visible_plans(request.user, organisation)
        .annotate(
            task_count=Count("tasks", distinct=True),
            assignment_count=Count("tasks__assignments", distinct=True),
            done_count=Count(
                "tasks__assignments",
                filter=Q(tasks__assignments__status=AssignmentStatus.DONE),
                distinct=True,
            ),
        )
        .order_by("-year", "-created_at")
    )
    listed = list(plans)
    # An authority's plans come with how the units they were sent to stand (3 queries).
    by_plan = cascade.unit_rows(listed, timezone.localdate()) if organisation.is_authority else {}
    rows = [
        (plan, cascade.summary(by_plan[plan.pk]) if plan.pk in by_plan else None) for plan in listed
    ]
    return render(
        request,
        "plans/list.html",
        {
            "organisation": organisation,
            "rows": rows,
            "can_manage": access.can_manage_plans(request.user, organisation),
        },
    )


@login_required
def plan_import(request: AuthenticatedRequest) -> HttpResponse:
    """Step 1: upload a .docx/.txt; step 2 shows the preview (plan_import_save saves it)."""
    organisation = _organisation_or_404(request.user)
    if not access.can_manage_plans(request.user, organisation):
        raise Http404
    form = UploadPlanForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            parsed = _parse_upload(upload)
        except ValueError:
            form.add_error(
                "file",
                _(
                    "Không đọc được tệp này. Hãy kiểm tra đó là tệp Word (.docx) hoặc văn bản "
                    "thuần mã UTF-8 (.txt)."
                ),
            )
        else:
            if not parsed.title and not parsed.tasks:
                # Say what the importer could not read (importer._structure_notes), not just "no".
                form.add_error(
                    "file",
                    " ".join([_("Không tìm thấy nội dung kế hoạch trong tệp này."), *parsed.notes]),
                )
            else:
                return _render_preview(request, organisation, parsed, upload.name)
    return render(request, "plans/import.html", {"form": form, "organisation": organisation})


def _parse_upload(upload: UploadedFile) -> ParsedPlan:
    suffix = Path(upload.name or "").suffix.lower()
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        try:
            return parse_plan_file(handle.name)
        except UnicodeDecodeError as exc:
            raise ValueError("not UTF-8") from exc


def _render_preview(
    request: AuthenticatedRequest,
    organisation: Organisation,
    parsed: ParsedPlan,
    source_name: str,
    form: PreviewForm | None = None,
    existing: Plan | None = None,
) -> HttpResponse:
    payload = signing.dumps(
        {"plan": parsed.as_dict(), "source": source_name}, salt=PREVIEW_SALT, compress=True
    )
    if form is None:
        initial = {
            "payload": payload,
            "title": parsed.title,
            "number_symbol": parsed.number_symbol or "",
            "place": parsed.place or organisation.place_name,
            "date": parsed.date,
            "bases": "\n".join(parsed.bases),
        }
        for index, task in enumerate(parsed.tasks):
            initial[f"task_{index}_heading"] = task.heading
            initial[f"task_{index}_lead"] = task.lead or ""
            initial[f"task_{index}_timeframe"] = task.timeframe or ""
        form = PreviewForm(initial=initial, task_count=len(parsed.tasks))
    references = [reference for _where, reference in iter_references(parsed)]
    return render(
        request,
        "plans/preview.html",
        {
            "organisation": organisation,
            "form": form,
            "parsed": parsed,
            "source_name": source_name,
            "warnings": replacement_warnings(references),
            # Cited texts nobody has checked: said, never left silent (legal.services).
            "unchecked": unchecked_documents(references),
            "reference_count": len(parsed.legal_refs),
            # The same plan already saved (services.find_same_plan): a link instead of a copy.
            "existing": existing,
        },
    )


@login_required
@require_POST
def plan_import_save(request: AuthenticatedRequest) -> HttpResponse:
    organisation = _organisation_or_404(request.user)
    if not access.can_manage_plans(request.user, organisation):
        raise Http404
    try:
        data = signing.loads(request.POST.get("payload", ""), salt=PREVIEW_SALT, max_age=86400)
    except signing.BadSignature:
        messages.error(request, _("Bản xem trước đã hết hạn. Hãy tải tệp kế hoạch lên lại."))
        return redirect("plans:import")
    parsed = ParsedPlan.from_dict(data["plan"])
    form = PreviewForm(request.POST, task_count=len(parsed.tasks))
    if not form.is_valid():
        return _render_preview(request, organisation, parsed, data["source"], form=form)
    fields = form.cleaned_data
    parsed.title = fields["title"].strip()
    parsed.number_symbol = fields["number_symbol"].strip() or None
    parsed.place = fields["place"].strip() or None
    parsed.date = fields["date"]
    parsed.bases = [line.strip() for line in fields["bases"].splitlines() if line.strip()]
    for index, task in enumerate(parsed.tasks):
        task.heading = fields[f"task_{index}_heading"].strip()
        task.lead = fields[f"task_{index}_lead"].strip() or None
        task.timeframe = fields[f"task_{index}_timeframe"].strip() or None
    try:
        plan = services.save_imported_plan(
            organisation=organisation,
            parsed=parsed,
            user=request.user,
            source_name=data["source"],
        )
    except services.DuplicatePlanError as error:
        add_service_error(form, error)
        return _render_preview(
            request, organisation, parsed, data["source"], form=form, existing=error.existing
        )
    except ValidationError as error:
        add_service_error(form, error)
        return _render_preview(request, organisation, parsed, data["source"], form=form)
    messages.success(request, _("Đã lưu kế hoạch dự thảo. Bạn có thể phân công nhiệm vụ."))
    return redirect("plans:detail", public_id=plan.public_id)


@login_required
def plan_detail(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    plan = access.access_plan(request.user, public_id)
    today = timezone.localdate()
    tasks = list(plan.tasks.prefetch_related("items").order_by("order"))
    assignments = list(
        Assignment.objects.filter(task__plan=plan)
        # Fix: "task" added; the "Chưa báo cáo" list reads a.task (one query per assignment).
        .select_related("task", "assignee", "unit", "item")
        .prefetch_related("updates__evidence", "updates__author")
        .order_by("due_date", "pk")
    )
    rows = [TaskRow.of(task, [a for a in assignments if a.task_id == task.pk]) for task in tasks]
    references = list(plan.references.select_related("legal_document__replaced_by"))
    warnings = {}
    for reference in references:
        document = reference.legal_document
        if document is not None and document.is_superseded and document.pk not in warnings:
            replacement = document.replaced_by
            warnings[document.pk] = (
                _("%(old)s đã được thay thế bởi %(new)s.")
                % {"old": document.citation, "new": replacement.citation}
                if replacement
                else _("%(old)s đã hết hiệu lực.") % {"old": document.citation}
            )
    can_manage = access.can_manage_plans(request.user, plan.organisation)
    is_authority_plan = plan.organisation.is_authority
    parents = list(plan.parents.select_related("organisation").order_by("issued_on", "pk"))
    requested = {r.parent_plan_id: r for r in cascade.requests_for(plan)}
    context = {
        "plan": plan,
        "tasks": rows,
        "today": today,
        "references": references,
        "warnings": list(warnings.values()),
        "silent": [a for a in assignments if a.last_reported_at is None],
        "overdue": [a for a in assignments if a.is_overdue(today)],
        "events": plan.events.select_related("actor")[:30],
        "can_manage": can_manage,
        # Fix: one query for all rows instead of one per unit assignment.
        "my_assignment_ids": access.responsible_ids(request.user, assignments),
        # Evidence links only where access_evidence would open the file (else a 404).
        "evidence_ids": access.evidence_openable_ids(request.user, plan, assignments),
        "issue_form": IssueForm(for_authority=is_authority_plan)
        if can_manage and plan.status == PlanStatus.DRAFT
        else None,
        # The plans this one implements, each with what its authority asked (due date).
        "implements": [(parent, requested.get(parent.pk)) for parent in parents],
        # The units' table is the authority's own officers' (never a school's).
        "units_summary": cascade.summary(cascade.unit_rows([plan], today)[plan.pk])
        if is_authority_plan and can_manage
        else None,
        # Only an issued plan is withdrawn (services.withdraw_plan); the form stays folded.
        "withdraw_form": WithdrawForm()
        if can_manage and plan.status == PlanStatus.ISSUED
        else None,
        "parents_form": ParentPlansForm(
            candidates=services.parent_plan_candidates(plan),
            initial={"parents": parents},
        )
        if can_manage
        else None,
        "edit_form": EditPlanForm(
            initial={
                "version": plan.version,
                "title": plan.title,
                "place": plan.place,
                "signer_name": plan.signer_name,
                "signer_title": plan.signer_title,
            }
        )
        if can_manage and plan.is_editable
        else None,
    }
    return render(request, "plans/detail.html", context)


@login_required
@require_POST
def plan_edit(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    plan = access.access_plan(request.user, public_id, for_write=True)
    form = EditPlanForm(request.POST)
    if form.is_valid():
        try:
            services.update_plan(
                plan=plan,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                title=form.cleaned_data["title"],
                place=form.cleaned_data["place"],
                signer_name=form.cleaned_data["signer_name"],
                signer_title=form.cleaned_data["signer_title"],
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Đã lưu thay đổi."))
    else:
        messages.error(request, _("Thông tin chưa hợp lệ: cần có trích yếu."))
    return redirect("plans:detail", public_id=plan.public_id)


@login_required
@require_POST
def plan_issue(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    plan = access.access_plan(request.user, public_id, for_write=True)
    form = IssueForm(request.POST, for_authority=plan.organisation.is_authority)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập ngày ban hành hợp lệ."))
        return redirect("plans:detail", public_id=plan.public_id)
    if plan.organisation.is_authority:
        signer = documents.recorded_signer(plan)
    elif form.cleaned_data["signer"] == "deputy":
        signer = deputy_signer(plan.organisation, request.user)
    else:
        signer = head_signer(plan.organisation)
    try:
        plan = services.issue_plan(
            plan=plan, actor=request.user, issued_on=form.cleaned_data["issued_on"], signer=signer
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, _("Đã ban hành kế hoạch số %(symbol)s.") % {"symbol": plan.number_symbol}
        )
    return redirect("plans:detail", public_id=plan.public_id)


@login_required
@require_POST
def plan_withdraw(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    plan = access.access_plan(request.user, public_id, for_write=True)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Cần ghi lý do thu hồi kế hoạch."))
        return redirect("plans:detail", public_id=plan.public_id)
    try:
        services.withdraw_plan(plan=plan, actor=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã thu hồi kế hoạch."))
    return redirect("plans:detail", public_id=plan.public_id)


@login_required
@require_POST
def plan_parents(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    plan = access.access_plan(request.user, public_id, for_write=True)
    form = ParentPlansForm(request.POST, candidates=services.parent_plan_candidates(plan))
    if not form.is_valid():
        messages.error(request, _("Chỉ chọn được kế hoạch đã ban hành của cơ quan cấp trên."))
    else:
        services.set_parent_plans(
            plan=plan, actor=request.user, parents=list(form.cleaned_data["parents"])
        )
        messages.success(request, _("Đã cập nhật kế hoạch cấp trên."))
    return redirect("plans:detail", public_id=plan.public_id)


@login_required
def plan_export(request: AuthenticatedRequest, public_id: str, fmt: str) -> HttpResponse:
    plan = access.access_plan(request.user, public_id)
    if fmt not in ("docx", "pdf"):
        raise Http404
    name = f"ke-hoach-{(plan.number_symbol or 'du-thao').replace('/', '-')}"
    try:
        return document_response(documents.plan_spec(plan), filename=name, fmt=fmt)
    # Fix: render_pdf raises RenderError (an Exception, not a RuntimeError), which escaped
    # as a server error when LibreOffice was missing or failed.
    except RenderError:
        messages.error(request, _("Máy chủ chưa tạo được PDF lúc này; hãy tải bản Word."))
        return redirect("plans:detail", public_id=plan.public_id)


@login_required
def plan_report(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """The progress report: a draft .docx to read (GET), or issue it in the register (POST)."""
    plan = access.access_plan(request.user, public_id)
    today = timezone.localdate()
    if request.method == "POST":
        plan = access.access_plan(request.user, public_id, for_write=True)
        # Fix: the register refuses (e.g. a date before the last issued document) with a
        # ValidationError, which was not caught and gave a server error.
        try:
            document = services.issue_progress_report(
                plan=plan,
                actor=request.user,
                issued_on=today,
                signer=head_signer(plan.organisation),
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
            return redirect("plans:detail", public_id=plan.public_id)
        messages.success(
            request, _("Đã ban hành báo cáo số %(symbol)s.") % {"symbol": document.number_symbol}
        )
        return redirect("plans:detail", public_id=plan.public_id)
    spec = documents.progress_report_spec(plan, signer=head_signer(plan.organisation), as_of=today)
    return document_response(spec, filename="bao-cao-ket-qua-thuc-hien.docx")


@login_required
def task_assign(request: AuthenticatedRequest, public_id: str, task_id: int) -> HttpResponse:
    plan = access.access_plan(request.user, public_id, for_write=True)
    task = PlanTask.objects.filter(plan=plan, pk=task_id).first()
    if task is None:
        raise Http404
    form = AssignForm(request.POST or None, task=task)
    day_off: services.NonWorkingDueDate | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        due = data["due_date"]
        # The answer to "Ngày … không phải ngày làm việc": the next working day, worked out
        # again here rather than taken from the page, or the day as typed.
        choice = request.POST.get("due_choice")
        if due is not None and choice == "next" and not days.is_working_day(due):
            due = days.next_working_day(due)
        try:
            services.assign_task(
                task=task,
                actor=request.user,
                assignee=data["assignee"],
                unit=data["unit"],
                item=data["item"],
                due_date=due,
                working_days=data["working_days"] if due is None else None,
                note=data["note"],
                ask_about_day_off=choice != "keep",
            )
        except services.NonWorkingDueDate as error:
            day_off = error
            add_service_error(form, error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã giao nhiệm vụ."))
            return _plan_page(plan, task)
    return render(
        request,
        "plans/assign.html",
        {"plan": plan, "task": task, "form": form, "day_off": day_off},
    )


@login_required
def assignment_report(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    assignment = access.access_assignment(request.user, pk, for_report=True)
    form = ProgressForm(
        request.POST or None,
        request.FILES or None,
        initial={
            "version": assignment.version,
            "status": AssignmentStatus.IN_PROGRESS
            if assignment.status == AssignmentStatus.NOT_STARTED
            else assignment.status,
            "percent": assignment.percent,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.report_progress(
                assignment=assignment,
                author=request.user,
                expected_version=data["version"],
                status=data["status"],
                percent=data["percent"],
                text=data["text"],
                files=data["files"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã gửi báo cáo tiến độ."))
            return _plan_page(assignment.task.plan, assignment.task)
    updates = assignment.updates.select_related("author").prefetch_related("evidence")
    return render(
        request,
        "plans/report.html",
        {"assignment": assignment, "form": form, "updates": updates, "today": timezone.localdate()},
    )


@login_required
def evidence_download(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    return stored_file_response(access.access_evidence(request.user, public_id))


@login_required
def plan_units(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """An authority's plan and the units below: send it to them with a due date for their
    implementing plans (POST), and see who has issued, on time or late, and their progress."""
    plan = access.access_authority_plan(request.user, public_id)
    can_manage = access.can_manage_plans(request.user, plan.organisation)
    can_send = can_manage and plan.status == PlanStatus.ISSUED
    units = Organisation.objects.schools_below(plan.organisation).order_by("name")
    form = CascadeForm(request.POST or None, units=units) if can_send else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                requests = services.cascade_plan(
                    plan=plan,
                    actor=request.user,
                    organisations=list(form.cleaned_data["organisations"]),
                    due_on=form.cleaned_data["due_on"],
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request,
                    _("Đã giao %(n)d đơn vị xây dựng kế hoạch thực hiện.") % {"n": len(requests)},
                )
                return redirect("plans:units", public_id=plan.public_id)
    today = timezone.localdate()
    rows = cascade.unit_rows([plan], today)[plan.pk]
    if form is not None and not form.is_bound:
        asked = {row.unit.pk for row in rows}
        form.initial = {"organisations": [u.pk for u in units if u.pk not in asked]}
    return render(
        request,
        "plans/units.html",
        {
            "plan": plan,
            "rows": rows,
            "summary": cascade.summary(rows),
            "form": form,
            "today": today,
            "has_units": bool(rows) or units.exists(),
        },
    )
