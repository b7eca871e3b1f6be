"""The survey timeline: every staff action on a survey writes one event and one audit row.

Answers write nothing here: an anonymous answer leaves no trace but itself (models docstring),
and an identified one is dated by its consent record.
"""

from django.utils import translation
from django.utils.translation import gettext as _

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.surveys.models import Survey, SurveyEvent, SurveyEventKind

_ACTIONS = {
    SurveyEventKind.CREATED: Action.CREATE,
    SurveyEventKind.QUESTION_ADDED: Action.CREATE,
    SurveyEventKind.RESPONSE_ERASED: Action.WITHDRAW,
}


def record_survey_event(survey: Survey, kind: str, summary, *, actor=None) -> SurveyEvent:
    """Append to the timeline and to the audit log. Call inside the change's transaction.

    `summary` is a callable returning the text, run in Vietnamese: records are Vietnamese
    whatever the screen language (ADR 1).
    """
    with translation.override("vi"):
        text = str(summary())[:500]
        label = "" if actor is not None else _("hệ thống")
        audit_text = _("Khảo sát “%(title)s”: %(summary)s") % {
            "title": survey.title,
            "summary": text,
        }
    event = SurveyEvent.objects.create(
        survey=survey, kind=kind, summary=text, actor=actor if actor and actor.pk else None
    )
    record_event(
        action=_ACTIONS.get(kind, Action.CHANGE),
        summary=audit_text,
        actor=actor,
        actor_label=label,
        organisation=survey.organisation,
        target=survey,
    )
    return event
