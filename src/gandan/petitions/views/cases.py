"""Staff pages of cases: the list, a case with its timeline and actions, entry on a citizen's
behalf, the denouncer's identity (logged), attachments and documents, notices."""

import contextlib
import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.paperwork.rendering import render_docx
from gandan.petitions import access, secrecy, services
from gandan.petitions.forms.public import KIND_HELP
from gandan.petitions.forms.staff import WalkInForm
from gandan.petitions.models import (
    Case,
    CaseKind,
    CaseStatus,
    Channel,
    MinutesKind,
    Notification,
)
from gandan.petitions.services.reminders import due_soon_until
from gandan.petitions.views.actions import action_forms
from gandan.petitions.views.public import add_service_errors, try_again

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PAGE_SIZE = 50


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    """The cases the user may see, filtered by status and kind; overdue ones marked."""
    school = access.case_school(request.user)
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
    soon = due_soon_until(today)
    return render(
        request,
        "petitions/case_list.html",
        {
            "school": school,
            "cases": rows,
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
def case_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    case = access.access_case(request.user, public_id)
    return render(request, "petitions/case_detail.html", detail_context(request, case))


def detail_context(request: HttpRequest, case: Case, **forms) -> dict:
    user = request.user
    parts = access.case_parts(user, case)
    today = timezone.localdate()
    deadlines = list(case.deadlines.order_by("order"))
    return {
        "case": case,
        "parts": parts,
        "today": today,
        "deadlines": deadlines,
        "events": case.events.select_related("actor", "document"),
        "minutes": case.minutes.select_related("author")
        if access.can(user, case, "verify")
        else (),
        "documents": services.case_documents(case),
        "attachments": case.attachments.all() if access.can(user, case, "files") else (),
        "can_contact": access.can(user, case, "contact") and not case.is_denunciation,
        "can_identity": access.can_view_identity(user, case),
        "id_number": secrecy.unseal(case.id_number_token)
        if access.can(user, case, "contact") and case.id_number_token
        else "",
        "verifiers": case.verifiers.all(),
        "split_cases": case.split_cases.all(),
        "forms": action_forms(request, case, deadlines, **forms),
        "minutes_kinds": MinutesKind,
    }


@login_required
def walk_in(request: HttpRequest) -> HttpResponse:
    """Staff enter a case for a citizen who came, phoned or wrote; optionally in the register."""
    school = access.case_school(request.user)
    if not access.can_receive_cases(request.user, school):
        raise Http404
    form = WalkInForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        received_at = timezone.now()
        if data["received_on"] != timezone.localdate():
            # Entered later from a paper register: the start of office hours that day.
            received_at = timezone.make_aware(dt.datetime.combine(data["received_on"], dt.time(8)))
        sender = services.Sender(
            name=data["name"],
            phone=data["phone"],
            email=data["email"],
            address=data["address"],
            id_number=data["id_number"],
        )
        try:
            with transaction.atomic():
                case = services.submit_case(
                    organisation=school,
                    kind=data["kind"],
                    title=data["title"],
                    content=data["content"],
                    channel=data["channel"],
                    sender=sender,
                    anonymous=data["anonymous"],
                    consent=data["consent"],
                    attachments=data["attachments"],
                    information_form=data["information_form"],
                    delivery=data["delivery"],
                    information_purpose=data["information_purpose"],
                    denounced_person=data["denounced_person"],
                    received_at=received_at,
                    actor=request.user,
                )
                if (
                    data["register"]
                    and data["channel"] == Channel.WALK_IN
                    and not data["anonymous"]
                ):
                    services.record_reception(
                        organisation=school,
                        actor=request.user,
                        received_on=data["received_on"],
                        name=sender.name,
                        address=sender.address,
                        id_number=sender.id_number,
                        content_summary=case.title,
                        kind=case.kind,
                        people_count=data["people_count"],
                        handled_by=school.name,
                        case=case,
                    )
        except ValidationError as error:
            add_service_errors(form, error)
        except DatabaseError:
            return try_again(request)
        else:
            messages.success(
                request,
                _("Đã tiếp nhận. Mã tra cứu cho công dân: %(code)s") % {"code": case.display_code},
            )
            return redirect("petitions:detail", public_id=case.public_id)
    return render(
        request,
        "petitions/walk_in.html",
        {"school": school, "form": form, "kind_help": KIND_HELP},
    )


@login_required
def identity(request: HttpRequest, public_id: str) -> HttpResponse:
    """The denouncer's identity: the resolver only; every view is written to the audit log."""
    case = access.access_case(request.user, public_id)
    view = access.access_denouncer_identity(request.user, case, request=request)
    response = render(request, "petitions/identity.html", {"case": case, "identity": view})
    response["Cache-Control"] = "no-store"
    return response


@login_required
def attachment_download(request: HttpRequest, public_id: str, file_id: str) -> HttpResponse:
    case = access.access_case(request.user, public_id)
    attachment = access.access_attachment(request.user, case, file_id, request=request)
    with attachment.file.open("rb") as handle:
        data = handle.read()
    if attachment.is_identifying:
        data = secrecy.unseal_bytes(data)
    response = HttpResponse(data, content_type=attachment.content_type)
    response["Content-Disposition"] = _disposition(attachment.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


def _disposition(name: str) -> str:
    from urllib.parse import quote

    return f"attachment; filename*=UTF-8''{quote(name)}"


@login_required
def document_download(request: HttpRequest, public_id: str, pk: int) -> HttpResponse:
    case = access.access_case(request.user, public_id)
    document = access.access_case_document(request.user, case, pk)
    response = HttpResponse(render_docx(document.spec), content_type=DOCX)
    name = document.number_symbol.replace("/", "-")
    response["Content-Disposition"] = _disposition(f"{name}.docx")
    return response


@login_required
@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return redirect("desk")


def desk_panel(user, today):
    """The desk panel: my open cases (handled or verified), new cases for the receivers and
    managers, and my unread notices."""
    rows = list(
        Case.objects.open()
        .filter(Q(handler=user) | Q(verifiers=user))
        .distinct()
        .order_by("next_due", "received_at")[:10]
    )
    for case in rows:
        case.overdue = case.is_overdue(today)
    notices = list(
        Notification.objects.filter(user=user, read_at__isnull=True).select_related("case")[:5]
    )
    school = None
    new_count = 0
    with contextlib.suppress(Http404):
        school = access.case_school(user)
    if school is not None and access.can_receive_cases(user, school):
        new_count = Case.objects.filter(organisation=school, status=CaseStatus.RECEIVED).count()
    return {
        "cases": rows,
        "notices": notices,
        "new_count": new_count,
        "has_school": school is not None,
        "today": today,
    }
