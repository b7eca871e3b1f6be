"""The head answers the inspection board's recommendations within 15 days (Luật 10/2022/QH15,
Điều 63 k1c): the last day is stored when the recommendation reaches the head, counted in
calendar days on the official calendar; an unanswered recommendation reads "Quá hạn" after it
on the board page, the inspection page and the head's desk; the board's own desk panel."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from gandan.core.stored_language import english_fragments
from gandan.democracy import deadlines
from gandan.democracy.models import (
    DemocracyEvent,
    EventKind,
    ProgrammePeriod,
    Recommendation,
    RecommendationStatus,
)
from gandan.democracy.services import inspection as services
from gandan.democracy.tests.test_inspection_board import _elect

D = dt.date
CONCLUDED_ON = D(2026, 11, 2)  # Monday
DUE = D(2026, 11, 17)  # 15 calendar days later, a Tuesday


def _at(day: dt.date, hour: int = 10):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, hour - 7, tzinfo=dt.UTC))


# Luật 10/2022/QH15, Điều 63 k1c: 15 days ("ngày": calendar days, BLDS 2015 Điều 147–148).
ANSWER_DUE = [
    # (received on, last day to answer, why)
    (D(2026, 11, 2), D(2026, 11, 17), "15 calendar days: not 14 (16/11), 16 (18/11) or 15 working"),
    (D(2026, 11, 13), D(2026, 11, 30), "the 15th day is Saturday 28/11: the next working day"),
    (D(2026, 4, 15), D(2026, 5, 4), "30/4 and 1/5 are holidays, then a weekend"),
    (D(2023, 7, 1), D(2023, 7, 17), "the Law's first day in force (16/7 a Sunday)"),
]


@pytest.mark.parametrize(("received", "due", "why"), ANSWER_DUE)
def test_the_head_has_fifteen_calendar_days(db, received, due, why):
    assert deadlines.recommendation_answer_due(received) == due, why


def test_the_rule_cites_its_article_and_counts_calendar_days(db):
    rule = deadlines.recommendation_answer_limit(D(2026, 11, 2))
    assert rule is not None
    assert (rule.days, rule.working_days) == (15, False)
    assert rule.citation == "Luật 10/2022/QH15, Điều 63 khoản 1 điểm c"
    assert rule.text == (
        "15 ngày kể từ ngày nhận kiến nghị (Luật 10/2022/QH15, Điều 63 khoản 1 điểm c)"
    )


def test_the_rule_text_is_vietnamese_on_an_english_screen(db, english_screen):
    rule = deadlines.recommendation_answer_limit(D(2026, 11, 2))
    assert rule is not None
    assert rule.text.startswith("15 ngày kể từ ngày nhận kiến nghị")
    assert [piece for piece in english_fragments() if piece in rule.text] == []


def test_before_the_law_there_is_no_statutory_due_date(db):
    # The Law is in force from 01/7/2023; the decree before it set no number of days.
    assert deadlines.recommendation_answer_limit(D(2023, 6, 30)) is None
    assert deadlines.recommendation_answer_due(D(2023, 6, 30)) is None


@pytest.fixture
def staff(school, principal, deputy, teacher, inspector, clerk, union_officer, more_teachers):
    return [principal, deputy, teacher, inspector, clerk, union_officer, *more_teachers(3)]


@pytest.fixture
def term(school, principal, union_officer, staff, teacher, clerk):
    with _at(D(2026, 10, 12), 16):
        election = _elect(school, principal, union_officer, staff, [teacher, clerk, staff[6]])
        return services.constitute_board(ballot=election, actor=principal, head=teacher)


NOTIFIED_ON, STARTS_ON = D(2026, 10, 23), D(2026, 10, 30)


def _inspection(term, teacher, notified_on=NOTIFIED_ON, starts_on=STARTS_ON):
    with _at(notified_on):
        return services.notify_inspection(
            term=term,
            actor=teacher,
            subject="Việc thu, chi quỹ phúc lợi quý IV",
            target="Bộ phận kế toán",
            notified_on=notified_on,
            starts_on=starts_on,
        )


@pytest.fixture
def concluded(term, teacher):
    inspection = _inspection(term, teacher)
    with _at(CONCLUDED_ON):
        return services.conclude_inspection(
            inspection=inspection,
            actor=teacher,
            findings="Chứng từ chi quý IV đầy đủ; 2 khoản chi chưa có biên nhận.",
            recommendations=["Bổ sung biên nhận 2 khoản chi", "Công khai quyết toán quỹ hằng quý"],
            concluded_on=CONCLUDED_ON,
        )


def test_the_due_date_is_stored_when_the_head_receives_the_recommendations(concluded):
    # then
    rows = list(concluded.recommendations.values_list("received_on", "answer_due", "answer_rule"))
    rule = "15 ngày kể từ ngày nhận kiến nghị (Luật 10/2022/QH15, Điều 63 khoản 1 điểm c)"
    assert rows == [(CONCLUDED_ON, DUE, rule), (CONCLUDED_ON, DUE, rule)]
    event = DemocracyEvent.objects.get(kind=EventKind.INSPECTION_CONCLUDED)
    assert event.summary.endswith("2 kiến nghị, thủ trưởng trả lời chậm nhất ngày 17/11/2026")


def test_overdue_only_after_the_last_day_and_only_while_unanswered(concluded, principal):
    first, second = concluded.recommendations.all()
    # then: on the last day it is not late yet; the day after it is
    assert not first.is_overdue(DUE)
    assert first.is_overdue(DUE + dt.timedelta(days=1))
    assert list(Recommendation.objects.overdue(DUE)) == []
    assert list(Recommendation.objects.overdue(DUE + dt.timedelta(days=1))) == [first, second]
    # when: the head answers one on time
    with _at(DUE):
        services.answer_recommendation(recommendation=first, actor=principal, answer="Đã bổ sung.")
    # then: only the other is overdue
    first.refresh_from_db()
    assert not first.is_overdue(DUE + dt.timedelta(days=1))
    assert list(Recommendation.objects.overdue(DUE + dt.timedelta(days=1))) == [second]


def test_a_late_answer_is_recorded_as_late(concluded, principal):
    first = concluded.recommendations.first()
    with _at(DUE + dt.timedelta(days=3)):
        services.answer_recommendation(recommendation=first, actor=principal, answer="Đã làm.")
    event = DemocracyEvent.objects.get(kind=EventKind.RECOMMENDATION_ANSWERED)
    assert event.summary.endswith("chậm so với hạn 17/11/2026 (Luật 10/2022/QH15, Điều 63)")


def test_an_answer_dated_before_receipt_is_refused_and_changes_nothing(concluded, principal):
    first = concluded.recommendations.first()
    before = Recommendation.objects.values().get(pk=first.pk)
    with _at(DUE), pytest.raises(ValidationError, match="từ ngày nhận kiến nghị"):
        services.answer_recommendation(
            recommendation=first, actor=principal, answer="Đã làm.", on=D(2026, 11, 1)
        )
    assert Recommendation.objects.values().get(pk=first.pk) == before
    assert not DemocracyEvent.objects.filter(kind=EventKind.RECOMMENDATION_ANSWERED).exists()


def test_the_board_page_shows_the_due_date_and_overdue(client, concluded, teacher):
    client.force_login(teacher)
    with _at(DUE):
        on_the_day = client.get(reverse("democracy:board")).content.decode()
    with _at(DUE + dt.timedelta(days=1)):
        after = client.get(reverse("democracy:board")).content.decode()
    section = after.split('id="cho-tra-loi"')[1].split("</section>")[0]
    assert "hạn trả lời 17/11/2026" in section
    assert section.count("Quá hạn") == 2
    assert "Quá hạn" not in on_the_day.split('id="cho-tra-loi"')[1].split("</section>")[0]


def test_the_inspection_page_shows_the_due_date_and_overdue(client, concluded, principal):
    client.force_login(principal)
    url = reverse("democracy:inspection", args=[concluded.public_id])
    with _at(DUE + dt.timedelta(days=1)):
        page = client.get(url).content.decode()
    assert page.count("Thủ trưởng trả lời chậm nhất ngày 17/11/2026") == 2
    assert page.count("Quá hạn") == 2


def test_the_heads_desk_lists_what_she_must_answer_and_what_is_late(client, concluded, principal):
    client.force_login(principal)
    with _at(DUE):
        on_time = client.get(reverse("desk")).content.decode()
    with _at(DUE + dt.timedelta(days=1)):
        late = client.get(reverse("desk")).content.decode()
    panel = late.split('id="m-board"')[1].split("</section>")[0]
    assert "2 kiến nghị chờ bạn trả lời" in panel
    assert "2 quá hạn" in panel
    assert panel.count("hạn trả lời 17/11/2026") == 2
    assert "quá hạn" not in on_time.split('id="m-board"')[1].split("</section>")[0].lower()


def test_the_board_members_desk_has_the_boards_panel(client, term, teacher):
    # given: a programme and an announced inspection not yet concluded
    with _at(D(2026, 10, 20)):
        services.add_programme(
            term=term,
            actor=teacher,
            period=ProgrammePeriod.QUARTER,
            label="Quý IV năm 2026",
            starts_on=D(2026, 10, 12),
            ends_on=D(2026, 12, 31),
            content="Kiểm tra việc thu, chi quỹ phúc lợi.",
        )
    _inspection(term, teacher)
    client.force_login(teacher)
    # when
    with _at(D(2026, 11, 2)):
        page = client.get(reverse("desk")).content.decode()
    # then
    panel = page.split('id="m-board"')[1].split("</section>")[0]
    assert "Việc thu, chi quỹ phúc lợi quý IV" in panel.split('id="kiem-tra-dang-lam"')[1]
    assert "Quý IV năm 2026" in panel.split('id="chuong-trinh-ban"')[1]


def test_staff_outside_the_board_have_no_board_panel(client, concluded, staff):
    client.force_login(staff[7])  # a teacher: neither head, board nor union
    with _at(DUE + dt.timedelta(days=1)):
        page = client.get(reverse("desk")).content.decode()
    assert 'id="m-board"' not in page


def test_a_due_date_counted_into_a_year_not_entered_is_provisional(
    client, term, teacher, principal
):
    # given: concluded on 18/12/2026: 15 days run to 02/01/2027, a year not entered
    inspection = _inspection(term, teacher, D(2026, 12, 4), D(2026, 12, 11))
    with _at(D(2026, 12, 18)):
        services.conclude_inspection(
            inspection=inspection,
            actor=teacher,
            findings="Thiếu biên nhận.",
            recommendations=["Bổ sung biên nhận"],
            concluded_on=D(2026, 12, 18),
        )
        client.force_login(principal)
        page = client.get(reverse("democracy:inspection", args=[inspection.public_id]))
    rec = inspection.recommendations.get()
    assert rec.answer_due is not None and rec.answer_due.year == 2027
    assert 'class="notice provisional"' in page.content.decode()


def test_the_recompute_command_stores_missing_due_dates(concluded):
    # given: a recommendation recorded before due dates were stored
    Recommendation.objects.update(received_on=None, answer_due=None, answer_rule="")
    # when
    call_command("recompute_board_deadlines")
    # then
    assert set(Recommendation.objects.values_list("received_on", "answer_due")) == {
        (CONCLUDED_ON, DUE)
    }
    assert Recommendation.objects.filter(status=RecommendationStatus.OPEN).count() == 2
