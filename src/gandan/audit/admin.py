from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest
from django.utils.decorators import method_decorator

from gandan.audit.models import Action, AuditEvent
from gandan.audit.services import record_event
from gandan.core.language import in_vietnamese


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only, even for administrators."""

    list_display = ["sequence", "occurred_at", "actor_label", "action", "summary", "ip_address"]
    list_filter = ["action"]
    search_fields = ["summary", "actor_label"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False


class AuditedModelAdmin(admin.ModelAdmin):
    """A ModelAdmin whose adds, changes and deletions go to the audit log with their diff."""

    def audit_organisation(self, obj: Any) -> Model | None:
        """The organisation whose log records the change: the row's own, by default (the log
        cannot name the organisations' model: it lies below them)."""
        return getattr(obj, "organisation", None)

    @method_decorator(in_vietnamese)
    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        changed = {
            name: [str(form.initial.get(name, "")), str(form.cleaned_data.get(name, ""))]
            for name in form.changed_data
            if name != "password"
        }
        super().save_model(request, obj, form, change)
        record_event(
            action=Action.CHANGE if change else Action.CREATE,
            summary=f"{'Sửa' if change else 'Tạo'} {obj._meta.verbose_name} “{obj}” (quản trị)",
            actor=request.user,
            organisation=self.audit_organisation(obj),
            target=obj,
            changes=changed,
            request=request,
        )

    @method_decorator(in_vietnamese)
    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        record_event(
            action=Action.WITHDRAW,
            summary=f"Xóa {obj._meta.verbose_name} “{obj}” (quản trị)",
            actor=request.user,
            organisation=self.audit_organisation(obj),
            target=obj,
            request=request,
        )
        super().delete_model(request, obj)
