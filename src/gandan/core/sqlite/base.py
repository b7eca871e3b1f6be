"""Django's SQLite backend, with writers queued by the kernel instead of SQLite's sleeps.

Two processes that write at once (the web server's workers, the background worker) meet at
SQLite's single write lock. Django starts each transaction with `BEGIN IMMEDIATE` (settings:
transaction_mode), and the second writer then waits in SQLite's busy handler, which polls by
sleeping 1, 2, 5, 10, 15, 20, 25, … ms: a writer that arrives just after another one sleeps
for several of its transactions, which is most of the public intake's time under load.

Here a writing transaction first takes an exclusive `flock` on a file beside the database
(`<name>-writer.lock`), held until its COMMIT or ROLLBACK (or the connection's close), so
writers queue in the kernel and the next one starts the moment the lock is free. Autocommit
statements outside a transaction do not take it; SQLite's own lock still orders them. An
in-memory database (the tests') has one process: no file, no lock.
"""

import fcntl
import os
from typing import Any

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._writer_fd: int | None = None
        self._writer_held = False

    def _writer_lock_path(self) -> str | None:
        name = str(self.settings_dict["NAME"])
        if self.is_in_memory_db() or not name:
            return None
        return f"{name}-writer.lock"

    def _acquire_writer_lock(self) -> None:
        path = self._writer_lock_path()
        if path is None or self._writer_held:
            return
        if self._writer_fd is None:
            self._writer_fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        fcntl.flock(self._writer_fd, fcntl.LOCK_EX)
        self._writer_held = True

    def _release_writer_lock(self) -> None:
        if self._writer_held and self._writer_fd is not None:
            fcntl.flock(self._writer_fd, fcntl.LOCK_UN)
        self._writer_held = False

    def _start_transaction_under_autocommit(self) -> None:
        self._acquire_writer_lock()
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]  # private, not in the stubs
        except BaseException:
            self._release_writer_lock()
            raise

    def _commit(self) -> None:
        try:
            super()._commit()  # type: ignore[misc]  # private, not in the stubs
        finally:
            self._release_writer_lock()

    def _rollback(self) -> None:
        try:
            super()._rollback()  # type: ignore[misc]  # private, not in the stubs
        finally:
            self._release_writer_lock()

    def _close(self) -> None:
        try:
            super()._close()  # type: ignore[misc]  # private, not in the stubs
        finally:
            self._release_writer_lock()
            if self._writer_fd is not None:
                os.close(self._writer_fd)
                self._writer_fd = None
