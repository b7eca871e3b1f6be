"""Citizen reception: the head's published schedule and the reception register."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.core.language import in_vietnamese
from gandan.orgs import access as org_access
from gandan.orgs.models import Organisation, Role, User
from gandan.petitions import secrecy
from gandan.petitions.models import (
    Case,
    CaseKind,
    ReceptionEntry,
    ReceptionSession,
    SessionStatus,
)
from gandan.worktime import days

# Luật Tiếp công dân 2013, Điều 24 k4: the head's schedule is posted at least 05 working days
# before the reception day.
NOTICE_WORKING_DAYS = 5
# Luật 136/2025/QH15 (from 01/7/2026, LAW.md §1d, secondary source): the head may no longer
# delegate personal reception to a deputy.
NO_DELEGATION_FROM = dt.date(2026, 7, 1)


def earliest_reception_day(published_on: dt.date) -> dt.date:
    """The first day a session posted on `published_on` may take place."""
    return days.add_working_days(published_on, NOTICE_WORKING_DAYS)


def check_host(host: User, organisation: Organisation, on: dt.date) -> None:
    roles = org_access.roles_in(host, organisation)
    allowed = {Role.HEAD} if on >= NO_DELEGATION_FROM else {Role.HEAD, Role.DEPUTY_HEAD}
    if not roles & allowed:
        raise ValidationError(
            {
                "host": _(
                    "Từ ngày 01/7/2026, hiệu trưởng trực tiếp tiếp công dân, không ủy quyền cho "
                    "cấp phó (Luật 136/2025/QH15)."
                )
                if on >= NO_DELEGATION_FROM
                else _("Người tiếp phải là hiệu trưởng hoặc phó hiệu trưởng.")
            }
        )


@in_vietnamese
@transaction.atomic
def schedule_reception(
    *,
    organisation: Organisation,
    actor: User,
    host: User,
    date: dt.date,
    start_time: dt.time,
    end_time: dt.time,
    place: str,
    participants: str = "",
    expected_content: str = "",
    published_on: dt.date | None = None,
) -> ReceptionSession:
    """Post one reception day of the head. Preconditions: posted at least 05 working days
    ahead (Luật TCD Điều 24 k4); the host is the head (see NO_DELEGATION_FROM); times ordered.
    The same host, day and start again returns the session posted first."""
    published_on = published_on or timezone.localdate()
    if not place.strip():
        raise ValidationError({"place": _("Hãy ghi địa điểm tiếp công dân.")})
    if end_time <= start_time:
        raise ValidationError({"end_time": _("Giờ kết thúc phải sau giờ bắt đầu.")})
    earliest = earliest_reception_day(published_on)
    if date < earliest:
        raise ValidationError(
            {
                "date": _(
                    "Lịch tiếp phải niêm yết trước ít nhất 05 ngày làm việc (Luật Tiếp công dân "
                    "2013, Điều 24 k4): đăng hôm nay thì ngày tiếp sớm nhất là %(day)s."
                )
                % {"day": earliest.strftime("%d/%m/%Y")}
            }
        )
    check_host(host, organisation, date)
    earlier = ReceptionSession.objects.filter(
        organisation=organisation, host=host, date=date, start_time=start_time
    ).first()
    if earlier is not None:
        return earlier  # the same day posted again (a resent form): posted once
    session = ReceptionSession.objects.create(
        organisation=organisation,
        host=host,
        date=date,
        start_time=start_time,
        end_time=end_time,
        place=place.strip(),
        participants=participants.strip(),
        expected_content=expected_content.strip(),
        published_on=published_on,
        created_by=actor,
    )
    record_event(
        action=Action.CREATE,
        summary=_("Đăng lịch tiếp công dân ngày %(d)s") % {"d": date.strftime("%d/%m/%Y")},
        actor=actor,
        organisation=organisation,
        target=session,
    )
    return session


@in_vietnamese
@transaction.atomic
def postpone_reception(
    *, session: ReceptionSession, actor: User, new_date: dt.date, reason: str
) -> ReceptionSession:
    """Hoãn with a good reason and a notice of the new date (Luật TCD Điều 24 k4)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Phải ghi lý do hoãn.")})
    session = ReceptionSession.objects.select_for_update().get(pk=session.pk)
    if session.status == SessionStatus.POSTPONED and session.date == new_date:
        return session  # a replay: postponed to this day already
    if session.status not in (SessionStatus.SCHEDULED, SessionStatus.POSTPONED):
        raise ValidationError(_("Buổi tiếp này không còn hoãn được."))
    if new_date <= timezone.localdate() or new_date == session.date:
        raise ValidationError({"new_date": _("Ngày tiếp mới phải sau hôm nay và khác ngày cũ.")})
    session.postponed_from = session.date
    session.date = new_date
    session.postponement_reason = reason
    session.status = SessionStatus.POSTPONED
    session.save()
    record_event(
        action=Action.CHANGE,
        summary=_("Hoãn buổi tiếp công dân từ ngày %(old)s sang ngày %(new)s: %(reason)s")
        % {
            "old": session.postponed_from.strftime("%d/%m/%Y"),
            "new": new_date.strftime("%d/%m/%Y"),
            "reason": reason,
        },
        actor=actor,
        organisation=session.organisation,
        target=session,
    )
    return session


def months_without_reception(organisation: Organisation, year: int, until: dt.date) -> list[int]:
    """Months of `year` up to `until` without a head's reception day (Luật TCD Điều 18 k2:
    at least one day a month), counted from the school's first case or reception day."""
    sessions = ReceptionSession.objects.filter(organisation=organisation).exclude(
        status=SessionStatus.CANCELLED
    )
    starts = [
        sessions.aggregate(first=Min("date"))["first"],
        Case.objects.filter(organisation=organisation).aggregate(first=Min("received_on"))["first"],
    ]
    starts = [day for day in starts if day is not None]
    if not starts:
        return []
    start = min(starts)
    first = 1 if start.year < year else start.month
    last = until.month if until.year == year else 12
    held = set(sessions.filter(date__year=year).values_list("date__month", flat=True))
    return [month for month in range(first, last + 1) if month not in held]


def _same_line(
    organisation: Organisation,
    receiver: User,
    received_on: dt.date,
    name: str,
    content_summary: str,
    case: Case | None,
) -> ReceptionEntry | None:
    """A line this receiver already wrote that day for this citizen and content, if any.

    Names are sealed with a random nonce, so equal names have different tokens: the few lines
    of that day with the same content are unsealed and compared.
    """
    candidates = ReceptionEntry.objects.filter(
        organisation=organisation,
        receiver=receiver,
        received_on=received_on,
        content_summary=content_summary,
        case=case,
    ).order_by("pk")
    return next((line for line in candidates if secrecy.unseal(line.name_token) == name), None)


@in_vietnamese
@transaction.atomic
def record_reception(
    *,
    organisation: Organisation,
    actor: User,
    received_on: dt.date,
    name: str,
    content_summary: str,
    address: str = "",
    id_number: str = "",
    kind: str = "",
    people_count: int = 1,
    previously_resolved_by: str = "",
    within_competence: bool = True,
    guidance: str = "",
    handled_by: str = "",
    follow_up: str = "",
    note: str = "",
    session: ReceptionSession | None = None,
    case: Case | None = None,
) -> ReceptionEntry:
    """One line in the sổ tiếp công dân (Luật TCD Điều 25 k2), numbered within the year.

    Preconditions: name and content; a denunciation is received as a case (so that its
    identity is sealed there), never as a bare line; not in the future.
    """
    name = " ".join(name.split())
    if case is None and kind == CaseKind.DENUNCIATION:
        raise ValidationError(
            {"kind": _("Tố cáo phải được tiếp nhận thành vụ việc để bảo mật người tố cáo.")}
        )
    if not name:
        raise ValidationError({"name": _("Hãy ghi họ tên công dân.")})
    if not content_summary.strip():
        raise ValidationError({"content_summary": _("Hãy tóm tắt nội dung vụ việc.")})
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("Ngày tiếp không được ở tương lai.")})
    if people_count < 1:
        raise ValidationError({"people_count": _("Số người ít nhất là 1.")})
    earlier = _same_line(organisation, actor, received_on, name, content_summary.strip(), case)
    if earlier is not None:
        return earlier  # the same line sent again (double click, resent form)
    year = received_on.year
    last = ReceptionEntry.objects.filter(organisation=organisation, year=year).aggregate(
        last=Max("number")
    )["last"]
    entry = ReceptionEntry.objects.create(
        organisation=organisation,
        year=year,
        number=(last or 0) + 1,
        received_on=received_on,
        name_token=secrecy.seal(name),
        address_token=secrecy.seal(address.strip()),
        id_number_token=secrecy.seal(id_number.strip()),
        content_summary=content_summary.strip(),
        kind=kind,
        people_count=people_count,
        previously_resolved_by=previously_resolved_by.strip(),
        within_competence=within_competence,
        guidance=guidance.strip(),
        handled_by=handled_by.strip(),
        follow_up=follow_up.strip(),
        note=note.strip(),
        receiver=actor,
        session=session,
        case=case,
    )
    record_event(
        action=Action.CREATE,
        summary=_("Ghi sổ tiếp công dân số %(n)s/%(y)s") % {"n": entry.number, "y": year},
        actor=actor,
        organisation=organisation,
        target=entry,
    )
    return entry
