"""Every state-changing page of consultations, conferences and the inspection board, sent
twice by someone allowed to (a double click, a resent form): the second changes nothing the
first did not. Ballots are tested in their own files.

The world and the requests are the authorization matrix's (test_access_participation.py), so
an endpoint listed there is replayed here too.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from gandan.audit.models import AuditEvent
from gandan.conftest import SEEDING_MIGRATIONS
from gandan.democracy.models import AgendaKind, BallotStatus, Secrecy
from gandan.democracy.services import ballots, conferences
from gandan.democracy.tests import test_access_participation as matrix
from gandan.democracy.tests.test_access_participation import (  # noqa: F401  (fixtures)
    _frozen_time,
    world,
)

# Who does each action: the first persona of the matrix allowed to. "convene" needs a form
# no persona there completes; conferences are convened in test_conference_pages.py.
ACTOR = {
    endpoint: next(p for p, allowed in matrix.ALLOWED.items() if endpoint in allowed)
    for endpoint in matrix.POST_ENDPOINTS
    if endpoint != "convene"
}


def _copy(data: dict) -> dict:
    """The same form again, as the browser resends it (an upload's bytes read afresh)."""
    copied = {}
    for key, value in data.items():
        if isinstance(value, SimpleUploadedFile):
            value.seek(0)
            content = value.read()
            value.seek(0)  # the first send reads the original from its start
            value = SimpleUploadedFile(value.name or "", content, value.content_type or "")
        copied[key] = value
    return copied


CASES = sorted(ACTOR)


@pytest.fixture(autouse=True)
def _reference_data(db):
    """The seeded registers (obligations, rules), again if a transactional test flushed them."""
    import importlib

    from django.apps import apps

    for module_name, model in SEEDING_MIGRATIONS:
        if not apps.get_model(model).objects.exists():
            importlib.import_module(module_name).seed(apps, None)


@pytest.mark.parametrize("endpoint", CASES)
def test_each_action_sent_twice_changes_nothing_more(client, request, endpoint):
    # given
    w = request.getfixturevalue("world")
    client.force_login(request.getfixturevalue(ACTOR[endpoint]))
    url, data = matrix._post(w, endpoint)
    replay = _copy(data)
    with transaction.atomic():
        before = matrix._state(w["school"])
        first = client.post(url, data)
        after_first = matrix._state(w["school"])
        audit = AuditEvent.objects.count()
        # when
        second = client.post(url, replay)
        # then: the first did it; the second is refused or answered as done, and adds nothing
        assert first.status_code == 302
        assert after_first != before
        assert second.status_code in {200, 302, 400}
        assert matrix._state(w["school"]) == after_first
        assert AuditEvent.objects.count() == audit
        transaction.set_rollback(True)


def test_another_question_or_file_on_the_same_point_is_another(request, principal):
    w = request.getfixturevalue("world")
    # given: a vote open and a report attached (each sent twice: one of each)
    sitting, convened = w["sitting"], w["convened"]
    item = matrix._item(sitting, AgendaKind.DECISIONS)
    vote = {"item": item, "actor": principal, "title": "Quỹ phúc lợi", "secrecy": Secrecy.OPEN}
    first = conferences.open_conference_vote(**vote)
    again = conferences.open_conference_vote(**vote)
    point = matrix._item(convened, AgendaKind.UNION_REPORT)
    report = {"item": point, "actor": principal}
    attached = conferences.attach_document(**report, upload=_pdf("bc.pdf", matrix.PDF))
    attached_again = conferences.attach_document(**report, upload=_pdf("bc.pdf", matrix.PDF))
    # when: another question, the same question secret, another file under the same name
    other = conferences.open_conference_vote(**{**vote, "title": "Tham quan"})
    secret = conferences.open_conference_vote(**{**vote, "secrecy": Secrecy.SECRET})
    changed = conferences.attach_document(
        **report, upload=_pdf("bc.pdf", matrix.PDF.replace(b"1.4", b"1.5"))
    )
    # then
    assert again == first
    assert attached_again == attached
    assert len({first.pk, other.pk, secret.pk}) == 3
    assert changed != attached
    assert point.documents.count() == 2


def test_a_closed_vote_is_not_reopened_by_the_same_question(request, principal):
    w = request.getfixturevalue("world")
    # given: a rejected resolution may be put to the vote again (Điều 51 k2c)
    sitting = w["sitting"]
    item = matrix._item(sitting, AgendaKind.DECISIONS)
    vote = {"item": item, "actor": principal, "title": "Quỹ phúc lợi", "secrecy": Secrecy.OPEN}
    closed = ballots.close_ballot(ballot=conferences.open_conference_vote(**vote), actor=principal)
    # when
    again = conferences.open_conference_vote(**vote)
    # then
    assert again != closed
    assert again.status == BallotStatus.OPEN


def _pdf(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")
