"""Who may see and change plans, assignments and evidence."""

from collections.abc import Iterable

from django.db.models import QuerySet
from django.http import Http404

from gandan.core.ids import public_id_or_404
from gandan.orgs import access as org_access
from gandan.orgs.models import Membership, Organisation, Role, User
from gandan.plans.models import (
    Assignment,
    AssignmentQuerySet,
    Evidence,
    ImplementationRequest,
    Plan,
)


def can_manage_plans(user: User, organisation: Organisation) -> bool:
    """A school's head and deputies manage its plans; an authority's officers manage the
    authority's own plans (draft, issue, send to the units below). Never another's."""
    if org_access.can_manage_organisation(user, organisation):
        return True
    return organisation.is_authority and Role.AUTHORITY_OFFICER in org_access.roles_in(
        user, organisation
    )


def _sent_to_users_school(user: User, plan: Plan) -> bool:
    """The plan is an authority's, sent to a school where the user works: its staff read it."""
    schools = {grant.school_path for grant in org_access.grants(user) if grant.school_path}
    if not plan.organisation.is_authority or not schools:
        return False
    return ImplementationRequest.objects.filter(
        parent_plan=plan, organisation__path__in=schools
    ).exists()


def visible_plans(user: User, organisation: Organisation) -> QuerySet[Plan]:
    """Plans of an organisation the user may view (the caller checked the organisation)."""
    return Plan.objects.filter(organisation=organisation)


def access_plan(user: User, public_id: str, *, for_write: bool = False) -> Plan:
    """The plan, if the user is staff of its organisation, an authority above it, or staff of
    a school the authority's plan was sent to; to write, `can_manage_plans`."""
    plan = (
        Plan.objects.select_related("organisation__parent", "document")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if plan is None:
        raise Http404
    allowed = (
        can_manage_plans(user, plan.organisation)
        if for_write
        else org_access.can_view_organisation(user, plan.organisation)
        or _sent_to_users_school(user, plan)
    )
    if not allowed:
        raise Http404
    return plan


def is_responsible(user: User, assignment: Assignment) -> bool:
    """The assignee, or anyone holding a role in the assigned unit."""
    if assignment.assignee_id is not None:
        return assignment.assignee_id == user.pk
    return Membership.objects.current().filter(user=user, organisation=assignment.unit_id).exists()


def open_assignments_of(user: User) -> AssignmentQuerySet:
    """The open assignments the user answers for: given to them, or to a unit they serve in."""
    return Assignment.objects.for_user(user).open()


def responsible_ids(user: User, assignments: Iterable[Assignment]) -> set[int]:
    """Of these assignments, the pks the user answers for; one query, whatever their number."""
    # Fix: is_responsible() per row queried memberships once per unit assignment (N+1 on the
    # plan page); this gives the same answer from a single query.
    units = set(
        Membership.objects.current().filter(user=user).values_list("organisation_id", flat=True)
    )
    return {
        a.pk
        for a in assignments
        if (a.assignee_id == user.pk if a.assignee_id is not None else a.unit_id in units)
    }


def evidence_openable_ids(user: User, plan: Plan, assignments: Iterable[Assignment]) -> set[int]:
    """Of one plan's assignments, the pks whose evidence `access_evidence` lets the user open."""
    organisation = plan.organisation
    if can_manage_plans(user, organisation) or org_access.is_authority_over(user, organisation):
        return {a.pk for a in assignments}
    return responsible_ids(user, assignments)


def access_assignment(user: User, pk: int, *, for_report: bool = False) -> Assignment:
    """An assignment; reporting is for the responsible person or unit and the managers."""
    assignment = (
        Assignment.objects.select_related("task__plan__organisation", "item", "assignee", "unit")
        .filter(pk=pk)
        .first()
    )
    if assignment is None:
        raise Http404
    organisation = assignment.task.plan.organisation
    if not org_access.can_view_organisation(user, organisation):
        raise Http404
    if for_report and not (
        is_responsible(user, assignment) or can_manage_plans(user, organisation)
    ):
        raise Http404
    return assignment


def access_evidence(user: User, public_id: str) -> Evidence:
    """Evidence files: the responsible person or unit, the managers, and authority officers."""
    evidence = (
        Evidence.objects.select_related("update__assignment__task__plan__organisation")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if evidence is None:
        raise Http404
    assignment = evidence.update.assignment
    organisation = assignment.task.plan.organisation
    allowed = (
        is_responsible(user, assignment)
        or can_manage_plans(user, organisation)
        or org_access.is_authority_over(user, organisation)
    )
    if not allowed:
        raise Http404
    return evidence


def access_authority_plan(user: User, public_id: str, *, for_write: bool = False) -> Plan:
    """An authority's plan, for its own officers only (the units' table, sending it to them):
    nobody else sees how the other units stand."""
    plan = access_plan(user, public_id, for_write=for_write)
    if not plan.organisation.is_authority:
        raise Http404
    if Role.AUTHORITY_OFFICER not in org_access.roles_in(user, plan.organisation):
        raise Http404
    return plan
