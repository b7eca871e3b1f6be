from django.contrib import admin

from gandan.audit.admin import AuditedModelAdmin
from gandan.evaluation.models import EvaluationCycle, EvaluationRuleSet, ScoreHistory, UnitRules


@admin.register(EvaluationRuleSet)
class EvaluationRuleSetAdmin(AuditedModelAdmin):
    """Decree versions: administrators correct a row, or add the next version with its date."""

    list_display = [
        "short_name",
        "valid_from",
        "valid_to",
        "point_based",
        "quota_percent",
        "quota_base",
        "needs_verification",
    ]
    list_filter = ["needs_verification", "point_based"]


@admin.register(UnitRules)
class UnitRulesAdmin(AuditedModelAdmin):
    """Each school's quy chế đánh giá: tracking, work year, criteria, task point rule."""

    list_display = ["title", "organisation", "rule_set", "tracking", "valid_from", "valid_to"]
    list_filter = ["rule_set", "tracking"]
    autocomplete_fields = ["organisation"]


@admin.register(EvaluationCycle)
class EvaluationCycleAdmin(admin.ModelAdmin):
    """Read-only: cycles change through the staff pages, which keep the history."""

    list_display = ["__str__", "organisation", "rule_set", "status", "ends_on"]
    list_filter = ["status", "period_type", "rule_set"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ScoreHistory)
class ScoreHistoryAdmin(admin.ModelAdmin):
    """Append-only: readable, never edited."""

    list_display = ["evaluation", "field", "old_value", "new_value", "actor", "created_at"]
    list_select_related = ["evaluation__person", "evaluation__cycle", "actor"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
