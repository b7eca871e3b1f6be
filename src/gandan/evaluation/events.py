"""The evaluation timeline, the audit log and the score history, written with every change.

Stored text is Vietnamese whatever the screen's language (ADR 1 addendum): the use cases that
call `record` and `track` run under `core.language.in_vietnamese`.
"""

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.evaluation.models import (
    Evaluation,
    EvaluationCycle,
    EvaluationEvent,
    EventKind,
    ScoreHistory,
)

_CREATE = {EventKind.CYCLE_OPENED, EventKind.APPEALED}


def record(
    cycle: EvaluationCycle,
    kind: str,
    summary: str,
    actor,
    *,
    evaluation: Evaluation | None = None,
    changes: dict | None = None,
) -> None:
    """Append a timeline row and its audit event. Call inside the change's transaction."""
    EvaluationEvent.objects.create(
        cycle=cycle, evaluation=evaluation, kind=kind, actor=actor, summary=summary[:500]
    )
    record_event(
        action=Action.CREATE if kind in _CREATE else Action.CHANGE,
        summary=summary,
        actor=actor,
        actor_label="" if actor else "hệ thống",
        organisation=cycle.organisation,
        target=evaluation or cycle,
        changes=changes,
    )


def _text(value) -> str:
    return "" if value is None else str(value)


def track(
    evaluation: Evaluation, changes: dict[str, tuple[object, object]], *, actor, reason: str = ""
) -> dict[str, list[str]]:
    """Append one ScoreHistory row per field whose value changed; returns the diff for audit."""
    diff = {}
    rows = []
    for field, (old, new) in changes.items():
        if _text(old) == _text(new):
            continue
        diff[field] = [_text(old), _text(new)]
        rows.append(
            ScoreHistory(
                evaluation=evaluation,
                field=field,
                old_value=_text(old)[:64],
                new_value=_text(new)[:64],
                reason=reason,
                actor=actor,
            )
        )
    ScoreHistory.objects.bulk_create(rows)
    return diff
