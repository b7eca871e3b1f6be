"""The case timeline: every state change writes one event and one audit-log row, together.

Summaries never carry a denouncer's identity: services name the sender with
`Case.sender_label` (a pseudonym for a denunciation).
"""

import functools
from collections.abc import Callable

from django.utils import translation
from django.utils.translation import gettext as _

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.petitions.models import Case, CaseEvent, CaseEventKind


def in_vietnamese[**P, R](service: Callable[P, R]) -> Callable[P, R]:
    """Run a use case in Vietnamese: what it stores (timeline, audit log, notices, documents)
    is Vietnamese whatever the screen language (ADR 1, addendum). Its refusals are Vietnamese
    too, which an English screen shows as they are."""

    @functools.wraps(service)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with translation.override("vi"):
            return service(*args, **kwargs)

    return run


_CREATING = {CaseEventKind.RECEIVED, CaseEventKind.SPLIT}
_ENDING = {CaseEventKind.WITHDRAWN}


def record_case_event(
    case: Case,
    kind: str,
    summary: str,
    *,
    actor=None,
    public_summary: str = "",
    document=None,
) -> CaseEvent:
    """Append to the case's timeline and to the audit log. Call inside the change's transaction."""
    event = CaseEvent.objects.create(
        case=case,
        kind=kind,
        actor=actor if actor is not None and actor.pk else None,
        actor_label=actor.full_name if actor is not None else _("hệ thống"),
        summary=summary[:500],
        public_summary=public_summary[:500],
        document=document,
    )
    record_event(
        action=Action.CREATE
        if kind in _CREATING
        else Action.WITHDRAW
        if kind in _ENDING
        else Action.CHANGE,
        summary=_("Vụ việc %(code)s: %(summary)s")
        % {"code": case.display_code, "summary": summary},
        actor=actor,
        actor_label="" if actor is not None else _("công dân hoặc hệ thống"),
        organisation=case.organisation,
        target=case,
    )
    return event
