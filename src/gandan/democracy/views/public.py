"""The school's public disclosure page: no account needed, grouped as Thông tư 09/2024 does."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from gandan.democracy import access
from gandan.democracy.models import PUBLIC_GROUP_ARTICLES, DisclosureItem, PublicGroup
from gandan.orgs.access import active_school_or_404


def public_disclosures(request: HttpRequest, slug: str) -> HttpResponse:
    school = active_school_or_404(slug)
    today = timezone.localdate()
    items = (
        access.public_items(school, today)
        .select_related("obligation")
        .order_by("obligation__order", "-year", "-published_on")
    )
    grouped: dict[str, list[DisclosureItem]] = {group: [] for group in PublicGroup.values}
    for item in items:
        grouped[item.obligation.public_group].append(item)
    groups = [
        {
            "key": group,
            "label": PublicGroup(group).label,
            "article": PUBLIC_GROUP_ARTICLES[group],
            "items": grouped[group],
        }
        for group in PublicGroup.values
    ]
    return render(
        request,
        "democracy/public_disclosures.html",
        {"school": school, "groups": groups, "managing_body": school.parent},
    )


def public_item(request: HttpRequest, slug: str, public_id: str) -> HttpResponse:
    school = active_school_or_404(slug)
    item = access.public_item(school, public_id, timezone.localdate())
    return render(request, "democracy/public_item.html", {"school": school, "item": item})


def public_document(request: HttpRequest, slug: str, public_id: str) -> FileResponse:
    school = active_school_or_404(slug)
    item = access.public_item(school, public_id, timezone.localdate())
    if not item.document:
        raise Http404
    response = FileResponse(
        item.document.open("rb"),
        content_type=item.document_type,
        as_attachment=True,
        filename=item.document_name or "van-ban",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
