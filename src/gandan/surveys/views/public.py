"""Public pages, no account needed: the school's open surveys, the answer sheet, thanks.

Nothing here writes to the session (a session row would date an anonymous answer): the
"already answered on this device" hint is a cookie that stays in the browser, the throttle
and the double-submission guard live in the cache.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gandan.core.forms import add_service_error
from gandan.orgs.access import active_school_or_404
from gandan.petitions import throttle
from gandan.surveys import access, services
from gandan.surveys.forms import ResponseForm
from gandan.surveys.models import Audience, Mode, Survey

# A class of parents scanning the notice-board code on the school's Wi-Fi share one address,
# so the limit is generous; the honeypot stops the simplest scripts.
ANSWERS = throttle.Limit("survey-answers", 60, 600)
TOKEN_SECONDS = 3600
HINT_MAX_AGE = 365 * 24 * 3600


def _hint_cookie(survey: Survey) -> str:
    return f"khaosat-{survey.public_id}"


def school_surveys(request: HttpRequest, slug: str) -> HttpResponse:
    """/truong/<school>/khao-sat/: the surveys parents and citizens can answer now."""
    school = active_school_or_404(slug)
    return render(
        request,
        "surveys/public_list.html",
        {"school": school, "surveys": access.public_surveys(school)},
    )


def _form(survey: Survey, questions, data=None) -> ResponseForm:
    return ResponseForm(
        data,
        questions=questions,
        identified=survey.mode == Mode.IDENTIFIED,
        ask_identifier=survey.audience != Audience.STAFF,
        initial=None if data else {"token": ResponseForm.new_token()},
    )


def _page(request, survey, form, *, status: int = 200) -> HttpResponse:
    context = {
        "survey": survey,
        "school": survey.organisation,
        "form": form,
        "answered_here": request.COOKIES.get(_hint_cookie(survey)) == "1",
    }
    return render(request, "surveys/answer.html", context, status=status)


def answer(request: HttpRequest, public_id: str) -> HttpResponse:
    """/khao-sat/<id>/: the answer sheet; a POST stores the answers and thanks."""
    try:
        survey = access.access_public_survey(request.user, public_id)
    except access.SignInRequired:
        return redirect_to_login(request.get_full_path())
    if not survey.is_accepting():
        return render(request, "surveys/not_accepting.html", {"survey": survey})
    questions = list(survey.questions.all())
    if request.method != "POST":
        return _page(request, survey, _form(survey, questions))
    if throttle.is_limited(ANSWERS, request):
        return render(request, "surveys/limited.html", status=429)
    throttle.hit(ANSWERS, request)
    if request.POST.get("website"):
        # The honeypot: hidden from people, filled by scripts. Nothing is stored.
        return render(request, "surveys/rejected.html", status=400)
    form = _form(survey, questions, request.POST)
    if not form.is_valid():
        return _page(request, survey, form, status=400)
    token_key = f"gandan:surveys:token:{form.cleaned_data['token']}"
    if form.cleaned_data["token"] and not cache.add(token_key, 1, timeout=TOKEN_SECONDS):
        return redirect("surveys:thanks", public_id=survey.public_id)  # a double tap
    try:
        services.submit_response(
            survey=survey,
            answers=form.answers(),
            identifier=form.cleaned_data.get("identifier") or "",
            account=request.user if request.user.is_authenticated else None,
            consent=bool(form.cleaned_data.get("consent")),
        )
    except ValidationError as error:
        cache.delete(token_key)
        add_service_error(form, error)
        return _page(request, survey, form, status=400)
    response = redirect("surveys:thanks", public_id=survey.public_id)
    response.set_cookie(
        _hint_cookie(survey),
        "1",
        max_age=HINT_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def thanks(request: HttpRequest, public_id: str) -> HttpResponse:
    """/khao-sat/<id>/cam-on/."""
    try:
        survey = access.access_public_survey(request.user, public_id)
    except access.SignInRequired:
        return redirect_to_login(request.get_full_path())
    return render(request, "surveys/thanks.html", {"survey": survey, "school": survey.organisation})
