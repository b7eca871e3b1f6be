"""With English on the screen, grassroots democracy still stores Vietnamese (ADR 1, addendum):
its timeline, the audit rows, the registered minutes, resolution and summary, and the drafts the
board and the head download."""

import datetime as dt

import pytest
import time_machine

from gandan.core.stored_language import english_fragments
from gandan.democracy import documents
from gandan.democracy.models import (
    AgendaKind,
    BallotMethod,
    BallotPurpose,
    Channel,
    ConsultationAudience,
    ConsultationSubject,
    Decision,
    DisclosureObligation,
    ElectorateKind,
    Motion,
    ProgrammePeriod,
    RequestReason,
    RulePreset,
    Secrecy,
)
from gandan.democracy.services import ballots, conferences, consultations, disclosures
from gandan.democracy.services import inspection as board
from gandan.paperwork.document import DocumentSpec

HELD_ON = dt.date(2026, 10, 12)  # Monday
CONFERENCE_DAY = dt.datetime(2026, 10, 12, 7, tzinfo=dt.UTC)  # 14:00 in Hà Nội
RECOGNITION_DAY = dt.datetime(2026, 10, 26, 3, tzinfo=dt.UTC)  # after the 19/10 limit
TODAY = dt.datetime(2026, 11, 20, 3, tzinfo=dt.UTC)


@pytest.fixture
def staff(school, principal, deputy, teacher, inspector, clerk, union_officer, more_teachers):
    """Nine staff: 2/3 of them is six; seven may sit on the board."""
    return [principal, deputy, teacher, inspector, clerk, union_officer, *more_teachers(3)]


def _english_in(spec: DocumentSpec) -> list[str]:
    text = repr(spec)
    return [fragment for fragment in english_fragments() if fragment in text]


def _vote(ballot, people, choice: str) -> None:
    for person in people:
        ballots.cast_ballot(ballot=ballot, voter=person, choices=[choice])


def _hold_conference(school, principal, union_officer, clerk, teacher, staff):
    """Convene, take attendance, open, elect the board, decide, adopt and close."""
    conference = conferences.convene_conference(
        organisation=school,
        actor=principal,
        work_year_label="năm học 2025–2026",
        work_year_ends=dt.date(2026, 6, 30),  # due 30/9: convened late, on purpose
        held_on=HELD_ON,
        place="Hội trường nhà trường",
        union_chair=union_officer,
        secretary=clerk,
    )
    absent = staff[-1]
    conferences.record_attendance(
        conference=conference,
        actor=principal,
        present=[person.pk for person in staff if person != absent],
        absence_reasons={absent.pk: "Ốm"},
    )
    conference = conferences.open_conference(conference=conference, actor=principal)
    present = [person for person in staff if person != absent]
    head_report = conference.agenda.get(kind=AgendaKind.HEAD_REPORT)
    conferences.record_agenda_item(
        item=head_report,
        actor=clerk,
        notes="Hiệu trưởng báo cáo kết quả năm học.",
        presenter="Hiệu trưởng",
    )
    decisions = conference.agenda.get(kind=AgendaKind.DECISIONS)
    candidates = [teacher, clerk, staff[6]]
    election = conferences.open_conference_vote(
        item=decisions,
        actor=principal,
        title="Bầu Ban Thanh tra nhân dân nhiệm kỳ 2026–2028",
        method=BallotMethod.ELECTION,
        secrecy=Secrecy.SECRET,
        purpose=BallotPurpose.INSPECTION_BOARD,
        candidates=candidates,
        seats=3,
    )
    choices = [str(option.pk) for option in election.options.all()]
    for person in present:
        ballots.cast_ballot(ballot=election, voter=person, choices=choices)
    election = ballots.close_ballot(ballot=election, actor=principal)
    term = board.constitute_board(ballot=election, actor=principal, head=teacher, deputies=[clerk])
    board.attach_board_report(
        item=conference.agenda.get(kind=AgendaKind.BOARD_REPORT), actor=teacher, term=term
    )
    motion = conferences.open_conference_vote(
        item=decisions,
        actor=principal,
        title="Thông qua mức đóng góp quỹ phúc lợi 200.000 đồng/năm",
        secrecy=Secrecy.OPEN,
    )
    _vote(motion, present, Motion.YES)
    ballots.close_ballot(ballot=motion, actor=principal)
    conferences.set_resolution_points(
        conference=conference, actor=principal, points=["Tỷ lệ học sinh lên lớp đạt 99%"]
    )
    resolution = conferences.open_conference_vote(
        item=conference.agenda.get(kind=AgendaKind.RESOLUTION),
        actor=principal,
        title="Thông qua nghị quyết hội nghị",
        secrecy=Secrecy.OPEN,
    )
    _vote(resolution, present, Motion.YES)
    ballots.close_ballot(ballot=resolution, actor=principal)
    conference = conferences.close_conference(conference=conference, actor=principal)
    return conference, term


def test_the_year_of_democracy_is_stored_in_vietnamese_from_an_english_screen(
    media,
    school,
    principal,
    deputy,
    teacher,
    inspector,
    clerk,
    union_officer,
    staff,
    english_screen,
    assert_stored_vietnamese,
):
    # given: the staff conference held, the board elected, minutes and resolution issued
    with time_machine.travel(CONFERENCE_DAY, tick=False):
        conference, term = _hold_conference(school, principal, union_officer, clerk, teacher, staff)
    # and: the union recognises the board late; the board plans and announces an inspection
    with time_machine.travel(RECOGNITION_DAY, tick=False):
        board.recognise_board(term=term, actor=union_officer)
        programme = board.add_programme(
            term=term,
            actor=teacher,
            period=ProgrammePeriod.QUARTER,
            label="Quý IV/2026",
            starts_on=HELD_ON,
            ends_on=dt.date(2026, 12, 31),
            content="Giám sát việc thu, chi các khoản đóng góp.",
        )
        inspection = board.notify_inspection(
            term=term,
            actor=teacher,
            subject="Việc thu, chi quỹ phúc lợi",
            target="Bộ phận kế toán",
            notified_on=dt.date(2026, 10, 26),
            starts_on=dt.date(2026, 11, 2),
            programme=programme,
        )
    with time_machine.travel(TODAY, tick=False):
        # when: the board concludes, the head answers, the board follows up
        inspection = board.conclude_inspection(
            inspection=inspection,
            actor=teacher,
            findings="Thu, chi đúng quy chế.",
            recommendations=["Niêm yết công khai bảng thu, chi hằng tháng."],
        )
        recommendation = inspection.recommendations.get()
        recommendation = board.answer_recommendation(
            recommendation=recommendation, actor=principal, answer="Nhà trường tiếp thu."
        )
        board.follow_up_recommendation(
            recommendation=recommendation, actor=teacher, implemented=False, note="Đang làm."
        )
        # and: the resolution's first check
        conferences.record_resolution_check(
            check=conference.checks.get(), actor=principal, findings="Đã thực hiện đúng tiến độ."
        )
        # and: a staff disclosure published, read, taken down too early; another withdrawn
        rules = DisclosureObligation.objects.get(code="noi-bo-noi-quy-quy-che")
        item = disclosures.record_disclosure(
            organisation=school,
            obligation=rules,
            actor=principal,
            title="Quy chế chi tiêu nội bộ năm 2027",
            body="Nội dung đã công khai để mọi người đọc.",
            decision_reference="12/QĐ-THTT",
            decision_date=dt.date(2026, 11, 16),
        )
        item = disclosures.publish_disclosure(
            item=item,
            actor=principal,
            published_on=dt.date(2026, 11, 19),
            channels=[Channel.INTRANET],
        )
        disclosures.acknowledge_disclosure(item=item, user=teacher)
        disclosures.take_down_disclosure(
            item=item, actor=principal, taken_down_on=dt.date(2026, 11, 20)
        )
        yearly = disclosures.record_disclosure(
            organisation=school,
            obligation=DisclosureObligation.objects.get(code="noi-bo-ke-hoach-cong-tac"),
            actor=principal,
            title="Kế hoạch năm học 2026–2027",
            year=2026,
            decision_date=dt.date(2026, 9, 5),
        )
        disclosures.withdraw_disclosure(item=yearly, actor=principal, reason="Ghi nhầm năm.")
        # and: an information request, declined with a reason
        request = disclosures.request_information(
            organisation=school,
            requester=teacher,
            reason=RequestReason.NOT_DISCLOSED,
            text="Xin được biết dự toán ngân sách năm 2027.",
        )
        disclosures.answer_information_request(
            request=request, actor=principal, answer="Chưa có dự toán.", declined=True
        )
        # and: a draft put to staff, commented on, revised, closed, answered and published
        consultation = consultations.open_consultation(
            organisation=school,
            actor=principal,
            title="Quy chế chi tiêu nội bộ năm 2027",
            subject=ConsultationSubject.SPENDING_RULES,
            audience=ConsultationAudience.STAFF,
            draft_text="Điều 1. Phạm vi.\nĐiều 2. Công tác phí: 150.000 đồng/ngày.",
            deadline=dt.date(2026, 11, 27),
            allow_anonymous=True,
        )
        paragraph = consultation.current_version().paragraphs.get(order=2)
        consultations.add_comment(
            consultation=consultation, author=teacher, text="Nên tăng lên 200.000 đồng."
        )
        consultations.revise_draft(
            consultation=consultation,
            actor=principal,
            draft_text="Điều 1. Phạm vi.\nĐiều 2. Công tác phí: 200.000 đồng/ngày.",
            note="Tăng công tác phí",
        )
        paragraph = consultation.current_version().paragraphs.get(order=2)
        consultations.add_comment(
            consultation=consultation,
            author=clerk,
            text="Đồng ý.",
            paragraph=paragraph,
            anonymous=True,
        )
        consultations.close_consultation(consultation=consultation, actor=principal)
        for comment in consultation.comments.all():
            consultations.answer_comment(
                comment=comment, actor=principal, decision=Decision.ACCEPTED, reason="Hợp lý."
            )
        consultations.publish_consultation(consultation=consultation, actor=principal)
        # and: a ballot of all staff, voted and closed; another cancelled
        ballot = ballots.create_ballot(
            organisation=school,
            actor=principal,
            title="Chọn ngày tổ chức hội thao",
            method=BallotMethod.APPROVAL,
            secrecy=Secrecy.SECRET,
            electorate_kind=ElectorateKind.ALL_STAFF,
            rule=RulePreset.BOARD,
            options=["Thứ Bảy 28/11", "Chủ nhật 29/11"],
        )
        ballot = ballots.open_ballot(ballot=ballot, actor=principal)
        first = str(ballot.options.all()[0].pk)
        for person in staff[:5]:
            ballots.cast_ballot(ballot=ballot, voter=person, choices=[first])
        ballots.close_ballot(ballot=ballot, actor=principal)
        cancelled = ballots.create_ballot(
            organisation=school,
            actor=principal,
            title="Chọn đồng phục mới",
            method=BallotMethod.MOTION,
            secrecy=Secrecy.OPEN,
            electorate_kind=ElectorateKind.ALL_STAFF,
            rule=RulePreset.BOARD,
        )
        ballots.cancel_ballot(ballot=cancelled, actor=principal, reason="Để sang năm sau.")
    # then: every stored record is Vietnamese
    assert_stored_vietnamese()


def test_drafts_downloaded_from_an_english_screen_are_vietnamese(
    media, school, principal, teacher, clerk, union_officer, staff, english_screen
):
    # given: a board with a programme, and a closed consultation before its summary is issued
    with time_machine.travel(CONFERENCE_DAY, tick=False):
        _conference, term = _hold_conference(
            school, principal, union_officer, clerk, teacher, staff
        )
        consultation = consultations.open_consultation(
            organisation=school,
            actor=principal,
            title="Quy chế dân chủ",
            subject=ConsultationSubject.SPENDING_RULES,
            audience=ConsultationAudience.STAFF,
            draft_text="Điều 1. Phạm vi.",
            deadline=dt.date(2026, 10, 16),
        )
        consultations.add_comment(consultation=consultation, author=teacher, text="Đồng ý.")
        consultations.close_consultation(consultation=consultation, actor=principal)
        # when: the views' draft downloads build their documents
        report = documents.board_report_spec(term, until=dt.date(2026, 10, 12))
        summary = documents.consultation_summary_spec(consultation)
    # then: no English in either (the board members' positions included)
    assert _english_in(report) == []
    assert "trưởng ban" in repr(report)
    assert _english_in(summary) == []


def test_the_demo_built_from_an_english_screen_is_vietnamese(
    db, settings, tmp_path, english_screen, assert_stored_vietnamese
):
    # given: the demo school
    from gandan.democracy import demo
    from gandan.orgs import demo as orgs_demo

    settings.MEDIA_ROOT = tmp_path / "files"
    with time_machine.travel(dt.datetime(2026, 11, 28, 3, tzinfo=dt.UTC), tick=False):
        school = orgs_demo.build()
        # when: its disclosures, ballots, conference, board and consultation are built
        demo.build(school)
    # then
    assert_stored_vietnamese()
