"""Signed checkpoints of the chain's head, appended to a file kept apart from the database.

Who can write the database can delete the last events and move `ChainHead` back with them:
the shortened chain is still a valid chain. A checkpoint records, outside the database, that
the chain once reached event #n with hash h, signed with a key derived from the audit key, so
`gandan audit_verify` can tell that the chain has lost its tail (or was rewritten) since.

The file (`<AUDIT_CHECKPOINT_DIR>/checkpoints.jsonl`, one JSON object a line) is only ever
appended to; put the folder on another disk or host, or make the file append-only
(`chattr +a`), so that whoever can edit the database cannot also edit it. `gandan
audit_checkpoint` writes one (daily from cron, and on every backup); events written after the
latest checkpoint are protected by the HMAC chain against editing, not against truncation.
"""

import datetime as dt
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from gandan.audit.models import AuditEvent, ChainHead
from gandan.audit.services import ChainBreak, verify_chain
from gandan.core import keys

FILE_NAME = "checkpoints.jsonl"


@dataclass(frozen=True)
class Checkpoint:
    sequence: int
    hash: str
    written_at: dt.datetime

    def label(self) -> str:
        local = timezone.localtime(self.written_at)
        return f"#{self.sequence} (ghi lúc {local:%H:%M} ngày {local:%d/%m/%Y})"


@dataclass(frozen=True)
class CheckpointFile:
    checkpoints: list[Checkpoint]
    problems: list[ChainBreak]

    @property
    def latest(self) -> Checkpoint | None:
        return max(self.checkpoints, key=lambda item: item.sequence, default=None)


def checkpoint_path() -> Path:
    return Path(settings.AUDIT_CHECKPOINT_DIR) / FILE_NAME


def _signature(sequence: int, chain_hash: str, written_at: str, key: bytes) -> str:
    # A key of its own, derived from the audit key: a checkpoint's signature can never be
    # mistaken for (or replayed as) a hash of the chain.
    signing_key = hmac.new(key, b"gandan audit checkpoint", hashlib.sha256).digest()
    message = f"{sequence}|{chain_hash}|{written_at}".encode()
    return hmac.new(signing_key, message, hashlib.sha256).hexdigest()


def read_checkpoints(path: Path | None = None) -> CheckpointFile:
    """Every well-signed checkpoint of the file, and a problem for each line that is not."""
    path = path or checkpoint_path()
    if not path.exists():
        return CheckpointFile([], [])
    key = keys.audit_key()
    found: list[Checkpoint] = []
    problems: list[ChainBreak] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            sequence, chain_hash = int(item["sequence"]), str(item["hash"])
            written_at, signature = str(item["written_at"]), str(item["signature"])
            when = dt.datetime.fromisoformat(written_at)
        except (ValueError, KeyError, TypeError):
            problems.append(ChainBreak(0, f"dòng {number} của tệp điểm kiểm tra hỏng"))
            continue
        expected = _signature(sequence, chain_hash, written_at, key)
        if not hmac.compare_digest(signature, expected):
            problems.append(
                ChainBreak(sequence, f"dòng {number} của tệp điểm kiểm tra có chữ ký sai")
            )
            continue
        found.append(Checkpoint(sequence, chain_hash, when))
    return CheckpointFile(found, problems)


def check_against_checkpoints(checkpoints: list[Checkpoint]) -> list[ChainBreak]:
    """The chain still reaches the latest checkpoint, and holds each checkpoint's hash."""
    if not checkpoints:
        return []
    last = AuditEvent.objects.aggregate(last=Max("sequence"))["last"] or 0
    hashes = dict(
        AuditEvent.objects.filter(sequence__in={item.sequence for item in checkpoints})
        .values_list("sequence", "hash")
        .order_by()
    )
    breaks = []
    latest = max(checkpoints, key=lambda item: item.sequence)
    if last < latest.sequence:
        breaks.append(
            ChainBreak(
                latest.sequence,
                f"nhật ký bị cắt: điểm kiểm tra {latest.label()} ghi nhận chuỗi đã đến sự kiện "
                f"#{latest.sequence}, nay chuỗi chỉ còn đến #{last}",
            )
        )
    for item in sorted(checkpoints, key=lambda item: item.sequence):
        stored = hashes.get(item.sequence)
        if stored is None and item.sequence <= last:
            breaks.append(
                ChainBreak(item.sequence, f"sự kiện của điểm kiểm tra {item.label()} đã bị xóa")
            )
        elif stored is not None and stored != item.hash:
            breaks.append(
                ChainBreak(
                    item.sequence,
                    f"khác với điểm kiểm tra {item.label()}: chuỗi đã bị viết lại",
                )
            )
    return breaks


def write_checkpoint() -> Checkpoint | None:
    """Append the head's (sequence, hash), signed; safe to rerun (an unchanged head is not
    written twice). Refuses (ValueError) to sign a head that does not chain from the latest
    checkpoint: a break is reported the day it happens, never blessed. None when the log is
    empty."""
    head = ChainHead.objects.filter(id=1).first()
    if head is None or head.last_sequence == 0:
        return None
    existing = read_checkpoints()
    latest = existing.latest
    if latest is not None and (latest.sequence, latest.hash) == (
        head.last_sequence,
        head.last_hash,
    ):
        return latest
    after = (latest.sequence, latest.hash) if latest is not None else None
    _, breaks = verify_chain(after=after)
    breaks = existing.problems + breaks
    if breaks:
        raise ValueError("; ".join(f"#{item.sequence}: {item.reason}" for item in breaks))
    written_at = timezone.now().astimezone(dt.UTC).isoformat(timespec="seconds")
    key = keys.audit_key()
    line = json.dumps(
        {
            "sequence": head.last_sequence,
            "hash": head.last_hash,
            "written_at": written_at,
            "signature": _signature(head.last_sequence, head.last_hash, written_at, key),
        },
        sort_keys=True,
    )
    path = checkpoint_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, (line + "\n").encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return Checkpoint(head.last_sequence, head.last_hash, dt.datetime.fromisoformat(written_at))
