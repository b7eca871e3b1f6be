from django.contrib import admin

from gandan.audit.admin import AuditedModelAdmin
from gandan.democracy.models import BoardUnitProfile, DisclosureObligation


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


@admin.register(BoardUnitProfile)
class BoardUnitProfileAdmin(AuditedModelAdmin):
    """A school organised in dispersed places or of a special nature may elect an inspection
    board of more than nine (Luật 10/2022/QH15, Điều 60); recorded here with its reason,
    audited."""

    list_display = ["organisation", "dispersed_or_special", "basis", "updated_at"]
    list_filter = ["dispersed_or_special"]
    search_fields = ["organisation__name", "basis"]
    autocomplete_fields = ["organisation"]
