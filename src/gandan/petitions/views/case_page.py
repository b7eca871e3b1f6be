"""The case page: what it shows to this user, and the actions offered there.

One table says, for each action, who may do it, when it is offered, which form it takes and
which service it calls; `views.actions.case_action` runs any of them, and `detail_context`
shows those this user may take now. `next_steps` says which of them the case's state calls
for next: those are shown open at the top (at most `NEXT_SHOWN`), the others folded, and an
action the state refuses is not shown at all (its `offered` mirrors the service's checks).
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gandan.core.forms import error_text
from gandan.core.http import AuthenticatedRequest
from gandan.orgs.models import User
from gandan.petitions import access, secrecy, services
from gandan.petitions.forms import staff as forms
from gandan.petitions.models import (
    Case,
    CaseDeadline,
    CaseKind,
    CaseStatus,
    DeadlineRule,
    MinutesKind,
)
from gandan.petitions.services.documents import issued
from gandan.petitions.services.resolution import (
    DIALOGUE_OR_REASON,
    PUBLICATION_STEPS,
    check_before_decision,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

RECEIVED = {CaseStatus.RECEIVED}
WORKING = {CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS}
FORMAL = {CaseKind.COMPLAINT, CaseKind.DENUNCIATION}


@dataclass(frozen=True)
class CaseAction:
    slug: str
    label: "StrOrPromise"
    permission: str  # an access.ACTIONS key, or "identity" for the resolver of a denunciation
    form: type[django_forms.Form] | None
    run: Callable[[Case, User, dict[str, Any]], object]
    offered: Callable[[Case], bool]
    done: "StrOrPromise"


NEXT_SHOWN = 3  # a principal sees at most three open panels; the rest are folded


def _pending_publication(case: Case) -> bool:
    return case.deadlines.filter(
        step__in=PUBLICATION_STEPS, done_on__isnull=True, moot=False
    ).exists()


def _pending_with_due(deadlines: Sequence[CaseDeadline]) -> list[CaseDeadline]:
    # The extension form's choices: a resent form must still parse, so that extend_case can
    # answer it as a replay even when that step allows no further extension.
    return [row for row in deadlines if row.is_pending and row.due is not None]


def _extendable(case: Case, deadlines: Sequence[CaseDeadline]) -> list[CaseDeadline]:
    """Pending steps with a due date whose rule in force allows some extension (extend_case
    refuses the others: Luật KN Điều 28; Luật TC Điều 30 k2; NĐ 31/2019 Điều 3)."""
    pending = _pending_with_due(deadlines)
    if not pending:
        return []
    rules = DeadlineRule.objects.in_force(case.kind, case.received_on, case.procedure).filter(
        step__in=[row.step for row in pending]
    )
    allowing = {
        rule.step
        for rule in rules
        if rule.extension_count
        or (rule.extension_count_very_complex and not case.is_very_complex)
        or (rule.complex_limit and not case.is_complex)
    }
    return [row for row in pending if row.step in allowing]


def _can_extend(case: Case) -> bool:
    return case.status in RECEIVED | WORKING and bool(
        _extendable(case, list(case.deadlines.order_by("order")))
    )


def _can_suspend(case: Case) -> bool:
    # suspend_case: accepted and running, and the rules in force provide for suspension.
    return (
        case.status in WORKING
        and case.kind in FORMAL
        and DeadlineRule.objects.in_force(case.kind, case.received_on, case.procedure)
        .filter(suspendable=True)
        .exists()
    )


def decision_blocker(case: Case) -> str:
    """Why a decision or conclusion cannot be made yet, in resolve_case's own words (its
    `check_before_decision`), or "". Only what no recorded reason can stand in for blocks it:
    where a reason may replace minutes, the form asks for the reason instead."""
    if case.kind not in FORMAL or case.is_anonymous_information:
        return ""
    try:
        check_before_decision(case, no_verification_reason="-", no_dialogue_reason="-")
    except ValidationError as error:
        return error_text(error)
    return ""


def _resolvable(case: Case) -> bool:
    if case.kind in FORMAL and not case.is_anonymous_information:
        return case.status in WORKING and not decision_blocker(case)
    return case.status in RECEIVED | WORKING


def _closable(case: Case) -> bool:
    # close_case: resolved, the result sent and, where required, published.
    return (
        case.status == CaseStatus.RESOLVED
        and not case.is_closed
        and bool(case.sent_on)
        and not _pending_publication(case)
    )


ACTIONS = [
    CaseAction(
        "tiep-nhan",
        _("Gửi thông báo tiếp nhận"),
        "receive",
        None,
        lambda case, user, data: services.issue_acknowledgement(case=case, actor=user),
        lambda case: (
            case.is_open and case.can_receive_letters and issued(case, "tiep_nhan") is None
        ),
        _("Đã ban hành thông báo tiếp nhận."),
    ),
    CaseAction(
        "phan-loai",
        _("Phân loại"),
        "manage",
        forms.ClassifyForm,
        lambda case, user, data: services.classify_case(case=case, actor=user, **data),
        lambda case: case.status in RECEIVED,
        _("Đã phân loại đơn."),
    ),
    CaseAction(
        "tach",
        _("Tách nội dung thành vụ việc riêng"),
        "manage",
        forms.SplitForm,
        lambda case, user, data: services.split_case(
            case=case, actor=user, parts=[services.CasePart(**data)]
        ),
        lambda case: case.status in RECEIVED,
        _("Đã tách thành vụ việc mới."),
    ),
    CaseAction(
        "thu-ly",
        _("Thụ lý"),
        "manage",
        None,
        lambda case, user, data: services.accept_case(case=case, actor=user),
        lambda case: case.status in RECEIVED and not case.is_anonymous_information,
        _("Đã thụ lý."),
    ),
    CaseAction(
        "khong-thu-ly",
        _("Không thụ lý"),
        "manage",
        forms.ReasonForm,
        lambda case, user, data: services.refuse_case(case=case, actor=user, **data),
        lambda case: case.status in RECEIVED,
        _("Đã ban hành thông báo không thụ lý."),
    ),
    CaseAction(
        "chuyen",
        _("Chuyển đơn đến cơ quan có thẩm quyền"),
        "manage",
        forms.TransferForm,
        lambda case, user, data: services.transfer_case(case=case, actor=user, **data),
        lambda case: case.status in RECEIVED,
        _("Đã chuyển đơn."),
    ),
    CaseAction(
        "phan-cong",
        _("Phân công"),
        "manage",
        forms.AssignForm,
        lambda case, user, data: services.assign_case(
            case=case, actor=user, handler=data["handler"], verifiers=list(data["verifiers"])
        ),
        lambda case: case.is_open,
        _("Đã phân công."),
    ),
    CaseAction(
        "bien-tap",
        _("Biên tập nội dung để giao xác minh"),
        "identity",
        forms.RedactForm,
        lambda case, user, data: services.redact_case(case=case, actor=user, **data),
        lambda case: case.is_denunciation and case.is_open,
        _("Đã lưu nội dung đã che thông tin người tố cáo."),
    ),
    CaseAction(
        "bien-ban",
        _("Lập biên bản xác minh, đối thoại"),
        "verify",
        forms.MinutesForm,
        lambda case, user, data: services.record_minutes(case=case, actor=user, **data),
        lambda case: case.status in RECEIVED | WORKING,
        _("Đã lưu biên bản."),
    ),
    CaseAction(
        "gia-han",
        _("Gia hạn"),
        "manage",
        forms.ExtendForm,
        lambda case, user, data: services.extend_case(case=case, actor=user, **data),
        _can_extend,
        _("Đã ban hành văn bản gia hạn."),
    ),
    CaseAction(
        "tam-dinh-chi",
        _("Tạm đình chỉ"),
        "manage",
        forms.ReasonForm,
        lambda case, user, data: services.suspend_case(case=case, actor=user, **data),
        _can_suspend,
        _("Đã ban hành quyết định tạm đình chỉ."),
    ),
    CaseAction(
        "tiep-tuc",
        _("Tiếp tục giải quyết"),
        "manage",
        None,
        lambda case, user, data: services.resume_case(case=case, actor=user),
        lambda case: case.status == CaseStatus.SUSPENDED,
        _("Đã ban hành quyết định tiếp tục giải quyết."),
    ),
    CaseAction(
        "giai-quyet",
        _("Giải quyết, trả lời"),
        "resolve",
        forms.ResolveForm,
        lambda case, user, data: services.resolve_case(case=case, actor=user, **data),
        _resolvable,
        _("Đã lưu kết quả giải quyết."),
    ),
    CaseAction(
        "gui",
        _("Đã gửi kết quả"),
        "resolve",
        None,
        lambda case, user, data: services.send_resolution(case=case, actor=user),
        lambda case: case.status == CaseStatus.RESOLVED and not case.sent_on,
        _("Đã ghi nhận việc gửi kết quả."),
    ),
    CaseAction(
        "cong-khai",
        _("Công khai kết quả"),
        "manage",
        forms.PublishForm,
        lambda case, user, data: services.publish_resolution(case=case, actor=user, **data),
        lambda case: case.status == CaseStatus.RESOLVED and _pending_publication(case),
        _("Đã ghi nhận việc công khai."),
    ),
    CaseAction(
        "ket-thuc",
        _("Kết thúc vụ việc"),
        "manage",
        None,
        lambda case, user, data: services.close_case(case=case, actor=user),
        _closable,
        _("Đã kết thúc vụ việc."),
    ),
    CaseAction(
        "dong",
        _("Kết thúc, không giải quyết"),
        "manage",
        forms.ReasonForm,
        lambda case, user, data: services.close_unresolved(case=case, actor=user, **data),
        lambda case: case.is_open,
        _("Đã kết thúc vụ việc."),
    ),
    CaseAction(
        "rut",
        _("Người gửi rút đơn"),
        "manage",
        forms.WithdrawForm,
        lambda case, user, data: services.withdraw_case(case=case, actor=user, **data),
        lambda case: case.is_open,
        _("Đã ghi nhận việc rút đơn."),
    ),
    CaseAction(
        "xin-loi",
        _("Gửi thư xin lỗi (chậm hạn)"),
        "resolve",
        forms.ApologyForm,
        lambda case, user, data: services.issue_apology(case=case, actor=user, **data),
        lambda case: case.can_receive_letters and case.is_overdue(timezone.localdate()),
        _("Đã ban hành thư xin lỗi."),
    ),
    CaseAction(
        "cam-on",
        _("Gửi thư cảm ơn"),
        "resolve",
        None,
        lambda case, user, data: services.issue_thanks(case=case, actor=user),
        lambda case: (
            case.status == CaseStatus.RESOLVED
            and case.kind in (CaseKind.RECOMMENDATION, CaseKind.FEEDBACK)
            and case.can_receive_letters
            and issued(case, "cam_on") is None
        ),
        _("Đã ban hành thư cảm ơn."),
    ),
]
BY_SLUG = {action.slug: action for action in ACTIONS}


def permitted(user: User, case: Case, action: CaseAction) -> bool:
    if action.permission == "identity":
        return access.can_view_identity(user, case)
    return access.can(user, case, action.permission)


def _resolve_form(case: Case, data: Mapping[str, Any] | None) -> django_forms.Form:
    """The decision form with only the reasons this case may need: a complaint's reason for
    deciding without verification or dialogue minutes, where those are missing and a reason
    may stand in for them (resolve_case ignores them otherwise)."""
    form = forms.ResolveForm(data)
    kinds = set(case.minutes.values_list("kind", flat=True))
    if case.kind != CaseKind.COMPLAINT or MinutesKind.VERIFICATION in kinds:
        del form.fields["no_verification_reason"]
    if (
        case.kind != CaseKind.COMPLAINT
        or case.procedure not in DIALOGUE_OR_REASON
        or MinutesKind.DIALOGUE in kinds
    ):
        del form.fields["no_dialogue_reason"]
    return form


def make_form(
    action: CaseAction,
    case: Case,
    deadlines: Sequence[CaseDeadline],
    data: Mapping[str, Any] | None = None,
) -> django_forms.Form | None:
    if action.form is None:
        return None
    if action.form is forms.AssignForm:
        assigned: dict[str, Any] = {
            "handler": case.handler_id,
            "verifiers": list(case.verifiers.all()),
        }
        return forms.AssignForm(data, school=case.organisation, initial=assigned)
    if action.form is forms.ExtendForm:
        return forms.ExtendForm(data, steps=_pending_with_due(deadlines))
    if action.form is forms.ClassifyForm:
        classified = {"kind": case.kind, "procedure": case.procedure, "is_remote": case.is_remote}
        return forms.ClassifyForm(data, initial=classified)
    if action.form is forms.ResolveForm:
        return _resolve_form(case, data)
    if action.form is forms.RedactForm:
        return forms.RedactForm(data, initial={"content": case.content})
    return action.form(data)


def next_steps(case: Case) -> list[str]:
    """The actions the case's state calls for next, most urgent first (before filtering by
    what is offered to whom): the admission decision for a new complaint or denunciation
    (Luật KN Điều 27, Luật TC Điều 29), an answer for other kinds; then the resolver, the
    redacted version, the minutes the decision needs, the decision; after it, sending,
    publication and closing."""
    if case.status in RECEIVED:
        if case.kind in FORMAL and not case.is_anonymous_information:
            return ["thu-ly", "khong-thu-ly", "tiep-nhan"]
        return ["phan-cong", "giai-quyet", "tiep-nhan"]
    if case.status in WORKING:
        steps = []
        if case.handler_id is None:
            steps.append("phan-cong")
        if case.needs_redaction:
            steps.append("bien-tap")
        if decision_blocker(case) or (case.kind in FORMAL and not case.minutes.exists()):
            steps.append("bien-ban")
        steps.append("giai-quyet")
        if case.is_overdue(timezone.localdate()):
            steps.insert(0, "xin-loi")
        return steps
    if case.status == CaseStatus.SUSPENDED:
        return ["tiep-tuc"]
    if case.status == CaseStatus.RESOLVED:
        return ["gui", "cong-khai", "ket-thuc", "cam-on"]
    return []


def action_forms(
    request: AuthenticatedRequest, case: Case, deadlines: Sequence[CaseDeadline], **bound
) -> list[dict[str, Any]]:
    """The actions this user may take on this case now, each with its (maybe bound) form:
    those `next_steps` names first and shown open (`next`), at most NEXT_SHOWN; the others
    folded, unless a refused submission of theirs is being shown again."""
    available = [
        action
        for action in ACTIONS
        if action.offered(case) and permitted(request.user, case, action)
    ]
    by_slug = {action.slug: action for action in available}
    first = [by_slug[slug] for slug in next_steps(case) if slug in by_slug][:NEXT_SHOWN]
    rest = [action for action in available if action not in first]
    offered = []
    for action in [*first, *rest]:
        form = bound.get(action.slug) or make_form(action, case, deadlines)
        offered.append(
            {
                "action": action,
                "form": form,
                "next": action in first,
                "open": action in first or action.slug in bound,
            }
        )
    return offered


def detail_context(request: AuthenticatedRequest, case: Case, **forms) -> dict[str, Any]:
    """The case page for this user; `forms` are bound forms of a refused action, by slug."""
    user = request.user
    parts = access.case_parts(user, case)
    today = timezone.localdate()
    deadlines = list(case.deadlines.order_by("order"))
    offered = action_forms(request, case, deadlines, **forms)
    return {
        "case": case,
        "parts": parts,
        "today": today,
        "deadlines": deadlines,
        "events": access.timeline(user, case),
        "sender": access.sender_label(user, case),
        "can_read": access.can(user, case, "content"),
        "can_letters": access.can(user, case, "letters"),
        "minutes": case.minutes.select_related("author")
        if access.can(user, case, "verify")
        else (),
        "documents": services.case_documents(case),
        "attachments": case.attachments.all() if access.can(user, case, "files") else (),
        "can_contact": access.can(user, case, "contact") and not case.is_denunciation,
        "can_identity": access.can_view_identity(user, case),
        "id_number": secrecy.unseal(case.id_number_token)
        if access.can(user, case, "contact") and case.id_number_token
        else "",
        "verifiers": case.verifiers.all(),
        "split_cases": case.split_cases.all(),
        "forms": offered,
        "next_actions": [item for item in offered if item["next"]],
        "other_actions": [item for item in offered if not item["next"]],
        "other_open": any(item["open"] for item in offered if not item["next"]),
        "decision_blocker": decision_blocker(case) if case.status in WORKING else "",
        "minutes_kinds": MinutesKind,
    }
