"""The staff search page and the public one: parse, search (the access predicates of each
source app are applied inside search.query), render."""

import math

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gandan.core.http import AuthenticatedRequest
from gandan.orgs.models import User
from gandan.search import query
from gandan.search.forms import SearchForm

PAGE_SIZE = 20
MAX_PAGE = 50


def _page_number(raw: str | None) -> int:
    try:
        number = int(raw or 1)
    except ValueError:
        return 1
    return min(max(number, 1), MAX_PAGE)


def _search_page(
    request: HttpRequest, user: User | None, template: str, *, public: bool
) -> HttpResponse:
    form = SearchForm(request.GET)
    context: dict[str, object] = {"form": form, "public": public, "state": "empty"}
    status = 200
    if not form.is_valid():
        context["state"] = "invalid"
        status = 400
    elif text := form.cleaned_data["q"]:
        number = _page_number(request.GET.get("trang"))
        found = query.search(user, text, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
        pages = max(1, math.ceil(found.total / PAGE_SIZE))
        context.update(
            text=text,
            found=found,
            number=number,
            pages=pages,
            first=(number - 1) * PAGE_SIZE + 1,
            state=(
                "short"
                if not query.is_long_enough(found.words)
                else ("none" if found.total == 0 else "results")
            ),
        )
    return render(request, template, context, status=status)


@login_required
def staff_search(request: AuthenticatedRequest) -> HttpResponse:
    """What the signed-in person may open, across the apps."""
    return _search_page(request, request.user, "search/staff.html", public=False)


def public_search(request: HttpRequest) -> HttpResponse:
    """What anyone may read: published news, public disclosures, Dân vận khéo stories."""
    return _search_page(request, None, "search/public.html", public=True)
