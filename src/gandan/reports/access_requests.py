"""Who sees and acts on report requests, unit reports and the incoming register.

- An officer of the requesting authority (ward or Sở) makes requests, reads the request page,
  reads a unit's report once received, reminds and returns; an officer of another authority
  (a Sở officer for a ward's request) gets a 404.
- A school's head and deputy heads draft and edit the school's report; only the head issues
  and submits it (she signs it, Nghị định 30/2020 Điều 13 k1).
- Anyone else, staff included, gets a 404 (existence is not revealed).
"""

from django.db.models import QuerySet
from django.http import Http404

from gandan.core.ids import public_id_or_404
from gandan.orgs.access import authorities_of, grants
from gandan.orgs.models import Organisation, Role, User
from gandan.reports.models import ReportRequest, UnitReport

DRAFTERS = {Role.HEAD, Role.DEPUTY_HEAD}
SIGNERS = {Role.HEAD}


def _officer_of(user: User) -> set[int]:
    return {grant.organisation_id for grant in grants(user) if grant.role == Role.AUTHORITY_OFFICER}


def _roles_in_school(user: User, school_id: int) -> set[str]:
    return {grant.role for grant in grants(user) if grant.organisation_id == school_id}


def access_requesting_authority(
    user: User, slug: str | None = None
) -> tuple[Organisation, list[Organisation]]:
    """The authority the officer works for (the one named by `slug`, else the first) and all
    of them. Precondition: none; a user who is no officer gets a 404."""
    authorities = authorities_of(user)
    if not authorities:
        raise Http404
    if not slug:
        return authorities[0], authorities
    for authority in authorities:
        if authority.slug == slug:
            return authority, authorities
    raise Http404


def access_request(user: User, public_id: str) -> ReportRequest:
    """A request, for an officer of the authority that made it."""
    request = (
        ReportRequest.objects.filter(public_id=public_id_or_404(public_id))
        .select_related("authority", "created_by")
        .first()
    )
    if request is None:
        raise Http404
    if request.authority_id not in _officer_of(user):
        raise Http404
    return request


def access_received_report(user: User, public_id: str) -> UnitReport:
    """A unit's report for an officer of the requesting authority, once it has been received
    (a draft is the school's own business)."""
    report = _unit_report(public_id)
    if report.request.authority_id not in _officer_of(user):
        raise Http404
    if report.received_on is None:
        raise Http404
    return report


def access_unit_report(user: User, public_id: str, *, action: str = "view") -> UnitReport:
    """The school's report, for its head or deputy (`action` 'view' or 'edit'), or for its
    head alone ('sign': issue and submit)."""
    report = _unit_report(public_id)
    allowed = SIGNERS if action == "sign" else DRAFTERS
    if not _roles_in_school(user, report.organisation_id) & allowed:
        raise Http404
    return report


def _unit_report(public_id: str) -> UnitReport:
    report = (
        UnitReport.objects.filter(public_id=public_id_or_404(public_id))
        .select_related(
            "request__authority",
            "organisation__parent",
            "organisation__guided_by",
            "document",
        )
        .first()
    )
    if report is None:
        raise Http404
    return report


def schools_drafting_for(user: User) -> list[int]:
    """The schools whose reports the user drafts (head or deputy there)."""
    return sorted({grant.organisation_id for grant in grants(user) if grant.role in DRAFTERS})


def visible_school_reports(user: User) -> QuerySet[UnitReport]:
    """The reports addressed to the schools the user heads (or deputises)."""
    return UnitReport.objects.filter(organisation_id__in=schools_drafting_for(user))


def can_sign(user: User, report: UnitReport) -> bool:
    return bool(_roles_in_school(user, report.organisation_id) & SIGNERS)
