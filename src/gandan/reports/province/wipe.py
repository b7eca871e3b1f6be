"""Wiping a synthetic province, children first, one DELETE per table."""

from typing import Any

from django.db import models
from django.db.models import Q

from gandan.audit.models import AuditEvent
from gandan.democracy.models import DisclosureItem
from gandan.orgs.models import Membership, Organisation, User
from gandan.petitions.models import Case, CaseDeadline, DenouncerIdentity
from gandan.plans.models import Assignment, Plan, PlanSection, PlanTask, ProgressUpdate
from gandan.reports.models import UnitMonth, UnitStatus
from gandan.reports.province.spec import ProvinceInUse, province_organisations, province_users
from gandan.surveys.models import Answer, Question, Response, Survey


def _raw_delete(rows: models.QuerySet[Any]) -> int:
    # One DELETE … WHERE per table, children first: Django's collector would load every row
    # (a million cases) to cascade, and synthetic rows have no signals to send.
    return rows._raw_delete(rows.db)


def wipe_province(prefix: str) -> dict[str, int]:
    """Delete a synthetic province (children first). Refuses, changing nothing, when the audit
    log refers to any of its organisations or accounts (`ProvinceInUse`)."""
    orgs = list(province_organisations(prefix).values_list("pk", flat=True))
    users = list(province_users(prefix).values_list("pk", flat=True))
    if not orgs and not users:
        return {}
    if AuditEvent.objects.filter(Q(organisation__in=orgs) | Q(actor__in=users)).exists():
        raise ProvinceInUse(prefix)
    plans = Plan.objects.filter(organisation__in=orgs)
    steps: list[tuple[str, models.QuerySet[Any]]] = [
        ("survey_answers", Answer.objects.filter(response__survey__organisation__in=orgs)),
        ("survey_responses", Response.objects.filter(survey__organisation__in=orgs)),
        ("survey_questions", Question.objects.filter(survey__organisation__in=orgs)),
        ("surveys", Survey.objects.filter(organisation__in=orgs)),
        ("progress_updates", ProgressUpdate.objects.filter(assignment__task__plan__in=plans)),
        ("assignments", Assignment.objects.filter(task__plan__in=plans)),
        ("plan_tasks", PlanTask.objects.filter(plan__in=plans)),
        ("plan_sections", PlanSection.objects.filter(plan__in=plans)),
        (
            "plan_links",
            Plan.parents.through.objects.filter(Q(from_plan__in=plans) | Q(to_plan__in=plans)),
        ),
        ("plans", plans),
        ("disclosure_items", DisclosureItem.objects.filter(organisation__in=orgs)),
        ("denouncer_identities", DenouncerIdentity.objects.filter(case__organisation__in=orgs)),
        ("case_deadlines", CaseDeadline.objects.filter(case__organisation__in=orgs)),
        ("cases", Case.objects.filter(organisation__in=orgs)),
        ("unit_months", UnitMonth.objects.filter(organisation__in=orgs)),
        ("unit_statuses", UnitStatus.objects.filter(organisation__in=orgs)),
        ("memberships", Membership.objects.filter(Q(organisation__in=orgs) | Q(user__in=users))),
        ("users", User.objects.filter(pk__in=users)),
        ("organisations", Organisation.objects.filter(pk__in=orgs)),
    ]
    return {name: _raw_delete(rows) for name, rows in steps}
