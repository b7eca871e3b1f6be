"""Time and result of a case: extend, suspend, resume, resolve, send, publish, close,
close without resolution, withdraw; and the citizen's side after closure: rate, contest.

Same shape as `workflow`: lock, check (a refusal changes nothing), write, recompute the stored
due dates, mark the fulfilled steps, issue documents, one timeline event, one transaction.
As there, a replay of an action on the result it already produced returns that result and
changes nothing (no second event, document or number).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.core.vietnamese import shorten
from gandan.orgs.models import Membership, Role, User
from gandan.petitions import documents, events, notices
from gandan.petitions.deadlines import (
    AppliedRule,
    DeadlineError,
    Extension,
    compute_deadlines,
    rules_for_case,
    suspension_allowed,
)
from gandan.petitions.models import (
    Case,
    CaseEventKind,
    CaseExtension,
    CaseKind,
    CaseStatus,
    CaseSuspension,
    MinutesKind,
    Procedure,
)
from gandan.petitions.services.documents import issue_case_document
from gandan.petitions.services.timing import (
    complete_steps,
    deadline_inputs,
    drop_pending_steps,
    refresh_next_due,
    store_deadlines,
)
from gandan.petitions.services.workflow import lock_case, require_status

WORKING = [CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS]
# Kinds answered by a reply that also closes the case: no statutory sending step follows.
REPLIED_KINDS = (CaseKind.RECOMMENDATION, CaseKind.FEEDBACK, CaseKind.INFORMATION_REQUEST)
# Luật Khiếu nại 2011, Điều 39 (lần hai) and Điều 53 (kỷ luật): dialogue is mandatory.
DIALOGUE_REQUIRED = (
    Procedure.SECOND_INSTANCE,
    Procedure.DISCIPLINARY_FIRST,
    Procedure.DISCIPLINARY_SECOND,
)
# Luật Khiếu nại 2011, Điều 30 k1: at first instance a dialogue is held when the complainant's
# demand and the verification result still differ; without one the decision records why none
# was needed.
DIALOGUE_OR_REASON = (Procedure.FIRST_INSTANCE,)
PUBLICATION_STEPS = ("cong_khai_ket_luan", "cong_bo_quyet_dinh")


class Complexity:
    NONE = ""
    COMPLEX = "complex"
    VERY_COMPLEX = "very_complex"


@in_vietnamese
@transaction.atomic
def extend_case(
    *,
    case: Case,
    actor: User,
    step: str,
    reason: str,
    days: int | None = None,
    complexity: str = Complexity.NONE,
    on: dt.date | None = None,
) -> Case:
    """Extend one step by a written decision, or by recognising the case as complex where the
    rule gives complex cases a longer limit (Luật KN Điều 28; Luật TC Điều 30 k2; NĐ 31/2019
    Điều 3). Refused when the rules allow nothing, or when the due date would not move.
    """
    on = on or timezone.localdate()
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Phải ghi lý do gia hạn.")})
    case = lock_case(case)
    require_status(
        case,
        [CaseStatus.RECEIVED, *WORKING],
        _("Chỉ gia hạn được vụ việc đang giải quyết."),
    )
    if case.extensions.filter(step=step, granted_on=on, reason=reason).exists():
        return case  # a replay: this extension was granted today, its decision issued then
    row = case.deadlines.filter(step=step, done_on__isnull=True, moot=False).first()
    if row is None or row.due is None:
        raise ValidationError({"step": _("Bước này không còn thời hạn để gia hạn.")})
    rule = next((item.rule for item in applied_rules(case) if item.rule.step == step), None)
    if rule is None:
        raise ValidationError({"step": _("Không có quy tắc thời hạn cho bước này.")})
    case.is_complex = case.is_complex or complexity in (
        Complexity.COMPLEX,
        Complexity.VERY_COMPLEX,
    )
    case.is_very_complex = case.is_very_complex or complexity == Complexity.VERY_COMPLEX
    inputs = deadline_inputs(case)
    granted = rule.extension_count > 0
    if granted:
        pending = Extension(decision=_("(quyết định đang ban hành)"), days=days)
        inputs["extensions"] = {
            **inputs["extensions"],
            step: [*inputs["extensions"].get(step, []), pending],
        }
    try:
        computed = {item.step: item for item in compute_deadlines(**inputs)}
    except DeadlineError as error:
        raise ValidationError(str(error)) from error
    new = computed.get(step)
    if not granted and _complexity_recognised(case, complexity) and _extended_today(case, on):
        return case  # a replay: the complexity was recognised today, its notice issued then
    if new is None or new.due is None or new.due <= row.due:
        raise ValidationError(
            _("Quy định không cho gia hạn bước “%(step)s” trong trường hợp này (%(citation)s).")
            % {"step": row.step_label, "citation": rule.citation}
        )
    length = new.extended_by[-1] if granted and new.extended_by else None
    document = issue_case_document(
        case,
        "gia_han",
        documents.extension(
            case, step_label=row.step_label, new_due=new.due, reason=reason, days=length
        ),
        actor=actor,
        on=on,
    )
    if granted:
        CaseExtension.objects.create(
            case=case,
            step=step,
            days=length,
            decision=document.number_symbol,
            reason=reason,
            granted_on=on,
        )
    case.save(update_fields=["is_complex", "is_very_complex", "updated_at"])
    store_deadlines(case)
    complete_steps(case, CaseEventKind.EXTENDED, on)
    refresh_next_due(case)
    events.record(
        case,
        CaseEventKind.EXTENDED,
        _("Gia hạn “%(step)s” đến hết ngày %(due)s (văn bản số %(symbol)s): %(reason)s")
        % {
            "step": row.step_label,
            "due": new.due.strftime("%d/%m/%Y"),
            "symbol": document.number_symbol,
            "reason": reason,
        },
        actor=actor,
        public_summary=_("Thời hạn giải quyết được gia hạn đến hết ngày %(due)s.")
        % {"due": new.due.strftime("%d/%m/%Y")},
        document=document,
    )
    return case


def _complexity_recognised(case: Case, complexity: str) -> bool:
    """The complexity asked for was already stored before this call (nothing to add)."""
    stored = Case.objects.values("is_complex", "is_very_complex").get(pk=case.pk)
    if complexity == Complexity.VERY_COMPLEX:
        return stored["is_very_complex"]
    if complexity == Complexity.COMPLEX:
        return stored["is_complex"]
    return False


def _extended_today(case: Case, on: dt.date) -> bool:
    return case.events.filter(kind=CaseEventKind.EXTENDED, document__issued_on=on).exists()


def applied_rules(case: Case) -> list[AppliedRule]:
    """The rules of this case: those in force on its receipt date, with what the transition
    clauses of later versions carry over to it while it is not decided."""
    return rules_for_case(
        kind=case.kind,
        procedure=case.procedure,
        received=case.received_on,
        decided=case.resolved_on,
    )


@in_vietnamese
@transaction.atomic
def suspend_case(*, case: Case, actor: User, reason: str, on: dt.date | None = None) -> Case:
    """Tạm đình chỉ: the clock of suspendable steps stops (Luật Tố cáo 2018, Điều 34; for
    complaints from 01/7/2026, NĐ 155/2026, also for those received before and not yet decided
    by its transition clause, Điều 22 k1). Preconditions: accepted and running; the rules of
    the case provide for suspension on that day; a reason."""
    on = on or timezone.localdate()
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Phải ghi lý do tạm đình chỉ.")})
    case = lock_case(case)
    if case.status == CaseStatus.SUSPENDED:
        return case  # a replay: suspended already, the decision issued then
    require_status(case, WORKING, _("Chỉ tạm đình chỉ được vụ việc đã thụ lý, đang giải quyết."))
    if not suspension_allowed(applied_rules(case), on):
        raise ValidationError(
            _(
                "Quy định áp dụng cho vụ việc này không có tạm đình chỉ giải quyết vào ngày "
                "%(date)s."
            )
            % {"date": on.strftime("%d/%m/%Y")}
        )
    CaseSuspension.objects.create(case=case, suspended_on=on, reason=reason)
    case.status = CaseStatus.SUSPENDED
    case.save(update_fields=["status", "updated_at"])
    store_deadlines(case)
    document = issue_case_document(
        case,
        "tam_dinh_chi",
        documents.suspension(case, reason=reason, resumed=False),
        actor=actor,
        on=on,
    )
    complete_steps(case, CaseEventKind.SUSPENDED, on)
    refresh_next_due(case)
    events.record(
        case,
        CaseEventKind.SUSPENDED,
        _("Tạm đình chỉ từ ngày %(date)s (quyết định số %(symbol)s): %(reason)s")
        % {"date": on.strftime("%d/%m/%Y"), "symbol": document.number_symbol, "reason": reason},
        actor=actor,
        public_summary=_("Việc giải quyết tạm dừng từ ngày %(date)s. Lý do: %(reason)s")
        % {"date": on.strftime("%d/%m/%Y"), "reason": reason},
        document=document,
    )
    return case


@in_vietnamese
@transaction.atomic
def resume_case(*, case: Case, actor: User, on: dt.date | None = None) -> Case:
    """Tiếp tục giải quyết: the remaining time counts again from the day after `on`.

    Precondition: suspended. A replay (running again after a suspension) changes nothing."""
    on = on or timezone.localdate()
    case = lock_case(case)
    if case.status in WORKING and case.suspensions.filter(resumed_on__isnull=False).exists():
        return case
    require_status(case, [CaseStatus.SUSPENDED], _("Vụ việc không ở trạng thái tạm đình chỉ."))
    suspension = case.suspensions.filter(resumed_on__isnull=True).order_by("-suspended_on").first()
    if suspension is None or on < suspension.suspended_on:
        raise ValidationError(_("Ngày tiếp tục giải quyết không được trước ngày tạm đình chỉ."))
    suspension.resumed_on = on
    suspension.save(update_fields=["resumed_on"])
    case.status = CaseStatus.IN_PROGRESS
    case.save(update_fields=["status", "updated_at"])
    store_deadlines(case)
    main = case.deadlines.filter(step="giai_quyet").first()
    document = issue_case_document(
        case,
        "tiep_tuc",
        documents.suspension(case, reason="", resumed=True, new_due=main.due if main else None),
        actor=actor,
        on=on,
    )
    complete_steps(case, CaseEventKind.RESUMED, on)
    refresh_next_due(case)
    events.record(
        case,
        CaseEventKind.RESUMED,
        _("Tiếp tục giải quyết từ ngày %(date)s (quyết định số %(symbol)s)")
        % {"date": on.strftime("%d/%m/%Y"), "symbol": document.number_symbol},
        actor=actor,
        public_summary=_("Nhà trường tiếp tục giải quyết từ ngày %(date)s.")
        % {"date": on.strftime("%d/%m/%Y")},
        document=document,
    )
    return case


def check_before_decision(
    case: Case, *, no_verification_reason: str, no_dialogue_reason: str
) -> None:
    """What the law requires on file before a complaint decision or a denunciation conclusion;
    raises ValidationError (Vietnamese, citing the article) when it is missing.

    - Tố cáo: a verification report (Luật Tố cáo 2018, Điều 31), always.
    - Khiếu nại: a verification report, or the recorded reason why none was made: the resolver
      checked the decision or act again and has the basis to decide at once (Luật Khiếu nại
      2011, Điều 29 k1: verification is needed "trường hợp chưa có cơ sở kết luận").
    - Khiếu nại lần hai and kỷ luật: dialogue minutes (Điều 39, 53), with no exception.
    - Khiếu nại lần đầu: dialogue minutes, or the recorded reason why none was held (Điều 30 k1:
      the complainant's demand and the verification result do not differ).
    """
    kinds = set(case.minutes.values_list("kind", flat=True))
    if case.is_denunciation:
        if MinutesKind.VERIFICATION not in kinds:
            raise ValidationError(
                _(
                    "Phải có báo cáo kết quả xác minh trước khi kết luận (Luật Tố cáo 2018, Điều "
                    "31)."
                )
            )
        return
    if case.procedure in DIALOGUE_REQUIRED and MinutesKind.DIALOGUE not in kinds:
        raise ValidationError(
            _(
                "Thủ tục này bắt buộc đối thoại trước khi ra quyết định (Luật Khiếu nại 2011, "
                "Điều 39, 53): hãy lập biên bản đối thoại."
            )
        )
    if MinutesKind.VERIFICATION not in kinds and not no_verification_reason:
        raise ValidationError(
            {
                "no_verification_reason": _(
                    "Chưa có biên bản, báo cáo xác minh. Hãy lập biên bản xác minh, hoặc ghi lý do "
                    "không xác minh riêng (đã kiểm tra lại, đủ cơ sở kết luận ngay; Luật Khiếu "
                    "nại 2011, Điều 29 k1)."
                )
            }
        )
    if (
        case.procedure in DIALOGUE_OR_REASON
        and MinutesKind.DIALOGUE not in kinds
        and not no_dialogue_reason
    ):
        raise ValidationError(
            {
                "no_dialogue_reason": _(
                    "Chưa có biên bản đối thoại. Hãy tổ chức đối thoại, hoặc ghi lý do không đối "
                    "thoại (yêu cầu của người khiếu nại và kết quả xác minh không khác nhau; Luật "
                    "Khiếu nại 2011, Điều 30 k1)."
                )
            }
        )


@in_vietnamese
@transaction.atomic
def resolve_case(
    *,
    case: Case,
    actor: User,
    outcome: str,
    public_answer: str,
    no_verification_reason: str = "",
    no_dialogue_reason: str = "",
    on: dt.date | None = None,
) -> Case:
    """The result: a reply (recommendation, feedback, information), a decision (complaint) or
    a conclusion (denunciation), issued through the register.

    Preconditions: a complaint or denunciation was accepted (thụ lý), and what the law requires
    before deciding is on file (`check_before_decision`: verification and dialogue minutes,
    or the recorded reason where the law allows deciding without them; the reasons go into
    the decision and the timeline). Other kinds may be answered straight away. A reply closes
    the case at once.
    """
    on = on or timezone.localdate()
    outcome, public_answer = outcome.strip(), public_answer.strip()
    no_verification_reason = " ".join(no_verification_reason.split())
    no_dialogue_reason = " ".join(no_dialogue_reason.split())
    if not public_answer:
        raise ValidationError({"public_answer": _("Hãy ghi nội dung trả lời cho người gửi.")})
    case = lock_case(case)
    if case.status == CaseStatus.RESOLVED:
        return case  # a replay: resolved already, the result issued then
    formal = case.kind in (CaseKind.COMPLAINT, CaseKind.DENUNCIATION)
    if formal and not case.is_anonymous_information:
        require_status(case, WORKING, _("Khiếu nại, tố cáo phải được thụ lý trước khi giải quyết."))
        if not outcome:
            raise ValidationError({"outcome": _("Hãy ghi kết luận, căn cứ giải quyết.")})
        check_before_decision(
            case,
            no_verification_reason=no_verification_reason,
            no_dialogue_reason=no_dialogue_reason,
        )
    else:
        no_verification_reason = no_dialogue_reason = ""
        require_status(
            case,
            [CaseStatus.RECEIVED, *WORKING],
            _("Chỉ trả lời được vụ việc đang giải quyết."),
        )
    if on < case.received_on:
        raise ValidationError(_("Ngày giải quyết không được trước ngày nhận đơn."))
    kinds = set(case.minutes.values_list("kind", flat=True))
    # A reason counts only where the minutes it stands for are missing.
    if MinutesKind.VERIFICATION in kinds:
        no_verification_reason = ""
    if MinutesKind.DIALOGUE in kinds or case.is_denunciation:
        no_dialogue_reason = ""
    recorded = [
        *(
            [_("Không xác minh riêng: %(reason)s.") % {"reason": no_verification_reason}]
            if no_verification_reason
            else []
        ),
        *(
            [_("Không đối thoại: %(reason)s.") % {"reason": no_dialogue_reason}]
            if no_dialogue_reason
            else []
        ),
    ]
    replied = case.kind in REPLIED_KINDS or case.is_anonymous_information
    case.accepted_on = case.accepted_on or on
    case.resolved_on = on
    case.status = CaseStatus.RESOLVED
    case.outcome = outcome or public_answer
    case.public_answer = public_answer
    fields = ["accepted_on", "resolved_on", "status", "outcome", "public_answer", "updated_at"]
    if replied:
        case.sent_on = on
        case.closed_at = timezone.now()
        fields += ["sent_on", "closed_at"]
    case.save(update_fields=fields)
    store_deadlines(case)
    complete_steps(case, CaseEventKind.RESOLVED, on)
    if replied:
        drop_pending_steps(case)
    refresh_next_due(case)
    document = None
    if case.can_receive_letters:
        document = issue_case_document(
            case,
            "ket_qua",
            documents.resolution(
                case,
                outcome=case.outcome,
                answer=public_answer,
                no_verification_reason=no_verification_reason,
                no_dialogue_reason=no_dialogue_reason,
            ),
            actor=actor,
            on=on,
        )
    events.record(
        case,
        CaseEventKind.RESOLVED,
        _("Giải quyết ngày %(date)s%(doc)s: %(outcome)s")
        % {
            "date": on.strftime("%d/%m/%Y"),
            "doc": _(" (văn bản số %(s)s)") % {"s": document.number_symbol} if document else "",
            "outcome": shorten(case.outcome, 300),
        }
        + "".join(f" {line}" for line in recorded),
        actor=actor,
        public_summary=_("Nhà trường đã trả lời: %(answer)s") % {"answer": public_answer},
        document=document,
    )
    return case


@in_vietnamese
@transaction.atomic
def send_resolution(*, case: Case, actor: User, on: dt.date | None = None) -> Case:
    """The decision or conclusion was sent to those the law names (Luật KN Điều 32; Luật TC
    Điều 35 k3). Precondition: resolved; recorded once (a replay changes nothing)."""
    on = on or timezone.localdate()
    case = lock_case(case)
    require_status(case, [CaseStatus.RESOLVED], _("Vụ việc chưa có kết quả giải quyết."))
    if case.sent_on:
        return case  # a replay: recorded as sent already
    if case.resolved_on is not None and on < case.resolved_on:
        raise ValidationError(_("Ngày gửi không được trước ngày ban hành kết quả."))
    case.sent_on = on
    case.save(update_fields=["sent_on", "updated_at"])
    complete_steps(case, CaseEventKind.SENT, on)
    refresh_next_due(case)
    events.record(
        case,
        CaseEventKind.SENT,
        _("Gửi kết quả giải quyết ngày %(date)s") % {"date": on.strftime("%d/%m/%Y")},
        actor=actor,
        public_summary=_("Kết quả giải quyết đã được gửi ngày %(date)s.")
        % {"date": on.strftime("%d/%m/%Y")},
    )
    return case


@in_vietnamese
@transaction.atomic
def publish_resolution(*, case: Case, actor: User, how: str, on: dt.date | None = None) -> Case:
    """Công khai where the law requires it (Luật TC Điều 40; Luật KN Điều 41 k2). The public
    text is the answer, which never names the denouncer. Precondition: resolved, a publication
    step exists for the case, not yet published; `how` says where (posting, website, meeting).
    """
    on = on or timezone.localdate()
    how = how.strip()
    if not how:
        raise ValidationError(
            {"how": _("Hãy ghi hình thức công khai (niêm yết, trang thông tin, họp).")}
        )
    case = lock_case(case)
    require_status(case, [CaseStatus.RESOLVED], _("Vụ việc chưa có kết quả giải quyết."))
    if case.published_on:
        return case  # a replay: recorded as published already
    if not case.deadlines.filter(step__in=PUBLICATION_STEPS).exists():
        raise ValidationError(_("Pháp luật không yêu cầu công khai kết quả của vụ việc này."))
    case.published_on = on
    case.save(update_fields=["published_on", "updated_at"])
    complete_steps(case, CaseEventKind.PUBLISHED, on)
    refresh_next_due(case)
    events.record(
        case,
        CaseEventKind.PUBLISHED,
        _("Công khai kết quả ngày %(date)s: %(how)s")
        % {"date": on.strftime("%d/%m/%Y"), "how": how},
        actor=actor,
        public_summary=_("Kết quả đã được công khai ngày %(date)s (%(how)s).")
        % {"date": on.strftime("%d/%m/%Y"), "how": how},
    )
    return case


@in_vietnamese
@transaction.atomic
def close_case(*, case: Case, actor: User, on: dt.date | None = None) -> Case:
    """Kết thúc a resolved case. Preconditions: the result was sent and, where required,
    published."""
    on = on or timezone.localdate()
    case = lock_case(case)
    require_status(case, [CaseStatus.RESOLVED], _("Vụ việc chưa có kết quả giải quyết."))
    if case.closed_at:
        return case  # a replay: closed already
    if not case.sent_on:
        raise ValidationError(_("Hãy gửi kết quả giải quyết trước khi kết thúc."))
    if case.deadlines.filter(step__in=PUBLICATION_STEPS, done_on__isnull=True, moot=False).exists():
        raise ValidationError(_("Pháp luật yêu cầu công khai kết quả trước khi kết thúc."))
    case.closed_at = timezone.now()
    case.save(update_fields=["closed_at", "updated_at"])
    complete_steps(case, CaseEventKind.CLOSED, on)
    drop_pending_steps(case)
    refresh_next_due(case)
    events.record(
        case,
        CaseEventKind.CLOSED,
        _("Kết thúc vụ việc"),
        actor=actor,
        public_summary=_("Vụ việc đã kết thúc. Mời ông (bà) đánh giá mức độ hài lòng."),
    )
    return case


@in_vietnamese
@transaction.atomic
def close_unresolved(*, case: Case, actor: User, reason: str, on: dt.date | None = None) -> Case:
    """Kết thúc without a resolution: information filed (Luật TC Điều 25), the sender cannot
    be reached, or đình chỉ of an accepted case (with its decision). Precondition: open."""
    on = on or timezone.localdate()
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Phải ghi lý do kết thúc.")})
    case = lock_case(case)
    if case.status == CaseStatus.CLOSED_UNRESOLVED:
        return case  # a replay: closed already, the decision issued then
    if not case.is_open:
        raise ValidationError(_("Vụ việc đã kết thúc."))
    document = None
    formal = case.kind in (CaseKind.COMPLAINT, CaseKind.DENUNCIATION)
    if formal and case.accepted_on:
        document = issue_case_document(
            case, "dinh_chi", documents.termination(case, reason=reason), actor=actor, on=on
        )
    case.status = CaseStatus.CLOSED_UNRESOLVED
    case.outcome = reason
    case.closed_at = timezone.now()
    case.save(update_fields=["status", "outcome", "closed_at", "updated_at"])
    drop_pending_steps(case)
    refresh_next_due(case)
    events.record(
        case,
        CaseEventKind.CLOSED,
        _("Kết thúc, không giải quyết: %(reason)s") % {"reason": reason},
        actor=actor,
        public_summary=_("Vụ việc kết thúc, không giải quyết. Lý do: %(reason)s")
        % {"reason": reason},
        document=document,
    )
    return case


@in_vietnamese
@transaction.atomic
def withdraw_case(*, case: Case, actor: User, note: str, on: dt.date | None = None) -> Case:
    """The sender withdrew in writing (Luật KN Điều 10; Luật TC Điều 33); `note` records the
    written withdrawal. An accepted case is terminated by decision. Precondition: open."""
    on = on or timezone.localdate()
    note = note.strip()
    if not note:
        raise ValidationError({"note": _("Hãy ghi đơn rút (ngày, hình thức) của người gửi.")})
    case = lock_case(case)
    if case.status == CaseStatus.WITHDRAWN:
        return case  # a replay: withdrawn already, the decision issued then
    if not case.is_open:
        raise ValidationError(_("Vụ việc đã kết thúc."))
    document = None
    if case.kind in (CaseKind.COMPLAINT, CaseKind.DENUNCIATION) and case.accepted_on:
        document = issue_case_document(
            case,
            "dinh_chi",
            documents.termination(case, reason=_("người gửi rút đơn (%(n)s)") % {"n": note}),
            actor=actor,
            on=on,
        )
    case.status = CaseStatus.WITHDRAWN
    case.outcome = note
    case.closed_at = timezone.now()
    case.save(update_fields=["status", "outcome", "closed_at", "updated_at"])
    drop_pending_steps(case)
    refresh_next_due(case)
    events.record(
        case,
        CaseEventKind.WITHDRAWN,
        _("Người gửi rút đơn: %(note)s") % {"note": note},
        actor=actor,
        public_summary=_("Người gửi đã rút đơn; nhà trường dừng giải quyết."),
        document=document,
    )
    return case


@in_vietnamese
@transaction.atomic
def rate_case(*, case: Case, score: int, comment: str = "") -> Case:
    """The citizen's satisfaction (1–5) after closure; a later rating replaces the earlier,
    the same rating again changes nothing."""
    if not isinstance(score, int) or not 1 <= score <= 5:
        raise ValidationError({"score": _("Hãy chọn mức hài lòng từ 1 đến 5.")})
    case = lock_case(case)
    if not case.is_closed or case.status == CaseStatus.WITHDRAWN:
        raise ValidationError(_("Chỉ đánh giá được khi vụ việc đã kết thúc."))
    if (case.satisfaction, case.satisfaction_comment) == (score, comment.strip()[:2000]):
        return case
    case.satisfaction = score
    case.satisfaction_comment = comment.strip()[:2000]
    case.rated_at = timezone.now()
    case.save(update_fields=["satisfaction", "satisfaction_comment", "rated_at", "updated_at"])
    events.record(
        case,
        CaseEventKind.RATED,
        _("Người gửi đánh giá %(score)s/5") % {"score": score},
        public_summary=_("Ông (bà) đã đánh giá %(score)s/5. Cảm ơn ông (bà).") % {"score": score},
    )
    return case


@in_vietnamese
@transaction.atomic
def contest_case(*, case: Case, reason: str) -> Case:
    """The citizen disagrees with the closure: review reopens and the head is told.

    Precondition: closed (not withdrawn by the sender), a reason. The earlier result stays in
    the timeline and the register; a new result follows the same steps.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Hãy ghi vì sao ông (bà) chưa đồng ý.")})
    case = lock_case(case)
    if case.contested and not case.is_closed and case.contest_reason == reason[:2000]:
        return case  # a replay: under review already, the head told then
    if not case.is_closed or case.status == CaseStatus.WITHDRAWN:
        raise ValidationError(_("Chỉ đề nghị xem xét lại được khi vụ việc đã kết thúc."))
    case.contested = True
    case.contest_reason = reason[:2000]
    case.contested_at = timezone.now()
    case.closed_at = None
    case.status = CaseStatus.IN_PROGRESS if case.accepted_on else CaseStatus.RECEIVED
    case.resolved_on = case.sent_on = case.published_on = None
    case.save()
    heads = Membership.objects.current().filter(organisation=case.organisation, role=Role.HEAD)
    people = [m.user for m in heads.select_related("user")]
    if case.handler is not None:
        people.append(case.handler)
    notices.tell_contested(case, people, reason=reason)
    events.record(
        case,
        CaseEventKind.CONTESTED,
        _("Người gửi không đồng ý với kết quả: %(reason)s") % {"reason": reason},
        public_summary=_("Ông (bà) không đồng ý với kết quả; nhà trường xem xét lại."),
    )
    return case
