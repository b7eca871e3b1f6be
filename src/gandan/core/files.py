"""Serving a stored file (evidence, attachments) once the app's `access_*` has allowed it."""

from collections.abc import Callable

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from gandan.core.models import StoredFile


def stored_file_response(
    stored: StoredFile, *, unseal: Callable[[bytes], bytes] | None = None
) -> HttpResponse:
    """The file as a download under its original name; `unseal` decrypts a sealed file."""
    with stored.file.open("rb") as handle:
        data = handle.read()
    if unseal is not None:
        data = unseal(data)
    response = HttpResponse(data, content_type=stored.content_type)
    response["Content-Disposition"] = content_disposition_header(True, stored.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
