"""Fixtures of the audit tests: a checkpoint folder of the test's own, and a log without its
triggers (what someone with the database owner's rights could do)."""

import importlib

import pytest
from django.db import connection

TRIGGERS = importlib.import_module("gandan.audit.migrations.0002_append_only_triggers")


@pytest.fixture(autouse=True)
def checkpoint_dir(settings, tmp_path):
    settings.AUDIT_CHECKPOINT_DIR = tmp_path / "audit-checkpoints"
    return settings.AUDIT_CHECKPOINT_DIR


@pytest.fixture
def unprotected_log():
    """The triggers dropped for the test, put back after."""
    backward = {"sqlite": TRIGGERS.SQLITE_BACKWARD, "postgresql": TRIGGERS.POSTGRES_BACKWARD}
    forward = {"sqlite": TRIGGERS.SQLITE_FORWARD, "postgresql": TRIGGERS.POSTGRES_FORWARD}
    with connection.cursor() as cursor:
        for sql in backward[connection.vendor]:
            cursor.execute(sql)
    yield
    with connection.cursor() as cursor:
        for sql in forward[connection.vendor]:
            cursor.execute(sql)
