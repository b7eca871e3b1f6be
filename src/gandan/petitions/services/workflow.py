"""Admission and handling of a case: classify, split, accept or refuse, transfer, assign,
verification and dialogue minutes, redaction of a denunciation.

Each use case locks the case, checks its preconditions (a refusal raises ValidationError and
changes nothing), writes, recomputes the stored due dates, marks the steps it fulfils, issues
its documents and writes one timeline event, in one transaction.

A replay — the same action again on a case it has already brought to its result (a double
click, a resent form, a script POSTing three times) — returns that result and changes nothing:
no second event, notice or numbered document. The lock makes two simultaneous copies queue, so
the second sees the first's result. Any other state the action does not start from is refused.
"""

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.orgs import access as org_access
from gandan.orgs.models import Role, User
from gandan.petitions import documents, events, notices, secrecy
from gandan.petitions.models import (
    PROCEDURES_OF_KIND,
    Case,
    CaseEventKind,
    CaseKind,
    CaseMinutes,
    CaseStatus,
    DeadlineRule,
    DenouncerIdentity,
    MinutesKind,
)
from gandan.petitions.services.documents import issue_case_document
from gandan.petitions.services.intake import Sender, Submission, create_case, neutral_file_name
from gandan.petitions.services.timing import (
    complete_steps,
    drop_pending_steps,
    refresh_next_due,
    store_deadlines,
)

# Luật Khiếu nại 2011 with NĐ 124/2020 (first instance: the head of the public unit) and
# Luật Tố cáo 2018, Điều 12 k1 (the head managing the person denounced): the resolver of a
# complaint or a denunciation is the head, or a deputy signing for the head; at a ward holding
# a complaint against its own decision, its officer, who signs for the committee (Luật Khiếu
# nại 2011, Điều 17; the role counts in its own authority only, see access.CASE_MANAGERS).
RESOLVER_ROLES = {Role.HEAD, Role.DEPUTY_HEAD, Role.AUTHORITY_OFFICER}


def lock_case(case: Case) -> Case:
    return (
        Case.objects.select_for_update(of=("self",))
        .select_related("organisation__parent")
        .get(pk=case.pk)
    )


def require_status(case: Case, allowed: Sequence[str], message: str) -> None:
    if case.status not in allowed:
        raise ValidationError(message)


def due_label(case: Case, step: str) -> str:
    row = case.deadlines.filter(step=step).first()
    if row is None or row.due is None:
        return _("theo quy định")
    # A letter states a school's own target as its commitment, never the rules table's
    # internal note ("không phải thời hạn luật định") that staff read on the case page.
    # The limit's own basis is the rule row in force at receipt; a transition clause carried
    # onto the step (deadlines.AppliedRule) concerns its suspension, and staff read it on the
    # case page. A citation not yet checked against the official text is never printed to a
    # citizen: the date stays, the basis is left out.
    source = (
        DeadlineRule.objects.in_force(case.kind, case.received_on, case.procedure)
        .filter(step=step)
        .first()
    )
    citation, unverified = (
        (source.citation, source.needs_verification)
        if source is not None
        else (row.citation, row.needs_verification)
    )
    if unverified and not row.is_internal_policy:
        return _("%(limit)s %(unit)s, đến hết ngày %(due)s") % {
            "limit": f"{row.limit:02d}",
            "unit": row.get_unit_display(),
            "due": row.due.strftime("%d/%m/%Y"),
        }
    basis = _("theo cam kết của nhà trường") if row.is_internal_policy else citation
    return _("%(limit)s %(unit)s, đến hết ngày %(due)s (%(citation)s)") % {
        "limit": f"{row.limit:02d}",
        "unit": row.get_unit_display(),
        "due": row.due.strftime("%d/%m/%Y"),
        "citation": basis,
    }


@in_vietnamese
@transaction.atomic
def classify_case(
    *, case: Case, actor: User, kind: str, procedure: str = "", is_remote: bool | None = None
) -> Case:
    """Set the kind and procedure of a received case; due dates follow the new kind.

    Precondition: not yet accepted. A case reclassified as a denunciation has its sender's
    contact sealed as a denouncer identity (Luật Tố cáo 2018, Điều 47 k2).
    """
    case = lock_case(case)
    require_status(case, [CaseStatus.RECEIVED], _("Chỉ phân loại được đơn chưa thụ lý."))
    if kind not in CaseKind.values:
        raise ValidationError({"kind": _("Loại đơn không hợp lệ.")})
    procedure = procedure or PROCEDURES_OF_KIND[kind][0]
    if procedure not in PROCEDURES_OF_KIND[kind]:
        raise ValidationError({"procedure": _("Thủ tục này không thuộc loại đơn đã chọn.")})
    if (case.kind, case.procedure) == (kind, procedure) and is_remote in (None, case.is_remote):
        return case  # already so classified: nothing changes
    # Luật Khiếu nại 2011, Điều 8, as at intake (services/intake.py): a khiếu nại states the
    # complainant's name and address; an anonymous or addressless text stays what it is.
    unnamed = case.is_anonymous or not case.contact_name.strip()
    becomes_complaint = kind == CaseKind.COMPLAINT != case.kind
    if becomes_complaint and (unnamed or not case.contact_address.strip()):
        raise ValidationError(
            {
                "kind": _(
                    "Không chuyển được thành khiếu nại: đơn không ghi đủ họ tên và địa chỉ "
                    "của người gửi (Luật Khiếu nại, Điều 8)."
                )
            }
        )
    before = (case.kind_label, case.get_procedure_display())
    if kind == CaseKind.DENUNCIATION and not case.is_anonymous and not hasattr(case, "denouncer"):
        DenouncerIdentity.objects.create(
            case=case,
            name_token=secrecy.seal(case.contact_name),
            address_token=secrecy.seal(case.contact_address),
            phone_token=secrecy.seal(case.contact_phone),
            email_token=secrecy.seal(case.contact_email),
            id_number_token=case.id_number_token,
            original_content_token=secrecy.seal(case.content),
        )
        case.contact_name = case.contact_phone = case.contact_email = case.contact_address = ""
        case.salutation = ""  # sealed with the rest: it says who the denouncer is
        case.id_number_token = ""
        case.content = ""
        case.needs_redaction = True
        _seal_attachments(case)
    case.kind = kind
    case.procedure = procedure
    if is_remote is not None:
        case.is_remote = is_remote
    case.save()
    store_deadlines(case)
    events.record(
        case,
        CaseEventKind.CLASSIFIED,
        _("Phân loại: %(old)s (%(old_p)s) → %(new)s (%(new_p)s)")
        % {
            "old": before[0],
            "old_p": before[1],
            "new": case.kind_label,
            "new_p": case.get_procedure_display(),
        },
        actor=actor,
        public_summary=_("Đơn được phân loại là: %(kind)s.") % {"kind": case.kind_label.lower()},
    )
    return case


def _seal_attachments(case: Case) -> None:
    """A case that becomes a named denunciation: its files may identify the denouncer
    (handwriting, signature, a name in the file name), so they are sealed like the identity
    (Luật Tố cáo 2018, Điều 47 k2). The plain copy is removed once the change is committed."""
    for attachment in case.attachments.filter(is_identifying=False):
        with attachment.file.open("rb") as handle:
            data = handle.read()
        plain, storage = attachment.file.name, attachment.file.storage
        attachment.file.save("tep", ContentFile(secrecy.seal_bytes(data)), save=False)
        attachment.name_token = secrecy.seal(attachment.original_name)
        attachment.original_name = neutral_file_name(attachment.content_type)
        attachment.is_identifying = True
        attachment.save(update_fields=["file", "name_token", "original_name", "is_identifying"])
        if plain:
            transaction.on_commit(functools.partial(storage.delete, plain))


@dataclass(frozen=True)
class CasePart:
    kind: str
    title: str
    content: str


@in_vietnamese
@transaction.atomic
def split_case(*, case: Case, actor: User, parts: Sequence[CasePart]) -> list[Case]:
    """Split a mixed application (Luật Tiếp công dân 2013, Điều 25 k3): each part becomes a
    case of its own kind, received on the same day, with its own tracking code; the original
    keeps the rest. Precondition: not yet accepted; every part has a kind, title and content.
    """
    case = lock_case(case)
    require_status(case, [CaseStatus.RECEIVED], _("Chỉ tách được đơn chưa thụ lý."))
    if not parts:
        raise ValidationError(_("Hãy ghi ít nhất một nội dung cần tách."))
    for part in parts:
        if part.kind not in CaseKind.values or not part.title.strip() or not part.content.strip():
            raise ValidationError(_("Mỗi nội dung tách ra cần loại đơn, tóm tắt và nội dung."))
    identity = getattr(case, "denouncer", None)
    children = []
    for part in parts:
        title = " ".join(part.title.split())
        # A part already split off (the same form sent again) is not split a second time.
        earlier = case.split_cases.filter(kind=part.kind, title=title).order_by("pk")
        replayed = next((c for c in earlier if _split_content(c) == part.content.strip()), None)
        if replayed is not None:
            children.append(replayed)
            continue
        child = create_case(
            organisation=case.organisation,
            submission=Submission(
                kind=part.kind,
                title=title,
                content=part.content.strip(),
                sender=Sender(
                    name=case.contact_name,
                    phone=case.contact_phone,
                    email=case.contact_email,
                    address=case.contact_address,
                    id_number=secrecy.unseal(case.id_number_token),
                    salutation=case.salutation,
                ),
                channel=case.channel,
                anonymous=case.is_anonymous,
                consent=case.consent_given,
                information_form=case.information_form,
                delivery=case.delivery,
                information_purpose=case.information_purpose,
                denounced_person=case.denounced_person,
                received_at=case.received_at,
                is_remote=case.is_remote,
            ),
            procedure=PROCEDURES_OF_KIND[part.kind][0],
            idempotency_key="",
            actor=actor,
            parent_case=case,
            sealed_identity=DenouncerIdentity.objects.get(pk=identity.pk) if identity else None,
        )
        events.record(
            case,
            CaseEventKind.SPLIT,
            _("Tách nội dung “%(title)s” thành vụ việc %(code)s (%(kind)s)")
            % {"title": child.title, "code": child.display_code, "kind": child.kind_label},
            actor=actor,
            public_summary=_(
                "Đơn có nhiều nội dung nên được tách: %(kind)s, theo dõi bằng mã %(code)s."
            )
            % {"kind": child.kind_label.lower(), "code": child.display_code},
        )
        children.append(child)
    return children


def _split_content(child: Case) -> str:
    """What a split-off part said: a denunciation's content is sealed with its identity."""
    identity = getattr(child, "denouncer", None)
    if child.needs_redaction and identity is not None:
        return secrecy.unseal(identity.original_content_token)
    return child.content


@in_vietnamese
@transaction.atomic
def accept_case(*, case: Case, actor: User, on: dt.date | None = None) -> Case:
    """Thụ lý: the resolution clock starts; the acceptance notice or decision is issued.

    Preconditions: received, not yet accepted; not anonymous information (Luật Tố cáo 2018,
    Điều 25: it is not processed as a tố cáo).
    """
    on = on or timezone.localdate()
    case = lock_case(case)
    if case.accepted_on is not None and case.status in (
        CaseStatus.ACCEPTED,
        CaseStatus.IN_PROGRESS,
        CaseStatus.SUSPENDED,
    ):
        return case  # a replay: accepted already, the notice issued then
    require_status(case, [CaseStatus.RECEIVED], _("Chỉ thụ lý được đơn vừa tiếp nhận."))
    if case.is_anonymous_information:
        raise ValidationError(
            _(
                "Tố cáo nặc danh không được thụ lý như tố cáo (Luật Tố cáo 2018, Điều 25); "
                "có thể kiểm tra thông tin trong phạm vi thẩm quyền rồi kết thúc."
            )
        )
    if on < case.received_on:
        raise ValidationError(_("Ngày thụ lý không được trước ngày nhận đơn."))
    case.accepted_on = on
    case.status = CaseStatus.IN_PROGRESS if case.handler_id else CaseStatus.ACCEPTED
    case.save(update_fields=["accepted_on", "status", "updated_at"])
    store_deadlines(case)
    complete_steps(case, CaseEventKind.ACCEPTED, on)
    refresh_next_due(case)
    document = None
    if case.can_receive_letters:
        document = issue_case_document(
            case,
            "thu_ly",
            documents.acceptance(
                case,
                due_label=due_label(case, "giai_quyet"),
                due=case.deadlines.filter(step="giai_quyet").values_list("due", flat=True).first(),
            ),
            actor=actor,
            on=on,
        )
    if case.is_denunciation and case.denounced_person:
        issue_case_document(
            case, "thong_bao_bi_to_cao", documents.denounced_notice(case), actor=actor, on=on
        )
    events.record(
        case,
        CaseEventKind.ACCEPTED,
        _("Thụ lý ngày %(date)s%(doc)s")
        % {
            "date": on.strftime("%d/%m/%Y"),
            "doc": _(", văn bản số %(s)s") % {"s": document.number_symbol} if document else "",
        },
        actor=actor,
        public_summary=_("Nhà trường đã thụ lý giải quyết ngày %(date)s.")
        % {"date": on.strftime("%d/%m/%Y")},
        document=document,
    )
    return case


def _end(case: Case, status: str, *, outcome: str, public_answer: str = "") -> None:
    case.status = status
    case.outcome = outcome
    if public_answer:
        case.public_answer = public_answer
    case.closed_at = timezone.now()
    case.save(update_fields=["status", "outcome", "public_answer", "closed_at", "updated_at"])


@in_vietnamese
@transaction.atomic
def refuse_case(*, case: Case, actor: User, reason: str, on: dt.date | None = None) -> Case:
    """Không thụ lý, in writing with reasons (Luật KN Điều 27; Luật TCTT Điều 28 k2).

    Precondition: received, not yet accepted; a reason.
    """
    on = on or timezone.localdate()
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Phải ghi rõ lý do không thụ lý.")})
    case = lock_case(case)
    if case.status == CaseStatus.REFUSED:
        return case  # a replay: refused already, the notice issued then
    require_status(case, [CaseStatus.RECEIVED], _("Chỉ từ chối thụ lý được đơn vừa tiếp nhận."))
    _end(case, CaseStatus.REFUSED, outcome=reason, public_answer=reason)
    complete_steps(case, CaseEventKind.REFUSED, on)
    drop_pending_steps(case)
    refresh_next_due(case)
    document = None
    if case.can_receive_letters:
        document = issue_case_document(
            case, "khong_thu_ly", documents.refusal(case, reason=reason), actor=actor, on=on
        )
    events.record(
        case,
        CaseEventKind.REFUSED,
        _("Không thụ lý: %(reason)s") % {"reason": reason},
        actor=actor,
        public_summary=_("Nhà trường không thụ lý đơn. Lý do: %(reason)s") % {"reason": reason},
        document=document,
    )
    return case


@in_vietnamese
@transaction.atomic
def transfer_case(
    *, case: Case, actor: User, to_body: str, reason: str, on: dt.date | None = None
) -> Case:
    """Chuyển đơn to the competent body, with a notice to the sender (Luật Tố cáo 2018,
    Điều 24 k2: within 05 working days). Precondition: received, not yet accepted."""
    on = on or timezone.localdate()
    to_body = " ".join(to_body.split())
    reason = reason.strip()
    if not to_body:
        raise ValidationError({"to_body": _("Hãy ghi cơ quan có thẩm quyền nhận đơn.")})
    if not reason:
        raise ValidationError({"reason": _("Hãy ghi vì sao đơn không thuộc thẩm quyền.")})
    case = lock_case(case)
    if case.status == CaseStatus.TRANSFERRED:
        return case  # a replay: transferred already, the letters issued then
    require_status(case, [CaseStatus.RECEIVED], _("Chỉ chuyển được đơn chưa thụ lý."))
    case.transferred_to = to_body[:255]
    case.save(update_fields=["transferred_to", "updated_at"])
    _end(case, CaseStatus.TRANSFERRED, outcome=reason)
    complete_steps(case, CaseEventKind.TRANSFERRED, on)
    drop_pending_steps(case)
    refresh_next_due(case)
    letter = issue_case_document(
        case,
        "chuyen_don",
        documents.transfer(case, to_body=to_body, reason=reason),
        actor=actor,
        on=on,
    )
    if case.can_receive_letters:
        issue_case_document(
            case,
            "thong_bao_chuyen_don",
            documents.transfer_notice(case, to_body=to_body),
            actor=actor,
            on=on,
        )
    events.record(
        case,
        CaseEventKind.TRANSFERRED,
        _("Chuyển đơn đến %(body)s (văn bản số %(symbol)s)")
        % {"body": to_body, "symbol": letter.number_symbol},
        actor=actor,
        public_summary=_("Đơn không thuộc thẩm quyền của nhà trường; đã chuyển đến %(body)s.")
        % {"body": to_body},
        document=letter,
    )
    return case


def _staff_of(user: User, case: Case) -> set[str]:
    return org_access.roles_in_school(user, case.organisation)


@in_vietnamese
@transaction.atomic
def assign_case(*, case: Case, actor: User, handler: User, verifiers: Sequence[User] = ()) -> Case:
    """Name the person who resolves the case and those who verify it.

    Preconditions: the case is open; everyone named is staff of the school; a complaint or a
    denunciation is resolved by the head or a deputy (RESOLVER_ROLES); the resolver does not
    verify their own case.
    """
    case = lock_case(case)
    if not case.is_open:
        raise ValidationError(_("Vụ việc đã kết thúc, không phân công được."))
    roles = _staff_of(handler, case)
    if not roles:
        raise ValidationError({"handler": _("Người giải quyết phải là cán bộ của trường.")})
    needs_head = case.kind in (CaseKind.COMPLAINT, CaseKind.DENUNCIATION)
    if needs_head and not case.is_anonymous_information and not roles & RESOLVER_ROLES:
        raise ValidationError(
            {
                "handler": _(
                    "Khiếu nại, tố cáo do hiệu trưởng (hoặc phó hiệu trưởng ký thay) giải quyết."
                )
            }
        )
    verifiers = list({v.pk: v for v in verifiers}.values())
    for verifier in verifiers:
        if verifier.pk == handler.pk:
            raise ValidationError({"verifiers": _("Người giải quyết không tự xác minh vụ việc.")})
        if not _staff_of(verifier, case):
            raise ValidationError({"verifiers": _("Người xác minh phải là cán bộ của trường.")})
    current = set(case.verifiers.values_list("pk", flat=True))
    if case.handler_id == handler.pk and current == {v.pk for v in verifiers}:
        return case  # the same people again: nothing changes, nobody is told twice
    case.handler = handler
    if case.status == CaseStatus.ACCEPTED:
        case.status = CaseStatus.IN_PROGRESS
    case.save(update_fields=["handler", "status", "updated_at"])
    case.verifiers.set(verifiers)
    notices.tell_assigned(case, handler=handler, verifiers=verifiers)
    names = ", ".join(v.full_name for v in verifiers) or _("không")
    events.record(
        case,
        CaseEventKind.ASSIGNED,
        _("Phân công người giải quyết: %(handler)s; người xác minh: %(verifiers)s")
        % {"handler": handler.full_name, "verifiers": names},
        actor=actor,
        public_summary=_("Vụ việc đã được phân công người giải quyết."),
    )
    return case


@in_vietnamese
@transaction.atomic
def redact_case(*, case: Case, actor: User, content: str) -> Case:
    """The resolver's version of a denunciation without the denouncer's name, address or
    handwriting, for verifiers and everyone else (Luật Tố cáo 2018, Điều 56)."""
    content = content.strip()
    if not content:
        raise ValidationError(
            {"content": _("Hãy ghi nội dung tố cáo đã che thông tin người tố cáo.")}
        )
    case = lock_case(case)
    if not case.is_denunciation:
        raise ValidationError(_("Chỉ đơn tố cáo mới cần biên tập che danh tính."))
    if not case.is_open:
        raise ValidationError(_("Vụ việc đã kết thúc, không biên tập được nội dung."))
    if not case.needs_redaction and case.content == content:
        return case  # the same version again
    case.content = content
    case.needs_redaction = False
    case.save(update_fields=["content", "needs_redaction", "updated_at"])
    events.record(
        case, CaseEventKind.REDACTED, _("Biên tập nội dung tố cáo để giao xác minh"), actor=actor
    )
    return case


@in_vietnamese
@transaction.atomic
def record_minutes(
    *,
    case: Case,
    actor: User,
    kind: str,
    held_on: dt.date,
    participants: str,
    content: str,
    result: str = "",
    place: str = "",
) -> CaseMinutes:
    """A verification report or dialogue minutes (Luật KN Điều 29 k4, 30; Luật TC Điều 31).

    Preconditions: the case is open and not suspended; participants and content given;
    the date is not in the future.
    """
    if kind not in MinutesKind.values:
        raise ValidationError({"kind": _("Loại biên bản không hợp lệ.")})
    if not participants.strip() or not content.strip():
        raise ValidationError(_("Biên bản cần ghi thành phần tham dự và nội dung."))
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("Ngày lập biên bản không được ở tương lai.")})
    case = lock_case(case)
    require_status(
        case,
        [CaseStatus.RECEIVED, CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS],
        _("Chỉ lập biên bản khi vụ việc đang giải quyết (không tạm đình chỉ, chưa kết thúc)."),
    )
    fields = {
        "kind": kind,
        "held_on": held_on,
        "place": place.strip()[:255],
        "participants": participants.strip(),
        "content": content.strip(),
        "result": result.strip(),
    }
    earlier = case.minutes.filter(**fields).order_by("pk").first()
    if earlier is not None:
        return earlier  # the same minutes sent again
    minutes = CaseMinutes.objects.create(case=case, author=actor, **fields)
    if case.status == CaseStatus.ACCEPTED:
        case.status = CaseStatus.IN_PROGRESS
        case.save(update_fields=["status", "updated_at"])
    dialogue = kind == MinutesKind.DIALOGUE
    events.record(
        case,
        CaseEventKind.DIALOGUE if dialogue else CaseEventKind.VERIFICATION,
        (
            _("Biên bản đối thoại ngày %(date)s")
            if dialogue
            else _("Biên bản xác minh ngày %(date)s")
        )
        % {"date": held_on.strftime("%d/%m/%Y")},
        actor=actor,
        public_summary=_("Nhà trường đã tổ chức đối thoại ngày %(date)s.")
        % {"date": held_on.strftime("%d/%m/%Y")}
        if dialogue
        else "",
    )
    return minutes
