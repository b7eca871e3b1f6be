from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from gandan.notify import delivery
from gandan.notify.models import MessageStatus, OutboxMessage, ScheduleRun

SHOWN = (
    "public_id",
    "key",
    "channel",
    "topic",
    "status",
    "attempts",
    "next_attempt_at",
    "claimed_at",
    "sent_at",
    "last_error",
    "created_at",
    "attachments",
)


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """The outbox's state for an administrator: what failed and why, and a way to send again.
    Addresses and texts stay sealed: the admin never shows them."""

    list_display = [
        "public_id",
        "topic",
        "status",
        "attempts",
        "created_at",
        "sent_at",
        "last_error",
    ]
    list_filter = ["status", "topic", "channel"]
    fields = SHOWN
    readonly_fields = SHOWN
    actions = ["send_again"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=_("Gửi lại các thư gửi không được"))
    def send_again(self, request, queryset) -> None:
        failed = list(queryset.filter(status=MessageStatus.FAILED))
        for message in failed:
            delivery.retry(message)
        self.message_user(
            request,
            _("Đã đưa %(count)d thư vào hàng gửi lại.") % {"count": len(failed)},
            messages.SUCCESS,
        )


@admin.register(ScheduleRun)
class ScheduleRunAdmin(admin.ModelAdmin):
    list_display = ["job", "slot", "started_at", "finished_at"]
    list_filter = ["job"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
