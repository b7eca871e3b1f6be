"""Issuing a case's documents through the register, and the letters staff send on their own.

Every document of a case is numbered by `paperwork.services.issue_document` with the source
`petitions.case:<pk>:<kind>`, so that the case page lists them and the register links back.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.paperwork.document import DocumentSpec
from gandan.paperwork.models import OutgoingDocument
from gandan.paperwork.services import issue_document
from gandan.petitions import documents, events
from gandan.petitions.models import Case, CaseDeadline, CaseEventKind, CaseKind, CaseStatus

SOURCE_PREFIX = "petitions.case"


def case_source(case: Case, kind: str) -> str:
    return f"{SOURCE_PREFIX}:{case.pk}:{kind}"


def case_documents(case: Case):
    """The registered documents of a case, oldest first."""
    return OutgoingDocument.objects.filter(
        source__startswith=f"{SOURCE_PREFIX}:{case.pk}:"
    ).order_by("issued_on", "number")


def issue_case_document(
    case: Case, kind: str, spec: DocumentSpec, *, actor, on: dt.date
) -> OutgoingDocument:
    """Number and register one document of the case (inside the caller's transaction)."""
    return issue_document(
        organisation=case.organisation,
        spec=spec,
        issued_on=on,
        source=case_source(case, kind),
        actor=actor,
    )


def _require_addressee(case: Case) -> None:
    if not case.can_receive_letters:
        raise ValidationError(_("Người gửi không ghi danh: không có người nhận văn bản."))


def issued(case: Case, kind: str) -> OutgoingDocument | None:
    """The latest document of this kind already issued for the case, if any."""
    return OutgoingDocument.objects.filter(source=case_source(case, kind)).order_by("-pk").first()


def _locked(case: Case) -> Case:
    return (
        Case.objects.select_for_update(of=("self",))
        .select_related("organisation__parent")
        .get(pk=case.pk)
    )


@in_vietnamese
@transaction.atomic
def issue_acknowledgement(*, case: Case, actor, on: dt.date | None = None) -> OutgoingDocument:
    """Thông báo tiếp nhận to the sender. Precondition: an open case with a named sender.

    One per case: a replay (double click, a second POST) returns the notice issued first and
    numbers nothing.
    """
    on = on or timezone.localdate()
    case = _locked(case)
    _require_addressee(case)
    first = issued(case, "tiep_nhan")
    if first is not None:
        return first
    if not case.is_open:
        raise ValidationError(_("Vụ việc đã kết thúc."))
    document = issue_case_document(
        case, "tiep_nhan", documents.acknowledgement(case), actor=actor, on=on
    )
    events.record(
        case,
        CaseEventKind.ACKNOWLEDGED,
        _("Gửi thông báo tiếp nhận số %(symbol)s") % {"symbol": document.number_symbol},
        actor=actor,
        public_summary=_("Nhà trường đã gửi thông báo tiếp nhận đơn."),
        document=document,
    )
    return document


def late_steps(case: Case, on: dt.date) -> list[CaseDeadline]:
    """Tracked steps that were (or are) late on `on`: pending past due, or done after due."""
    late = []
    for row in case.deadlines.filter(is_tracked=True, due__isnull=False).order_by("due"):
        due = row.due
        if due is None:
            continue
        if (row.done_on is None and not row.moot and due < on) or (
            row.done_on is not None and row.done_on > due
        ):
            late.append(row)
    return late


@in_vietnamese
@transaction.atomic
def issue_apology(
    *, case: Case, actor, new_date: dt.date, reason: str, on: dt.date | None = None
) -> OutgoingDocument:
    """Thư xin lỗi with a new date. Preconditions: the school was late; the date is ahead.

    A replay (the same new date, the same day) returns the letter issued first.
    """
    on = on or timezone.localdate()
    case = _locked(case)
    _require_addressee(case)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Hãy ghi lý do chậm trễ.")})
    first = issued(case, "xin_loi")
    if first is not None and first.issued_on == on and case.promised_on == new_date:
        return first
    if new_date <= on:
        raise ValidationError({"new_date": _("Ngày hẹn mới phải sau hôm nay.")})
    late = late_steps(case, on)
    if not late:
        raise ValidationError(_("Vụ việc không chậm so với thời hạn nào: không cần thư xin lỗi."))
    step = late[0]
    document = issue_case_document(
        case,
        "xin_loi",
        documents.apology(
            case, late_step=step.step_label, due=step.due, new_date=new_date, reason=reason
        ),
        actor=actor,
        on=on,
    )
    case.promised_on = new_date
    case.save(update_fields=["promised_on", "updated_at"])
    events.record(
        case,
        CaseEventKind.APOLOGISED,
        _("Gửi thư xin lỗi số %(symbol)s, hẹn trả kết quả trước ngày %(date)s")
        % {"symbol": document.number_symbol, "date": new_date.strftime("%d/%m/%Y")},
        actor=actor,
        public_summary=_(
            "Nhà trường xin lỗi vì chậm giải quyết và hẹn trả kết quả chậm nhất ngày %(date)s."
        )
        % {"date": new_date.strftime("%d/%m/%Y")},
        document=document,
    )
    return document


@in_vietnamese
@transaction.atomic
def issue_thanks(*, case: Case, actor, on: dt.date | None = None) -> OutgoingDocument:
    """Thư cảm ơn for a recommendation or feedback that was answered; one per case (a
    replay returns the letter issued first)."""
    on = on or timezone.localdate()
    case = _locked(case)
    _require_addressee(case)
    first = issued(case, "cam_on")
    if first is not None:
        return first
    if case.kind not in (CaseKind.RECOMMENDATION, CaseKind.FEEDBACK):
        raise ValidationError(_("Thư cảm ơn dành cho kiến nghị, phản ánh."))
    if case.status != CaseStatus.RESOLVED:
        raise ValidationError(_("Hãy trả lời kiến nghị, phản ánh trước khi gửi thư cảm ơn."))
    document = issue_case_document(case, "cam_on", documents.thanks(case), actor=actor, on=on)
    events.record(
        case,
        CaseEventKind.THANKED,
        _("Gửi thư cảm ơn số %(symbol)s") % {"symbol": document.number_symbol},
        actor=actor,
        public_summary=_("Nhà trường đã gửi thư cảm ơn."),
        document=document,
    )
    return document
