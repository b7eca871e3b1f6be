"""The demo's reports upward: Thành Tô on time, Đằng Hải late, built twice without change."""

import datetime as dt

from gandan.audit.models import AuditEvent
from gandan.paperwork.models import OutgoingDocument
from gandan.reports.demo import DUE_ON, build_demo
from gandan.reports.models import (
    IncomingDocument,
    ReportReminder,
    ReportRequest,
    ReportStatus,
    UnitReport,
)


def _state():
    return (
        ReportRequest.objects.count(),
        list(UnitReport.objects.order_by("pk").values_list("status", "received_on", "is_late")),
        IncomingDocument.objects.count(),
        ReportReminder.objects.count(),
        OutgoingDocument.objects.count(),
        AuditEvent.objects.count(),
    )


def test_the_demo_has_one_report_on_time_and_one_late_and_is_idempotent(
    ward, school, other_school, authority_officer, principal, other_school_principal
):
    # when: the demo builds the ward's 6-month request
    request = build_demo(authority=ward, on_time=[school], late=[other_school])
    # then: the period follows the rule, Thành Tô is on time and Đằng Hải late
    assert (request.period_start, request.period_end) == (
        dt.date(2025, 12, 15),
        dt.date(2026, 6, 14),
    )
    assert request.due_on == DUE_ON
    mine = UnitReport.objects.get(organisation=school)
    other = UnitReport.objects.get(organisation=other_school)
    assert (mine.status, mine.received_on, mine.is_late) == (
        ReportStatus.SUBMITTED,
        dt.date(2026, 6, 17),
        False,
    )
    assert (other.status, other.received_on, other.is_late) == (
        ReportStatus.SUBMITTED,
        dt.date(2026, 6, 24),
        True,
    )
    assert other.reminder_count == 1 and mine.reminder_count == 0
    assert mine.document is not None and mine.document.number_symbol == "01/BC-THTT"
    assert (
        "kinh phí cải tạo sân trường" in {s["key"]: s["text"] for s in mine.sections()}["kien_nghi"]
    )
    assert list(
        IncomingDocument.objects.order_by("arrival_number").values_list("sender", "received_on")
    ) == [(school.pk, dt.date(2026, 6, 17)), (other_school.pk, dt.date(2026, 6, 24))]
    # and: a second run adds nothing
    before = _state()
    build_demo(authority=ward, on_time=[school], late=[other_school])
    assert _state() == before
