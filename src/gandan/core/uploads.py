"""Checks on uploaded files: size and type judged by content, never by the file's name."""

import hashlib
import zipfile
from dataclasses import dataclass

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
        if "[Content_Types].xml" in names:
            for prefix, content_type in _OFFICE.items():
                if any(name.startswith(prefix) for name in names):
                    return content_type
    return None
