from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gandan.audit.admin import AuditedModelAdmin
from gandan.petitions.models import DeadlineRule


class InForceFilter(admin.SimpleListFilter):
    title = _("Hiệu lực")
    parameter_name = "hieu_luc"

    def lookups(self, request, model_admin):
        return [("current", _("Đang áp dụng")), ("ended", _("Đã hết áp dụng"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "current":
            return queryset.filter(valid_from__lte=today).exclude(valid_to__lt=today)
        if self.value() == "ended":
            return queryset.filter(valid_to__lt=today)
        return queryset


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(AuditedModelAdmin):
    """Administrators correct the rules here; every change goes to the audit log."""

    list_display = [
        "kind",
        "procedure",
        "order",
        "step_label",
        "limit",
        "unit",
        "starts_from",
        "valid_from",
        "valid_to",
        "needs_verification",
        "is_internal_policy",
    ]
    list_display_links = ["step_label"]
    list_filter = [
        "kind",
        "needs_verification",
        "is_internal_policy",
        "open_cases",
        InForceFilter,
        "procedure",
        "unit",
    ]
    search_fields = ["step", "step_label", "citation", "note"]
    fieldsets = [
        (
            _("Bước"),
            {"fields": ["kind", "procedure", "step", "step_label", "order"]},
        ),
        (
            _("Thời hạn"),
            {
                "fields": [
                    ("limit", "unit"),
                    ("starts_from", "ends_with"),
                    ("complex_limit", "remote_limit", "remote_complex_limit"),
                    ("complex_only", "complex_needs_decision"),
                    "suspendable",
                ]
            },
        ),
        (
            _("Gia hạn"),
            {
                "fields": [
                    ("extension_count", "extension_count_very_complex"),
                    ("extension_limit", "extension_unit"),
                    ("extension_needs_decision", "extension_only_if_complex"),
                ]
            },
        ),
        (
            _("Hiệu lực và căn cứ"),
            {
                "fields": [
                    ("valid_from", "valid_to"),
                    "citation",
                    ("needs_verification", "is_internal_policy"),
                    "note",
                ]
            },
        ),
        (
            # A transition clause: what this version carries over to the cases received
            # before `valid_from` and not yet decided then (e.g. NĐ 155/2026 Điều 22 k1).
            _("Điều khoản chuyển tiếp"),
            {"fields": [("open_cases", "transition_citation")]},
        ),
    ]

    # A rule that applied to some case is history: end it with "Áp dụng đến hết ngày" instead.
    def has_delete_permission(self, request, obj=None) -> bool:
        return False
