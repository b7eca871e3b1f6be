"""The inspection board (Luật 10/2022/QH15 Điều 60–63; NĐ 59/2023 Điều 20–22): elected by the
conference, 3–9 members, two-year term, not formed with 7 staff or fewer, never the head or a
deputy; recognised by the union within 5 working days; inspections announced 5 working days
ahead; recommendations answered and followed up; the oversight page."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from gandan.democracy import deadlines, documents, oversight
from gandan.democracy.models import (
    AgendaKind,
    BallotMethod,
    BallotPurpose,
    BoardPosition,
    BoardTerm,
    DemocracyEvent,
    EventKind,
    Inspection,
    ProgrammePeriod,
    RecommendationStatus,
    Secrecy,
)
from gandan.democracy.services import ballots, conferences
from gandan.democracy.services import inspection as services
from gandan.democracy.tests.official_format import all_text, open_docx
from gandan.orgs import access as org_access
from gandan.orgs.models import Membership, OrgKind, Role, User
from gandan.paperwork.rendering import render_docx

NOW = dt.datetime(2026, 11, 20, 3, tzinfo=dt.UTC)  # Friday 20/11/2026
HELD_ON = dt.date(2026, 10, 12)


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.mark.parametrize(
    ("starts_on", "ends_on"),
    [
        # Luật 10/2022/QH15, Điều 60 k3: two years, to the corresponding day (BLDS Điều 148 k4).
        (dt.date(2026, 10, 12), dt.date(2028, 10, 12)),
        (dt.date(2026, 10, 14), dt.date(2028, 10, 14)),  # a Saturday: a term does not move
        (dt.date(2028, 2, 29), dt.date(2030, 2, 28)),  # no 29th: the month's last day
    ],
)
def test_the_term_lasts_two_years(starts_on, ends_on):
    assert deadlines.board_term_ends(starts_on) == ends_on


@pytest.mark.parametrize(
    ("held_on", "due"),
    [
        # NĐ 59/2023, Điều 21 k1: the union recognises within 05 working days.
        (dt.date(2026, 10, 12), dt.date(2026, 10, 19)),
        # 31/8/2026 bridged, 1–2/9 National Day.
        (dt.date(2026, 8, 28), dt.date(2026, 9, 9)),
    ],
)
def test_union_recognition_due(db, held_on, due):
    assert deadlines.board_recognition_due(held_on) == due


@pytest.mark.parametrize(
    ("notified_on", "earliest"),
    [
        # NĐ 59/2023, Điều 22 k1: notice at least 05 working days before.
        (dt.date(2026, 11, 2), dt.date(2026, 11, 9)),
        (dt.date(2026, 11, 6), dt.date(2026, 11, 13)),
        (dt.date(2026, 8, 28), dt.date(2026, 9, 9)),
    ],
)
def test_earliest_inspection_start(db, notified_on, earliest):
    assert deadlines.earliest_inspection_start(notified_on) == earliest


@pytest.fixture
def staff(school, principal, deputy, teacher, inspector, clerk, union_officer, more_teachers):
    """Nine staff; seven of them may sit on the board."""
    return [principal, deputy, teacher, inspector, clerk, union_officer, *more_teachers(3)]


def _elect(school, principal, union_officer, staff, candidates, *, seats=3, votes=None):
    conference = conferences.convene_conference(
        organisation=school,
        actor=principal,
        work_year_label="năm học 2025–2026",
        work_year_ends=dt.date(2026, 8, 31),
        held_on=HELD_ON,
        place="Hội trường",
        union_chair=union_officer,
    )
    conferences.record_attendance(
        conference=conference, actor=principal, present=[p.pk for p in staff]
    )
    conferences.open_conference(conference=conference, actor=principal)
    ballot = conferences.open_conference_vote(
        item=conference.agenda.get(kind=AgendaKind.DECISIONS),
        actor=principal,
        title="Bầu Ban Thanh tra nhân dân nhiệm kỳ 2026–2028",
        method=BallotMethod.ELECTION,
        secrecy=Secrecy.SECRET,
        purpose=BallotPurpose.INSPECTION_BOARD,
        candidates=candidates,
        seats=seats,
    )
    by_user = {option.candidate_id: str(option.pk) for option in ballot.options.all()}
    for voter in staff:
        picks = votes(voter) if votes else candidates[:seats]
        ballots.cast_ballot(ballot=ballot, voter=voter, choices=[by_user[p.pk] for p in picks])
    return ballots.close_ballot(ballot=ballot, actor=principal)


@pytest.fixture
def election(school, principal, union_officer, staff, teacher, clerk):
    return _elect(school, principal, union_officer, staff, [teacher, clerk, staff[6]])


def _fresh(user):
    return User.objects.get(pk=user.pk)  # no cached grants


def test_a_board_is_recorded_for_two_years_with_dated_roles(
    election, principal, teacher, clerk, inspector, staff, school
):
    # when
    term = services.constitute_board(ballot=election, actor=principal, head=teacher)
    # then: the term
    assert (term.starts_on, term.ends_on) == (HELD_ON, dt.date(2028, 10, 12))
    assert term.recognition_due == dt.date(2026, 10, 19)
    positions = {m.user_id: m.position for m in term.members.all()}
    assert positions == {
        teacher.pk: BoardPosition.HEAD,
        clerk.pk: BoardPosition.MEMBER,
        staff[6].pk: BoardPosition.MEMBER,
    }
    # then: the roles in the school's board unit, dated to the term, seen by orgs.access
    unit = term.unit
    assert unit.kind == OrgKind.INSPECTION_BOARD and unit.parent == school
    membership = Membership.objects.get(user=teacher, organisation=unit, role=Role.INSPECTION_BOARD)
    assert (membership.start_date, membership.end_date) == (HELD_ON, dt.date(2028, 10, 12))
    assert membership.title == "Trưởng ban thanh tra nhân dân"
    assert Role.INSPECTION_BOARD in org_access.roles_in_school(_fresh(teacher), school)
    # then: the earlier member who was not elected steps down the day before
    assert Role.INSPECTION_BOARD not in org_access.roles_in_school(_fresh(inspector), school)
    with time_machine.travel(dt.datetime(2028, 10, 13, 3, tzinfo=dt.UTC), tick=False):
        assert Role.INSPECTION_BOARD not in org_access.roles_in_school(_fresh(teacher), school)


def test_the_inspection_board_unit_is_created_when_missing(
    db, school, principal, deputy, teacher, clerk, union_officer, more_teachers
):
    # given: no board unit in this school
    staff = [principal, deputy, teacher, clerk, union_officer, *more_teachers(4)]
    ballot = _elect(school, principal, union_officer, staff, [teacher, clerk, staff[5]])
    # when
    term = services.constitute_board(ballot=ballot, actor=principal, head=clerk)
    # then
    assert term.unit.slug == "th-thanh-to-bttnd" and term.unit.kind == OrgKind.INSPECTION_BOARD


def test_a_result_is_recorded_once(election, principal, teacher):
    services.constitute_board(ballot=election, actor=principal, head=teacher)
    with pytest.raises(ValidationError):
        services.constitute_board(ballot=election, actor=principal, head=teacher)
    assert BoardTerm.objects.count() == 1


def test_two_elected_are_too_few_for_a_board(
    school, principal, union_officer, staff, teacher, clerk
):
    # given: four candidates for three seats; the last two split the votes 4–4, short of the
    # five (more than half of nine present) needed to be elected
    candidates = [teacher, clerk, staff[6], staff[7]]

    def votes(voter):
        index = staff.index(voter)
        if index == 8:
            return [teacher, clerk]
        return [teacher, clerk, staff[6] if index % 2 else staff[7]]

    ballot = _elect(school, principal, union_officer, staff, candidates, votes=votes)
    assert [row["votes"] for row in ballot.result["options"]] == [9, 9, 4, 4]
    assert sum(row["elected"] for row in ballot.result["options"]) == 2
    # when / then: Điều 60 k1: at least three members
    with pytest.raises(ValidationError, match="từ 3 đến 9"):
        services.constitute_board(ballot=ballot, actor=principal, head=teacher)
    assert not BoardTerm.objects.exists()


def test_someone_who_became_deputy_head_cannot_take_the_seat(
    election, principal, teacher, clerk, school
):
    # given: after the election the clerk is appointed deputy head
    from gandan.orgs import services as org_services

    org_services.grant_role(
        actor=None, user=clerk, organisation=school, role=Role.DEPUTY_HEAD, title="Phó hiệu trưởng"
    )
    # when / then: Điều 60 k2: not the head or a deputy
    with pytest.raises(ValidationError, match="không đủ điều kiện"):
        services.constitute_board(ballot=election, actor=principal, head=teacher)
    assert not BoardTerm.objects.exists()


def test_no_board_once_the_school_is_down_to_seven_staff(election, principal, teacher, staff):
    # given: one of the nine leaves, then another: eight is still enough, seven is not
    Membership.objects.filter(user=staff[8]).update(end_date=dt.date(2026, 11, 1))
    Membership.objects.filter(user=staff[7]).update(end_date=dt.date(2026, 11, 1))
    with pytest.raises(ValidationError, match="7 cán bộ trở xuống"):
        services.constitute_board(ballot=election, actor=principal, head=teacher)
    assert not BoardTerm.objects.exists()


def test_eight_staff_is_enough(election, principal, teacher, staff):
    Membership.objects.filter(user=staff[8]).update(end_date=dt.date(2026, 11, 1))
    assert services.constitute_board(ballot=election, actor=principal, head=teacher)


def test_one_deputy_for_a_board_under_nine(election, principal, teacher, clerk, staff):
    # NĐ 59/2023, Điều 21 k3
    with pytest.raises(ValidationError):
        services.constitute_board(
            ballot=election, actor=principal, head=teacher, deputies=[clerk, staff[6]]
        )
    term = services.constitute_board(
        ballot=election, actor=principal, head=teacher, deputies=[clerk]
    )
    assert term.members.get(user=clerk).position == BoardPosition.DEPUTY


def test_the_head_of_the_board_must_be_elected(election, principal, inspector):
    with pytest.raises(ValidationError):
        services.constitute_board(ballot=election, actor=principal, head=inspector)
    assert not BoardTerm.objects.exists()


@pytest.fixture
def term(election, principal, teacher):
    return services.constitute_board(ballot=election, actor=principal, head=teacher)


def test_recognition_on_time_and_late(term, union_officer):
    # when: on 19/10, the last day
    with time_machine.travel(dt.datetime(2026, 10, 19, 3, tzinfo=dt.UTC), tick=False):
        services.recognise_board(term=term, actor=union_officer)
    # then
    event = DemocracyEvent.objects.get(kind=EventKind.BOARD_RECOGNISED)
    assert "chậm" not in event.summary
    with pytest.raises(ValidationError):
        services.recognise_board(term=term, actor=union_officer)


def test_a_late_recognition_is_recorded_as_late(term, union_officer):
    with time_machine.travel(dt.datetime(2026, 10, 20, 3, tzinfo=dt.UTC), tick=False):
        services.recognise_board(term=term, actor=union_officer)
    event = DemocracyEvent.objects.get(kind=EventKind.BOARD_RECOGNISED)
    assert "chậm so với hạn 19/10/2026 (NĐ 59/2023, Điều 21)" in event.summary


def test_programmes_stay_inside_the_term(term, teacher):
    programme = services.add_programme(
        term=term,
        actor=teacher,
        period=ProgrammePeriod.QUARTER,
        label="Quý I năm 2027",
        starts_on=dt.date(2027, 1, 1),
        ends_on=dt.date(2027, 3, 31),
        content="Kiểm tra việc thực hiện quy chế chi tiêu nội bộ.",
    )
    assert programme.term == term
    with pytest.raises(ValidationError):
        services.add_programme(
            term=term,
            actor=teacher,
            period=ProgrammePeriod.YEAR,
            label="Năm 2029",
            starts_on=dt.date(2029, 1, 1),
            ends_on=dt.date(2029, 12, 31),
            content="Ngoài nhiệm kỳ.",
        )
    assert term.programmes.count() == 1


def _notify(term, teacher, notified_on, starts_on):
    return services.notify_inspection(
        term=term,
        actor=teacher,
        subject="Việc thu, chi quỹ phúc lợi quý IV",
        target="Bộ phận kế toán",
        notified_on=notified_on,
        starts_on=starts_on,
    )


def test_an_inspection_may_start_on_the_fifth_working_day_after_notice(term, teacher):
    # when: notified Monday 2/11, starting Monday 9/11
    inspection = _notify(term, teacher, dt.date(2026, 11, 2), dt.date(2026, 11, 9))
    # then
    assert inspection.earliest_start == dt.date(2026, 11, 9)


def test_an_inspection_on_the_fourth_working_day_is_refused(term, teacher):
    with pytest.raises(ValidationError) as error:
        _notify(term, teacher, dt.date(2026, 11, 2), dt.date(2026, 11, 6))
    assert "sớm nhất ngày 09/11/2026" in " ".join(error.value.messages)
    assert not Inspection.objects.exists()


@pytest.fixture
def concluded(term, teacher):
    inspection = _notify(term, teacher, dt.date(2026, 11, 2), dt.date(2026, 11, 9))
    return services.conclude_inspection(
        inspection=inspection,
        actor=teacher,
        findings="Chứng từ chi quý IV đầy đủ; 2 khoản chi chưa có biên nhận.",
        recommendations=["Bổ sung biên nhận 2 khoản chi", "Công khai quyết toán quỹ hằng quý"],
        concluded_on=dt.date(2026, 11, 13),
    )


def test_findings_bring_recommendations_that_the_head_answers_and_the_board_follows(
    concluded, principal, teacher
):
    # given
    first, second = concluded.recommendations.all()
    assert [first.status, second.status] == [RecommendationStatus.OPEN] * 2
    # when / then: the board cannot follow up what was not answered
    with pytest.raises(ValidationError):
        services.follow_up_recommendation(
            recommendation=first, actor=teacher, implemented=True, note="?"
        )
    # when: the head answers both
    for rec in (first, second):
        services.answer_recommendation(
            recommendation=rec, actor=principal, answer="Sẽ thực hiện trong tháng 12."
        )
    # when: one is done, the other not yet
    first = services.follow_up_recommendation(
        recommendation=first, actor=teacher, implemented=True, note="Đã bổ sung biên nhận."
    )
    second = services.follow_up_recommendation(
        recommendation=second, actor=teacher, implemented=False, note="Chưa công khai."
    )
    # then
    assert first.status == RecommendationStatus.CLOSED
    assert (second.status, second.implemented) == (RecommendationStatus.ANSWERED, False)
    with pytest.raises(ValidationError):
        services.answer_recommendation(recommendation=first, actor=principal, answer="Lại.")


def test_a_concluded_inspection_is_not_concluded_again(concluded, teacher):
    with pytest.raises(ValidationError):
        services.conclude_inspection(
            inspection=concluded, actor=teacher, findings="Khác.", recommendations=[]
        )
    assert concluded.recommendations.count() == 2


def test_the_board_report_for_the_conference(concluded, teacher):
    # when
    spec = documents.board_report_spec(concluded.term, until=dt.date(2026, 11, 20))
    text = all_text(open_docx(render_docx(spec)))
    # then
    assert spec.issuing_body == "BAN THANH TRA NHÂN DÂN"
    assert spec.signer.title_lines() == ["TM. BAN THANH TRA NHÂN DÂN", "TRƯỞNG BAN"]
    assert spec.signer.name == teacher.full_name
    assert "gồm 3 thành viên" in text
    assert "Việc thu, chi quỹ phúc lợi quý IV (Bộ phận kế toán)" in text
    # Luật 10/2022/QH15, Điều 63 k1c: 15 days from 13/11 end on Saturday 28/11, so Monday 30/11.
    assert (
        "Kiến nghị: Bổ sung biên nhận 2 khoản chi (chờ thủ trưởng trả lời, hạn trả lời ngày 30 "
        "tháng 11 năm 2026)." in text
    )
    assert "Tiếp tục theo dõi 2 kiến nghị chưa hoàn thành" in text


def test_the_oversight_page_counts_overdue_plans_and_cases_without_contents(
    school, principal, teacher, monkeypatch
):
    # given: a plan task overdue, one due later; a citizen case open and overdue
    from cryptography.fernet import Fernet

    from gandan.petitions import secrecy
    from gandan.petitions.services import intake
    from gandan.plans import services as plan_services
    from gandan.plans.tests import factories

    plan = factories.issue_seed(school, principal, dt.date(2026, 9, 7))
    tasks = list(plan.tasks.all())
    plan_services.assign_task(
        task=tasks[0], actor=principal, assignee=teacher, due_date=dt.date(2026, 11, 1)
    )
    plan_services.assign_task(
        task=tasks[1], actor=principal, assignee=teacher, due_date=dt.date(2026, 12, 1)
    )
    monkeypatch.setenv(secrecy.KEY_ENV, Fernet.generate_key().decode())
    secrecy.reset_key_cache()
    intake.submit_case(
        organisation=school,
        submission=intake.Submission(
            kind="phan_anh",
            title="Mái tôn lớp 2A bị dột",
            content="Bà Nguyễn Thị Bí Mật phản ánh mái tôn dột.",
            sender=intake.Sender(name="Nguyễn Thị Bí Mật", phone="0987654321"),
            consent=True,
            received_at=dt.datetime(2026, 9, 1, 2, tzinfo=dt.UTC),
        ),
    )
    secrecy.reset_key_cache()
    # when
    overview = oversight.school_overview(school, dt.date(2026, 11, 20))
    # then
    assert (overview.assignments_open, overview.assignments_overdue) == (2, 1)
    assert [t.task for t in overview.overdue_tasks] == [tasks[0].heading]
    feedback = next(row for row in overview.cases if row.kind == "phan_anh")
    assert (feedback.open, feedback.overdue) == (1, 1)
    assert (overview.cases_open, overview.cases_overdue) == (1, 1)
    assert "Bí Mật" not in repr(overview) and "Mái tôn" not in repr(overview)
