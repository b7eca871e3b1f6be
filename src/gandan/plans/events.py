"""The plan's timeline and the audit log, written with every change of a plan.

Stored text is Vietnamese whatever the screen's language (ADR 1 addendum): the use cases that
call `record` run under `core.language.in_vietnamese`.
"""

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.orgs.models import User
from gandan.plans.models import Plan, PlanEvent, PlanEventKind, PlanTask

_CREATE = {PlanEventKind.IMPORTED, PlanEventKind.ASSIGNED}


def record(
    plan: Plan, kind: str, summary: str, actor: User | None, *, task: PlanTask | None = None
) -> PlanEvent:
    """Append a timeline row and its audit event. Call inside the change's transaction."""
    event = PlanEvent.objects.create(
        plan=plan, task=task, kind=kind, summary=summary[:500], actor=actor
    )
    record_event(
        action=Action.CREATE
        if kind in _CREATE
        else Action.WITHDRAW
        if kind == PlanEventKind.WITHDRAWN
        else Action.CHANGE,
        summary=summary,
        actor=actor,
        actor_label="" if actor else "hệ thống",
        organisation=plan.organisation,
        target=plan,
    )
    return event
