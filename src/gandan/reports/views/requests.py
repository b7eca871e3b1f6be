"""Pages of the reports upward.

Authority side: the requests (list, new, detail with who submitted on time, late or not yet,
reminders), a received report read-only with its download and the return form (the incoming
register: views/registers.py). School side: the requests addressed to the school and the report
editor (draft from live data, edit, issue, submit, downloads). Views parse → access → service →
render.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.forms import add_service_error, error_text
from gandan.core.http import AuthenticatedRequest
from gandan.paperwork.rendering import RenderError
from gandan.paperwork.responses import document_response, registered_document_response
from gandan.reports import access_requests as access
from gandan.reports import documents, services
from gandan.reports.forms import ReminderForm, RequestForm, ReturnForm, SectionsForm, VersionForm
from gandan.reports.models import (
    EDITABLE_STATUSES,
    ReportRequest,
    ReportStatus,
    UnitReport,
)

FORMATS = ("docx", "pdf")


def _download(
    request: AuthenticatedRequest, report: UnitReport, fmt: str, back: str
) -> HttpResponse:
    if fmt not in FORMATS or report.document is None:
        raise Http404
    try:
        return registered_document_response(report.document, fmt)
    except RenderError:
        messages.error(request, _("Máy chủ chưa tạo được PDF lúc này; hãy tải bản Word."))
        return redirect(back, public_id=report.public_id)


# Authority side.


@login_required
def request_list(request: AuthenticatedRequest) -> HttpResponse:
    authority, authorities = access.access_requesting_authority(
        request.user, request.GET.get("co-quan")
    )
    rows = (
        ReportRequest.objects.of_authority(authority)
        .annotate(
            total=Count("unit_reports"),
            received=Count("unit_reports", filter=Q(unit_reports__received_on__isnull=False)),
            late=Count("unit_reports", filter=Q(unit_reports__is_late=True)),
        )
        .order_by("-due_on", "-pk")
    )
    return render(
        request,
        "reports/request_list.html",
        {"authority": authority, "authorities": authorities, "requests": rows},
    )


@login_required
def request_new(request: AuthenticatedRequest) -> HttpResponse:
    authority, authorities = access.access_requesting_authority(
        request.user, request.GET.get("co-quan") or request.POST.get("co-quan")
    )
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.request_report(
                authority=authority,
                actor=request.user,
                kind=data["kind"],
                year=data["year"],
                title=data["title"],
                due_on=data["due_on"],
                instructions=data["instructions"],
                period_start=data["period_start"],
                period_end=data["period_end"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Đã gửi yêu cầu báo cáo đến %(count)s đơn vị.")
                % {"count": created.unit_reports.count()},
            )
            return redirect("reports:request", public_id=created.public_id)
    return render(
        request,
        "reports/request_form.html",
        {"authority": authority, "authorities": authorities, "form": form},
    )


@login_required
def request_detail(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    report_request = access.access_request(request.user, public_id)
    reports = list(
        report_request.unit_reports.select_related("organisation", "document").order_by(
            "organisation__name", "pk"
        )
    )
    on_time = [r for r in reports if r.received_on is not None and not r.is_late]
    late = [r for r in reports if r.is_late]
    waiting = [r for r in reports if r.received_on is None]
    return render(
        request,
        "reports/request_detail.html",
        {
            "report_request": report_request,
            "reports": reports,
            "on_time": on_time,
            "late": late,
            "waiting": waiting,
            "today": timezone.localdate(),
            "reminder_form": ReminderForm(),
        },
    )


@login_required
@require_POST
def request_remind(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    report_request = access.access_request(request.user, public_id)
    form = ReminderForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        count = services.remind_units(request=report_request, actor=request.user, message=message)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        if count:
            messages.success(request, _("Đã nhắc %(count)s đơn vị.") % {"count": count})
        else:
            messages.info(request, _("Không có đơn vị nào cần nhắc (đã nhắc hôm nay)."))
    return redirect("reports:request", public_id=report_request.public_id)


@login_required
@require_POST
def request_close(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    report_request = access.access_request(request.user, public_id)
    services.close_request(request=report_request, actor=request.user)
    messages.success(request, _("Đã kết thúc nhận báo cáo."))
    return redirect("reports:request", public_id=report_request.public_id)


@login_required
def received_report(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    report = access.access_received_report(request.user, public_id)
    can_return = report.status in (ReportStatus.SUBMITTED, ReportStatus.RESUBMITTED)
    return render(
        request,
        "reports/report_received.html",
        {
            "report": report,
            "incoming": report.incoming.order_by("-received_on", "-pk"),
            "return_form": ReturnForm() if can_return and report.request.is_open() else None,
        },
    )


@login_required
def received_download(request: AuthenticatedRequest, public_id: str, fmt: str) -> HttpResponse:
    report = access.access_received_report(request.user, public_id)
    return _download(request, report, fmt, "reports:received")


@login_required
@require_POST
def received_return(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    report = access.access_received_report(request.user, public_id)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.return_report(
                report=report, actor=request.user, comment=form.cleaned_data["comment"]
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Đã trả lại báo cáo cho đơn vị."))
    else:
        messages.error(request, _("Cần ghi ý kiến khi trả lại báo cáo."))
    return redirect("reports:received", public_id=report.public_id)


# School side.


@login_required
def school_reports(request: AuthenticatedRequest) -> HttpResponse:
    if not access.schools_drafting_for(request.user):
        raise Http404
    rows = (
        access.visible_school_reports(request.user)
        .select_related("request__authority", "organisation", "document")
        .order_by("-request__due_on", "organisation__name")
    )
    return render(
        request,
        "reports/report_school_list.html",
        {"reports": rows, "today": timezone.localdate()},
    )


def _editor(request: AuthenticatedRequest, report: UnitReport, form=None) -> HttpResponse:
    editable = report.status in EDITABLE_STATUSES and report.request.is_open()
    can_sign = access.can_sign(request.user, report)
    return render(
        request,
        "reports/report_editor.html",
        {
            "report": report,
            "form": form
            or (SectionsForm(report=report) if editable and report.sections() else None),
            "can_draft": report.request.is_open()
            and report.status in (ReportStatus.PENDING, *EDITABLE_STATUSES),
            "can_issue": can_sign and editable and bool(report.sections()),
            "can_submit": can_sign
            and report.status == ReportStatus.ISSUED
            and report.request.is_open(),
            "reminders": report.reminders.select_related("sent_by")[:10],
            "events": report.events.select_related("actor")[:30],
            "today": timezone.localdate(),
        },
    )


@login_required
def report_editor(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    report = access.access_unit_report(request.user, public_id)
    if request.method != "POST":
        return _editor(request, report)
    form = SectionsForm(request.POST, report=report)
    if form.is_valid():
        try:
            services.edit_report(
                report=report,
                actor=request.user,
                sections=form.section_texts(),
                version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã lưu nội dung báo cáo."))
            return redirect("reports:report", public_id=report.public_id)
    return _editor(request, report, form)


@login_required
@require_POST
def report_draft(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    report = access.access_unit_report(request.user, public_id)
    form = VersionForm(request.POST)
    version = form.cleaned_data.get("version") if form.is_valid() else None
    try:
        services.draft_report(report=report, actor=request.user, expected_version=version)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã lập dự thảo từ số liệu hiện có."))
    return redirect("reports:report", public_id=report.public_id)


@login_required
@require_POST
def report_issue(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    report = access.access_unit_report(request.user, public_id, action="sign")
    try:
        report = services.issue_report(report=report, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("Đã ban hành báo cáo số %(symbol)s.") % {"symbol": report.document.number_symbol}
            if report.document
            else _("Đã ban hành báo cáo."),
        )
    return redirect("reports:report", public_id=report.public_id)


@login_required
@require_POST
def report_submit(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    report = access.access_unit_report(request.user, public_id, action="sign")
    try:
        report = services.submit_report(report=report, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("Đã gửi báo cáo đến %(authority)s.") % {"authority": report.request.authority.name},
        )
    return redirect("reports:report", public_id=report.public_id)


@login_required
def report_draft_docx(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    report = access.access_unit_report(request.user, public_id)
    if not report.sections():
        raise Http404
    spec = documents.unit_report_spec(report, draft=True)
    return document_response(spec, filename=documents.draft_filename(report), fmt="docx")


@login_required
def report_document(request: AuthenticatedRequest, public_id: str, fmt: str) -> HttpResponse:
    report = access.access_unit_report(request.user, public_id)
    return _download(request, report, fmt, "reports:report")
