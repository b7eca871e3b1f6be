"""The attacks of issue 11 (point 3), played by someone who can write the database but holds
neither the audit key nor the checkpoint folder: each must make `audit_verify` fail."""

import base64
import hashlib
import importlib
import json

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import RequestFactory

from gandan.audit import checkpoints
from gandan.audit.models import GENESIS_HASH, Action, AuditEvent, ChainHead, chain_hash
from gandan.audit.services import record_event, verify_chain
from gandan.core import keys

RECHAIN = importlib.import_module("gandan.audit.migrations.0003_rechain_under_the_audit_key")
TAMPERING = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _events(n, school):
    return [
        record_event(action=Action.CHANGE, summary=f"Sự kiện {i}", organisation=school)
        for i in range(n)
    ]


def _verify_fails() -> str:
    """audit_verify's complaint (it must exit non-zero)."""
    with pytest.raises(CommandError) as failure:
        call_command("audit_verify")
    assert "Nhật ký bị can thiệp" in str(failure.value)
    return str(failure.value)


def _verify_output(capsys) -> str:
    with pytest.raises(CommandError):
        call_command("audit_verify")
    return capsys.readouterr().err


def _move_head_to_last_row() -> None:
    last = AuditEvent.objects.order_by("-sequence").first()
    ChainHead.objects.filter(id=1).update(
        last_sequence=last.sequence if last else 0, last_hash=last.hash if last else GENESIS_HASH
    )


def _unkeyed(event: AuditEvent, previous: str) -> str:
    """The chain as it was before the key: what an attacker can recompute."""
    return hashlib.sha256((previous + event.canonical_content()).encode()).hexdigest()


def _rewrite_from(sequence: int, compute) -> None:
    """Recompute the chain from `sequence` on with `compute`, and move the head: the
    attacker's rewrite after an edit."""
    previous = AuditEvent.objects.get(sequence=sequence - 1).hash if sequence > 1 else GENESIS_HASH
    for event in AuditEvent.objects.filter(sequence__gte=sequence).order_by("sequence"):
        event.previous_hash = previous
        event.hash = compute(event, previous)
        AuditEvent.objects.filter(pk=event.pk).update(
            previous_hash=event.previous_hash, hash=event.hash
        )
        previous = event.hash
    _move_head_to_last_row()


@TAMPERING
def test_truncation_with_the_head_moved_back_is_caught_by_the_checkpoint(
    school, unprotected_log, capsys
):
    # given: a checkpoint of the head, kept apart
    events = _events(5, school)
    call_command("audit_checkpoint")
    # when: the last two events are deleted and the head moved back onto the new last one
    AuditEvent.objects.filter(sequence__gt=events[2].sequence).delete()
    _move_head_to_last_row()
    # then: the shortened chain is a valid chain (why a checkpoint is needed) ...
    assert verify_chain()[1] == []
    # ... but it no longer reaches the checkpoint
    err = _verify_output(capsys)
    assert "nhật ký bị cắt" in err
    assert f"#{events[4].sequence}" in err and f"chỉ còn đến #{events[2].sequence}" in err


@TAMPERING
def test_an_edit_with_the_chain_recomputed_without_the_key_is_caught(
    school, unprotected_log, capsys
):
    # given
    events = _events(4, school)
    call_command("audit_checkpoint")
    # when: a row is edited and the chain recomputed the old way (SHA-256, no key)
    AuditEvent.objects.filter(pk=events[1].pk).update(summary="Nội dung đã bị sửa")
    _rewrite_from(events[1].sequence, _unkeyed)
    # then: every rewritten row fails its HMAC, and the checkpoint's hash is gone
    _, breaks = verify_chain()
    assert {b.sequence for b in breaks} >= {e.sequence for e in events[1:]}
    err = _verify_output(capsys)
    assert "mã HMAC không khớp" in err and "chuỗi đã bị viết lại" in err


@TAMPERING
def test_an_edit_recomputed_under_a_guessed_key_is_caught(school, unprotected_log):
    # given
    events = _events(3, school)
    guessed = b"k" * 32
    # when: the attacker recomputes a keyed chain, but not with the key
    AuditEvent.objects.filter(pk=events[0].pk).update(summary="Nội dung đã bị sửa")
    _rewrite_from(
        events[0].sequence,
        lambda event, previous: chain_hash(previous, event.canonical_content(), guessed),
    )
    # then
    _, breaks = verify_chain()
    assert [b.sequence for b in breaks] == [e.sequence for e in events]
    _verify_fails()


@TAMPERING
def test_a_deleted_middle_row_is_caught(school, unprotected_log, capsys):
    # given
    events = _events(3, school)
    # when
    AuditEvent.objects.filter(pk=events[1].pk).delete()
    # then
    err = _verify_output(capsys)
    assert f"Sự kiện #{events[2].sequence}: thiếu sự kiện số {events[1].sequence}" in err


@TAMPERING
def test_a_deleted_row_at_a_checkpoint_is_caught_even_with_the_chain_rewritten(
    school, unprotected_log
):
    # given: a checkpoint at event #k
    events = _events(3, school)
    call_command("audit_checkpoint")
    _events(2, school)
    # when: #k is deleted, later rows renumbered ... the attacker cannot re-sign, so any
    # rewrite of rows at or before a checkpoint shows
    AuditEvent.objects.filter(pk=events[2].pk).delete()
    # then
    saved = checkpoints.read_checkpoints()
    reasons = [b.reason for b in checkpoints.check_against_checkpoints(saved.checkpoints)]
    assert any("đã bị xóa" in reason for reason in reasons)
    _verify_fails()


@TAMPERING
def test_a_forged_or_edited_checkpoint_line_is_caught(school, checkpoint_dir):
    # given
    events = _events(3, school)
    call_command("audit_checkpoint")
    path = checkpoint_dir / checkpoints.FILE_NAME
    line = json.loads(path.read_text())
    # when: someone moves the checkpoint back to match a truncated chain, keeping the signature
    line["sequence"] = events[0].sequence
    line["hash"] = events[0].hash
    path.write_text(json.dumps(line) + "\n")
    # then
    saved = checkpoints.read_checkpoints()
    assert saved.checkpoints == []
    assert "chữ ký sai" in saved.problems[0].reason
    _verify_fails()


def test_the_chain_is_keyed(school, monkeypatch):
    # given: an intact log
    _events(2, school)
    assert verify_chain()[1] == []
    # when: verified with another key
    other = base64.urlsafe_b64encode(b"x" * 32).decode()
    monkeypatch.setenv(keys.AUDIT_KEY.env, other)
    # then: nothing verifies
    _, breaks = verify_chain()
    assert breaks and all("HMAC" in b.reason for b in breaks)


def test_verify_passes_with_a_checkpoint_and_says_so(school, capsys):
    # given
    events = _events(2, school)
    call_command("audit_checkpoint")
    _events(1, school)
    # when
    call_command("audit_verify")
    # then
    out = capsys.readouterr().out
    assert "Nhật ký nguyên vẹn" in out and f"mới nhất #{events[1].sequence}" in out


def test_verify_without_any_checkpoint_passes_but_warns(school, capsys):
    _events(1, school)
    call_command("audit_verify")
    captured = capsys.readouterr()
    assert "Nhật ký nguyên vẹn" in captured.out
    assert "Chưa có điểm kiểm tra nào" in captured.err


def test_the_checkpoint_command_is_safe_to_rerun(school, checkpoint_dir):
    # given
    _events(2, school)
    # when
    call_command("audit_checkpoint")
    call_command("audit_checkpoint")
    _events(1, school)
    call_command("audit_checkpoint")
    # then: one line per head, each well signed
    lines = (checkpoint_dir / checkpoints.FILE_NAME).read_text().splitlines()
    assert len(lines) == 2
    saved = checkpoints.read_checkpoints()
    assert saved.problems == [] and len(saved.checkpoints) == 2
    assert (
        saved.latest is not None and saved.latest.sequence == ChainHead.objects.get().last_sequence
    )


@TAMPERING
def test_the_checkpoint_command_refuses_to_sign_a_broken_chain(
    school, unprotected_log, checkpoint_dir
):
    # given
    events = _events(3, school)
    call_command("audit_checkpoint")
    _events(2, school)
    before = (checkpoint_dir / checkpoints.FILE_NAME).read_text()
    # when: an event after the checkpoint is edited
    AuditEvent.objects.filter(sequence=events[2].sequence + 1).update(summary="Đã bị sửa")
    # then: refused, nothing appended
    with pytest.raises(CommandError, match="Không ghi điểm kiểm tra"):
        call_command("audit_checkpoint")
    assert (checkpoint_dir / checkpoints.FILE_NAME).read_text() == before


def test_a_json_export_round_trip_keeps_every_hash(school):
    # given: events as `dumpdata` writes them (DjangoJSONEncoder keeps milliseconds only)
    events = _events(3, school)
    rows = AuditEvent.objects.filter(pk__in=[e.pk for e in events]).order_by("sequence")
    exported = serializers.serialize("json", rows)
    # when: read back as `loaddata` would
    loaded = [
        item.object
        for item in serializers.deserialize("json", exported)
        if isinstance(item.object, AuditEvent)
    ]
    # then
    assert all(event.occurred_at.microsecond % 1000 == 0 for event in events)
    assert [event.compute_hash() for event in loaded] == [event.hash for event in events]


def test_an_ipv6_address_hashes_as_stored(school):
    # given: an address the field normalises on the way in
    request = RequestFactory().get("/", REMOTE_ADDR="2001:0DB8:0000:0000:0000:0000:0000:0001")
    # when
    event = record_event(action=Action.LOGIN, summary="Đăng nhập", request=request)
    event.refresh_from_db()
    # then
    assert event.ip_address == "2001:db8::1"
    assert event.compute_hash() == event.hash


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_rechains_the_old_log_under_the_key(school):
    # given: the log as the unkeyed code wrote it (the migration's way back)
    _events(3, school)
    with connection.schema_editor() as editor:
        RECHAIN.backward(apps, editor)
    assert verify_chain()[1] != []
    event = AuditEvent.objects.order_by("sequence").last()
    assert event is not None and RECHAIN.unkeyed_hash(event, event.previous_hash) == event.hash
    # when
    with connection.schema_editor() as editor:
        RECHAIN.forward(apps, editor)
    # then: the keyed chain verifies, the head follows, the triggers are back
    assert verify_chain()[1] == []
    assert ChainHead.objects.get().last_hash == AuditEvent.objects.latest("sequence").hash
    with pytest.raises(Exception, match="append-only"):
        AuditEvent.objects.filter(pk=event.pk).update(summary="sửa lén")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_refuses_to_rechain_a_broken_log(school):
    # given: an old, unkeyed log with an edited row
    events = _events(3, school)
    with connection.schema_editor() as editor:
        RECHAIN.backward(apps, editor)
    _triggers(RECHAIN.DROP)
    AuditEvent.objects.filter(pk=events[1].pk).update(summary="Nội dung đã bị sửa")
    before = list(AuditEvent.objects.order_by("sequence").values_list("hash", flat=True))
    # when / then: refused, nothing rewritten
    with (
        pytest.raises(RuntimeError, match=f"#{events[1].sequence}"),
        connection.schema_editor() as editor,
    ):
        RECHAIN.forward(apps, editor)
    assert list(AuditEvent.objects.order_by("sequence").values_list("hash", flat=True)) == before
    # put the log back the way the other tests expect it
    AuditEvent.objects.filter(pk=events[1].pk).update(summary="Sự kiện 1")
    _triggers(RECHAIN.RESTORE)
    with connection.schema_editor() as editor:
        RECHAIN.forward(apps, editor)
    assert verify_chain()[1] == []


def _triggers(statements: dict[str, list[str]]) -> None:
    with connection.cursor() as cursor:
        for sql in statements[connection.vendor]:
            cursor.execute(sql)
