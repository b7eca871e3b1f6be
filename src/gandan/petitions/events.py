"""The case timeline: every state change writes one event and one audit-log row, together.

A public step is also told to the sender who left an address (`citizen_messages.announce`),
in the same transaction: the tracking page and the messages tell the same steps.

Summaries never carry a denouncer's identity: services name the sender with
`Case.sender_label` (a pseudonym for a denunciation). Callers run under
`core.language.in_vietnamese`, so what is stored is Vietnamese whatever the screen language.
"""

from django.utils.translation import gettext as _

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.core import compiled
from gandan.core.vietnamese import shorten
from gandan.orgs.models import User
from gandan.paperwork.models import OutgoingDocument
from gandan.petitions.models import Case, CaseEvent, CaseEventKind

_CREATING = {CaseEventKind.RECEIVED, CaseEventKind.SPLIT}
_ENDING = {CaseEventKind.WITHDRAWN}


def record(
    case: Case,
    kind: str,
    summary: str,
    *,
    actor: User | None = None,
    public_summary: str = "",
    document: OutgoingDocument | None = None,
) -> CaseEvent:
    """Append to the case's timeline and to the audit log, and tell the sender a public step.
    Call inside the change's transaction."""
    event = CaseEvent(
        case=case,
        kind=kind,
        actor=actor if actor is not None and actor.pk else None,
        actor_label=actor.full_name if actor is not None else _("hệ thống"),
        # The columns hold 500 letters: a longer text is cut between words, with "…".
        summary=shorten(summary, 500),
        public_summary=shorten(public_summary, 500),
        document=document,
    )
    compiled.insert(event)  # CaseEvent.objects.create, compiled once (core/compiled.py)
    # Imported here: the messages read the letters (access, services), which record events.
    from gandan.petitions.citizen_messages import announce

    announce(event)
    # The audit row last: on PostgreSQL it locks the chain's head until the commit, so that
    # lock is held for as little as possible.
    if kind in _CREATING:
        action = Action.CREATE
    elif kind in _ENDING:
        action = Action.WITHDRAW
    else:
        action = Action.CHANGE
    record_event(
        action=action,
        summary=_("Vụ việc %(code)s: %(summary)s")
        % {"code": case.display_code, "summary": summary},
        actor=actor,
        actor_label="" if actor is not None else _("công dân hoặc hệ thống"),
        organisation=case.organisation,
        target=case,
    )
    return event
