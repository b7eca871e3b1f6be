"""Periodic reports requested by an authority and submitted by the units below it, and the
authority's register of incoming documents (sổ đăng ký văn bản đến).

A `ReportRequest` is addressed to the schools below the authority when it is made: one
`UnitReport` per school, so that "not yet submitted" and "late" are plain queries. A unit's
report is drafted from live data, edited, issued through the school's outgoing register
(paperwork) and submitted; on submission the authority's `IncomingDocument` register takes it
with the next arrival number of the year (Nghị định 30/2020/NĐ-CP, Điều 22).
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimelineEvent, TimeStampedModel
from gandan.reports.rules import PeriodKind

__all__ = [
    "EDITABLE_STATUSES",
    "RECEIVED_STATUSES",
    "REQUEST_KINDS",
    "IncomingDocument",
    "IncomingSequence",
    "ReportKind",
    "ReportReminder",
    "ReportRequest",
    "ReportStatus",
    "RequestStatus",
    "UnitReport",
    "UnitReportEvent",
    "UnitReportEventKind",
]


class ReportKind(models.TextChoices):
    SIX_MONTHS = PeriodKind.SIX_MONTHS.value, _("Báo cáo 6 tháng")
    YEAR = PeriodKind.YEAR.value, _("Báo cáo năm")
    THEMATIC = PeriodKind.THEMATIC.value, _("Báo cáo chuyên đề")


REQUEST_KINDS = tuple(ReportKind.values)


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Đang nhận báo cáo")
    CLOSED = "closed", _("Đã kết thúc")


class ReportRequestQuerySet(models.QuerySet["ReportRequest"]):
    def of_authority(self, authority) -> "ReportRequestQuerySet":
        return self.filter(authority=authority)


class ReportRequest(TimeStampedModel):
    """An authority asks the schools below it for a report of one period, by a due date."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    authority = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Cơ quan yêu cầu"),
        on_delete=models.PROTECT,
        related_name="report_requests",
    )
    kind = models.CharField(_("Loại báo cáo"), max_length=16, choices=ReportKind.choices)
    year = models.PositiveSmallIntegerField(_("Năm báo cáo"))
    title = models.CharField(_("Tên báo cáo"), max_length=300)
    # The data cut-off (Nghị định 09/2019/NĐ-CP, Điều 12; a thematic report: set by the
    # authority) and the submission deadline (set by the authority).
    period_start = models.DateField(_("Số liệu từ ngày"))
    period_end = models.DateField(_("Số liệu đến ngày"))
    period_basis = models.CharField(_("Căn cứ thời gian chốt số liệu"), max_length=255, blank=True)
    period_needs_verification = models.BooleanField(_("Căn cứ cần đối chiếu"), default=False)
    due_on = models.DateField(_("Hạn gửi báo cáo"), db_index=True)
    instructions = models.TextField(_("Nội dung, đề cương yêu cầu"), blank=True)
    requested_on = models.DateField(_("Ngày yêu cầu"))
    status = models.CharField(
        _("Trạng thái"), max_length=8, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người yêu cầu"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ReportRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("yêu cầu báo cáo")
        verbose_name_plural = _("yêu cầu báo cáo")
        ordering = ["-due_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="reports_request_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("period_end")),
                name="reports_request_due_after_cut_off",
            ),
            models.UniqueConstraint(
                fields=["authority", "kind", "year"],
                condition=~Q(kind="thematic"),
                name="reports_request_one_periodic_per_year",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def is_open(self) -> bool:
        return self.status == RequestStatus.OPEN


class ReportStatus(models.TextChoices):
    PENDING = "pending", _("Chưa lập báo cáo")
    DRAFT = "draft", _("Đang dự thảo")
    ISSUED = "issued", _("Đã ban hành, chưa gửi")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Bị trả lại để hoàn thiện")
    RESUBMITTED = "resubmitted", _("Đã gửi lại")


EDITABLE_STATUSES = (ReportStatus.DRAFT, ReportStatus.RETURNED)
RECEIVED_STATUSES = (ReportStatus.SUBMITTED, ReportStatus.RESUBMITTED)


class UnitReportQuerySet(models.QuerySet["UnitReport"]):
    def received(self) -> "UnitReportQuerySet":
        return self.filter(received_on__isnull=False)

    def not_received(self) -> "UnitReportQuerySet":
        return self.filter(received_on__isnull=True)

    def late(self) -> "UnitReportQuerySet":
        return self.filter(is_late=True)


class UnitReport(TimeStampedModel):
    """One school's report for one request, from the first draft to its receipt above."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    request = models.ForeignKey(
        ReportRequest,
        verbose_name=_("Yêu cầu báo cáo"),
        on_delete=models.PROTECT,
        related_name="unit_reports",
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Đơn vị báo cáo"),
        on_delete=models.PROTECT,
        related_name="unit_reports",
    )
    status = models.CharField(
        _("Tình trạng"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.PENDING
    )
    # The editable content: {"sections": [{"key", "title", "text"}]}.
    body = models.JSONField(_("Nội dung báo cáo"), default=dict, blank=True)
    # The figures read from live data when the draft was made (codes, labels, values, bases):
    # printed as the report's table, not editable.
    figures = models.JSONField(_("Số liệu"), default=list, blank=True)
    figures_as_of = models.DateField(_("Số liệu tính đến ngày"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    document = models.ForeignKey(
        "paperwork.OutgoingDocument",
        verbose_name=_("Văn bản đã ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("Gửi lúc"), null=True, blank=True)
    # The day the authority received the report (= the day it was submitted through the
    # system). The first receipt decides timeliness; `is_late` is stored with it so that
    # "late" is a plain query.
    received_on = models.DateField(_("Ngày cấp trên nhận"), null=True, blank=True, db_index=True)
    is_late = models.BooleanField(_("Gửi quá hạn"), default=False)
    resubmitted_on = models.DateField(_("Ngày gửi lại gần nhất"), null=True, blank=True)
    returned_at = models.DateTimeField(_("Trả lại lúc"), null=True, blank=True)
    return_comment = models.TextField(_("Ý kiến khi trả lại"), blank=True)
    return_count = models.PositiveSmallIntegerField(_("Số lần bị trả lại"), default=0)
    reminder_count = models.PositiveSmallIntegerField(_("Số lần được nhắc"), default=0)
    last_reminded_at = models.DateTimeField(_("Nhắc gần nhất lúc"), null=True, blank=True)

    objects = UnitReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("báo cáo của đơn vị")
        verbose_name_plural = _("báo cáo của đơn vị")
        ordering = ["request", "organisation__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "organisation"], name="reports_unit_report_once"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ReportStatus.values), name="reports_unit_report_status"
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "status"], name="reports_unit_report_org"),
        ]

    def __str__(self) -> str:
        return f"{self.request} — {self.organisation}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def is_received(self) -> bool:
        return self.received_on is not None

    def sections(self) -> list[dict[str, str]]:
        return list((self.body or {}).get("sections", []))

    def is_overdue(self, today: dt.date) -> bool:
        """Not received and the due date has passed."""
        return self.received_on is None and self.request.due_on < today


class UnitReportEventKind(models.TextChoices):
    DRAFTED = "drafted", _("Lập dự thảo từ số liệu")
    EDITED = "edited", _("Sửa nội dung")
    ISSUED = "issued", _("Ban hành")
    SUBMITTED = "submitted", _("Gửi cấp trên")
    REMINDED = "reminded", _("Cấp trên nhắc gửi")
    RETURNED = "returned", _("Cấp trên trả lại")


class UnitReportEvent(TimelineEvent):
    """One row of a unit report's timeline (append-only, with its audit event)."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=UnitReportEventKind.choices)

    class Meta(TimelineEvent.Meta):
        verbose_name = _("diễn biến báo cáo")
        verbose_name_plural = _("diễn biến báo cáo")


class ReportReminder(models.Model):
    """A reminder the authority sent to a unit that had not submitted (shown on its page, and
    told to its head and deputies by `notices.units_reminded`)."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="reminders")
    sent_at = models.DateTimeField(_("Nhắc lúc"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    message = models.CharField(_("Nội dung nhắc"), max_length=500)

    class Meta:
        verbose_name = _("lượt nhắc gửi báo cáo")
        verbose_name_plural = _("lượt nhắc gửi báo cáo")
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return self.message


class IncomingSequence(models.Model):
    """The last arrival number of one authority's incoming register in one year.

    Nghị định 30/2020/NĐ-CP, Điều 22: incoming documents are registered with an arrival number
    (số đến) in one sequence per year. The row is locked while a number is taken.
    """

    authority = models.ForeignKey("orgs.Organisation", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["authority", "year"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "year"], name="reports_incoming_seq_once")
        ]

    def __str__(self) -> str:
        return f"{self.authority_id}/{self.year}: {self.last_number}"


class IncomingDocumentQuerySet(models.QuerySet["IncomingDocument"]):
    def register(self, authority, year: int) -> "IncomingDocumentQuerySet":
        """One year's incoming register of an authority, in arrival order."""
        return self.filter(authority=authority, year=year).order_by("arrival_number")


class IncomingDocument(TimeStampedModel):
    """One document received by an authority (sổ đăng ký văn bản đến, NĐ 30/2020 Phụ lục IV)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    authority = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Cơ quan nhận"),
        on_delete=models.PROTECT,
        related_name="incoming_documents",
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    arrival_number = models.PositiveIntegerField(_("Số đến"))
    received_on = models.DateField(_("Ngày đến"), db_index=True)
    sender = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Nơi gửi"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    number_symbol = models.CharField(_("Số, ký hiệu"), max_length=64)
    issued_on = models.DateField(_("Ngày văn bản"))
    doc_type = models.CharField(_("Loại văn bản"), max_length=8)
    summary = models.CharField(_("Trích yếu nội dung"), max_length=500)
    document = models.ForeignKey(
        "paperwork.OutgoingDocument",
        verbose_name=_("Văn bản đi của nơi gửi"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit_report = models.ForeignKey(
        UnitReport,
        verbose_name=_("Báo cáo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incoming",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = IncomingDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản đến")
        verbose_name_plural = _("văn bản đến")
        ordering = ["-year", "-arrival_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "year", "arrival_number"], name="reports_incoming_number_once"
            ),
            # One document is registered once at one authority: a replayed submission adds no row.
            models.UniqueConstraint(
                fields=["authority", "document"], name="reports_incoming_document_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.arrival_number}: {self.number_symbol}"
