"""The one way the apps reach people (docs/ARCHITECTURE.md, notify).

- `notify(...)` tells staff members something: one in-app notice each, and an e-mail at once
  (urgent: a deadline; or the person chose "at once" for the topic) or in the daily digest.
- `send_message(...)` writes one e-mail to an address (a citizen who left one): the receipt, a
  step of the case, a letter attached as PDF. It ends with a link to stop messages.

Both write in the caller's transaction: the message is durable exactly when the event is, and
the worker delivers it later (`delivery.deliver`); nothing is sent inside a request. Both are
idempotent by `key`: the same event told twice writes nothing twice.
"""

import hashlib
import hmac
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gandan.core import sealing
from gandan.core.language import check_vietnamese
from gandan.core.vietnamese import shorten
from gandan.notify.models import (
    DEFAULT_EMAIL_CHOICE,
    EmailChoice,
    MailState,
    MessageStatus,
    Notification,
    OutboxMessage,
    Preference,
    Suppression,
    Topic,
)
from gandan.orgs.models import User


@dataclass(frozen=True)
class Attachment:
    """An official document from the register, attached in the given format."""

    document_id: int
    format: str = "pdf"


def site_url(path: str) -> str:
    """An absolute link to a page of this site (e-mails are read outside it)."""
    return settings.GANDAN_SITE_URL.rstrip("/") + path


def email_choice(user: User, topic: str) -> str:
    preference = Preference.objects.filter(user=user, topic=topic).first()
    return preference.email if preference else DEFAULT_EMAIL_CHOICE


def _choices(users: Sequence[User], topic: str) -> dict[int, str]:
    chosen = dict(
        Preference.objects.filter(user__in=users, topic=topic).values_list("user_id", "email")
    )
    return {user.pk: chosen.get(user.pk, DEFAULT_EMAIL_CHOICE) for user in users}


def notify(
    recipients: Iterable[User],
    *,
    topic: Topic,
    kind: str,
    key: str,
    title: str,
    url: str,
    body: str = "",
    urgent: bool = False,
) -> list[Notification]:
    """One notice per recipient (none twice for the same key); returns the new ones.

    `url` is a path of this site; the e-mail links to it, and the login page leads there.
    """
    check_vietnamese("notify.notify")
    people = {user.pk: user for user in recipients if user.is_active}
    if not people:
        return []
    with transaction.atomic():
        known = set(
            Notification.objects.filter(recipient_id__in=people, key=key).values_list(
                "recipient_id", flat=True
            )
        )
        fresh = [user for pk, user in people.items() if pk not in known]
        choices = _choices(fresh, topic)
        notices = []
        for user in fresh:
            choice = choices[user.pk]
            if not user.email or choice == EmailChoice.OFF:
                state = MailState.NONE
            elif urgent or choice == EmailChoice.IMMEDIATE:
                state = MailState.QUEUED
            else:
                state = MailState.DIGEST
            notices.append(
                Notification(
                    recipient=user,
                    topic=topic,
                    kind=kind,
                    key=key,
                    title=shorten(title, 300),
                    body=body,
                    url=url,
                    urgent=urgent,
                    mail_state=state,
                )
            )
        Notification.objects.bulk_create(notices)
        for notice in notices:
            if notice.mail_state == MailState.QUEUED:
                notice.message = queue_message(
                    key=f"notice:{notice.recipient_id}:{key}",
                    topic=topic,
                    recipient=notice.recipient,
                    address=notice.recipient.email,
                    subject=notice.title,
                    body=notice_text(notice),
                )
                notice.save(update_fields=["message"])
    return notices


def notice_text(notice: Notification) -> str:
    from django.utils.translation import gettext as _

    parts = [notice.title]
    if notice.body:
        parts.append(notice.body)
    parts.append(_("Xem và xử lý: %(url)s") % {"url": site_url(notice.url)})
    return "\n\n".join(parts)


def address_hash(address: str) -> str:
    """A keyed hash of a normalised address: what a stop request keeps."""
    normalised = address.strip().casefold().encode()
    return hmac.new(settings.SECRET_KEY.encode(), normalised, hashlib.sha256).hexdigest()


def is_stopped(address: str) -> bool:
    return Suppression.objects.filter(address_hash=address_hash(address)).exists()


def send_message(
    *,
    address: str,
    key: str,
    subject: str,
    body: str,
    topic: Topic = Topic.CITIZEN,
    attachments: Sequence[Attachment] = (),
) -> OutboxMessage | None:
    """Queue one e-mail to an address with a link to stop messages; None when the address asked
    to receive nothing more (or is empty). The same key twice returns the first message."""
    if not address:
        return None
    check_vietnamese("notify.send_message")
    existing = OutboxMessage.objects.filter(key=key).first()
    if existing is not None:
        return existing
    if is_stopped(address):
        return None
    return queue_message(
        key=key,
        topic=topic,
        recipient=None,
        address=address,
        subject=subject,
        body=body,
        attachments=attachments,
        stop_link=True,
    )


def queue_message(
    *,
    key: str,
    topic: str,
    recipient: User | None,
    address: str,
    subject: str,
    body: str,
    attachments: Sequence[Attachment] = (),
    stop_link: bool = False,
) -> OutboxMessage:
    from gandan.notify import delivery

    message, created = OutboxMessage.objects.get_or_create(
        key=key,
        defaults={
            "topic": topic,
            "recipient": recipient,
            "address_token": sealing.seal(address),
            "subject_token": sealing.seal(shorten(subject, 200)),
            "body_token": sealing.seal(body),
            "attachments": [{"document": a.document_id, "format": a.format} for a in attachments],
            "stop_link": stop_link,
            "next_attempt_at": timezone.now(),
        },
    )
    if created:
        # The task row is written in this same transaction: durable with the event.
        delivery.enqueue(message)
    return message


def email_choices_of(user: User) -> dict[str, str]:
    chosen = dict(Preference.objects.filter(user=user).values_list("topic", "email"))
    return {topic.value: chosen.get(topic.value, DEFAULT_EMAIL_CHOICE) for topic in Topic}


@transaction.atomic
def set_preferences(user: User, choices: dict[str, str]) -> None:
    for topic, choice in choices.items():
        Preference.objects.update_or_create(user=user, topic=topic, defaults={"email": choice})


def mark_read(user: User, pks: Sequence[int] | None = None) -> int:
    notices = Notification.objects.unread_by(user)
    if pks is not None:
        notices = notices.filter(pk__in=pks)
    return notices.update(read_at=timezone.now())


@transaction.atomic
def stop_address(address: str) -> None:
    """Nothing more to this address: waiting messages are stopped, new ones not written."""
    Suppression.objects.get_or_create(address_hash=address_hash(address))
    waiting = OutboxMessage.objects.filter(
        status__in=[MessageStatus.PENDING, MessageStatus.FAILED], stop_link=True
    ).only("pk", "address_token")
    hashed = address_hash(address)
    stopped = [m.pk for m in waiting if address_hash(sealing.unseal(m.address_token)) == hashed]
    OutboxMessage.objects.filter(pk__in=stopped).update(status=MessageStatus.STOPPED)
