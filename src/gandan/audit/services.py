"""Writing and verifying the audit log."""

import datetime as dt
import json
from dataclasses import dataclass

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from gandan.audit.models import GENESIS_HASH, Action, AuditEvent, ChainHead
from gandan.core import compiled, keys
from gandan.core.language import check_vietnamese


def _now_to_the_millisecond() -> dt.datetime:
    # A JSON export (DjangoJSONEncoder: dumpdata) keeps milliseconds only; an event written at
    # a whole millisecond hashes the same after any such round trip.
    now = timezone.now()
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def _as_stored_ip(address: str | None) -> str | None:
    # The field normalises IPv6 on the way in; the hash must see what the database keeps.
    return AuditEvent._meta.get_field("ip_address").to_python(address)


def client_ip(request: HttpRequest | None) -> str | None:
    """The client address as the server saw it (REMOTE_ADDR; a proxy must set it right)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


# The chain's head, locked until the commit on PostgreSQL (SQLite's writer holds the whole
# database): compiled once, as are the event's INSERT and the head's UPDATE (core/compiled.py).
_LOCKED_HEAD = compiled.Prepared(
    lambda: ChainHead.objects.select_for_update().filter(id=1).order_by()[:1]
)


def record_event(
    *,
    action: str,
    summary: str,
    actor=None,
    actor_label: str = "",
    organisation=None,
    target=None,
    changes: dict | None = None,
    request: HttpRequest | None = None,
) -> AuditEvent:
    """Append one event to the chain. Call inside the transaction of the change it records."""
    check_vietnamese("record_event")
    # No savepoint: a failure here fails the change it records, whose transaction this is.
    with transaction.atomic(savepoint=False):
        head = next(iter(_LOCKED_HEAD()), None)
        if head is None:
            head, _ = ChainHead.objects.select_for_update().get_or_create(id=1)
        event = AuditEvent(
            sequence=head.last_sequence + 1,
            occurred_at=_now_to_the_millisecond(),
            actor=actor if actor is not None and actor.pk else None,
            actor_label=actor_label or (str(actor) if actor is not None else ""),
            organisation=organisation,
            action=action,
            object_type=target._meta.label_lower if target is not None else "",
            object_id=str(target.pk) if target is not None else "",
            summary=summary[:500],
            # As read back: tuples become lists, keys become text.
            changes=json.loads(json.dumps(changes or {})),
            ip_address=_as_stored_ip(client_ip(request)),
            previous_hash=head.last_hash,
        )
        event.hash = event.compute_hash(keys.audit_key())
        compiled.insert(event)
        head.last_sequence = event.sequence
        head.last_hash = event.hash
        compiled.update(head, ["last_sequence", "last_hash"])
    return event


def diff(before: dict, after: dict) -> dict:
    """{'field': [old, new]} for the fields that changed, as text."""
    return {
        key: [str(before.get(key, "")), str(after.get(key, ""))]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


@dataclass(frozen=True)
class ChainBreak:
    sequence: int
    reason: str


def verify_chain(
    batch_size: int = 5000, *, after: tuple[int, str] | None = None
) -> tuple[int, list[ChainBreak]]:
    """Recompute every HMAC in order, from the start or from `after` = (sequence, hash) of a
    trusted checkpoint, up to the chain head. Returns (events checked, breaks found).

    The head is read first and the walk stops there, so events appended meanwhile are left
    for the next run instead of looking like a moved head.
    """
    key = keys.audit_key()
    head = ChainHead.objects.filter(id=1).first()
    end = head.last_sequence if head is not None else None
    breaks: list[ChainBreak] = []
    expected_previous = GENESIS_HASH
    expected_sequence = 1
    checked = 0
    last_seen = 0
    if after is not None:
        last_seen, expected_previous = after
        expected_sequence = last_seen + 1
        anchor = AuditEvent.objects.filter(sequence=last_seen).values_list("hash", flat=True)
        if list(anchor) != [expected_previous]:
            breaks.append(ChainBreak(last_seen, "khác với điểm kiểm tra đã ký"))
    while True:
        window = AuditEvent.objects.filter(sequence__gt=last_seen)
        if end is not None:
            window = window.filter(sequence__lte=end)
        rows = list(window.order_by("sequence")[:batch_size])
        if not rows:
            break
        for event in rows:
            checked += 1
            if event.sequence != expected_sequence:
                breaks.append(ChainBreak(event.sequence, f"thiếu sự kiện số {expected_sequence}"))
            if event.previous_hash != expected_previous:
                breaks.append(ChainBreak(event.sequence, "không nối với sự kiện liền trước"))
            if event.compute_hash(key) != event.hash:
                breaks.append(
                    ChainBreak(
                        event.sequence,
                        "mã HMAC không khớp: nội dung đã bị sửa sau khi ghi "
                        "(hoặc khóa nhật ký không đúng)",
                    )
                )
            expected_previous = event.hash
            expected_sequence = event.sequence + 1
            last_seen = event.sequence
    if head is None:
        if checked:
            breaks.append(ChainBreak(last_seen, "đầu chuỗi đã bị xóa"))
        return checked, breaks
    if head.last_sequence != last_seen or head.last_hash != expected_previous:
        breaks.append(ChainBreak(head.last_sequence, "sự kiện cuối chuỗi đã bị xóa"))
    # The head moved back while later events stayed: they would escape the walk.
    now_head = ChainHead.objects.filter(id=1).values_list("last_sequence", flat=True).first()
    beyond = AuditEvent.objects.filter(sequence__gt=now_head or 0).order_by("sequence").first()
    if beyond is not None:
        breaks.append(ChainBreak(beyond.sequence, "có sự kiện nằm sau đầu chuỗi"))
    return checked, breaks


__all__ = ["Action", "diff", "record_event", "verify_chain"]
