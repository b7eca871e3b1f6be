"""The inspection board (Ban Thanh tra nhân dân): Luật 10/2022/QH15 Điều 60–63 and
Nghị định 59/2023/NĐ-CP Điều 20–22.

A `BoardTerm` is what a conference elected (3 to 9 `BoardMember`s for two years, more where the
school's `BoardUnitProfile` records dispersed places or a special nature); the members
also hold the orgs role "inspection_board" in the school's board unit, dated to the term, so that
every access predicate sees them. The board keeps a `Programme` per quarter, half-year or year,
runs `Inspection`s announced at least five working days ahead, and follows up each
`Recommendation` until the head has answered it and the board has checked the answer.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimeStampedModel


class BoardUnitProfile(TimeStampedModel):
    """What the school records about itself for its board: whether it is organised in
    dispersed places or is of a special nature, so that more than nine members may be elected
    (Luật 10/2022/QH15, Điều 60), with the reason."""

    organisation = models.OneToOneField(
        "orgs.Organisation",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        related_name="board_profile",
    )
    dispersed_or_special = models.BooleanField(
        _("Đơn vị có tổ chức phân tán hoặc có tính chất đặc thù"), default=False
    )
    basis = models.CharField(
        _("Căn cứ (điểm trường, tính chất đặc thù)"),
        max_length=255,
        blank=True,
        help_text="Trường có 3 điểm trường cách xa nhau",
    )

    class Meta:
        verbose_name = _("đặc điểm đơn vị (Ban Thanh tra nhân dân)")
        verbose_name_plural = _("đặc điểm đơn vị (Ban Thanh tra nhân dân)")
        ordering = ["organisation"]

    def __str__(self) -> str:
        return str(self.organisation)


class BoardTerm(TimeStampedModel):
    """One term of the board, from the conference's election (Luật 10/2022/QH15, Điều 60 k3)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="board_terms"
    )
    unit = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Ban Thanh tra nhân dân"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    conference = models.ForeignKey(
        "democracy.Conference",
        verbose_name=_("Hội nghị bầu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="board_terms",
    )
    ballot = models.OneToOneField(
        "democracy.Ballot",
        verbose_name=_("Cuộc bầu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="board_term",
    )
    starts_on = models.DateField(_("Bắt đầu nhiệm kỳ"))
    ends_on = models.DateField(_("Kết thúc nhiệm kỳ"), db_index=True)
    dispersed_or_special = models.BooleanField(
        _("Đơn vị có tổ chức phân tán hoặc có tính chất đặc thù (khi bầu)"), default=False
    )
    recognition_due = models.DateField(_("Hạn Công đoàn công nhận kết quả bầu"))
    recognised_on = models.DateField(_("Công đoàn công nhận ngày"), null=True, blank=True)
    recognised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("nhiệm kỳ Ban Thanh tra nhân dân")
        verbose_name_plural = _("nhiệm kỳ Ban Thanh tra nhân dân")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")), name="board_term_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_on:%Y}–{self.ends_on:%Y}"

    def is_current(self, today) -> bool:
        return self.starts_on <= today <= self.ends_on


class BoardPosition(models.TextChoices):
    # Nghị định 59/2023/NĐ-CP, Điều 21 k3: a head, deputies (at most two when the board has
    # nine members or more), members.
    HEAD = "head", _("Trưởng ban")
    DEPUTY = "deputy", _("Phó trưởng ban")
    MEMBER = "member", _("Ủy viên")


class BoardMember(models.Model):
    term = models.ForeignKey(BoardTerm, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    position = models.CharField(_("Chức danh"), max_length=16, choices=BoardPosition.choices)

    class Meta:
        ordering = ["term", "position", "user__sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["term", "user"], name="board_member_once"),
            models.UniqueConstraint(
                fields=["term"], condition=Q(position="head"), name="board_one_head"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} ({self.position})"


class ProgrammePeriod(models.TextChoices):
    # Luật 10/2022/QH15, Điều 62 k2; NĐ 59/2023, Điều 22 k1: quarterly, half-yearly, yearly.
    QUARTER = "quarter", _("Quý")
    HALF_YEAR = "half_year", _("6 tháng")
    YEAR = "year", _("Năm")


class Programme(models.Model):
    """The board's programme of work for a period, reported to the union."""

    term = models.ForeignKey(BoardTerm, on_delete=models.CASCADE, related_name="programmes")
    period = models.CharField(_("Kỳ"), max_length=16, choices=ProgrammePeriod.choices)
    label = models.CharField(_("Tên kỳ"), max_length=64, help_text="Quý I năm 2027")
    starts_on = models.DateField(_("Từ ngày"))
    ends_on = models.DateField(_("Đến ngày"))
    content = models.TextField(_("Nội dung chương trình"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["term", "starts_on", "period"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="programme_dates_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.label


class InspectionStatus(models.TextChoices):
    NOTIFIED = "notified", _("Đã thông báo, chờ kiểm tra")
    DONE = "done", _("Đã kết thúc, có kết luận")


class Inspection(TimeStampedModel):
    """One check by the board, announced to its object ahead of time."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    term = models.ForeignKey(BoardTerm, on_delete=models.PROTECT, related_name="inspections")
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("Thuộc chương trình"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inspections",
    )
    subject = models.CharField(_("Nội dung kiểm tra, giám sát"), max_length=300)
    target = models.CharField(_("Đối tượng, bộ phận được kiểm tra"), max_length=255)
    requested_by = models.CharField(_("Theo đề nghị của (nếu có)"), max_length=255, blank=True)
    notified_on = models.DateField(_("Ngày thông báo"))
    starts_on = models.DateField(_("Ngày bắt đầu kiểm tra"), db_index=True)
    earliest_start = models.DateField(_("Ngày sớm nhất được kiểm tra"))
    status = models.CharField(
        _("Trạng thái"),
        max_length=16,
        choices=InspectionStatus.choices,
        default=InspectionStatus.NOTIFIED,
    )
    findings = models.TextField(_("Kết quả kiểm tra"), blank=True)
    concluded_on = models.DateField(_("Ngày kết luận"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("cuộc kiểm tra của Ban Thanh tra nhân dân")
        verbose_name_plural = _("cuộc kiểm tra của Ban Thanh tra nhân dân")
        ordering = ["-starts_on", "-created_at"]
        constraints = [
            # NĐ 59/2023/NĐ-CP, Điều 22 k1: the object is told at least 05 working days ahead.
            models.CheckConstraint(
                condition=Q(starts_on__gte=models.F("earliest_start")),
                name="inspection_notice_period",
            ),
        ]

    def __str__(self) -> str:
        return self.subject


class RecommendationStatus(models.TextChoices):
    OPEN = "open", _("Chờ thủ trưởng trả lời")
    ANSWERED = "answered", _("Thủ trưởng đã trả lời, Ban đang theo dõi")
    CLOSED = "closed", _("Ban đã kết thúc theo dõi")


class RecommendationQuerySet(models.QuerySet["Recommendation"]):
    def awaiting_answer(self) -> "RecommendationQuerySet":
        return self.filter(status=RecommendationStatus.OPEN)

    def overdue(self, today: dt.date) -> "RecommendationQuerySet":
        """Unanswered after the last day to answer (Luật 10/2022/QH15, Điều 63 k1c)."""
        return self.awaiting_answer().filter(answer_due__lt=today)


class Recommendation(models.Model):
    """A recommendation from an inspection (Luật 10/2022/QH15, Điều 61), the head's answer, and
    the board's follow-up of that answer. The last day to answer is stored when the head
    receives it (Điều 63 k1c: 15 days)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="recommendations"
    )
    order = models.PositiveSmallIntegerField()
    text = models.TextField(_("Kiến nghị"))
    status = models.CharField(
        _("Tình trạng"),
        max_length=16,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.OPEN,
    )
    received_on = models.DateField(_("Ngày thủ trưởng nhận kiến nghị"), null=True, blank=True)
    answer_due = models.DateField(_("Hạn trả lời kiến nghị"), null=True, blank=True, db_index=True)
    answer_rule = models.CharField(_("Cách tính hạn trả lời"), max_length=200, blank=True)
    answer = models.TextField(_("Trả lời của thủ trưởng"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_on = models.DateField(_("Ngày trả lời"), null=True, blank=True)
    implemented = models.BooleanField(_("Đã được thực hiện"), null=True)
    follow_up = models.TextField(_("Kết quả theo dõi của Ban"), blank=True)
    followed_up_on = models.DateField(_("Ngày theo dõi"), null=True, blank=True)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["inspection", "order"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "order"], name="recommendation_order"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def is_overdue(self, today: dt.date) -> bool:
        """Still unanswered after its last day ("Quá hạn")."""
        return (
            self.status == RecommendationStatus.OPEN
            and self.answer_due is not None
            and today > self.answer_due
        )

    def answered_late(self) -> bool:
        return (
            self.answered_on is not None
            and self.answer_due is not None
            and self.answered_on > self.answer_due
        )
