"""Reception: the sổ tiếp công dân and the head's reception schedule; the head's dashboard."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.forms import add_service_error, error_text
from gandan.core.http import AuthenticatedRequest
from gandan.petitions import access, dashboard, services
from gandan.petitions.forms.staff import EntryForm, PostponeForm, SessionForm
from gandan.petitions.models import Case, ReceptionSession
from gandan.petitions.services.reminders import due_soon_until

REGISTER_ROWS = 100
DASHBOARD_ROWS = 50  # of each list; the headings count them all


@login_required
def register(request: AuthenticatedRequest) -> HttpResponse:
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
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã ghi vào sổ tiếp công dân."))
            return redirect("petitions:register")
    year = int(request.GET.get("nam") or timezone.localdate().year)
    lines = access.access_register(request.user, school, year, limit=REGISTER_ROWS, request=request)
    return render(
        request,
        "petitions/register.html",
        {"school": school, "lines": lines, "form": form, "year": year},
    )


@login_required
def schedule(request: AuthenticatedRequest) -> HttpResponse:
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
                add_service_error(form, error)
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
def postpone(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    school = access.case_school(request.user)
    if not access.can_manage_cases(request.user, school):
        raise Http404
    session = get_object_or_404(ReceptionSession, pk=pk, organisation=school)
    form = PostponeForm(request.POST)
    if form.is_valid():
        try:
            services.postpone_reception(session=session, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Đã hoãn và thông báo ngày tiếp mới."))
    else:
        messages.error(request, _("Hãy ghi ngày tiếp mới và lý do hoãn."))
    return redirect("petitions:schedule")


@login_required
def overview(request: AuthenticatedRequest) -> HttpResponse:
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
            "statuses": Case._meta.get_field("status").choices,
            "due_soon": dashboard.due_soon(school, today, until)[:DASHBOARD_ROWS],
            "overdue": dashboard.overdue(school, today)[:DASHBOARD_ROWS],
            "due_soon_count": dashboard.due_soon(school, today, until).count(),
            "overdue_count": dashboard.overdue(school, today).count(),
            "months": dashboard.on_time_by_month(school),
            "satisfaction": dashboard.satisfaction(school),
            "gaps": services.months_without_reception(school, today.year, today),
        },
    )
