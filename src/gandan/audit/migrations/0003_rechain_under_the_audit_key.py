"""Re-chain the existing audit events under the audit key (HMAC-SHA256), ADR 3.

Until now `hash = SHA-256(previous hash + canonical JSON)`: anyone able to write the database
could edit a row and recompute the chain. From here on the hash is an HMAC under the audit key
kept outside the database (`gandan.core.keys`, GANDAN_AUDIT_KEY or <data>/audit_key).

Forward: first verify the old, unkeyed chain exactly as the old code did; if it is broken the
migration stops and names the first break (re-chaining would launder the tampering); then
recompute every hash in order under the key, with the new canonical form (the time in UTC
with its microseconds always written), and move the chain head. The update triggers are
dropped for the rewrite and put back at once, inside the migration's transaction.
Backward: the same, back to the unkeyed chain.

Exception to "migrations import no app code": the key is read through `gandan.core.keys`, the
one loader of secrets (a duplicate would drift); the canonical forms are frozen copies here.
"""

import datetime as dt
import hashlib
import hmac
import json

from django.db import migrations

GENESIS_HASH = "0" * 64
BATCH = 2000

DROP = {
    "sqlite": ["DROP TRIGGER IF EXISTS audit_event_no_update;"],
    "postgresql": ["DROP TRIGGER IF EXISTS audit_event_no_change ON audit_auditevent;"],
}
RESTORE = {
    "sqlite": [
        """CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_auditevent
           BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;"""
    ],
    "postgresql": [
        """CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_auditevent
           FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();"""
    ],
}


def _content(event, occurred_at: str) -> str:
    content = {
        "sequence": event.sequence,
        "occurred_at": occurred_at,
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "organisation_id": event.organisation_id,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "summary": event.summary,
        "changes": event.changes,
        "ip_address": event.ip_address,
    }
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def unkeyed_hash(event, previous: str) -> str:
    """The chain of migrations 0001–0002."""
    payload = previous + _content(event, event.occurred_at.isoformat())
    return hashlib.sha256(payload.encode()).hexdigest()


def keyed_hash(key: bytes):
    def compute(event, previous: str) -> str:
        occurred_at = event.occurred_at.astimezone(dt.UTC).isoformat(timespec="microseconds")
        payload = previous + _content(event, occurred_at)
        return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()

    return compute


def _events(AuditEvent):
    last = 0
    while True:
        rows = list(AuditEvent.objects.filter(sequence__gt=last).order_by("sequence")[:BATCH])
        if not rows:
            return
        yield rows
        last = rows[-1].sequence


def _check(AuditEvent, ChainHead, compute) -> None:
    previous, expected = GENESIS_HASH, 1
    for rows in _events(AuditEvent):
        for event in rows:
            if (
                event.sequence != expected
                or event.previous_hash != previous
                or compute(event, previous) != event.hash
            ):
                raise RuntimeError(
                    f"Nhật ký đã hỏng từ sự kiện #{event.sequence} (theo chuỗi cũ): không khóa "
                    "lại chuỗi đang hỏng. Chạy `gandan audit_verify` với mã nguồn trước đó."
                )
            previous, expected = event.hash, event.sequence + 1
    head = ChainHead.objects.filter(id=1).first()
    if head is not None and (head.last_sequence, head.last_hash) != (expected - 1, previous):
        raise RuntimeError("Đầu chuỗi nhật ký không khớp sự kiện cuối: không khóa lại chuỗi.")


def _rechain(apps, schema_editor, old, new) -> None:
    AuditEvent = apps.get_model("audit", "AuditEvent")
    ChainHead = apps.get_model("audit", "ChainHead")
    if not AuditEvent.objects.exists():
        return
    _check(AuditEvent, ChainHead, old)
    vendor = schema_editor.connection.vendor
    for sql in DROP.get(vendor, []):
        schema_editor.execute(sql)
    previous = GENESIS_HASH
    for rows in _events(AuditEvent):
        for event in rows:
            event.previous_hash = previous
            event.hash = new(event, previous)
            previous = event.hash
        AuditEvent.objects.bulk_update(rows, ["previous_hash", "hash"])
    ChainHead.objects.filter(id=1).update(last_hash=previous)
    for sql in RESTORE.get(vendor, []):
        schema_editor.execute(sql)


def forward(apps, schema_editor):
    from gandan.core import keys

    AuditEvent = apps.get_model("audit", "AuditEvent")
    if not AuditEvent.objects.exists():
        return
    _rechain(apps, schema_editor, unkeyed_hash, keyed_hash(keys.audit_key()))


def backward(apps, schema_editor):
    from gandan.core import keys

    AuditEvent = apps.get_model("audit", "AuditEvent")
    if not AuditEvent.objects.exists():
        return
    _rechain(apps, schema_editor, keyed_hash(keys.audit_key()), unkeyed_hash)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]
    operations = [migrations.RunPython(forward, backward)]
