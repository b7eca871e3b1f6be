"""Writing many rows fast: COPY through psycopg's `cursor.copy()` on PostgreSQL, batched
`executemany` on SQLite (bulk_create would overwrite the `auto_now_add` timestamps that a
generated history needs)."""

import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, models


class RowWriter:
    """Streams tuples into one model's table, in the order of `columns` (attnames).

    Every other concrete column gets its field's constant default; a NOT NULL column without
    one must be given (a callable default, e.g. a UUID, too): so no row is ever half-filled.
    """

    def __init__(self, model: type[models.Model], columns: Sequence[str]) -> None:
        self.model = model
        meta = model._meta
        by_attname = {f.attname: f for f in meta.concrete_fields}
        self.fields = [by_attname[name] for name in columns]
        rest = [
            f
            for f in meta.concrete_fields
            if f.attname not in columns and not (f.primary_key and isinstance(f, models.AutoField))
        ]
        for f in rest:
            if f.has_default() and callable(f.default):
                raise ValueError(f"{meta.label}.{f.name}: give a value (callable default)")
            if not f.null and not f.has_default() and f.get_default() is None:
                raise ValueError(f"{meta.label}.{f.name}: NOT NULL column without a value")
        self.fields += rest
        self.defaults = tuple(f.get_default() for f in rest)
        self.json = [i for i, f in enumerate(self.fields) if isinstance(f, models.JSONField)]
        self.count = 0

    def write(self, rows: Iterable[Sequence[Any]]) -> int:
        table = connection.ops.quote_name(self.model._meta.db_table)
        names = ", ".join(connection.ops.quote_name(str(f.column)) for f in self.fields)
        written = 0
        if connection.vendor == "postgresql":
            with (
                connection.cursor() as cursor,
                cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(self._complete(row))
                    written += 1
        else:
            marks = ", ".join(["%s"] * len(self.fields))
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
            batch: list[list[Any]] = []
            with connection.cursor() as cursor:
                for row in rows:
                    values = self._complete(row)
                    batch.append(
                        [
                            f.get_db_prep_save(value, connection)
                            for f, value in zip(self.fields, values, strict=True)
                        ]
                    )
                    if len(batch) >= 2000:
                        cursor.executemany(sql, batch)
                        written += len(batch)
                        batch = []
                if batch:
                    cursor.executemany(sql, batch)
                    written += len(batch)
        self.count += written
        return written

    def _complete(self, row: Sequence[Any]) -> list[Any]:
        values = [*row, *self.defaults]
        if connection.vendor == "postgresql":
            for index in self.json:
                values[index] = json.dumps(values[index], ensure_ascii=False)
        return values
