from django.contrib import admin

from gandan.emulation.models import Campaign


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    """Read-only: campaigns change through their pages and services, which write the timeline
    and the audit log. Score cards, ballots and nominations have no admin at all."""

    list_display = ["title", "organisation", "year_label", "status", "review_concluded_at"]
    list_filter = ["status", "organisation"]
    search_fields = ["title", "year_label"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
