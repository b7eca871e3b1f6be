"""core/compiled.py writes and reads exactly what the ORM call it stands for would, on SQLite
and PostgreSQL: each test does both and compares the stored rows."""

import datetime as dt

import pytest
from django.db import connection
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gandan.core import compiled
from gandan.orgs.models import Organisation, OrgKind
from gandan.search.models import SearchEntry

pytestmark = pytest.mark.django_db

STORED = [
    "kind",
    "access_pk",
    "organisation_id",
    "title",
    "summary",
    "title_folded",
    "folded",
    "links",
    "public",
    "updated_at",
]


def entry(school: Organisation, key: str) -> SearchEntry:
    return SearchEntry(
        kind="petitions.case",
        object_key=key,
        access_pk=7,
        organisation=school,
        title="Cổng trường ùn tắc",
        summary="Xe máy đỗ tràn",
        title_folded=" cong truong un tac ",
        folded=" cong truong un tac xe may ",
        links={"public": ["petitions:track", []], "staff": ["petitions:case", ["a", 1]]},
        public=True,
        updated_at=timezone.make_aware(dt.datetime(2026, 12, 6, 9, 30, 15, 123456)),
    )


def stored(key: str) -> dict:
    return SearchEntry.objects.filter(object_key=key).values(*STORED).get()


def test_insert_stores_what_save_stores_and_sends_the_same_signal(school):
    # given one row saved by the ORM and its twin inserted here, with a listener
    heard = []

    def listener(sender, instance, created, **kwargs):
        heard.append((sender, instance.object_key, created))

    post_save.connect(listener, sender=SearchEntry)
    try:
        entry(school, "by-orm").save(force_insert=True)
        row = compiled.insert(entry(school, "compiled"))
    finally:
        post_save.disconnect(listener, sender=SearchEntry)
    # then the key is set, the row reads back the same, and save()'s signal was sent
    assert row.pk == SearchEntry.objects.get(object_key="compiled").pk
    assert not row._state.adding and row._state.db == "default"
    assert stored("compiled") == stored("by-orm")
    assert heard == [(SearchEntry, "by-orm", True), (SearchEntry, "compiled", True)]


def test_insert_all_is_one_statement_and_stores_what_bulk_create_stores(school):
    # given three rows for each way
    SearchEntry.objects.bulk_create([entry(school, f"orm-{n}") for n in range(3)])
    rows = [entry(school, f"compiled-{n}") for n in range(3)]
    # when
    with CaptureQueriesContext(connection) as queries:
        compiled.insert_all(rows)
    # then one INSERT, every key set in order, the same stored values
    assert len(queries.captured_queries) == 1
    assert [row.pk for row in rows] == [
        SearchEntry.objects.get(object_key=f"compiled-{n}").pk for n in range(3)
    ]
    for n in range(3):
        assert stored(f"compiled-{n}") == stored(f"orm-{n}")
    assert compiled.insert_all([]) == []


def test_insert_refuses_a_row_that_has_a_key(school):
    row = entry(school, "twice")
    row.save()
    with pytest.raises(ValueError):
        compiled.insert(row)
    assert SearchEntry.objects.filter(object_key="twice").count() == 1


def test_update_writes_only_the_named_fields(school):
    # given a stored row changed in memory in two fields
    row = entry(school, "row")
    row.save()
    row.title = "Đã sửa"
    row.summary = "không ghi"
    # when only the title is written
    compiled.update(row, ["title"])
    # then
    again = SearchEntry.objects.get(pk=row.pk)
    assert (again.title, again.summary) == ("Đã sửa", "Xe máy đỗ tràn")


def test_prepared_gives_what_the_queryset_gives(school, other_school):
    # given a prepared lookup by slug and kind
    lookup = compiled.Prepared(
        lambda slug, kind: Organisation.objects.filter(slug=slug, kind=kind, is_active=True)
    )
    # then each call gives the queryset's objects for its own values, converters applied
    for org in (school, other_school):
        found = lookup(org.slug, OrgKind.SCHOOL)
        expected = list(Organisation.objects.filter(slug=org.slug, kind=OrgKind.SCHOOL))
        assert found == expected
        fields = [field.attname for field in Organisation._meta.concrete_fields]
        assert [getattr(found[0], name) for name in fields] == [
            getattr(expected[0], name) for name in fields
        ]
        assert timezone.is_aware(found[0].created_at)
        assert not found[0]._state.adding and found[0]._state.db == "default"
    assert lookup(school.slug, OrgKind.COMMUNE_COMMITTEE) == []
    assert lookup("khong-co", OrgKind.SCHOOL) == []


def test_prepared_reads_json_as_the_queryset_does(school):
    entry(school, "json").save()
    lookup = compiled.Prepared(lambda key: SearchEntry.objects.filter(object_key=key))
    assert lookup("json")[0].links == SearchEntry.objects.get(object_key="json").links


def test_prepared_without_arguments(school):
    lookup = compiled.Prepared(lambda: Organisation.objects.filter(pk=school.pk))
    assert lookup() == [school]


def test_prepared_refuses_what_it_cannot_replay(school):
    # a join: the objects would lack their related rows
    with pytest.raises(ValueError):
        compiled.Prepared(lambda slug: Organisation.objects.select_related("parent"))(school.slug)
    # an argument the lookup transforms (the marker never reaches the parameters)
    with pytest.raises(ValueError):
        compiled.Prepared(lambda slug: Organisation.objects.filter(slug__contains=slug))(
            school.slug
        )
    # an argument not used at all
    with pytest.raises(ValueError):
        compiled.Prepared(lambda slug: Organisation.objects.all())(school.slug)
