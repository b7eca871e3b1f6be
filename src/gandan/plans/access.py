"""Who may see and change plans, assignments and evidence."""

from collections.abc import Iterable

from django.db.models import QuerySet
from django.http import Http404

from gandan.core.ids import public_id_or_404
from gandan.orgs import access as org_access
from gandan.orgs.models import Membership, Organisation, User
from gandan.plans.models import Assignment, AssignmentQuerySet, Evidence, Plan


def visible_plans(user: User, organisation: Organisation) -> QuerySet[Plan]:
    """Plans of an organisation the user may view (the caller checked the organisation)."""
    return Plan.objects.filter(organisation=organisation)


def access_plan(user: User, public_id: str, *, for_write: bool = False) -> Plan:
    """The plan, if the user is staff of its school (or an authority above); managers to write."""
    plan = (
        Plan.objects.select_related("organisation__parent", "document")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if plan is None:
        raise Http404
    allowed = (
        org_access.can_manage_organisation(user, plan.organisation)
        if for_write
        else org_access.can_view_organisation(user, plan.organisation)
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
        is_responsible(user, assignment) or org_access.can_manage_organisation(user, organisation)
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
        or org_access.can_manage_organisation(user, organisation)
        or org_access.is_authority_over(user, organisation)
    )
    if not allowed:
        raise Http404
    return evidence
