"""The statements of a hot path (the public intake), written as Django writes them but
compiled once per process instead of on every call.

Django's ORM builds and compiles each statement anew: about half a millisecond for an INSERT
of a wide row, and as much for a one-row SELECT, against a few hundredths for the statement
itself. Where a request runs ten of them and people wait for it, that is most of its time.

- `insert(obj)` / `insert_all(objs)`: `obj.save(force_insert=True)` / `bulk_create(objs)`:
  the same columns, values through each field's `pre_save` and `get_db_prep_save` (so
  auto_now, defaults, JSON and dates are stored exactly as save() stores them), the primary
  key read back with RETURNING, `pre_save`/`post_save` sent as save() sends them.
- `update(obj, fields)`: `obj.save(update_fields=fields)` for a row known to exist, without
  the signals save() sends: only for a model no receiver listens to (the audit chain's head).
- `Prepared(build)`: a queryset shape compiled once; calls run the same SQL with other text
  values and build the objects as the queryset does (the fields' converters, `from_db`).

Use it only where a benchmark shows the ORM's cost (bench/intake_bench.py); everywhere else
the ORM's own calls read better. Tests: core/tests/test_compiled.py compares every function with
the ORM call it replaces, on SQLite and PostgreSQL.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connections, models, router
from django.db.models import Field, Model, QuerySet
from django.db.models.signals import post_save, pre_save


def _insert_fields(model: type[Model]) -> list[Field]:
    # As Model._save_table for a new row: the local concrete fields, less the generated ones
    # and the auto-increment key, which the database draws.
    meta = model._meta
    return [
        field
        for field in meta.local_concrete_fields
        if not field.generated and field is not meta.auto_field
    ]


def _quoter(connection: Any) -> Callable[[str | None], str]:
    def quote(name: str | None) -> str:
        if not name:
            raise ValueError("a column without a name")
        return connection.ops.quote_name(name)

    return quote


# Fields whose stored value is the attribute itself when it is text, a truth value or None
# (Field.pre_save reads the attribute; get_prep_value and get_db_prep_value return it as it
# is on both backends): the row's values skip four calls each. Every other field, and any
# other value, goes through pre_save and get_db_prep_save as save() does.
_AS_IS_FIELDS = frozenset(
    {models.CharField, models.TextField, models.SlugField, models.BooleanField}
)
_AS_IS_VALUES = (str, bool, type(None))


def _db_value(field: Field, obj: Model, connection: Any) -> Any:
    if type(field) in _AS_IS_FIELDS:
        value = getattr(obj, field.attname)
        if type(value) in _AS_IS_VALUES:
            return value
    return field.get_db_prep_save(field.pre_save(obj, True), connection)


_INSERTS: dict[tuple[str, type[Model], int], tuple[str, list[Field]]] = {}


def _insert_sql(alias: str, model: type[Model], rows: int) -> tuple[str, list[Field]]:
    key = (alias, model, rows)
    found = _INSERTS.get(key)
    if found is None:
        connection = connections[alias]
        quote = _quoter(connection)
        fields = _insert_fields(model)
        meta = model._meta
        values = "(" + ", ".join(["%s"] * len(fields)) + ")"
        sql = (
            f"INSERT INTO {quote(meta.db_table)} "
            f"({', '.join(quote(field.column) for field in fields)}) "
            f"VALUES {', '.join([values] * rows)} RETURNING {quote(meta.pk.column)}"
        )
        found = _INSERTS[key] = (sql, fields)
    return found


def insert_all[M: Model](objs: Sequence[M]) -> list[M]:
    """Insert new rows of one model in one statement, as `bulk_create` does (no signals);
    their primary keys are set. Call inside the change's transaction."""
    if not objs:
        return list(objs)
    model = type(objs[0])
    alias = router.db_for_write(model)
    connection = connections[alias]
    sql, fields = _insert_sql(alias, model, len(objs))
    params: list[Any] = []
    for obj in objs:
        if model._meta.auto_field is not None and obj.pk is not None:
            raise ValueError("insert_all: new rows only (the database draws the key)")
        # As bulk_create: a related object saved since it was assigned gives its key.
        obj._prepare_related_fields_for_save(operation_name="insert_all")  # type: ignore[attr-defined]
        for field in fields:
            params.append(_db_value(field, obj, connection))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        keys = [row[0] for row in cursor.fetchall()]
    for obj, key in zip(objs, keys, strict=True):
        obj.pk = key
        obj._state.adding = False
        obj._state.db = alias
    return list(objs)


def insert[M: Model](obj: M) -> M:
    """Insert one new row, as `obj.save(force_insert=True)` does (signals included)."""
    model = type(obj)
    alias = router.db_for_write(model)
    pre_save.send(sender=model, instance=obj, raw=False, using=alias, update_fields=None)
    insert_all([obj])
    post_save.send(
        sender=model, instance=obj, created=True, update_fields=None, raw=False, using=alias
    )
    return obj


_UPDATES: dict[tuple[str, type[Model], tuple[str, ...]], tuple[str, list[Field]]] = {}


def update(obj: Model, fields: Sequence[str]) -> None:
    """Write these fields of a stored row, as `save(update_fields=fields)` does."""
    model = type(obj)
    alias = router.db_for_write(model)
    connection = connections[alias]
    meta = model._meta
    key = (alias, model, tuple(fields))
    found = _UPDATES.get(key)
    if found is None:
        quote = _quoter(connection)
        chosen: list[Field] = [meta.get_field(name) for name in fields]  # type: ignore[misc]
        assignments = ", ".join(f"{quote(field.column)} = %s" for field in chosen)
        sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"
        found = _UPDATES[key] = (sql, chosen)
    sql, chosen = found
    params = [field.get_db_prep_save(field.pre_save(obj, False), connection) for field in chosen]
    params.append(meta.pk.get_db_prep_value(obj.pk, connection))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@dataclass(frozen=True)
class _Select[M: Model]:
    model: type[M]
    alias: str
    sql: str
    slots: list[int | None]  # per parameter: the argument it takes, None for a constant
    constants: list[Any]
    attnames: list[str]
    converters: list[tuple[int, list[Callable[..., Any]], Any]]


class Prepared[M: Model]:
    """A queryset compiled once: `Prepared(lambda slug: Org.objects.filter(slug=slug)[:1])`,
    then `prepared("th-thanh-to")` gives the list the queryset would give for that value.

    The builder is compiled once with marker values in place of its arguments; each call puts
    its own values where the markers were, and builds the objects as the queryset does (the
    fields' converters, then `Model.from_db`). Arguments are text compared as such (equality,
    or `in` with a fixed number of values): compiling refuses a builder whose markers do not
    reach the parameters unchanged. The rows are one model's columns: no select_related, no
    annotations, no deferred fields."""

    def __init__(self, build: Callable[..., QuerySet[M]]) -> None:
        self.build = build
        self._compiled: dict[int, _Select[M]] = {}

    def _compile(self, count: int) -> _Select[M]:
        markers = [f"\x00gandan-prepared-{index}\x00" for index in range(count)]
        queryset = self.build(*markers)
        query = queryset.query
        if query.select_related or query.annotations or query.deferred_loading[0]:
            raise ValueError("Prepared: one model's columns (no select_related, annotations)")
        alias = queryset.db
        compiler = query.get_compiler(alias)
        sql, params = compiler.as_sql()
        slots = [markers.index(value) if value in markers else None for value in params]
        if sorted(slot for slot in slots if slot is not None) != list(range(count)):
            raise ValueError("Prepared: every argument must reach the SQL unchanged, once")
        columns = [column for column, _sql, _alias in compiler.select]
        converters = [
            (position, functions, expression)
            for position, (functions, expression) in compiler.get_converters(columns).items()
        ]
        return _Select(
            model=queryset.model,
            alias=alias,
            sql=sql,
            slots=slots,
            constants=list(params),
            attnames=[column.target.attname for column in columns],
            converters=converters,
        )

    def __call__(self, *values: str) -> list[M]:
        select = self._compiled.get(len(values))
        if select is None:
            select = self._compiled[len(values)] = self._compile(len(values))
        connection = connections[select.alias]
        params = [
            values[slot] if slot is not None else constant
            for slot, constant in zip(select.slots, select.constants, strict=True)
        ]
        with connection.cursor() as cursor:
            cursor.execute(select.sql, params)
            fetched = cursor.fetchall()
        found = []
        for fetched_row in fetched:
            row = list(fetched_row)
            for position, functions, expression in select.converters:
                value = row[position]
                for function in functions:
                    value = function(value, expression, connection)
                row[position] = value
            found.append(select.model.from_db(select.alias, select.attnames, row))
        return found
