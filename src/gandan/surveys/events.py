"""The survey timeline: every staff action on a survey writes one event and one audit row.

Answers write nothing here: an anonymous answer leaves no trace but itself (models docstring),
and an identified one is dated by its consent record. Summaries are Vietnamese whatever the
screen language: the use cases that call `record` run under `@in_vietnamese` (ADR 1, addendum).
"""

from django.utils.translation import gettext as _

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.orgs.models import User
from gandan.surveys.models import Survey, SurveyEvent, SurveyEventKind

_ACTIONS: dict[str, str] = {
    SurveyEventKind.CREATED: Action.CREATE,
    SurveyEventKind.QUESTION_ADDED: Action.CREATE,
    SurveyEventKind.RESPONSE_ERASED: Action.WITHDRAW,
}


def record(survey: Survey, kind: str, summary: str, *, actor: User | None = None) -> SurveyEvent:
    """Append to the timeline and to the audit log. Call inside the change's transaction."""
    text = str(summary)[:500]
    event = SurveyEvent.objects.create(
        survey=survey, kind=kind, summary=text, actor=actor if actor and actor.pk else None
    )
    record_event(
        action=_ACTIONS.get(kind, Action.CHANGE),
        summary=_("Khảo sát “%(title)s”: %(summary)s") % {"title": survey.title, "summary": text},
        actor=actor,
        actor_label="" if actor is not None else _("hệ thống"),
        organisation=survey.organisation,
        target=survey,
    )
    return event
