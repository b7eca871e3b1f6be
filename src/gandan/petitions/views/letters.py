"""The citizen's copy of the letters the school sent them, from the public tracking page.

/tra-cuu/<code>/van-ban/<pk>/: the same rule as the tracking page itself (the tracking code,
counted against guessing, a wrong code counted as a miss), then `access.access_tracked_letter`:
only the issued letters addressed to the sender. A denouncer's letters name them by pseudonym
only (documents.addressee), so the copy never shows who they are.
"""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from gandan.paperwork.rendering import RenderError
from gandan.paperwork.responses import registered_document_response
from gandan.petitions import access, throttle
from gandan.petitions.views.public import _lookup_refused, _tracked_case_or_404
from gandan.petitions.views.responses import try_again

FORMATS = {"pdf", "docx"}


def letter_download(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """One letter as PDF (`?dinh-dang=docx` for Word); 404 for anything not sent to the
    holder of this code."""
    refusal = throttle.check_lookup(request, code)
    if refusal is not None:
        return _lookup_refused(request, code, refusal)
    case = _tracked_case_or_404(request, code)
    document = access.access_tracked_letter(case, pk, timezone.localdate())
    fmt = request.GET.get("dinh-dang", "pdf")
    if fmt not in FORMATS:
        fmt = "pdf"
    try:
        response = registered_document_response(document, fmt)
    except RenderError:
        return try_again(request)
    response["Cache-Control"] = "private, no-store"
    return response
