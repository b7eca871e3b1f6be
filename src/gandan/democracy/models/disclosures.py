"""Disclosure (công khai): what the head must make known, to whom, how, by when, for how long.

`DisclosureObligation` is the register of duties, seeded from LAW.md §2 (Luật 10/2022/QH15
Điều 46–48) and §3 (Thông tư 09/2024/TT-BGDĐT) and versioned by `valid_from`/`valid_to`;
administrators correct rows in the admin. `DisclosureItem` is one thing a school disclosed (or
must disclose): the due date is computed once by `gandan.democracy.deadlines` and stored.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimeStampedModel


class Audience(models.TextChoices):
    STAFF = "staff", _("Cán bộ, viên chức, người lao động trong đơn vị")
    PUBLIC = "public", _("Người học, cha mẹ học sinh và xã hội")


class PublicGroup(models.TextChoices):
    """The groups of Thông tư 09/2024/TT-BGDĐT for a general-education school (LAW.md §3)."""

    GENERAL = "general", _("Thông tin chung")  # Điều 4
    FINANCE = "finance", _("Thu, chi tài chính")  # Điều 5
    QUALITY = "quality", _("Điều kiện bảo đảm chất lượng hoạt động giáo dục")  # Điều 8
    PLAN_RESULTS = "plan_results", _("Kế hoạch và kết quả hoạt động giáo dục")  # Điều 9


PUBLIC_GROUP_ARTICLES: dict[str, str] = {
    PublicGroup.GENERAL: "Điều 4",
    PublicGroup.FINANCE: "Điều 5",
    PublicGroup.QUALITY: "Điều 8",
    PublicGroup.PLAN_RESULTS: "Điều 9",
}


class Channel(models.TextChoices):
    # Luật 10/2022/QH15 Điều 47 k1 (staff); Thông tư 09/2024 Điều 14 (public).
    NOTICE_BOARD = "notice_board", _("Niêm yết tại trụ sở, nơi làm việc")
    INTRANET = "intranet", _("Hệ thống thông tin nội bộ, trang điện tử của đơn vị")
    CONFERENCE = "conference", _("Công bố tại hội nghị cán bộ, viên chức, người lao động")
    WRITTEN_NOTICE = "written_notice", _("Thông báo bằng văn bản đến toàn thể cán bộ")
    SUB_UNIT_HEADS = "sub_unit_heads", _("Thông qua người đứng đầu các bộ phận")
    PARTY_AND_UNION = "party_and_union", _("Văn bản gửi chi bộ và Ban Chấp hành Công đoàn")
    PORTAL = "portal", _("Cổng thông tin điện tử của nhà trường")
    ANNUAL_REPORT = "annual_report", _("Báo cáo thường niên")
    PARENTS_MEETING = "parents_meeting", _("Họp cha mẹ học sinh")


class Timing(models.TextChoices):
    ON_DECISION = "on_decision", _("Trong thời hạn kể từ ngày có quyết định, văn bản")
    ANNUAL = "annual", _("Hằng năm trước hạn cố định; cập nhật khi có thay đổi")


class Confidence(models.TextChoices):
    SOURCE = "source", _("Đã đối chiếu văn bản")
    SECONDARY = "secondary", _("Theo nguồn thứ cấp, cần đối chiếu")
    INFERENCE = "inference", _("Suy luận, cần xác minh")


class ObligationQuerySet(models.QuerySet["DisclosureObligation"]):
    def in_force(self, on: dt.date) -> "ObligationQuerySet":
        return self.filter(is_active=True, valid_from__lte=on).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )


class DisclosureObligation(TimeStampedModel):
    """One content group the head must disclose, with its legal basis and time rules."""

    code = models.SlugField(_("Mã"), max_length=64, unique=True)
    audience = models.CharField(_("Đối tượng"), max_length=16, choices=Audience.choices)
    public_group = models.CharField(
        _("Nhóm (Thông tư 09/2024)"), max_length=16, choices=PublicGroup.choices, blank=True
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    title = models.CharField(_("Nội dung phải công khai"), max_length=300)
    description = models.TextField(_("Chi tiết"), blank=True)
    legal_basis = models.CharField(_("Căn cứ"), max_length=300)
    channels = models.JSONField(_("Hình thức công khai"), default=list, blank=True)
    timing = models.CharField(_("Thời điểm"), max_length=16, choices=Timing.choices)
    deadline_working_days = models.PositiveSmallIntegerField(
        _("Thời hạn (ngày làm việc kể từ quyết định hoặc thay đổi)")
    )
    annual_due_month = models.PositiveSmallIntegerField(
        _("Hạn hằng năm: tháng"), null=True, blank=True
    )
    annual_due_day = models.PositiveSmallIntegerField(
        _("Hạn hằng năm: ngày"), null=True, blank=True
    )
    min_posting_days = models.PositiveSmallIntegerField(
        _("Thời gian niêm yết tối thiểu (ngày liên tục)"), null=True, blank=True
    )
    valid_from = models.DateField(_("Áp dụng từ ngày"))
    valid_to = models.DateField(_("Áp dụng đến ngày"), null=True, blank=True)
    confidence = models.CharField(
        _("Độ tin cậy"), max_length=16, choices=Confidence.choices, default=Confidence.SOURCE
    )
    is_active = models.BooleanField(_("Đang áp dụng"), default=True)

    objects = ObligationQuerySet.as_manager()

    class Meta:
        verbose_name = _("nội dung phải công khai")
        verbose_name_plural = _("danh mục nội dung phải công khai")
        ordering = ["audience", "order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(timing="on_decision")
                | Q(annual_due_month__isnull=False, annual_due_day__isnull=False),
                name="obligation_annual_has_due_day",
            ),
            models.CheckConstraint(
                condition=Q(audience="staff") | ~Q(public_group=""),
                name="obligation_public_has_group",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def annual_due_date(self, year: int) -> dt.date | None:
        month, day = self.annual_due_month, self.annual_due_day
        if self.timing != Timing.ANNUAL or month is None or day is None:
            return None
        return dt.date(year, month, day)

    def channel_labels(self) -> list[str]:
        labels = dict(Channel.choices)
        return [str(labels.get(value, value)) for value in self.channels]


def disclosure_file_path(instance: "DisclosureItem", filename: str) -> str:
    # Random stored names: the original name is never used as a path.
    return f"disclosures/{instance.organisation_id}/{uuid.uuid4().hex}"


class DisclosureItemQuerySet(models.QuerySet["DisclosureItem"]):
    def published(self) -> "DisclosureItemQuerySet":
        return self.filter(published_on__isnull=False, withdrawn=False)

    def on_display(self, today: dt.date) -> "DisclosureItemQuerySet":
        return (
            self.published()
            .filter(published_on__lte=today)
            .filter(Q(taken_down_on__isnull=True) | Q(taken_down_on__gt=today))
        )


class DisclosureItem(TimeStampedModel):
    """A document or text a school disclosed, or an underlying decision awaiting disclosure."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        related_name="disclosures",
    )
    obligation = models.ForeignKey(
        DisclosureObligation,
        verbose_name=_("Nội dung phải công khai"),
        on_delete=models.PROTECT,
        related_name="items",
    )
    title = models.CharField(_("Tiêu đề"), max_length=300)
    body = models.TextField(_("Nội dung"), blank=True)
    decision_reference = models.CharField(
        _("Số, ký hiệu văn bản gốc"), max_length=100, blank=True, help_text="05/QĐ-THTT"
    )
    decision_date = models.DateField(
        _("Ngày ban hành quyết định, văn bản (hoặc ngày thông tin thay đổi)"), null=True, blank=True
    )
    year = models.PositiveSmallIntegerField(_("Năm công khai"), null=True, blank=True)
    is_update = models.BooleanField(_("Cập nhật thông tin thay đổi"), default=False)
    due_date = models.DateField(_("Hạn công khai"), db_index=True)
    due_rule = models.CharField(_("Cách tính hạn"), max_length=200, blank=True)
    document = models.FileField(_("Tệp văn bản"), upload_to=disclosure_file_path, blank=True)
    document_name = models.CharField(max_length=255, blank=True)
    document_type = models.CharField(max_length=100, blank=True)
    published_on = models.DateField(_("Ngày công khai"), null=True, blank=True)
    channels = models.JSONField(_("Hình thức đã công khai"), default=list, blank=True)
    proof_url = models.URLField(_("Đường dẫn trên cổng thông tin"), blank=True)
    proof_photo = models.FileField(
        _("Ảnh chụp bảng tin"), upload_to=disclosure_file_path, blank=True
    )
    proof_photo_type = models.CharField(max_length=100, blank=True)
    taken_down_on = models.DateField(_("Ngày gỡ xuống"), null=True, blank=True)
    withdrawn = models.BooleanField(_("Đã thu hồi"), default=False)
    withdrawn_reason = models.TextField(_("Lý do thu hồi"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = DisclosureItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("nội dung công khai")
        verbose_name_plural = _("nội dung công khai")
        ordering = ["-due_date", "-created_at"]
        indexes = [models.Index(fields=["organisation", "obligation", "year"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(taken_down_on__isnull=True)
                | Q(published_on__isnull=False, taken_down_on__gte=models.F("published_on")),
                name="disclosure_taken_down_after_published",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def audience(self) -> str:
        return self.obligation.audience

    @property
    def is_published(self) -> bool:
        return self.published_on is not None and not self.withdrawn

    @property
    def recorded_late(self) -> bool:
        """Recorded in the register only after its due date had passed: the due date belongs to
        the decision (or the year), so the item is honestly late, but the lateness began
        before anyone here knew of it, and the register says so."""
        return self.created_at is not None and timezone.localdate(self.created_at) > self.due_date

    @property
    def has_content(self) -> bool:
        """Something a reader can read: a text or an attached document."""
        return bool(self.body.strip() or self.document)

    def channel_labels(self) -> list[str]:
        labels = dict(Channel.choices)
        return [str(labels.get(value, value)) for value in self.channels]


class Acknowledgement(models.Model):
    """A staff member confirms having read a staff disclosure."""

    item = models.ForeignKey(
        DisclosureItem, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    acknowledged_at = models.DateTimeField(_("Xác nhận lúc"))

    class Meta:
        verbose_name = _("xác nhận đã đọc")
        verbose_name_plural = _("xác nhận đã đọc")
        ordering = ["item", "acknowledged_at"]
        constraints = [
            models.UniqueConstraint(fields=["item", "user"], name="acknowledgement_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.item_id}"


class RequestReason(models.TextChoices):
    # Luật 10/2022/QH15 Điều 48 k4: the three cases in which staff may ask the head.
    NOT_DISCLOSED = "not_disclosed", _("Thông tin phải công khai nhưng chưa được công khai")
    PERIOD_ENDED = "period_ended", _("Thông tin đã hết thời hạn công khai")
    NOT_ACCESSIBLE = "not_accessible", _("Thông tin đã công khai nhưng tôi không tiếp cận được")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Đang chờ trả lời")
    ANSWERED = "answered", _("Đã cung cấp thông tin")
    DECLINED = "declined", _("Từ chối có lý do")


class InformationRequest(TimeStampedModel):
    """A staff member asks for information that should have been disclosed (Điều 48 k4)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="information_requests"
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người yêu cầu"),
        on_delete=models.PROTECT,
        related_name="information_requests",
    )
    obligation = models.ForeignKey(
        DisclosureObligation,
        verbose_name=_("Nội dung phải công khai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    item = models.ForeignKey(
        DisclosureItem,
        verbose_name=_("Nội dung đã công khai liên quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="requests",
    )
    reason = models.CharField(_("Trường hợp"), max_length=16, choices=RequestReason.choices)
    text = models.TextField(_("Thông tin cần cung cấp"))
    status = models.CharField(
        _("Tình trạng"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    answer = models.TextField(_("Trả lời"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(_("Trả lời lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("yêu cầu cung cấp thông tin")
        verbose_name_plural = _("yêu cầu cung cấp thông tin")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return self.text[:80]
