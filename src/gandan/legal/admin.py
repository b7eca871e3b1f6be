from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from gandan.audit.admin import AuditedModelAdmin
from gandan.legal.models import LegalDocument


@admin.register(LegalDocument)
class LegalDocumentAdmin(AuditedModelAdmin):
    """The register: admins record a document's status and successor, with the source."""

    list_display = ["citation_label", "title", "date", "status", "replaced_by"]
    list_filter = ["status", "type"]
    search_fields = ["number", "symbol", "title", "issuer", "match_key", "name_key"]
    autocomplete_fields = ["replaced_by"]
    readonly_fields = ["match_key", "name_key", "created_at", "updated_at"]
    fieldsets = [
        (
            _("Văn bản"),
            {"fields": ["type", "number", "year", "symbol", "date", "issuer", "title"]},
        ),
        (
            _("Hiệu lực"),
            {
                "fields": [
                    "status",
                    "effective_from",
                    "replaced_by",
                    "replacement_scope",
                    "source",
                ]
            },
        ),
        (_("Đối chiếu"), {"fields": ["match_key", "name_key", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("Số, ký hiệu"), ordering="number")
    def citation_label(self, obj: LegalDocument) -> str:
        return obj.citation
