"""Who may read the audit log."""

from django.db.models import QuerySet

from gandan.audit.models import AuditEvent
from gandan.orgs.access import access_organisation
from gandan.orgs.models import Organisation, User


def access_audit_log(user: User, slug: str) -> tuple[Organisation, QuerySet[AuditEvent]]:
    """The organisation's log (it and its internal units) for its head; 404 for anyone else."""
    org = access_organisation(user, slug, action="audit")
    events = (
        AuditEvent.objects.filter(organisation__path__startswith=org.path)
        .select_related("actor", "organisation")
        .order_by("-sequence")
    )
    return org, events
