"""Migration 0006 keys the receipt hashes papers already held, so receipts given out before it
still check, and nothing unkeyed is left."""

import hashlib
import importlib
from types import SimpleNamespace

from django.apps import apps
from django.db import connection

from gandan.democracy import sealing
from gandan.democracy.models import (
    BallotMethod,
    BallotPaper,
    ElectorateKind,
    RulePreset,
    SealedPaper,
    Secrecy,
)
from gandan.democracy.services import ballots as services

migration = importlib.import_module(
    "gandan.democracy.migrations.0006_ballot_papers_sealed_while_open"
)


def test_papers_hashed_before_keying_still_check_after_it(school, principal, teacher):
    # given: a closed ballot whose paper holds a receipt hashed the old way, unkeyed
    ballot = services.create_ballot(
        organisation=school,
        actor=principal,
        title="Biểu quyết trước khi nâng cấp",
        method=BallotMethod.MOTION,
        secrecy=Secrecy.SECRET,
        electorate_kind=ElectorateKind.ALL_STAFF,
        rule=RulePreset.CONFERENCE,
    )
    ballot = services.open_ballot(ballot=ballot, actor=principal)
    services.cast_ballot(ballot=ballot, voter=teacher, choices=["yes"])
    ballot = services.close_ballot(ballot=ballot, actor=principal)
    code = "7QX2-M9KD-T4RA"
    unkeyed = hashlib.sha256(f"{ballot.public_id}:7QX2M9KDT4RA".encode()).hexdigest()
    BallotPaper.objects.filter(ballot=ballot).update(receipt_hash=unkeyed)
    assert not services.verify_receipt(ballot=ballot, code=code)
    # when
    migration.key_receipt_hashes(apps, SimpleNamespace(connection=connection))
    # then
    assert BallotPaper.objects.get(ballot=ballot).receipt_hash != unkeyed
    assert services.verify_receipt(ballot=ballot, code=code)
    assert services.verify_receipt(ballot=ballot, code="7qx2 m9kd t4ra")


def test_a_ballot_open_across_the_upgrade_counts_its_clear_papers_with_the_sealed(
    school, principal, teacher, clerk
):
    # given: an open ballot with one paper written in the clear before the upgrade (here, an
    # envelope opened by hand and stored as such) and one sealed after it
    ballot = services.create_ballot(
        organisation=school,
        actor=principal,
        title="Biểu quyết mở qua lúc nâng cấp",
        method=BallotMethod.MOTION,
        secrecy=Secrecy.SECRET,
        electorate_kind=ElectorateKind.ALL_STAFF,
        rule=RulePreset.CONFERENCE,
    )
    ballot = services.open_ballot(ballot=ballot, actor=principal)
    old_code = services.cast_ballot(ballot=ballot, voter=teacher, choices=["no"])
    envelope = SealedPaper.objects.get(ballot=ballot)
    choices, receipt_hash = sealing.unseal(public_id=ballot.public_id, envelope=envelope.envelope)
    BallotPaper.objects.create(ballot=ballot, choices=choices, receipt_hash=receipt_hash)
    envelope.delete()
    new_code = services.cast_ballot(ballot=ballot, voter=clerk, choices=["yes"])
    assert services.verify_receipt(ballot=ballot, code=old_code)
    # when
    ballot = services.close_ballot(ballot=ballot, actor=principal)
    # then: both counted, both receipts check, one paper each
    assert ballot.result["counts"] == {"yes": 1, "no": 1, "abstain": 0}
    assert BallotPaper.objects.filter(ballot=ballot).count() == 2
    assert services.verify_receipt(ballot=ballot, code=old_code)
    assert services.verify_receipt(ballot=ballot, code=new_code)
