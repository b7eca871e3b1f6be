"""The rules table of citizen-case deadlines: each step of each procedure is a row, by version.

LAW.md asks for rules "versioned by effective date … never as constants": a case uses the rows in
force on its receipt date (`DeadlineRule.objects.in_force`). Administrators correct a row (or add
the next version with its `valid_from`) in the admin; `gandan.petitions.deadlines` turns rows and
the working calendar into due dates. The seed is migration 0002, read from LAW.md §1a–§1e.
"""

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimeStampedModel

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class CaseKind(models.TextChoices):
    COMPLAINT = "khieu_nai", _("Khiếu nại")
    DENUNCIATION = "to_cao", _("Tố cáo")
    RECOMMENDATION = "kien_nghi", _("Kiến nghị")
    FEEDBACK = "phan_anh", _("Phản ánh")
    INFORMATION_REQUEST = "yeu_cau_thong_tin", _("Yêu cầu cung cấp thông tin")


class Procedure(models.TextChoices):
    """The procedures inside one kind whose steps and limits differ (LAW.md §1a, §1b, §1e)."""

    GENERAL = "chung", _("Thủ tục chung")
    # Luật Khiếu nại 2011 Chương III (QĐHC/HVHC) and Chương IV (kỷ luật cán bộ, công chức).
    FIRST_INSTANCE = "lan_dau", _("Giải quyết khiếu nại lần đầu")
    SECOND_INSTANCE = "lan_hai", _("Giải quyết khiếu nại lần hai")
    DISCIPLINARY_FIRST = "ky_luat_lan_dau", _("Khiếu nại quyết định kỷ luật – lần đầu")
    DISCIPLINARY_SECOND = "ky_luat_lan_hai", _("Khiếu nại quyết định kỷ luật – lần hai")
    # Luật Tố cáo 2018 Điều 37–38: the head of the superior body.
    SUPERIOR = "cap_tren", _("Tố cáo tiếp, tố cáo quá hạn gửi cấp trên")
    # Luật Tiếp cận thông tin 2016 Điều 29, 30, 31: one procedure per channel.
    IN_PERSON = "truc_tiep", _("Yêu cầu trực tiếp")
    ELECTRONIC = "dien_tu", _("Yêu cầu qua mạng điện tử")
    POST_OR_FAX = "buu_chinh", _("Yêu cầu qua dịch vụ bưu chính, fax")


PROCEDURES_OF_KIND: dict[str, tuple[str, ...]] = {
    CaseKind.COMPLAINT: (
        Procedure.FIRST_INSTANCE,
        Procedure.SECOND_INSTANCE,
        Procedure.DISCIPLINARY_FIRST,
        Procedure.DISCIPLINARY_SECOND,
    ),
    CaseKind.DENUNCIATION: (Procedure.GENERAL, Procedure.SUPERIOR),
    CaseKind.RECOMMENDATION: (Procedure.GENERAL,),
    CaseKind.FEEDBACK: (Procedure.GENERAL,),
    CaseKind.INFORMATION_REQUEST: (
        Procedure.ELECTRONIC,
        Procedure.IN_PERSON,
        Procedure.POST_OR_FAX,
    ),
}

# The procedure of a case received by a school unless it says otherwise: the school resolves
# complaints at first instance (NĐ 124/2020/NĐ-CP, which replaced NĐ 75/2012: the head of the
# public unit; the article number there is unverified, LAW.md §1a); requests that reach it
# through this system (portal, e-mail) come "qua mạng điện tử" (Luật Tiếp cận thông tin 2016
# Điều 30).
DEFAULT_PROCEDURE: dict[str, str] = {
    kind: procedures[0] for kind, procedures in PROCEDURES_OF_KIND.items()
}


class DayUnit(models.TextChoices):
    # LAW.md §0: "ngày" is a calendar day; "ngày làm việc" skips weekly rest days and holidays.
    CALENDAR_DAY = "calendar_day", _("ngày")
    WORKING_DAY = "working_day", _("ngày làm việc")


class StartEvent(models.TextChoices):
    """The event whose day starts a step's clock (BLDS 2015 Điều 147: that day is not counted)."""

    RECEIVED = "received", _("Ngày nhận đơn, yêu cầu (hợp lệ)")
    ACCEPTED = "accepted", _("Ngày thụ lý")
    DECISION_ISSUED = "decision_issued", _("Ngày ban hành quyết định giải quyết, kết luận")
    DECISION_RECEIVED = "decision_received", _("Ngày người khiếu nại nhận được quyết định")
    DECISION_KNOWN = (
        "decision_known",
        _("Ngày nhận được hoặc biết được quyết định hành chính, hành vi hành chính"),
    )
    SUSPENDED = "suspended", _("Ngày ra quyết định tạm đình chỉ, đình chỉ")
    RESUMED = "resumed", _("Ngày ra quyết định tiếp tục giải quyết")
    PREVIOUS_STEP_DUE = "previous_step_due", _("Ngày hết hạn của bước liền trước")


class OpenCases(models.TextChoices):
    """What a version's transition clause carries over to the cases received before it took
    effect and not yet decided on that day (e.g. NĐ 155/2026 Điều 22 k1, LAW.md §11)."""

    NONE = "", _("Không: chỉ vụ việc nhận từ ngày áp dụng")
    STEP = "step", _("Cả bước này (thay bước cùng mã của phiên bản cũ)")
    SUSPENSION = "suspension", _("Chỉ quy định tạm đình chỉ của bước này")


class DeadlineRuleQuerySet(models.QuerySet["DeadlineRule"]):
    def in_force(self, kind: str, on_date: dt.date, procedure: str | None = None):
        """The rows that apply to a case of `kind` received on `on_date`, in step order."""
        rows = self.filter(kind=kind, valid_from__lte=on_date).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on_date)
        )
        if procedure is not None:
            rows = rows.filter(procedure=procedure)
        return rows.order_by("procedure", "order", "step")


class DeadlineRule(TimeStampedModel):
    """One step of one procedure, with its time limit, as the law stood from `valid_from`.

    A period of `limit` units starts on the day of `starts_from` (not counted) and ends on the
    last day, moved to the next working day when that is a day off (LAW.md §0). `limit` 0 means
    "ngay" (the same day). Rows of one step must not overlap in time; a change of the law is a
    new row with the old one closed by `valid_to` (the last day it applies).
    """

    kind = models.CharField(_("Loại vụ việc"), max_length=20, choices=CaseKind.choices)
    procedure = models.CharField(
        _("Thủ tục"), max_length=20, choices=Procedure.choices, default=Procedure.GENERAL
    )
    step = models.SlugField(
        _("Mã bước"),
        max_length=50,
        help_text=_("Chữ thường không dấu, ví dụ: thu_ly, giai_quyet, tra_loi."),
    )
    step_label = models.CharField(_("Tên bước"), max_length=255)
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    limit = models.PositiveSmallIntegerField(
        _("Thời hạn"), help_text=_("Số ngày; 0 nghĩa là thực hiện ngay trong ngày.")
    )
    unit = models.CharField(_("Đơn vị"), max_length=12, choices=DayUnit.choices)
    starts_from = models.CharField(
        _("Tính từ"), max_length=20, choices=StartEvent.choices, default=StartEvent.RECEIVED
    )
    ends_with = models.CharField(
        _("Kết thúc bước là sự kiện"),
        max_length=20,
        choices=StartEvent.choices,
        blank=True,
        help_text=_(
            "Sự kiện mà bước này tạo ra (ví dụ bước thụ lý tạo ra ngày thụ lý), dùng để dự kiến "
            "hạn của các bước sau khi sự kiện chưa xảy ra."
        ),
    )
    complex_limit = models.PositiveSmallIntegerField(
        _("Thời hạn với vụ việc phức tạp"), null=True, blank=True
    )
    remote_limit = models.PositiveSmallIntegerField(
        _("Thời hạn ở vùng sâu, vùng xa"), null=True, blank=True
    )
    remote_complex_limit = models.PositiveSmallIntegerField(
        _("Thời hạn với vụ việc phức tạp ở vùng sâu, vùng xa"), null=True, blank=True
    )
    complex_only = models.BooleanField(
        _("Chỉ áp dụng với vụ việc phức tạp"),
        default=False,
        help_text=_("Ví dụ: thông báo thời hạn khi thông tin yêu cầu phức tạp, chưa có sẵn."),
    )
    complex_needs_decision = models.BooleanField(
        _("Xác định phức tạp phải có văn bản"), default=False
    )
    extension_count = models.PositiveSmallIntegerField(_("Số lần gia hạn tối đa"), default=0)
    extension_count_very_complex = models.PositiveSmallIntegerField(
        _("Số lần gia hạn tối đa (vụ việc đặc biệt phức tạp)"), null=True, blank=True
    )
    extension_limit = models.PositiveSmallIntegerField(
        _("Mỗi lần gia hạn tối đa"), null=True, blank=True
    )
    extension_unit = models.CharField(
        _("Đơn vị gia hạn"), max_length=12, choices=DayUnit.choices, blank=True
    )
    extension_needs_decision = models.BooleanField(
        _("Gia hạn phải có văn bản (quyết định, thông báo)"), default=False
    )
    extension_only_if_complex = models.BooleanField(
        _("Chỉ gia hạn với vụ việc phức tạp"), default=False
    )
    suspendable = models.BooleanField(
        _("Thời hạn dừng khi tạm đình chỉ"),
        default=False,
        help_text=_("Thời gian tạm đình chỉ không tính vào thời hạn của bước này."),
    )
    open_cases = models.CharField(
        _("Áp dụng với vụ việc đang giải quyết"),
        max_length=12,
        choices=OpenCases.choices,
        blank=True,
        default=OpenCases.NONE,
        help_text=_(
            "Điều khoản chuyển tiếp: vụ việc nhận trước ngày áp dụng, đến ngày đó chưa có quyết "
            "định giải quyết, vẫn theo quy tắc cũ, trừ phần ghi ở đây."
        ),
    )
    transition_citation = models.CharField(
        _("Căn cứ điều khoản chuyển tiếp"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: NĐ 155/2026/NĐ-CP, Điều 22 k1."),
    )
    valid_from = models.DateField(_("Áp dụng từ ngày"))
    valid_to = models.DateField(
        _("Áp dụng đến hết ngày"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu đang áp dụng. Vụ việc dùng quy tắc có hiệu lực vào ngày nhận."),
    )
    citation = models.CharField(
        _("Căn cứ pháp lý"),
        max_length=255,
        help_text=_("Ví dụ: Luật Khiếu nại 2011, Điều 28."),
    )
    needs_verification = models.BooleanField(
        _("Cần đối chiếu văn bản gốc"),
        default=False,
        help_text=_("Đánh dấu khi nguồn chưa được đối chiếu với văn bản chính thức."),
    )
    is_internal_policy = models.BooleanField(
        _("Chính sách nội bộ (không phải luật định)"), default=False
    )
    note = models.TextField(_("Ghi chú"), blank=True)

    objects = DeadlineRuleQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "procedure", "order", "step", "valid_from"]
        verbose_name = _("quy tắc thời hạn")
        verbose_name_plural = _("quy tắc thời hạn")
        indexes = [
            models.Index(fields=["kind", "valid_from"], name="petitions_rule_kind_from"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "procedure", "step", "valid_from"],
                name="petitions_rule_one_version_per_day",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="petitions_rule_valid_range",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=CaseKind.values), name="petitions_rule_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(unit__in=DayUnit.values), name="petitions_rule_unit_valid"
            ),
            models.CheckConstraint(
                condition=Q(open_cases=OpenCases.NONE)
                | (Q(open_cases__in=OpenCases.values) & ~Q(transition_citation="")),
                name="petitions_rule_transition_cited",
            ),
            models.CheckConstraint(
                condition=Q(extension_count=0)
                | (Q(extension_limit__gt=0) & Q(extension_unit__in=DayUnit.values)),
                name="petitions_rule_extension_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.step_label} ({self.valid_from:%d/%m/%Y})"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, StrOrPromise] = {}
        if self.procedure not in PROCEDURES_OF_KIND.get(self.kind, ()):
            errors["procedure"] = _("Thủ tục này không thuộc loại vụ việc đã chọn.")
        if self.extension_count and not (self.extension_limit and self.extension_unit):
            errors["extension_limit"] = _("Có gia hạn thì phải ghi thời hạn và đơn vị gia hạn.")
        if self.starts_from == self.ends_with:
            errors["ends_with"] = _("Một bước không thể bắt đầu và kết thúc bằng cùng sự kiện.")
        if self.open_cases and not self.transition_citation.strip():
            errors["transition_citation"] = _(
                "Áp dụng với vụ việc đang giải quyết phải ghi căn cứ điều khoản chuyển tiếp."
            )
        if self.open_cases == OpenCases.SUSPENSION and not self.suspendable:
            errors["open_cases"] = _(
                "Bước này không có tạm đình chỉ nên không thể chuyển tiếp quy định tạm đình chỉ."
            )
        if isinstance(self.valid_from, dt.date) and self._overlapping().exists():
            errors["valid_from"] = _(
                "Khoảng thời gian áp dụng trùng với một phiên bản khác của cùng bước; "
                "hãy đặt ngày kết thúc cho phiên bản cũ trước."
            )
        if errors:
            raise ValidationError(errors)

    def _overlapping(self):
        others = DeadlineRule.objects.filter(
            kind=self.kind, procedure=self.procedure, step=self.step
        ).exclude(pk=self.pk)
        others = others.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
        if self.valid_to is not None:
            others = others.filter(valid_from__lte=self.valid_to)
        return others

    def is_in_force(self, on_date: dt.date) -> bool:
        return self.valid_from <= on_date and (self.valid_to is None or on_date <= self.valid_to)
