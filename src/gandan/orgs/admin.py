from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from gandan.audit.admin import AuditedModelAdmin
from gandan.orgs.models import FormerManagingBody, Membership, Organisation, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]
    fk_name = "user"


@admin.register(Organisation)
class OrganisationAdmin(AuditedModelAdmin):
    list_display = ["name", "kind", "slug", "symbol", "parent"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "slug", "symbol"]
    autocomplete_fields = ["parent"]
    readonly_fields = ["path"]

    def audit_organisation(self, obj: Organisation) -> Organisation:
        """An organisation's change is recorded in its own log."""
        return obj

    def has_delete_permission(self, request: HttpRequest, obj: Organisation | None = None) -> bool:
        """An organisation is never deleted: its audit log and registers refer to it for good.
        One that closes or merges is marked inactive (`is_active`)."""
        return False


@admin.register(FormerManagingBody)
class FormerManagingBodyAdmin(AuditedModelAdmin):
    """The managing body printed on documents dated before a reorganisation."""

    list_display = ["organisation", "name", "until"]
    search_fields = ["organisation__name", "name"]
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(BaseUserAdmin, AuditedModelAdmin):
    list_display = ["full_name", "username", "email", "phone", "is_active"]
    search_fields = ["full_name", "search_name", "username", "email", "phone"]
    ordering = ["sort_key"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Thông tin cá nhân"), {"fields": ["full_name", "salutation", "email", "phone"]}),
        (
            _("Quyền quản trị hệ thống"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Thời điểm"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["username", "full_name", "password1", "password2"]})
    ]


@admin.register(Membership)
class MembershipAdmin(AuditedModelAdmin):
    list_display = ["user", "organisation", "role", "title", "start_date", "end_date"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__full_name", "user__search_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
