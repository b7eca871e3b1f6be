"""Downloads of official documents and stored files: one response, one Content-Disposition."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from gandan.paperwork.document import DocumentSpec
from gandan.paperwork.rendering import render_docx, render_pdf

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MIME = "application/pdf"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIME_TYPES = {"docx": DOCX_MIME, "pdf": PDF_MIME, "xlsx": XLSX_MIME}


def download_name(number_symbol: str, fmt: str) -> str:
    """'05/TB-THTT' → '05-TB-THTT.docx': a file name without slashes."""
    return f"{number_symbol.replace('/', '-')}.{fmt}"


def file_response(
    content: bytes, *, filename: str, content_type: str, private: bool = True
) -> HttpResponse:
    """Bytes as a download named `filename` (RFC 6266: ASCII or UTF-8 form, chosen by Django)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    if private:
        response["Cache-Control"] = "private, no-store"
    return response


def document_response(
    spec: DocumentSpec | bytes, *, filename: str, fmt: str = "docx"
) -> HttpResponse:
    """A document spec (or already rendered .docx bytes) as a .docx or PDF download."""
    if fmt == "pdf":
        content = render_pdf(spec)
    else:
        content = spec if isinstance(spec, bytes) else render_docx(spec)
    stem = filename.rsplit(".", 1)[0] if filename.endswith((".docx", ".pdf")) else filename
    return file_response(content, filename=f"{stem}.{fmt}", content_type=MIME_TYPES[fmt])


def registered_document_response(document, fmt: str = "docx") -> HttpResponse:
    """A registered document (OutgoingDocument) rendered from its stored content."""
    from gandan.paperwork.services import export_document

    return file_response(
        export_document(document, fmt),
        filename=download_name(document.number_symbol, fmt),
        content_type=MIME_TYPES[fmt],
    )
