from django.contrib import admin

from gandan.audit.admin import AuditedModelAdmin
from gandan.democracy.models import DisclosureObligation


@admin.register(DisclosureObligation)
class DisclosureObligationAdmin(AuditedModelAdmin):
    """The register of what must be disclosed; administrators correct rows, audited.

    Ballots, papers and participations have no admin: nothing may be read or changed there.
    """

    list_display = [
        "title",
        "audience",
        "public_group",
        "timing",
        "deadline_working_days",
        "min_posting_days",
        "valid_from",
        "valid_to",
        "confidence",
        "is_active",
    ]
    list_filter = ["audience", "public_group", "timing", "confidence", "is_active"]
    search_fields = ["title", "legal_basis", "code"]
