"""Staff evaluation: the decree versions, the unit's rules, cycles, evaluations and their trail.

- `EvaluationRuleSet`: one decree version (NĐ 90/2020 as amended by 48/2023; NĐ 233/2026) with
  `valid_from`/`valid_to`; seeded by migration 0002 from LAW.md §5, corrected in the admin.
- `UnitRules`: the unit's quy chế đánh giá (NĐ 233/2026, Điều 18 k3a): tracking by month or
  quarter, the work year's first month, the general criteria and the task point rule.
- `EvaluationCycle`: one period of one unit (a month, a quarter, or the year), under the rule
  set chosen by the period's end date (services.cycles.rule_set_for).
- `Evaluation`: one person in one cycle: self-assessment, the tổ's minuted opinion, the
  decision. `ScoreHistory` keeps every change of a score or level, append-only.
- `Appeal`: a person's complaint about their result, linked to the petitions case it opened.
"""

import datetime as dt
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimelineEvent, TimeStampedModel
from gandan.core.vietnamese import format_number, shorten
from gandan.evaluation.periods import PeriodType, period_label, year_label
from gandan.evaluation.rules import (
    LeaveReason,
    Level,
    QuotaBase,
    RatedAbove,
    RuleParams,
    decided_by_managing_body,
)


def _score_field(label, **kwargs):
    return models.DecimalField(
        label,
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
        **kwargs,
    )


class RuleSetQuerySet(models.QuerySet["EvaluationRuleSet"]):
    def in_force(self, on: dt.date) -> "RuleSetQuerySet":
        return self.filter(valid_from__lte=on).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )


class EvaluationRuleSet(TimeStampedModel):
    """One version of the decree's rules; chosen by the date a period ends."""

    code = models.SlugField(_("Mã"), max_length=64, unique=True)
    short_name = models.CharField(_("Tên ngắn"), max_length=64)
    citation = models.CharField(_("Văn bản"), max_length=300)
    valid_from = models.DateField(_("Áp dụng từ ngày"))
    valid_to = models.DateField(_("Áp dụng đến ngày"), null=True, blank=True)
    point_based = models.BooleanField(_("Xếp loại theo thang điểm 100"))
    general_max = _score_field(_("Điểm tối đa tiêu chí chung"))
    task_max = _score_field(_("Điểm tối đa kết quả thực hiện nhiệm vụ"))
    excellent_min = _score_field(_("Điểm tối thiểu mức xuất sắc"))
    good_min = _score_field(_("Điểm tối thiểu mức tốt"))
    done_min = _score_field(_("Điểm tối thiểu mức hoàn thành"))
    quota_percent = models.PositiveSmallIntegerField(_("Tỷ lệ xuất sắc tối đa (%)"), default=20)
    quota_percent_excellent_unit = models.PositiveSmallIntegerField(
        _("Tỷ lệ tối đa khi đơn vị hoàn thành xuất sắc (%)"), default=25
    )
    quota_base = models.CharField(
        _("Tỷ lệ tính trên"),
        max_length=16,
        choices=QuotaBase.choices,
        default=QuotaBase.GOOD_OR_BETTER,
    )
    head_capped_by_unit = models.BooleanField(
        _("Người đứng đầu không xếp cao hơn đơn vị"), default=True
    )
    min_months = models.DecimalField(
        _("Số tháng làm việc tối thiểu để xếp loại"), max_digits=3, decimal_places=1, default=6
    )
    short_time_exceptions = models.JSONField(
        _("Trường hợp vẫn xếp loại dù chưa đủ số tháng"), default=list, blank=True
    )
    absence_cap_from_months = models.DecimalField(
        _("Nghỉ từ số tháng này thì bị giới hạn mức"),
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
    )
    absence_cap_level = models.CharField(
        _("Mức cao nhất khi nghỉ dài"), max_length=20, choices=Level.choices, blank=True
    )
    periodic_tracking = models.BooleanField(
        _("Theo dõi, chấm điểm hằng tháng hoặc hằng quý"), default=False
    )
    # NĐ 233/2026, Điều 13 k2a, k3a: the managing body tracks and rates the unit's head.
    rated_by_managing_body = models.CharField(
        _("Cơ quan quản lý trực tiếp đánh giá, xếp loại"),
        max_length=20,
        choices=RatedAbove.choices,
        default=RatedAbove.HEAD,
    )
    fallback = models.ForeignKey(
        "self",
        verbose_name=_("Quy định áp dụng khi đơn vị chưa ban hành quy chế"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    fallback_until = models.DateField(
        _("Áp dụng quy định chuyển tiếp đến ngày"), null=True, blank=True
    )
    level_criteria = models.JSONField(
        _("Tiêu chí từng mức (không chấm điểm)"), default=dict, blank=True
    )
    needs_verification = models.BooleanField(_("Cần đối chiếu văn bản"), default=False)
    notes = models.TextField(_("Ghi chú về nguồn"), blank=True)

    objects = RuleSetQuerySet.as_manager()

    class Meta:
        verbose_name = _("quy định đánh giá, xếp loại")
        verbose_name_plural = _("quy định đánh giá, xếp loại")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(point_based=False)
                | Q(
                    general_max__isnull=False,
                    task_max__isnull=False,
                    excellent_min__isnull=False,
                    good_min__isnull=False,
                    done_min__isnull=False,
                ),
                name="ruleset_points_complete",
            ),
            models.CheckConstraint(
                condition=Q(quota_percent__lte=models.F("quota_percent_excellent_unit")),
                name="ruleset_quota_order",
            ),
        ]

    def __str__(self) -> str:
        return self.short_name

    def params(self) -> RuleParams:
        return RuleParams(
            point_based=self.point_based,
            excellent_min=self.excellent_min,
            good_min=self.good_min,
            done_min=self.done_min,
            quota_percent=self.quota_percent,
            quota_percent_excellent_unit=self.quota_percent_excellent_unit,
            quota_base=self.quota_base,
            head_capped_by_unit=self.head_capped_by_unit,
            min_months=Decimal(self.min_months),
            short_time_exceptions=tuple(self.short_time_exceptions),
            absence_cap_from_months=self.absence_cap_from_months,
            absence_cap_level=self.absence_cap_level,
            rated_above=self.rated_by_managing_body,
        )

    def clean(self) -> None:
        thresholds = (self.excellent_min, self.good_min, self.done_min)
        if (
            self.point_based
            and None not in thresholds
            and not thresholds[0] > thresholds[1] > thresholds[2]
        ):
            raise ValidationError(_("Ngưỡng điểm phải giảm dần: xuất sắc > tốt > hoàn thành."))


class Tracking(models.TextChoices):
    MONTH = PeriodType.MONTH.value, _("Theo tháng")
    QUARTER = PeriodType.QUARTER.value, _("Theo quý")


class UnitRulesQuerySet(models.QuerySet["UnitRules"]):
    def in_force(self, organisation, on: dt.date) -> "UnitRulesQuerySet":
        return (
            self.filter(organisation=organisation, valid_from__lte=on)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
            .order_by("-valid_from")
        )


class UnitRules(TimeStampedModel):
    """The unit's quy chế đánh giá: what the decree leaves to the unit, as data."""

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name=_("Đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    rule_set = models.ForeignKey(
        EvaluationRuleSet, verbose_name=_("Thực hiện quy định"), on_delete=models.PROTECT
    )
    title = models.CharField(_("Tên quy chế"), max_length=300)
    reference = models.CharField(_("Số, ký hiệu văn bản ban hành"), max_length=64, blank=True)
    issued_on = models.DateField(_("Ngày ban hành"))
    valid_from = models.DateField(_("Áp dụng từ ngày"))
    valid_to = models.DateField(_("Áp dụng đến ngày"), null=True, blank=True)
    tracking = models.CharField(
        _("Theo dõi, đánh giá"), max_length=8, choices=Tracking.choices, default=Tracking.QUARTER
    )
    year_start_month = models.PositiveSmallIntegerField(
        _("Tháng bắt đầu năm công tác"),
        default=9,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1: năm dương lịch; 9: năm học từ tháng 9 đến tháng 8."),
    )
    general_criteria = models.JSONField(
        _("Tiêu chí chung và điểm tối đa"),
        default=list,
        blank=True,
        help_text=_('Danh sách [{"title": "…", "max": 10}, …]; tổng bằng điểm tiêu chí chung.'),
    )
    # The task point rule (rules.suggested_task_score): share of the task points earned by a
    # task done on time, done late, or overdue and open at the period's end.
    on_time_percent = models.PositiveSmallIntegerField(
        _("Nhiệm vụ đúng hạn được (%)"), default=100, validators=[MaxValueValidator(100)]
    )
    late_percent = models.PositiveSmallIntegerField(
        _("Nhiệm vụ hoàn thành trễ hạn được (%)"), default=75, validators=[MaxValueValidator(100)]
    )
    overdue_percent = models.PositiveSmallIntegerField(
        _("Nhiệm vụ quá hạn chưa xong được (%)"), default=0, validators=[MaxValueValidator(100)]
    )

    objects = UnitRulesQuerySet.as_manager()

    class Meta:
        verbose_name = _("quy chế đánh giá của đơn vị")
        verbose_name_plural = _("quy chế đánh giá của đơn vị")
        ordering = ["organisation", "-valid_from"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày hết áp dụng phải sau ngày bắt đầu.")})
        if not (self.on_time_percent >= self.late_percent >= self.overdue_percent):
            raise ValidationError(
                _("Tỷ lệ điểm phải giảm dần: đúng hạn ≥ trễ hạn ≥ quá hạn chưa xong.")
            )
        total = sum(Decimal(str(row.get("max", 0))) for row in self.general_criteria or [])
        maximum = self.rule_set.general_max if self.rule_set_id else None
        if self.general_criteria and maximum is not None and total != maximum:
            raise ValidationError(
                {
                    "general_criteria": _("Tổng điểm các tiêu chí chung phải bằng %(n)s.")
                    % {"n": maximum}
                }
            )


class CycleStatus(models.TextChoices):
    OPEN = "open", _("Đang đánh giá")
    DECIDED = "decided", _("Đã quyết định")
    PUBLISHED = "published", _("Đã công khai")


class EvaluationCycle(TimeStampedModel):
    """One tracking period (or the year) of one unit."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        related_name="evaluation_cycles",
    )
    rule_set = models.ForeignKey(
        EvaluationRuleSet, verbose_name=_("Quy định áp dụng"), on_delete=models.PROTECT
    )
    unit_rules = models.ForeignKey(
        UnitRules,
        verbose_name=_("Quy chế của đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    period_type = models.CharField(_("Kỳ"), max_length=8, choices=PeriodType.choices)
    year = models.PositiveSmallIntegerField(_("Năm công tác (năm bắt đầu)"))
    number = models.PositiveSmallIntegerField(_("Số thứ tự kỳ"), default=1)
    year_start_month = models.PositiveSmallIntegerField(default=9)
    starts_on = models.DateField(_("Từ ngày"))
    ends_on = models.DateField(_("Đến ngày"), db_index=True)
    status = models.CharField(
        _("Trạng thái"), max_length=12, choices=CycleStatus.choices, default=CycleStatus.OPEN
    )
    # NĐ 233/2026, Điều 12 k6b and k7: the unit's own level (recognised by its managing body)
    # raises the quota to 25 % when "xuất sắc" and caps the head's level.
    unit_level = models.CharField(
        _("Mức xếp loại của đơn vị"), max_length=20, choices=Level.choices, blank=True
    )
    unit_level_reference = models.CharField(
        _("Văn bản công nhận mức xếp loại của đơn vị"), max_length=200, blank=True
    )
    decided_at = models.DateTimeField(_("Chốt kết quả lúc"), null=True, blank=True)
    published_on = models.DateField(_("Ngày công khai"), null=True, blank=True)
    disclosure = models.ForeignKey(
        "democracy.DisclosureItem",
        verbose_name=_("Nội dung công khai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("kỳ đánh giá")
        verbose_name_plural = _("kỳ đánh giá")
        ordering = ["-ends_on", "period_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "period_type", "year", "number"], name="cycle_unique_period"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return period_label(self.period_type, self.year, self.number, self.year_start_month)

    @property
    def year_label(self) -> str:
        return year_label(self.year, self.year_start_month)

    @property
    def is_year(self) -> bool:
        return self.period_type == PeriodType.YEAR

    @property
    def is_open(self) -> bool:
        return self.status == CycleStatus.OPEN

    @property
    def is_published(self) -> bool:
        return self.status == CycleStatus.PUBLISHED

    @property
    def scores_entered(self) -> bool:
        """Periods of a point-based rule set are scored by hand; the year derives its score."""
        return self.rule_set.point_based and not self.is_year


class EvaluationStatus(models.TextChoices):
    PENDING = "pending", _("Chưa tự đánh giá")
    SELF_ASSESSED = "self_assessed", _("Đã tự đánh giá")
    REVIEWED = "reviewed", _("Đã họp nhận xét")
    DECIDED = "decided", _("Đã quyết định")
    NOT_RATED = "not_rated", _("Không xếp loại")


class Disqualification(models.TextChoices):
    # NĐ 233/2026, Điều 12 k4 b–d (and Điều 14 k3a): each makes the level "không hoàn thành".
    NONE = "", _("Không có")
    DEGRADATION = "degradation", _("Bị kết luận suy thoái tư tưởng chính trị, đạo đức, lối sống")
    DISCIPLINE = (
        "discipline",
        _("Bị kỷ luật từ khiển trách trở lên do vi phạm khi thực hiện nhiệm vụ"),
    )
    CORRUPTION = "corruption", _("Đơn vị do mình quản lý bị xử lý vì tham ô, tham nhũng, lãng phí")


def decided_above_q() -> Q:
    """The evaluations the managing body decides (rules.decided_by_managing_body, as a filter)."""
    return Q(is_head=True) | Q(
        is_manager=True, cycle__rule_set__rated_by_managing_body=RatedAbove.HEAD_AND_DEPUTIES
    )


class Evaluation(TimeStampedModel):
    """One person in one cycle: the self-assessment, the tổ's opinion, the decision."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    cycle = models.ForeignKey(EvaluationCycle, on_delete=models.CASCADE, related_name="evaluations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Viên chức"),
        on_delete=models.PROTECT,
        related_name="evaluations",
    )
    title = models.CharField(_("Chức vụ, chức danh"), max_length=128, blank=True)
    unit = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Tổ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_head = models.BooleanField(_("Người đứng đầu"), default=False)
    is_manager = models.BooleanField(_("Viên chức quản lý"), default=False)
    quota_group = models.CharField(
        _("Nhóm nhiệm vụ tương đồng"),
        max_length=64,
        blank=True,
        help_text=_("Để trống: cả đơn vị."),
    )
    status = models.CharField(
        max_length=16, choices=EvaluationStatus.choices, default=EvaluationStatus.PENDING
    )
    months_worked = models.DecimalField(
        _("Số tháng làm việc trong năm"), max_digits=3, decimal_places=1, default=12
    )
    months_absent = models.DecimalField(
        _("Số tháng nghỉ không tham gia công tác"), max_digits=3, decimal_places=1, default=0
    )
    leave_reason = models.CharField(
        _("Lý do nghỉ"), max_length=12, choices=LeaveReason.choices, blank=True
    )
    # Self-assessment (NĐ 233/2026, Phụ lục II; Điều 15 k3a).
    self_general = _score_field(_("Tự chấm tiêu chí chung"))
    self_task = _score_field(_("Tự chấm kết quả thực hiện nhiệm vụ"))
    self_task_reason = models.TextField(_("Lý do khác điểm gợi ý"), blank=True)
    self_level = models.CharField(
        _("Tự xếp loại"), max_length=20, choices=Level.choices, blank=True
    )
    self_comment = models.TextField(_("Báo cáo tự đánh giá"), blank=True)
    self_submitted_at = models.DateTimeField(null=True, blank=True)
    suggested_task = _score_field(_("Điểm nhiệm vụ gợi ý từ kế hoạch"))
    task_basis = models.JSONField(default=dict, blank=True)
    # The meeting of the tổ (or of the unit), minuted and adopted (Điều 15 k2b, k3b).
    group_meeting_on = models.DateField(_("Ngày họp nhận xét"), null=True, blank=True)
    group_minutes = models.TextField(_("Ý kiến tại cuộc họp (theo biên bản)"), blank=True)
    group_level = models.CharField(
        _("Mức cuộc họp đề nghị"), max_length=20, choices=Level.choices, blank=True
    )
    party_opinion = models.TextField(_("Ý kiến của cấp ủy (viên chức quản lý)"), blank=True)
    group_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The decision (Điều 13 k3; Điều 15 k3c).
    general_score = _score_field(_("Điểm tiêu chí chung"))
    task_score = _score_field(_("Điểm kết quả thực hiện nhiệm vụ"))
    score = _score_field(_("Tổng điểm"))
    periods_counted = models.PositiveSmallIntegerField(_("Số kỳ đã tính"), null=True, blank=True)
    proposed_level = models.CharField(
        _("Mức theo điểm"), max_length=20, choices=Level.choices, blank=True
    )
    level = models.CharField(_("Mức xếp loại"), max_length=20, choices=Level.choices, blank=True)
    disqualification = models.CharField(
        _("Trường hợp không hoàn thành nhiệm vụ"),
        max_length=16,
        choices=Disqualification.choices,
        blank=True,
    )
    disqualification_note = models.TextField(_("Căn cứ (quyết định, kết luận)"), blank=True)
    decision_reference = models.CharField(
        _("Quyết định của cấp có thẩm quyền"), max_length=200, blank=True
    )
    decision_note = models.TextField(_("Nhận xét của cấp có thẩm quyền"), blank=True)
    not_rated_reason = models.CharField(_("Lý do không xếp loại"), max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    notice = models.ForeignKey(
        "paperwork.OutgoingDocument",
        verbose_name=_("Thông báo kết quả"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notified_at = models.DateTimeField(_("Đã thông báo lúc"), null=True, blank=True)
    published_at = models.DateTimeField(_("Đã công khai lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("phiếu đánh giá")
        verbose_name_plural = _("phiếu đánh giá")
        ordering = ["cycle", "person__sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "person"], name="evaluation_once_per_cycle"),
        ]
        indexes = [models.Index(fields=["person", "cycle"])]

    def __str__(self) -> str:
        return f"{self.person} — {self.cycle}"

    @property
    def is_decided(self) -> bool:
        return self.status in (EvaluationStatus.DECIDED, EvaluationStatus.NOT_RATED)

    @property
    def is_disqualified(self) -> bool:
        return bool(self.disqualification)

    @property
    def decided_above(self) -> bool:
        """Decided and notified by the managing body, not by the school (NĐ 233/2026, Điều 13
        k3a); reads `cycle.rule_set` (select it with the row)."""
        return decided_by_managing_body(
            is_head=self.is_head,
            is_manager=self.is_manager,
            rated_above=self.cycle.rule_set.rated_by_managing_body,
        )


def _number_text(value: str) -> str:
    try:
        number = Decimal(value).normalize()
    except ArithmeticError:
        return value
    exponent = number.as_tuple().exponent
    return format_number(number, -exponent if isinstance(exponent, int) and exponent < 0 else 0)


class ScoreHistory(models.Model):
    """Every change of a score or level: who, when, which field, from what to what, why."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="history")
    field = models.CharField(max_length=32)
    old_value = models.CharField(max_length=64, blank=True)
    new_value = models.CharField(max_length=64, blank=True)
    reason = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lịch sử điểm")
        verbose_name_plural = _("lịch sử điểm")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.field}: {self.old_value} → {self.new_value}"

    def _evaluation_field(self) -> models.Field | None:
        try:
            field = Evaluation._meta.get_field(self.field)
        except FieldDoesNotExist:  # a field renamed since
            return None
        return field if isinstance(field, models.Field) else None

    @property
    def field_label(self) -> str:
        field = self._evaluation_field()
        return str(field.verbose_name) if field is not None else self.field

    @property
    def old_label(self) -> str:
        """The old value as people read it: a level's name, not its code ("tot")."""
        return self._label(self.old_value)

    @property
    def new_label(self) -> str:
        return self._label(self.new_value)

    def _label(self, value: str) -> str:
        field = self._evaluation_field()
        if not value or field is None:
            return value
        if isinstance(field, models.DecimalField):
            return _number_text(value)  # "28,5", not the stored "28.5"
        if not field.choices:
            return value
        return str(dict(field.flatchoices).get(value, value))


class Appeal(models.Model):
    """A person's complaint about their result; it goes to the complaint procedure."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    evaluation = models.ForeignKey(Evaluation, on_delete=models.PROTECT, related_name="appeals")
    text = models.TextField(_("Nội dung khiếu nại"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    case = models.ForeignKey(
        "petitions.Case",
        verbose_name=_("Hồ sơ khiếu nại"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("khiếu nại kết quả xếp loại")
        verbose_name_plural = _("khiếu nại kết quả xếp loại")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.evaluation}: {shorten(self.text, 60)}"


class EventKind(models.TextChoices):
    CYCLE_OPENED = "cycle_opened", _("Mở kỳ đánh giá")
    SELF_ASSESSED = "self_assessed", _("Tự đánh giá")
    GROUP_REVIEWED = "group_reviewed", _("Họp nhận xét")
    DECIDED = "decided", _("Quyết định mức xếp loại")
    YEAR_COMPUTED = "year_computed", _("Tổng hợp điểm năm")
    UNIT_LEVEL = "unit_level", _("Ghi mức xếp loại của đơn vị")
    FINALISED = "finalised", _("Chốt kết quả")
    NOTIFIED = "notified", _("Thông báo bằng văn bản")
    PUBLISHED = "published", _("Công khai trong đơn vị")
    APPEALED = "appealed", _("Khiếu nại kết quả")


class EvaluationEvent(TimelineEvent):
    """The cycle's timeline: one append-only row per state change (written by events.record)."""

    cycle = models.ForeignKey(EvaluationCycle, on_delete=models.CASCADE, related_name="events")
    evaluation = models.ForeignKey(
        Evaluation, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=16, choices=EventKind.choices)

    class Meta(TimelineEvent.Meta):
        indexes = [models.Index(fields=["cycle", "-created_at"])]
