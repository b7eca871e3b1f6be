"""The one search function of the staff and public pages.

Candidates are the entries holding every word (search.backends); of those the person sees
only the ones the source apps' own access predicates let them open (search.sources), asked
once per organisation among the candidates. The count and the page are then two queries on
the same condition, so nothing refused is shown or counted. Ranked by `backends.relevance`
(the words as typed, side by side, in the title, then in the text; then the title's whole words
and prefixes), then the most recently changed.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode

from gandan.orgs.models import Organisation, User
from gandan.search import backends, sources
from gandan.search.models import SearchEntry

MIN_LENGTH = 2  # letters in the query, all words together


@dataclass(frozen=True)
class Result:
    kind: str
    kind_label: str
    title: str
    summary: str
    url: str
    organisation: str
    updated_at: dt.datetime


@dataclass(frozen=True)
class Found:
    results: list[Result]
    total: int
    words: list[str]


def _url(links: dict[str, Any], side: str) -> str:
    link = links.get(side)
    if not link:
        return ""
    try:
        url = reverse(link[0], args=link[1])
    except NoReverseMatch:  # a page renamed since the entry was written: shown without link
        return ""
    if len(link) > 2 and link[2]:
        url = f"{url}?{urlencode(link[2])}"
    return url


def is_long_enough(words: list[str]) -> bool:
    return sum(len(word) for word in words) >= MIN_LENGTH


def search(user_or_none: User | None, text: str, *, limit: int, offset: int = 0) -> Found:
    """The entries matching `text` that this person (None or anonymous: the public) may open,
    best first: `limit` of them from `offset`, and how many there are in all."""
    words = backends.terms(text)
    if not is_long_enough(words):
        return Found([], 0, words)
    user = user_or_none if user_or_none is not None and user_or_none.is_authenticated else None
    entries = SearchEntry.objects.all()
    if user is None:
        entries = entries.filter(public=True)
    candidates = backends.matching(entries, words)
    organisations = list(
        Organisation.objects.filter(pk__in=candidates.values("organisation_id")).select_related(
            "parent"
        )
    )
    if user is not None:
        condition = sources.staff_condition(user, organisations)
    else:
        condition = sources.public_condition(organisations, timezone.localdate())
    if condition is None:
        return Found([], 0, words)
    found = candidates.filter(condition)
    total = found.count()
    if total == 0 or offset >= total:
        return Found([], total, words)
    rows = (
        found.annotate(relevance=backends.relevance(words))
        .order_by("-relevance", "-updated_at", "-pk")
        .only("kind", "title", "summary", "links", "organisation_id", "updated_at")[
            offset : offset + limit
        ]
    )
    names = {org.pk: org.display_name for org in organisations}
    side = "staff" if user is not None else "public"
    results = [
        Result(
            kind=row.kind,
            kind_label=sources.label_of(row.kind),
            title=row.title,
            summary=row.summary,
            url=_url(row.links, side),
            organisation=names.get(row.organisation_id, ""),
            updated_at=row.updated_at,
        )
        for row in rows
    ]
    return Found(results, total, words)
