"""Use cases of the staff conference (Luật 10/2022/QH15, Điều 51–52): convene it with the union,
take attendance, open it when the quorum is there, record each point of the order of business
with its documents and votes, close it with minutes and a resolution, check the resolution every
six months.

Stored records are plain Vietnamese (ADR 1); messages are translated.
"""

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.core.uploads import CheckedUpload, check_upload
from gandan.democracy import deadlines, documents, events, notices, rules
from gandan.democracy.electorate import staff_memberships, staff_of
from gandan.democracy.models import (
    ORDER_OF_BUSINESS,
    AgendaDocument,
    AgendaItem,
    AgendaKind,
    Attendee,
    Ballot,
    BallotMethod,
    BallotPurpose,
    BallotStatus,
    Channel,
    Conference,
    ConferenceKind,
    ConferenceStatus,
    DisclosureObligation,
    ElectorateKind,
    EventKind,
    ResolutionCheck,
    RulePreset,
)
from gandan.democracy.services import ballots, disclosures
from gandan.orgs.models import Organisation, OrgKind, Role, User
from gandan.paperwork.rendering import render_docx
from gandan.paperwork.responses import DOCX_MIME, download_name
from gandan.paperwork.services import issue_document
from gandan.paperwork.signing import head_of

# Luật 10/2022/QH15, Điều 46 k12: other content under the unit's democracy rules (the resolution
# and the six-monthly checks of it, Điều 52).
RESOLUTION_OBLIGATION = "noi-bo-noi-dung-khac"


def _union_officers(school: Organisation) -> set[int]:
    return set(
        staff_memberships(school)
        .filter(organisation__kind=OrgKind.UNION, role=Role.UNION_OFFICER)
        .values_list("user_id", flat=True)
    )


@in_vietnamese
@transaction.atomic
def convene_conference(
    *,
    organisation: Organisation,
    actor: User,
    work_year_label: str,
    held_on: dt.date,
    place: str,
    union_chair: User,
    kind: str = ConferenceKind.ANNUAL,
    work_year_ends: dt.date | None = None,
    secretary: User | None = None,
    starts_at: dt.time | None = None,
    matters: Sequence[str] = (),
) -> Conference:
    """Summon all staff to the conference: the annual one with its agenda in the order of
    Điều 51 k4, an extraordinary one with the matters that prompted it.

    Precondition: the actor manages the school. The due date of an annual conference is stored.
    """
    label = work_year_label.strip()
    if not label:
        raise ValidationError(
            {"work_year_label": _("Hãy ghi năm công tác, ví dụ năm học 2025–2026.")}
        )
    if kind not in ConferenceKind.values:
        raise ValidationError({"kind": _("Loại hội nghị không hợp lệ.")})
    if not place.strip():
        raise ValidationError({"place": _("Hãy ghi địa điểm họp.")})
    # Luật 10/2022/QH15, Điều 51 k1: the head organises it with the union's executive.
    if union_chair.pk not in _union_officers(organisation):
        raise ValidationError(
            {"union_chair": _("Hãy chọn cán bộ công đoàn của trường phối hợp tổ chức hội nghị.")}
        )
    staff = list(staff_of(organisation))
    staff_ids = {person.pk for person in staff}
    if secretary is not None and secretary.pk not in staff_ids:
        raise ValidationError({"secretary": _("Thư ký phải là cán bộ của trường.")})
    # Luật 10/2022/QH15, Điều 51 k1: an extraordinary conference is held on a proposal (the
    # union, the head, or at least a third of the staff) to deal with what was proposed; the
    # order of business of k4 (the year's reports, emulation, pledge) is the annual one's.
    matters = [line.strip()[:300] for line in matters if line.strip()]
    if kind == ConferenceKind.EXTRAORDINARY and not matters:
        raise ValidationError(
            {"matters": _("Hãy ghi các nội dung cần đưa ra hội nghị bất thường, mỗi dòng một.")}
        )
    if kind == ConferenceKind.ANNUAL and matters:
        raise ValidationError(
            {
                "matters": _(
                    "Hội nghị thường niên có chương trình theo Điều 51 khoản 4; nội dung riêng "
                    "chỉ ghi cho hội nghị bất thường."
                )
            }
        )
    due_by = None
    if kind == ConferenceKind.ANNUAL:
        if work_year_ends is None:
            raise ValidationError(
                {"work_year_ends": _("Hãy nhập ngày kết thúc năm công tác (năm học).")}
            )
        # Điều 51 k1: the annual conference follows the end of the work year.
        if held_on <= work_year_ends:
            raise ValidationError(
                {"held_on": _("Hội nghị thường niên họp sau khi kết thúc năm công tác.")}
            )
        due_by, _rule = deadlines.conference_due_by(work_year_ends)
    else:
        work_year_ends = None
    head = head_of(organisation)
    conference = Conference.objects.create(
        organisation=organisation,
        kind=kind,
        work_year_label=label[:64],
        work_year_ends=work_year_ends,
        due_by=due_by,
        held_on=held_on,
        starts_at=starts_at,
        place=place.strip()[:255],
        chair=head or actor,
        union_chair=union_chair,
        secretary=secretary,
        summoned_count=len(staff),
        created_by=actor,
    )
    Attendee.objects.bulk_create(Attendee(conference=conference, user=person) for person in staff)
    AgendaItem.objects.bulk_create(
        AgendaItem(conference=conference, order=index, kind=agenda_kind, title=title)
        for index, (agenda_kind, title) in enumerate(_agenda(kind, matters), start=1)
    )
    summary = f"Triệu tập {conference.title} ngày {held_on:%d/%m/%Y} ({len(staff)} người)"
    if conference.is_held_late:
        summary += f"; quá hạn tổ chức {due_by:%d/%m/%Y} (Điều 51 khoản 1)"
    events.record(
        organisation, EventKind.CONFERENCE_CONVENED, summary, actor, conference=conference
    )
    notices.conference_convened(conference, actor)
    return conference


def _agenda(kind: str, matters: Sequence[str]) -> list[tuple[AgendaKind, str]]:
    """The points of business: Điều 51 k4 a) to i) for the annual conference; for an
    extraordinary one each matter put to it (discussed and decided at that point), then the
    resolution that records the decisions."""
    if kind == ConferenceKind.ANNUAL:
        return [(agenda_kind, title) for agenda_kind, _point, title in ORDER_OF_BUSINESS]
    resolution = next(
        (agenda_kind, title)
        for agenda_kind, _point, title in ORDER_OF_BUSINESS
        if agenda_kind == AgendaKind.RESOLUTION
    )
    return [(AgendaKind.DECISIONS, matter) for matter in matters] + [resolution]


def quorum(conference: Conference) -> dict:
    """Who is present against who was summoned, under Điều 51 k2c (≥ 2/3)."""
    present = conference.attendees.filter(present=True).count()
    summoned = conference.summoned_count
    return {
        "present": present,
        "summoned": summoned,
        "absent": summoned - present,
        "taken": not conference.attendees.filter(present__isnull=True).exists(),
        "required": rules.minimum_present(summoned, 2, 3),
        "met": rules.conference_is_valid(present, summoned),
    }


@in_vietnamese
@transaction.atomic
def record_attendance(
    *,
    conference: Conference,
    actor: User,
    present: Iterable[int],
    absence_reasons: Mapping[int, str] | None = None,
) -> Conference:
    """Mark each person summoned present or absent (with a reason); late arrivals may be added
    while the conference sits."""
    conference = Conference.objects.select_for_update().get(pk=conference.pk)
    if conference.status == ConferenceStatus.CLOSED:
        raise ValidationError(_("Hội nghị đã bế mạc."))
    present_ids = set(present)
    reasons = absence_reasons or {}
    attendees = list(conference.attendees.all())
    if not present_ids <= {attendee.user_id for attendee in attendees}:
        raise ValidationError(_("Chỉ điểm danh người được triệu tập."))
    taken = [
        (
            attendee.user_id in present_ids,
            ""
            if attendee.user_id in present_ids
            else reasons.get(attendee.user_id, "").strip()[:255],
        )
        for attendee in attendees
    ]
    if taken == [(attendee.present, attendee.absence_reason) for attendee in attendees]:
        return conference  # the same roll call sent again: nothing to record
    for attendee, (is_present, reason) in zip(attendees, taken, strict=True):
        attendee.present = is_present
        attendee.absence_reason = reason
    Attendee.objects.bulk_update(attendees, ["present", "absence_reason"])
    found = quorum(conference)
    events.record(
        conference.organisation,
        EventKind.ATTENDANCE_TAKEN,
        f"Điểm danh: {found['present']}/{found['summoned']} người có mặt"
        + ("" if found["met"] else f", chưa đủ {found['required']} người (2/3)"),
        actor,
        conference=conference,
    )
    return conference


@in_vietnamese
@transaction.atomic
def open_conference(
    *, conference: Conference, actor: User, at: dt.datetime | None = None
) -> Conference:
    """Start the session. Luật 10/2022/QH15, Điều 51 k2c: valid only with at least two thirds
    of those summoned present."""
    conference = Conference.objects.select_for_update().get(pk=conference.pk)
    if conference.status != ConferenceStatus.CONVENED:
        raise ValidationError(_("Hội nghị đã khai mạc hoặc đã bế mạc."))
    found = quorum(conference)
    if not found["taken"]:
        raise ValidationError(_("Hãy điểm danh trước khi khai mạc."))
    if not found["met"]:
        raise ValidationError(
            _(
                "Hội nghị chưa hợp lệ: mới có %(present)d/%(summoned)d người, cần ít nhất "
                "%(required)d người (2/3 số người được triệu tập)."
            )
            % found
        )
    conference.status = ConferenceStatus.IN_SESSION
    conference.opened_at = at or timezone.now()
    conference.save(update_fields=["status", "opened_at", "updated_at"])
    events.record(
        conference.organisation,
        EventKind.CONFERENCE_OPENED,
        f"Khai mạc {conference.title}: {found['present']}/{found['summoned']} người có mặt",
        actor,
        conference=conference,
    )
    return conference


def _not_closed(conference: Conference) -> None:
    if conference.status == ConferenceStatus.CLOSED:
        raise ValidationError(_("Hội nghị đã bế mạc; không sửa được nữa."))


@in_vietnamese
@transaction.atomic
def record_agenda_item(
    *, item: AgendaItem, actor: User, notes: str, presenter: str = ""
) -> AgendaItem:
    """What was presented, said and concluded under one point (for the minutes)."""
    item = (
        AgendaItem.objects.select_for_update(of=("self",))
        .select_related("conference")
        .get(pk=item.pk)
    )
    _not_closed(item.conference)
    notes, presenter = notes.strip(), presenter.strip()[:255]
    if (item.notes, item.presenter) == (notes, presenter):
        return item  # the same record sent again
    item.notes = notes
    item.presenter = presenter
    item.save(update_fields=["notes", "presenter"])
    events.record(
        item.conference.organisation,
        EventKind.AGENDA_RECORDED,
        f"Ghi diễn biến: {item.title[:200]}",
        actor,
        conference=item.conference,
    )
    return item


@in_vietnamese
@transaction.atomic
def attach_document(*, item: AgendaItem, actor: User, upload: UploadedFile) -> AgendaDocument:
    """A report, draft or pledge put before the conference under one point.

    The same file sent again under the same point (a resent form) is the one attached.
    """
    item = (
        AgendaItem.objects.select_for_update(of=("self",))
        .select_related("conference")
        .get(pk=item.pk)
    )
    _not_closed(item.conference)
    checked = check_upload(upload)
    name = upload.name or "tai-lieu"
    attached = _same_document(item, name[:255], checked)
    if attached is not None:
        return attached
    document = AgendaDocument(
        item=item, name=name[:255], content_type=checked.content_type, uploaded_by=actor
    )
    document.file.save(name, upload, save=False)
    document.save()
    events.record(
        item.conference.organisation,
        EventKind.AGENDA_RECORDED,
        f"Đính kèm tài liệu “{document.name}”: {item.title[:200]}",
        actor,
        conference=item.conference,
    )
    return document


def _same_document(item: AgendaItem, name: str, checked: CheckedUpload) -> AgendaDocument | None:
    """The document of this point with the same name and bytes, if there is one."""
    for document in item.documents.filter(name=name, content_type=checked.content_type):
        try:
            if document.file.size != checked.size:
                continue
            with document.file.open("rb") as stored:
                digest = hashlib.sha256()
                for chunk in stored.chunks():
                    digest.update(chunk)
        except OSError:  # a file lost from storage is not the one sent now
            continue
        if digest.hexdigest() == checked.sha256:
            return document
    return None


@in_vietnamese
@transaction.atomic
def open_conference_vote(
    *,
    item: AgendaItem,
    actor: User,
    title: str,
    method: str = BallotMethod.MOTION,
    secrecy: str,
    description: str = "",
    purpose: str = BallotPurpose.GENERAL,
    options: Sequence[str] = (),
    candidates: Sequence[User] = (),
    seats: int | None = None,
) -> Ballot:
    """A vote of those present, counted under Điều 51 k2c: the electorate is who is present,
    the quorum is taken of who was summoned, a choice carries with more than half of those
    present."""
    conference = Conference.objects.select_for_update().get(pk=item.conference_id)
    if conference.status != ConferenceStatus.IN_SESSION:
        raise ValidationError(_("Chỉ biểu quyết khi hội nghị đang họp."))
    found = quorum(conference)
    if not found["met"]:
        raise ValidationError(
            _("Số người có mặt không còn đủ 2/3; hội nghị không biểu quyết được.")
        )
    # Điều 49 k1 and 51 k4 e): the board is elected among the decisions of point e).
    if purpose == BallotPurpose.INSPECTION_BOARD and item.kind != AgendaKind.DECISIONS:
        raise ValidationError(_("Bầu Ban Thanh tra nhân dân thuộc phần biểu quyết các nội dung."))
    if item.kind == AgendaKind.RESOLUTION:
        if method != BallotMethod.MOTION:
            raise ValidationError(_("Thông qua nghị quyết là biểu quyết tán thành / không."))
        if not conference.resolution_points:
            raise ValidationError(_("Hãy ghi nội dung nghị quyết trước khi biểu quyết."))
    running = _running_vote(
        item,
        title=title,
        description=description,
        method=method,
        secrecy=secrecy,
        purpose=purpose,
        options=options,
        candidates=candidates,
        seats=seats,
    )
    if running is not None:
        return running  # the same vote opened again (a resent form) is the one open
    present = [attendee.user for attendee in conference.attendees.filter(present=True)]
    ballot = ballots.create_ballot(
        organisation=conference.organisation,
        actor=actor,
        title=title,
        description=description,
        method=method,
        secrecy=secrecy,
        purpose=purpose,
        electorate_kind=ElectorateKind.LISTED,
        listed=present,
        rule=RulePreset.CONFERENCE,
        options=options,
        candidates=candidates,
        seats=seats,
    )
    # Those present vote; the quorum is counted on those summoned.
    ballot.agenda_item = item
    ballot.save(update_fields=["agenda_item", "updated_at"])
    return ballots.open_ballot(ballot=ballot, actor=actor, summoned=conference.summoned_count)


def _running_vote(
    item: AgendaItem,
    *,
    title: str,
    description: str,
    method: str,
    secrecy: str,
    purpose: str,
    options: Sequence[str],
    candidates: Sequence[User],
    seats: int | None,
) -> Ballot | None:
    """The open vote of this point on the same question with the same choices, if any."""
    labels: list[str] = []
    if method != BallotMethod.MOTION:
        labels = [user.full_name for user in candidates]
        if purpose != BallotPurpose.INSPECTION_BOARD:
            labels = [label.strip() for label in options if label.strip()] + labels
    for ballot in Ballot.objects.filter(
        agenda_item=item,
        status=BallotStatus.OPEN,
        title=title.strip()[:300],
        description=description.strip(),
        method=method,
        secrecy=secrecy,
        purpose=purpose,
    ):
        if method == BallotMethod.ELECTION and ballot.seats != seats:
            continue
        if [option.label for option in ballot.options.order_by("order")] == [
            label[:300] for label in labels
        ]:
            return ballot
    return None


@in_vietnamese
@transaction.atomic
def set_resolution_points(
    *, conference: Conference, actor: User, points: Sequence[str]
) -> Conference:
    """The tasks and targets the resolution states, one per line, before it is put to the vote."""
    conference = Conference.objects.select_for_update().get(pk=conference.pk)
    _not_closed(conference)
    votes = Ballot.objects.filter(
        agenda_item__conference=conference, agenda_item__kind=AgendaKind.RESOLUTION
    )
    adopted = resolution_vote(conference)
    if votes.filter(status=BallotStatus.OPEN).exists() or (
        adopted is not None and adopted.result.get("adopted")
    ):
        # A rejected resolution may be reworded and put to the vote again.
        raise ValidationError(
            _("Nghị quyết đang hoặc đã được biểu quyết; không sửa nội dung được.")
        )
    cleaned = [point.strip() for point in points if point.strip()]
    if not cleaned:
        raise ValidationError({"points": _("Hãy ghi ít nhất một nội dung của nghị quyết.")})
    if conference.resolution_points == cleaned:
        return conference  # the same draft sent again
    conference.resolution_points = cleaned
    conference.save(update_fields=["resolution_points", "updated_at"])
    events.record(
        conference.organisation,
        EventKind.AGENDA_RECORDED,
        f"Ghi dự thảo nghị quyết ({len(cleaned)} nội dung)",
        actor,
        conference=conference,
    )
    return conference


def resolution_vote(conference: Conference) -> Ballot | None:
    """The closed vote adopting the resolution (Điều 51 k4 i), if there is one."""
    return (
        Ballot.objects.filter(
            agenda_item__conference=conference,
            agenda_item__kind=AgendaKind.RESOLUTION,
            status=BallotStatus.CLOSED,
        )
        .order_by("-closed_at")
        .first()
    )


@in_vietnamese
@transaction.atomic
def close_conference(
    *,
    conference: Conference,
    actor: User,
    ended_at: dt.datetime | None = None,
    issued_on: dt.date | None = None,
) -> Conference:
    """Close the session, issue the minutes (Mẫu 1.9) and the resolution, disclose the
    resolution to staff and schedule its first six-monthly check (Điều 52).

    Precondition: in session, no vote still open, and the resolution adopted by more than half
    of those present (Điều 51 k2c).
    """
    conference = Conference.objects.select_for_update().get(pk=conference.pk)
    if conference.status != ConferenceStatus.IN_SESSION:
        raise ValidationError(_("Chỉ bế mạc được hội nghị đang họp."))
    if Ballot.objects.filter(agenda_item__conference=conference, status=BallotStatus.OPEN).exists():
        raise ValidationError(_("Còn cuộc biểu quyết chưa kết thúc."))
    vote = resolution_vote(conference)
    if vote is None or not vote.result.get("adopted"):
        raise ValidationError(
            _("Nghị quyết chưa được thông qua (cần trên 50% số người có mặt tán thành).")
        )
    conference.status = ConferenceStatus.CLOSED
    conference.closed_at = ended_at or timezone.now()
    issued_on = issued_on or timezone.localdate()
    school = conference.organisation
    conference.minutes_document = issue_document(
        organisation=school,
        spec=documents.minutes_spec(conference),
        issued_on=issued_on,
        source=f"democracy.conference:{conference.pk}:bien_ban",
        actor=actor,
    )
    minutes_number = conference.minutes_document.number_symbol
    conference.resolution_document = issue_document(
        organisation=school,
        spec=documents.resolution_spec(conference, minutes_number=minutes_number),
        issued_on=issued_on,
        source=f"democracy.conference:{conference.pk}:nghi_quyet",
        actor=actor,
    )
    conference.resolution_disclosure = _disclose(
        school,
        actor,
        title=f"Nghị quyết {conference.title}",
        document=conference.resolution_document,
        on=issued_on,
        channels=[Channel.CONFERENCE, Channel.INTRANET],
    )
    conference.save(
        update_fields=[
            "status",
            "closed_at",
            "minutes_document",
            "resolution_document",
            "resolution_disclosure",
            "updated_at",
        ]
    )
    due, rule = deadlines.resolution_check_due(conference.held_on, 1)
    ResolutionCheck.objects.create(conference=conference, due_on=due, due_rule=rule)
    events.record(
        school,
        EventKind.CONFERENCE_CLOSED,
        f"Bế mạc {conference.title}; biên bản số {minutes_number}, nghị quyết số "
        f"{conference.resolution_document.number_symbol}; kiểm tra thực hiện nghị quyết "
        f"lần 1 hạn {due:%d/%m/%Y}",
        actor,
        conference=conference,
    )
    return conference


def _disclose(school, actor, *, title: str, document, on: dt.date, channels: list[str]):
    upload = SimpleUploadedFile(
        download_name(document.number_symbol, "docx"),
        render_docx(document.spec),
        content_type=DOCX_MIME,
    )
    item = disclosures.record_disclosure(
        organisation=school,
        obligation=DisclosureObligation.objects.get(code=RESOLUTION_OBLIGATION),
        actor=actor,
        title=title[:300],
        body=document.summary,
        decision_reference=document.number_symbol,
        decision_date=on,
        document=upload,
    )
    return disclosures.publish_disclosure(
        item=item, actor=actor, published_on=on, channels=channels
    )


@in_vietnamese
@transaction.atomic
def record_resolution_check(
    *, check: ResolutionCheck, actor: User, findings: str, done_on: dt.date | None = None
) -> ResolutionCheck:
    """Luật 10/2022/QH15, Điều 52: record the six-monthly check, tell all staff (a staff
    disclosure), and schedule the next one while no later resolution replaces this one."""
    check = (
        ResolutionCheck.objects.select_for_update(of=("self",))
        .select_related("conference")
        .get(pk=check.pk)
    )
    if check.done_on is not None:
        raise ValidationError(_("Lần kiểm tra này đã được ghi nhận."))
    findings = findings.strip()
    if not findings:
        raise ValidationError({"findings": _("Hãy ghi kết quả kiểm tra, đánh giá.")})
    done_on = done_on or timezone.localdate()
    conference = check.conference
    if done_on < conference.held_on or done_on > timezone.localdate():
        raise ValidationError({"done_on": _("Ngày kiểm tra không hợp lệ.")})
    check.done_on = done_on
    check.findings = findings
    check.checked_by = actor
    check.save(update_fields=["done_on", "findings", "checked_by"])
    number = conference.checks.filter(due_on__lte=check.due_on).count()
    item = disclosures.record_disclosure(
        organisation=conference.organisation,
        obligation=DisclosureObligation.objects.get(code=RESOLUTION_OBLIGATION),
        actor=actor,
        title=f"Kết quả kiểm tra thực hiện nghị quyết {conference.title} (lần {number})"[:300],
        body=findings,
        decision_date=done_on,
    )
    disclosures.publish_disclosure(
        item=item, actor=actor, published_on=done_on, channels=[Channel.INTRANET]
    )
    replaced = Conference.objects.filter(
        organisation=conference.organisation,
        kind=ConferenceKind.ANNUAL,
        status=ConferenceStatus.CLOSED,
        held_on__gt=conference.held_on,
    ).exists()
    summary = f"Kiểm tra thực hiện nghị quyết {conference.title} lần {number}"
    if not replaced:
        due, rule = deadlines.resolution_check_due(conference.held_on, number + 1)
        ResolutionCheck.objects.create(conference=conference, due_on=due, due_rule=rule)
        summary += f"; lần {number + 1} hạn {due:%d/%m/%Y}"
    events.record(
        conference.organisation,
        EventKind.RESOLUTION_CHECKED,
        summary,
        actor,
        conference=conference,
    )
    return check
