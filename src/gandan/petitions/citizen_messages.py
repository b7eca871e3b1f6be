"""Citizens hear back: the receipt and each public step of their case, by message.

`announce(event)` is called by `events.record` for every event, inside the use case's
transaction and under `in_vietnamese`: the steps in ANNOUNCED (the receipt, thụ lý or its
refusal, the transfer, an extension, a suspension and its end, the answer, the end, the
withdrawal, an apology, thanks) are told to a sender who left an address, with the letters
addressed to them for that step attached as PDF (the same letters the tracking page offers,
`access.citizen_letters`). What the message says is the event's public summary: the tracking
page shows the same steps to whoever has only a phone, with the list of messages sent.

The channel is notify's: petitions names only an `address` and a key per event; notify seals
it, appends the stop link, and after a stop writes nothing more. A denouncer's address is kept
sealed in `DenouncerIdentity.email_token`; it is unsealed here only to be handed to
`send_message`, which seals it again in the outbox. A message to a denouncer names them by
the neutral "Ông/Bà", never by name. An anonymous sender gets nothing.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.vietnamese import official_date
from gandan.notify.models import MessageStatus, OutboxMessage
from gandan.notify.services import Attachment, send_message, site_url
from gandan.paperwork.models import OutgoingDocument
from gandan.petitions import access, documents, secrecy
from gandan.petitions.models import Case, CaseEvent, CaseEventKind, DenouncerIdentity
from gandan.petitions.services.documents import case_source
from gandan.petitions.services.intake import receipt_notice
from gandan.worktime.notices import provisional_warning

# The public steps a sender is told of, each with the kinds of the letters to them it may carry
# when the event's own document is addressed to someone else (a transfer's letter goes to the
# competent body; the sender's notice of it is "thong_bao_chuyen_don").
ANNOUNCED: dict[str, tuple[str, ...]] = {
    CaseEventKind.RECEIVED: (),
    CaseEventKind.ACKNOWLEDGED: ("tiep_nhan",),
    CaseEventKind.ACCEPTED: ("thu_ly",),
    CaseEventKind.REFUSED: ("khong_thu_ly",),
    CaseEventKind.TRANSFERRED: ("thong_bao_chuyen_don",),
    CaseEventKind.EXTENDED: ("gia_han",),
    CaseEventKind.SUSPENDED: ("tam_dinh_chi",),
    CaseEventKind.RESUMED: ("tiep_tuc",),
    CaseEventKind.RESOLVED: ("ket_qua",),
    CaseEventKind.CLOSED: ("dinh_chi",),
    CaseEventKind.WITHDRAWN: ("dinh_chi",),
    CaseEventKind.APOLOGISED: ("xin_loi",),
    CaseEventKind.THANKED: ("cam_on",),
}


def message_key(event: CaseEvent) -> str:
    return f"petitions.case:{event.case_id}:event:{event.pk}"


def sender_address(case: Case) -> str:
    """Where the sender asked to be written to, "" when nowhere (or anonymous)."""
    if case.is_anonymous:
        return ""
    if case.is_denunciation:
        identity = DenouncerIdentity.objects.filter(case=case).only("email_token").first()
        return secrecy.unseal(identity.email_token) if identity is not None else ""
    return case.contact_email


def step_letters(event: CaseEvent) -> list[OutgoingDocument]:
    """The letters to the sender this step issued: the event's own, else the newest of the
    step's kind."""
    case = event.case
    letters = access.citizen_letters(case, timezone.localdate())
    if event.document_id is not None:
        own = letters.filter(pk=event.document_id).first()
        if own is not None:
            return [own]
    kinds = ANNOUNCED.get(event.kind, ())
    if not kinds:
        return []
    newest = letters.filter(source__in=[case_source(case, k) for k in kinds]).order_by("-pk")
    first = newest.first()
    return [first] if first is not None else []


def _salutation(case: Case) -> str:
    # A denouncer is addressed without a name: the message must not say who they are.
    if case.is_denunciation:
        return case.form_of_address(capitalised=True)
    return documents.addressee(case)


def tracking_link(case: Case) -> str:
    return site_url(reverse("petitions:tracked", args=[case.tracking_code]))


def _next_due_lines(case: Case) -> list[str]:
    if case.is_closed or case.next_due is None:
        return []
    lines = [
        _("Hạn tiếp theo: %(step)s, chậm nhất %(due)s.")
        % {"step": case.next_step, "due": official_date(case.next_due)}
    ]
    warning = provisional_warning(case.received_on, case.next_due)
    if warning:
        lines.append(warning)
    return lines


def receipt_text(case: Case) -> tuple[str, str]:
    """The receipt's subject and text: the tracking code, the tracking page, the due date."""
    you = case.form_of_address(capitalised=False)
    subject = _("%(org)s đã nhận đơn của %(you)s, mã tra cứu %(code)s") % {
        "org": case.organisation.name,
        "you": you,
        "code": case.display_code,
    }
    lines = [
        _("Kính gửi: %(name)s,") % {"name": _salutation(case)},
        _("%(org)s đã nhận %(kind)s của %(you)s %(date)s.")
        % {
            "org": case.organisation.name,
            "kind": case.kind_label.lower(),
            "you": you,
            "date": official_date(case.received_on),
        },
        _("Mã tra cứu: %(code)s") % {"code": case.display_code},
        _(
            "Xin giữ mã này: dùng nó để theo dõi kết quả tại trang Tra cứu %(url)s. Ai có mã "
            "này đều xem được tình trạng (không xem được nội dung đơn)."
        )
        % {"url": tracking_link(case)},
        *_next_due_lines(case),
    ]
    notice = receipt_notice(case)
    if notice:
        lines.append(notice)
    lines += [_("Trân trọng,") + "\n" + case.organisation.name]
    return subject, "\n\n".join(lines)


def step_text(event: CaseEvent, letters: list[OutgoingDocument]) -> tuple[str, str]:
    """One step's subject and text: the public summary, the letters attached, what follows."""
    case = event.case
    subject = _("Vụ việc %(code)s: %(step)s") % {
        "code": case.display_code,
        "step": event.get_kind_display().lower(),
    }
    lines = [
        _("Kính gửi: %(name)s,") % {"name": _salutation(case)},
        _("%(org)s thông báo về %(kind)s mã %(code)s của %(you)s, nhận %(date)s:")
        % {
            "org": case.organisation.name,
            "kind": case.kind_label.lower(),
            "code": case.display_code,
            "you": case.form_of_address(capitalised=False),
            "date": official_date(case.received_on),
        },
        event.public_summary,
    ]
    for letter in letters:
        lines.append(
            _("Văn bản gửi kèm: số %(symbol)s %(date)s, %(summary)s.")
            % {
                "symbol": letter.number_symbol,
                "date": official_date(letter.issued_on),
                "summary": letter.summary.rstrip("."),
            }
        )
    lines += _next_due_lines(case)
    lines.append(
        _("Xem diễn biến và tải văn bản tại trang Tra cứu: %(url)s") % {"url": tracking_link(case)}
    )
    lines.append(_("Trân trọng,") + "\n" + case.organisation.name)
    return subject, "\n\n".join(lines)


def announce(event: CaseEvent) -> OutboxMessage | None:
    """Queue the message of one public step for the sender; None when nothing is sent (not a
    step told, no address, the address asked to stop). Idempotent by event."""
    if event.kind not in ANNOUNCED or not event.public_summary:
        return None
    address = sender_address(event.case)
    if not address:
        return None
    if event.kind == CaseEventKind.RECEIVED:
        letters: list[OutgoingDocument] = []
        subject, body = receipt_text(event.case)
    else:
        letters = step_letters(event)
        subject, body = step_text(event, letters)
    return send_message(
        address=address,
        key=message_key(event),
        subject=subject,
        body=body,
        attachments=[Attachment(document_id=letter.pk, format="pdf") for letter in letters],
    )


@dataclass(frozen=True)
class Announcement:
    """A step told by message, as the tracking page lists it (never the address)."""

    event: CaseEvent
    status: str
    status_label: str


def announcements(case: Case) -> list[Announcement]:
    """The steps of the case told to the sender by message, oldest first."""
    messages = dict(
        OutboxMessage.objects.filter(
            key__startswith=f"petitions.case:{case.pk}:event:"
        ).values_list("key", "status")
    )
    if not messages:
        return []
    found = []
    for event in case.events.filter(kind__in=list(ANNOUNCED)).order_by("created_at", "pk"):
        status = messages.get(message_key(event))
        if status is not None:
            found.append(Announcement(event, status, str(MessageStatus(status).label)))
    return found
