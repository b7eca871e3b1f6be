"""Pages of one person: my evaluations, one evaluation (self-assessment), notice, appeal."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gandan.core.forms import add_service_error
from gandan.core.http import AuthenticatedRequest
from gandan.evaluation import access
from gandan.evaluation.forms import AppealForm, SelfAssessmentForm
from gandan.evaluation.models import Appeal, CycleStatus, Evaluation, EvaluationCycle
from gandan.evaluation.services import appeals, assessment
from gandan.orgs.models import User
from gandan.paperwork.responses import DOCX_MIME, file_response
from gandan.paperwork.services import export_document
from gandan.petitions import access as case_access

NOTICE_FILENAME = "thong-bao-ket-qua-xep-loai.docx"


@login_required
def my_evaluations(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for(request.user)
    if not access.is_staff(request.user, school):
        raise Http404
    mine = list(
        Evaluation.objects.filter(person=request.user, cycle__organisation=school)
        # result_visible reads each cycle's organisation: one query, not one per period.
        .select_related("cycle__rule_set", "cycle__organisation")
        .order_by("-cycle__ends_on", "cycle__period_type")
    )
    visible = {e.pk for e in mine if access.result_visible(request.user, e)}
    manager = access.can_manage(request.user, school)
    leader = bool(access.led_unit_ids(request.user))
    cycles = EvaluationCycle.objects.filter(organisation=school).select_related("rule_set")
    return render(
        request,
        "evaluation/mine.html",
        {
            "school": school,
            "evaluations": mine,
            "visible": visible,
            "published": cycles.filter(status=CycleStatus.PUBLISHED),
            "cycles": cycles if manager or leader else [],
            "can_manage": manager,
        },
    )


@login_required
def evaluation_detail(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """The evaluation form; its owner fills in the self-assessment here while it is open."""
    evaluation = access.access_evaluation(request.user, public_id)
    cycle = evaluation.cycle
    own = evaluation.person_id == request.user.pk
    can_self = access.can_self(request.user, evaluation)
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
                add_service_error(form, error)
            else:
                messages.success(request, _("Đã gửi bản tự đánh giá."))
                return redirect("evaluation:detail", public_id=evaluation.public_id)
    elif request.method == "POST":
        raise Http404
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
            "result_visible": access.result_visible(request.user, evaluation),
            "history": evaluation.history.select_related("actor")[:50],
            "appeals": _appeals_seen_by(request.user, evaluation, own=own),
            "can_group": access.can_group(request.user, evaluation),
            "can_decide": access.can_decide(request.user, evaluation),
            "can_appeal": access.can_appeal(request.user, evaluation),
        },
    )


def _appeals_seen_by(user: User, evaluation: Evaluation, *, own: bool) -> list[tuple[Appeal, bool]]:
    """The appeals against this result the user may know of, each with whether the user opens
    its case: the appellant follows hers by its tracking code; others see one only where they
    may open the case in its register (the head's at the ward, not at her school)."""
    rows = []
    for appeal in evaluation.appeals.select_related("case__organisation__parent", "case__handler"):
        opens = appeal.case is not None and case_access.can(user, appeal.case, "view")
        if own or opens:
            rows.append((appeal, opens))
    return rows


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
def notice_download(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """The registered written notice, rendered again from the register's copy."""
    evaluation = access.access_evaluation(request.user, public_id)
    if evaluation.notice is None:
        raise Http404
    return file_response(
        export_document(evaluation.notice, "docx"),
        filename=NOTICE_FILENAME,
        content_type=DOCX_MIME,
    )


@login_required
def appeal(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
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
            add_service_error(form, error)
        else:
            code = filed.case.display_code if filed.case is not None else ""
            messages.success(request, _("Đã gửi đơn. Mã tra cứu hồ sơ: %(code)s.") % {"code": code})
            return redirect("evaluation:detail", public_id=evaluation.public_id)
    return render(
        request,
        "evaluation/appeal.html",
        {"evaluation": evaluation, "form": form, "body": appeals.resolving_body(evaluation)},
    )
