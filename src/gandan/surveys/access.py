"""Who may do what with surveys. A refusal is a 404: existence is not revealed.

- managers (head, deputy heads): prepare, open and close surveys; read all results, free text
  included (phone numbers and e-mail addresses removed);
- members of the people's inspection board (Luật 10/2022/QH15, Điều 59–60: they supervise the
  unit): read all results, change nothing;
- other staff of the school and authority officers above it: the summary of a closed survey
  (index, chart, counts; never free text) and the school's satisfaction index;
- anyone, without an account: answer an open parents' or citizens' survey by its public link;
  staff surveys need a signed-in member of the school.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from gandan.orgs import access as org_access
from gandan.orgs.models import Organisation, Role, User
from gandan.surveys.models import Audience, Question, Survey, SurveyQuerySet, SurveyStatus


def can_manage_surveys(user: User, organisation: Organisation) -> bool:
    return org_access.can_manage_organisation(user, organisation)


def can_read_results(user: User, organisation: Organisation) -> bool:
    """Managers and the inspection board read everything, while the survey runs too."""
    if org_access.can_manage_organisation(user, organisation):
        return True
    return Role.INSPECTION_BOARD in org_access.roles_in_school(user, organisation)


def can_read_index(user: User, organisation: Organisation) -> bool:
    """The school's index (aggregates only): results readers and the authorities above."""
    if can_read_results(user, organisation):
        return True
    return org_access.is_authority_over(user, organisation)


def visible_surveys(user: User, organisation: Organisation) -> SurveyQuerySet:
    """Surveys of organisation the user sees listed (the caller checked the organisation)."""
    surveys = Survey.objects.filter(organisation=organisation)
    if can_manage_surveys(user, organisation):
        return surveys
    return surveys.exclude(status=SurveyStatus.DRAFT)


def _survey(public_id: str) -> Survey:
    survey = (
        Survey.objects.select_related("organisation__parent")
        .filter(public_id=str(public_id)[:16], organisation__is_active=True)
        .first()
    )
    if survey is None:
        raise Http404
    return survey


def access_survey(user: User, public_id: str, *, for_write: bool = False) -> Survey:
    """The survey for its staff pages: managers (to write, or any state); viewers of the school
    see it once it is no longer a draft."""
    survey = _survey(public_id)
    organisation = survey.organisation
    if can_manage_surveys(user, organisation):
        return survey
    if for_write:
        raise Http404
    if survey.is_draft:
        raise Http404
    if not org_access.can_view_organisation(user, organisation):
        raise Http404
    return survey


def access_results(user: User, public_id: str) -> tuple[Survey, bool]:
    """(survey, full): full results for managers and the inspection board; the summary of a
    closed survey for other staff and authority officers."""
    survey = _survey(public_id)
    organisation = survey.organisation
    if can_manage_surveys(user, organisation):
        return survey, True
    if survey.is_draft:
        raise Http404
    if can_read_results(user, organisation):
        return survey, True
    if not survey.is_closed:
        raise Http404
    if not org_access.can_view_organisation(user, organisation):
        raise Http404
    return survey, False


def access_question(user: User, public_id: str, pk: int) -> Question:
    """A question of a survey the user manages."""
    survey = access_survey(user, public_id, for_write=True)
    question = Question.objects.filter(survey=survey, pk=pk).first()
    if question is None:
        raise Http404
    question.survey = survey
    return question


class SignInRequired(Exception):
    """A staff survey's link opened by someone not signed in."""


def access_public_survey(user: User | AnonymousUser, public_id: str) -> Survey:
    """The survey behind a public link: open or closed (a draft is not found); a staff survey
    only for a signed-in member of its school (SignInRequired when nobody is signed in)."""
    survey = _survey(public_id)
    if survey.is_draft:
        raise Http404
    if survey.audience != Audience.STAFF:
        return survey
    if not isinstance(user, User) or not user.is_authenticated:
        raise SignInRequired
    if not org_access.can_view_organisation(user, survey.organisation):
        raise Http404
    return survey


def public_surveys(organisation: Organisation) -> QuerySet[Survey]:
    """Parents' and citizens' surveys of the school that take answers now."""
    return (
        Survey.objects.accepting()
        .filter(organisation=organisation, audience__in=[Audience.PARENTS, Audience.CITIZENS])
        .order_by("closes_at", "title")
    )


def school_for(user: User, slug: str | None = None) -> Organisation:
    """The school a list page is about: the one named by `slug` (authority officers reading a
    school below them), else the user's own; if the user may view its staff pages."""
    if slug:
        organisation = org_access.active_organisation(slug)
    else:
        organisation = org_access.primary_organisation(user)
    school = organisation.school() if organisation is not None else None
    if school is None:
        raise Http404
    if not org_access.can_view_organisation(user, school):
        raise Http404
    return school
