"""Pages of one person: my evaluations, one evaluation (self-assessment), notice, appeal."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gandan.evaluation import access
from gandan.evaluation.forms import AppealForm, SelfAssessmentForm
from gandan.evaluation.models import CycleStatus, Evaluation, EvaluationCycle, EvaluationStatus
from gandan.evaluation.services import appeals, assessment
from gandan.paperwork.services import export_document

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def add_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form's fields (unknown fields: the whole form)."""
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def result_visible(evaluation: Evaluation) -> bool:
    """The person sees the decided level once the cycle is closed."""
    return evaluation.cycle.status != CycleStatus.OPEN


@login_required
def my_evaluations(request: HttpRequest) -> HttpResponse:
    school = access.school_for(request.user)
    if not access.is_staff(request.user, school):
        raise Http404
    mine = list(
        Evaluation.objects.filter(person=request.user, cycle__organisation=school)
        .select_related("cycle__rule_set")
        .order_by("-cycle__ends_on", "cycle__period_type")
    )
    for evaluation in mine:
        evaluation.result_visible = result_visible(evaluation)
    manager = access.can_manage(request.user, school)
    leader = bool(access.led_unit_ids(request.user))
    cycles = EvaluationCycle.objects.filter(organisation=school).select_related("rule_set")
    return render(
        request,
        "evaluation/mine.html",
        {
            "school": school,
            "evaluations": mine,
            "published": cycles.filter(status=CycleStatus.PUBLISHED),
            "cycles": cycles if manager or leader else [],
            "can_manage": manager,
        },
    )


@login_required
def evaluation_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    """The evaluation form; its owner fills in the self-assessment here while it is open."""
    evaluation = access.access_evaluation(request.user, public_id)
    cycle = evaluation.cycle
    own = evaluation.person_id == request.user.pk
    can_self = (
        own
        and cycle.is_open
        and evaluation.status in (EvaluationStatus.PENDING, EvaluationStatus.SELF_ASSESSED)
    )
    form = None
    if can_self:
        initial = {
            "general": evaluation.self_general,
            "task": evaluation.self_task,
            "task_reason": evaluation.self_task_reason,
            "level": evaluation.self_level,
            "comment": evaluation.self_comment,
        }
        form = SelfAssessmentForm(request.POST or None, cycle=cycle, initial=initial)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                assessment.submit_self_assessment(
                    evaluation=evaluation,
                    actor=request.user,
                    comment=data["comment"],
                    general=data.get("general"),
                    task=data.get("task"),
                    task_reason=data.get("task_reason", ""),
                    level=data.get("level", ""),
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Đã gửi bản tự đánh giá."))
                return redirect("evaluation:detail", public_id=evaluation.public_id)
    elif request.method == "POST":
        raise Http404
    manager = access.can_manage(request.user, cycle.organisation)
    tasks = assessment.period_tasks(evaluation) if can_self or not evaluation.task_basis else None
    suggestion = (
        tasks.suggested(cycle.unit_rules, cycle.rule_set.task_max) if tasks is not None else None
    )
    return render(
        request,
        "evaluation/detail.html",
        {
            "evaluation": evaluation,
            "cycle": cycle,
            "form": form,
            "own": own,
            "tasks": tasks.results if tasks is not None else None,
            "basis": evaluation.task_basis,
            "basis_tasks": _basis_tasks(evaluation.task_basis),
            "suggestion": suggestion if tasks is not None else evaluation.suggested_task,
            "result_visible": result_visible(evaluation) or manager or not own,
            "history": evaluation.history.select_related("actor")[:50],
            "appeals": evaluation.appeals.select_related("case"),
            "can_group": not own
            and cycle.is_open
            and evaluation.status
            in (
                EvaluationStatus.SELF_ASSESSED,
                EvaluationStatus.REVIEWED,
            ),
            "can_decide": manager and cycle.is_open and (not own or evaluation.is_head),
            "can_appeal": own
            and evaluation.is_decided
            and bool(evaluation.notified_at or evaluation.published_at),
        },
    )


def _basis_tasks(basis: dict) -> list[dict]:
    """The stored task list with its ISO dates read back as dates, for display."""
    return [
        task
        | {
            "due": dt.date.fromisoformat(task["due"]),
            "done": dt.date.fromisoformat(task["done"]) if task.get("done") else None,
        }
        for task in basis.get("tasks", [])
    ]


@login_required
def notice_download(request: HttpRequest, public_id: str) -> HttpResponse:
    """The registered written notice, rendered again from the register's copy."""
    evaluation = access.access_evaluation(request.user, public_id)
    if evaluation.notice_id is None:
        raise Http404
    response = HttpResponse(export_document(evaluation.notice, "docx"), content_type=DOCX)
    response["Content-Disposition"] = 'attachment; filename="thong-bao-ket-qua-xep-loai.docx"'
    return response


@login_required
def appeal(request: HttpRequest, public_id: str) -> HttpResponse:
    evaluation = access.access_evaluation(request.user, public_id, action="appeal")
    form = AppealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            filed = appeals.file_appeal(
                evaluation=evaluation,
                actor=request.user,
                text=data["text"],
                consent=data["consent"],
                kind=data["kind"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã gửi đơn. Mã tra cứu hồ sơ: %(code)s.") % {"code": filed.case.display_code},
            )
            return redirect("evaluation:detail", public_id=evaluation.public_id)
    return render(request, "evaluation/appeal.html", {"evaluation": evaluation, "form": form})


def desk_panel(user, today):
    """The desk panel: forms waiting for the user (self-assessment, the tổ's opinions)."""
    open_rows = Evaluation.objects.filter(cycle__status=CycleStatus.OPEN).select_related(
        "cycle", "person"
    )
    mine = list(open_rows.filter(person=user, status=EvaluationStatus.PENDING)[:10])
    units = access.led_unit_ids(user) if user.is_authenticated else set()
    to_review = (
        list(
            open_rows.filter(unit__in=units, status=EvaluationStatus.SELF_ASSESSED)
            .exclude(person=user)
            .order_by("person__sort_key")[:20]
        )
        if units
        else []
    )
    return {"mine": mine, "to_review": to_review, "count": len(mine) + len(to_review)}
