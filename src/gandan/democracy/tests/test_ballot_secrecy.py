"""A secret ballot cannot be linked back to voters: proved on the database itself.

The attacker here has the whole database: the participation table (who voted, in what order)
and the box. The tests read raw tables and the engine's own row order (SQLite rowid,
PostgreSQL ctid and xmin), not the ORM's view of them. The attacks themselves, played end to
end (sessions, receipts, row order, timestamps, the WAL), are in test_ballot_attacks.py.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from gandan.audit.models import AuditEvent
from gandan.democracy.models import (
    BallotMethod,
    BallotPaper,
    DemocracyEvent,
    ElectorateKind,
    Participation,
    RulePreset,
    SealedPaper,
    Secrecy,
)
from gandan.democracy.services import ballots as services

PAPER_TABLE = BallotPaper._meta.db_table
ENVELOPE_TABLE = SealedPaper._meta.db_table


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


def _physical_ids(ballot, table=PAPER_TABLE) -> list[str]:
    """The row ids in the engine's storage order, as an attacker would read them."""
    order = "ctid" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {table} WHERE ballot_id = %s ORDER BY {order}", [ballot.pk])
        return [str(row[0]).replace("-", "") for row in cursor.fetchall()]


def _envelopes(ballot) -> list[bytes]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT envelope FROM {ENVELOPE_TABLE} WHERE ballot_id = %s", [ballot.pk])
        return [bytes(row[0]) for row in cursor.fetchall()]


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


def test_envelope_table_has_nothing_that_names_a_voter_or_a_time(db):
    with connection.cursor() as cursor:
        columns = set(
            column.name
            for column in connection.introspection.get_table_description(cursor, ENVELOPE_TABLE)
        )
        relations = connection.introspection.get_relations(cursor, ENVELOPE_TABLE)
    assert columns == {"id", "ballot_id", "envelope", "receipt_tag"}
    assert {relation[1] for relation in relations.values()} == {"democracy_ballot"}
    assert SealedPaper._meta.pk.get_internal_type() == "UUIDField"


def test_closed_secret_ballot_cannot_be_linked_back_to_voters(school, principal, staff):
    # given: twelve people vote, each a distinct pattern, in a known order
    ballot = _election(school, principal)
    options = [str(pk) for pk in ballot.options.order_by("order").values_list("pk", flat=True)]
    patterns = [
        [], [0], [1], [2], [3], [0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3], [0],
    ]  # fmt: skip
    codes = []
    for voter, pattern in zip(staff, patterns, strict=True):
        codes.append(
            services.cast_ballot(ballot=ballot, voter=voter, choices=[options[i] for i in pattern])
        )
    cast = [sorted(int(options[i]) for i in pattern) for pattern in patterns]

    # then, while open: the box holds one envelope per voter and no readable paper; every
    # envelope has the same size (a blank paper and a paper naming two are alike), and none
    # shows a choice or a receipt in the clear
    assert BallotPaper.objects.filter(ballot=ballot).count() == 0
    envelopes = _envelopes(ballot)
    assert len(envelopes) == 12 and len({len(envelope) for envelope in envelopes}) == 1
    assert len(set(envelopes)) == 12
    for envelope in envelopes:
        assert b'"c":' not in envelope and b'"h":' not in envelope  # no plaintext paper
        for code in codes:
            assert code.encode() not in envelope and code.replace("-", "").encode() not in envelope
    envelope_ids = set(SealedPaper.objects.filter(ballot=ballot).values_list("id", flat=True))
    envelope_tags = set(
        SealedPaper.objects.filter(ballot=ballot).values_list("receipt_tag", flat=True)
    )

    # when
    services.close_ballot(ballot=ballot, actor=principal)

    # then 1: same number of papers, same contents; the envelopes are gone, and no paper shares
    # a key or a receipt value with any of them
    papers = list(BallotPaper.objects.filter(ballot=ballot))
    assert len(papers) == Participation.objects.filter(ballot=ballot).count() == 12
    assert sorted(sorted(p.choices) for p in papers) == sorted(cast)
    assert SealedPaper.objects.filter(ballot=ballot).count() == 0
    assert envelope_ids.isdisjoint({p.id for p in papers})
    assert envelope_tags.isdisjoint({p.receipt_hash for p in papers})
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
    # and the audit row at close gives the count
    assert AuditEvent.objects.filter(summary__contains="12/12 người đã bỏ phiếu").count() == 1


def test_receipts_verify_while_open_and_after_the_box_is_opened(school, principal, staff):
    ballot = _election(school, principal)
    option = str(ballot.options.first().pk)
    codes = [services.cast_ballot(ballot=ballot, voter=v, choices=[option]) for v in staff[:3]]
    assert all(services.verify_receipt(ballot=ballot, code=code) for code in codes)
    ballot = services.close_ballot(ballot=ballot, actor=principal)
    assert all(services.verify_receipt(ballot=ballot, code=code) for code in codes)
    assert not services.verify_receipt(ballot=ballot, code="AAAA-BBBB-CCCC")


def test_a_key_rotated_while_open_loses_no_vote_and_no_receipt(school, principal, staff, settings):
    # given: two votes under the old key, then the key is rotated, keeping the old as fallback
    ballot = _election(school, principal)
    first, second = (
        str(pk) for pk in ballot.options.order_by("order").values_list("pk", flat=True)[:2]
    )
    old_codes = [services.cast_ballot(ballot=ballot, voter=v, choices=[first]) for v in staff[:2]]
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 40
    new_code = services.cast_ballot(ballot=ballot, voter=staff[2], choices=[second])
    # when
    ballot = services.close_ballot(ballot=ballot, actor=principal)
    # then
    counts = {row["label"]: row["votes"] for row in ballot.result["options"]}
    assert counts["Ứng viên A"] == 2 and counts["Ứng viên B"] == 1
    for code in [*old_codes, new_code]:
        assert services.verify_receipt(ballot=ballot, code=code)


def test_a_key_replaced_without_its_fallback_refuses_to_close_and_changes_nothing(
    school, principal, staff, settings
):
    # given: a vote sealed under a key that is then thrown away
    ballot = _election(school, principal)
    option = str(ballot.options.first().pk)
    services.cast_ballot(ballot=ballot, voter=staff[2], choices=[option])
    settings.SECRET_KEY = "a-different-secret-key-" + "y" * 40
    before = (_envelopes(ballot), BallotPaper.objects.count(), AuditEvent.objects.count())
    # when / then: a clear message, and the box is untouched
    with pytest.raises(ValidationError, match="SECRET_KEY_FALLBACKS"):
        services.close_ballot(ballot=ballot, actor=principal)
    assert (_envelopes(ballot), BallotPaper.objects.count(), AuditEvent.objects.count()) == before
    ballot.refresh_from_db()
    assert ballot.is_open and ballot.result == {}


def test_cancelling_destroys_the_envelopes_unopened(school, principal, staff):
    ballot = _election(school, principal)
    option = str(ballot.options.first().pk)
    code = services.cast_ballot(ballot=ballot, voter=staff[2], choices=[option])
    services.cancel_ballot(ballot=ballot, actor=principal, reason="Sai danh sách ứng viên.")
    assert SealedPaper.objects.filter(ballot=ballot).count() == 0
    assert BallotPaper.objects.filter(ballot=ballot).count() == 0
    assert not services.verify_receipt(ballot=ballot, code=code)
    assert AuditEvent.objects.filter(summary__contains="hủy 1 phiếu, không kiểm").count() == 1


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
    assert SealedPaper.objects.filter(ballot=ballot).count() == 1
