"""Democracy's list pages take the same number of queries whatever the number of rows.

Pages: a conference's page and its attendance sheet (5 attendees or 100), the list of
conferences, the list of ballots, the list of consultations and a consultation's page with
its comments, the school's public disclosures, the information requests, the inspection
board's home (inspections, recommendations, programmes) and its oversight page (overdue plan
tasks). Each page is asked once first (a page may
warm a cache), then counted; the last row built must be on the page. The 95 extra attendees
are saved in bulk, so the test stays fast.

Personas (src/gandan/conftest.py): the principal runs conferences, ballots and
consultations and reads every information request; the teacher comments and asks for
information; the union officer oversees the board's work; anyone reads the public
disclosures.
"""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gandan.democracy.models import (
    AgendaKind,
    Attendee,
    BallotMethod,
    BallotPurpose,
    Channel,
    Conference,
    ConsultationAudience,
    ConsultationSubject,
    DisclosureObligation,
    ElectorateKind,
    ProgrammePeriod,
    RequestReason,
    RulePreset,
    Secrecy,
)
from gandan.democracy.services import (
    ballots,
    conferences,
    consultations,
    disclosures,
    inspection,
)
from gandan.orgs.models import User

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 10, 12, 7, tzinfo=dt.UTC)  # Monday 12/10/2026, 14:00 in Hà Nội


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _count(client: Client, url: str) -> tuple[int, str]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def _convene(school, principal, union_officer, clerk, year: int = 2026) -> Conference:
    return conferences.convene_conference(
        organisation=school,
        actor=principal,
        work_year_label=f"năm học {year - 1}–{year}",
        work_year_ends=dt.date(year, 8, 31),
        held_on=dt.date(year, 10, 12),
        place=f"Hội trường nhà trường {year}",
        union_chair=union_officer,
        secretary=clerk,
    )


def _absentees(conference: Conference, start: int, count: int) -> None:
    """`count` more staff summoned and absent, each with a reason, saved in bulk."""
    people = User.objects.bulk_create(
        User(username=f"vang{n}", full_name=f"Người Vắng Số {n}", sort_key=f"vang {n:04d}")
        for n in range(start, start + count)
    )
    Attendee.objects.bulk_create(
        Attendee(conference=conference, user=person, present=False, absence_reason="Ốm")
        for person in people
    )


@pytest.mark.parametrize("page", ["conference", "conference_attendance"])
def test_a_conference_takes_the_same_queries_with_100_attendees_as_with_5(
    school, principal, deputy, teacher, clerk, union_officer, page
):
    conference = _convene(school, principal, union_officer, clerk)
    assert conference.attendees.count() == 5
    url = reverse(f"democracy:{page}", args=[conference.public_id])
    conferences.record_attendance(
        conference=conference,
        actor=principal,
        present={person.pk for person in (principal, deputy, teacher, union_officer)},
        absence_reasons={clerk.pk: "Đi tập huấn"},
    )
    client = _client(principal)
    few, _ = _count(client, url)
    _absentees(conference, 1, 95)
    many, html = _count(client, url)
    assert conference.attendees.count() == 100
    assert "Người Vắng Số 95" in html
    assert many == few
    # and the page stays well inside the page budget (200 KB of HTML) with 100 attendees
    assert len(html.encode()) < 200_000


def test_the_conference_list_takes_the_same_queries_for_2_or_8_conferences(
    school, principal, deputy, teacher, clerk, union_officer
):
    client = _client(principal)
    for year in (2025, 2026):
        _convene(school, principal, union_officer, clerk, year)
    few, _ = _count(client, reverse("democracy:conferences"))
    for year in range(2019, 2025):
        _convene(school, principal, union_officer, clerk, year)
    many, html = _count(client, reverse("democracy:conferences"))
    assert "12/10/2019" in html
    assert many == few


def _ballots(school, principal: User, start: int, count: int) -> None:
    for n in range(start, start + count):
        ballot = ballots.create_ballot(
            organisation=school,
            actor=principal,
            title=f"Biểu quyết nội dung số {n}",
            method=BallotMethod.MOTION,
            secrecy=Secrecy.SECRET,
            electorate_kind=ElectorateKind.ALL_STAFF,
            rule=RulePreset.CONFERENCE,
        )
        if n % 2:
            ballots.open_ballot(ballot=ballot, actor=principal)


def test_the_ballot_list_takes_the_same_queries_for_2_or_12_ballots(school, principal, teacher):
    client = _client(teacher)
    _ballots(school, principal, 0, 2)
    few, _ = _count(client, reverse("democracy:ballots"))
    _ballots(school, principal, 2, 10)
    many, html = _count(client, reverse("democracy:ballots"))
    assert "Biểu quyết nội dung số 11" in html
    assert many == few


def _consultation(school, principal: User, n: int):
    return consultations.open_consultation(
        organisation=school,
        actor=principal,
        title=f"Quy chế chi tiêu nội bộ số {n}",
        subject=ConsultationSubject.SPENDING_RULES,
        audience=ConsultationAudience.STAFF,
        draft_text=f"Quy chế số {n}\nĐiều 1. Phạm vi.\nĐiều 2. Công tác phí.",
        deadline=dt.date(2026, 10, 30),
    )


def test_the_consultation_list_takes_the_same_queries_for_2_or_10(school, principal, teacher):
    client = _client(teacher)
    for n in range(2):
        _consultation(school, principal, n)
    few, _ = _count(client, reverse("democracy:consultations"))
    for n in range(2, 10):
        _consultation(school, principal, n)
    many, html = _count(client, reverse("democracy:consultations"))
    assert "Quy chế chi tiêu nội bộ số 9" in html
    assert many == few


@pytest.mark.parametrize("persona", ["principal", "teacher"])
def test_a_consultations_comments_take_the_same_queries_for_2_or_20(
    request, school, principal, deputy, teacher, persona
):
    consultation = _consultation(school, principal, 1)
    paragraphs = list(consultation.current_version().paragraphs.all())
    client = _client(request.getfixturevalue(persona))
    url = reverse("democracy:consultation", args=[consultation.public_id])

    def comment(start: int, count: int) -> None:
        for n in range(start, start + count):
            consultations.add_comment(
                consultation=consultation,
                author=teacher if n % 2 else deputy,
                text=f"Góp ý số {n}",
                paragraph=paragraphs[n % len(paragraphs)] if n % 3 else None,
            )

    comment(0, 2)
    few, _ = _count(client, url)
    comment(2, 18)
    many, html = _count(client, url)
    assert "Góp ý số 19" in html
    assert many == few


def _public_items(school, principal: User, start: int, count: int) -> None:
    obligation = DisclosureObligation.objects.get(code="cong-khai-thu-chi-tai-chinh")
    for n in range(start, start + count):
        item = disclosures.record_disclosure(
            organisation=school,
            obligation=obligation,
            actor=principal,
            title=f"Công khai thu chi tài chính đợt {n}",
            body="Quỹ hỗ trợ học sinh: thu 12 triệu đồng, chi 10 triệu đồng.",
            decision_date=timezone.localdate() - dt.timedelta(days=3),
            year=timezone.localdate().year,
        )
        disclosures.publish_disclosure(
            item=item,
            actor=principal,
            published_on=timezone.localdate(),
            channels=[Channel.NOTICE_BOARD],
            proof_url="https://thanhto.edu.vn/cong-khai",
        )


def test_the_public_disclosures_take_the_same_queries_for_2_or_10(school, principal):
    client = _client(None)
    _public_items(school, principal, 0, 2)
    few, _ = _count(client, reverse("democracy:public", args=[school.slug]))
    _public_items(school, principal, 2, 8)
    many, html = _count(client, reverse("democracy:public", args=[school.slug]))
    assert "Công khai thu chi tài chính đợt 9" in html
    assert many == few


def _requests(school, teacher: User, start: int, count: int) -> None:
    for n in range(start, start + count):
        disclosures.request_information(
            organisation=school,
            requester=teacher,
            reason=RequestReason.NOT_DISCLOSED,
            text=f"Đề nghị cung cấp dự toán thu chi số {n}",
        )


def test_the_information_requests_take_the_same_queries_for_2_or_10(school, principal, teacher):
    client = _client(principal)
    _requests(school, teacher, 0, 2)
    few, _ = _count(client, reverse("democracy:requests"))
    _requests(school, teacher, 2, 8)
    many, html = _count(client, reverse("democracy:requests"))
    assert "Đề nghị cung cấp dự toán thu chi số 9" in html
    assert many == few


def _board_term(school, principal, union_officer, staff: list[User]):
    """A board of three elected by nine staff at the 2026 conference, teacher at its head."""
    conference = _convene(school, principal, union_officer, None)
    conferences.record_attendance(
        conference=conference, actor=principal, present=[p.pk for p in staff]
    )
    conferences.open_conference(conference=conference, actor=principal)
    candidates = staff[2:5]
    ballot = conferences.open_conference_vote(
        item=conference.agenda.get(kind=AgendaKind.DECISIONS),
        actor=principal,
        title="Bầu Ban Thanh tra nhân dân nhiệm kỳ 2026–2028",
        method=BallotMethod.ELECTION,
        secrecy=Secrecy.SECRET,
        purpose=BallotPurpose.INSPECTION_BOARD,
        candidates=candidates,
        seats=3,
    )
    picks = [str(option.pk) for option in ballot.options.all()]
    for voter in staff:
        ballots.cast_ballot(ballot=ballot, voter=voter, choices=picks)
    ballot = ballots.close_ballot(ballot=ballot, actor=principal)
    return inspection.constitute_board(ballot=ballot, actor=principal, head=candidates[0])


def _inspections(term, head: User, start: int, count: int) -> None:
    """`count` inspections, each concluded with two recommendations, and a programme each."""
    for n in range(start, start + count):
        inspection.add_programme(
            term=term,
            actor=head,
            period=ProgrammePeriod.QUARTER,
            label=f"Chương trình số {n}",
            starts_on=dt.date(2027, 1, 1),
            ends_on=dt.date(2027, 3, 31),
            content="Kiểm tra việc thực hiện quy chế chi tiêu nội bộ.",
        )
        notified = inspection.notify_inspection(
            term=term,
            actor=head,
            subject=f"Việc thu, chi quỹ phúc lợi đợt {n}",
            target="Bộ phận kế toán",
            notified_on=dt.date(2026, 10, 13),
            starts_on=dt.date(2026, 10, 20),
        )
        inspection.conclude_inspection(
            inspection=notified,
            actor=head,
            findings="Chứng từ chi đầy đủ; 2 khoản chi chưa có biên nhận.",
            recommendations=[f"Bổ sung biên nhận đợt {n}", f"Công khai quyết toán đợt {n}"],
            concluded_on=dt.date(2026, 10, 21),
        )


@pytest.mark.parametrize("persona", ["principal", "union_officer"])
def test_the_inspection_boards_home_takes_the_same_queries_for_2_or_8_inspections(
    request, school, principal, deputy, teacher, clerk, union_officer, more_teachers, persona
):
    staff = [principal, deputy, teacher, clerk, union_officer, *more_teachers(4)]
    with time_machine.travel(dt.datetime(2026, 10, 12, 7, tzinfo=dt.UTC), tick=False):
        term = _board_term(school, principal, union_officer, staff)
    head = staff[2]
    later = dt.datetime(2026, 10, 22, 3, tzinfo=dt.UTC)
    with time_machine.travel(later, tick=False):
        client = _client(request.getfixturevalue(persona))
        _inspections(term, head, 0, 2)
        few, _ = _count(client, reverse("democracy:board"))
        _inspections(term, head, 2, 6)
        many, html = _count(client, reverse("democracy:board"))
    assert "Việc thu, chi quỹ phúc lợi đợt 7" in html
    assert "Bổ sung biên nhận đợt 7" in html
    assert "Chương trình số 7" in html
    assert many == few


def test_the_oversight_page_takes_the_same_queries_for_2_or_12_overdue_tasks(
    school, principal, union_officer, more_teachers
):
    from gandan.plans import services as plan_services
    from gandan.plans.tests import factories

    plan = factories.issue_seed(school, principal, dt.date(2026, 9, 7))
    tasks = list(plan.tasks.order_by("pk"))
    people = more_teachers(12)

    def assign(start: int, count: int) -> None:
        for n in range(start, start + count):
            plan_services.assign_task(
                task=tasks[n % len(tasks)],
                actor=principal,
                assignee=people[n],
                due_date=dt.date(2026, 9, 21) + dt.timedelta(days=n),
            )

    client = _client(union_officer)
    assign(0, 2)
    few, _ = _count(client, reverse("democracy:board_oversight"))
    assign(2, 10)
    many, html = _count(client, reverse("democracy:board_oversight"))
    assert "12 quá hạn" in html
    assert "02/10/2026" in html  # the last task's due date
    assert many == few
