"""Use cases of disclosure: record, publish, take down, withdraw, acknowledge, request, answer."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.core.uploads import check_upload
from gandan.democracy import deadlines, events, notices
from gandan.democracy.models import (
    Acknowledgement,
    Audience,
    Channel,
    DisclosureItem,
    DisclosureObligation,
    EventKind,
    InformationRequest,
    RequestReason,
    RequestStatus,
    Timing,
)
from gandan.orgs.models import Organisation, User

PHOTO_TYPES = {"image/jpeg", "image/png", "application/pdf"}


def _store_file(field, upload: UploadedFile, *, allowed: set[str] | None = None) -> str:
    checked = check_upload(upload)
    if allowed is not None and checked.content_type not in allowed:
        raise ValidationError(_("Ảnh minh chứng phải là ảnh JPG, PNG hoặc tệp PDF."))
    field.save(upload.name, upload, save=False)
    return checked.content_type


def late_recording_warning(
    obligation: DisclosureObligation,
    *,
    decision_date: dt.date | None,
    year: int | None,
    is_update: bool,
    today: dt.date,
) -> str | None:
    """The warning shown before an item is recorded whose due date has already passed (None
    when it has not, or when the input cannot give a due date: recording then says why).

    The due date runs from the decision (Luật 10/2022/QH15 Điều 47 k2) or is the year's fixed
    day (Thông tư 09/2024 Điều 15 k1), not from the day it is entered here, so a late entry is
    late; the clerk is told before saving, which also catches a mistyped year or date."""
    if obligation.timing == Timing.ON_DECISION:
        is_update = False
        year = year or (decision_date.year if decision_date else None)
    try:
        due, _rule = deadlines.due_date(
            obligation, decision_date=decision_date, year=year, is_update=is_update
        )
    except ValidationError:
        return None
    if due >= today:
        return None
    return _(
        "Hạn công khai của nội dung này là %(due)s, đã qua %(days)s ngày: nội dung sẽ được "
        "ghi nhận muộn và hiện là quá hạn cho đến khi công khai. Kiểm tra lại năm, ngày ban "
        "hành; nếu đúng, đánh dấu ô này rồi bấm Ghi nhận."
    ) % {"due": due.strftime("%d/%m/%Y"), "days": (today - due).days}


@in_vietnamese
@transaction.atomic
def record_disclosure(
    *,
    organisation: Organisation,
    obligation: DisclosureObligation,
    actor: User,
    title: str,
    body: str = "",
    decision_reference: str = "",
    decision_date: dt.date | None = None,
    year: int | None = None,
    is_update: bool = False,
    document: UploadedFile | None = None,
) -> DisclosureItem:
    """Record what must be disclosed (a decision, a yearly item); its due date is stored.

    The same item sent again before it is published (a double click on the form) returns the
    one recorded rather than a second register line.
    """
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Cần nhập tiêu đề nội dung công khai.")})
    recorded = DisclosureItem.objects.filter(
        organisation=organisation,
        obligation=obligation,
        title=title[:300],
        body=body.strip(),
        decision_reference=decision_reference.strip()[:100],
        decision_date=decision_date,
        created_by=actor,
        published_on__isnull=True,
        withdrawn=False,
    ).first()
    if recorded is not None and document is None:
        return recorded
    if not obligation.is_active:
        raise ValidationError({"obligation": _("Nội dung này không còn áp dụng.")})
    if obligation.timing == Timing.ON_DECISION:
        is_update = False
        year = year or (decision_date.year if decision_date else None)
    due, rule = deadlines.due_date(
        obligation, decision_date=decision_date, year=year, is_update=is_update
    )
    item = DisclosureItem(
        organisation=organisation,
        obligation=obligation,
        title=title[:300],
        body=body.strip(),
        decision_reference=decision_reference.strip()[:100],
        decision_date=decision_date,
        year=year,
        is_update=is_update,
        due_date=due,
        due_rule=rule[:200],
        created_by=actor,
    )
    if document is not None:
        item.document_type = _store_file(item.document, document)
        item.document_name = (document.name or "")[:255]
    item.save()
    events.record(
        organisation,
        EventKind.DISCLOSURE_RECORDED,
        _("Ghi nhận “%(title)s”, hạn công khai %(due)s")
        % {"title": item.title, "due": due.strftime("%d/%m/%Y")},
        actor,
        item=item,
    )
    return item


@in_vietnamese
@transaction.atomic
def publish_disclosure(
    *,
    item: DisclosureItem,
    actor: User,
    published_on: dt.date,
    channels: list[str],
    proof_url: str = "",
    proof_photo: UploadedFile | None = None,
    body: str = "",
    document: UploadedFile | None = None,
) -> DisclosureItem:
    """Mark the item disclosed on a date, through channels, with proof. An item recorded with
    nothing to read takes its text or file here; with neither it is refused."""
    item = (
        DisclosureItem.objects.select_for_update(of=("self",))
        .select_related("obligation")
        .get(pk=item.pk)
    )
    if item.withdrawn:
        raise ValidationError(_("Nội dung đã thu hồi không công khai được."))
    if item.published_on is not None:
        raise ValidationError(_("Nội dung này đã được công khai."))
    channels = [channel for channel in channels if channel in Channel.values]
    if not channels:
        raise ValidationError({"channels": _("Cần chọn ít nhất một hình thức công khai.")})
    if published_on > timezone.localdate():
        raise ValidationError({"published_on": _("Ngày công khai không thể ở tương lai.")})
    if item.decision_date and published_on < item.decision_date:
        raise ValidationError(
            {"published_on": _("Ngày công khai không thể trước ngày ban hành văn bản.")}
        )
    if Channel.PORTAL in channels and not proof_url and item.audience == Audience.PUBLIC:
        raise ValidationError(
            {"proof_url": _("Công khai trên cổng thông tin: hãy dán đường dẫn trang đã đăng.")}
        )
    fields = ["published_on", "channels", "proof_url", "updated_at"]
    # Luật 10/2022/QH15 Điều 46–47, Thông tư 09/2024 Điều 4–9: what is disclosed is the content
    # itself; a register line marked published with no text and no document discloses nothing.
    if not item.has_content:
        if body.strip():
            item.body = body.strip()
            fields.append("body")
        if document is not None:
            item.document_type = _store_file(item.document, document)
            item.document_name = (document.name or "")[:255]
            fields += ["document", "document_name", "document_type"]
    if not item.has_content:
        raise ValidationError(
            {
                "body": _(
                    "Chưa có gì để công khai: hãy nhập nội dung hoặc đính kèm tệp văn bản "
                    "trước khi ghi nhận đã công khai."
                )
            }
        )
    item.published_on = published_on
    item.channels = channels
    item.proof_url = proof_url.strip()
    if proof_photo is not None:
        item.proof_photo_type = _store_file(item.proof_photo, proof_photo, allowed=PHOTO_TYPES)
        fields += ["proof_photo", "proof_photo_type"]
    item.save(update_fields=fields)
    found = deadlines.item_compliance(item, timezone.localdate())
    events.record(
        item.organisation,
        EventKind.DISCLOSURE_PUBLISHED,
        _("Công khai “%(title)s” ngày %(day)s (%(status)s)")
        % {"title": item.title, "day": published_on.strftime("%d/%m/%Y"), "status": found.label},
        actor,
        item=item,
    )
    notices.disclosure_published(item, actor)
    return item


@in_vietnamese
@transaction.atomic
def take_down_disclosure(
    *, item: DisclosureItem, actor: User, taken_down_on: dt.date
) -> DisclosureItem:
    """Record the day the notice came down; the register then shows whether it was too early."""
    item = (
        DisclosureItem.objects.select_for_update(of=("self",))
        .select_related("obligation")
        .get(pk=item.pk)
    )
    if item.published_on is None:
        raise ValidationError(_("Nội dung chưa công khai thì chưa thể gỡ xuống."))
    if item.taken_down_on is not None:
        raise ValidationError(_("Nội dung này đã được ghi là gỡ xuống."))
    if taken_down_on < item.published_on:
        raise ValidationError({"taken_down_on": _("Ngày gỡ xuống không thể trước ngày công khai.")})
    if taken_down_on > timezone.localdate():
        raise ValidationError({"taken_down_on": _("Ngày gỡ xuống không thể ở tương lai.")})
    item.taken_down_on = taken_down_on
    item.save(update_fields=["taken_down_on", "updated_at"])
    found = deadlines.item_compliance(item, timezone.localdate())
    summary = _("Gỡ xuống “%(title)s” ngày %(day)s") % {
        "title": item.title,
        "day": taken_down_on.strftime("%d/%m/%Y"),
    }
    if found.taken_down_early and found.posting_ends is not None:
        summary += " — " + _("trước thời hạn niêm yết (đến hết %(day)s)") % {
            "day": found.posting_ends.strftime("%d/%m/%Y")
        }
    events.record(item.organisation, EventKind.DISCLOSURE_TAKEN_DOWN, summary, actor, item=item)
    return item


@in_vietnamese
@transaction.atomic
def withdraw_disclosure(*, item: DisclosureItem, actor: User, reason: str) -> DisclosureItem:
    """Nothing official is deleted: a mistaken item is withdrawn with a reason."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Cần ghi lý do thu hồi.")})
    item = DisclosureItem.objects.select_for_update().get(pk=item.pk)
    if item.withdrawn:
        raise ValidationError(_("Nội dung này đã được thu hồi."))
    item.withdrawn = True
    item.withdrawn_reason = reason
    item.save(update_fields=["withdrawn", "withdrawn_reason", "updated_at"])
    events.record(
        item.organisation,
        EventKind.DISCLOSURE_WITHDRAWN,
        _("Thu hồi “%(title)s”: %(reason)s") % {"title": item.title, "reason": reason},
        actor,
        item=item,
    )
    return item


@in_vietnamese
def acknowledge_disclosure(*, item: DisclosureItem, user: User) -> Acknowledgement:
    """A staff member confirms having read a published staff disclosure (idempotent)."""
    if item.obligation.audience != Audience.STAFF:
        raise ValidationError(_("Chỉ nội dung công khai trong đơn vị cần xác nhận đã đọc."))
    if not item.is_published:
        raise ValidationError(_("Nội dung chưa công khai."))
    existing = Acknowledgement.objects.filter(item=item, user=user).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            acknowledgement = Acknowledgement.objects.create(
                item=item, user=user, acknowledged_at=timezone.now()
            )
            events.record(
                item.organisation,
                EventKind.ACKNOWLEDGED,
                _("%(name)s xác nhận đã đọc “%(title)s”")
                % {"name": user.full_name, "title": item.title},
                user,
                item=item,
            )
    except IntegrityError:
        # A double click: the first confirmation stands.
        return Acknowledgement.objects.get(item=item, user=user)
    return acknowledgement


@in_vietnamese
@transaction.atomic
def request_information(
    *,
    organisation: Organisation,
    requester: User,
    reason: str,
    text: str,
    obligation: DisclosureObligation | None = None,
    item: DisclosureItem | None = None,
) -> InformationRequest:
    """Luật 10/2022/QH15, Điều 48 k4: staff ask the head for information that should have been
    disclosed, whose disclosure period ended, or that they could not access."""
    if reason not in RequestReason.values:
        raise ValidationError({"reason": _("Hãy chọn trường hợp yêu cầu.")})
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Hãy ghi thông tin cần được cung cấp.")})
    if item is not None and item.organisation_id != organisation.pk:
        raise ValidationError({"item": _("Nội dung này không thuộc đơn vị.")})
    # The same request sent again while the first waits for its answer is that request.
    waiting = InformationRequest.objects.filter(
        organisation=organisation,
        requester=requester,
        reason=reason,
        text=text,
        obligation=obligation,
        item=item,
        status=RequestStatus.OPEN,
    ).first()
    if waiting is not None:
        return waiting
    request = InformationRequest.objects.create(
        organisation=organisation,
        requester=requester,
        reason=reason,
        text=text,
        obligation=obligation,
        item=item,
    )
    events.record(
        organisation,
        EventKind.REQUEST_SUBMITTED,
        _("%(name)s yêu cầu cung cấp thông tin: %(text)s")
        % {"name": requester.full_name, "text": text[:200]},
        requester,
        request=request,
    )
    return request


@in_vietnamese
@transaction.atomic
def answer_information_request(
    *, request: InformationRequest, actor: User, answer: str, declined: bool = False
) -> InformationRequest:
    """The head provides the information (or declines with a reason, e.g. a state secret)."""
    answer = answer.strip()
    if not answer:
        raise ValidationError({"answer": _("Hãy ghi nội dung trả lời.")})
    request = InformationRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != RequestStatus.OPEN:
        raise ValidationError(_("Yêu cầu này đã được trả lời."))
    request.status = RequestStatus.DECLINED if declined else RequestStatus.ANSWERED
    request.answer = answer
    request.answered_by = actor
    request.answered_at = timezone.now()
    request.save(update_fields=["status", "answer", "answered_by", "answered_at", "updated_at"])
    events.record(
        request.organisation,
        EventKind.REQUEST_ANSWERED,
        _("Trả lời yêu cầu cung cấp thông tin của %(name)s (%(status)s)")
        % {"name": request.requester.full_name, "status": request.get_status_display()},
        actor,
        request=request,
    )
    return request
