"""Public pages, no account needed: send a case, follow it by its tracking code, rate it.

Nothing a citizen typed is rendered unescaped (Django autoescaping; no |safe anywhere on
these templates). The tracking page shows only what the timeline marks public.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.forms import add_service_error
from gandan.orgs.access import active_school_or_404
from gandan.petitions import access, services, throttle
from gandan.petitions.forms.public import (
    KIND_HELP,
    KIND_ORDER,
    ContestForm,
    PublicSubmissionForm,
    RateForm,
    TrackForm,
)
from gandan.petitions.models import Channel, ReceptionSession, SessionStatus
from gandan.petitions.views.responses import try_again

logger = logging.getLogger(__name__)
SUBMISSION_FIELDS = set(PublicSubmissionForm.base_fields)


def _intake_context(school, form) -> dict:
    kinds = [(kind.value, kind.label, KIND_HELP[kind]) for kind in KIND_ORDER]
    return {"school": school, "form": form, "kinds": kinds}


def intake(request: HttpRequest, slug: str) -> HttpResponse:
    """/gui-y-kien/<school>/: the public form; a POST stores the case and shows its receipt."""
    school = active_school_or_404(slug)
    if request.method != "POST":
        form = PublicSubmissionForm(initial={"token": PublicSubmissionForm.new_token()})
        return render(request, "petitions/intake.html", _intake_context(school, form))
    if throttle.is_limited(throttle.INTAKE, request):
        return render(request, "petitions/limited.html", status=429)
    form = PublicSubmissionForm(request.POST, request.FILES)
    if request.POST.get("website"):
        # The honeypot: hidden from people, filled by scripts. Nothing is stored.
        throttle.hit(throttle.INTAKE, request)
        return render(request, "petitions/rejected.html", status=400)
    if not form.is_valid():
        return render(request, "petitions/intake.html", _intake_context(school, form), status=400)
    data = form.cleaned_data
    try:
        case = services.submit_case(
            organisation=school,
            submission=form.submission(channel=Channel.WEB),
            idempotency_key=data["token"],
        )
    except ValidationError as error:
        add_service_error(form, error)
        return render(request, "petitions/intake.html", _intake_context(school, form), status=400)
    except DatabaseError:
        logger.exception("public intake failed for %s", school.slug)
        return try_again(request)
    throttle.hit(throttle.INTAKE, request)
    request.session["petitions_receipt"] = case.tracking_code
    return redirect("petitions:receipt", code=case.tracking_code)


def receipt(request: HttpRequest, code: str) -> HttpResponse:
    """The receipt right after sending: the same public facts, plus "keep this code"."""
    if throttle.is_limited(throttle.LOOKUP, request):
        return render(request, "petitions/limited.html", status=429)
    case = access.access_tracked_case(code)
    just_sent = request.session.get("petitions_receipt") == case.tracking_code
    return _tracking_page(request, case, receipt=just_sent)


def track(request: HttpRequest) -> HttpResponse:
    """/tra-cuu/: type the code; look-ups are rate limited against guessing."""
    form = TrackForm(request.GET or None)
    if request.GET and form.is_valid():
        if throttle.is_limited(throttle.LOOKUP, request):
            return render(request, "petitions/limited.html", status=429)
        throttle.hit(throttle.LOOKUP, request)
        code = services.normalise_tracking_code(form.cleaned_data["code"])
        if code and access.Case.objects.filter(tracking_code=code).exists():
            return redirect("petitions:tracked", code=code)
        form.add_error(
            "code", _("Không tìm thấy vụ việc với mã này. Hãy kiểm tra lại các chữ và số.")
        )
    return render(request, "petitions/track_form.html", {"form": form})


def tracked(request: HttpRequest, code: str) -> HttpResponse:
    if throttle.is_limited(throttle.LOOKUP, request):
        return render(request, "petitions/limited.html", status=429)
    try:
        case = access.access_tracked_case(code)
    except Http404:
        # A wrong code counts against the address: guessing codes by URL is limited too.
        throttle.hit(throttle.LOOKUP, request)
        raise
    return _tracking_page(request, case)


def _tracking_page(request, case, *, receipt=False, rate_form=None, contest_form=None):
    events = case.events.exclude(public_summary="").order_by("created_at", "pk")
    context = {
        "case": case,
        "events": events,
        "receipt": receipt,
        "split_cases": case.split_cases.all(),
        "rate_form": rate_form or RateForm(initial={"score": case.satisfaction}),
        "contest_form": contest_form or ContestForm(),
        "can_rate": case.is_closed and case.status != "withdrawn",
        "today": timezone.localdate(),
    }
    return render(request, "petitions/track.html", context)


@require_POST
def rate(request: HttpRequest, code: str) -> HttpResponse:
    case = access.access_tracked_case(code)
    if throttle.is_limited(throttle.FEEDBACK, request):
        return render(request, "petitions/limited.html", status=429)
    form = RateForm(request.POST)
    if form.is_valid():
        try:
            services.rate_case(
                case=case, score=form.cleaned_data["score"], comment=form.cleaned_data["comment"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        except DatabaseError:
            return try_again(request)
        else:
            throttle.hit(throttle.FEEDBACK, request)
            return redirect("petitions:tracked", code=case.tracking_code)
    return _tracking_page(request, case, rate_form=form)


@require_POST
def contest(request: HttpRequest, code: str) -> HttpResponse:
    case = access.access_tracked_case(code)
    if throttle.is_limited(throttle.FEEDBACK, request):
        return render(request, "petitions/limited.html", status=429)
    form = ContestForm(request.POST)
    if form.is_valid():
        try:
            services.contest_case(case=case, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_error(form, error)
        except DatabaseError:
            return try_again(request)
        else:
            throttle.hit(throttle.FEEDBACK, request)
            return redirect("petitions:tracked", code=case.tracking_code)
    return _tracking_page(request, case, contest_form=form)


def public_schedule(request: HttpRequest, slug: str) -> HttpResponse:
    """The head's reception schedule as posted (Luật Tiếp công dân 2013, Điều 24 k2)."""
    school = active_school_or_404(slug)
    sessions = (
        ReceptionSession.objects.filter(organisation=school, date__gte=timezone.localdate())
        .exclude(status=SessionStatus.CANCELLED)
        .select_related("host")
    )
    return render(
        request, "petitions/public_schedule.html", {"school": school, "sessions": sessions}
    )
