"""Every state-changing page of the disclosure register, sent twice by someone allowed to (a
double click, a resent form): the second changes nothing the first did not.

The world and the requests are the authorization matrix's (test_access.py).
"""

import pytest

from gandan.audit.models import AuditEvent
from gandan.conftest import SEEDING_MIGRATIONS
from gandan.democracy.tests import test_access as matrix
from gandan.democracy.tests.test_access import _frozen_time, world  # noqa: F401  (fixtures)

ACTIONS = ["record", "publish", "take_down", "withdraw", "acknowledge", "request", "answer"]
ACTOR = {"acknowledge": "teacher", "request": "teacher"}


@pytest.fixture(autouse=True)
def _reference_data(db):
    """The seeded registers (obligations, rules), again if a transactional test flushed them."""
    import importlib

    from django.apps import apps

    for module_name, model in SEEDING_MIGRATIONS:
        if not apps.get_model(model).objects.exists():
            importlib.import_module(module_name).seed(apps, None)


@pytest.mark.parametrize("endpoint", ACTIONS)
def test_each_action_sent_twice_changes_nothing_more(client, request, endpoint):
    # given
    w = request.getfixturevalue("world")
    client.force_login(request.getfixturevalue(ACTOR.get(endpoint, "principal")))
    url, data = matrix._post(w, endpoint)
    before = matrix._state(w["school"])
    first = client.post(url, data)
    after_first = matrix._state(w["school"])
    audit = AuditEvent.objects.count()
    # when
    second = client.post(url, data)
    # then
    assert first.status_code == 302
    assert after_first != before
    assert second.status_code in {200, 302, 400}
    assert matrix._state(w["school"]) == after_first
    assert AuditEvent.objects.count() == audit
