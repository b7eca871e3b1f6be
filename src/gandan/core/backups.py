"""Backups that restore: an online, consistent copy of the database and the stored files.

A backup folder holds:
  database.sqlite3 | database.pgdump   the database, copied while the server runs: SQLite through
                                       its backup API, PostgreSQL through `pg_dump -Fc` inside an
                                       exported REPEATABLE READ snapshot (the row counts and the
                                       audit head of the manifest are read in that same snapshot)
  files/ + files.sha256                the stored files (uploads, evidence, sealed scans)
  audit-checkpoints/                   a copy of the audit log's signed checkpoints
  manifest.json                        written last: format, date, row counts per table, the
                                       audit head, the files, and the keys' fingerprints

The keys are never in a backup (`gandan.core.keys`): the manifest names the keys the data needs
and their fingerprints, and `restore_backup` refuses, writing nothing, until each is present
and matches. Sessions are left out (everyone signs in again): a session is worth nothing to a
restored system and may link a person to what they did.

Files are copied after the database snapshot: uploads are written before the row that names
them commits, so every file the snapshot refers to is already on disk.
"""

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from gandan.audit.checkpoints import (
    FILE_NAME as CHECKPOINT_FILE,
)
from gandan.audit.checkpoints import (
    check_against_checkpoints,
    checkpoint_path,
    read_checkpoints,
    write_checkpoint,
)
from gandan.audit.models import Action
from gandan.audit.services import record_event, verify_chain
from gandan.core import keys
from gandan.core.language import in_vietnamese

FORMAT = "gandan-backup/1"
MANIFEST = "manifest.json"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
FILES_DIR = "files"
CHECKSUMS = "files.sha256"
CHECKPOINTS_DIR = "audit-checkpoints"
LEFT_OUT_TABLES = ("django_session",)


class BackupError(Exception):
    """A refusal or a failed check, in Vietnamese for the operator."""


def keys_reminder() -> str:
    names = ", ".join(f"{key.env} (tệp {key.file})" for key in keys.ALL_KEYS)
    return (
        f"Các khóa KHÔNG nằm trong bản sao lưu. Hãy giữ riêng, không cùng chỗ với bản sao lưu: "
        f"{names}. Thiếu chúng thì không khôi phục được: danh tính đã niêm phong không mở được, "
        "nhật ký không kiểm tra được."
    )


# -- backup -------------------------------------------------------------------------------


def make_backup(target: Path) -> dict[str, Any]:
    """Copy the database, the files and the checkpoints into the empty folder `target`, then
    write its manifest. Refuses (BackupError) before writing anything when it cannot finish."""
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu loại {vendor}.")
    if vendor == "postgresql" and shutil.which("pg_dump") is None:
        raise BackupError(
            "Không tìm thấy lệnh pg_dump: cài gói postgresql-client cùng phiên bản với máy chủ "
            "PostgreSQL (ví dụ apt-get install postgresql-client-15) rồi chạy lại."
        )
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(f"Thư mục {target} đã có dữ liệu: hãy chọn một thư mục mới hoặc trống.")
    if connection.in_atomic_block:
        raise BackupError("Sao lưu phải chạy ngoài mọi giao dịch cơ sở dữ liệu.")
    _record_backup(target)
    warnings = []
    try:
        write_checkpoint()
    except ValueError as exc:
        # A backup of a damaged log is still worth having (it is the evidence); say so.
        warnings.append(f"Không ghi được điểm kiểm tra nhật ký: {exc}")
    target.mkdir(parents=True, exist_ok=True)
    target.chmod(0o700)
    database_file = target / DATABASE_FILES[vendor]
    if vendor == "sqlite":
        tables, head = _sqlite_snapshot(database_file)
    else:
        tables, head = _postgresql_snapshot(database_file)
    files = _copy_files(Path(settings.MEDIA_ROOT), target / FILES_DIR, target / CHECKSUMS)
    if checkpoint_path().exists():
        (target / CHECKPOINTS_DIR).mkdir()
        shutil.copy2(checkpoint_path(), target / CHECKPOINTS_DIR / CHECKPOINT_FILE)
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(timespec="seconds"),
        "database": {"vendor": vendor, "file": database_file.name},
        "tables": tables,
        "left_out": list(LEFT_OUT_TABLES),
        "audit_head": head,
        "files": files,
        "keys_included": False,
        "keys": [
            {"env": key.env, "file": key.file, "fingerprints": keys.fingerprints(key)}
            for key in keys.ALL_KEYS
        ],
        "warnings": warnings,
    }
    partial = target / f".{MANIFEST}.tmp"
    partial.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    partial.rename(target / MANIFEST)
    return manifest


@in_vietnamese
def _record_backup(target: Path) -> None:
    with transaction.atomic():
        record_event(
            action=Action.EXPORT,
            summary=f"Sao lưu toàn bộ dữ liệu (cơ sở dữ liệu và tệp) vào thư mục {target}",
            actor_label="gandan backup",
        )


def _sqlite_snapshot(path: Path) -> tuple[dict[str, int], dict[str, Any]]:
    connection.ensure_connection()
    source = connection.connection
    copy = sqlite3.connect(path)
    try:
        source.backup(copy)  # one step: a consistent image even while others write
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        for table in LEFT_OUT_TABLES:
            copy.execute(f'DELETE FROM "{table}"')
        copy.commit()
        copy.execute("VACUUM")  # the deleted rows' pages go too
        names = [
            row[0]
            for row in copy.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " ORDER BY name"
            )
        ]
        tables = {
            name: copy.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
        }
        head = copy.execute(
            "SELECT last_sequence, last_hash FROM audit_chainhead WHERE id = 1"
        ).fetchone()
    finally:
        copy.close()
    path.chmod(0o600)
    return tables, _head(head)


def _head(row: tuple[int, str] | None) -> dict[str, Any]:
    return {"sequence": row[0], "hash": row[1]} if row else {"sequence": 0, "hash": ""}


def _postgresql_snapshot(path: Path) -> tuple[dict[str, int], dict[str, Any]]:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        tables = _counts(cursor, sorted(connection.introspection.table_names(cursor)))
        cursor.execute("SELECT last_sequence, last_hash FROM audit_chainhead WHERE id = 1")
        head = cursor.fetchone()
        arguments = [
            "pg_dump",
            "--format=custom",
            f"--snapshot={snapshot}",
            f"--file={path}",
            *[f"--exclude-table-data={table}" for table in LEFT_OUT_TABLES],
        ]
        _run_postgresql_tool(arguments, "pg_dump")
    path.chmod(0o600)
    return tables, _head(head)


def _counts(cursor, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
        counts[table] = cursor.fetchone()[0]
    return counts


def _run_postgresql_tool(arguments: list[str], tool: str) -> None:
    """Run pg_dump / pg_restore with the connection settings (the password through the
    environment, never on the command line)."""
    database = settings.DATABASES["default"]
    environment = dict(os.environ)
    for value, variable in (
        (database.get("HOST"), "PGHOST"),
        (database.get("PORT"), "PGPORT"),
        (database.get("USER"), "PGUSER"),
    ):
        if value:
            environment[variable] = str(value)
    environment["PGDATABASE"] = str(database["NAME"])
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = str(database["PASSWORD"])
    sslmode = database.get("OPTIONS", {}).get("sslmode")
    if sslmode:
        environment["PGSSLMODE"] = str(sslmode)
    result = subprocess.run(arguments, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{tool} không thành công: {result.stderr.strip()}")


def _copy_files(source: Path, destination: Path, checksums: Path) -> dict[str, int]:
    count = size = 0
    lines = []
    destination.mkdir()
    if source.exists():
        for path in sorted(source.rglob("*")):
            if not path.is_file():
                continue
            relative = path.relative_to(source)
            (destination / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination / relative)
            lines.append(f"{_sha256(destination / relative)}  {relative.as_posix()}")
            count += 1
            size += path.stat().st_size
    checksums.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return {"count": count, "bytes": size}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- restore ------------------------------------------------------------------------------


def read_manifest(source: Path) -> dict[str, Any]:
    path = source / MANIFEST
    if not path.exists():
        raise BackupError(
            f"{source} không phải bản sao lưu Gần Dân hoàn chỉnh (không có {MANIFEST})."
        )
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Bản sao lưu có định dạng {manifest.get('format')!r}, cần {FORMAT}.")
    return manifest


def key_problems(manifest: dict[str, Any]) -> list[str]:
    """What keeps the keys of this system from opening the backup's data, one line a key."""
    folder = Path(settings.DATA_DIR)
    by_env = {key.env: key for key in keys.ALL_KEYS}
    problems = []
    for entry in manifest["keys"]:
        key = by_env[entry["env"]]
        needed = set(entry["fingerprints"])
        if not needed:
            continue
        present = set(keys.fingerprints(key, folder))
        where = f"biến môi trường {key.env} hoặc tệp {folder / key.file}"
        if not present:
            problems.append(f"Thiếu {key.name} ({key.purpose}): cần đặt {where}.")
        elif not needed <= present:
            problems.append(
                f"{key.name} hiện có ({where}) không khớp khóa lúc sao lưu: cần khóa có dấu "
                f"vân tay {', '.join(sorted(needed - present))}."
            )
    return problems


def restore_backup(source: Path) -> dict[str, Any]:
    """Restore a backup into this system's empty database and empty file folder, then check
    it: row counts against the manifest, file checksums, the audit chain and its head."""
    manifest = read_manifest(source)
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"Bản sao lưu là cơ sở dữ liệu {vendor}, hệ thống này dùng {connection.vendor}."
        )
    problems = key_problems(manifest)
    if problems:
        raise BackupError(
            "Chưa khôi phục (không ghi gì): thiếu khóa cần để mở dữ liệu.\n  - "
            + "\n  - ".join(problems)
            + "\nCác khóa không nằm trong bản sao lưu: lấy chúng từ nơi đã giữ riêng."
        )
    if vendor == "postgresql" and shutil.which("pg_restore") is None:
        raise BackupError("Không tìm thấy lệnh pg_restore: cài gói postgresql-client rồi chạy lại.")
    if connection.introspection.table_names():
        raise BackupError(
            "Cơ sở dữ liệu đích đã có bảng: chỉ khôi phục vào một cơ sở dữ liệu trống."
        )
    media = Path(settings.MEDIA_ROOT)
    if media.exists() and any(media.iterdir()):
        raise BackupError(f"Thư mục tệp {media} đã có dữ liệu: chỉ khôi phục vào thư mục trống.")
    database_file = source / manifest["database"]["file"]
    if vendor == "sqlite":
        _restore_sqlite(database_file)
    else:
        _run_postgresql_tool(
            [
                "pg_restore",
                "--exit-on-error",
                "--single-transaction",
                "--no-owner",
                "--no-privileges",
                f"--dbname={settings.DATABASES['default']['NAME']}",
                str(database_file),
            ],
            "pg_restore",
        )
    _restore_files(source, media)
    saved_checkpoints = source / CHECKPOINTS_DIR / CHECKPOINT_FILE
    if saved_checkpoints.exists() and not checkpoint_path().exists():
        checkpoint_path().parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(saved_checkpoints, checkpoint_path())
    return check_restored(manifest)


def _restore_sqlite(database_file: Path) -> None:
    target = Path(settings.DATABASES["default"]["NAME"])
    connection.close()
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(database_file, target)
    target.chmod(0o600)


def _restore_files(source: Path, media: Path) -> None:
    media.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source / FILES_DIR, media, dirs_exist_ok=True)
    for line in (source / CHECKSUMS).read_text(encoding="utf-8").splitlines():
        digest, relative = line.split("  ", 1)
        restored = media / relative
        if not restored.exists() or _sha256(restored) != digest:
            raise BackupError(f"Tệp {relative} khôi phục không khớp mã băm của bản sao lưu.")


def check_restored(manifest: dict[str, Any]) -> dict[str, Any]:
    """Row counts per table equal the manifest's; the audit chain verifies and ends where the
    backup's did. Raises BackupError naming every difference."""
    with connection.cursor() as cursor:
        present = sorted(connection.introspection.table_names(cursor))
        counts = _counts(cursor, present)
    expected = manifest["tables"]
    differences = [
        f"bảng {table}: {counts.get(table, 'không có')} dòng, "
        f"bản kê ghi {expected.get(table, 'không có')}"
        for table in sorted(set(expected) | set(counts))
        if counts.get(table) != expected.get(table)
    ]
    checked, breaks = verify_chain()
    saved = read_checkpoints()
    breaks = breaks + saved.problems + check_against_checkpoints(saved.checkpoints)
    differences += [f"nhật ký, sự kiện #{item.sequence}: {item.reason}" for item in breaks]
    head = manifest["audit_head"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_sequence, last_hash FROM audit_chainhead WHERE id = 1")
        restored_head = _head(cursor.fetchone())
    if restored_head != head:
        differences.append(
            f"đầu chuỗi nhật ký #{restored_head['sequence']}, bản kê ghi #{head['sequence']}"
        )
    if differences:
        raise BackupError(
            "Đã chép dữ liệu nhưng kiểm tra sau khôi phục không đạt:\n  - "
            + "\n  - ".join(differences)
        )
    return {
        "tables": len(counts),
        "rows": sum(counts.values()),
        "files": manifest["files"]["count"],
        "audit_events": checked,
        "audit_head": head["sequence"],
        "created_at": dt.datetime.fromisoformat(manifest["created_at"]),
    }
