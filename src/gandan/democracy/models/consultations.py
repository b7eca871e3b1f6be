"""Consultation (lấy ý kiến): staff, or parents, comment on a draft before the head decides.

Luật 10/2022/QH15, Điều 53–55. A `Consultation` holds the draft in numbered `DraftVersion`s,
each split into `DraftParagraph`s that people comment on. At the end the head answers every
`Comment` (tiếp thu, tiếp thu một phần, không tiếp thu, always with the reason) and publishes the
summary, which is issued as an official report and recorded as a staff disclosure (Điều 46 k10).
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimeStampedModel


class ConsultationSubject(models.TextChoices):
    # Luật 10/2022/QH15, Điều 53: what staff give opinions on before the head decides.
    ANNUAL_PLAN = "annual_plan", _("Kế hoạch công tác năm")  # k2
    EMULATION = "emulation", _("Phong trào thi đua")  # k3
    REPORT = "report", _("Báo cáo sơ kết, tổng kết")  # k4
    STAFF_PLANS = "staff_plans", _("Kế hoạch tuyển dụng, đào tạo, bồi dưỡng cán bộ")  # k6
    STAFF_POLICY = "staff_policy", _("Chế độ, chính sách liên quan đến quyền lợi của cán bộ")  # k7
    DEMOCRACY_RULES = "democracy_rules", _("Dự thảo quy chế thực hiện dân chủ")  # k8
    SPENDING_RULES = "spending_rules", _("Dự thảo quy chế chi tiêu nội bộ")  # k9
    OTHER_RULES = "other_rules", _("Dự thảo nội quy, quy chế nội bộ khác")  # k10
    OTHER = "other", _("Nội dung khác")  # k1, k5, k11


class ConsultationAudience(models.TextChoices):
    STAFF = "staff", _("Cán bộ, viên chức, người lao động")
    # Parents take part through their representatives on the parents' board (Luật Giáo dục
    # Điều 92), who hold accounts in the school's tree.
    PARENTS = "parents", _("Cha mẹ học sinh (qua Ban đại diện cha mẹ học sinh)")


class ConsultationStatus(models.TextChoices):
    OPEN = "open", _("Đang lấy ý kiến")
    CLOSED = "closed", _("Đã kết thúc, đang tiếp thu, giải trình")
    PUBLISHED = "published", _("Đã công khai kết quả tiếp thu, giải trình")


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("Tiếp thu")
    PARTLY = "partly", _("Tiếp thu một phần")
    NOT_ACCEPTED = "not_accepted", _("Không tiếp thu")


class Consultation(TimeStampedModel):
    """One draft put to staff or parents, with a deadline for opinions."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    title = models.CharField(_("Tên dự thảo"), max_length=300)
    subject = models.CharField(
        _("Nội dung lấy ý kiến"), max_length=32, choices=ConsultationSubject.choices
    )
    audience = models.CharField(
        _("Lấy ý kiến của"), max_length=16, choices=ConsultationAudience.choices
    )
    description = models.TextField(_("Mục đích, cách thức lấy ý kiến"), blank=True)
    opens_on = models.DateField(_("Bắt đầu lấy ý kiến"))
    deadline = models.DateField(_("Hạn góp ý (hết ngày)"), db_index=True)
    allow_anonymous = models.BooleanField(_("Cho phép góp ý ẩn tên với đồng nghiệp"), default=False)
    status = models.CharField(
        _("Trạng thái"),
        max_length=16,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.OPEN,
    )
    closed_at = models.DateTimeField(_("Kết thúc lúc"), null=True, blank=True)
    published_at = models.DateTimeField(_("Công khai lúc"), null=True, blank=True)
    summary_document = models.OneToOneField(
        "paperwork.OutgoingDocument",
        verbose_name=_("Báo cáo tổng hợp ý kiến"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    disclosure = models.OneToOneField(
        "democracy.DisclosureItem",
        verbose_name=_("Nội dung công khai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("cuộc lấy ý kiến")
        verbose_name_plural = _("cuộc lấy ý kiến")
        ordering = ["-opens_on", "-created_at"]
        indexes = [models.Index(fields=["organisation", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opens_on")),
                name="consultation_deadline_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def is_accepting(self, today: dt.date) -> bool:
        """Comments are taken from the opening day to the end of the deadline day."""
        return self.status == ConsultationStatus.OPEN and self.opens_on <= today <= self.deadline

    def current_version(self) -> "DraftVersion":
        """The latest wording (a consultation opens with its first)."""
        return self.versions.latest("number")


class DraftVersion(models.Model):
    """One wording of the draft; a revision adds a version and keeps the old ones."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("Lần"))
    note = models.TextField(_("Nội dung chỉnh sửa"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["consultation", "number"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="draft_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.consultation_id} v{self.number}"


class DraftParagraph(models.Model):
    """A paragraph of one version: the unit people comment on."""

    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="paragraphs")
    order = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["version", "order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "order"], name="draft_paragraph_order")
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Comment(models.Model):
    """An opinion on a paragraph (or on the whole draft), and the head's answer to it.

    The author is always stored (one person, their own opinions); when they chose to comment
    without their name, only they and the head see it (see access.can_see_author).
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="comments"
    )
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="comments")
    paragraph = models.ForeignKey(
        DraftParagraph,
        verbose_name=_("Đoạn dự thảo"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="consultation_comments"
    )
    is_anonymous = models.BooleanField(_("Ẩn tên với đồng nghiệp"), default=False)
    text = models.TextField(_("Ý kiến"))
    created_at = models.DateTimeField(_("Gửi lúc"))
    decision = models.CharField(
        _("Tiếp thu"), max_length=16, choices=Decision.choices, blank=True, default=""
    )
    reason = models.TextField(_("Lý do, giải trình"), blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responded_at = models.DateTimeField(_("Trả lời lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("ý kiến góp ý")
        verbose_name_plural = _("ý kiến góp ý")
        ordering = ["consultation", "created_at", "pk"]
        indexes = [models.Index(fields=["consultation", "decision"])]
        constraints = [
            # Luật 10/2022/QH15, Điều 55: every answer explains itself (tiếp thu, giải trình).
            models.CheckConstraint(
                condition=Q(decision="") | ~Q(reason=""), name="comment_answer_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_answered(self) -> bool:
        return bool(self.decision)
