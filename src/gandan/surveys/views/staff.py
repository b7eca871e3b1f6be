"""Staff pages: prepare and run surveys, read results, the school's index, the printable poster."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.forms import add_service_error, error_text
from gandan.core.http import AuthenticatedRequest
from gandan.surveys import access, chart, services
from gandan.surveys.desk import with_index
from gandan.surveys.forms import LIKERT_CHOICES, EraseForm, QuestionForm, SurveyForm
from gandan.surveys.index import (
    Series,
    school_series,
    summarise,
    survey_index,
    survey_months,
)
from gandan.surveys.models import MIN_ANONYMOUS_RESULTS, Mode
from gandan.surveys.qr import qr_svg
from gandan.surveys.results import question_results


@login_required
def survey_list(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for(request.user, request.GET.get("truong"))
    full = access.can_read_results(request.user, school)
    surveys = (
        access.visible_surveys(request.user, school)
        .with_moments()
        .annotate(response_count=Count("responses"))
    )
    return render(
        request,
        "surveys/list.html",
        {
            "school": school,
            "surveys": with_index(surveys, full=full),
            "can_manage": access.can_manage_surveys(request.user, school),
            "can_read_index": access.can_read_index(request.user, school),
        },
    )


@login_required
def survey_new(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for(request.user)
    if not access.can_manage_surveys(request.user, school):
        raise Http404
    form = SurveyForm(request.POST or None, initial=SurveyForm.initial_for())
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.create_survey(
                organisation=school, actor=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            _add_mapped_error(form, error)
        else:
            messages.success(request, _("Đã tạo khảo sát. Hãy thêm các câu hỏi."))
            return redirect("surveys:detail", public_id=survey.public_id)
    return render(request, "surveys/form.html", {"form": form, "school": school, "survey": None})


# The services speak of moments; the survey form asks for days.
_FORM_FIELDS = {"opens_at": "opens_on", "closes_at": "closes_on"}


def _add_mapped_error(form: forms.BaseForm, error: ValidationError) -> None:
    """core.forms.add_service_error, with the services' moments named as the form's days."""
    if hasattr(error, "error_dict"):
        error = ValidationError(
            {_FORM_FIELDS.get(name, name): errors for name, errors in error.error_dict.items()}
        )
    add_service_error(form, error)


@login_required
def survey_edit(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    survey = access.access_survey(request.user, public_id, for_write=True)
    if not survey.is_draft:
        messages.error(request, _("Khảo sát đã mở lấy ý kiến nên không sửa được."))
        return redirect("surveys:detail", public_id=survey.public_id)
    form = SurveyForm(request.POST or None, initial=SurveyForm.initial_for(survey))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_survey(survey=survey, actor=request.user, **form.service_arguments())
        except ValidationError as error:
            _add_mapped_error(form, error)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("surveys:detail", public_id=survey.public_id)
    context = {"form": form, "school": survey.organisation, "survey": survey}
    return render(request, "surveys/form.html", context)


def _public_url(request: HttpRequest, survey) -> str:
    return request.build_absolute_uri(reverse("surveys:answer", args=[survey.public_id]))


@login_required
def survey_detail(
    request: AuthenticatedRequest, public_id: str, question_form=None
) -> HttpResponse:
    survey = access.access_survey(request.user, public_id)
    can_manage = access.can_manage_surveys(request.user, survey.organisation)
    editable = can_manage and survey.is_draft
    context = {
        "survey": survey,
        "school": survey.organisation,
        "questions": list(survey.questions.all()),
        "can_manage": can_manage,
        "editable": editable,
        "question_form": (question_form or QuestionForm()) if editable else None,
        "public_url": _public_url(request, survey),
        "response_count": survey.responses.count(),
        "events": survey.events.select_related("actor").order_by("-created_at", "-pk")[:20],
        "can_read_results": access.can_read_results(request.user, survey.organisation)
        or survey.is_closed,
    }
    return render(request, "surveys/detail.html", context, status=400 if question_form else 200)


@login_required
@require_POST
def question_add(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    survey = access.access_survey(request.user, public_id, for_write=True)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        return survey_detail(request, public_id, question_form=form)
    try:
        services.add_question(
            survey=survey,
            actor=request.user,
            kind=form.cleaned_data["kind"],
            text=form.cleaned_data["text"],
            required=form.cleaned_data["required"],
            options=form.option_list(),
        )
    except ValidationError as error:
        _add_mapped_error(form, error)
        return survey_detail(request, public_id, question_form=form)
    messages.success(request, _("Đã thêm câu hỏi."))
    return redirect(reverse("surveys:detail", args=[survey.public_id]) + "#cau-hoi")


@login_required
@require_POST
def question_remove(request: AuthenticatedRequest, public_id: str, pk: int) -> HttpResponse:
    question = access.access_question(request.user, public_id, pk)
    try:
        services.remove_question(question=question, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã bỏ câu hỏi."))
    return redirect("surveys:detail", public_id=public_id)


@login_required
@require_POST
def survey_open(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    survey = access.access_survey(request.user, public_id, for_write=True)
    try:
        services.open_survey(survey=survey, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã mở lấy ý kiến. In mã QR để dán lên bảng tin."))
    return redirect("surveys:detail", public_id=survey.public_id)


@login_required
@require_POST
def survey_close(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    survey = access.access_survey(request.user, public_id, for_write=True)
    try:
        services.close_survey(survey=survey, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã kết thúc lấy ý kiến."))
    return redirect("surveys:results", public_id=survey.public_id)


def _survey_series(survey, index) -> Series:
    months = survey_months(survey)
    points = [(month, summarise(moments)) for month, moments in sorted(months.items())]
    return Series("survey", survey.title, points, index)


@login_required
def survey_results(request: AuthenticatedRequest, public_id: str, erase_form=None) -> HttpResponse:
    survey, full = access.access_results(request.user, public_id)
    can_manage = access.can_manage_surveys(request.user, survey.organisation)
    response_count = survey.responses.count()
    context = {
        "survey": survey,
        "school": survey.organisation,
        "full": full,
        "response_count": response_count,
        "withheld": survey.results_withheld(response_count),
        "minimum": MIN_ANONYMOUS_RESULTS,
        "erase_form": (erase_form or EraseForm())
        if can_manage and survey.mode == Mode.IDENTIFIED
        else None,
    }
    if context["withheld"] is None:
        # Nothing of the answers is read when the results are withheld, not even the index.
        index = survey_index(survey)
        series = _survey_series(survey, index)
        context |= {
            "index": index,
            "series": series,
            "chart": chart.index_chart(
                [series], chart_id="bieu-do-khao-sat", title=_("Chỉ số hài lòng theo tháng")
            ),
            "month_rows": [(chart.month_label(m), v) for m, v in series.points],
            "results": question_results(
                survey, with_texts=full, likert_labels=dict(LIKERT_CHOICES)
            ),
        }
    return render(request, "surveys/results.html", context, status=400 if erase_form else 200)


@login_required
@require_POST
def response_erase(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    survey = access.access_survey(request.user, public_id, for_write=True)
    form = EraseForm(request.POST)
    if not form.is_valid():
        return survey_results(request, public_id, erase_form=form)
    try:
        erased = services.erase_response(
            survey=survey, actor=request.user, identifier=form.cleaned_data["identifier"]
        )
    except ValidationError as error:
        _add_mapped_error(form, error)
        return survey_results(request, public_id, erase_form=form)
    if erased:
        messages.success(request, _("Đã xóa câu trả lời của người đề nghị."))
    else:
        messages.error(request, _("Không có câu trả lời nào ứng với thông tin này."))
    return redirect("surveys:results", public_id=survey.public_id)


@login_required
def survey_poster(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """The printable notice: title, QR code, link in large type."""
    survey = access.access_survey(request.user, public_id)
    url = _public_url(request, survey)
    return render(
        request,
        "surveys/poster.html",
        {
            "survey": survey,
            "school": survey.organisation,
            "url": url,
            "qr": qr_svg(url, title=_("Mã QR mở phiếu khảo sát: %(url)s") % {"url": url}),
        },
    )


@login_required
def satisfaction_index(request: AuthenticatedRequest) -> HttpResponse:
    """The school's index over time: surveys, case ratings, and the two pooled."""
    school = access.school_for(request.user, request.GET.get("truong"))
    if not access.can_read_index(request.user, school):
        raise Http404
    series = school_series(school)
    months = sorted({month for s in series for month, _value in s.points})
    by_series = [dict(s.points) for s in series]
    return render(
        request,
        "surveys/index.html",
        {
            "school": school,
            "series": series,
            "chart": chart.index_chart(
                series,
                chart_id="bieu-do-chi-so",
                title=_("Chỉ số hài lòng của nhà trường theo tháng"),
            ),
            "rows": [
                (chart.month_label(month), [values.get(month) for values in by_series])
                for month in reversed(months)
            ],
        },
    )
