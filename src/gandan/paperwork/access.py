"""Who may read an organisation's outgoing-document register.

Its staff (any role in the school or the authority itself) and the officers of the
authorities above it read it; parents on the parents' board, other schools and anyone else
get a 404, so that the register's existence is not revealed.
"""

from django.http import Http404

from gandan.orgs.access import active_organisation, authorities_of, can_view_organisation, grants
from gandan.orgs.models import AUTHORITY_KINDS, Organisation, OrgKind, User

# The organisations that issue documents and keep a register: schools and authorities.
REGISTER_KINDS = {OrgKind.SCHOOL, *AUTHORITY_KINDS}


def may_read_register(user: User, organisation: Organisation) -> bool:
    """Staff of the organisation and officers of an authority above it."""
    if organisation.kind not in REGISTER_KINDS:
        return False
    return can_view_organisation(user, organisation)


def access_register(user: User, slug: str) -> Organisation:
    """The organisation whose register the user asks for; 404 when they may not read it."""
    organisation = active_organisation(slug)
    if organisation is None or not may_read_register(user, organisation):
        raise Http404
    return organisation


def readable_registers(user: User) -> list[Organisation]:
    """The registers the user may open: their own organisations first, then for an officer
    the schools below their authority, each group in tree order."""
    own_paths = {grant.school_path for grant in grants(user) if grant.school_path}
    own = list(
        Organisation.objects.filter(
            path__in=own_paths, kind__in=REGISTER_KINDS, is_active=True
        ).order_by("path")
    )
    seen = {organisation.pk for organisation in own}
    below: list[Organisation] = []
    for authority in authorities_of(user):
        for school in Organisation.objects.schools_below(authority).order_by("path"):
            if school.pk not in seen:
                seen.add(school.pk)
                below.append(school)
    return own + below
