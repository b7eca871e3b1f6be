"""Plans (kế hoạch), their tasks, who is assigned what, and the progress they report."""

import datetime as dt
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import StoredFile, TimelineEvent, TimeStampedModel
from gandan.core.vietnamese import shorten


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")
    WITHDRAWN = "withdrawn", _("Đã thu hồi")


class Plan(TimeStampedModel):
    """An official plan of one organisation. `version` guards against silent overwrites."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        related_name="plans",
    )
    title = models.CharField(_("Trích yếu"), max_length=500)
    number_symbol = models.CharField(
        _("Số, ký hiệu"),
        max_length=64,
        blank=True,
        help_text=_("Ghi khi kế hoạch được ban hành, ví dụ 07/KH-THTT."),
    )
    place = models.CharField(_("Địa danh"), max_length=128, blank=True)
    issued_on = models.DateField(_("Ngày ban hành"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("Năm"))
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    withdrawn_reason = models.TextField(_("Lý do thu hồi"), blank=True)
    preamble = models.TextField(_("Lời dẫn"), blank=True)
    closing = models.TextField(_("Phần kết"), blank=True)
    signer_name = models.CharField(_("Người ký"), max_length=150, blank=True)
    signer_title = models.CharField(_("Chức vụ người ký"), max_length=150, blank=True)
    recipients = models.JSONField(_("Nơi nhận"), default=list, blank=True)
    parents = models.ManyToManyField(
        "self",
        verbose_name=_("Thực hiện kế hoạch cấp trên"),
        symmetrical=False,
        blank=True,
        related_name="children",
    )
    document = models.OneToOneField(
        "paperwork.OutgoingDocument",
        verbose_name=_("Văn bản đã ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan",
    )
    source_name = models.CharField(_("Tệp nguồn"), max_length=255, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-year", "-created_at"]
        indexes = [models.Index(fields=["organisation", "status", "-year"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status == PlanStatus.DRAFT


class PlanBasis(models.Model):
    """A "Căn cứ …" line, with the legal references found in it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="bases")
    order = models.PositiveSmallIntegerField()
    text = models.TextField(_("Căn cứ"))

    class Meta:
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "order"], name="basis_order")]

    def __str__(self) -> str:
        return shorten(self.text, 80)


class PlanReference(models.Model):
    """A legal or directive document the plan cites, linked to the register when known."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="references")
    order = models.PositiveSmallIntegerField()
    found_in = models.CharField(max_length=32, blank=True)
    doc_type = models.CharField(_("Loại văn bản"), max_length=64)
    number = models.CharField(_("Số"), max_length=32, blank=True)
    year = models.PositiveSmallIntegerField(_("Năm"), null=True, blank=True)
    symbol = models.CharField(_("Ký hiệu"), max_length=64, blank=True)
    date = models.DateField(_("Ngày"), null=True, blank=True)
    issuer = models.CharField(_("Cơ quan ban hành"), max_length=255, blank=True)
    text = models.TextField(_("Trích dẫn"))
    legal_document = models.ForeignKey(
        "legal.LegalDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="citations",
    )

    class Meta:
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.text


class SectionKind(models.TextChoices):
    PURPOSES = "purposes", _("Mục đích, yêu cầu")
    TASKS = "tasks", _("Nhiệm vụ")
    ORGANISATION = "organisation", _("Tổ chức thực hiện")
    OTHER = "other", _("Khác")


class PlanSection(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField()
    number = models.CharField(_("Số mục"), max_length=8)
    title = models.CharField(_("Tên mục"), max_length=255)
    kind = models.CharField(max_length=16, choices=SectionKind.choices, default=SectionKind.OTHER)
    paragraphs = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class PlanTask(models.Model):
    """A numbered (focus) task of a plan, with its lead unit and time frame as written."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    section = models.ForeignKey(
        PlanSection, null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks"
    )
    order = models.PositiveSmallIntegerField()
    number = models.CharField(_("Số"), max_length=8)
    heading = models.TextField(_("Nhiệm vụ"))
    lead = models.CharField(_("Cơ quan chủ trì"), max_length=500, blank=True)
    coordinating = models.CharField(_("Cơ quan phối hợp"), max_length=500, blank=True)
    person_in_charge = models.CharField(_("Người phụ trách"), max_length=255, blank=True)
    timeframe = models.CharField(_("Thời gian thực hiện"), max_length=255, blank=True)
    start = models.DateField(_("Bắt đầu"), null=True, blank=True)
    end = models.DateField(_("Kết thúc"), null=True, blank=True)
    recurring_from_year = models.PositiveSmallIntegerField(
        _("Thường xuyên từ năm"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return f"{self.number}. {self.heading}"


class TaskItem(models.Model):
    """A bullet of a task: the unit of work that can be assigned on its own."""

    task = models.ForeignKey(PlanTask, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField()
    text = models.TextField(_("Nội dung"))

    class Meta:
        ordering = ["task", "order"]

    def __str__(self) -> str:
        return shorten(self.text, 80)


class AssignmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa bắt đầu")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")
    BLOCKED = "blocked", _("Gặp vướng mắc")


class AssignmentQuerySet(models.QuerySet["Assignment"]):
    def open(self) -> "AssignmentQuerySet":
        return self.exclude(status=AssignmentStatus.DONE)

    def overdue(self, today: dt.date) -> "AssignmentQuerySet":
        return self.open().filter(due_date__lt=today)

    def due_soon(self, today: dt.date, until: dt.date) -> "AssignmentQuerySet":
        return self.open().filter(due_date__gte=today, due_date__lte=until)

    def for_user(self, user) -> "AssignmentQuerySet":
        """Assigned to the person, or to a unit in which the person holds a current role."""
        from gandan.orgs.models import Membership

        units = Membership.objects.current().filter(user=user).values("organisation_id")
        return self.filter(Q(assignee=user) | Q(assignee__isnull=True, unit__in=units))


class Assignment(TimeStampedModel):
    """A task (or one bullet of it) given to a person or a unit, with a due date."""

    task = models.ForeignKey(PlanTask, on_delete=models.CASCADE, related_name="assignments")
    item = models.ForeignKey(
        TaskItem,
        verbose_name=_("Nội dung cụ thể"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    unit = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Đơn vị thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    due_date = models.DateField(_("Hạn hoàn thành"), db_index=True)
    due_rule = models.CharField(
        _("Cách tính hạn"),
        max_length=128,
        blank=True,
        help_text=_("Ví dụ: 10 ngày làm việc kể từ 05/9/2026."),
    )
    note = models.TextField(_("Ghi chú khi giao"), blank=True)
    status = models.CharField(
        _("Tình trạng"),
        max_length=16,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.NOT_STARTED,
    )
    percent = models.PositiveSmallIntegerField(_("Tiến độ (%)"), default=0)
    last_reported_at = models.DateTimeField(_("Báo cáo gần nhất"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("phân công")
        verbose_name_plural = _("phân công")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(assignee__isnull=False) | Q(unit__isnull=False),
                name="assignment_has_assignee_or_unit",
            ),
            models.CheckConstraint(condition=Q(percent__lte=100), name="assignment_percent_max"),
        ]

    def __str__(self) -> str:
        return f"{self.task} → {self.assignee or self.unit}"

    def clean(self) -> None:
        if self.assignee_id is None and self.unit_id is None:
            raise ValidationError(_("Cần chọn người hoặc đơn vị thực hiện."))
        if self.item is not None and self.item.task_id != self.task_id:
            raise ValidationError({"item": _("Nội dung này không thuộc nhiệm vụ đã chọn.")})

    def is_overdue(self, today: dt.date) -> bool:
        return self.status != AssignmentStatus.DONE and self.due_date < today

    @property
    def responsible_name(self) -> str:
        """Who answers for it, as printed: the person's full name or the unit's name."""
        if self.assignee is not None:
            return self.assignee.full_name
        return self.unit.display_name if self.unit is not None else ""


class ProgressUpdate(models.Model):
    """What the assignee reported: append-only, so the history of a task is never rewritten."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(_("Tình trạng"), max_length=16, choices=AssignmentStatus.choices)
    percent = models.PositiveSmallIntegerField(_("Tiến độ (%)"))
    text = models.TextField(_("Nội dung báo cáo"))

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.assignment_id}: {self.percent}%"


def evidence_path(instance: "Evidence", filename: str) -> str:
    # The stored name is random: the original name is kept in a column, never used as a path.
    return f"evidence/{instance.update.assignment.task.plan.organisation_id}/{uuid.uuid4().hex}"


class Evidence(StoredFile):
    """A file attached to a progress update; served only after a permission check."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path)


class PlanEventKind(models.TextChoices):
    IMPORTED = "imported", _("Nhập kế hoạch")
    EDITED = "edited", _("Sửa kế hoạch")
    ISSUED = "issued", _("Ban hành")
    WITHDRAWN = "withdrawn", _("Thu hồi")
    ASSIGNED = "assigned", _("Giao nhiệm vụ")
    REPORTED = "reported", _("Báo cáo tiến độ")
    REPORT_ISSUED = "report_issued", _("Ban hành báo cáo kết quả")
    CASCADED = "cascaded", _("Giao đơn vị cấp dưới xây dựng kế hoạch thực hiện")


class ImplementationStatus(models.TextChoices):
    """Where a unit stands with its implementing plan, from stored dates only."""

    NOT_YET = "not_yet", _("Chưa ban hành, còn hạn")
    ON_TIME = "on_time", _("Ban hành đúng hạn")
    LATE = "late", _("Ban hành muộn")
    OVERDUE = "overdue", _("Quá hạn, chưa ban hành")


class ImplementationRequest(TimeStampedModel):
    """An authority's issued plan sent to a unit below it, which is to issue a plan of its own
    implementing it (one whose `parents` holds the authority's plan) by `due_on`."""

    parent_plan = models.ForeignKey(
        Plan,
        verbose_name=_("Kế hoạch cấp trên"),
        on_delete=models.CASCADE,
        related_name="implementation_requests",
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Đơn vị thực hiện"),
        on_delete=models.PROTECT,
        related_name="implementation_requests",
    )
    due_on = models.DateField(_("Hạn ban hành kế hoạch thực hiện"), db_index=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người giao"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("yêu cầu xây dựng kế hoạch thực hiện")
        verbose_name_plural = _("yêu cầu xây dựng kế hoạch thực hiện")
        ordering = ["parent_plan", "organisation__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent_plan", "organisation"], name="implementation_request_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.parent_plan_id} → {self.organisation_id}: {self.due_on:%d/%m/%Y}"

    def status(self, issued_on: dt.date | None, today: dt.date) -> str:
        """From the implementing plan's issue date (None: not issued) and the stored due date."""
        if issued_on is None:
            return (
                ImplementationStatus.OVERDUE
                if today > self.due_on
                else ImplementationStatus.NOT_YET
            )
        return (
            ImplementationStatus.ON_TIME if issued_on <= self.due_on else ImplementationStatus.LATE
        )


class PlanEvent(TimelineEvent):
    """The plan's timeline: one append-only row per state change (written by events.record)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="events")
    task = models.ForeignKey(PlanTask, null=True, blank=True, on_delete=models.CASCADE)
    kind = models.CharField(max_length=16, choices=PlanEventKind.choices)

    class Meta(TimelineEvent.Meta):
        indexes = [models.Index(fields=["plan", "-created_at"])]


class PlanVersion(models.Model):
    """A snapshot of the plan's content each time it is saved: versions are kept."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} v{self.number}"
