"""A date counted across a year whose official calendar is not entered (2027 here: 2024–2026
are) reads provisional on the democracy pages and letters that print it: the consultation
pages, the disclosure register, the board's recognition and the recommendations' answer due
dates (page and board report). BLLĐ 2019 Điều 112 k3; gandan.worktime.notices."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gandan.core.vietnamese import official_date
from gandan.democracy import deadlines, documents
from gandan.democracy.models import (
    BoardTerm,
    ConsultationAudience,
    ConsultationSubject,
    DisclosureObligation,
)
from gandan.democracy.services import consultations, disclosures
from gandan.democracy.services import inspection as board
from gandan.democracy.tests.test_inspection_board import _elect

D = dt.date
PROVISIONAL = 'class="notice provisional"'
MARK = 'class="provisional"'
WARNING = "Ngày tạm tính: lịch nghỉ chính thức năm 2027"


def _at(day: dt.date):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 3, tzinfo=dt.UTC))


def _consultation(school, principal, deadline):
    return consultations.open_consultation(
        organisation=school,
        actor=principal,
        title="Quy chế chi tiêu nội bộ năm 2027",
        subject=ConsultationSubject.SPENDING_RULES,
        audience=ConsultationAudience.STAFF,
        draft_text="Điều 1. Phạm vi điều chỉnh.\n\nĐiều 2. Chi công tác phí.",
        deadline=deadline,
    )


@pytest.mark.parametrize(
    ("deadline", "provisional"), [(D(2027, 1, 8), True), (D(2026, 12, 30), False)]
)
def test_the_consultation_pages_mark_a_deadline_counted_into_2027(
    client, school, principal, teacher, deadline, provisional
):
    with _at(D(2026, 12, 21)):
        consultation = _consultation(school, principal, deadline)
        client.force_login(teacher)
        detail = client.get(reverse("democracy:consultation", args=[consultation.public_id]))
        listing = client.get(reverse("democracy:consultations"))
    assert (PROVISIONAL in detail.content.decode()) is provisional
    assert (WARNING in detail.content.decode()) is provisional
    assert (MARK in listing.content.decode()) is provisional


def test_the_register_marks_a_disclosure_due_in_2027(client, school, principal):
    obligation = DisclosureObligation.objects.get(code="noi-bo-ke-hoach-cong-tac")
    with _at(D(2026, 12, 29)):
        item = disclosures.record_disclosure(
            organisation=school,
            obligation=obligation,
            actor=principal,
            title="Kế hoạch công tác tháng 01/2027",
            body="Kế hoạch công tác tháng 01/2027.",
            decision_date=D(2026, 12, 28),
        )
        client.force_login(principal)
        page = client.get(reverse("democracy:register")).content.decode()
    assert item.due_date.year == 2027
    row = page.split(f'id="nv-{obligation.code}"')[1].split("</tr>")[0]
    assert MARK in row


def test_the_boards_recognition_due_in_2027_is_marked(client, school, principal, inspection_board):
    # given: a board elected on 28/12/2026: the union's 5 working days run into 2027
    starts_on = D(2026, 12, 28)
    BoardTerm.objects.create(
        organisation=school,
        unit=inspection_board,
        starts_on=starts_on,
        ends_on=deadlines.board_term_ends(starts_on),
        recognition_due=deadlines.board_recognition_due(starts_on),
    )
    with _at(D(2026, 12, 29)):
        client.force_login(principal)
        page = client.get(reverse("democracy:board")).content.decode()
    section = page.split('id="ban"')[1].split("</section>")[0]
    assert "Chờ Công đoàn công nhận kết quả bầu" in section
    assert MARK in section


@pytest.fixture
def staff(school, principal, deputy, teacher, inspector, clerk, union_officer, more_teachers):
    return [principal, deputy, teacher, inspector, clerk, union_officer, *more_teachers(3)]


def _concluded_on(school, principal, union_officer, staff, teacher, clerk, concluded_on):
    with _at(D(2026, 10, 13)):
        election = _elect(school, principal, union_officer, staff, [teacher, clerk, staff[6]])
        term = board.constitute_board(ballot=election, actor=principal, head=teacher)
    with _at(D(2026, 12, 1)):
        inspection = board.notify_inspection(
            term=term,
            actor=teacher,
            subject="Việc thu, chi quỹ phúc lợi quý IV",
            target="Bộ phận kế toán",
            notified_on=D(2026, 12, 1),
            starts_on=D(2026, 12, 8),
        )
    with _at(concluded_on):
        board.conclude_inspection(
            inspection=inspection,
            actor=teacher,
            findings="Thiếu biên nhận 2 khoản chi.",
            recommendations=["Bổ sung biên nhận 2 khoản chi"],
            concluded_on=concluded_on,
        )
    return term, inspection


@pytest.mark.parametrize(
    ("concluded_on", "provisional"), [(D(2026, 12, 18), True), (D(2026, 12, 9), False)]
)
def test_the_board_report_prints_the_answer_due_and_marks_it_provisional(
    school, principal, union_officer, staff, teacher, clerk, concluded_on, provisional
):
    term, inspection = _concluded_on(
        school, principal, union_officer, staff, teacher, clerk, concluded_on
    )
    due = inspection.recommendations.get().answer_due
    # when
    text = repr(documents.board_report_spec(term, until=D(2026, 12, 31)))
    # then
    assert f"hạn trả lời {official_date(due)}" in text
    assert (WARNING in text) is provisional
    assert ("đã quá hạn" in text) is (due < D(2026, 12, 31))
