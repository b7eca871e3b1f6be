"""What the reports upward tell people (gandan.notify, topic REPORTS).

- A report requested: the head and deputies of each unit asked, with the due date.
- Due soon (within `DUE_SOON_DAYS`) or overdue and not yet submitted: the same people, urgent
  (sent by e-mail at once), from the daily job `reports.reminders` (`send_reminders`): the
  due-soon notice once per due date, the overdue one once a week until the report arrives.
- An officer's reminder: the same people, urgent, once per unit and day (as the service).
- A report submitted (or resubmitted): the requesting authority's officers.
- A report returned: the unit's head, with the authority's reason.

Every notice is keyed by its event, so a replay or a second run writes nothing twice. The
texts are stored: the callers run under `@in_vietnamese`.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gandan.core.language import in_vietnamese
from gandan.core.vietnamese import official_date
from gandan.notify.models import Topic
from gandan.notify.services import notify
from gandan.orgs.models import Membership, Role, User
from gandan.reports.access_requests import DRAFTERS, SIGNERS
from gandan.reports.models import (
    RECEIVED_STATUSES,
    IncomingDocument,
    ReportRequest,
    ReportStatus,
    RequestStatus,
    UnitReport,
)

# A report due within this many days (the due day counted) and not submitted is "due soon".
DUE_SOON_DAYS = 3


def _people(organisation_ids: Iterable[int], roles: Iterable[str]) -> dict[int, list[User]]:
    """The active people holding `roles` in each organisation itself today, in one query."""
    found: dict[int, list[User]] = defaultdict(list)
    rows = (
        Membership.objects.current()
        .filter(organisation_id__in=list(organisation_ids), role__in=list(roles))
        .select_related("user")
        .order_by("user__sort_key")
    )
    for membership in rows:
        people = found[membership.organisation_id]
        if membership.user not in people:
            people.append(membership.user)
    return found


def _report_url(report: UnitReport) -> str:
    return reverse("reports:report", args=[report.public_id])


def _due_text(due: dt.date) -> str:
    return official_date(due)


def report_requested(request: ReportRequest) -> None:
    """The head and deputies of every unit asked."""
    reports = list(request.unit_reports.all())
    people = _people((report.organisation_id for report in reports), DRAFTERS)
    authority, due = request.authority.name, _due_text(request.due_on)
    title = f"{authority} yêu cầu đơn vị gửi {request.title}, hạn {due}"
    body = request.instructions
    for report in reports:
        notify(
            people.get(report.organisation_id, []),
            topic=Topic.REPORTS,
            kind="reports.requested",
            key=f"reports.requested:{report.pk}",
            title=title,
            url=_report_url(report),
            body=body,
        )


def units_reminded(request: ReportRequest, reports: list[UnitReport], day: dt.date) -> None:
    """An officer reminded these units (the service keeps one reminder per unit and day)."""
    people = _people((report.organisation_id for report in reports), DRAFTERS)
    authority, due = request.authority.name, _due_text(request.due_on)
    title = f"{authority} nhắc đơn vị gửi {request.title}, hạn {due}"
    for report in reports:
        notify(
            people.get(report.organisation_id, []),
            topic=Topic.REPORTS,
            kind="reports.reminded",
            key=f"reports.reminded:{report.pk}:{day.isoformat()}",
            title=title,
            url=_report_url(report),
            urgent=True,
        )


def report_submitted(report: UnitReport, incoming: IncomingDocument) -> None:
    """The officers of the requesting authority."""
    request = report.request
    what = "gửi lại" if report.status == ReportStatus.RESUBMITTED else "gửi"
    timing = "quá hạn" if incoming.received_on > request.due_on else "đúng hạn"
    day = official_date(incoming.received_on)
    title = (
        f"{report.organisation.name} đã {what} {request.title} "
        f"(số {incoming.number_symbol}) {day}, {timing}"
    )
    notify(
        _people([request.authority_id], [Role.AUTHORITY_OFFICER]).get(request.authority_id, []),
        topic=Topic.REPORTS,
        kind="reports.submitted",
        key=f"reports.submitted:{report.pk}:{incoming.pk}",
        title=title,
        url=reverse("reports:received", args=[report.public_id]),
        body=f"Số đến: {incoming.arrival_number}.",
    )


def report_returned(report: UnitReport) -> None:
    """The unit's head, with the reason."""
    title = f"{report.request.authority.name} trả lại {report.request.title} để hoàn thiện"
    notify(
        _people([report.organisation_id], SIGNERS).get(report.organisation_id, []),
        topic=Topic.REPORTS,
        kind="reports.returned",
        key=f"reports.returned:{report.pk}:{report.return_count}",
        title=title,
        url=_report_url(report),
        body=f"Ý kiến khi trả lại: {report.return_comment}",
    )


def _waiting(today: dt.date) -> list[UnitReport]:
    """Reports of open requests not yet received whose due date is near or past."""
    return list(
        UnitReport.objects.filter(
            request__status=RequestStatus.OPEN,
            received_on__isnull=True,
            request__due_on__lte=today + dt.timedelta(days=DUE_SOON_DAYS - 1),
        )
        .exclude(status__in=RECEIVED_STATUSES)
        .select_related("request__authority")
        .order_by("pk")
    )


@in_vietnamese
@transaction.atomic
def send_reminders(today: dt.date | None = None) -> int:
    """The daily job `reports.reminders`: urgent notices for the reports due soon or overdue.
    Rerunnable: the keys make a second run (the same day, or the same week once overdue) write
    nothing. Returns how many notices were written."""
    today = today or timezone.localdate()
    reports = _waiting(today)
    people = _people((report.organisation_id for report in reports), DRAFTERS)
    iso = today.isocalendar()
    week = f"{iso.year}-W{iso.week:02d}"
    written = 0
    for report in reports:
        request = report.request
        due = request.due_on
        if due >= today:
            left = (due - today).days
            when = "Hôm nay là hạn cuối" if left == 0 else f"Còn {left} ngày đến hạn"
            # The urgency first: a long report title is cut at the end of the e-mail subject.
            title = f"{when} gửi {request.authority.name} {request.title} ({_due_text(due)})"
            kind, key = "reports.due_soon", f"reports.due_soon:{report.pk}:{due.isoformat()}"
        else:
            late, authority = (today - due).days, request.authority.name
            title = (
                f"Đã quá hạn {late} ngày: {request.title} chưa gửi {authority} "
                f"(hạn {_due_text(due)})"
            )
            kind, key = "reports.overdue", f"reports.overdue:{report.pk}:{due.isoformat()}:{week}"
        written += len(
            notify(
                people.get(report.organisation_id, []),
                topic=Topic.REPORTS,
                kind=kind,
                key=key,
                title=title,
                url=_report_url(report),
                urgent=True,
            )
        )
    return written
