"""The democracy timeline: one row per state change, written with its audit log entry."""

from django.db import models
from django.utils.translation import gettext as _

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.democracy.models import (
    Ballot,
    BoardTerm,
    Conference,
    Consultation,
    DemocracyEvent,
    DisclosureItem,
    EventKind,
    InformationRequest,
    Inspection,
)
from gandan.orgs.models import Organisation, User

_CREATE = {
    EventKind.DISCLOSURE_RECORDED,
    EventKind.REQUEST_SUBMITTED,
    EventKind.BALLOT_CREATED,
    EventKind.ACKNOWLEDGED,
    EventKind.CONSULTATION_OPENED,
    EventKind.COMMENTED,
    EventKind.CONFERENCE_CONVENED,
    EventKind.BOARD_CONSTITUTED,
    EventKind.PROGRAMME_ADDED,
    EventKind.INSPECTION_NOTIFIED,
}
_WITHDRAW = {EventKind.DISCLOSURE_WITHDRAWN, EventKind.BALLOT_CANCELLED}


def record(
    organisation: Organisation,
    kind: str,
    summary: str,
    actor: User | None,
    *,
    item: DisclosureItem | None = None,
    request: InformationRequest | None = None,
    ballot: Ballot | None = None,
    consultation: Consultation | None = None,
    conference: Conference | None = None,
    board_term: BoardTerm | None = None,
    inspection: Inspection | None = None,
    target: models.Model | None = None,
) -> DemocracyEvent:
    """Append a timeline row and its audit event. Call inside the change's transaction, from a
    use case under `@in_vietnamese` (the summary is stored as it is).

    `target` names the audited object when it is none of the timeline's own links.
    """
    row = DemocracyEvent.objects.create(
        organisation=organisation,
        kind=kind,
        item=item,
        request=request,
        ballot=ballot,
        consultation=consultation,
        conference=conference,
        board_term=board_term,
        inspection=inspection,
        actor=actor,
        summary=summary[:500],
    )
    action = (
        Action.CREATE
        if kind in _CREATE
        else Action.WITHDRAW
        if kind in _WITHDRAW
        else Action.CHANGE
    )
    record_event(
        action=action,
        summary=summary,
        actor=actor,
        actor_label="" if actor else _("hệ thống"),
        organisation=organisation,
        target=target
        or item
        or request
        or ballot
        or consultation
        or conference
        or inspection
        or board_term,
    )
    return row
