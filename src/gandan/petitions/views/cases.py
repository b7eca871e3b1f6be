"""Staff pages of cases: the list, a case with its timeline and actions, entry on a citizen's
behalf, the denouncer's identity (logged), attachments and documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from gandan.core.files import stored_file_response
from gandan.core.forms import add_service_error
from gandan.core.http import AuthenticatedRequest
from gandan.paperwork.responses import registered_document_response
from gandan.petitions import access, secrecy, services
from gandan.petitions.forms.public import KIND_HELP
from gandan.petitions.forms.staff import WalkInForm
from gandan.petitions.models import CaseKind, CaseStatus
from gandan.petitions.services.intake import receipt_notice
from gandan.petitions.services.reminders import due_soon_until
from gandan.petitions.views.case_page import detail_context

PAGE_SIZE = 50


@login_required
def case_list(request: AuthenticatedRequest) -> HttpResponse:
    """The cases the user may see, filtered by status and kind; overdue ones marked."""
    school = access.case_register_of(request.user)
    today = timezone.localdate()
    cases = access.visible_cases(request.user, school).select_related("handler")
    status = request.GET.get("tinh-trang", "mo")
    kind = request.GET.get("loai", "")
    if status == "mo":
        cases = cases.open()
    elif status in CaseStatus.values:
        cases = cases.filter(status=status)
    if kind in CaseKind.values:
        cases = cases.filter(kind=kind)
    rows = list(cases.order_by("next_due", "-received_at")[:PAGE_SIZE])
    # Counted even when the page is not full: the list takes as many queries for 10 as for 1,000.
    total = cases.count()
    soon = due_soon_until(today)
    return render(
        request,
        "petitions/case_list.html",
        {
            "school": school,
            "cases": rows,
            "total": total,
            "today": today,
            "soon": soon,
            "status": status,
            "kind": kind,
            "statuses": CaseStatus.choices,
            "kinds": CaseKind.choices,
            "can_receive": access.can_receive_cases(request.user, school),
            "can_supervise": access.can_supervise(request.user, school),
        },
    )


@login_required
def case_detail(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    case = access.access_case(request.user, public_id)
    return render(request, "petitions/case_detail.html", detail_context(request, case))


@login_required
def walk_in(request: AuthenticatedRequest) -> HttpResponse:
    """Staff enter a case for a citizen who came, phoned or wrote; optionally in the register."""
    school = access.case_school(request.user)
    if not access.can_receive_cases(request.user, school):
        raise Http404
    form = WalkInForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.receive_walk_in(
                organisation=school,
                actor=request.user,
                submission=form.submission(channel=data["channel"]),
                received_on=data["received_on"],
                register=data["register"],
                people_count=data["people_count"],
                idempotency_key=data["token"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        except DatabaseError:
            # Nothing was stored; the form comes back with what was typed, never a bare page.
            form.add_error(
                None,
                _(
                    "Hệ thống đang bận nên đơn chưa được lưu; nội dung đã nhập vẫn còn dưới đây, "
                    "xin bấm Tiếp nhận lại sau ít phút. Tệp đính kèm (nếu có) cần chọn lại."
                ),
            )
            context = {"school": school, "form": form, "kind_help": KIND_HELP}
            response = render(request, "petitions/walk_in.html", context, status=503)
            response["Retry-After"] = "60"
            return response
        else:
            messages.success(
                request,
                _("Đã tiếp nhận. Mã tra cứu cho công dân: %(code)s") % {"code": case.display_code},
            )
            if notice := receipt_notice(case):  # tell the citizen, as the public receipt does
                messages.info(request, notice)
            return redirect("petitions:detail", public_id=case.public_id)
    return render(
        request,
        "petitions/walk_in.html",
        {"school": school, "form": form, "kind_help": KIND_HELP},
    )


@login_required
def identity(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """The denouncer's identity: the resolver only; every view is written to the audit log."""
    case = access.access_case(request.user, public_id)
    view = access.access_denouncer_identity(request.user, case, request=request)
    response = render(request, "petitions/identity.html", {"case": case, "identity": view})
    response["Cache-Control"] = "no-store"
    return response


@login_required
def attachment_download(
    request: AuthenticatedRequest, public_id: str, file_id: str
) -> HttpResponse:
    case = access.access_case(request.user, public_id)
    attachment = access.access_attachment(request.user, case, file_id, request=request)
    if not attachment.is_identifying:
        return stored_file_response(attachment)
    # Sealed file, sealed name: both opened for the resolver only, the download logged.
    response = stored_file_response(attachment, unseal=secrecy.unseal_bytes)
    name = secrecy.unseal(attachment.name_token) or attachment.original_name
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@login_required
def document_download(request: AuthenticatedRequest, public_id: str, pk: int) -> HttpResponse:
    case = access.access_case(request.user, public_id)
    document = access.access_case_document(request.user, case, pk)
    return registered_document_response(document, "docx")
