"""Delivering the outbox in the background worker, with retries and a visible failure state.

A message moves pending → sending → sent, or back to pending with a later attempt time when the
channel fails (the schedule's sweep retries it then), and to failed after MAX_ATTEMPTS (shown in
the admin with its last error; an administrator may send it again). Never sent twice:
- a message is claimed in its own committed transaction before the channel is called, and only a
  pending message (or one whose claim has expired) can be claimed: a second task for the same
  message, or a replayed task after it was sent, finds nothing to do;
- a worker that dies after the claim leaves the message "sending"; the schedule's sweep gives it
  back to pending after CLAIM_TIMEOUT, so it is retried, not lost. The channel is told the
  message's stable id (the e-mail's Message-ID), so a mail server that had accepted it before the
  crash receives the same message again, which mail clients show once.

Channels (`CHANNELS`): e-mail through Django's mailer. An SMS or Zalo OA sender is a class with
`send(message: Outgoing) -> None` added to settings.GANDAN_MESSAGE_CHANNELS; the domain apps name
none of them.
"""

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from gandan.core import sealing
from gandan.core.language import in_vietnamese
from gandan.notify.mail import VietnameseEmail
from gandan.notify.models import Channel, MessageStatus, OutboxMessage

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# After attempt n fails, the next is RETRY_AFTER[n - 1] later.
RETRY_AFTER = [
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
    dt.timedelta(hours=12),
]
CLAIM_TIMEOUT = dt.timedelta(minutes=15)
STOP_SALT = "gandan.notify.stop"


@dataclass(frozen=True)
class File:
    name: str
    content: bytes
    mimetype: str


@dataclass(frozen=True)
class Outgoing:
    """A message as a channel sends it: unsealed, attachments rendered."""

    message_id: str
    address: str
    subject: str
    body: str
    files: list[File] = field(default_factory=list)


class EmailChannel:
    def send(self, outgoing: Outgoing) -> None:
        email = VietnameseEmail(
            subject=outgoing.subject,
            body=outgoing.body,
            to=[outgoing.address],
            headers={"Message-ID": outgoing.message_id},
        )
        for file in outgoing.files:
            email.attach(file.name, file.content, file.mimetype)
        email.send()


def channel(name: str):
    configured = getattr(settings, "GANDAN_MESSAGE_CHANNELS", {})
    if name in configured:
        return import_string(configured[name])()
    if name == Channel.EMAIL:
        return EmailChannel()
    raise LookupError(name)


def enqueue(message: OutboxMessage) -> None:
    """Ask the worker to deliver `message`: a row of the task table, in the caller's transaction."""
    deliver_task.enqueue(message.pk)


@task()
def deliver_task(message_id: int) -> str:
    return deliver(message_id)


def _claim(message_id: int, now: dt.datetime | None = None) -> OutboxMessage | None:
    now = now or timezone.now()
    with transaction.atomic():
        claimable = Q(status=MessageStatus.PENDING, next_attempt_at__lte=now) | Q(
            status=MessageStatus.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT
        )
        claimed = (
            OutboxMessage.objects.filter(claimable, pk=message_id).update(
                status=MessageStatus.SENDING, claimed_at=now
            )
            == 1
        )
    return OutboxMessage.objects.get(pk=message_id) if claimed else None


def stop_url(message: OutboxMessage) -> str:
    from gandan.notify.services import site_url

    token = signing.dumps(str(message.public_id), salt=STOP_SALT)
    return site_url(reverse("notify:stop", args=[token]))


@in_vietnamese
def outgoing(message: OutboxMessage) -> Outgoing:
    from gandan.paperwork.models import OutgoingDocument
    from gandan.paperwork.responses import MIME_TYPES, download_name
    from gandan.paperwork.services import export_document

    body = sealing.unseal(message.body_token)
    if message.stop_link:
        body += "\n\n-- \n" + _(
            "Thư này do hệ thống Gần Dân gửi tự động. Không muốn nhận thư nữa: %(url)s"
        ) % {"url": stop_url(message)}
    files = []
    for item in message.attachments:
        document = OutgoingDocument.objects.get(pk=item["document"])
        fmt = item.get("format", "pdf")
        files.append(
            File(
                name=download_name(document.number_symbol, fmt),
                content=export_document(document, fmt),
                mimetype=MIME_TYPES[fmt],
            )
        )
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    return Outgoing(
        message_id=f"<{message.public_id}@{domain}>",
        address=sealing.unseal(message.address_token),
        subject=sealing.unseal(message.subject_token),
        body=body,
        files=files,
    )


def without_address(text: str, message: OutboxMessage) -> str:
    """An error as it may be kept and logged: a mail server's refusal names the recipient
    ("550 nguoi.to.cao@...: user unknown"), and the address is sealed for a reason (a
    denouncer's). The address and its local part become "[địa chỉ]"."""
    try:
        address = sealing.unseal(message.address_token)
    except Exception:  # an unreadable seal: nothing to take out
        return text
    for secret in (address, address.partition("@")[0]):
        if len(secret) >= 3:
            text = re.sub(re.escape(secret), "[địa chỉ]", text, flags=re.IGNORECASE)
    return text


def deliver(message_id: int, now: dt.datetime | None = None) -> str:
    """Send one message if it is due and not sent; returns what became of it."""
    now = now or timezone.now()
    message = _claim(message_id, now)
    if message is None:
        return "skipped"
    try:
        channel(message.channel).send(outgoing(message))
    except Exception as exc:  # any failure of the channel: retried later, never lost
        error = without_address(f"{type(exc).__name__}: {exc}", message)
        logger.warning("message %s: attempt %s failed: %s", message.pk, message.attempts + 1, error)
        attempts = message.attempts + 1
        failed = attempts >= MAX_ATTEMPTS
        OutboxMessage.objects.filter(pk=message.pk).update(
            status=MessageStatus.FAILED if failed else MessageStatus.PENDING,
            attempts=attempts,
            claimed_at=None,
            next_attempt_at=now + RETRY_AFTER[min(attempts, len(RETRY_AFTER)) - 1],
            last_error=error[:500],
        )
        return "failed" if failed else "retry"
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=MessageStatus.SENT,
        attempts=message.attempts + 1,
        sent_at=timezone.now(),
        last_error="",
    )
    return "sent"


def sweep(now: dt.datetime | None = None) -> int:
    """Deliver what is due and was not delivered: messages whose task was lost with a crashed
    worker (a stale claim) or whose retry time has come. Run by the schedule every minute."""
    now = now or timezone.now()
    due = OutboxMessage.objects.filter(
        Q(status=MessageStatus.PENDING, next_attempt_at__lte=now)
        | Q(status=MessageStatus.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT)
    ).values_list("pk", flat=True)
    results = [deliver(pk, now) for pk in list(due[:500])]
    return results.count("sent")


def retry(message: OutboxMessage) -> None:
    """An administrator sends a failed message again (a fresh round of attempts)."""
    with transaction.atomic():
        updated = OutboxMessage.objects.filter(pk=message.pk, status=MessageStatus.FAILED).update(
            status=MessageStatus.PENDING, attempts=0, next_attempt_at=timezone.now()
        )
        if updated:
            enqueue(message)
