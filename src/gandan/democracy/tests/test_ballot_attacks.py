"""Attacks on a secret ballot, played for real against the stored data.

The attacker can read the database as a file or a backup: every table (sessions and the audit
log included), the engine's own row order (SQLite rowid, PostgreSQL ctid and xmin) and, on
SQLite, the `-wal` file. They know the voters and the ballot, and they may even hold a voter's
receipt code (a coercer asks to see it). They do not hold SECRET_KEY, which lives outside the
database. Each test below counts how many voters' choices the attack recovers; each recovered
12 of 12 (or every receipt) before papers were sealed while open, keyed, and shuffled at close.

The attacker's code reads raw tables and bytes, never the application's models, so that it
stays the same attack whatever the application stores.
"""

import base64
import hashlib
import itertools
import json
import re
import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from gandan.audit.models import AuditEvent
from gandan.democracy.models import (
    BallotMethod,
    BallotOption,
    BallotPaper,
    DemocracyEvent,
    Elector,
    ElectorateKind,
    Participation,
    RulePreset,
    SealedPaper,
    Secrecy,
)
from gandan.democracy.services import ballots as services

PAPERS = BallotPaper._meta.db_table
PARTICIPATIONS = Participation._meta.db_table
TIMELINE = DemocracyEvent._meta.db_table
AUDIT = AuditEvent._meta.db_table
# Twelve voters, twelve different papers (4 candidates, up to 3 seats): a recovered choice is
# unambiguous.
PATTERNS = [[], [0], [1], [2], [3], [0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3], [0, 1, 2]]
RECEIPT = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")


@pytest.fixture
def staff(principal, deputy, teacher, inspector, clerk, union_officer, more_teachers):
    return [principal, deputy, teacher, inspector, clerk, union_officer, *more_teachers(6)]


def _election(school, principal):
    ballot = services.create_ballot(
        organisation=school,
        actor=principal,
        title="Bầu đại diện đi dự hội nghị cấp trên",
        method=BallotMethod.ELECTION,
        secrecy=Secrecy.SECRET,
        electorate_kind=ElectorateKind.ALL_STAFF,
        rule=RulePreset.CONFERENCE,
        options=["Ứng viên A", "Ứng viên B", "Ứng viên C", "Ứng viên D"],
        seats=3,
    )
    return services.open_ballot(ballot=ballot, actor=principal)


def _vote_everyone(ballot, staff) -> dict[int, list[int]]:
    """Everyone votes, in staff order; returns the truth: voter id -> sorted option ids."""
    options = list(ballot.options.order_by("order").values_list("pk", flat=True))
    truth = {}
    for voter, pattern in zip(staff, PATTERNS[: len(staff)], strict=True):
        picked = [options[i] for i in pattern]
        services.cast_ballot(ballot=ballot, voter=voter, choices=[str(pk) for pk in picked])
        truth[voter.pk] = sorted(picked)
    return truth


def _recovered(truth: dict[int, list[int]], guess: dict[int, list[int]]) -> int:
    return sum(1 for voter, choices in truth.items() if guess.get(voter) == choices)


# The attacker's tools ----------------------------------------------------------------------


def _columns(table: str) -> list[str]:
    with connection.cursor() as cursor:
        return [c.name for c in connection.introspection.get_table_description(cursor, table)]


def _storage_order() -> str:
    return "ctid" if connection.vendor == "postgresql" else "rowid"


def _as_choices(value) -> list[int] | None:
    """A stored value read as a list of option ids, if it is one."""
    if isinstance(value, (bytes, memoryview)):
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    if isinstance(value, list) and all(isinstance(item, int) for item in value):
        return sorted(value)
    return None


def _readable_papers(ballot_pk: int, order: str) -> list[list[int]]:
    """Every row of every ballot table, other than who voted, that holds a readable choice,
    in the given order (storage order, or xmin on PostgreSQL)."""
    skip = {PARTICIPATIONS, Elector._meta.db_table, BallotOption._meta.db_table, TIMELINE}
    papers = []
    for table in connection.introspection.table_names():
        if not table.startswith("democracy_") or table in skip:
            continue
        columns = _columns(table)
        if "ballot_id" not in columns or "choices" not in columns:
            continue
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT choices FROM {table} WHERE ballot_id = %s ORDER BY {order}", [ballot_pk]
            )
            for (value,) in cursor.fetchall():
                choices = _as_choices(value)
                if choices is not None:
                    papers.append(choices)
    return papers


def _voters_in_order(ballot_pk: int) -> list[int]:
    """Who voted, in the order they voted as the database lets one see it: by the vote's time
    if one is stored, else by the order of storage."""
    order = "voted_at" if "voted_at" in _columns(PARTICIPATIONS) else _storage_order()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT voter_id FROM {PARTICIPATIONS} WHERE ballot_id = %s ORDER BY {order}",
            [ballot_pk],
        )
        return [row[0] for row in cursor.fetchall()]


def _join_by_order(ballot_pk: int) -> dict[int, list[int]]:
    voters = _voters_in_order(ballot_pk)
    return dict(zip(voters, _readable_papers(ballot_pk, _storage_order()), strict=False))


def _join_by_transaction(ballot_pk: int) -> dict[int, list[int]]:
    """PostgreSQL: rows written by one transaction share its xmin, and xmins grow in order."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT voter_id FROM {PARTICIPATIONS} WHERE ballot_id = %s "
            "ORDER BY xmin::text::bigint",
            [ballot_pk],
        )
        voters = [row[0] for row in cursor.fetchall()]
    return dict(zip(voters, _readable_papers(ballot_pk, "xmin::text::bigint"), strict=False))


def _session_payloads() -> list[dict]:
    """Every stored session, decoded without the key: signed, not encrypted."""
    payloads = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT session_data FROM django_session")
        for (data,) in cursor.fetchall():
            body = data.rsplit(":", 2)[0]
            compressed = body.startswith(".")
            raw = base64.urlsafe_b64decode(body.lstrip(".") + "=" * (-len(body.lstrip(".")) % 4))
            payloads.append(json.loads(zlib.decompress(raw) if compressed else raw))
    return payloads


def _papers_by_unkeyed_receipt(ballot, code: str) -> list[list[int]]:
    """What a reader of the database learns from a receipt code when its hash has no key."""
    normalised = "".join(ch for ch in code.upper() if ch.isalnum())
    digest = hashlib.sha256(f"{ballot.public_id}:{normalised}".encode()).hexdigest()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT choices FROM {PAPERS} WHERE ballot_id = %s AND receipt_hash = %s",
            [ballot.pk, digest],
        )
        return [c for (value,) in cursor.fetchall() if (c := _as_choices(value)) is not None]


# Attack (a) and (b): sessions and the receipt's hash ------------------------------------------


def test_sessions_do_not_link_voters_to_their_papers(school, principal, staff):
    # given: three teachers vote through the site and never open another page afterwards
    ballot = _election(school, principal)
    options = list(ballot.options.order_by("order").values_list("pk", flat=True))
    truth = {}
    teachers = staff[6:9]
    for voter, pattern in zip(teachers, PATTERNS[5:8], strict=True):
        client = Client()
        client.force_login(voter)
        picked = [options[i] for i in pattern]
        response = client.post(
            reverse("democracy:ballot_vote", args=[ballot.public_id]),
            {"picked": [str(pk) for pk in picked]},
        )
        assert response.status_code in {200, 302}
        truth[voter.pk] = sorted(picked)
    assert set(Participation.objects.values_list("voter_id", flat=True)) == set(truth)
    guesses: dict[str, dict[int, list[int]]] = {"open": {}, "closed": {}}

    def attack(moment: str) -> None:
        for payload in _session_payloads():
            voter = int(payload.get("_auth_user_id", 0))
            for code in RECEIPT.findall(json.dumps(payload)):
                for choices in _papers_by_unkeyed_receipt(ballot, code):
                    guesses[moment][voter] = choices

    # when: the attacker reads the sessions while the ballot is open, and again after it closes
    attack("open")
    services.close_ballot(ballot=ballot, actor=principal)
    attack("closed")
    # then: no session holds a receipt, so nothing links
    assert _recovered(truth, guesses["open"]) == 0
    assert _recovered(truth, guesses["closed"]) == 0
    assert not any(RECEIPT.search(json.dumps(p)) for p in _session_payloads())


def test_a_receipt_shown_to_a_coercer_does_not_reveal_the_choice(school, principal, staff):
    # given: each voter's receipt code, as a coercer who demands to see it would get it
    ballot = _election(school, principal)
    options = list(ballot.options.order_by("order").values_list("pk", flat=True))
    codes = {}
    for voter, pattern in zip(staff, PATTERNS, strict=True):
        picked = [str(options[i]) for i in pattern]
        codes[voter.pk] = services.cast_ballot(ballot=ballot, voter=voter, choices=picked)
    services.close_ballot(ballot=ballot, actor=principal)
    # when: the coercer, reading the database, looks the receipt up
    found = [_papers_by_unkeyed_receipt(ballot, code) for code in codes.values()]
    # then: the hash stored needs a key the database does not hold; the receipt still checks
    assert found == [[]] * len(codes)
    assert all(services.verify_receipt(ballot=ballot, code=code) for code in codes.values())


# Attack (c): row order, transaction ids and timestamps while the ballot is open --------------


def test_while_open_row_order_does_not_link_voters_to_choices(school, principal, staff):
    # given
    ballot = _election(school, principal)
    truth = _vote_everyone(ballot, staff)
    # when: voters in the order they voted, papers in the order they are stored
    guess = _join_by_order(ballot.pk)
    # then
    assert _recovered(truth, guess) == 0
    if connection.vendor == "postgresql":
        assert _recovered(truth, _join_by_transaction(ballot.pk)) == 0


def test_nothing_stored_about_a_vote_carries_a_time_or_names_the_voter_beside_it(
    school, principal, staff
):
    # given
    ballot = _election(school, principal)
    _vote_everyone(ballot, staff[:4])
    names = [person.full_name for person in staff[:4]]
    # then 1: no table that records a vote (who voted, or a paper) has a date or time column
    ballot_tables = [
        table
        for table in connection.introspection.table_names()
        if table.startswith("democracy_")
        and "ballot_id" in (columns := _columns(table))
        and (
            "voter_id" in columns
            or "choices" in columns
            or any("receipt" in c or "envelope" in c for c in columns)
        )
    ]
    assert PARTICIPATIONS in ballot_tables and PAPERS in ballot_tables
    with connection.cursor() as cursor:
        for table in ballot_tables:
            for column in connection.introspection.get_table_description(cursor, table):
                kind = connection.introspection.get_field_type(column.type_code, column)
                assert kind not in {"DateTimeField", "DateField", "TimeField"}, (table, column)
    # then 2: no audit or timeline row was written per vote (it would carry the time, and the
    # audit sequence, of each person's vote)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT summary FROM {AUDIT}")
        audit = [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT summary FROM {TIMELINE} WHERE ballot_id = %s", [ballot.pk])
        timeline = [row[0] for row in cursor.fetchall()]
    for name in names:
        assert not [s for s in audit + timeline if name in s and "bỏ phiếu" in s]
    assert not [s for s in audit + timeline if "đã bỏ phiếu “" in s]


def test_after_close_row_order_and_transactions_do_not_link(school, principal, staff):
    # given
    ballot = _election(school, principal)
    truth = _vote_everyone(ballot, staff)
    # when
    services.close_ballot(ballot=ballot, actor=principal)
    # then: the papers are stored in the order of keys drawn at close, by one transaction
    order = _storage_order()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM {PAPERS} WHERE ballot_id = %s ORDER BY {order}", [ballot.pk]
        )
        stored = [str(row[0]).replace("-", "") for row in cursor.fetchall()]
    assert len(stored) == len(truth) and stored == sorted(stored)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(DISTINCT xmin::text) FROM {PAPERS} WHERE ballot_id = %s", [ballot.pk]
            )
            assert cursor.fetchone()[0] == 1


# Attack (d): the SQLite write-ahead log ------------------------------------------------------


@pytest.fixture
def sqlite_file(tmp_path):
    """The test database as a real SQLite file in WAL mode (the test database is in memory)."""
    if connection.vendor != "sqlite":
        pytest.skip("the -wal file is SQLite's; PostgreSQL is covered by ctid and xmin")
    conn = connections["default"]
    conn.ensure_connection()
    memory, memory_name = conn.connection, conn.settings_dict["NAME"]
    path = tmp_path / "gandan.sqlite3"
    target = sqlite3.connect(path)
    memory.backup(target)
    target.close()
    conn.connection = None  # the in-memory database stays open, held here, for later tests
    conn.settings_dict["NAME"] = str(path)
    conn.ensure_connection()
    with conn.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    yield path
    conn.close()
    conn.settings_dict["NAME"] = memory_name
    conn.connection = memory


def _snapshot(path: Path, into: Path) -> Path:
    into.mkdir()
    for suffix in ("", "-wal"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            shutil.copyfile(source, into / f"{path.name}{suffix}")
    return into / path.name


def _wal_history(snapshot: Path, work: Path) -> list[dict[str, set[tuple]]]:
    """The database after each commit the -wal file still holds: every ballot table's rows."""
    wal_path = Path(f"{snapshot}-wal")
    wal = wal_path.read_bytes() if wal_path.exists() else b""
    ends = [0]
    if len(wal) >= 32:
        frame = 24 + int.from_bytes(wal[8:12], "big")
        for offset in range(32, len(wal) - frame + 1, frame):
            if int.from_bytes(wal[offset + 4 : offset + 8], "big"):  # a commit frame
                ends.append(offset + frame)
    states = []
    for index, end in enumerate(ends):
        folder = work / f"state-{index}"
        folder.mkdir()
        copy = folder / snapshot.name
        shutil.copyfile(snapshot, copy)
        if end:
            Path(f"{copy}-wal").write_bytes(wal[:end])
        db = sqlite3.connect(copy)
        try:
            states.append(_ballot_tables(db))
        except sqlite3.DatabaseError:
            pass  # frames older than pages already checkpointed into the file: not readable
        finally:
            db.close()
    return states


def _ballot_tables(db: sqlite3.Connection) -> dict[str, set[tuple]]:
    state = {}
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for table in tables:
        if table.startswith("democracy_"):
            columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
            if "ballot_id" in columns:
                rows = db.execute(f"SELECT * FROM {table}").fetchall()
                state[table] = {tuple(zip(columns, row, strict=True)) for row in rows}
    return state


def _wal_attack(history: list[dict[str, set[tuple]]], final_papers: list[dict]) -> dict:
    """Each commit that adds one participation row: what else did it add? A paper (its choice
    is then read directly), or any value that one of the final papers also holds."""
    by_value = {}
    for paper in final_papers:
        for column, value in paper.items():
            if column not in {"ballot_id", "choices"} and value is not None:
                by_value[value] = paper["choices"]
    guess: dict[int, list[int]] = {}
    for before, after in itertools.pairwise(history):
        added = {table: after.get(table, set()) - before.get(table, set()) for table in after}
        voters = [dict(row)["voter_id"] for row in added.pop(PARTICIPATIONS, set())]
        if len(voters) != 1:
            continue
        for rows in added.values():
            for row in rows:
                values = dict(row)
                direct = _as_choices(values["choices"]) if "choices" in values else None
                if direct is not None:
                    guess[voters[0]] = direct
                for column, value in values.items():
                    if column not in {"ballot_id", "choices"} and value in by_value:
                        guess[voters[0]] = _as_choices(by_value[value]) or []
    return guess


def _final_papers(ballot_pk: int) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {PAPERS} WHERE ballot_id = %s", [ballot_pk])
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


@pytest.mark.django_db(transaction=True)
def test_after_close_the_wal_file_does_not_link(sqlite_file, school, principal, staff, tmp_path):
    # given: a ballot voted and closed in the real database file
    ballot = _election(school, principal)
    truth = _vote_everyone(ballot, staff)
    services.close_ballot(ballot=ballot, actor=principal)
    # when: the attacker copies the database and its -wal file, and replays every commit
    snapshot = _snapshot(sqlite_file, tmp_path / "copy")
    history = _wal_history(snapshot, tmp_path)
    guess = _wal_attack(history, _final_papers(ballot.pk))
    # then: nothing is left to replay (the log was checkpointed and emptied at close)
    assert _recovered(truth, guess) == 0
    assert Path(f"{sqlite_file}-wal").stat().st_size == 0


@pytest.mark.django_db(transaction=True)
def test_a_wal_file_copied_while_open_does_not_link(
    sqlite_file, school, principal, staff, tmp_path
):
    # given: the attacker copies the database files while the vote is under way
    ballot = _election(school, principal)
    truth = _vote_everyone(ballot, staff)
    snapshot = _snapshot(sqlite_file, tmp_path / "copy")
    # when: later they see the papers counted at close, and replay the log they copied
    services.close_ballot(ballot=ballot, actor=principal)
    history = _wal_history(snapshot, tmp_path)
    assert len(history) > len(truth)  # the copy did hold every vote's commit
    guess = _wal_attack(history, _final_papers(ballot.pk))
    # then: each vote's commit added who voted and a sealed paper that shares nothing with
    # the papers counted
    assert _recovered(truth, guess) == 0


# What deleting the envelopes leaves behind ----------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_no_envelope_survives_in_the_database_file_or_its_log(
    sqlite_file, school, principal, staff
):
    # given: the envelopes as they were stored while the ballot was open
    ballot = _election(school, principal)
    _vote_everyone(ballot, staff)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT envelope, receipt_tag FROM {SealedPaper._meta.db_table} WHERE ballot_id = %s",
            [ballot.pk],
        )
        stored = [(bytes(envelope), tag.encode()) for envelope, tag in cursor.fetchall()]
    assert len(stored) == len(staff)
    # when
    services.close_ballot(ballot=ballot, actor=principal)
    # then: no byte string of any envelope, nor any receipt tag, is left in the file or the log
    # (freed pages are zeroed, the log is checkpointed and emptied)
    files = Path(sqlite_file).read_bytes() + Path(f"{sqlite_file}-wal").read_bytes()
    for envelope, tag in stored:
        assert envelope[12:40] not in files
        assert tag not in files


@pytest.mark.django_db(transaction=True)
def test_postgresql_rewrites_the_envelope_table_at_close(school, principal, staff):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite zeroes freed pages and truncates its log instead")
    # given
    ballot = _election(school, principal)
    _vote_everyone(ballot, staff[:3])

    def filenode() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_relation_filenode(%s)", [SealedPaper._meta.db_table])
            return cursor.fetchone()[0]

    before = filenode()
    # when
    services.close_ballot(ballot=ballot, actor=principal)
    # then: the heap that held the envelopes (dead rows included) was replaced by a new one
    assert filenode() != before
    assert SealedPaper.objects.count() == 0
