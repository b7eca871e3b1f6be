"""Periodic reports upward: the authority requests, the school drafts from live data, edits,
issues through its outgoing register and submits; the authority registers it as an incoming
document, reminds the units that have not submitted, and may return a report with comments.

Every use case is one transaction, stores Vietnamese (`@in_vietnamese`), writes its timeline
row and audit event, checks the state it needs, and locks the row it changes first, so that a
replayed request (a double click, a resent form) finds the work done and changes nothing.
"""

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.core.language import in_vietnamese
from gandan.orgs.access import grants
from gandan.orgs.models import Organisation, Role, User
from gandan.paperwork.models import OutgoingDocument
from gandan.paperwork.services import issue_document, withdraw_document
from gandan.paperwork.signing import head_signer
from gandan.reports import documents, notices
from gandan.reports.drafting import SECTION_KEYS, draft_sections
from gandan.reports.models import (
    EDITABLE_STATUSES,
    IncomingDocument,
    IncomingSequence,
    ReportKind,
    ReportReminder,
    ReportRequest,
    ReportStatus,
    RequestStatus,
    UnitReport,
    UnitReportEvent,
    UnitReportEventKind,
)
from gandan.reports.rules import period_rule, report_period

MAX_SECTION_LENGTH = 20_000
# One reminder per unit and day: a second click the same day reminds nobody again.
REMINDER_MESSAGE = "Đề nghị đơn vị gửi {title} trước ngày {due}."


def _today(on: dt.date | None) -> dt.date:
    return on or timezone.localdate()


def _moment(on: dt.date | None) -> dt.datetime:
    """Now, or a fixed hour of an explicit day (demo data, back-dated entry)."""
    if on is None:
        return timezone.now()
    return timezone.make_aware(dt.datetime.combine(on, dt.time(9, 0)))


def _record(
    report: UnitReport, kind: str, summary: str, actor: User | None, *, action: str = Action.CHANGE
) -> None:
    UnitReportEvent.objects.create(
        report=report,
        kind=kind,
        actor=actor if actor is not None and actor.pk else None,
        summary=summary[:500],
    )
    record_event(
        action=action,
        summary=summary,
        actor=actor,
        organisation=report.organisation,
        target=report,
    )


def _is_officer_of(user: User, authority: Organisation) -> bool:
    return any(
        grant.organisation_id == authority.pk and grant.role == Role.AUTHORITY_OFFICER
        for grant in grants(user)
    )


def _lock(report: UnitReport) -> UnitReport:
    locked = (
        UnitReport.objects.select_for_update(of=("self",))
        .select_related("request__authority", "organisation__parent", "organisation__guided_by")
        .get(pk=report.pk)
    )
    return locked


def default_title(kind: str, year: int) -> str:
    subject = documents.SUBJECT[:1].lower() + documents.SUBJECT[1:]
    if kind == ReportKind.SIX_MONTHS:
        return f"Báo cáo kết quả thực hiện {subject} 6 tháng đầu năm {year}"
    return f"Báo cáo kết quả thực hiện {subject} năm {year}"


@in_vietnamese
@transaction.atomic
def request_report(
    *,
    authority: Organisation,
    actor: User,
    kind: str,
    year: int,
    due_on: dt.date,
    title: str = "",
    instructions: str = "",
    period_start: dt.date | None = None,
    period_end: dt.date | None = None,
    on: dt.date | None = None,
) -> ReportRequest:
    """An officer of the authority asks every school below it for a report.

    The data cut-off of a 6-month or yearly report follows Nghị định 09/2019/NĐ-CP Điều 12
    (`rules.report_period`); a thematic report takes the dates given. One `UnitReport` is made
    per school then below the authority. A replay of the same request returns the first one.
    """
    today = _today(on)
    if not authority.is_authority:
        raise ValidationError(_("Chỉ cơ quan cấp trên mới yêu cầu báo cáo."))
    if not _is_officer_of(actor, authority):
        raise ValidationError(_("Chỉ cán bộ của cơ quan mới yêu cầu báo cáo."))
    if kind not in ReportKind.values:
        raise ValidationError({"kind": _("Loại báo cáo không hợp lệ.")})
    if kind == ReportKind.THEMATIC:
        if not title.strip():
            raise ValidationError({"title": _("Báo cáo chuyên đề cần có tên.")})
        if period_start is None or period_end is None:
            raise ValidationError(
                {"period_start": _("Báo cáo chuyên đề cần ngày bắt đầu và kết thúc số liệu.")}
            )
        if period_end < period_start:
            raise ValidationError({"period_end": _("Ngày kết thúc số liệu trước ngày bắt đầu.")})
        start, end = period_start, period_end
        basis, unverified = _("Do cơ quan yêu cầu ấn định"), False
    else:
        start, end = report_period(kind, year)
        rule = period_rule(kind, year)
        basis = rule.citation if rule else ""
        unverified = bool(rule and rule.needs_verification)
    title = title.strip() or default_title(kind, year)
    if due_on < end:
        raise ValidationError(
            {
                "due_on": _("Hạn gửi báo cáo không được trước ngày chốt số liệu (%(end)s).")
                % {"end": f"{end:%d/%m/%Y}"}
            }
        )
    if due_on < today:
        raise ValidationError({"due_on": _("Hạn gửi báo cáo đã qua.")})
    same = ReportRequest.objects.filter(authority=authority, kind=kind)
    existing = (
        same.filter(title=title, period_start=start, period_end=end)
        if kind == ReportKind.THEMATIC
        else same.filter(year=year)
    ).first()
    if existing is not None:
        if existing.due_on == due_on:
            return existing
        raise ValidationError(
            _("Cơ quan đã yêu cầu báo cáo này (hạn %(due)s).")
            % {"due": f"{existing.due_on:%d/%m/%Y}"}
        )
    request = ReportRequest.objects.create(
        authority=authority,
        kind=kind,
        year=year,
        title=title[:300],
        period_start=start,
        period_end=end,
        period_basis=basis,
        period_needs_verification=unverified,
        due_on=due_on,
        instructions=instructions.strip(),
        requested_on=today,
        created_by=actor,
    )
    schools = list(Organisation.objects.schools_below(authority).values_list("pk", flat=True))
    UnitReport.objects.bulk_create(
        UnitReport(request=request, organisation_id=school_id) for school_id in schools
    )
    record_event(
        action=Action.CREATE,
        summary=_(
            "Yêu cầu %(count)s đơn vị gửi “%(title)s” (số liệu %(start)s – %(end)s), hạn %(due)s"
        )
        % {
            "count": len(schools),
            "title": title,
            "start": f"{start:%d/%m/%Y}",
            "end": f"{end:%d/%m/%Y}",
            "due": f"{due_on:%d/%m/%Y}",
        },
        actor=actor,
        organisation=authority,
        target=request,
    )
    notices.report_requested(request)
    return request


@in_vietnamese
@transaction.atomic
def draft_report(
    *,
    report: UnitReport,
    actor: User,
    expected_version: int | None = None,
    on: dt.date | None = None,
) -> UnitReport:
    """Fill (or refill) the report's figures and sections from the school's live data.

    Precondition: not yet issued (pending, draft, or returned to be completed). Refilling an
    edited draft overwrites the edits: the caller passes the version it showed.
    """
    today = _today(on)
    report = _lock(report)
    if report.status not in (ReportStatus.PENDING, *EDITABLE_STATUSES):
        raise ValidationError(_("Báo cáo đã ban hành, không lập lại dự thảo được."))
    if not report.request.is_open():
        raise ValidationError(_("Yêu cầu báo cáo đã kết thúc."))
    if expected_version is not None and expected_version != report.version:
        raise ValidationError(_("Báo cáo vừa được người khác sửa; hãy tải lại trang."))
    draft = draft_sections(report.request, report.organisation, as_of=today)
    report.body = {"sections": draft.sections}
    report.figures = draft.figures
    report.figures_as_of = draft.as_of
    report.drafted_by = actor
    report.version += 1
    if report.status == ReportStatus.PENDING:
        report.status = ReportStatus.DRAFT
    report.save(
        update_fields=[
            "body",
            "figures",
            "figures_as_of",
            "drafted_by",
            "version",
            "status",
            "updated_at",
        ]
    )
    _record(
        report,
        UnitReportEventKind.DRAFTED,
        _("Lập dự thảo “%(title)s” từ số liệu đến ngày %(day)s")
        % {"title": report.request.title, "day": f"{today:%d/%m/%Y}"},
        actor,
    )
    return report


@in_vietnamese
@transaction.atomic
def edit_report(
    *, report: UnitReport, actor: User, sections: Mapping[str, str], version: int
) -> UnitReport:
    """Change the text of the report's sections. Precondition: drafted and not issued (or
    returned), and `version` is the one the editor loaded (optimistic lock)."""
    report = _lock(report)
    if report.status not in EDITABLE_STATUSES:
        raise ValidationError(_("Chỉ sửa được báo cáo đang dự thảo hoặc bị trả lại."))
    if version != report.version:
        raise ValidationError(_("Báo cáo vừa được người khác sửa; hãy tải lại trang."))
    unknown = set(sections) - set(SECTION_KEYS)
    if unknown:
        raise ValidationError(_("Mục không có trong báo cáo: %(keys)s") % {"keys": sorted(unknown)})
    changed = []
    current = report.sections()
    for section in current:
        new = sections.get(section["key"])
        if new is None:
            continue
        new = new.replace("\r\n", "\n").strip()
        if len(new) > MAX_SECTION_LENGTH:
            raise ValidationError({section["key"]: _("Nội dung mục quá dài.")})
        if new != section.get("text", ""):
            section["text"] = new
            changed.append(section["title"])
    if not changed:
        return report
    report.body = {"sections": current}
    report.version += 1
    report.save(update_fields=["body", "version", "updated_at"])
    _record(
        report,
        UnitReportEventKind.EDITED,
        _("Sửa báo cáo: %(sections)s") % {"sections": "; ".join(changed)},
        actor,
    )
    return report


@in_vietnamese
@transaction.atomic
def issue_report(*, report: UnitReport, actor: User, on: dt.date | None = None) -> UnitReport:
    """Issue the report in the school's outgoing register (a numbered "…/BC-…" with its date),
    signed by the head. Precondition: drafted (or returned and completed). A report returned
    by the authority is issued anew; the earlier document is withdrawn, keeping its number.
    Replayed once issued, it changes nothing."""
    today = _today(on)
    report = _lock(report)
    if report.status in (ReportStatus.ISSUED, ReportStatus.SUBMITTED, ReportStatus.RESUBMITTED):
        return report
    if report.status not in EDITABLE_STATUSES:
        raise ValidationError(_("Cần lập dự thảo trước khi ban hành báo cáo."))
    if not report.request.is_open():
        raise ValidationError(_("Yêu cầu báo cáo đã kết thúc."))
    if not report.sections():
        raise ValidationError(_("Báo cáo chưa có nội dung."))
    school = report.organisation
    signer = head_signer(school)
    if not signer.name:
        raise ValidationError(_("Đơn vị chưa có người đứng đầu ký báo cáo."))
    previous = report.document
    document = issue_document(
        organisation=school,
        spec=documents.unit_report_spec(report, signer=signer),
        issued_on=today,
        source=f"reports.unitreport:{report.pk}",
        actor=actor,
    )
    if previous is not None and not previous.is_withdrawn:
        withdraw_document(
            document=previous,
            reason=_("Thay thế bằng báo cáo số %(symbol)s theo ý kiến của %(authority)s.")
            % {"symbol": document.number_symbol, "authority": report.request.authority.name},
            withdrawn_on=today,
            actor=actor,
        )
    report.document = document
    report.status = ReportStatus.ISSUED
    report.save(update_fields=["document", "status", "updated_at"])
    _record(
        report,
        UnitReportEventKind.ISSUED,
        _("Ban hành báo cáo số %(symbol)s ngày %(day)s")
        % {"symbol": document.number_symbol, "day": f"{today:%d/%m/%Y}"},
        actor,
    )
    return report


def _next_arrival_number(authority: Organisation, year: int) -> int:
    """Take the next số đến of the authority's incoming register (NĐ 30/2020, Điều 22)."""
    IncomingSequence.objects.get_or_create(authority=authority, year=year)
    sequence = IncomingSequence.objects.select_for_update().get(authority=authority, year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


@in_vietnamese
@transaction.atomic
def submit_report(*, report: UnitReport, actor: User, on: dt.date | None = None) -> UnitReport:
    """Send the issued report to the requesting authority: it is received that day, registered
    in the authority's incoming register with the next arrival number, and on time or late
    against the request's due date (the first receipt decides). Precondition: issued.
    Replayed once submitted, it changes nothing."""
    today = _today(on)
    report = _lock(report)
    if report.status in (ReportStatus.SUBMITTED, ReportStatus.RESUBMITTED):
        return report
    if report.status != ReportStatus.ISSUED or report.document_id is None:
        raise ValidationError(_("Cần ban hành báo cáo trước khi gửi."))
    request = report.request
    if not request.is_open():
        raise ValidationError(_("Yêu cầu báo cáo đã kết thúc."))
    document = OutgoingDocument.objects.get(pk=report.document_id)
    if today < document.issued_on:
        raise ValidationError(_("Ngày gửi không được trước ngày ban hành báo cáo."))
    authority = request.authority
    incoming = IncomingDocument.objects.create(
        authority=authority,
        year=today.year,
        arrival_number=_next_arrival_number(authority, today.year),
        received_on=today,
        sender=report.organisation,
        number_symbol=document.number_symbol,
        issued_on=document.issued_on,
        doc_type=document.doc_type,
        summary=document.summary,
        document=document,
        unit_report=report,
        registered_by=actor,
    )
    report.submitted_at = _moment(on)
    if report.received_on is None:
        report.received_on = today
        report.is_late = today > request.due_on
        report.status = ReportStatus.SUBMITTED
    else:
        report.resubmitted_on = today
        report.status = ReportStatus.RESUBMITTED
    report.save(
        update_fields=[
            "submitted_at",
            "received_on",
            "is_late",
            "resubmitted_on",
            "status",
            "updated_at",
        ]
    )
    timing = _("quá hạn") if today > request.due_on else _("đúng hạn")
    _record(
        report,
        UnitReportEventKind.SUBMITTED,
        _("Gửi báo cáo số %(symbol)s đến %(authority)s ngày %(day)s (%(timing)s), số đến %(n)s")
        % {
            "symbol": document.number_symbol,
            "authority": authority.name,
            "day": f"{today:%d/%m/%Y}",
            "timing": timing,
            "n": incoming.arrival_number,
        },
        actor,
    )
    notices.report_submitted(report, incoming)
    return report


@in_vietnamese
@transaction.atomic
def remind_units(
    *, request: ReportRequest, actor: User, message: str = "", on: dt.date | None = None
) -> int:
    """Remind every unit that has not submitted (or must resubmit a returned report). One
    reminder per unit and day: a replay the same day reminds nobody. Returns how many were
    reminded. Precondition: the request is open."""
    request = ReportRequest.objects.select_for_update().get(pk=request.pk)
    if not request.is_open():
        raise ValidationError(_("Yêu cầu báo cáo đã kết thúc."))
    now = _moment(on)
    day_start = timezone.make_aware(dt.datetime.combine(timezone.localtime(now).date(), dt.time()))
    text = (message.strip() or REMINDER_MESSAGE).format(
        title=request.title, due=f"{request.due_on:%d/%m/%Y}"
    )[:500]
    waiting = (
        request.unit_reports.exclude(status__in=(ReportStatus.SUBMITTED, ReportStatus.RESUBMITTED))
        .exclude(last_reminded_at__gte=day_start)
        .select_related("organisation")
    )
    targets = list(waiting)
    if not targets:
        return 0
    ReportReminder.objects.bulk_create(
        ReportReminder(report=report, sent_at=now, sent_by=actor, message=text)
        for report in targets
    )
    UnitReportEvent.objects.bulk_create(
        UnitReportEvent(
            report=report,
            kind=UnitReportEventKind.REMINDED,
            actor=actor,
            summary=_("%(authority)s nhắc gửi báo cáo: %(text)s")
            % {"authority": request.authority.name, "text": text},
        )
        for report in targets
    )
    UnitReport.objects.filter(pk__in=[report.pk for report in targets]).update(
        reminder_count=F("reminder_count") + 1, last_reminded_at=now, updated_at=now
    )
    record_event(
        action=Action.CHANGE,
        summary=_("Nhắc %(count)s đơn vị gửi “%(title)s”: %(names)s")
        % {
            "count": len(targets),
            "title": request.title,
            "names": ", ".join(report.organisation.display_name for report in targets),
        },
        actor=actor,
        organisation=request.authority,
        target=request,
    )
    notices.units_reminded(request, targets, timezone.localtime(now).date())
    return len(targets)


@in_vietnamese
@transaction.atomic
def return_report(*, report: UnitReport, actor: User, comment: str) -> UnitReport:
    """The authority returns a received report with its comments; the school completes it,
    issues it again and resubmits. Precondition: submitted (or resubmitted), a comment given."""
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": _("Cần ghi ý kiến khi trả lại báo cáo.")})
    report = _lock(report)
    if report.status == ReportStatus.RETURNED:
        return report
    if report.status not in (ReportStatus.SUBMITTED, ReportStatus.RESUBMITTED):
        raise ValidationError(_("Chỉ trả lại được báo cáo đã nhận."))
    if not report.request.is_open():
        raise ValidationError(_("Yêu cầu báo cáo đã kết thúc."))
    report.status = ReportStatus.RETURNED
    report.returned_at = timezone.now()
    report.return_comment = comment
    report.return_count += 1
    report.save(
        update_fields=["status", "returned_at", "return_comment", "return_count", "updated_at"]
    )
    _record(
        report,
        UnitReportEventKind.RETURNED,
        _("%(authority)s trả lại báo cáo để hoàn thiện: %(comment)s")
        % {"authority": report.request.authority.name, "comment": comment},
        actor,
    )
    notices.report_returned(report)
    return report


@in_vietnamese
@transaction.atomic
def close_request(*, request: ReportRequest, actor: User) -> ReportRequest:
    """Stop taking reports for a request. Precondition: open."""
    request = ReportRequest.objects.select_for_update().get(pk=request.pk)
    if not request.is_open():
        return request
    request.status = RequestStatus.CLOSED
    request.save(update_fields=["status", "updated_at"])
    record_event(
        action=Action.CHANGE,
        summary=_("Kết thúc nhận báo cáo “%(title)s”") % {"title": request.title},
        actor=actor,
        organisation=request.authority,
        target=request,
    )
    return request
