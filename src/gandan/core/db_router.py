"""Reading the dashboards' summary tables from a streaming replica (`DATABASE_REPLICA_URL`).

The rule, chosen so that nobody can be shown stale data of their own writes:
- only the read side's summary tables (`READ_SIDE`: the indicator rows that `reports.refresh`
  writes and nobody edits) are ever read from the replica; every other model, and every write,
  goes to "default";
- only inside a request (or a block) marked read-only with `read_only_request`;
- never once that request has written anything (the router sees every ORM write), so the
  officer whose page just refreshed the indicators reads them from the primary;
- never inside a transaction on "default" (a read there must see that transaction).
A replica lags the primary by a fraction of a second: at worst an officer sees the figures of
the refresh before the last, which reflect other people's changes, never theirs.

With a replica in use the pages do not refresh the summary tables themselves
(`reports.refresh.refresh_if_behind`): the worker does, every minute (docs/PROVINCE.md). A
refresh on the request path writes, and a request that wrote reads from the primary, so in a
province where some school changes something every minute no page would ever read the replica.

Migrations run on "default" only; the replica receives them by streaming replication.
"""

import contextvars
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, router
from django.db.models import Model

REPLICA = "replica"
READ_SIDE = frozenset({"reports.unitmonth", "reports.unitstatus"})

_read_only: contextvars.ContextVar[bool] = contextvars.ContextVar("gandan_read_only", default=False)
_wrote: contextvars.ContextVar[bool] = contextvars.ContextVar("gandan_wrote", default=False)


def replica_configured() -> bool:
    return REPLICA in connections.settings


def replica_in_use() -> bool:
    """A replica is configured and this router sends reads to it (settings install both)."""
    return replica_configured() and any(isinstance(r, ReplicaRouter) for r in router.routers)


@contextmanager
def replica_reads() -> Iterator[None]:
    """Mark the enclosed block read-only: the summary tables may come from the replica, until
    the block writes anything."""
    read_only = _read_only.set(True)
    wrote = _wrote.set(False)
    try:
        yield
    finally:
        _wrote.reset(wrote)
        _read_only.reset(read_only)


def read_only_request[**P, R](view: Callable[P, R]) -> Callable[P, R]:
    """A view decorator: the whole request is one `replica_reads` block (so a write anywhere in
    it keeps its later reads on the primary)."""

    @functools.wraps(view)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with replica_reads():
            return view(*args, **kwargs)

    return run


class ReplicaRouter:
    """`DATABASE_ROUTERS = ["gandan.core.db_router.ReplicaRouter"]` (settings, when a replica
    is configured)."""

    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        if (
            model._meta.label_lower in READ_SIDE
            and _read_only.get()
            and not _wrote.get()
            and replica_configured()
            and not connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        if _read_only.get():
            _wrote.set(True)
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool:
        # The replica holds the same rows as the primary.
        return {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA, None}

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == DEFAULT_DB_ALIAS
