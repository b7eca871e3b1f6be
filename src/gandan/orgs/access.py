"""Who may see and do what, per organisation. Every view asks here; nothing filters by hand.

A person's roles come from current memberships. Roles held in an internal unit (a tổ, the
union, the inspection board) make the person a member of that unit's school too; a seat on
the parents' board does not (its members are parents, not staff).
Authority officers read the organisations below theirs.
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from gandan.audit.models import AuditEvent
from gandan.core import compiled
from gandan.orgs.models import (
    AUTHORITY_KINDS,
    INTERNAL_KINDS,
    Membership,
    Organisation,
    OrgKind,
    Role,
    User,
)

MANAGERS = {Role.HEAD, Role.DEPUTY_HEAD}


@dataclass(frozen=True)
class Grant:
    organisation_id: int
    path: str
    school_path: str  # "" when the role gives no standing in the school
    role: str


def grants(user: User) -> list[Grant]:
    """The user's current roles, loaded once per request and cached on the user object."""
    if not user.is_authenticated or not user.is_active:
        return []
    cached = getattr(user, "_gandan_grants", None)
    if cached is not None:
        return cached
    rows = (
        Membership.objects.current()
        .filter(user=user, organisation__is_active=True)
        .select_related("organisation__parent")
    )
    result = []
    for membership in rows:
        org = membership.organisation
        school = org.parent if org.kind in INTERNAL_KINDS and org.parent is not None else org
        school_path = "" if org.kind == OrgKind.PARENTS_BOARD else school.path
        result.append(Grant(org.pk, org.path, school_path, membership.role))
    user._gandan_grants = result  # type: ignore[attr-defined]
    return result


def _school_path(org: Organisation) -> str:
    if org.kind in INTERNAL_KINDS and org.parent_id:
        return org.path[: len(org.path) - 6]
    return org.path


def roles_in(user: User, org: Organisation) -> set[str]:
    """Roles the user holds in this organisation itself."""
    return {grant.role for grant in grants(user) if grant.organisation_id == org.pk}


def roles_in_school(user: User, org: Organisation) -> set[str]:
    """Roles the user holds anywhere in the school that org is or belongs to."""
    school_path = _school_path(org)
    return {grant.role for grant in grants(user) if grant.school_path == school_path}


def is_authority_over(user: User, org: Organisation) -> bool:
    """An authority officer of a body that manages org (above it in the tree) or guides its
    school professionally (`guided_by`, the Sở GD&ĐT): read-only roll-ups."""
    officer_of = [grant for grant in grants(user) if grant.role == Role.AUTHORITY_OFFICER]
    if not officer_of:
        return False
    if any(org.path.startswith(g.path) and org.path != g.path for g in officer_of):
        return True
    school = org.school()
    return school is not None and any(
        school.guided_by_id == grant.organisation_id for grant in officer_of
    )


def authorities_of(user: User) -> list[Organisation]:
    """The authorities (ward, Sở) where the user is an officer, in tree order."""
    ids = [grant.organisation_id for grant in grants(user) if grant.role == Role.AUTHORITY_OFFICER]
    return list(Organisation.objects.filter(pk__in=ids, kind__in=AUTHORITY_KINDS).order_by("path"))


def is_authority_officer(user: User) -> bool:
    """The user works for a ward or a Sở (their own menu: dashboard, reports, plans)."""
    return any(grant.role == Role.AUTHORITY_OFFICER for grant in grants(user))


def can_view_organisation(user: User, org: Organisation) -> bool:
    """Members of the school (any role) and authority officers above it see its staff pages."""
    if roles_in_school(user, org):
        return True
    if roles_in(user, org):
        return True
    return is_authority_over(user, org)


def can_manage_organisation(user: User, org: Organisation) -> bool:
    """The head and deputy heads of the school manage it and its internal units."""
    return bool(roles_in_school(user, org) & MANAGERS)


def can_read_audit_log(user: User, org: Organisation) -> bool:
    """Only the head reads the audit log: it records who saw protected personal data."""
    return Role.HEAD in roles_in_school(user, org)


def active_organisation(slug: str, *, kind: str | None = None) -> Organisation | None:
    """The active organisation with this public identifier (its slug), of `kind` if given."""
    rows = Organisation.objects.filter(slug=slug, is_active=True)
    if kind is not None:
        rows = rows.filter(kind=kind)
    return rows.select_related("parent").first()


# The public intake's lookup: the school alone, compiled once (core/compiled.py).
_ACTIVE_SCHOOL = compiled.Prepared(
    lambda slug: Organisation.objects.filter(
        slug=slug, is_active=True, kind=OrgKind.SCHOOL
    ).order_by()[:1]
)


def active_school_or_404(slug: str, *, with_parent: bool = True) -> Organisation:
    """The active school with this slug, for its public pages; anything else is not found.
    Its managing authority comes with it, unless `with_parent` is False (the public intake,
    which does not show it: one statement compiled once, core/compiled.py)."""
    if with_parent:
        school = active_organisation(slug, kind=OrgKind.SCHOOL)
    else:
        school = next(iter(_ACTIVE_SCHOOL(slug)), None)
    if school is None:
        raise Http404
    return school


def access_organisation(user: User, slug: str, *, action: str = "view") -> Organisation:
    """The organisation with this public identifier, if the user may do `action` on it.

    A refusal is a 404, never a 403, so that existence is not revealed.
    """
    checks = {
        "view": can_view_organisation,
        "manage": can_manage_organisation,
        "audit": can_read_audit_log,
    }
    org = active_organisation(slug)
    if org is None or not checks[action](user, org):
        raise Http404
    return org


def access_audit_log(user: User, slug: str) -> tuple[Organisation, QuerySet[AuditEvent]]:
    """The organisation's log (it and its internal units) for its head; 404 for anyone else."""
    org = access_organisation(user, slug, action="audit")
    events = (
        AuditEvent.objects.filter(organisation__path__startswith=org.path)
        .select_related("actor", "organisation")
        .order_by("-sequence")
    )
    return org, events


def primary_organisation(user: User) -> Organisation | None:
    """The school (or authority) shown in the user's header: where their first role is."""
    user_grants = grants(user)
    if not user_grants:
        return None
    paths = sorted({grant.school_path or grant.path for grant in user_grants})
    return Organisation.objects.filter(path=paths[0]).first()
