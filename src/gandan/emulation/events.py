"""The campaign timeline row and the audit log entry, written together for every change.

Summaries are stored in plain Vietnamese whatever the screen language (ADR 1, addendum): the
use cases that call `record` run under `@in_vietnamese`.
"""

from django.db import models

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.emulation.models import Campaign, EmulationEvent, EventKind, Nomination, Registration
from gandan.orgs.models import User

_ACTIONS: dict[str, str] = {
    EventKind.CAMPAIGN_CREATED: Action.CREATE,
    EventKind.REGISTERED: Action.CREATE,
    EventKind.UPDATED: Action.CREATE,
    EventKind.NOMINATED: Action.CREATE,
}


def record(
    campaign: Campaign,
    kind: str,
    summary: str,
    actor: User | None,
    *,
    registration: Registration | None = None,
    nomination: Nomination | None = None,
    target: models.Model | None = None,
) -> EmulationEvent:
    """Append a timeline row and its audit event. Call inside the change's transaction."""
    event = EmulationEvent.objects.create(
        campaign=campaign,
        registration=registration,
        nomination=nomination,
        kind=kind,
        actor=actor if actor is not None and actor.pk else None,
        summary=summary[:500],
    )
    record_event(
        action=_ACTIONS.get(kind, Action.CHANGE),
        summary=summary,
        actor=actor,
        actor_label="" if actor is not None else "hệ thống",
        organisation=campaign.organisation,
        target=target or registration or nomination or campaign,
    )
    return event
