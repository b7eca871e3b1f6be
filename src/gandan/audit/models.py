"""An append-only, HMAC-chained log of who did and who saw what (ADR 3)."""

import datetime as dt
import hashlib
import hmac
import json

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gandan.core import keys

GENESIS_HASH = "0" * 64


def chain_hash(previous_hash: str, canonical: str, key: bytes) -> str:
    """HMAC-SHA256 under the audit key (kept outside the database): without the key, nobody
    who can write the database can recompute a chain that verifies."""
    return hmac.new(key, (previous_hash + canonical).encode(), hashlib.sha256).hexdigest()


class Action(models.TextChoices):
    LOGIN = "login", _("Đăng nhập")
    LOGIN_FAILED = "login_failed", _("Đăng nhập không thành công")
    LOGOUT = "logout", _("Đăng xuất")
    PASSWORD_CHANGED = "password_changed", _("Đổi mật khẩu")
    CREATE = "create", _("Tạo mới")
    CHANGE = "change", _("Thay đổi")
    WITHDRAW = "withdraw", _("Thu hồi")
    VIEW_PROTECTED = "view_protected", _("Xem thông tin được bảo vệ")
    EXPORT = "export", _("Xuất dữ liệu")


class AuditEvent(models.Model):
    """One row of the log. Rows are never updated or deleted; `hash` chains each to the last.

    hash = HMAC-SHA256(audit key, previous hash + canonical JSON of this row's content), so
    changing or removing any past row breaks every hash after it, and only the holder of the
    key (`gandan.core.keys`, never in the database) can make a chain that verifies. The
    canonical form is rebuilt from stored values alone: the time in UTC with its microseconds
    (new rows are written at whole milliseconds, so even a JSON export that keeps only
    milliseconds, such as `dumpdata`, reproduces it), the JSON details as read back.
    """

    sequence = models.PositiveBigIntegerField(unique=True, editable=False)
    occurred_at = models.DateTimeField(_("Thời điểm"), editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Kept as text too, so the record stays readable whatever happens to the account.
    actor_label = models.CharField(_("Người thực hiện (ghi lúc đó)"), max_length=255)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Tổ chức"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("Hành động"), max_length=32, choices=Action.choices)
    object_type = models.CharField(_("Loại đối tượng"), max_length=64, blank=True)
    object_id = models.CharField(_("Mã đối tượng"), max_length=64, blank=True)
    summary = models.CharField(_("Nội dung"), max_length=500)
    changes = models.JSONField(_("Chi tiết"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("Địa chỉ IP"), null=True, blank=True)
    previous_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký hệ thống")
        ordering = ["-sequence"]
        indexes = [
            models.Index(fields=["organisation", "-sequence"]),
            models.Index(fields=["object_type", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.get_action_display()}: {self.summary}"

    def canonical_content(self) -> str:
        """Everything the hash protects, in a stable textual form."""
        content = {
            "sequence": self.sequence,
            "occurred_at": self.occurred_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            "actor_id": self.actor_id,
            "actor_label": self.actor_label,
            "organisation_id": self.organisation_id,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "summary": self.summary,
            "changes": self.changes,
            "ip_address": self.ip_address,
        }
        return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    def compute_hash(self, key: bytes | None = None) -> str:
        return chain_hash(
            self.previous_hash, self.canonical_content(), key if key else keys.audit_key()
        )


class ChainHead(models.Model):
    """A single row locked by every writer: it serialises appends on SQLite and PostgreSQL alike.

    It also names the chain's last event, so a deleted tail shows; someone who can write the
    database can move it back with the tail, which only a checkpoint kept apart reveals
    (audit.checkpoints).
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_sequence = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)

    class Meta:
        verbose_name = _("đầu chuỗi nhật ký")

    def __str__(self) -> str:
        return f"#{self.last_sequence} {self.last_hash[:12]}"
