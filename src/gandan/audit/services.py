"""Writing and verifying the audit log."""

from dataclasses import dataclass

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from gandan.audit.models import GENESIS_HASH, Action, AuditEvent, ChainHead
from gandan.core.language import check_vietnamese


def client_ip(request: HttpRequest | None) -> str | None:
    """The client address as the server saw it (REMOTE_ADDR; a proxy must set it right)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


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
    with transaction.atomic():
        head, _ = ChainHead.objects.select_for_update().get_or_create(id=1)
        event = AuditEvent(
            sequence=head.last_sequence + 1,
            occurred_at=timezone.now(),
            actor=actor if actor is not None and actor.pk else None,
            actor_label=actor_label or (str(actor) if actor is not None else ""),
            organisation=organisation,
            action=action,
            object_type=target._meta.label_lower if target is not None else "",
            object_id=str(target.pk) if target is not None else "",
            summary=summary[:500],
            changes=changes or {},
            ip_address=client_ip(request),
            previous_hash=head.last_hash,
        )
        event.hash = event.compute_hash()
        event.save(force_insert=True)
        head.last_sequence = event.sequence
        head.last_hash = event.hash
        head.save(update_fields=["last_sequence", "last_hash"])
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


def verify_chain(batch_size: int = 5000) -> tuple[int, list[ChainBreak]]:
    """Recompute every hash in order. Returns (events checked, breaks found)."""
    breaks: list[ChainBreak] = []
    expected_previous = GENESIS_HASH
    expected_sequence = 1
    checked = 0
    last_seen = 0
    while True:
        rows = list(
            AuditEvent.objects.filter(sequence__gt=last_seen).order_by("sequence")[:batch_size]
        )
        if not rows:
            break
        for event in rows:
            checked += 1
            if event.sequence != expected_sequence:
                breaks.append(ChainBreak(event.sequence, f"thiếu sự kiện số {expected_sequence}"))
            if event.previous_hash != expected_previous:
                breaks.append(ChainBreak(event.sequence, "không nối với sự kiện liền trước"))
            if event.compute_hash() != event.hash:
                breaks.append(ChainBreak(event.sequence, "nội dung đã bị sửa sau khi ghi"))
            expected_previous = event.hash
            expected_sequence = event.sequence + 1
            last_seen = event.sequence
    head = ChainHead.objects.filter(id=1).first()
    if head is not None and (
        head.last_sequence != last_seen or head.last_hash != expected_previous
    ):
        breaks.append(ChainBreak(head.last_sequence, "sự kiện cuối chuỗi đã bị xóa"))
    return checked, breaks


__all__ = ["Action", "diff", "record_event", "verify_chain"]
