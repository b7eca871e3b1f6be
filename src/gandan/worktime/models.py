"""The government's yearly changes to the statutory calendar, kept as data that admins edit."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimeStampedModel
from gandan.worktime.calendar import SATURDAY, statutory_holidays


class AdjustmentKind(models.TextChoices):
    DAY_OFF = "day_off", _("Ngày nghỉ thêm / nghỉ bù / hoán đổi")
    WORKING_DAY = "working_day", _("Ngày làm việc bù (thứ Bảy làm việc)")
    NOT_HOLIDAY = "not_holiday", _("Bỏ ngày nghỉ")


class CalendarAdjustment(TimeStampedModel):
    """One date on which the official calendar differs from the statutory one, and why.

    Global for the installation. One row per date: two kinds on the same date would
    contradict each other. A swap (hoán đổi) is two rows citing the same document.
    """

    date = models.DateField(_("Ngày"), unique=True)
    kind = models.CharField(_("Loại điều chỉnh"), max_length=16, choices=AdjustmentKind.choices)
    reason = models.CharField(
        _("Lý do"),
        max_length=255,
        help_text=_("Ví dụ: Hoán đổi ngày làm việc dịp 30/4 – 1/5/2025."),
    )
    # LAW.md §7: swaps are set by a ministry notice or a Government Office dispatch each year.
    document = models.CharField(
        _("Văn bản căn cứ"),
        max_length=255,
        help_text=_("Số, ký hiệu văn bản, ví dụ: Thông báo 6150/TB-BLĐTBXH."),
    )
    needs_verification = models.BooleanField(
        _("Cần đối chiếu văn bản gốc"),
        default=False,
        help_text=_("Đánh dấu khi mới có nguồn thứ cấp (báo chí), chưa đọc văn bản chính thức."),
    )
    note = models.TextField(_("Ghi chú"), blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("Điều chỉnh lịch làm việc")
        verbose_name_plural = _("Điều chỉnh lịch làm việc")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=AdjustmentKind.values), name="worktime_adjustment_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y}: {self.get_kind_display()}"

    def clean(self) -> None:
        super().clean()
        if not isinstance(self.date, dt.date):
            return
        is_weekend = self.date.weekday() >= SATURDAY
        if self.kind == AdjustmentKind.DAY_OFF and is_weekend:
            raise ValidationError(
                {
                    "date": _(
                        "Thứ Bảy, Chủ nhật đã là ngày nghỉ hằng tuần; "
                        "chỉ ghi ngày nghỉ thêm vào ngày thường."
                    )
                }
            )
        if self.kind == AdjustmentKind.WORKING_DAY and not is_weekend:
            raise ValidationError({"date": _("Ngày làm việc bù phải là thứ Bảy hoặc Chủ nhật.")})
        if self.kind == AdjustmentKind.NOT_HOLIDAY and self.date not in statutory_holidays(
            self.date.year
        ):
            raise ValidationError(
                {
                    "date": _(
                        "Ngày này không có trong danh sách ngày lễ, tết theo Bộ luật Lao động "
                        "2019 Điều 112, nên không có ngày nghỉ nào để bỏ."
                    )
                }
            )


class CalendarYear(TimeStampedModel):
    """Whether the official schedule of one year has been entered, and from which notice.

    BLLĐ 2019 Điều 112 k3: the Prime Minister decides each year which days are the 05 Tết
    days and the day next to Quốc khánh; the swaps of working days come with the same yearly
    notice (LAW.md §7). Until a year is recorded here as announced, the calendar of that year
    is only computed (lunar Tết by rule, `holidays.VN`), and every date counted across it is
    provisional. A year without a row is not announced.
    """

    year = models.PositiveSmallIntegerField(_("Năm"), unique=True)
    announced = models.BooleanField(
        _("Đã nhập lịch chính thức"),
        default=False,
        help_text=_(
            "Đánh dấu khi đã nhập đủ ngày nghỉ Tết, Quốc khánh và các ngày hoán đổi theo thông "
            "báo chính thức của năm (Bộ luật Lao động 2019 Điều 112 k3)."
        ),
    )
    document = models.CharField(
        _("Văn bản công bố"),
        max_length=255,
        blank=True,
        help_text=_(
            "Số, ký hiệu thông báo hoặc công văn về lịch nghỉ của năm, ví dụ: "
            "Thông báo 6150/TB-BLĐTBXH."
        ),
    )
    needs_verification = models.BooleanField(
        _("Cần đối chiếu văn bản gốc"),
        default=False,
        help_text=_("Đánh dấu khi mới có nguồn thứ cấp (báo chí), chưa đọc văn bản chính thức."),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người nhập"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    entered_on = models.DateField(_("Ngày nhập"), null=True, blank=True)
    note = models.TextField(_("Ghi chú"), blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("Lịch chính thức của năm")
        verbose_name_plural = _("Lịch chính thức của các năm")
        constraints = [
            models.CheckConstraint(
                condition=Q(announced=False) | ~Q(document=""),
                name="worktime_announced_year_cites_document",
            ),
        ]

    def __str__(self) -> str:
        return str(self.year)

    def clean(self) -> None:
        super().clean()
        if self.year is not None and not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValidationError(
                {"year": _("Năm phải từ %(min)s đến %(max)s.") % {"min": MIN_YEAR, "max": MAX_YEAR}}
            )
        if self.announced and not self.document.strip():
            raise ValidationError(
                {"document": _("Cần ghi văn bản công bố lịch nghỉ của năm đã nhập.")}
            )


# Years the installation can hold a schedule for; beyond, a typo.
MIN_YEAR = 2000
MAX_YEAR = 2100
