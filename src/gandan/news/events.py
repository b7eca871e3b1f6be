"""The audit log entry every change of the school's news writes, in its transaction.

Summaries are stored in plain Vietnamese whatever the screen language (ADR 1, addendum): the
use cases that call `record` run under `@in_vietnamese`.
"""

from django.db import models

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.orgs.models import Organisation, User


def record(
    organisation: Organisation,
    summary: str,
    actor: User | None,
    *,
    target: models.Model,
    action: str = Action.CHANGE,
    changes: dict | None = None,
) -> None:
    """Append the audit event of a change. Call inside the change's transaction."""
    record_event(
        action=action,
        summary=summary,
        actor=actor,
        actor_label="" if actor is not None else "hệ thống",
        organisation=organisation,
        target=target,
        changes=changes,
    )
