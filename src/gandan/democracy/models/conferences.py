"""The staff conference (hội nghị cán bộ, viên chức, người lao động), Luật 10/2022/QH15 Điều 51–52.

A `Conference` is convened by the head with the union; its `Attendee` rows are everyone summoned
and whether they came (the quorum reads them); its `AgendaItem`s follow the order of business of
Điều 51 k4, each with notes and `AgendaDocument`s; votes are `Ballot`s linked to an agenda item.
Closing it issues the minutes and the resolution, and schedules the `ResolutionCheck`s of
Điều 52 (every six months).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimeStampedModel


class ConferenceKind(models.TextChoices):
    # Luật 10/2022/QH15, Điều 51 k1: once a year; an extraordinary one when the union, the head
    # or at least a third of the staff propose it.
    ANNUAL = "annual", _("Hội nghị thường niên")
    EXTRAORDINARY = "extraordinary", _("Hội nghị bất thường")


class ConferenceStatus(models.TextChoices):
    CONVENED = "convened", _("Đã triệu tập")
    IN_SESSION = "in_session", _("Đang họp")
    CLOSED = "closed", _("Đã bế mạc")


class AgendaKind(models.TextChoices):
    """Luật 10/2022/QH15, Điều 51 k4: the order of business, points a) to i)."""

    HEAD_REPORT = "head_report", _("Báo cáo của thủ trưởng đơn vị")
    UNION_REPORT = "union_report", _("Báo cáo của Ban Chấp hành Công đoàn")
    DISCUSSION = "discussion", _("Thảo luận")
    ANSWERS = "answers", _("Thủ trưởng và Chủ tịch Công đoàn tiếp thu, giải đáp ý kiến")
    BOARD_REPORT = "board_report", _("Báo cáo của Ban Thanh tra nhân dân")
    DECISIONS = "decisions", _("Biểu quyết các nội dung thuộc Điều 49")
    AWARDS = "awards", _("Khen thưởng, phát động thi đua")
    PLEDGE = "pledge", _("Ký giao ước thi đua")
    RESOLUTION = "resolution", _("Thông qua nghị quyết hội nghị")


# (kind, point of Điều 51 k4, the title printed on the agenda and in the minutes)
ORDER_OF_BUSINESS = [
    (
        AgendaKind.HEAD_REPORT,
        "a",
        "Thủ trưởng đơn vị báo cáo kết quả thực hiện nhiệm vụ năm trước, phương hướng nhiệm "
        "vụ năm sau; báo cáo việc thực hiện nghị quyết hội nghị năm trước",
    ),
    (
        AgendaKind.UNION_REPORT,
        "b",
        "Ban Chấp hành Công đoàn báo cáo việc thực hiện nghị quyết hội nghị, quy chế thực hiện "
        "dân chủ và kết quả giám sát",
    ),
    (AgendaKind.DISCUSSION, "c", "Cán bộ, viên chức, người lao động thảo luận"),
    (
        AgendaKind.ANSWERS,
        "d",
        "Thủ trưởng đơn vị và Chủ tịch Công đoàn tiếp thu, giải đáp ý kiến; biện pháp cải "
        "thiện điều kiện làm việc và kế hoạch năm sau",
    ),
    (
        AgendaKind.BOARD_REPORT,
        "đ",
        "Ban Thanh tra nhân dân báo cáo kết quả hoạt động và chương trình hoạt động",
    ),
    (AgendaKind.DECISIONS, "e", "Biểu quyết các nội dung thuộc thẩm quyền quyết định của hội nghị"),
    (AgendaKind.AWARDS, "g", "Khen thưởng và phát động phong trào thi đua"),
    (AgendaKind.PLEDGE, "h", "Ký giao ước thi đua giữa thủ trưởng đơn vị và Chủ tịch Công đoàn"),
    (AgendaKind.RESOLUTION, "i", "Thông qua nghị quyết hội nghị"),
]


class Conference(TimeStampedModel):
    """One staff conference, from its convening to its minutes and resolution."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        related_name="conferences",
    )
    kind = models.CharField(_("Loại hội nghị"), max_length=16, choices=ConferenceKind.choices)
    work_year_label = models.CharField(
        _("Năm công tác"), max_length=64, help_text="năm học 2025–2026"
    )
    work_year_ends = models.DateField(_("Ngày kết thúc năm công tác"), null=True, blank=True)
    due_by = models.DateField(_("Hạn tổ chức (Điều 51)"), null=True, blank=True, db_index=True)
    held_on = models.DateField(_("Ngày họp"))
    starts_at = models.TimeField(_("Giờ bắt đầu"), null=True, blank=True)
    place = models.CharField(_("Địa điểm"), max_length=255)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Chủ trì (thủ trưởng)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    union_chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Chủ tịch Công đoàn (phối hợp tổ chức)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Thư ký hội nghị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("Trạng thái"),
        max_length=16,
        choices=ConferenceStatus.choices,
        default=ConferenceStatus.CONVENED,
    )
    opened_at = models.DateTimeField(_("Khai mạc lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("Bế mạc lúc"), null=True, blank=True)
    summoned_count = models.PositiveIntegerField(_("Số người được triệu tập"), default=0)
    # The points of the resolution put to the vote under point i), one per line.
    resolution_points = models.JSONField(_("Nội dung nghị quyết"), default=list, blank=True)
    minutes_document = models.OneToOneField(
        "paperwork.OutgoingDocument",
        verbose_name=_("Biên bản hội nghị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    resolution_document = models.OneToOneField(
        "paperwork.OutgoingDocument",
        verbose_name=_("Nghị quyết hội nghị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    resolution_disclosure = models.OneToOneField(
        "democracy.DisclosureItem",
        verbose_name=_("Công khai nghị quyết"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("hội nghị cán bộ, viên chức, người lao động")
        verbose_name_plural = _("hội nghị cán bộ, viên chức, người lao động")
        ordering = ["-held_on", "-created_at"]
        indexes = [models.Index(fields=["organisation", "-held_on"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="annual") | Q(work_year_ends__isnull=False, due_by__isnull=False),
                name="conference_annual_has_due_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        # Stored records are Vietnamese (ADR 1): the name prints in minutes and resolutions.
        if self.kind == ConferenceKind.EXTRAORDINARY:
            return f"Hội nghị bất thường cán bộ, viên chức, người lao động {self.work_year_label}"
        return f"Hội nghị cán bộ, viên chức, người lao động {self.work_year_label}"

    @property
    def is_held_late(self) -> bool:
        """Held after the Điều 51 k1 limit (three months into the next work year)."""
        return self.due_by is not None and self.held_on > self.due_by


class Attendee(models.Model):
    """A person summoned to the conference; `present` is None until attendance is taken."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="attendees")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    present = models.BooleanField(_("Có mặt"), null=True)
    absence_reason = models.CharField(_("Lý do vắng mặt"), max_length=255, blank=True)

    class Meta:
        ordering = ["conference", "user__sort_key"]
        constraints = [models.UniqueConstraint(fields=["conference", "user"], name="attendee_once")]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.conference_id}"


class AgendaItem(models.Model):
    """One point of the order of business, with what was said and decided."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveSmallIntegerField()
    kind = models.CharField(_("Nội dung"), max_length=16, choices=AgendaKind.choices)
    title = models.CharField(_("Tiêu đề"), max_length=300)
    presenter = models.CharField(_("Người trình bày"), max_length=255, blank=True)
    notes = models.TextField(_("Diễn biến, kết luận"), blank=True)

    class Meta:
        ordering = ["conference", "order"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "order"], name="agenda_item_order")
        ]

    def __str__(self) -> str:
        return self.title


def agenda_file_path(instance: "AgendaDocument", filename: str) -> str:
    # Random stored names: the original name is never used as a path.
    return f"conferences/{instance.item.conference.organisation_id}/{uuid.uuid4().hex}"


class AgendaDocument(models.Model):
    """A document attached to an agenda item (a report, a draft, the pledge)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to=agenda_file_path)
    name = models.CharField(_("Tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "created_at"]

    def __str__(self) -> str:
        return self.name


class ResolutionCheck(models.Model):
    """Luật 10/2022/QH15, Điều 52: every six months the head and the union check and evaluate
    how the resolution is carried out, and tell all staff."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="checks")
    due_on = models.DateField(_("Hạn kiểm tra"), db_index=True)
    due_rule = models.CharField(_("Cách tính hạn"), max_length=200, blank=True)
    done_on = models.DateField(_("Ngày kiểm tra"), null=True, blank=True)
    findings = models.TextField(_("Kết quả kiểm tra, đánh giá"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("kiểm tra thực hiện nghị quyết")
        verbose_name_plural = _("kiểm tra thực hiện nghị quyết")
        ordering = ["conference", "due_on"]

    def __str__(self) -> str:
        return f"{self.conference_id}: {self.due_on}"

    def is_overdue(self, today) -> bool:
        return self.done_on is None and self.due_on < today
