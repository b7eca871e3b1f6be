"""Writing the index: one object on save or delete (search/apps.py), everything on reindex."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from gandan.core import compiled
from gandan.search.backends import folded_words
from gandan.search.models import SearchEntry
from gandan.search.sources import SOURCES, Entry, Source

BATCH = 1000


def entry_row(source: Source, pk: object, entry: Entry) -> SearchEntry:
    """The index row of one object (not saved)."""
    return SearchEntry(
        kind=source.kind,
        object_key=source.key(pk),
        access_pk=entry.access_pk,
        organisation_id=entry.organisation_id,
        title=entry.title[:500],
        summary=entry.summary[:300],
        title_folded=folded_words(entry.title)[:600],
        folded=folded_words(f"{entry.title} {entry.text}"),
        links=entry.links,
        public=entry.public,
        updated_at=entry.updated_at,
    )


def index_object(source: Source, instance: Any, *, created: bool = False) -> None:
    """Write, replace or remove the object's entry, as its source says now. A new object has
    no entry yet: one INSERT, nothing read (the public intake's path)."""
    entry = source.entry(instance)
    if entry is None:
        if not created:
            remove_object(source, instance.pk)
        return
    row = entry_row(source, instance.pk, entry)
    if created:
        compiled.insert(row)  # row.save(force_insert=True), compiled once: the intake's path
        return
    fields = [
        field.attname
        for field in SearchEntry._meta.concrete_fields
        if field.attname not in ("id", "object_key")
    ]
    SearchEntry.objects.update_or_create(
        object_key=row.object_key,
        defaults={name: getattr(row, name) for name in fields},
    )


def remove_object(source: Source, pk: object) -> None:
    SearchEntry.objects.filter(object_key=source.key(pk)).delete()


def _rows(source: Source) -> Iterable[SearchEntry]:
    rows: Any = source.rows()
    objects = rows.iterator(chunk_size=BATCH) if hasattr(rows, "iterator") else rows
    for instance in objects:
        entry = source.entry(instance)
        if entry is not None:
            yield entry_row(source, instance.pk, entry)


def reindex(kinds: Iterable[str] | None = None) -> dict[str, int]:
    """Rebuild the entries of these kinds (every kind by default); safe to rerun."""
    chosen = [SOURCES[kind] for kind in (kinds or SOURCES)]
    counts: dict[str, int] = {}
    with transaction.atomic():
        for source in chosen:
            SearchEntry.objects.filter(kind=source.kind).delete()
            batch: list[SearchEntry] = []
            count = 0
            for row in _rows(source):
                batch.append(row)
                if len(batch) >= BATCH:
                    SearchEntry.objects.bulk_create(batch)
                    count += len(batch)
                    batch = []
            if batch:
                SearchEntry.objects.bulk_create(batch)
                count += len(batch)
            counts[source.kind] = count
    return counts
