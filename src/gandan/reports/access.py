"""Who reads the authority's dashboards: officers of a ward or a Sở, for the schools it oversees.

A ward officer reads the schools the ward manages; a Sở officer every school the Sở guides
(`Organisation.objects.schools_below`, LAW.md §8). Anyone else, and any other school, is a 404.
"""

from django.http import Http404

from gandan.orgs.access import active_organisation, authorities_of, is_authority_over
from gandan.orgs.models import Organisation, OrgKind, User


def authorities_for_dashboard(user: User) -> list[Organisation]:
    """The authorities whose dashboard the user reads: where they are an officer."""
    return authorities_of(user)


def access_dashboard(user: User, slug: str | None) -> tuple[Organisation, list[Organisation]]:
    """The authority named by `slug` (the first one when None) and all the user's authorities.

    Precondition: none. A user who is no officer, or names an authority they do not work for,
    gets a 404.
    """
    authorities = authorities_for_dashboard(user)
    if not authorities:
        raise Http404
    if not slug:
        return authorities[0], authorities
    for authority in authorities:
        if authority.slug == slug:
            return authority, authorities
    raise Http404


def access_unit(user: User, slug: str) -> Organisation:
    """The active school with this slug, for an officer of an authority that oversees it."""
    school = active_organisation(slug, kind=OrgKind.SCHOOL)
    if school is None:
        raise Http404
    if not is_authority_over(user, school):
        raise Http404
    return school
