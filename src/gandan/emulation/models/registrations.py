"""Registered models (mô hình) and exemplars (điển hình), their updates, scores and recognition."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import StoredFile, TimeStampedModel
from gandan.emulation.models.campaigns import Campaign, CampaignStatus, Criterion, CriterionKind


class RegistrationKind(models.TextChoices):
    MODEL = "model", _("Mô hình “Dân vận khéo”")
    EXEMPLAR = "exemplar", _("Điển hình “Dân vận khéo”")


class Field(models.TextChoices):
    # LAW.md §9: models and exemplars are registered by field.
    ECONOMY = "economy", _("Kinh tế")
    CULTURE_SOCIETY = "culture_society", _("Văn hóa – xã hội")
    DEFENCE_SECURITY = "defence_security", _("Quốc phòng – an ninh")
    POLITICAL_SYSTEM = "political_system", _("Xây dựng hệ thống chính trị")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Đã đăng ký")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    SUBMITTED = "submitted", _("Đã gửi đánh giá")
    REVIEWED = "reviewed", _("Hội đồng đã đánh giá")
    RECOGNISED = "recognised", _("Được công nhận")
    NOT_RECOGNISED = "not_recognised", _("Không được công nhận")


OPEN_STATUSES = {RegistrationStatus.REGISTERED, RegistrationStatus.IN_PROGRESS}


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def running(self) -> "RegistrationQuerySet":
        """Registrations of campaigns not yet closed."""
        return self.exclude(campaign__status=CampaignStatus.CLOSED)


class Registration(TimeStampedModel):
    """What a unit or a person undertakes to build during the year."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="registrations")
    kind = models.CharField(_("Loại"), max_length=16, choices=RegistrationKind.choices)
    title = models.CharField(_("Tên mô hình, điển hình"), max_length=300)
    registrant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người đăng ký"),
        on_delete=models.PROTECT,
        related_name="emulation_registrations",
    )
    unit = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Đăng ký cho tập thể"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="emulation_registrations",
        help_text=_("Để trống nếu cá nhân đăng ký."),
    )
    field = models.CharField(_("Lĩnh vực"), max_length=32, choices=Field.choices)
    problem = models.TextField(_("Thực trạng, vấn đề cần giải quyết"))
    goals = models.TextField(_("Mục tiêu"))
    mobilisation = models.TextField(_("Cách thức tuyên truyền, vận động"))
    expected_results = models.TextField(_("Kết quả dự kiến"))
    status = models.CharField(
        _("Tình trạng"),
        max_length=16,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.REGISTERED,
    )
    submitted_at = models.DateTimeField(_("Gửi đánh giá lúc"), null=True, blank=True)
    # Written once when the council concludes: the mean of its members' totals.
    council_score = models.DecimalField(
        _("Điểm của Hội đồng"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    max_score = models.PositiveSmallIntegerField(_("Điểm tối đa"), null=True, blank=True)
    scorer_count = models.PositiveSmallIntegerField(_("Số thành viên đã chấm"), default=0)
    ballot_option = models.OneToOneField(
        "democracy.BallotOption",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="emulation_registration",
    )
    shortlisted = models.BooleanField(_("Được Hội đồng bỏ phiếu đề nghị"), null=True, blank=True)
    outcome_note = models.TextField(_("Lý do không công nhận"), blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("đăng ký mô hình, điển hình")
        verbose_name_plural = _("đăng ký mô hình, điển hình")
        ordering = ["campaign", "title"]
        indexes = [models.Index(fields=["campaign", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "title"], name="emulation_registration_title_unique"
            ),
            models.CheckConstraint(
                condition=Q(council_score__isnull=True) | Q(council_score__gte=0),
                name="emulation_registration_score_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def criterion_kind(self) -> str:
        """A collective's registration is scored on the collective criteria (LAW.md §9)."""
        return CriterionKind.COLLECTIVE if self.unit_id else CriterionKind.INDIVIDUAL

    @property
    def registrant_label(self) -> str:
        return self.unit.name if self.unit is not None else self.registrant.full_name

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def score_percent(self) -> int | None:
        if self.council_score is None or not self.max_score:
            return None
        return round(self.council_score * 100 / self.max_score)


class Update(models.Model):
    """An implementation report during the year; append-only."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("Kết quả thực hiện"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.text[:80]


def evidence_path(instance: "Evidence", filename: str) -> str:
    # The stored name is random: the original name is kept in a column, never used as a path.
    organisation_id = instance.update.registration.campaign.organisation_id
    return f"emulation/{organisation_id}/{uuid.uuid4().hex}"


class Evidence(StoredFile):
    """A photo or document attached to an update; served only after a permission check."""

    update = models.ForeignKey(Update, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path)


class Score(models.Model):
    """One council member's points for one criterion of one registration."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="scores")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    points = models.PositiveSmallIntegerField(_("Điểm"))
    comment = models.CharField(_("Nhận xét"), max_length=500, blank=True)
    scored_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["registration", "member__sort_key", "criterion__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "member", "criterion"], name="emulation_score_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member_id} · {self.criterion_id}: {self.points}"


class RecognitionLevel(models.TextChoices):
    RECOGNISED = "recognised", _("Công nhận mô hình, điển hình “Dân vận khéo”")
    SCHOOL_MERIT = "school_merit", _("Công nhận và tặng Giấy khen của Hiệu trưởng")
    UPWARD = "upward", _("Công nhận, tặng Giấy khen và đề nghị cấp trên khen thưởng")


class Recognition(TimeStampedModel):
    """The head's decision on a reviewed registration, and the story told about it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    registration = models.OneToOneField(
        Registration, on_delete=models.PROTECT, related_name="recognition"
    )
    level = models.CharField(_("Hình thức"), max_length=16, choices=RecognitionLevel.choices)
    decision = models.OneToOneField(
        "paperwork.OutgoingDocument",
        verbose_name=_("Quyết định công nhận"),
        on_delete=models.PROTECT,
        related_name="emulation_recognition",
    )
    story = models.TextField(_("Câu chuyện về mô hình, điển hình"), blank=True)
    publish_publicly = models.BooleanField(_("Đăng trên trang công khai của trường"), default=False)
    published_at = models.DateTimeField(_("Đăng công khai lúc"), null=True, blank=True)
    recognised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("công nhận")
        verbose_name_plural = _("công nhận")
        ordering = ["-created_at"]
        constraints = [
            # A public story has something to say.
            models.CheckConstraint(
                condition=Q(publish_publicly=False) | ~Q(story=""),
                name="emulation_public_story_has_text",
            )
        ]

    def __str__(self) -> str:
        return str(self.registration)
