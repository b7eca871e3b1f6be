"""The steps of one person's evaluation: self-assessment, the tổ's opinion, the decision.

NĐ 233/2026, Điều 15 k3 (staff without a management post): (a) the person reports on the
Phụ lục II form; (b) a meeting of the tổ (or unit) gives opinions, minuted and adopted;
(c) the competent person decides. Điều 15 k2 (head, deputies) adds the Party committee's
opinion. Every score or level that changes leaves a ScoreHistory row.
"""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.evaluation import events, notices, rules
from gandan.evaluation.documents import points_text
from gandan.evaluation.models import (
    Disqualification,
    Evaluation,
    EvaluationCycle,
    EvaluationStatus,
    EventKind,
)
from gandan.evaluation.rules import LeaveReason, Level
from gandan.evaluation.task_results import TaskSummary, task_results
from gandan.orgs.models import User

DECISION_FIELDS = [
    "months_worked",
    "months_absent",
    "leave_reason",
    "disqualification",
    "disqualification_note",
    "decision_reference",
    "decision_note",
    "general_score",
    "task_score",
    "score",
    "proposed_level",
    "level",
    "not_rated_reason",
    "status",
    "decided_by",
    "decided_at",
    "updated_at",
]
NOT_RATED_REASON = "thời gian làm việc trong năm chưa đủ {months} tháng ({article})"


def _lock(evaluation: Evaluation) -> Evaluation:
    locked = (
        # Only this row is locked: PostgreSQL refuses FOR UPDATE on the nullable side of a join.
        Evaluation.objects.select_for_update(of=("self",))
        .select_related("cycle__rule_set", "cycle__unit_rules", "cycle__organisation", "person")
        .get(pk=evaluation.pk)
    )
    if locked.cycle.status != "open":
        raise ValidationError(_("Kỳ đánh giá này đã chốt kết quả, không sửa được."))
    return locked


def _score(value, maximum: Decimal | None, field: str, label: str) -> Decimal:
    if value in (None, ""):
        raise ValidationError({field: _("Hãy nhập điểm %(label)s.") % {"label": label}})
    try:
        number = Decimal(str(value))
    except InvalidOperation as error:
        raise ValidationError({field: _("Điểm không hợp lệ.")}) from error
    if number != number.quantize(rules.CENT):
        raise ValidationError({field: _("Điểm lấy tối đa hai chữ số thập phân.")})
    if maximum is not None and not Decimal(0) <= number <= maximum:
        raise ValidationError(
            {
                field: _("Điểm %(label)s phải từ 0 đến %(max)s.")
                % {"label": label, "max": points_text(maximum)}
            }
        )
    return number


def period_tasks(evaluation: Evaluation, *, today: dt.date | None = None) -> TaskSummary:
    """The person's plan tasks due in the cycle's period, as things stand (period end at most)."""
    cycle = evaluation.cycle
    today = today or timezone.localdate()
    return task_results(
        person=evaluation.person,
        organisation=cycle.organisation,
        start=cycle.starts_on,
        end=cycle.ends_on,
        as_of=min(today, cycle.ends_on),
    )


@in_vietnamese
@transaction.atomic
def submit_self_assessment(
    *,
    evaluation: Evaluation,
    actor: User,
    comment: str,
    general=None,
    task=None,
    task_reason: str = "",
    level: str = "",
) -> Evaluation:
    """The person's own report (Phụ lục II): scores in a scored period, a level for the year.

    Preconditions: the actor is the person; the tổ has not yet met on it. A task score other
    than the one suggested from the person's plan tasks needs a reason.
    """
    evaluation = _lock(evaluation)
    if actor.pk != evaluation.person_id:
        raise ValidationError(_("Chỉ người được đánh giá tự đánh giá."))
    if evaluation.status not in (EvaluationStatus.PENDING, EvaluationStatus.SELF_ASSESSED):
        raise ValidationError(_("Tổ đã họp nhận xét, không sửa bản tự đánh giá được nữa."))
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": _("Hãy viết tóm tắt kết quả công tác của mình.")})
    cycle = evaluation.cycle
    rule_set = cycle.rule_set
    summary = period_tasks(evaluation)
    suggestion = summary.suggested(cycle.unit_rules, rule_set.task_max)
    before = {
        "self_general": evaluation.self_general,
        "self_task": evaluation.self_task,
        "self_level": evaluation.self_level,
    }
    if cycle.scores_entered:
        evaluation.self_general = _score(
            general, rule_set.general_max, "general", _("tiêu chí chung")
        )
        evaluation.self_task = _score(task, rule_set.task_max, "task", _("kết quả nhiệm vụ"))
        task_reason = task_reason.strip()
        if suggestion is not None and evaluation.self_task != suggestion and not task_reason:
            raise ValidationError(
                {
                    "task_reason": _(
                        "Điểm nhiệm vụ khác điểm gợi ý từ kế hoạch (%(s)s): hãy ghi lý do."
                    )
                    % {"s": points_text(suggestion)}
                }
            )
        evaluation.self_task_reason = task_reason
    else:
        # Phụ lục II, part II: the person proposes their own level for the year.
        if level not in Level.values:
            raise ValidationError({"level": _("Hãy chọn mức tự xếp loại.")})
        evaluation.self_level = level
    evaluation.self_comment = comment
    evaluation.suggested_task = suggestion
    evaluation.task_basis = summary.as_basis()
    evaluation.self_submitted_at = timezone.now()
    evaluation.status = EvaluationStatus.SELF_ASSESSED
    evaluation.save(
        update_fields=[
            "self_general",
            "self_task",
            "self_task_reason",
            "self_level",
            "self_comment",
            "suggested_task",
            "task_basis",
            "self_submitted_at",
            "status",
            "updated_at",
        ]
    )
    diff = events.track(
        evaluation,
        {key: (before[key], getattr(evaluation, key)) for key in before if key != "self_task"},
        actor=actor,
        reason="Tự đánh giá",
    ) | events.track(
        evaluation,
        {"self_task": (before["self_task"], evaluation.self_task)},
        actor=actor,
        reason=evaluation.self_task_reason or "Tự đánh giá",
    )
    events.record(
        cycle,
        EventKind.SELF_ASSESSED,
        f"{evaluation.person.full_name} tự đánh giá {cycle.label}",
        actor,
        evaluation=evaluation,
        changes=diff,
    )
    notices.self_assessed(evaluation)
    return evaluation


@in_vietnamese
@transaction.atomic
def record_group_opinion(
    *,
    evaluation: Evaluation,
    actor: User,
    meeting_on: dt.date,
    minutes: str,
    level: str = "",
    party_opinion: str = "",
) -> Evaluation:
    """The opinions of the tổ's (or unit's) meeting, as minuted and adopted (Điều 15 k3b).

    Preconditions: the person has reported; the actor is not the person.
    """
    evaluation = _lock(evaluation)
    if actor.pk == evaluation.person_id:
        raise ValidationError(_("Không tự ghi ý kiến nhận xét cho chính mình."))
    if evaluation.status not in (EvaluationStatus.SELF_ASSESSED, EvaluationStatus.REVIEWED):
        raise ValidationError(_("Viên chức chưa tự đánh giá: cuộc họp nhận xét sau bước đó."))
    minutes = minutes.strip()
    if not minutes:
        raise ValidationError({"minutes": _("Ghi các ý kiến tại cuộc họp như trong biên bản.")})
    if meeting_on is None or meeting_on > timezone.localdate():
        raise ValidationError({"meeting_on": _("Ngày họp không thể ở tương lai.")})
    if meeting_on < evaluation.cycle.starts_on:
        raise ValidationError(
            {"meeting_on": _("Ngày họp không thể trước khi kỳ đánh giá bắt đầu.")}
        )
    if level and level not in Level.values:
        raise ValidationError({"level": _("Mức đề nghị không hợp lệ.")})
    before = evaluation.group_level
    evaluation.group_meeting_on = meeting_on
    evaluation.group_minutes = minutes
    evaluation.group_level = level
    evaluation.party_opinion = party_opinion.strip()
    evaluation.group_recorded_by = actor
    evaluation.status = EvaluationStatus.REVIEWED
    evaluation.save(
        update_fields=[
            "group_meeting_on",
            "group_minutes",
            "group_level",
            "party_opinion",
            "group_recorded_by",
            "status",
            "updated_at",
        ]
    )
    diff = events.track(
        evaluation, {"group_level": (before, level)}, actor=actor, reason="Cuộc họp nhận xét"
    )
    events.record(
        evaluation.cycle,
        EventKind.GROUP_REVIEWED,
        f"Ghi ý kiến cuộc họp ngày {meeting_on:%d/%m/%Y} về {evaluation.person.full_name}",
        actor,
        evaluation=evaluation,
        changes=diff,
    )
    notices.group_reviewed(evaluation)
    return evaluation


def ceiling(evaluation: Evaluation, cycle: EvaluationCycle) -> str:
    """The highest level the rules allow this person before the quota (xuất sắc when the points
    set no limit)."""
    params = cycle.rule_set.params()
    top = rules.level_for(evaluation.score, evaluation.is_disqualified, params)
    if top is None:
        top = Level.NOT_DONE if evaluation.is_disqualified else Level.EXCELLENT
    cap = rules.absence_cap(evaluation.months_absent, params)
    if cap:
        top = rules.at_most(top, cap)
    if evaluation.is_head and params.head_capped_by_unit and cycle.unit_level:
        top = rules.cap_head_to_unit(top, cycle.unit_level)
    return top


def allowed_levels(evaluation: Evaluation, cycle: EvaluationCycle) -> list[str]:
    """The levels the competent person may decide for this person, best first."""
    top = ceiling(evaluation, cycle)
    if cycle.rule_set.point_based:
        # Điều 12 k1–k4: points decide the level; only the quota (k6) lowers xuất sắc to tốt.
        return [Level.EXCELLENT, Level.GOOD] if top == Level.EXCELLENT else [top]
    return [level for level in Level.values if rules.RANK[level] <= rules.RANK[top]]


@in_vietnamese
@transaction.atomic
def decide_evaluation(
    *,
    evaluation: Evaluation,
    actor: User,
    level: str = "",
    general=None,
    task=None,
    reason: str = "",
    disqualification: str = "",
    disqualification_note: str = "",
    months_worked=None,
    months_absent=None,
    leave_reason: str | None = None,
    decision_reference: str = "",
    note: str = "",
) -> Evaluation:
    """The competent person's decision: the period's scores, or the year's level.

    Preconditions: the cycle is open; the meeting has given its opinion (Điều 15 k3b) unless
    the person is not rated at all; the actor is not the person. A score other than the
    self-assessed one needs a reason. The head's level is decided by the managing body's officer
    (Điều 13 k3a, access.can_decide), never above the unit's level (Điều 12 k7).
    """
    evaluation = _lock(evaluation)
    if actor.pk == evaluation.person_id:
        raise ValidationError(_("Không ai tự quyết định kết quả đánh giá của chính mình."))
    cycle = evaluation.cycle
    rule_set = cycle.rule_set
    params = rule_set.params()
    reason = reason.strip()
    before = {
        "general_score": evaluation.general_score,
        "task_score": evaluation.task_score,
        "score": evaluation.score,
        "level": evaluation.level,
        "months_worked": evaluation.months_worked,
        "months_absent": evaluation.months_absent,
        "disqualification": evaluation.disqualification,
    }
    if months_worked not in (None, ""):
        evaluation.months_worked = _months(months_worked, "months_worked")
    if months_absent not in (None, ""):
        evaluation.months_absent = _months(months_absent, "months_absent")
    if leave_reason is not None:
        if leave_reason not in LeaveReason.values:
            raise ValidationError({"leave_reason": _("Lý do nghỉ không hợp lệ.")})
        evaluation.leave_reason = leave_reason
    if disqualification not in Disqualification.values:
        raise ValidationError({"disqualification": _("Trường hợp không hợp lệ.")})
    if disqualification and not disqualification_note.strip():
        raise ValidationError(
            {"disqualification_note": _("Ghi số, ngày quyết định kỷ luật hoặc kết luận.")}
        )
    evaluation.disqualification = disqualification
    evaluation.disqualification_note = disqualification_note.strip()
    evaluation.decision_reference = decision_reference.strip()[:200]
    evaluation.decision_note = note.strip()
    rated = True
    if cycle.is_year and not rules.eligible(
        evaluation.months_worked, evaluation.leave_reason, params
    ):
        # NĐ 233/2026, Điều 14 k1: fewer than 06 months worked in the year → not rated.
        rated = False
        evaluation.level = ""
        evaluation.proposed_level = ""
        evaluation.not_rated_reason = NOT_RATED_REASON.format(
            months=format(params.min_months.normalize(), "f"), article=_article(rule_set)
        )
        evaluation.status = EvaluationStatus.NOT_RATED
    elif evaluation.status not in (EvaluationStatus.REVIEWED, EvaluationStatus.DECIDED):
        raise ValidationError(
            _("Chưa có ý kiến của cuộc họp nhận xét, đánh giá: quyết định sau bước đó.")
        )
    elif cycle.scores_entered:
        _decide_period_scores(evaluation, rule_set, general, task, reason)
    else:
        _decide_year_level(evaluation, cycle, level, reason)
    if rated:
        evaluation.not_rated_reason = ""
        evaluation.status = EvaluationStatus.DECIDED
    evaluation.decided_by = actor
    evaluation.decided_at = timezone.now()
    evaluation.save(update_fields=DECISION_FIELDS)
    after = {key: getattr(evaluation, key) for key in before}
    diff = events.track(
        evaluation,
        {key: (before[key], after[key]) for key in before},
        actor=actor,
        reason=reason or "Quyết định của cấp có thẩm quyền",
    )
    what = (
        f"không xếp loại ({evaluation.not_rated_reason})"
        if not rated
        else f"{Level(evaluation.level).label}"
        if evaluation.level
        else f"{evaluation.score} điểm"
    )
    events.record(
        cycle,
        EventKind.DECIDED,
        f"Quyết định {cycle.label} cho {evaluation.person.full_name}: {what}",
        actor,
        evaluation=evaluation,
        changes=diff,
    )
    return evaluation


def _article(rule_set) -> str:
    return f"{rule_set.short_name}" + (", Điều 14 khoản 1" if rule_set.point_based else "")


def _months(value, field: str) -> Decimal:
    try:
        number = Decimal(str(value))
    except InvalidOperation as error:
        raise ValidationError({field: _("Số tháng không hợp lệ.")}) from error
    if not Decimal(0) <= number <= Decimal(12):
        raise ValidationError({field: _("Số tháng phải từ 0 đến 12.")})
    return number.quantize(Decimal("0.1"))


def _decide_period_scores(evaluation, rule_set, general, task, reason: str) -> None:
    general = _score(general, rule_set.general_max, "general", _("tiêu chí chung"))
    task = _score(task, rule_set.task_max, "task", _("kết quả nhiệm vụ"))
    if (general, task) != (evaluation.self_general, evaluation.self_task) and not reason:
        raise ValidationError({"reason": _("Điểm khác điểm tự chấm: hãy ghi lý do điều chỉnh.")})
    evaluation.general_score = general
    evaluation.task_score = task
    evaluation.score = general + task
    # Levels are decided for the year (Điều 3 k6); a period keeps its score only.
    evaluation.proposed_level = ""
    evaluation.level = ""


def _decide_year_level(evaluation, cycle: EvaluationCycle, level: str, reason: str) -> None:
    params = cycle.rule_set.params()
    if params.point_based and evaluation.score is None:
        raise ValidationError(
            _("Chưa có điểm năm: hãy tổng hợp điểm các kỳ theo dõi trước khi xếp loại.")
        )
    if evaluation.is_head and params.head_capped_by_unit and not cycle.unit_level:
        # Điều 15 k1a: viên chức are classified after the unit; Điều 12 k7 needs its level.
        raise ValidationError(
            _("Hãy ghi mức xếp loại của đơn vị trước khi xếp loại người đứng đầu.")
        )
    proposed = rules.level_for(evaluation.score, evaluation.is_disqualified, params)
    evaluation.proposed_level = proposed or ""
    allowed = allowed_levels(evaluation, cycle)
    level = level or allowed[0]
    if level not in allowed:
        raise ValidationError(
            {
                "level": _("Mức này không phù hợp với quy định; các mức được chọn: %(levels)s.")
                % {"levels": ", ".join(str(Level(value).label) for value in allowed)}
            }
        )
    if proposed and level != proposed and not reason:
        raise ValidationError({"reason": _("Mức khác mức theo điểm: hãy ghi lý do.")})
    evaluation.level = level
