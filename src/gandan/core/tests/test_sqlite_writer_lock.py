"""Writers on SQLite queue on the file lock (core/sqlite/base.py): the second starts when the
first commits, never while it runs; a rolled-back or closed one leaves the lock free."""

import contextlib
import fcntl
import os
import threading
import time
from collections.abc import Iterator

import pytest
from django.db import connections, transaction
from django.db.utils import load_backend

from gandan.core.sqlite.base import DatabaseWrapper


@pytest.fixture
def database(tmp_path, django_db_blocker):
    path = tmp_path / "ghi.sqlite3"
    opened: list[str] = []

    def connect() -> DatabaseWrapper:
        alias = f"writer-lock-{len(opened)}"
        settings = {
            "ENGINE": "gandan.core.sqlite",
            "NAME": str(path),
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
            "ATOMIC_REQUESTS": False,
            "AUTOCOMMIT": True,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "TIME_ZONE": None,
            "TEST": {},
        }
        wrapper = load_backend("gandan.core.sqlite").DatabaseWrapper(settings, alias)
        connections[alias] = wrapper
        opened.append(alias)
        return wrapper

    with django_db_blocker.unblock():
        setup = connect()
        with setup.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("CREATE TABLE t (n integer)")
        setup.close()
        yield connect
        for alias in opened:
            with contextlib.suppress(Exception):  # those opened in a thread live there
                connections[alias].close()
                del connections[alias]


@contextlib.contextmanager
def writing(wrapper: DatabaseWrapper, n: int) -> Iterator[None]:
    with transaction.atomic(using=wrapper.alias):
        with wrapper.cursor() as cursor:
            cursor.execute("INSERT INTO t VALUES (%s)", [n])
        yield


def taken(wrapper: DatabaseWrapper) -> bool:
    """Whether another open file (another process's, say) would have to wait for the lock."""
    fd = os.open(f"{wrapper.settings_dict['NAME']}-writer.lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing the file releases a lock it took
    return False


def numbers(wrapper: DatabaseWrapper) -> list[int]:
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT n FROM t ORDER BY n")
        return [row[0] for row in cursor.fetchall()]


def test_a_second_writer_waits_for_the_first_to_commit(database):
    first = database()
    order: list[str] = []
    inside = threading.Event()

    def second_writer() -> None:  # a connection of its own thread, as each worker has
        second = database()
        inside.wait()
        with writing(second, 2):
            order.append("second writes")
        second.close()

    thread = threading.Thread(target=second_writer)
    thread.start()
    with writing(first, 1):
        inside.set()
        time.sleep(0.3)  # all this while the second writer waits on the lock
        order.append("first commits")
    thread.join(timeout=10)
    assert order == ["first commits", "second writes"]
    assert numbers(first) == [1, 2]


def test_a_rolled_back_or_closed_writer_frees_the_lock(database):
    first = database()
    # a transaction that fails is rolled back, and the lock with it
    with pytest.raises(RuntimeError), writing(first, 1):
        assert taken(first)
        raise RuntimeError("hỏng giữa chừng")
    assert not taken(first)
    with writing(first, 3):
        assert taken(first)
    assert not taken(first)
    numbers(first)  # a read outside a transaction takes nothing
    assert not taken(first)
    # a connection closed in the middle of a transaction frees it for the others
    first._start_transaction_under_autocommit()
    assert taken(first)
    first.close()
    assert not taken(first)
    done = threading.Event()

    def later() -> None:
        second = database()
        with writing(second, 4):
            pass
        second.close()
        done.set()

    thread = threading.Thread(target=later)
    thread.start()
    assert done.wait(timeout=5)
    thread.join()
    assert numbers(database()) == [3, 4]
