"""The staff conference (Luật 10/2022/QH15, Điều 51–52): its deadline on the official calendar,
attendance and the 2/3 quorum, votes of those present carried by more than half of them, the
minutes and the resolution, the six-monthly checks."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from gandan.democracy import deadlines
from gandan.democracy.models import (
    AgendaKind,
    BallotMethod,
    BallotPurpose,
    Conference,
    ConferenceKind,
    ConferenceStatus,
    DemocracyEvent,
    DisclosureItem,
    Elector,
    ResolutionCheck,
    Secrecy,
)
from gandan.democracy.services import ballots, conferences
from gandan.paperwork.models import OutgoingDocument

NOW = dt.datetime(2026, 10, 12, 7, tzinfo=dt.UTC)  # Monday 12/10/2026, 14:00 in Hà Nội
HELD_ON = dt.date(2026, 10, 12)


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.mark.parametrize(
    ("work_year_ends", "due"),
    [
        # Luật 10/2022/QH15, Điều 51 k1: within three months (BLDS 2015 Điều 148 k3).
        (dt.date(2026, 8, 31), dt.date(2026, 11, 30)),  # 30/11 has no 31st: last day of month
        (dt.date(2026, 6, 30), dt.date(2026, 9, 30)),
        # Điều 148 k5: 29/8/2026 is a Saturday, 31/8 a bridge day off, 1–2/9 National Day.
        (dt.date(2026, 5, 29), dt.date(2026, 9, 3)),
        (dt.date(2026, 5, 31), dt.date(2026, 9, 3)),
        (dt.date(2026, 6, 2), dt.date(2026, 9, 3)),
        (dt.date(2026, 11, 30), dt.date(2027, 3, 1)),  # 28/02/2027 is a Sunday
        (dt.date(2027, 11, 30), dt.date(2028, 2, 29)),  # a leap year keeps the 29th
    ],
)
def test_annual_conference_due_date_on_the_official_calendar(db, work_year_ends, due):
    assert deadlines.conference_due_by(work_year_ends)[0] == due


def test_the_due_rule_says_why_a_date_moved(db):
    _due, rule = deadlines.conference_due_by(dt.date(2026, 11, 30))
    assert rule == (
        "3 tháng kể từ ngày kết thúc năm công tác 30/11/2026 (ngày 28/02/2027 là ngày nghỉ)"
    )


@pytest.mark.parametrize(
    ("held_on", "number", "due"),
    [
        # Luật 10/2022/QH15, Điều 52: every six months, counted from the conference.
        (dt.date(2026, 10, 12), 1, dt.date(2027, 4, 12)),
        (dt.date(2026, 10, 12), 2, dt.date(2027, 10, 12)),
        (dt.date(2026, 8, 31), 1, dt.date(2027, 3, 1)),  # 28/02/2027 is a Sunday
        (dt.date(2026, 3, 31), 1, dt.date(2026, 9, 30)),
    ],
)
def test_six_monthly_checks_of_the_resolution(db, held_on, number, due):
    assert deadlines.resolution_check_due(held_on, number)[0] == due


@pytest.fixture
def staff(school, principal, deputy, teacher, inspector, clerk, union_officer, more_teachers):
    """Nine staff: 2/3 of them is six."""
    return [principal, deputy, teacher, inspector, clerk, union_officer, *more_teachers(3)]


@pytest.fixture
def conference(school, principal, union_officer, clerk, staff):
    return conferences.convene_conference(
        organisation=school,
        actor=principal,
        work_year_label="năm học 2025–2026",
        work_year_ends=dt.date(2026, 8, 31),
        held_on=HELD_ON,
        place="Hội trường nhà trường",
        union_chair=union_officer,
        secretary=clerk,
    )


def test_convening_summons_all_staff_and_lays_out_the_order_of_business(conference, staff):
    assert conference.summoned_count == 9
    assert conference.attendees.count() == 9
    assert conference.due_by == dt.date(2026, 11, 30)
    assert not conference.is_held_late
    assert list(conference.agenda.values_list("kind", flat=True)) == [
        AgendaKind.HEAD_REPORT,
        AgendaKind.UNION_REPORT,
        AgendaKind.DISCUSSION,
        AgendaKind.ANSWERS,
        AgendaKind.BOARD_REPORT,
        AgendaKind.DECISIONS,
        AgendaKind.AWARDS,
        AgendaKind.PLEDGE,
        AgendaKind.RESOLUTION,
    ]
    assert conference.title == "Hội nghị cán bộ, viên chức, người lao động năm học 2025–2026"


def test_a_conference_after_the_due_date_is_flagged(school, principal, union_officer, staff):
    # when: the work year ended on 30/6, the limit was 30/9
    late = conferences.convene_conference(
        organisation=school,
        actor=principal,
        work_year_label="năm học 2025–2026",
        work_year_ends=dt.date(2026, 6, 30),
        held_on=dt.date(2026, 10, 1),
        place="Hội trường",
        union_chair=union_officer,
    )
    # then
    assert late.is_held_late
    assert "quá hạn tổ chức 30/09/2026 (Điều 51 khoản 1)" in (
        DemocracyEvent.objects.get(conference=late).summary
    )


def test_an_annual_conference_meets_after_the_work_year(school, principal, union_officer, staff):
    with pytest.raises(ValidationError):
        conferences.convene_conference(
            organisation=school,
            actor=principal,
            work_year_label="năm học 2025–2026",
            work_year_ends=dt.date(2026, 10, 31),
            held_on=HELD_ON,
            place="Hội trường",
            union_chair=union_officer,
        )
    assert not Conference.objects.exists()


def test_the_union_partner_must_be_a_union_officer(school, principal, teacher, staff):
    with pytest.raises(ValidationError):
        conferences.convene_conference(
            organisation=school,
            actor=principal,
            work_year_label="năm học 2025–2026",
            work_year_ends=dt.date(2026, 8, 31),
            held_on=HELD_ON,
            place="Hội trường",
            union_chair=teacher,
        )
    assert not Conference.objects.exists()


def _attend(conference, principal, people):
    return conferences.record_attendance(
        conference=conference, actor=principal, present=[person.pk for person in people]
    )


def test_opening_waits_for_attendance(conference, principal):
    with pytest.raises(ValidationError):
        conferences.open_conference(conference=conference, actor=principal)
    conference.refresh_from_db()
    assert conference.status == ConferenceStatus.CONVENED


def test_five_of_nine_is_short_of_two_thirds_and_nothing_opens(conference, principal, staff):
    # given
    _attend(conference, principal, staff[:5])
    # when / then
    with pytest.raises(ValidationError) as error:
        conferences.open_conference(conference=conference, actor=principal)
    assert "5/9" in error.value.messages[0] and "ít nhất 6 người" in error.value.messages[0]
    conference.refresh_from_db()
    assert (conference.status, conference.opened_at) == (ConferenceStatus.CONVENED, None)


def test_exactly_two_thirds_present_makes_the_conference_valid(conference, principal, staff):
    # given: 6 of 9
    _attend(conference, principal, staff[:6])
    # when
    conference = conferences.open_conference(conference=conference, actor=principal)
    # then
    assert conference.status == ConferenceStatus.IN_SESSION
    assert conferences.quorum(conference) == {
        "present": 6,
        "summoned": 9,
        "absent": 3,
        "taken": True,
        "required": 6,
        "met": True,
    }


def _item(conference, kind):
    return conference.agenda.get(kind=kind)


@pytest.fixture
def sitting(conference, principal, staff):
    """In session with the first six present; the last three absent."""
    _attend(conference, principal, staff[:6])
    return conferences.open_conference(conference=conference, actor=principal)


def _motion(sitting, principal, title="Thông qua mức đóng góp quỹ phúc lợi 200.000 đồng/năm"):
    return conferences.open_conference_vote(
        item=_item(sitting, AgendaKind.DECISIONS),
        actor=principal,
        title=title,
        method=BallotMethod.MOTION,
        secrecy=Secrecy.OPEN,
    )


def _vote(ballot, people, choice):
    for person in people:
        ballots.cast_ballot(ballot=ballot, voter=person, choices=[choice])


def test_those_present_vote_and_the_quorum_counts_those_summoned(sitting, principal, staff):
    # when
    ballot = _motion(sitting, principal)
    # then
    assert set(Elector.objects.filter(ballot=ballot).values_list("user_id", flat=True)) == {
        person.pk for person in staff[:6]
    }
    assert ballot.electorate_size == 9
    assert ballot.agenda_item.conference == sitting
    # and someone absent cannot vote
    with pytest.raises(ValidationError):
        ballots.cast_ballot(ballot=ballot, voter=staff[8], choices=["yes"])


def test_exactly_half_of_those_present_does_not_carry(sitting, principal, staff):
    # given: 3 of the 6 present approve, 3 oppose
    ballot = _motion(sitting, principal)
    _vote(ballot, staff[:3], "yes")
    _vote(ballot, staff[3:6], "no")
    # when: closed without giving the attendance: the conference's electorate is used
    ballot = ballots.close_ballot(ballot=ballot, actor=principal)
    # then: Điều 51 k2c: more than 50 % is needed
    assert ballot.attendance == 6
    assert ballot.result["adopted"] is False
    assert ballot.result["threshold_required"] == 4
    assert ballot.result["quorum_met"] is True


def test_silence_counts_against_a_motion(sitting, principal, staff):
    # given: 3 approve, 1 opposes, 2 present do not vote: 3 of 4 votes but only 3 of 6 present
    ballot = _motion(sitting, principal)
    _vote(ballot, staff[:3], "yes")
    _vote(ballot, staff[3:4], "no")
    # when
    ballot = ballots.close_ballot(ballot=ballot, actor=principal)
    # then
    assert ballot.result["adopted"] is False


def test_more_than_half_of_those_present_carries(sitting, principal, staff):
    ballot = _motion(sitting, principal)
    _vote(ballot, staff[:4], "yes")
    ballot = ballots.close_ballot(ballot=ballot, actor=principal)
    assert ballot.result["adopted"] is True
    assert ballot.result["counts"] == {"yes": 4, "no": 0, "abstain": 0}


def test_the_board_is_elected_under_point_e_only(sitting, principal, teacher, inspector, staff):
    with pytest.raises(ValidationError):
        conferences.open_conference_vote(
            item=_item(sitting, AgendaKind.AWARDS),
            actor=principal,
            title="Bầu Ban Thanh tra nhân dân",
            method=BallotMethod.ELECTION,
            secrecy=Secrecy.SECRET,
            purpose=BallotPurpose.INSPECTION_BOARD,
            candidates=[teacher, inspector, staff[6]],
            seats=3,
        )
    assert not sitting.agenda.filter(ballots__isnull=False).exists()


def _adopt_resolution(sitting, principal, staff, yes=4):
    conferences.set_resolution_points(
        conference=sitting,
        actor=principal,
        points=["100% giáo viên đạt chuẩn nghề nghiệp", "Không có cán bộ vi phạm đạo đức"],
    )
    vote = conferences.open_conference_vote(
        item=_item(sitting, AgendaKind.RESOLUTION),
        actor=principal,
        title="Thông qua nghị quyết hội nghị",
        method=BallotMethod.MOTION,
        secrecy=Secrecy.OPEN,
    )
    _vote(vote, staff[:yes], "yes")
    _vote(vote, staff[yes:6], "no")
    return ballots.close_ballot(ballot=vote, actor=principal)


def test_a_resolution_with_exactly_half_cannot_be_issued(sitting, principal, staff, media):
    # given
    vote = _adopt_resolution(sitting, principal, staff, yes=3)
    assert vote.result["adopted"] is False
    # when / then
    with pytest.raises(ValidationError):
        conferences.close_conference(conference=sitting, actor=principal)
    sitting.refresh_from_db()
    assert sitting.status == ConferenceStatus.IN_SESSION
    assert not OutgoingDocument.objects.exists()
    assert not ResolutionCheck.objects.exists()
    # and the rejected resolution may be reworded and voted again
    conferences.set_resolution_points(conference=sitting, actor=principal, points=["Sửa lại"])


def test_a_resolution_cannot_be_reworded_once_adopted(sitting, principal, staff, media):
    _adopt_resolution(sitting, principal, staff)
    with pytest.raises(ValidationError):
        conferences.set_resolution_points(conference=sitting, actor=principal, points=["Khác"])


def test_closing_issues_minutes_and_resolution_and_discloses_the_resolution(
    sitting, principal, staff, media
):
    # given
    motion = _motion(sitting, principal)
    _vote(motion, staff[:5], "yes")
    ballots.close_ballot(ballot=motion, actor=principal)
    _adopt_resolution(sitting, principal, staff)
    # when
    closed = conferences.close_conference(conference=sitting, actor=principal)
    # then: two documents in the register, in order
    assert closed.status == ConferenceStatus.CLOSED
    assert closed.minutes_document is not None and closed.resolution_document is not None
    assert closed.minutes_document.number_symbol == "01/BB-THTT"
    assert closed.resolution_document.number_symbol == "02/NQ-THTT"
    # then: the resolution is a published staff disclosure with its .docx
    assert closed.resolution_disclosure_id is not None
    item = DisclosureItem.objects.get(pk=closed.resolution_disclosure_id)
    assert item.published_on == HELD_ON
    assert item.obligation.code == "noi-bo-noi-dung-khac"
    assert item.decision_reference == "02/NQ-THTT"
    assert set(item.channels) == {"conference", "intranet"}
    # then: the first six-monthly check is scheduled (Điều 52)
    check = ResolutionCheck.objects.get(conference=closed)
    assert check.due_on == dt.date(2027, 4, 12)


def test_closing_waits_for_open_votes(sitting, principal, staff, media):
    _adopt_resolution(sitting, principal, staff)
    _motion(sitting, principal)
    with pytest.raises(ValidationError):
        conferences.close_conference(conference=sitting, actor=principal)
    assert not OutgoingDocument.objects.exists()


def test_a_check_is_told_to_staff_and_the_next_one_scheduled(sitting, principal, staff, media):
    # given
    _adopt_resolution(sitting, principal, staff)
    closed = conferences.close_conference(conference=sitting, actor=principal)
    check = closed.checks.get()
    # when: six months on
    with time_machine.travel(dt.datetime(2027, 4, 12, 3, tzinfo=dt.UTC), tick=False):
        conferences.record_resolution_check(
            check=check, actor=principal, findings="Đạt 2/2 chỉ tiêu đến tháng 4."
        )
    # then
    assert [c.due_on for c in closed.checks.order_by("due_on")] == [
        dt.date(2027, 4, 12),
        dt.date(2027, 10, 12),
    ]
    told = DisclosureItem.objects.get(title__startswith="Kết quả kiểm tra thực hiện nghị quyết")
    assert told.body == "Đạt 2/2 chỉ tiêu đến tháng 4." and told.published_on is not None
    # and the same check is not recorded twice
    with pytest.raises(ValidationError):
        conferences.record_resolution_check(check=check, actor=principal, findings="Lại.")


def test_an_extraordinary_conference_has_no_yearly_due_date(
    school, principal, union_officer, staff
):
    extra = conferences.convene_conference(
        organisation=school,
        actor=principal,
        kind=ConferenceKind.EXTRAORDINARY,
        work_year_label="năm học 2026–2027",
        held_on=HELD_ON,
        place="Hội trường",
        union_chair=union_officer,
        matters=["Điều chỉnh mức chi hỗ trợ dạy buổi chiều"],
    )
    assert (extra.due_by, extra.work_year_ends, extra.is_held_late) == (None, None, False)
    assert extra.title.startswith("Hội nghị bất thường")
