"""Reception: the sổ tiếp công dân and the head's reception schedule; the head's dashboard."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.petitions import access, dashboard, secrecy, services
from gandan.petitions.forms.staff import EntryForm, PostponeForm, SessionForm
from gandan.petitions.models import CaseKind, ReceptionEntry, ReceptionSession
from gandan.petitions.services.reminders import due_soon_until
from gandan.petitions.views.public import add_service_errors

REGISTER_ROWS = 100


@login_required
def register(request: HttpRequest) -> HttpResponse:
    """Sổ tiếp công dân (Mẫu 03/TCD columns): read and add lines. Names are unsealed for the
    receivers and managers and the view is logged; a denouncer is never shown here."""
    school = access.case_school(request.user)
    if not access.can_read_register(request.user, school):
        raise Http404
    form = EntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_reception(organisation=school, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã ghi vào sổ tiếp công dân."))
            return redirect("petitions:register")
    year = int(request.GET.get("nam") or timezone.localdate().year)
    entries = list(
        ReceptionEntry.objects.filter(organisation=school, year=year)
        .select_related("receiver", "case")
        .order_by("number")[:REGISTER_ROWS]
    )
    for entry in entries:
        if entry.kind == CaseKind.DENUNCIATION:
            entry.shown_name = entry.case.pseudonym if entry.case else _("Giữ bí mật")
            entry.shown_address = entry.shown_id = _("Giữ bí mật (Luật Tố cáo 2018, Điều 47)")
        else:
            entry.shown_name = secrecy.unseal(entry.name_token)
            entry.shown_address = secrecy.unseal(entry.address_token)
            entry.shown_id = secrecy.unseal(entry.id_number_token)
    record_event(
        action=Action.VIEW_PROTECTED,
        summary=f"Xem sổ tiếp công dân năm {year}",  # stored: Vietnamese (ADR 1)
        actor=request.user,
        organisation=school,
        request=request,
    )
    return render(
        request,
        "petitions/register.html",
        {"school": school, "entries": entries, "form": form, "year": year},
    )


@login_required
def schedule(request: HttpRequest) -> HttpResponse:
    """Lịch tiếp công dân: staff read it; managers post and postpone sessions."""
    school = access.case_school(request.user)
    can_manage = access.can_manage_cases(request.user, school)
    form = SessionForm(request.POST or None, school=school) if can_manage else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                services.schedule_reception(
                    organisation=school, actor=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Đã đăng lịch tiếp công dân."))
                return redirect("petitions:schedule")
    today = timezone.localdate()
    sessions = ReceptionSession.objects.filter(organisation=school).select_related("host")
    return render(
        request,
        "petitions/schedule.html",
        {
            "school": school,
            "form": form,
            "upcoming": sessions.filter(date__gte=today),
            "past": sessions.filter(date__lt=today).order_by("-date")[:12],
            "earliest": services.earliest_reception_day(today),
            "gaps": services.months_without_reception(school, today.year, today),
            "postpone_form": PostponeForm() if can_manage else None,
            "can_manage": can_manage,
        },
    )


@login_required
@require_POST
def postpone(request: HttpRequest, pk: int) -> HttpResponse:
    school = access.case_school(request.user)
    if not access.can_manage_cases(request.user, school):
        raise Http404
    session = get_object_or_404(ReceptionSession, pk=pk, organisation=school)
    form = PostponeForm(request.POST)
    if form.is_valid():
        try:
            services.postpone_reception(session=session, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã hoãn và thông báo ngày tiếp mới."))
    else:
        messages.error(request, _("Hãy ghi ngày tiếp mới và lý do hoãn."))
    return redirect("petitions:schedule")


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """The head's dashboard: open cases by kind and status, due soon, overdue, on-time rate."""
    school = access.case_school(request.user)
    if not access.can_supervise(request.user, school):
        raise Http404
    today = timezone.localdate()
    until = due_soon_until(today)
    return render(
        request,
        "petitions/dashboard.html",
        {
            "school": school,
            "today": today,
            "table": dashboard.counts_by_kind_and_status(school),
            "statuses": access.Case._meta.get_field("status").choices,
            "due_soon": dashboard.due_soon(school, today, until)[:50],
            "overdue": dashboard.overdue(school, today)[:50],
            "months": dashboard.on_time_by_month(school),
            "satisfaction": dashboard.satisfaction(school),
            "gaps": services.months_without_reception(school, today.year, today),
        },
    )
