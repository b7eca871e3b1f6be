"""Messages for people: the in-app notices, the outbox of e-mails, preferences, the schedule.

- `Notification`: one notice for one staff member (unique per person and `key`, so an event
  noticed twice is one notice). It is shown in the notification centre and counted in the menu;
  its e-mail goes out at once (deadlines, or when the person asked for it) or in the daily digest.
- `OutboxMessage`: one e-mail (or, later, an SMS or Zalo message) waiting for the worker. It is
  written in the transaction of the event that causes it and delivered by `delivery.deliver` in
  the background, never inside a request. Its address, subject and text are sealed with the
  identity key (`core.sealing`): whoever holds the database cannot read who was written to, nor
  link a denouncer's letter to an address. Unique per `key`: an event replayed writes nothing twice.
- `Preference`: how a person wants e-mail for one topic (at once, in the digest, never).
- `Suppression`: an address that asked to stop receiving messages, kept as a keyed hash.
- `ScheduleRun`: one run of one scheduled job in one slot (the worker's schedule runs each job
  once per slot however many workers tick).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    """What a notice is about: the unit of a person's e-mail preferences."""

    PLANS = "plans", _("Kế hoạch và nhiệm vụ")
    CASES = "cases", _("Đơn thư, tiếp công dân")
    DEMOCRACY = "democracy", _("Hội nghị, lấy ý kiến, biểu quyết, công khai")
    EVALUATION = "evaluation", _("Đánh giá, xếp loại")
    REPORTS = "reports", _("Báo cáo định kỳ")
    CALENDAR = "calendar", _("Lịch ngày làm việc")
    CITIZEN = "citizen", _("Thư gửi người dân")  # outbox only: never a staff preference


STAFF_TOPICS = [topic for topic in Topic if topic != Topic.CITIZEN]


class EmailChoice(models.TextChoices):
    IMMEDIATE = "immediate", _("Gửi ngay từng thư")
    DIGEST = "digest", _("Gộp vào một thư mỗi ngày")
    OFF = "off", _("Không gửi thư (chỉ xem trong hệ thống)")


# Decidim's users asked for digests after being flooded: the digest is the default, and only
# deadlines (urgent notices) go out at once unless the person turned e-mail off.
DEFAULT_EMAIL_CHOICE = EmailChoice.DIGEST


class MailState(models.TextChoices):
    NONE = "none", _("Không gửi thư")
    DIGEST = "digest", _("Chờ thư tổng hợp")
    QUEUED = "queued", _("Đã đưa vào hàng gửi")


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unread_by(self, user) -> "NotificationQuerySet":
        return self.filter(recipient=user, read_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    topic = models.CharField(max_length=20, choices=Topic.choices)
    # What happened, as a dotted slug of the app that noticed it: "plans.task_assigned".
    kind = models.CharField(max_length=60)
    key = models.CharField(max_length=200)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    urgent = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    mail_state = models.CharField(max_length=10, choices=MailState.choices, default=MailState.NONE)
    message = models.ForeignKey(
        "OutboxMessage", null=True, blank=True, on_delete=models.SET_NULL, related_name="notices"
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notify_notice_once")
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notify_notice_unread"),
            models.Index(fields=["mail_state", "recipient"], name="notify_notice_mail"),
        ]

    def __str__(self) -> str:
        return self.title


class Preference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notify_preferences"
    )
    topic = models.CharField(max_length=20, choices=Topic.choices)
    email = models.CharField(max_length=10, choices=EmailChoice.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="notify_preference_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.topic}: {self.email}"


class Channel(models.TextChoices):
    EMAIL = "email", _("Thư điện tử")


class MessageStatus(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENDING = "sending", _("Đang gửi")
    SENT = "sent", _("Đã gửi")
    FAILED = "failed", _("Gửi không được")
    STOPPED = "stopped", _("Người nhận đã ngừng nhận thư")


class OutboxMessage(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    key = models.CharField(max_length=200, unique=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    topic = models.CharField(max_length=20, choices=Topic.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outbox_messages",
    )
    # Sealed (core.sealing): the address, the subject and the text.
    address_token = models.TextField(editable=False)
    subject_token = models.TextField(editable=False)
    body_token = models.TextField(editable=False)
    # Official documents to attach, rendered by the worker: [{"document": pk, "format": "pdf"}].
    attachments = models.JSONField(default=list, blank=True)
    # Whether the text ends with a link to stop receiving messages (citizens' messages).
    stop_link = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=MessageStatus.choices, default=MessageStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("thư trong hàng gửi")
        verbose_name_plural = _("hàng thư chờ gửi")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="notify_outbox_due")]

    def __str__(self) -> str:
        return f"{self.channel} {self.public_id} ({self.get_status_display()})"


class Suppression(models.Model):
    """An address that asked to receive nothing more: a keyed hash, never the address."""

    address_hash = models.CharField(max_length=64, unique=True)
    created_on = models.DateField(default=timezone.localdate)

    def __str__(self) -> str:
        return self.address_hash[:12]


class ScheduleRun(models.Model):
    job = models.CharField(max_length=100)
    slot = models.CharField(max_length=40)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="notify_run_once")]

    def __str__(self) -> str:
        return f"{self.job} {self.slot}"
