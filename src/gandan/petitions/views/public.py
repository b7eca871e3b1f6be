"""Public pages, no account needed: send a case, follow it by its tracking code, rate it.

Nothing a citizen typed is rendered unescaped (Django autoescaping; no |safe anywhere on
these templates). The tracking page shows only what the timeline marks public.
"""

import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.forms import add_service_error, error_text
from gandan.orgs.access import active_school_or_404
from gandan.petitions import access, citizen_messages, services, throttle
from gandan.petitions.forms.public import (
    KIND_HELP,
    KIND_ORDER,
    ContestForm,
    PublicSubmissionForm,
    RateForm,
    TrackForm,
)
from gandan.petitions.models import Channel, ReceptionSession, SessionStatus
from gandan.petitions.services.intake import receipt_notice
from gandan.petitions.views.responses import try_again

logger = logging.getLogger(__name__)
SUBMISSION_FIELDS = set(PublicSubmissionForm.base_fields)


def _intake_context(school, form, limited: str = "") -> dict:
    kinds = [(kind.value, kind.label, KIND_HELP[kind]) for kind in KIND_ORDER]
    return {"school": school, "form": form, "kinds": kinds, "limited": limited}


def intake(request: HttpRequest, slug: str) -> HttpResponse:
    """/gui-y-kien/<school>/: the public form; a POST stores the case and shows its receipt.

    Limited by address, session and sender (throttle.py); a tripped limit shows the form again
    with what was typed and how long to wait."""
    school = active_school_or_404(slug)
    if request.method != "POST":
        throttle.visitor(request, create=True)  # the session the per-session limit counts
        form = PublicSubmissionForm(initial={"token": PublicSubmissionForm.new_token()})
        return render(request, "petitions/intake.html", _intake_context(school, form))
    form = PublicSubmissionForm(request.POST, request.FILES)
    if request.POST.get("website"):
        # The honeypot: hidden from people, filled by scripts. Nothing is stored.
        throttle.record_rejected(request)
        return render(request, "petitions/rejected.html", status=400)
    if not form.is_valid():
        return render(request, "petitions/intake.html", _intake_context(school, form), status=400)
    data = form.cleaned_data
    sender = {"phone": data["phone"], "email": data["email"]}
    upload_bytes = sum(upload.size or 0 for upload in data["attachments"])
    refusal = throttle.check_intake(request, upload_bytes=upload_bytes, **sender)
    if refusal is not None:
        message = refusal.message
        if upload_bytes:
            message += " " + _("Tệp đính kèm cần chọn lại khi gửi.")
        context = _intake_context(school, form, limited=message)
        response = render(request, "petitions/intake.html", context, status=429)
        response["Retry-After"] = str(refusal.retry_after)
        return response
    started = timezone.now()
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
        # Nothing was stored; the form comes back with what was typed, never a bare page.
        logger.exception("public intake failed for %s", school.slug)
        message = _(
            "Hệ thống đang bận nên đơn chưa được lưu, xin thử lại sau ít phút. Nội dung ông (bà) "
            "đã viết vẫn còn dưới đây: bấm Gửi lại, hoặc liên hệ trực tiếp nhà trường."
        )
        if upload_bytes:
            message += " " + _("Tệp đính kèm cần chọn lại khi gửi.")
        context = _intake_context(school, form, limited=message)
        response = render(request, "petitions/intake.html", context, status=503)
        response["Retry-After"] = "60"
        return response
    notice = receipt_notice(case)
    if notice:
        messages.info(request, notice)
    if case.created_at >= started:  # a resent form returns the case stored then: counted then
        throttle.record_intake(request, upload_bytes=upload_bytes, **sender)
    request.session["petitions_receipt"] = case.tracking_code
    return redirect("petitions:receipt", code=case.tracking_code)


def _lookup_refused(request: HttpRequest, code: str, refusal: throttle.Refusal) -> HttpResponse:
    """The look-up form again, the code in it, with the calm message (429)."""
    form = TrackForm(initial={"code": code})
    response = render(
        request,
        "petitions/track_form.html",
        {"form": form, "limited": refusal.message},
        status=429,
    )
    response["Retry-After"] = str(refusal.retry_after)
    return response


def _tracked_case_or_404(request: HttpRequest, code: str):
    try:
        return access.access_tracked_case(code)
    except Http404:
        # A wrong code counts against the address: guessing codes is limited on every
        # endpoint that takes one.
        throttle.record_miss(request)
        raise


def receipt(request: HttpRequest, code: str) -> HttpResponse:
    """The receipt right after sending: the same public facts, plus "keep this code".

    Counted like every look-up; the sender's own receipt (this session just sent it) is shown
    even past a limit, so that nobody loses the code of what they sent."""
    refusal = throttle.check_lookup(request, code)
    case = _tracked_case_or_404(request, code)
    just_sent = request.session.get("petitions_receipt") == case.tracking_code
    if refusal is not None and not just_sent:
        return _lookup_refused(request, code, refusal)
    return _tracking_page(request, case, receipt=just_sent)


def track(request: HttpRequest) -> HttpResponse:
    """/tra-cuu/: type the code; look-ups are rate limited against guessing."""
    form = TrackForm(request.GET or None)
    if request.GET and form.is_valid():
        code = services.normalise_tracking_code(form.cleaned_data["code"])
        refusal = throttle.check_lookup(request, code)
        if refusal is not None:
            response = render(
                request,
                "petitions/track_form.html",
                {"form": form, "limited": refusal.message},
                status=429,
            )
            response["Retry-After"] = str(refusal.retry_after)
            return response
        if code and access.Case.objects.filter(tracking_code=code).exists():
            return redirect("petitions:tracked", code=code)
        throttle.record_miss(request)
        form.add_error(
            "code", _("Không tìm thấy vụ việc với mã này. Hãy kiểm tra lại các chữ và số.")
        )
    return render(request, "petitions/track_form.html", {"form": form})


def tracked(request: HttpRequest, code: str) -> HttpResponse:
    refusal = throttle.check_lookup(request, code)
    if refusal is not None:
        return _lookup_refused(request, code, refusal)
    return _tracking_page(request, _tracked_case_or_404(request, code))


def _tracking_page(
    request, case, *, receipt=False, rate_form=None, contest_form=None, limited=None, refused=""
):
    events = case.events.exclude(public_summary="").order_by("created_at", "pk")
    context = {
        "case": case,
        "events": events,
        "receipt": receipt,
        "split_cases": case.split_cases.all(),
        "letters": access.citizen_letters(case, timezone.localdate()),
        "announcements": citizen_messages.announcements(case),
        "rate_form": rate_form or RateForm(initial={"score": case.satisfaction}),
        "contest_form": contest_form or ContestForm(),
        "can_rate": case.is_closed and case.status != "withdrawn",
        "today": timezone.localdate(),
        "limited": limited.message if limited else refused,
    }
    status = 429 if limited else 400 if refused else 200
    response = render(request, "petitions/track.html", context, status=status)
    if limited:
        response["Retry-After"] = str(limited.retry_after)
    return response


def _feedback(request: HttpRequest, code: str, form_class, store) -> HttpResponse:
    """Rating or contesting: counted as a look-up and as feedback; a tripped limit shows the
    tracking page with the typed form and the message."""
    lookup = throttle.check_lookup(request, code)
    case = _tracked_case_or_404(request, code)
    form = form_class(request.POST)
    bound = "rate_form" if form_class is RateForm else "contest_form"
    refusal = lookup or throttle.check_feedback(request, case.tracking_code)
    if refusal is not None:
        form.is_valid()  # shows the typed text back, with any error beside it
        return _tracking_page(request, case, limited=refusal, **{bound: form})
    if form.is_valid():
        try:
            store(case, form.cleaned_data)
        except ValidationError as error:
            # Shown above the page too: a reopened case no longer shows these forms.
            add_service_error(form, error)
            return _tracking_page(request, case, refused=error_text(error), **{bound: form})
        except DatabaseError:
            return try_again(request)
        else:
            throttle.record_feedback(request, case.tracking_code)
            return redirect("petitions:tracked", code=case.tracking_code)
    return _tracking_page(request, case, **{bound: form})


@require_POST
def rate(request: HttpRequest, code: str) -> HttpResponse:
    return _feedback(
        request,
        code,
        RateForm,
        lambda case, data: services.rate_case(
            case=case, score=data["score"], comment=data["comment"]
        ),
    )


@require_POST
def contest(request: HttpRequest, code: str) -> HttpResponse:
    return _feedback(
        request,
        code,
        ContestForm,
        lambda case, data: services.contest_case(case=case, reason=data["reason"]),
    )


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
