"""Checks on uploaded files: size and type judged by content, never by the file's name."""

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024

# Kinds a school's evidence and attachments take: scans and photos, PDFs, Office documents.
_SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
]
_OFFICE = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ALLOWED_DESCRIPTION = "PDF, JPG, PNG, DOCX, XLSX"

# An Office file is a zip archive: a small upload may expand to far more XML than a worker can
# parse (a 233 KB .docx expanding to 103 MB held a worker 38 s and 350 MB). Judged from the
# archive's directory, before any member is read. A school's real plan or report is a few MB
# of XML at most, in a few dozen members, compressed 5-20 times.
MAX_UNCOMPRESSED_BYTES = 25 * 1024 * 1024
MAX_COMPRESSION_RATIO = 50
MAX_MEMBERS = 2000
# Small members (the package's boilerplate) compress far better than that: no ratio below this.
RATIO_FLOOR_BYTES = 1024 * 1024


@dataclass(frozen=True)
class CheckedUpload:
    content_type: str
    size: int
    sha256: str


def check_upload(upload: UploadedFile, *, max_bytes: int = MAX_UPLOAD_BYTES) -> CheckedUpload:
    """The upload's real type, size and digest; ValidationError in plain Vietnamese if refused."""
    if upload.size is None or upload.size == 0:
        raise ValidationError(_("Tệp “%(name)s” trống.") % {"name": upload.name})
    if upload.size > max_bytes:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn (%(size)s MB); giới hạn là %(limit)s MB.")
            % {
                "name": upload.name,
                "size": f"{upload.size / 1048576:.1f}".replace(".", ","),
                "limit": max_bytes // 1048576,
            }
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = _sniff(head, upload)
    if content_type is None:
        raise ValidationError(
            _("Tệp “%(name)s” không thuộc loại được nhận (%(allowed)s).")
            % {"name": upload.name, "allowed": ALLOWED_DESCRIPTION}
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(content_type=content_type, size=upload.size, sha256=digest.hexdigest())


def check_archive(file: IO[bytes] | str | Path, *, name: str = "") -> None:
    """Refuse a zip archive (.docx, .xlsx) that would expand beyond what is safe to parse:
    too many members, too large once uncompressed, or compressed too well (a zip bomb).
    Reads only the archive's directory: zipfile never inflates a member beyond the size the
    directory declares, so these sizes bound what a parser can be made to read.
    ValidationError in Vietnamese. A file that is no zip archive at all expands to nothing:
    it is left to the parser, which refuses it in its own words."""
    label = name or (Path(file).name if isinstance(file, str | Path) else "")
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        return
    finally:
        if not isinstance(file, str | Path):
            file.seek(0)
    refusal = _(
        "Tệp “%(name)s” khi giải nén quá lớn hoặc có quá nhiều thành phần, vượt giới hạn an "
        "toàn nên không được mở."
    )
    if len(members) > MAX_MEMBERS:
        raise ValidationError(refusal % {"name": label}, code="archive_too_many_members")
    expanded = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    if expanded > MAX_UNCOMPRESSED_BYTES:
        raise ValidationError(refusal % {"name": label}, code="archive_too_large")
    if expanded > RATIO_FLOOR_BYTES and expanded > MAX_COMPRESSION_RATIO * max(packed, 1):
        raise ValidationError(refusal % {"name": label}, code="archive_ratio")


def _sniff(head: bytes, upload: UploadedFile) -> str | None:
    for signature, content_type in _SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
        # Stored attachments are not parsed here, but may be opened by whoever downloads them.
        check_archive(upload, name=upload.name or "")
        if "[Content_Types].xml" in names:
            for prefix, content_type in _OFFICE.items():
                if any(name.startswith(prefix) for name in names):
                    return content_type
    return None
