"""The pages, used as staff use them: self-assessment, the tổ's opinion, the decision, the
head's cycle page (query count), notices, publication, appeal, and the desk panel."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.conftest import _person
from gandan.evaluation.models import Appeal, CycleStatus, EvaluationStatus, ScoreHistory
from gandan.evaluation.rules import Level
from gandan.evaluation.services import cycles, results
from gandan.evaluation.tests.builders import decided_nd90_year, evaluation_of
from gandan.orgs.models import Role

D = dt.date


@pytest.fixture
def quarter(school, staff, unit_rules):
    return cycles.open_cycle(
        organisation=school, actor=staff["principal"], period_type="quarter", year=2026, number=1
    )


def test_a_manager_opens_a_quarter_from_the_page(client, school, staff, unit_rules):
    client.force_login(staff["principal"])
    response = client.post(
        reverse("evaluation:cycle_open"), {"period_type": "quarter", "year": 2026, "number": 1}
    )
    assert response.status_code == 302
    assert school.evaluation_cycles.get().label == "Quý I năm học 2026–2027"


def test_the_self_assessment_page_shows_the_suggestion_and_saves(client, quarter, staff):
    teacher = staff["teacher"]
    client.force_login(teacher)
    url = reverse("evaluation:detail", args=[evaluation_of(quarter, teacher).public_id])
    page = client.get(url).content.decode()
    assert "Không có nhiệm vụ nào đến hạn trong kỳ." in page
    assert "tối đa 30 điểm" in page
    response = client.post(
        url,
        {"general": "28.5", "task": "62", "comment": "Dạy đủ, dự giờ 12 tiết.", "task_reason": ""},
    )
    assert response.status_code == 302
    evaluation = evaluation_of(quarter, teacher)
    assert (evaluation.status, evaluation.self_general, evaluation.self_task) == (
        EvaluationStatus.SELF_ASSESSED,
        Decimal("28.5"),
        Decimal(62),
    )


def test_a_refused_decision_shows_the_reason_needed_and_changes_nothing(client, quarter, staff):
    teacher, leader, principal = staff["teacher"], staff["group_leader"], staff["principal"]
    evaluation = evaluation_of(quarter, teacher)
    client.force_login(teacher)
    client.post(
        reverse("evaluation:detail", args=[evaluation.public_id]),
        {"general": "28", "task": "60", "comment": "Báo cáo."},
    )
    client.force_login(leader)
    response = client.post(
        reverse("evaluation:group", args=[evaluation.public_id]),
        {"meeting_on": "2026-11-27", "minutes": "Tổ đề nghị 27 + 58."},
    )
    assert response.status_code == 302
    client.force_login(principal)
    url = reverse("evaluation:decide", args=[evaluation.public_id])
    page = client.post(url, {"general": "27", "task": "58", "months_worked": "3"})
    assert page.status_code == 200
    assert "hãy ghi lý do điều chỉnh" in page.content.decode()
    assert evaluation_of(quarter, teacher).score is None
    done = client.post(
        url, {"general": "27", "task": "58", "months_worked": "3", "reason": "Theo ý kiến tổ."}
    )
    assert done.status_code == 302
    assert evaluation_of(quarter, teacher).score == Decimal(85)


def test_the_cycle_page_costs_the_same_queries_for_five_or_twenty_people(
    client, school, staff, unit_rules
):
    def opened(number):
        return cycles.open_cycle(
            organisation=school,
            actor=staff["principal"],
            period_type="quarter",
            year=2026,
            number=number,
        )

    client.force_login(staff["principal"])
    small = opened(1)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("evaluation:cycle", args=[small.public_id])).status_code == 200
    for n in range(15):
        _person(f"gv{n}", f"Giáo viên Số {n}", (school, Role.STAFF, "Giáo viên"))
    large = opened(2)
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("evaluation:cycle", args=[large.public_id])).status_code == 200
    assert large.evaluations.count() == 20
    assert len(many) == len(few)


def test_notices_publication_and_appeal_through_the_pages(client, school, staff):
    # given: the school year 2025–2026 decided
    levels = {key: "tot" for key in staff}
    year = decided_nd90_year(school, staff, levels)
    principal, teacher = staff["principal"], staff["teacher"]
    client.force_login(principal)
    # when: notices, then publication
    client.post(reverse("evaluation:notify", args=[year.public_id]), {"day": "2026-11-27"})
    client.post(reverse("evaluation:publish", args=[year.public_id]), {"day": "2026-11-28"})
    year.refresh_from_db()
    assert year.status == CycleStatus.PUBLISHED
    # everyone but the head, whose notice is the managing body's
    assert list(year.evaluations.filter(notice__isnull=True).values_list("person", flat=True)) == [
        principal.pk
    ]
    # then: the teacher downloads the notice and appeals
    client.force_login(teacher)
    evaluation = evaluation_of(year, teacher)
    notice = client.get(reverse("evaluation:notice", args=[evaluation.public_id]))
    assert notice["Content-Type"].startswith("application/vnd.openxmlformats")
    response = client.post(
        reverse("evaluation:appeal", args=[evaluation.public_id]),
        {"kind": "kien_nghi", "text": "Đề nghị xem xét lại.", "consent": "on"},
        follow=True,
    )
    appeal = Appeal.objects.get()
    assert appeal.case is not None
    assert appeal.case.kind == "kien_nghi"
    assert appeal.case.display_code in response.content.decode()


def test_finalising_with_open_forms_tells_the_head_why(client, school, staff):
    year = cycles.open_cycle(
        organisation=school, actor=staff["principal"], period_type="year", year=2025
    )
    client.force_login(staff["principal"])
    response = client.post(reverse("evaluation:finalise", args=[year.public_id]), follow=True)
    body = response.content.decode()
    assert "4 người chưa có quyết định" in body
    assert (
        "Chờ cơ quan quản lý (Ủy ban nhân dân phường Hải An) quyết định kết quả của "
        "Nguyễn Thị Thu Hà" in body
    )
    year.refresh_from_db()
    assert year.status == CycleStatus.OPEN


def test_the_desk_panel_lists_forms_waiting_for_the_user(client, quarter, staff):
    teacher, leader = staff["teacher"], staff["group_leader"]
    client.force_login(teacher)
    assert "Tự đánh giá Quý I năm học 2026–2027" in client.get(reverse("desk")).content.decode()
    client.post(
        reverse("evaluation:detail", args=[evaluation_of(quarter, teacher).public_id]),
        {"general": "28", "task": "60", "comment": "Báo cáo."},
    )
    client.force_login(leader)
    assert "Ghi ý kiến họp tổ về Lê Thị Hồng Nhung" in client.get(reverse("desk")).content.decode()


def test_year_counts_published_after_decision(school, staff):
    year = decided_nd90_year(school, staff, {key: "tot" for key in staff})
    results.publish_results(cycle=year, actor=staff["principal"], published_on=D(2026, 6, 9))
    assert dict(results.level_counts(year)) == {"Hoàn thành tốt nhiệm vụ": 5}


def test_the_score_history_names_the_levels_not_their_codes(client, school, staff):
    # given: a year decided at "tốt" after a self-assessment at "xuất sắc"
    year = decided_nd90_year(school, staff, {key: Level.GOOD for key in staff})
    teacher = staff["teacher"]
    evaluation = evaluation_of(year, teacher)
    ScoreHistory.objects.create(
        evaluation=evaluation,
        field="level",
        old_value=Level.GOOD,
        new_value=Level.EXCELLENT,
        reason="Sửa theo kết luận của hội đồng.",
        actor=staff["principal"],
    )
    client.force_login(staff["principal"])
    # when
    body = client.get(reverse("evaluation:detail", args=[evaluation.public_id])).content.decode()
    # then
    history = body[body.index("Lịch sử điểm và mức xếp loại") :]
    assert "Hoàn thành tốt nhiệm vụ → Hoàn thành xuất sắc nhiệm vụ" in history
    assert "— → Hoàn thành tốt nhiệm vụ" in history
    assert "→ tot" not in history and "xuat_sac" not in history


def test_the_score_history_writes_scores_the_vietnamese_way(client, quarter, staff):
    # given: a self-assessment of 28.5 + 60
    teacher = staff["teacher"]
    evaluation = evaluation_of(quarter, teacher)
    client.force_login(teacher)
    client.post(
        reverse("evaluation:detail", args=[evaluation.public_id]),
        {"general": "28.5", "task": "60", "task_reason": "Ngoài kế hoạch.", "comment": "Quý I."},
    )
    # when
    body = client.get(reverse("evaluation:detail", args=[evaluation.public_id])).content.decode()
    # then
    history = body[body.index("Lịch sử điểm và mức xếp loại") :]
    assert "— → 28,5" in history and "— → 60" in history
    assert "28.5" not in history


def test_a_score_over_the_maximum_is_refused_with_the_maximum_written_the_vietnamese_way(
    client, quarter, staff
):
    # given
    teacher = staff["teacher"]
    evaluation = evaluation_of(quarter, teacher)
    client.force_login(teacher)
    # when: 31 general points where the decree gives 30 (stored as 30.00)
    response = client.post(
        reverse("evaluation:detail", args=[evaluation.public_id]),
        {"general": "31", "task": "60", "comment": "Báo cáo."},
    )
    # then
    body = response.content.decode()
    assert response.status_code == 200
    assert "Hãy nhập số không lớn hơn 30." in body
    assert "bằng với 30.00" not in body and "30,00" not in body
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.PENDING and evaluation.self_general is None
