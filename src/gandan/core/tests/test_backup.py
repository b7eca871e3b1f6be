"""Backups that restore (issue 11, point 5): a backup made while the system runs, restored by
`gandan restore` in another process into a fresh data folder and an empty database, opens
again: the audit log verifies, identities unseal, sealed files open, row counts match. Without
the keys, restore refuses and writes nothing. SQLite here; PostgreSQL too when the suite runs
on it (pg_dump / pg_restore)."""

import base64
import hashlib
import importlib
import json
import os
import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from gandan.audit.models import AuditEvent, ChainHead
from gandan.core import keys
from gandan.core.backups import MANIFEST
from gandan.petitions import services
from gandan.petitions.models import Case, CaseKind, Channel, DeadlineRule

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
DENOUNCER = "Phạm Thị Bí Mật"
# What the production-like child process must not inherit from this one.
INHERITED_SECRETS = (
    "SECRET_KEY",
    "GANDAN_IDENTITY_KEY",
    "GANDAN_AUDIT_KEY",
    "DEBUG",
    "GANDAN_DEMO",
    "GANDAN_LOCAL",
    "GANDAN_AUDIT_CHECKPOINT_DIR",
    "DATABASE_REPLICA_URL",
)
PROBE = """
import hashlib, json
import django
django.setup()
from django.db import connection
from gandan.petitions import secrecy
from gandan.petitions.models import Attachment, DenouncerIdentity
names = [secrecy.unseal(row.name_token) for row in DenouncerIdentity.objects.all()]
files = []
for attachment in Attachment.objects.filter(is_identifying=True):
    with attachment.file.open("rb") as handle:
        files.append(hashlib.sha256(secrecy.unseal_bytes(handle.read())).hexdigest())
with connection.cursor() as cursor:
    tables = sorted(connection.introspection.table_names(cursor))
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
        counts[table] = cursor.fetchone()[0]
print(json.dumps({"names": names, "files": files, "counts": counts}))
"""


@pytest.fixture
def source(settings, tmp_path):
    """This system's files and checkpoints in folders of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "source" / "files"
    settings.AUDIT_CHECKPOINT_DIR = tmp_path / "source" / "audit-checkpoints"
    return tmp_path / "source"


@pytest.fixture
def denunciation(school, principal, source):
    """A denunciation with a sealed identity and a sealed scan."""
    if not DeadlineRule.objects.exists():
        from django.apps import apps

        importlib.import_module(
            "gandan.petitions.migrations.0002_seed_deadline_rules_from_law"
        ).seed(apps, None)
    return services.submit_case(
        organisation=school,
        submission=services.Submission(
            kind=CaseKind.DENUNCIATION,
            title="Thu tiền học thêm trái quy định",
            content=f"Tôi là {DENOUNCER}, xin tố cáo việc thu tiền học thêm.",
            channel=Channel.WEB,
            sender=services.Sender(name=DENOUNCER, phone="0912345678", address="Số 7 ngõ Kín"),
            consent=True,
            denounced_person="Ông Lê Văn Dạy, giáo viên lớp 4B",
            attachments=[SimpleUploadedFile("ban-chup.png", PNG, content_type="image/png")],
        ),
    )


@pytest.fixture
def backup(denunciation, tmp_path):
    call_command("audit_checkpoint")
    folder = tmp_path / "backup"
    call_command("backup", str(folder))
    return folder


@pytest.fixture
def target_database():
    """A fresh, empty database for the restoring process: a file in its data folder on
    SQLite, a database of its own on PostgreSQL (dropped after)."""
    if connection.vendor != "postgresql":
        yield None
        return
    name = f"gandan_restore_{secrets.token_hex(4)}"
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    database = settings.DATABASES["default"]
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    yield (
        f"postgres://{database['USER']}{password}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{name}"
    )
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def the_keys() -> dict[str, str]:
    """This system's keys, as an operator would hand them to the restored one."""
    found = {key.env: keys.find(key) for key in keys.ALL_KEYS}
    assert all(found.values())
    return {env: value for env, value in found.items() if value}


def child_env(data: Path, database_url: str | None, **extra: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in INHERITED_SECRETS}
    env.pop("DATABASE_URL", None)
    env.update(GANDAN_DATA_DIR=str(data), DJANGO_SETTINGS_MODULE="gandan.settings", **extra)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def gandan(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gandan", *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def tables_in(env: dict[str, str], data: Path) -> list[str]:
    """The tables of the restoring process's database (nothing restored: none)."""
    if "DATABASE_URL" not in env:
        path = data / "gandan.sqlite3"
        if not path.exists():
            return []
        with sqlite3.connect(path) as db:
            return [
                row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            ]
    name = env["DATABASE_URL"].rsplit("/", 1)[1]
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        assert cursor.fetchone()
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.db import connection;"
            " print(len(connection.introspection.table_names()))",
        ],
        env={**env, "GANDAN_LOCAL": "1"},
        capture_output=True,
        text=True,
    )
    return ["?"] * int(probe.stdout.strip())


def test_a_backup_restores_into_a_fresh_data_folder(backup, tmp_path, target_database):
    # given: the backup's manifest says what it holds; the keys are not in it
    manifest = json.loads((backup / MANIFEST).read_text())
    assert manifest["keys_included"] is False
    assert manifest["audit_head"]["sequence"] == ChainHead.objects.get().last_sequence
    assert manifest["tables"]["petitions_case"] == Case.objects.count() == 1
    assert manifest["tables"]["audit_auditevent"] == AuditEvent.objects.count()
    assert manifest["tables"]["django_session"] == 0
    assert manifest["files"]["count"] == 1
    backup_bytes = b"".join(path.read_bytes() for path in backup.rglob("*") if path.is_file())
    for value in the_keys().values():
        assert value.encode() not in backup_bytes
    assert DENOUNCER.encode() not in backup_bytes
    # when: restored by another process, in a fresh data folder, with the keys handed over
    data = tmp_path / "restored"
    env = child_env(data, target_database, **the_keys())
    restored = gandan(env, "restore", str(backup))
    # then
    assert restored.returncode == 0, restored.stderr
    assert "Đã khôi phục" in restored.stdout
    verified = gandan(env, "audit_verify")
    assert verified.returncode == 0, verified.stderr
    assert "Nhật ký nguyên vẹn" in verified.stdout and "điểm kiểm tra" in verified.stdout
    probe = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    assert found["names"] == [DENOUNCER]
    assert found["files"] == [hashlib.sha256(PNG).hexdigest()]
    assert found["counts"] == manifest["tables"]
    # and a second restore over it is refused: the database is no longer empty
    again = gandan(env, "restore", str(backup))
    assert again.returncode != 0 and "đã có bảng" in again.stderr


def test_restore_without_the_keys_stops_and_writes_nothing(backup, tmp_path, target_database):
    # given: a production-like process that has only SECRET_KEY
    data = tmp_path / "restored"
    env = child_env(data, target_database, SECRET_KEY=the_keys()["SECRET_KEY"])
    # when
    result = gandan(env, "restore", str(backup))
    # then: refused, naming each missing key's variable and file; nothing written
    assert result.returncode != 0
    for key in (keys.IDENTITY_KEY, keys.AUDIT_KEY):
        assert key.env in result.stderr and str(data / key.file) in result.stderr
    assert tables_in(env, data) == []
    assert not (data / "files").exists()
    assert not (data / keys.IDENTITY_KEY.file).exists()


def test_restore_in_local_mode_does_not_make_up_the_missing_keys(backup, tmp_path, target_database):
    # given: local mode, where keys are generated on first use
    data = tmp_path / "restored"
    env = child_env(data, target_database, GANDAN_LOCAL="1")
    # when
    result = gandan(env, "restore", str(backup))
    # then: the backup's keys are required, never replaced by new ones
    assert result.returncode != 0
    assert "Chưa khôi phục" in result.stderr
    assert f"{keys.IDENTITY_KEY.env} hoặc tệp {data / keys.IDENTITY_KEY.file}" in result.stderr
    assert f"{keys.AUDIT_KEY.env} hoặc tệp {data / keys.AUDIT_KEY.file}" in result.stderr
    assert "SECRET_KEY hiện có" in result.stderr and "không khớp" in result.stderr
    assert not (data / keys.IDENTITY_KEY.file).exists()
    assert not (data / keys.AUDIT_KEY.file).exists()
    assert tables_in(env, data) == []


def test_restore_with_a_wrong_key_is_refused(backup, tmp_path, target_database):
    # given: every key present, but the audit key is not the backup's
    data = tmp_path / "restored"
    wrong = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
    env = child_env(data, target_database, **{**the_keys(), keys.AUDIT_KEY.env: wrong})
    # when
    result = gandan(env, "restore", str(backup))
    # then
    assert result.returncode != 0
    assert "khóa nhật ký hiện có" in result.stderr and "không khớp" in result.stderr
    assert tables_in(env, data) == []


def test_backup_refuses_a_folder_that_is_not_empty(denunciation, tmp_path):
    # given
    folder = tmp_path / "backup"
    folder.mkdir()
    (folder / "old.txt").write_text("cũ")
    events = AuditEvent.objects.count()
    # when / then
    with pytest.raises(CommandError, match="đã có dữ liệu"):
        call_command("backup", str(folder))
    assert sorted(path.name for path in folder.iterdir()) == ["old.txt"]
    assert AuditEvent.objects.count() == events


def test_backup_is_audited_and_checkpointed_and_names_the_keys_to_keep(
    denunciation, tmp_path, source, capsys
):
    # when
    call_command("backup", str(tmp_path / "backup"))
    # then: the output says the keys are not in the backup, and which to keep
    out = capsys.readouterr().out
    assert "Đã sao lưu" in out and "Các khóa KHÔNG nằm trong bản sao lưu" in out
    for key in keys.ALL_KEYS:
        assert f"{key.env} (tệp {key.file})" in out
    # and the event is inside the backup, and the head is checkpointed apart
    event = AuditEvent.objects.order_by("-sequence").first()
    assert event is not None and event.summary.startswith("Sao lưu toàn bộ dữ liệu")
    manifest = json.loads((tmp_path / "backup" / MANIFEST).read_text())
    assert manifest["audit_head"]["sequence"] == event.sequence
    checkpoint = json.loads((source / "audit-checkpoints" / "checkpoints.jsonl").read_text())
    assert checkpoint["sequence"] == event.sequence
    assert timezone.now().isoformat()[:10] == checkpoint["written_at"][:10]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump is for PostgreSQL")
def test_backup_without_pg_dump_says_so_and_writes_nothing(denunciation, tmp_path, monkeypatch):
    # given: no pg_dump on the PATH
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    events = AuditEvent.objects.count()
    # when / then
    with pytest.raises(CommandError, match="pg_dump"):
        call_command("backup", str(tmp_path / "backup"))
    assert not (tmp_path / "backup").exists()
    assert AuditEvent.objects.count() == events
