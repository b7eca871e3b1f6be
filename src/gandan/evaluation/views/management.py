"""Pages of the tổ leaders and managers: cycles, meeting opinions, decisions, closing,
notices, publication; and the published results and counts."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.forms import add_service_error
from gandan.core.http import AuthenticatedRequest
from gandan.evaluation import access
from gandan.evaluation.forms import (
    DateForm,
    DecisionForm,
    GroupOpinionForm,
    OpenCycleForm,
    UnitLevelForm,
)
from gandan.evaluation.models import Evaluation, EvaluationCycle, EvaluationStatus
from gandan.evaluation.rules import Level
from gandan.evaluation.services import assessment, cycles, results


@login_required
def cycle_open(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for(request.user)
    if not access.can_manage(request.user, school):
        raise Http404
    today = timezone.localdate()
    form = OpenCycleForm(
        request.POST or None,
        initial={
            "year": today.year if today.month >= 9 else today.year - 1,
            "period_type": "quarter",
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cycle = cycles.open_cycle(
                organisation=school,
                actor=request.user,
                period_type=data["period_type"],
                year=data["year"],
                number=data["number"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã mở kỳ đánh giá %(label)s.") % {"label": cycle.label})
            return redirect("evaluation:cycle", public_id=cycle.public_id)
    return render(request, "evaluation/cycle_open.html", {"form": form, "school": school})


@login_required
def cycle_detail(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """Managers: the whole unit, the quota and what stops closing. Tổ leaders: their tổ."""
    cycle = access.access_cycle(request.user, public_id)
    manager = access.can_manage(request.user, cycle.organisation)
    rows = list(
        access.visible_evaluations(request.user, cycle)
        .select_related("person", "unit", "cycle__rule_set")
        .order_by("unit__name", "person__sort_key")
    )
    context = {
        "cycle": cycle,
        "rows": rows,
        "can_manage": manager,
        "counts": results.level_counts(cycle) if manager else [],
        "events": cycle.events.select_related("actor")[:20] if manager else [],
    }
    if manager:
        context["quota"] = results.quota_report(cycle, rows)
        context["problems"] = results.problems(cycle, rows) if cycle.is_open else []
        context["unit_level_form"] = (
            UnitLevelForm(
                initial={"level": cycle.unit_level, "reference": cycle.unit_level_reference}
            )
            if cycle.is_year and cycle.is_open
            else None
        )
        context["date_form"] = DateForm(initial={"day": timezone.localdate()})
        context["unnotified"] = sum(
            1 for row in rows if row.notice_id is None and not row.decided_above
        )
    return render(request, "evaluation/cycle.html", context)


@login_required
def group_opinion(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    evaluation = access.access_evaluation(request.user, public_id, action="group")
    cycle = evaluation.cycle
    form = GroupOpinionForm(
        request.POST or None,
        cycle=cycle,
        evaluation=evaluation,
        initial={
            "minutes": evaluation.group_minutes,
            "level": evaluation.group_level or evaluation.self_level,
            "party_opinion": evaluation.party_opinion,
        }
        | ({"meeting_on": evaluation.group_meeting_on} if evaluation.group_meeting_on else {}),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assessment.record_group_opinion(
                evaluation=evaluation,
                actor=request.user,
                meeting_on=data["meeting_on"],
                minutes=data["minutes"],
                level=data.get("level", ""),
                party_opinion=data.get("party_opinion", ""),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã ghi ý kiến cuộc họp."))
            return redirect("evaluation:detail", public_id=evaluation.public_id)
    return render(
        request, "evaluation/group_opinion.html", {"evaluation": evaluation, "form": form}
    )


@login_required
def decide(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    evaluation = access.access_evaluation(request.user, public_id, action="decide")
    cycle = evaluation.cycle
    levels = assessment.allowed_levels(evaluation, cycle) if cycle.is_year else []
    top = assessment.ceiling(evaluation, cycle) if cycle.is_year else None
    initial = {
        "general": evaluation.general_score
        if evaluation.general_score is not None
        else evaluation.self_general,
        "task": evaluation.task_score
        if evaluation.task_score is not None
        else evaluation.self_task,
        "level": evaluation.level or (levels[0] if levels else ""),
        "months_worked": evaluation.months_worked,
        "months_absent": evaluation.months_absent,
        "leave_reason": evaluation.leave_reason,
        "disqualification": evaluation.disqualification,
        "disqualification_note": evaluation.disqualification_note,
        "decision_reference": evaluation.decision_reference,
        "note": evaluation.decision_note,
    }
    form = DecisionForm(
        request.POST or None, cycle=cycle, evaluation=evaluation, levels=levels, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assessment.decide_evaluation(
                evaluation=evaluation,
                actor=request.user,
                level=data.get("level", ""),
                general=data.get("general"),
                task=data.get("task"),
                reason=data.get("reason", ""),
                disqualification=data.get("disqualification", ""),
                disqualification_note=data.get("disqualification_note", ""),
                months_worked=data.get("months_worked"),
                months_absent=data.get("months_absent"),
                leave_reason=data.get("leave_reason") if "leave_reason" in form.fields else None,
                decision_reference=data.get("decision_reference", ""),
                note=data.get("note", ""),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã ghi quyết định."))
            if evaluation.decided_above:
                return redirect("evaluation:managed")
            return redirect("evaluation:cycle", public_id=cycle.public_id)
    return render(
        request,
        "evaluation/decide.html",
        {
            "evaluation": evaluation,
            "cycle": cycle,
            "form": form,
            "ceiling": top,
            "ceiling_label": Level(top).label if top else "",
        },
    )


@dataclass(frozen=True)
class ManagedRow:
    """One evaluation the managing body decides, with what its officer may do on it now."""

    evaluation: Evaluation
    can_decide: bool
    can_notify: bool


@login_required
def managed(request: AuthenticatedRequest) -> HttpResponse:
    """The managing body's page: the heads of the schools below it, whose evaluation it
    decides and notifies (NĐ 233/2026, Điều 13 k3a, Điều 15 k2đ)."""
    if not access.managed_body_ids(request.user):
        raise Http404
    evaluations = list(
        access.evaluations_for_managing_body(request.user)
        .select_related("person", "cycle__organisation__parent", "cycle__rule_set", "notice")
        .order_by("-cycle__ends_on", "cycle__organisation__name", "person__sort_key")[:200]
    )
    rows = [
        ManagedRow(
            evaluation=e,
            can_decide=access.can_decide(request.user, e),
            can_notify=access.can_notify_above(request.user, e),
        )
        for e in evaluations
    ]
    waiting = [row for row in rows if row.can_decide and not row.evaluation.is_decided]
    to_notify = [row for row in rows if row.can_notify]
    others = [row for row in rows if row not in waiting and row not in to_notify]
    return render(
        request,
        "evaluation/managed.html",
        {
            "waiting": waiting,
            "to_notify": to_notify,
            "others": others,
            "date_form": DateForm(initial={"day": timezone.localdate()}),
        },
    )


@login_required
@require_POST
def notify_managed(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """The managing body's written notice of the head's result, in its own register."""
    evaluation = access.access_evaluation(request.user, public_id, action="notify")
    try:
        document = results.notify_managed_result(
            evaluation=evaluation, actor=request.user, issued_on=_day(request)
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Đã ban hành thông báo số %(number)s.") % {"number": document.number_symbol},
        )
    return redirect("evaluation:managed")


def _cycle_action(request, public_id: str, run, success: str) -> HttpResponse:
    cycle = access.access_cycle(request.user, public_id, action="manage")
    try:
        outcome = run(cycle)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success % {"n": outcome if isinstance(outcome, int) else 0})
    return redirect("evaluation:cycle", public_id=cycle.public_id)


@login_required
@require_POST
def unit_level(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    form = UnitLevelForm(request.POST)

    def run(cycle):
        if not form.is_valid():
            raise ValidationError(_("Hãy chọn mức và ghi văn bản công nhận."))
        return cycles.record_unit_level(
            cycle=cycle,
            actor=request.user,
            level=form.cleaned_data["level"],
            reference=form.cleaned_data["reference"],
        )

    return _cycle_action(request, public_id, run, _("Đã ghi mức xếp loại của đơn vị."))


@login_required
@require_POST
def compute_year(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    return _cycle_action(
        request,
        public_id,
        lambda cycle: results.compute_year_scores(cycle=cycle, actor=request.user),
        _("Đã tổng hợp điểm năm (%(n)d người thay đổi)."),
    )


@login_required
@require_POST
def finalise(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    return _cycle_action(
        request,
        public_id,
        lambda cycle: results.finalise_cycle(cycle=cycle, actor=request.user),
        _("Đã chốt kết quả."),
    )


def _day(request) -> dt.date:
    form = DateForm(request.POST)
    if not form.is_valid():
        raise ValidationError(_("Ngày không hợp lệ."))
    return form.cleaned_data["day"]


@login_required
@require_POST
def notify(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    return _cycle_action(
        request,
        public_id,
        lambda cycle: results.notify_results(
            cycle=cycle, actor=request.user, issued_on=_day(request)
        ),
        _("Đã ban hành %(n)d thông báo kết quả."),
    )


@login_required
@require_POST
def publish(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    return _cycle_action(
        request,
        public_id,
        lambda cycle: results.publish_results(
            cycle=cycle, actor=request.user, published_on=_day(request)
        ),
        _("Đã công khai kết quả trong đơn vị."),
    )


@login_required
def published_results(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """The unit's published results: names, titles, scores and levels; nothing else."""
    cycle = access.access_cycle(request.user, public_id, action="results")
    rows = cycle.evaluations.select_related("person").order_by("person__sort_key")
    return render(
        request,
        "evaluation/results.html",
        {"cycle": cycle, "rows": rows, "counts": results.level_counts(cycle)},
    )


@dataclass(frozen=True)
class CycleCounts:
    """One cycle's row of the counts page: people per level, no names."""

    cycle: EvaluationCycle
    people: int
    tally: list[tuple[str, int]]
    not_rated: int


@login_required
def counts(request: AuthenticatedRequest) -> HttpResponse:
    """Numbers per level and cycle: for managers and the authorities above, no names."""
    school = access.school_for(request.user, request.GET.get("truong"))
    if not access.can_read_counts(request.user, school):
        raise Http404
    cycle_rows = list(
        EvaluationCycle.objects.filter(organisation=school)
        .select_related("rule_set")
        .annotate(people=Count("evaluations"))
    )
    tally: dict[int, dict[str, int]] = defaultdict(dict)
    for cycle_id, level, status, number in (
        EvaluationCycle.objects.filter(organisation=school)
        .values_list("pk", "evaluations__level", "evaluations__status")
        .annotate(n=Count("evaluations"))
    ):
        key = "not_rated" if status == EvaluationStatus.NOT_RATED else level
        if key:
            tally[cycle_id][key] = tally[cycle_id].get(key, 0) + number
    rows = [
        CycleCounts(
            cycle=cycle,
            people=cycle.people,
            tally=[(str(label), tally[cycle.pk].get(value, 0)) for value, label in Level.choices],
            not_rated=tally[cycle.pk].get("not_rated", 0),
        )
        for cycle in cycle_rows
    ]
    return render(request, "evaluation/counts.html", {"school": school, "cycles": rows})
