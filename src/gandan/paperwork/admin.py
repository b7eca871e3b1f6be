"""The register in the admin: read-only, since numbers are given and withdrawn by services."""

from django.contrib import admin

from gandan.paperwork.models import NumberSequence, OutgoingDocument


@admin.register(OutgoingDocument)
class OutgoingDocumentAdmin(admin.ModelAdmin):
    list_display = ["number_symbol", "issued_on", "summary", "signer_name", "status"]
    list_filter = ["year", "doc_type", "status", "is_secret"]
    search_fields = ["number_symbol", "summary", "signer_name"]
    list_select_related = ["organisation"]
    readonly_fields = [field.name for field in OutgoingDocument._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        # Nothing official is deleted; a document is withdrawn with a reason.
        return False


@admin.register(NumberSequence)
class NumberSequenceAdmin(admin.ModelAdmin):
    list_display = ["organisation", "year", "is_secret", "last_number"]
    readonly_fields = ["organisation", "year", "is_secret", "last_number"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
