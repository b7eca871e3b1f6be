from django.contrib import admin

from gandan.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only, even for administrators."""

    list_display = ["sequence", "occurred_at", "actor_label", "action", "summary", "ip_address"]
    list_filter = ["action"]
    search_fields = ["summary", "actor_label"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class AuditedModelAdmin(admin.ModelAdmin):
    """A ModelAdmin whose adds, changes and deletions go to the audit log with their diff."""

    def _organisation_of(self, obj):
        from gandan.orgs.models import Organisation

        if isinstance(obj, Organisation):
            return obj
        return getattr(obj, "organisation", None)

    def save_model(self, request, obj, form, change) -> None:
        from gandan.audit.models import Action
        from gandan.audit.services import record_event

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
            organisation=self._organisation_of(obj),
            target=obj,
            changes=changed,
            request=request,
        )

    def delete_model(self, request, obj) -> None:
        from gandan.audit.models import Action
        from gandan.audit.services import record_event

        record_event(
            action=Action.WITHDRAW,
            summary=f"Xóa {obj._meta.verbose_name} “{obj}” (quản trị)",
            actor=request.user,
            organisation=self._organisation_of(obj),
            target=obj,
            request=request,
        )
        super().delete_model(request, obj)
