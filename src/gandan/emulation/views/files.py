"""File responses: documents rendered from paperwork specs."""

from django.http import HttpResponse

from gandan.paperwork.document import DocumentSpec
from gandan.paperwork.rendering import render_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_response(spec: DocumentSpec, filename: str) -> HttpResponse:
    response = HttpResponse(render_docx(spec), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
