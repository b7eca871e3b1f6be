"""Fixtures of the API tests: the petitions tests' world (cases on known dates, a key for
sealed identities, a fresh rate-limit cache) and API clients.

Personas are the shared cast (src/gandan/conftest.py) plus petitions' resolver and verifier;
`handler` here is a teacher who resolves a feedback (a handler who is not a manager).
"""

import pytest
from django.test import Client

from gandan.api.services import create_api_token
from gandan.orgs import services as org_services
from gandan.orgs.models import Role
from gandan.petitions.tests.conftest import (  # noqa: F401  (fixtures)
    RECEIVED,
    at,
    complaint,
    deadline_rules,
    denunciation,
    feedback,
    fresh_cache,
    fresh_calendar,
    identity_key,
    media,
    resolver,
    submit,
    verifier,
)


@pytest.fixture
def handler(school):
    user = org_services.create_person(
        actor=None, username="nguoigiaiquyet", full_name="Đỗ Thị Lan", password="mat-khau-thu"
    )
    org_services.grant_role(
        actor=None, user=user, organisation=school, role=Role.STAFF, title="Giáo viên"
    )
    return user


@pytest.fixture
def api_client() -> Client:
    """A client that enforces CSRF like a browser would meet it."""
    return Client(enforce_csrf_checks=True)


def bearer(user, name: str = "kịch bản thử") -> dict:
    _token, raw = create_api_token(user=user, name=name)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
