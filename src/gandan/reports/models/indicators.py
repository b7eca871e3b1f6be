"""Indicator summary tables, refreshed by `reports.refresh` (never edited by hand).

`UnitMonth` holds one school's counters for one *report month*: the month that runs from the
15th of the previous calendar month to the 14th of this one, so that the periods of Nghị định
09/2019/NĐ-CP Điều 12 (6 months: 15/12 of the previous year to 14/6; year: 15/12 to 14/12) are
exact sums of whole rows (`reports.indicators.report_month`). Every column is a count or a sum,
so that any range of months adds up in one GROUP BY and ratios are taken of the sums.

`UnitStatus` holds the snapshot indicators that have no month: what is open or overdue today,
the year's implementing plan, the last staff conference, the inspection board, the current
"Dân vận khéo" campaign, the last evaluation year.

`RefreshState` is the watermark of the incremental refresh: the last audit sequence and the
day of the last refresh.
"""

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

__all__ = ["RefreshState", "UnitMonth", "UnitStatus"]


def _count(label: "StrOrPromise") -> models.PositiveIntegerField:
    return models.PositiveIntegerField(label, default=0)


class UnitMonth(models.Model):
    """One school's counters for one report month (15th of the previous month to the 14th)."""

    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.CASCADE, related_name="indicator_months"
    )
    month = models.DateField(_("Tháng báo cáo"), help_text=_("Ngày đầu của tháng báo cáo."))
    # Cases received that month, by kind (petitions.CaseKind), dated by Case.received_on.
    received_complaints = _count(_("Khiếu nại nhận được"))
    received_denunciations = _count(_("Tố cáo nhận được"))
    received_recommendations = _count(_("Kiến nghị nhận được"))
    received_feedback = _count(_("Phản ánh nhận được"))
    received_information_requests = _count(_("Yêu cầu cung cấp thông tin nhận được"))
    # Cases answered that month (the date of the result: resolved_on, else sent_on).
    answered = _count(_("Đơn thư đã trả lời"))
    answered_on_time = _count(_("Đơn thư trả lời đúng hạn"))
    # Results the sender contested that month (Case.contested_at).
    contested = _count(_("Kết quả bị người gửi không đồng ý"))
    # Ratings given that month (Case.rated_at): n, Σ rating, Σ rating² (1–5 stars).
    rated = _count(_("Lượt đánh giá sau giải quyết"))
    rating_sum = _count(_("Tổng điểm đánh giá"))
    rating_sum_sq = _count(_("Tổng bình phương điểm đánh giá"))
    # Scored answers to parents' and citizens' surveys that month: n, Σx, Σx² (x on 0–100).
    survey_responses = _count(_("Phiếu khảo sát có điểm"))
    survey_score_sum = models.FloatField(_("Tổng điểm khảo sát"), default=0)
    survey_score_sum_sq = models.FloatField(_("Tổng bình phương điểm khảo sát"), default=0)
    # Disclosure items whose stored due date falls in the month.
    disclosures_due = _count(_("Nội dung đến hạn công khai"))
    disclosures_on_time = _count(_("Công khai đúng hạn"))
    disclosures_late = _count(_("Công khai chậm"))
    disclosures_missing = _count(_("Quá hạn, chưa công khai"))
    # Plan assignments whose stored due date falls in the month.
    tasks_due = _count(_("Nhiệm vụ đến hạn"))
    tasks_done_on_time = _count(_("Hoàn thành đúng hạn"))
    tasks_done_late = _count(_("Hoàn thành chậm"))
    tasks_overdue = _count(_("Quá hạn, chưa hoàn thành"))

    class Meta:
        verbose_name = _("chỉ số theo tháng báo cáo")
        verbose_name_plural = _("chỉ số theo tháng báo cáo")
        ordering = ["organisation", "month"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "month"], name="unit_month_once")
        ]
        indexes = [models.Index(fields=["month", "organisation"], name="unit_month_by_month")]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.month:%m/%Y}"


class UnitStatus(models.Model):
    """One school's snapshot indicators, as of the day of its last refresh."""

    organisation = models.OneToOneField(
        "orgs.Organisation",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="indicator_status",
    )
    refreshed_at = models.DateTimeField(_("Cập nhật lúc"))
    as_of = models.DateField(_("Tính đến ngày"))
    # Cases.
    cases_open = _count(_("Đơn thư đang giải quyết"))
    cases_overdue = _count(_("Đơn thư quá hạn"))
    # The implementing plan of the year (plans.Plan).
    plan_year = models.PositiveSmallIntegerField(_("Năm kế hoạch"))
    plan_issued = models.BooleanField(_("Đã ban hành kế hoạch năm"), default=False)
    plan_issued_on = models.DateField(_("Ngày ban hành kế hoạch"), null=True, blank=True)
    plan_implements_parent = models.BooleanField(
        _("Kế hoạch thực hiện kế hoạch cấp trên"), default=False
    )
    tasks_open = _count(_("Nhiệm vụ chưa hoàn thành"))
    tasks_overdue = _count(_("Nhiệm vụ quá hạn"))
    progress_mean = models.FloatField(_("Tiến độ bình quân (%)"), null=True, blank=True)
    # The last annual staff conference (democracy.Conference).
    conference_held_on = models.DateField(_("Ngày họp hội nghị gần nhất"), null=True, blank=True)
    conference_in_window = models.BooleanField(_("Họp trong thời hạn"), null=True)
    conference_quorum_met = models.BooleanField(_("Đủ số người tham dự"), null=True)
    conference_resolution_issued = models.BooleanField(_("Đã ban hành nghị quyết"), null=True)
    # The inspection board (democracy.BoardTerm) of the current term.
    board_constituted = models.BooleanField(
        _("Có Ban thanh tra nhân dân nhiệm kỳ này"), default=False
    )
    board_programme = models.BooleanField(_("Có chương trình hoạt động"), default=False)
    recommendations = _count(_("Kiến nghị của Ban thanh tra"))
    recommendations_answered = _count(_("Kiến nghị đã được trả lời"))
    # The current "Dân vận khéo" campaign (emulation.Campaign).
    emulation_registered = _count(_("Mô hình, điển hình đăng ký"))
    emulation_recognised = _count(_("Mô hình, điển hình được công nhận"))
    # The last yearly evaluation cycle (evaluation.EvaluationCycle): a distribution only.
    evaluation_year = models.PositiveSmallIntegerField(_("Năm đánh giá"), null=True, blank=True)
    evaluation_closed = models.BooleanField(_("Đã chốt kết quả đánh giá"), null=True)
    evaluation_excellent = _count(_("Hoàn thành xuất sắc nhiệm vụ"))
    evaluation_good = _count(_("Hoàn thành tốt nhiệm vụ"))
    evaluation_done = _count(_("Hoàn thành nhiệm vụ"))
    evaluation_not_done = _count(_("Không hoàn thành nhiệm vụ"))
    evaluation_quota_ok = models.BooleanField(_("Đúng tỷ lệ xuất sắc"), null=True)
    # Yearly disclosure obligations whose date passed this year with nothing disclosed.
    disclosures_yearly_missing = _count(_("Nội dung công khai hằng năm còn thiếu"))

    class Meta:
        verbose_name = _("chỉ số hiện trạng của đơn vị")
        verbose_name_plural = _("chỉ số hiện trạng của đơn vị")
        ordering = ["organisation"]

    def __str__(self) -> str:
        return f"{self.organisation_id} @ {self.as_of:%d/%m/%Y}"


class RefreshState(models.Model):
    """The single watermark row of the incremental refresh."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_sequence = models.PositiveBigIntegerField(default=0)
    last_date = models.DateField(null=True, blank=True)
    last_full_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("trạng thái cập nhật chỉ số")

    def __str__(self) -> str:
        return f"#{self.last_sequence} {self.last_date}"
