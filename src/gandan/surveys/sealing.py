"""Storage that forgets the order of answering: re-sealing, overwritten deletes, the WAL.

A reader of the database files, not of the pages, has three more clocks than the columns: the
order rows are stored in (SQLite rowid, PostgreSQL ctid), the content of freed pages (a deleted
row stays readable until its page is reused), and the order of frames in SQLite's write-ahead
log (one commit after another: a login row, then an answer). `reseal` removes the first two
for a survey's anonymous answers; `checkpoint_wal`, called after the commit, the third.
"""

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from gandan.surveys.models import Answer, Participation, Response, Survey

logger = logging.getLogger(__name__)

RESEAL_BATCH = 2000


@contextmanager
def overwritten_deletes() -> Iterator[None]:
    """On SQLite, deleted content is overwritten with zeros, not left in freed pages.

    SQLite's secure_delete is a per-connection setting; it is switched on for the deletes that
    must not leave the old rows readable and back to what it was afterwards. PostgreSQL keeps
    dead row versions until VACUUM whatever the application does (the module docstring of
    models.Participation says what that leaves)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        (before,) = cursor.fetchone()
        cursor.execute("PRAGMA secure_delete = ON")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA secure_delete = {int(before)}")


def reseal(survey: Survey) -> dict[uuid.UUID, uuid.UUID]:
    """Re-write the survey's responses under fresh random keys, in key order, answers with them.

    While rows sit in the order people answered, a reader of the database could pair the n-th
    row with the n-th visitor, or the n-th login. Afterwards the order is that of random keys,
    and the old keys and row ids are gone (overwritten on SQLite). Call inside the transaction
    that changes the survey. Returns old key → new key (kept in memory only)."""
    old = list(Response.objects.filter(survey=survey).values_list("id", "created_on", "score"))
    if not old:
        return {}
    new_ids = {old_id: uuid.uuid4() for old_id, _on, _score in old}
    answers = list(
        Answer.objects.filter(response__survey=survey).values_list(
            "response_id", "question_id", "value", "text"
        )
    )
    with overwritten_deletes():
        Answer.objects.filter(response__survey=survey).delete()
        Response.objects.filter(survey=survey).delete()
    Response.objects.bulk_create(
        sorted(
            (
                Response(id=new_ids[old_id], survey=survey, created_on=on, score=score)
                for old_id, on, score in old
            ),
            key=lambda response: response.id,
        ),
        batch_size=RESEAL_BATCH,
    )
    Answer.objects.bulk_create(
        sorted(
            (
                Answer(response_id=new_ids[old_id], question_id=question, value=value, text=text)
                for old_id, question, value, text in answers
            ),
            key=lambda answer: (answer.response_id, answer.question_id, answer.value or 0),
        ),
        batch_size=RESEAL_BATCH,
    )
    return new_ids


def forget_participants(survey: Survey) -> int:
    """Delete the survey's "has answered" markers (at close), overwritten; how many there were."""
    with overwritten_deletes():
        deleted, _by_model = Participation.objects.filter(survey=survey).delete()
    return deleted


# A checkpoint after an answer waits at most this long for readers of an older snapshot (the
# connection's own busy timeout is for writers, and far longer): a parent's "send" must not
# hang behind a long report; the frames left are taken by the next checkpoint.
CHECKPOINT_WAIT_MS = 250


def checkpoint_wal() -> None:
    """Copy SQLite's WAL into the database file and truncate it to zero bytes.

    Call after the commit (transaction.on_commit, or after the transaction returned): the
    frames of the transactions just made are then gone from the -wal file, and with them
    their order (a rate-limit counter or a login, then an answer). Best effort: a reader
    still inside an old snapshot makes it report busy after CHECKPOINT_WAIT_MS, which is
    logged; the next checkpoint (after the next answer, SQLite's own, or at close) takes the
    frames. Nothing to do on PostgreSQL, whose WAL belongs to the server."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
        try:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            row = cursor.fetchone()
        finally:
            cursor.execute(f"PRAGMA busy_timeout = {int(before)}")
    if row is not None and row[0]:
        logger.warning("WAL checkpoint after a survey change was busy: %s", row)
