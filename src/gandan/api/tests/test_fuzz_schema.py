"""schemathesis against the API's own OpenAPI schema: examples generated from the schema, valid
and invalid, sent to the WSGI application in-process; no answer may be a 5xx.

Bounded and deterministic so that CI runs it on SQLite and PostgreSQL alike: a fixed number of
examples per operation and mode, Hypothesis derandomised (the same examples on every run), no
example database. Public endpoints (tag "Công khai": intake, tracking, the school's card) as
anyone calls them; the staff endpoints once more with a principal's token, fewer examples.
"""

import pytest
import schemathesis
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from gandan.api.tests.conftest import bearer
from gandan.petitions import throttle
from gandan.wsgi import application

PUBLIC_TAG = "Công khai"
PUBLIC_EXAMPLES = 15
STAFF_EXAMPLES = 5
MODES = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]


def _schema():
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


def _operations(schema, *, public: bool):
    operations = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if (PUBLIC_TAG in (operation.tags or [])) is public:
            operations.append(operation)
    return operations


def _fuzz(operation, mode: GenerationMode, examples: int, headers: dict[str, str]) -> None:
    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case) -> None:
        # The limits are real but would answer 429 to nearly every example after the first few.
        caches[throttle.STORE].clear()
        case.call_and_validate(headers=headers, checks=[not_a_server_error])

    try:
        run()
    except Unsatisfiable:
        # Nothing to make invalid (one free-text path parameter): no negative examples exist.
        assert mode is GenerationMode.NEGATIVE, operation.label


@pytest.fixture(autouse=True)
def _one_connection_for_the_test():
    # schemathesis calls the WSGI application directly, so Django's request signals would close
    # the test's connection (and its transaction) after each request; Django's own test client
    # disconnects them the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def public_world(school, other_school, feedback, deadline_rules):
    """Two schools and a case, so slugs and tracking codes sometimes exist."""
    return feedback


def test_the_public_endpoints_answer_no_5xx_to_generated_requests(public_world):
    # given
    operations = _operations(_schema(), public=True)
    assert {op.path for op in operations} == {
        "/api/v1/public/cases",
        "/api/v1/public/cases/{tracking_code}",
        "/api/v1/organisations/{slug}",
    }
    # when / then: every generated request is answered without a server error
    for operation in operations:
        for mode in MODES:
            _fuzz(operation, mode, PUBLIC_EXAMPLES, {})


def test_the_staff_endpoints_answer_no_5xx_to_a_principals_generated_requests(
    public_world, principal, authority_officer
):
    # given: a principal's token (cases) and a ward officer's (authority endpoints)
    operations = _operations(_schema(), public=False)
    assert len(operations) >= 6
    tokens = {"authority": bearer(authority_officer), "other": bearer(principal)}
    for operation in operations:
        token = tokens["authority" if "/authority/" in operation.path else "other"]
        headers = {"Authorization": token["HTTP_AUTHORIZATION"]}
        for mode in MODES:
            _fuzz(operation, mode, STAFF_EXAMPLES, headers)
