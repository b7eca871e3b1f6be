"""Use cases of the inspection board (Ban Thanh tra nhân dân): record the board a conference
elected, the union's recognition, the board's programmes, inspections announced ahead of time,
findings and recommendations, the head's answers and the board's follow-up.

Luật 10/2022/QH15 Điều 60–63; Nghị định 59/2023/NĐ-CP Điều 20–22. Stored records are plain
Vietnamese (ADR 1); messages are translated.
"""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.democracy import deadlines, documents, eligibility, events
from gandan.democracy.electorate import staff_of
from gandan.democracy.models import (
    AgendaDocument,
    AgendaItem,
    AgendaKind,
    Ballot,
    BallotPurpose,
    BallotStatus,
    BoardMember,
    BoardPosition,
    BoardTerm,
    EventKind,
    Inspection,
    InspectionStatus,
    Programme,
    ProgrammePeriod,
    Recommendation,
    RecommendationStatus,
)
from gandan.democracy.rules import BOARD_COMPOSITION
from gandan.democracy.services import conferences
from gandan.orgs import services as org_services
from gandan.orgs.models import Membership, Organisation, OrgKind, Role, User
from gandan.paperwork.rendering import render_docx
from gandan.paperwork.responses import DOCX_MIME

POSITION_TITLES = {
    BoardPosition.HEAD: "Trưởng ban thanh tra nhân dân",
    BoardPosition.DEPUTY: "Phó trưởng ban thanh tra nhân dân",
    BoardPosition.MEMBER: "Ủy viên Ban thanh tra nhân dân",
}


@in_vietnamese
def board_unit(school: Organisation, actor: User | None = None) -> Organisation:
    """The school's inspection-board unit in the organisation tree, created when missing."""
    unit = (
        Organisation.objects.filter(parent=school, kind=OrgKind.INSPECTION_BOARD, is_active=True)
        .order_by("pk")
        .first()
    )
    if unit is not None:
        return unit
    slug = f"{school.slug}-bttnd"[:60]
    if Organisation.objects.filter(slug=slug).exists():
        slug = f"{slug[:52]}-{school.pk}"
    return org_services.create_organisation(
        actor=actor,
        parent=school,
        slug=slug,
        kind=OrgKind.INSPECTION_BOARD,
        name="Ban thanh tra nhân dân",
        short_name="Ban TTND",
        symbol=school.symbol,
        place_name=school.place_name,
    )


def current_term(school: Organisation, today: dt.date | None = None) -> BoardTerm | None:
    today = today or timezone.localdate()
    return (
        BoardTerm.objects.filter(organisation=school, starts_on__lte=today, ends_on__gte=today)
        .order_by("-starts_on")
        .first()
    )


def _elected(ballot: Ballot) -> list[User]:
    ids = [row["id"] for row in ballot.result.get("options", []) if row.get("elected")]
    options = ballot.options.filter(pk__in=ids).select_related("candidate")
    return [option.candidate for option in options if option.candidate is not None]


@in_vietnamese
@transaction.atomic
def constitute_board(
    *,
    ballot: Ballot,
    actor: User,
    head: User,
    deputies: Sequence[User] = (),
) -> BoardTerm:
    """Record the board a closed election produced, for two years, and give its members their
    role in the school's board unit.

    Luật 10/2022/QH15, Điều 60: 3 to 9 members (more in a dispersed or special unit), not
    formed with 7 staff or fewer, neither the head, a deputy head nor the chief accountant
    (`eligibility`); NĐ 59/2023, Điều 21 k3: one head of the board and at most one deputy, two
    when the board has nine members or more.
    """
    # Lock the ballot row only: PostgreSQL refuses FOR UPDATE on the nullable side of a join.
    ballot = (
        Ballot.objects.select_for_update(of=("self",))
        .select_related("agenda_item__conference")
        .get(pk=ballot.pk)
    )
    school = ballot.organisation
    if ballot.purpose != BallotPurpose.INSPECTION_BOARD or ballot.status != BallotStatus.CLOSED:
        raise ValidationError(_("Hãy chọn một cuộc bầu Ban Thanh tra nhân dân đã kết thúc."))
    if BoardTerm.objects.filter(ballot=ballot).exists():
        raise ValidationError(_("Kết quả cuộc bầu này đã được ghi nhận."))
    members = _elected(ballot)
    dispersed = eligibility.is_dispersed(school)
    low, high = BOARD_COMPOSITION.seat_range(dispersed=dispersed)
    if len(members) < low or (high is not None and len(members) > high):
        raise ValidationError(
            _("Mới có %(n)d người trúng cử: hãy bầu bổ sung.") % {"n": len(members)}
            + " "
            + eligibility.seats_text(school)
        )
    staff_ids = set(staff_of(school).values_list("pk", flat=True))
    if len(staff_ids) < BOARD_COMPOSITION.min_staff:
        raise ValidationError(
            _("Đơn vị có từ 7 cán bộ trở xuống thì không thành lập Ban Thanh tra nhân dân.")
        )
    refused = eligibility.ineligible(school, members)
    for person in members:
        if person.pk in refused:
            raise ValidationError(
                _("%(name)s không đủ điều kiện là thành viên Ban Thanh tra nhân dân: %(why)s.")
                % {"name": person.full_name, "why": refused[person.pk]}
            )
    member_ids = {person.pk for person in members}
    deputy_ids = {person.pk for person in deputies}
    if head.pk not in member_ids or not deputy_ids <= member_ids or head.pk in deputy_ids:
        raise ValidationError(_("Trưởng ban và phó trưởng ban phải là người trúng cử."))
    if len(deputy_ids) > (2 if len(members) >= 9 else 1):
        raise ValidationError(
            _("Ban có dưới 9 thành viên có tối đa 1 phó trưởng ban; từ 9 thành viên, tối đa 2.")
        )
    conference = ballot.agenda_item.conference if ballot.agenda_item else None
    starts_on = conference.held_on if conference else timezone.localtime(ballot.closed_at).date()
    ends_on = deadlines.board_term_ends(starts_on)
    unit = board_unit(school, actor)
    # A new term ends the one before it; its members who were not re-elected step down.
    for previous in BoardTerm.objects.select_for_update().filter(
        organisation=school, ends_on__gte=starts_on
    ):
        if previous.starts_on >= starts_on - dt.timedelta(days=1):
            raise ValidationError(_("Đã có nhiệm kỳ Ban Thanh tra nhân dân bắt đầu từ ngày này."))
        previous.ends_on = starts_on - dt.timedelta(days=1)
        previous.save(update_fields=["ends_on", "updated_at"])
    for old in (
        Membership.objects.current(starts_on)
        .filter(organisation=unit, role=Role.INSPECTION_BOARD)
        .exclude(user_id__in=member_ids)
    ):
        old.end_date = max(starts_on - dt.timedelta(days=1), old.start_date or dt.date.min)
        old.save(update_fields=["end_date", "updated_at"])
    term = BoardTerm.objects.create(
        organisation=school,
        unit=unit,
        conference=conference,
        ballot=ballot,
        starts_on=starts_on,
        ends_on=ends_on,
        dispersed_or_special=dispersed,
        recognition_due=deadlines.board_recognition_due(starts_on),
        created_by=actor,
    )
    for person in members:
        position = (
            BoardPosition.HEAD
            if person.pk == head.pk
            else BoardPosition.DEPUTY
            if person.pk in deputy_ids
            else BoardPosition.MEMBER
        )
        BoardMember.objects.create(term=term, user=person, position=position)
        membership = org_services.grant_role(
            actor=actor,
            user=person,
            organisation=unit,
            role=Role.INSPECTION_BOARD,
            title=POSITION_TITLES[position],
        )
        membership.start_date, membership.end_date = starts_on, ends_on
        membership.save(update_fields=["start_date", "end_date", "updated_at"])
    events.record(
        school,
        EventKind.BOARD_CONSTITUTED,
        f"Ban Thanh tra nhân dân nhiệm kỳ {starts_on:%d/%m/%Y}–{ends_on:%d/%m/%Y}: "
        + ", ".join(person.full_name for person in members)
        + f" (trưởng ban: {head.full_name})",
        actor,
        board_term=term,
    )
    return term


@in_vietnamese
@transaction.atomic
def recognise_board(*, term: BoardTerm, actor: User, on: dt.date | None = None) -> BoardTerm:
    """NĐ 59/2023/NĐ-CP, Điều 21 k1: the union recognises the result within 05 working days
    after the conference. A late recognition is recorded as late. Precondition: the actor is a
    union officer of the school."""
    term = BoardTerm.objects.select_for_update().get(pk=term.pk)
    if term.recognised_on is not None:
        raise ValidationError(_("Kết quả bầu đã được Công đoàn công nhận."))
    on = on or timezone.localdate()
    if on < term.starts_on or on > timezone.localdate():
        raise ValidationError({"on": _("Ngày công nhận không hợp lệ.")})
    term.recognised_on = on
    term.recognised_by = actor
    term.save(update_fields=["recognised_on", "recognised_by", "updated_at"])
    summary = f"Công đoàn công nhận kết quả bầu Ban Thanh tra nhân dân ngày {on:%d/%m/%Y}"
    if on > term.recognition_due:
        summary += f", chậm so với hạn {term.recognition_due:%d/%m/%Y} (NĐ 59/2023, Điều 21)"
    events.record(term.organisation, EventKind.BOARD_RECOGNISED, summary, actor, board_term=term)
    return term


@in_vietnamese
@transaction.atomic
def add_programme(
    *,
    term: BoardTerm,
    actor: User,
    period: str,
    label: str,
    starts_on: dt.date,
    ends_on: dt.date,
    content: str,
) -> Programme:
    """The board's programme for a quarter, a half-year or a year (Luật 10/2022/QH15, Điều 62
    k2; NĐ 59/2023, Điều 22 k1)."""
    if period not in ProgrammePeriod.values:
        raise ValidationError({"period": _("Hãy chọn quý, 6 tháng hoặc năm.")})
    if not label.strip() or not content.strip():
        raise ValidationError(_("Hãy ghi tên kỳ và nội dung chương trình."))
    if ends_on < starts_on or not term.starts_on <= starts_on <= term.ends_on:
        raise ValidationError(_("Thời gian của chương trình phải nằm trong nhiệm kỳ của Ban."))
    fields = {
        "term": term,
        "period": period,
        "label": label.strip()[:64],
        "starts_on": starts_on,
        "ends_on": ends_on,
        "content": content.strip(),
    }
    # The same programme sent twice (a double click) is one programme.
    added = Programme.objects.filter(**fields).first()
    if added is not None:
        return added
    programme = Programme.objects.create(**fields, created_by=actor)
    events.record(
        term.organisation,
        EventKind.PROGRAMME_ADDED,
        f"Chương trình hoạt động của Ban Thanh tra nhân dân {programme.label}",
        actor,
        board_term=term,
        target=programme,
    )
    return programme


@in_vietnamese
@transaction.atomic
def notify_inspection(
    *,
    term: BoardTerm,
    actor: User,
    subject: str,
    target: str,
    notified_on: dt.date,
    starts_on: dt.date,
    programme: Programme | None = None,
    requested_by: str = "",
) -> Inspection:
    """Announce a check to its object. NĐ 59/2023/NĐ-CP, Điều 22 k1: at least 05 working days
    before it starts, counted on the official calendar."""
    subject, target = subject.strip(), target.strip()
    if not subject or not target:
        raise ValidationError(_("Hãy ghi nội dung và đối tượng kiểm tra."))
    if notified_on > timezone.localdate() or not term.is_current(notified_on):
        raise ValidationError(
            {"notified_on": _("Ngày thông báo phải trong nhiệm kỳ, không ở tương lai.")}
        )
    if programme is not None and programme.term_id != term.pk:
        raise ValidationError({"programme": _("Chương trình không thuộc nhiệm kỳ này.")})
    earliest = deadlines.earliest_inspection_start(notified_on)
    if starts_on < earliest:
        raise ValidationError(
            {
                "starts_on": _(
                    "Phải thông báo trước ít nhất 05 ngày làm việc: thông báo ngày %(notice)s thì "
                    "kiểm tra sớm nhất ngày %(earliest)s."
                )
                % {
                    "notice": notified_on.strftime("%d/%m/%Y"),
                    "earliest": earliest.strftime("%d/%m/%Y"),
                }
            }
        )
    fields = {
        "term": term,
        "programme": programme,
        "subject": subject[:300],
        "target": target[:255],
        "requested_by": requested_by.strip()[:255],
        "notified_on": notified_on,
        "starts_on": starts_on,
    }
    # The same notice sent twice (a double click) announces one check.
    notified = Inspection.objects.filter(**fields).first()
    if notified is not None:
        return notified
    inspection = Inspection.objects.create(**fields, earliest_start=earliest, created_by=actor)
    events.record(
        term.organisation,
        EventKind.INSPECTION_NOTIFIED,
        f"Thông báo kiểm tra “{inspection.subject}” ({inspection.target}) ngày "
        f"{notified_on:%d/%m/%Y}, bắt đầu {starts_on:%d/%m/%Y}",
        actor,
        board_term=term,
        inspection=inspection,
    )
    return inspection


@in_vietnamese
@transaction.atomic
def conclude_inspection(
    *,
    inspection: Inspection,
    actor: User,
    findings: str,
    recommendations: Sequence[str],
    concluded_on: dt.date | None = None,
) -> Inspection:
    """The board's findings and its recommendations to the head (Luật 10/2022/QH15, Điều 61)."""
    inspection = (
        Inspection.objects.select_for_update(of=("self",))
        .select_related("term")
        .get(pk=inspection.pk)
    )
    if inspection.status != InspectionStatus.NOTIFIED:
        raise ValidationError(_("Cuộc kiểm tra này đã có kết luận."))
    findings = findings.strip()
    if not findings:
        raise ValidationError({"findings": _("Hãy ghi kết quả kiểm tra.")})
    concluded_on = concluded_on or timezone.localdate()
    if concluded_on < inspection.starts_on or concluded_on > timezone.localdate():
        raise ValidationError({"concluded_on": _("Ngày kết luận phải từ ngày bắt đầu kiểm tra.")})
    texts = [text.strip() for text in recommendations if text.strip()]
    inspection.status = InspectionStatus.DONE
    inspection.findings = findings
    inspection.concluded_on = concluded_on
    inspection.save(update_fields=["status", "findings", "concluded_on", "updated_at"])
    # The conclusion reaches the head through Gần Dân the day it is recorded: the head's 15
    # days (Luật 10/2022/QH15, Điều 63 k1c) run from the day of the conclusion.
    due = deadlines.recommendation_answer_due(concluded_on)
    limit = deadlines.recommendation_answer_limit(concluded_on)
    Recommendation.objects.bulk_create(
        Recommendation(
            inspection=inspection,
            order=index,
            text=text,
            received_on=concluded_on,
            answer_due=due,
            answer_rule=limit.text[:200] if limit else "",
        )
        for index, text in enumerate(texts, start=1)
    )
    summary = f"Kết luận kiểm tra “{inspection.subject}”: {len(texts)} kiến nghị"
    if texts and due is not None:
        summary += f", thủ trưởng trả lời chậm nhất ngày {due:%d/%m/%Y}"
    events.record(
        inspection.term.organisation,
        EventKind.INSPECTION_CONCLUDED,
        summary,
        actor,
        board_term=inspection.term,
        inspection=inspection,
    )
    return inspection


@in_vietnamese
@transaction.atomic
def answer_recommendation(
    *, recommendation: Recommendation, actor: User, answer: str, on: dt.date | None = None
) -> Recommendation:
    """The head answers a recommendation (Luật 10/2022/QH15, Điều 59 k1: promptly)."""
    recommendation = (
        Recommendation.objects.select_for_update(of=("self",))
        .select_related("inspection__term")
        .get(pk=recommendation.pk)
    )
    if recommendation.status != RecommendationStatus.OPEN:
        raise ValidationError(_("Kiến nghị này đã được trả lời."))
    answer = answer.strip()
    if not answer:
        raise ValidationError({"answer": _("Hãy ghi nội dung trả lời.")})
    on = on or timezone.localdate()
    received = recommendation.received_on
    if on > timezone.localdate() or (received is not None and on < received):
        raise ValidationError({"on": _("Ngày trả lời phải từ ngày nhận kiến nghị đến hôm nay.")})
    recommendation.answer = answer
    recommendation.answered_by = actor
    recommendation.answered_on = on
    recommendation.status = RecommendationStatus.ANSWERED
    recommendation.save(update_fields=["answer", "answered_by", "answered_on", "status"])
    inspection = recommendation.inspection
    summary = (
        f"Thủ trưởng trả lời kiến nghị {recommendation.order} của cuộc kiểm tra "
        f"“{inspection.subject}”"
    )
    if recommendation.answered_late():
        summary += (
            f", chậm so với hạn {recommendation.answer_due:%d/%m/%Y} (Luật 10/2022/QH15, Điều 63)"
        )
    events.record(
        inspection.term.organisation,
        EventKind.RECOMMENDATION_ANSWERED,
        summary,
        actor,
        board_term=inspection.term,
        inspection=inspection,
    )
    return recommendation


@in_vietnamese
@transaction.atomic
def follow_up_recommendation(
    *,
    recommendation: Recommendation,
    actor: User,
    implemented: bool,
    note: str,
    on: dt.date | None = None,
) -> Recommendation:
    """The board checks what the head's answer led to: carried out (the matter closes) or not
    yet (it stays under follow-up) (Luật 10/2022/QH15, Điều 61)."""
    recommendation = (
        Recommendation.objects.select_for_update(of=("self",))
        .select_related("inspection__term")
        .get(pk=recommendation.pk)
    )
    if recommendation.status != RecommendationStatus.ANSWERED:
        raise ValidationError(_("Chỉ theo dõi kiến nghị đã được thủ trưởng trả lời."))
    note = note.strip()
    if not note:
        raise ValidationError({"note": _("Hãy ghi kết quả theo dõi.")})
    recommendation.implemented = implemented
    recommendation.follow_up = note
    recommendation.followed_up_on = on or timezone.localdate()
    if implemented:
        recommendation.status = RecommendationStatus.CLOSED
    recommendation.save(update_fields=["implemented", "follow_up", "followed_up_on", "status"])
    inspection = recommendation.inspection
    outcome = "đã thực hiện" if implemented else "chưa thực hiện, tiếp tục theo dõi"
    events.record(
        inspection.term.organisation,
        EventKind.RECOMMENDATION_FOLLOWED,
        f"Ban theo dõi kiến nghị {recommendation.order} (“{inspection.subject}”): {outcome}",
        actor,
        board_term=inspection.term,
        inspection=inspection,
    )
    return recommendation


def recompute_answer_dues(*, organisation: Organisation | None = None) -> int:
    """Store again the last day to answer every recommendation still awaiting the head's
    answer (after a change of the working calendar, or for those recorded before due dates
    were stored). Safe to rerun: the result depends only on the day of receipt, the rule and
    the calendar."""
    pending = Recommendation.objects.awaiting_answer().select_related("inspection__term")
    if organisation is not None:
        pending = pending.filter(inspection__term__organisation=organisation)
    count = 0
    for recommendation in pending:
        received = recommendation.received_on or recommendation.inspection.concluded_on
        if received is None:
            continue
        limit = deadlines.recommendation_answer_limit(received)
        recommendation.received_on = received
        recommendation.answer_due = deadlines.recommendation_answer_due(received)
        recommendation.answer_rule = limit.text[:200] if limit else ""
        recommendation.save(update_fields=["received_on", "answer_due", "answer_rule"])
        count += 1
    return count


@in_vietnamese
def attach_board_report(*, item: AgendaItem, actor: User, term: BoardTerm) -> AgendaDocument:
    """Put the board's report before the conference under point đ) of Điều 51 k4."""
    if item.kind != AgendaKind.BOARD_REPORT:
        raise ValidationError(_("Báo cáo của Ban đính kèm vào mục báo cáo của Ban Thanh tra."))
    spec = documents.board_report_spec(term, until=item.conference.held_on)
    upload = SimpleUploadedFile(
        "bao-cao-ban-thanh-tra-nhan-dan.docx", render_docx(spec), content_type=DOCX_MIME
    )
    return conferences.attach_document(item=item, actor=actor, upload=upload)
