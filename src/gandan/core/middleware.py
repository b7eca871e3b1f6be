"""Vietnamese first: a page is Vietnamese for every visitor until they choose English."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class VietnameseByDefault:
    """Drop the browser's Accept-Language on pages, so that only the visitor's own choice (the
    language switch's cookie) changes the screen language: a parent's English-language phone
    still lands on the Vietnamese site of a Vietnamese school. The JSON API keeps content
    negotiation for machines. Sits just before LocaleMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/api/"):
            request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
