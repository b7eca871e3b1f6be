"""Demo data of the reports upward: the ward's request for the 6-month report of 2026, the
schools that submitted on time (Thành Tô first), those that submitted late, and a reminder.

Dates are explicit (the 2026 6-month period per Nghị định 09/2019 Điều 12: 15/12/2025–14/6/2026,
due 19/6/2026). Numbers follow the order of issue dates in each school's register (Nghị định
30/2020, Điều 15 k1): call this before anything issues a later 2026 document at these schools,
or the report is issued on that later date (and logged). Running it twice adds nothing.
"""

import datetime as dt
import logging
from collections.abc import Sequence

from django.db.models import Max

from gandan.orgs.models import Membership, Organisation, Role, User
from gandan.paperwork.models import OutgoingDocument
from gandan.paperwork.signing import head_of
from gandan.reports import services
from gandan.reports.models import ReportKind, ReportRequest, ReportStatus, UnitReport

logger = logging.getLogger(__name__)

YEAR = 2026
REQUESTED_ON = dt.date(2026, 6, 8)
DUE_ON = dt.date(2026, 6, 19)
INSTRUCTIONS = (
    "Đề nghị các trường báo cáo kết quả thực hiện công tác dân vận chính quyền và quy chế dân "
    "chủ ở cơ sở 6 tháng đầu năm 2026 theo đề cương: kết quả thực hiện; đánh giá chung; "
    "phương hướng, nhiệm vụ 6 tháng cuối năm; kiến nghị, đề xuất."
)
# On time: drafted 15/6, issued 16/6, submitted 17/6. Reminder 20/6. Late: submitted 24/6.
ON_TIME_DAYS = (dt.date(2026, 6, 15), dt.date(2026, 6, 16), dt.date(2026, 6, 17))
REMINDER_ON = dt.date(2026, 6, 20)
LATE_DAYS = (dt.date(2026, 6, 22), dt.date(2026, 6, 23), dt.date(2026, 6, 24))
PROPOSAL = (
    "- Đề nghị UBND phường tiếp tục quan tâm hỗ trợ kinh phí cải tạo sân trường, nhà vệ "
    "sinh học sinh.\n- Đề nghị Sở GD&ĐT tổ chức tập huấn nghiệp vụ tiếp công dân, giải quyết "
    "đơn thư cho cán bộ quản lý nhà trường."
)


def _officer(authority: Organisation) -> User:
    membership = (
        Membership.objects.current()
        .filter(organisation=authority, role=Role.AUTHORITY_OFFICER)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if membership is None:
        raise LookupError(f"{authority.slug} has no authority officer in the demo")
    return membership.user


def _register_day(school: Organisation, wanted: dt.date) -> dt.date:
    """The wanted day, unless the school's register already holds a later 2026 document."""
    latest = OutgoingDocument.objects.filter(organisation=school, year=wanted.year).aggregate(
        latest=Max("issued_on")
    )["latest"]
    if latest is not None and latest > wanted:
        logger.warning(
            "demo: %s's register has a document of %s; its report is issued then",
            school.slug,
            latest,
        )
        return latest
    return wanted


def _complete(report: UnitReport, head: User, days: tuple[dt.date, dt.date, dt.date]) -> None:
    drafted_on, issued_on, submitted_on = days
    if report.status == ReportStatus.PENDING:
        report = services.draft_report(report=report, actor=head, on=drafted_on)
        report = services.edit_report(
            report=report, actor=head, sections={"kien_nghi": PROPOSAL}, version=report.version
        )
    if report.status == ReportStatus.DRAFT:
        report = services.issue_report(
            report=report, actor=head, on=_register_day(report.organisation, issued_on)
        )
    if report.status == ReportStatus.ISSUED and report.document is not None:
        services.submit_report(
            report=report, actor=head, on=max(submitted_on, report.document.issued_on)
        )


def build_demo(
    *,
    authority: Organisation,
    on_time: Sequence[Organisation],
    late: Sequence[Organisation] = (),
) -> ReportRequest:
    """The authority's 6-month request of 2026; `on_time` schools submit before the due date,
    `late` ones after it; the others below the authority stay unsubmitted and are reminded."""
    officer = _officer(authority)
    request = services.request_report(
        authority=authority,
        actor=officer,
        kind=ReportKind.SIX_MONTHS,
        year=YEAR,
        due_on=DUE_ON,
        instructions=INSTRUCTIONS,
        on=REQUESTED_ON,
    )
    reports = {
        report.organisation_id: report
        for report in request.unit_reports.select_related("organisation", "document")
    }
    for school in on_time:
        head = head_of(school)
        if head is None or school.pk not in reports:
            logger.warning("demo: %s has no head or is not below %s", school.slug, authority.slug)
            continue
        _complete(reports[school.pk], head, ON_TIME_DAYS)
    if request.is_open():
        services.remind_units(request=request, actor=officer, on=REMINDER_ON)
    for school in late:
        head = head_of(school)
        if head is None or school.pk not in reports:
            logger.warning("demo: %s has no head or is not below %s", school.slug, authority.slug)
            continue
        _complete(UnitReport.objects.get(pk=reports[school.pk].pk), head, LATE_DAYS)
    return request
