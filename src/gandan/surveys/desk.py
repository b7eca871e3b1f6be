"""The desk panel: the school's open surveys, with their index for results readers."""

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import Count

from gandan.orgs import access as org_access
from gandan.orgs.models import User
from gandan.surveys import access, models
from gandan.surveys.index import Moments, summarise
from gandan.surveys.models import Survey, SurveyStatus

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


def with_index(
    surveys: "Iterable[WithAnnotations[Survey, models.Moments]]", *, full: bool
) -> "list[WithAnnotations[Survey, models.Moments]]":
    """Attach .index to each annotated survey (with_moments and response_count); None where
    the reader may not see it yet (an open survey, for a reader of summaries only) or nobody
    may (Survey.results_withheld)."""
    rows = list(surveys)
    for survey in rows:
        visible = (full or survey.status == SurveyStatus.CLOSED) and not survey.results_withheld(
            survey.response_count  # type: ignore[attr-defined]  # annotated by the caller
        )
        survey.index = (  # type: ignore[attr-defined]  # a display attribute, set per page
            summarise(Moments.from_row(survey.score_n, survey.score_total, survey.score_total_sq))
            if visible
            else None
        )
    return rows


def desk_panel(user: User, today: dt.date) -> dict[str, Any]:
    """The panel's context; no school (nothing shown) for those who may not view one."""
    organisation = org_access.primary_organisation(user)
    school = organisation.school() if organisation is not None else None
    if school is None or not org_access.can_view_organisation(user, school):
        return {"surveys": [], "school": None}
    full = access.can_read_results(user, school)
    surveys = (
        access.visible_surveys(user, school)
        .running()
        .with_moments()
        .annotate(response_count=Count("responses"))[:5]
    )
    return {"surveys": with_index(surveys, full=full), "school": school, "full": full}
