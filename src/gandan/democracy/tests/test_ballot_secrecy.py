"""A closed secret ballot cannot be linked back to voters: proved on the database itself.

The attacker here has the whole database: the participation table (who voted, when, in what
order) and the paper table. The tests read raw tables and the engine's own row order (SQLite
rowid, PostgreSQL ctid and xmin), not the ORM's view of them.
"""

import threading

import pytest
from django.db import connection, connections

from gandan.audit.models import AuditEvent
from gandan.democracy.models import (
    BallotMethod,
    BallotPaper,
    DemocracyEvent,
    ElectorateKind,
    Participation,
    RulePreset,
    Secrecy,
)
from gandan.democracy.services import ballots as services

PAPER_TABLE = BallotPaper._meta.db_table


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
        seats=2,
    )
    return services.open_ballot(ballot=ballot, actor=principal)


def _physical_ids(ballot) -> list[str]:
    """The paper ids in the engine's storage order, as an attacker would read them."""
    order = "ctid" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM {PAPER_TABLE} WHERE ballot_id = %s ORDER BY {order}", [ballot.pk]
        )
        return [str(row[0]).replace("-", "") for row in cursor.fetchall()]


def test_paper_table_has_nothing_that_names_a_voter_or_a_time(db):
    # when: the table as the database describes it
    with connection.cursor() as cursor:
        columns = {
            column.name: column
            for column in connection.introspection.get_table_description(cursor, PAPER_TABLE)
        }
        relations = connection.introspection.get_relations(cursor, PAPER_TABLE)
    # then: four columns; the only reference is to the ballot
    assert set(columns) == {"id", "ballot_id", "choices", "receipt_hash"}
    assert {relation[1] for relation in relations.values()} == {"democracy_ballot"}
    # and the key is a random UUID, not a sequence
    assert BallotPaper._meta.pk.get_internal_type() == "UUIDField"


def test_closed_secret_ballot_cannot_be_linked_back_to_voters(school, principal, staff):
    # given: twelve people vote, each a distinct pattern, in a known order
    ballot = _election(school, principal)
    options = [str(pk) for pk in ballot.options.order_by("order").values_list("pk", flat=True)]
    patterns = [
        [], [0], [1], [2], [3], [0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3], [0],
    ]  # fmt: skip
    for voter, pattern in zip(staff, patterns, strict=True):
        services.cast_ballot(ballot=ballot, voter=voter, choices=[options[i] for i in pattern])
    ids_while_open = set(BallotPaper.objects.filter(ballot=ballot).values_list("id", flat=True))
    # the box is linkable while open: read in storage order, the papers follow the voting
    # order. This is what re-sealing at close undoes.
    by_id = {p.id.hex: sorted(p.choices) for p in BallotPaper.objects.filter(ballot=ballot)}
    cast = [sorted(int(options[i]) for i in pattern) for pattern in patterns]
    assert [by_id[paper_id] for paper_id in _physical_ids(ballot)] == cast

    # when
    services.close_ballot(ballot=ballot, actor=principal)

    # then 1: same number of papers, same contents, none of the keys used while open
    papers = list(BallotPaper.objects.filter(ballot=ballot))
    assert len(papers) == Participation.objects.filter(ballot=ballot).count() == 12
    assert sorted(sorted(p.choices) for p in papers) == sorted(cast)
    assert ids_while_open.isdisjoint({p.id for p in papers})
    # then 2: the storage order is the order of fresh random keys, nothing else
    physical = _physical_ids(ballot)
    assert physical == sorted(physical)
    # then 3: on PostgreSQL, every paper was written by the one closing transaction
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT DISTINCT xmin::text FROM {PAPER_TABLE} WHERE ballot_id = %s", [ballot.pk]
            )
            paper_xmins = {row[0] for row in cursor.fetchall()}
            cursor.execute(
                f"SELECT DISTINCT xmin::text FROM {Participation._meta.db_table} "
                "WHERE ballot_id = %s",
                [ballot.pk],
            )
            participation_xmins = {row[0] for row in cursor.fetchall()}
        assert len(paper_xmins) == 1
        assert paper_xmins.isdisjoint(participation_xmins)
    # then 4: participations hold no choice; no timeline or audit row tells a choice
    assert set(
        tuple(c)
        for c in Participation.objects.filter(ballot=ballot).values_list("open_choices", flat=True)
    ) == {()}
    for summary in DemocracyEvent.objects.filter(ballot=ballot).values_list("summary", flat=True):
        assert "Ứng viên" not in summary
    for audit in AuditEvent.objects.filter(object_type="democracy.ballot"):
        assert audit.changes == {}
        assert "Ứng viên" not in audit.summary


def test_receipts_still_verify_after_the_box_is_resealed(school, principal, staff):
    ballot = _election(school, principal)
    option = str(ballot.options.first().pk)
    codes = [services.cast_ballot(ballot=ballot, voter=v, choices=[option]) for v in staff[:3]]
    ballot = services.close_ballot(ballot=ballot, actor=principal)
    assert all(services.verify_receipt(ballot=ballot, code=code) for code in codes)


@pytest.mark.django_db(transaction=True)
def test_concurrent_double_submission_leaves_one_ballot(school, principal, staff):
    # given
    ballot = _election(school, principal)
    voter = staff[2]
    option = str(ballot.options.first().pk)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def submit():
        try:
            barrier.wait()
            services.cast_ballot(ballot=ballot, voter=voter, choices=[option])
            outcomes.append("accepted")
        except Exception as exc:
            outcomes.append(type(exc).__name__)
        finally:
            connections.close_all()

    # when: the same person submits twice at the same moment
    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    # then: exactly one accepted, one paper, one participation
    # (the loser is refused by the check, the unique constraint, or the engine's write lock)
    assert len(outcomes) == 2 and outcomes.count("accepted") == 1, outcomes
    assert Participation.objects.filter(ballot=ballot, voter=voter).count() == 1
    assert BallotPaper.objects.filter(ballot=ballot).count() == 1
