"""Friendly error pages. They must render even when the database is down."""

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template import loader
from django.templatetags.static import static


def _render(request: HttpRequest, template: str, status: int) -> HttpResponse:
    try:
        body = loader.render_to_string(template, {"request": request}, request=request)
    except Exception:  # a broken context processor or database must not hide the error page
        body = loader.render_to_string(template, {})
    return HttpResponse(body, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _render(request, "400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _render(request, "403.html", 403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _render(request, "404.html", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return HttpResponse(loader.render_to_string("500.html", {}), status=500)


def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers and feed readers ask for whatever the page links: the
    site's icon, by a permanent redirect to the static file (cached by the browser)."""
    return HttpResponsePermanentRedirect(static("gandan/favicon.svg"))
