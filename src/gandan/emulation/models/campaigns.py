"""A "Dân vận khéo" campaign, its criteria and the council that reviews it."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimeStampedModel
from gandan.emulation import criteria


class CampaignStatus(models.TextChoices):
    # LAW.md §9: registration at the start of the year, implementation through it, review at
    # year end. The order of the values is the order of the phases.
    REGISTRATION = "registration", _("Đang nhận đăng ký")
    IMPLEMENTATION = "implementation", _("Đang triển khai")
    REVIEW = "review", _("Đang đánh giá cuối năm")
    CLOSED = "closed", _("Đã tổng kết")


CAMPAIGN_PHASES = list(CampaignStatus.values)


class Campaign(TimeStampedModel):
    """One year's (or one theme's) movement at a school."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        related_name="emulation_campaigns",
    )
    title = models.CharField(_("Tên phong trào"), max_length=300)
    year_label = models.CharField(
        _("Năm học, năm hoặc chủ đề"), max_length=100, help_text=_("Ví dụ: năm học 2025–2026.")
    )
    theme = models.TextField(_("Chủ đề, nội dung trọng tâm"), blank=True)
    starts_on = models.DateField(_("Bắt đầu"))
    ends_on = models.DateField(_("Kết thúc"))
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("Kế hoạch thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="emulation_campaigns",
    )
    status = models.CharField(
        _("Giai đoạn"),
        max_length=16,
        choices=CampaignStatus.choices,
        default=CampaignStatus.REGISTRATION,
    )
    shortlist_ballot = models.OneToOneField(
        "democracy.Ballot",
        verbose_name=_("Bỏ phiếu kín chọn danh sách đề nghị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="emulation_shortlist_of",
    )
    minutes = models.OneToOneField(
        "paperwork.OutgoingDocument",
        verbose_name=_("Biên bản họp Hội đồng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="emulation_minutes_of",
    )
    review_concluded_at = models.DateTimeField(_("Hội đồng kết luận lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("phong trào “Dân vận khéo”")
        verbose_name_plural = _("phong trào “Dân vận khéo”")
        ordering = ["-starts_on", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "title"], name="emulation_campaign_title_unique"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")), name="emulation_campaign_dates"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_reviewed(self) -> bool:
        return self.review_concluded_at is not None

    def phase_index(self) -> int:
        return CAMPAIGN_PHASES.index(self.status)


class CriterionKind(models.TextChoices):
    COLLECTIVE = criteria.COLLECTIVE, _("Tiêu chí đối với tập thể")
    INDIVIDUAL = criteria.INDIVIDUAL, _("Tiêu chí đối với cá nhân")


class Criterion(models.Model):
    """One line of the scoring sheet. Collective registrations are scored on the collective
    criteria, individual ones on the individual criteria."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="criteria")
    kind = models.CharField(_("Áp dụng cho"), max_length=16, choices=CriterionKind.choices)
    order = models.PositiveSmallIntegerField(_("Thứ tự"))
    text = models.CharField(_("Tiêu chí"), max_length=500)
    max_points = models.PositiveSmallIntegerField(_("Điểm tối đa"))

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["campaign", "kind", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "kind", "order"], name="emulation_criterion_order"
            ),
            models.CheckConstraint(
                condition=Q(max_points__gte=1), name="emulation_criterion_max_points"
            ),
        ]

    def __str__(self) -> str:
        return self.text


class CouncilRole(models.TextChoices):
    CHAIR = "chair", _("Chủ tịch Hội đồng")
    SECRETARY = "secretary", _("Thư ký")
    MEMBER = "member", _("Thành viên")


class CouncilMember(models.Model):
    """A seat on the campaign's review council (Hội đồng xét công nhận)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="council")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("Vai trò"), max_length=16, choices=CouncilRole.choices)

    class Meta:
        verbose_name = _("thành viên Hội đồng")
        verbose_name_plural = _("thành viên Hội đồng")
        ordering = ["campaign", "role", "user__sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "user"], name="emulation_council_once"),
            models.UniqueConstraint(
                fields=["campaign"],
                condition=Q(role="chair"),
                name="emulation_council_one_chair",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}"
