"""The democracy timeline row and the audit log entry, written together for every change."""

from django.utils.translation import gettext as _

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.democracy.models import DemocracyEvent, EventKind

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


def event(
    organisation,
    kind: str,
    summary: str,
    actor,
    *,
    item=None,
    request=None,
    ballot=None,
    consultation=None,
    conference=None,
    board_term=None,
    inspection=None,
    target=None,
):
    """Append a timeline row and its audit event. Call inside the change's transaction.

    `target` names the audited object when it is none of the timeline's own links.
    """
    DemocracyEvent.objects.create(
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
