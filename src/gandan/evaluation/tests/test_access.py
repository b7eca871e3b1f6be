"""Authorization matrix: every evaluation page against the cast; refused actions change nothing.

A teacher sees only their own evaluation and the unit's published results; the tổ leader sees
the tổ's members; managers see all; authority officers read counts only; others get a 404.
"""

import datetime as dt

import pytest
from django.urls import reverse

from gandan.evaluation.models import (
    Appeal,
    EvaluationCycle,
    EvaluationEvent,
    ScoreHistory,
)
from gandan.evaluation.services import assessment, cycles, results
from gandan.evaluation.tests.builders import decided_nd90_year, evaluation_of
from gandan.petitions.models import Case

D = dt.date
PERSONAS = [
    "principal",
    "deputy",
    "teacher",
    "group_leader",
    "other_teacher",
    "authority_officer",
    "other_school_principal",
    "outsider",
]
LEVELS = {key: "tot" for key in ("principal", "deputy", "teacher", "group_leader", "other_teacher")}


@pytest.fixture
def world(school, staff, unit_rules, authority_officer, other_school_principal, outsider):
    year = decided_nd90_year(school, staff, LEVELS)
    results.notify_results(cycle=year, actor=staff["principal"], issued_on=D(2026, 6, 8))
    year = results.publish_results(cycle=year, actor=staff["principal"], published_on=D(2026, 6, 9))
    quarter = cycles.open_cycle(
        organisation=school, actor=staff["principal"], period_type="quarter", year=2026, number=1
    )
    assessment.submit_self_assessment(
        evaluation=evaluation_of(quarter, staff["teacher"]),
        actor=staff["teacher"],
        comment="Báo cáo quý I.",
        general=28,
        task=60,
        task_reason="Sản phẩm ngoài kế hoạch.",
    )
    people = dict(staff) | {
        "authority_officer": authority_officer,
        "other_school_principal": other_school_principal,
        "outsider": outsider,
    }
    return {"year": year, "quarter": quarter, "people": people}


def _urls(world):
    year, quarter, p = world["year"], world["quarter"], world["people"]
    q_teacher = evaluation_of(quarter, p["teacher"]).public_id
    q_other = evaluation_of(quarter, p["other_teacher"]).public_id
    y_teacher = evaluation_of(year, p["teacher"]).public_id
    return {
        "mine": reverse("evaluation:mine"),
        "detail_teacher": reverse("evaluation:detail", args=[q_teacher]),
        "detail_other": reverse("evaluation:detail", args=[q_other]),
        "group_teacher": reverse("evaluation:group", args=[q_teacher]),
        "decide_teacher": reverse("evaluation:decide", args=[q_teacher]),
        "cycle_quarter": reverse("evaluation:cycle", args=[quarter.public_id]),
        "results_published": reverse("evaluation:results", args=[year.public_id]),
        "results_unpublished": reverse("evaluation:results", args=[quarter.public_id]),
        "counts": reverse("evaluation:counts") + "?truong=th-thanh-to",
        "notice_teacher": reverse("evaluation:notice", args=[y_teacher]),
        "appeal_teacher": reverse("evaluation:appeal", args=[y_teacher]),
    }


OK, NO = 200, 404
# persona order: principal, deputy, teacher, group_leader, other_teacher, authority_officer,
# other_school_principal, outsider
MATRIX = {
    "mine": [OK, OK, OK, OK, OK, NO, OK, NO],
    "detail_teacher": [OK, OK, OK, OK, NO, NO, NO, NO],
    "detail_other": [OK, OK, NO, NO, OK, NO, NO, NO],
    "group_teacher": [OK, OK, NO, OK, NO, NO, NO, NO],
    "decide_teacher": [OK, OK, NO, NO, NO, NO, NO, NO],
    "cycle_quarter": [OK, OK, NO, OK, NO, NO, NO, NO],
    "results_published": [OK, OK, OK, OK, OK, NO, NO, NO],
    "results_unpublished": [OK, OK, NO, NO, NO, NO, NO, NO],
    "counts": [OK, OK, NO, NO, NO, OK, NO, NO],
    "notice_teacher": [OK, OK, OK, OK, NO, NO, NO, NO],
    "appeal_teacher": [NO, NO, OK, NO, NO, NO, NO, NO],
}


@pytest.mark.parametrize("page", list(MATRIX))
def test_who_sees_each_page(client, world, page):
    url = _urls(world)[page]
    for persona, expected in zip(PERSONAS, MATRIX[page], strict=True):
        client.force_login(world["people"][persona])
        response = client.get(url)
        assert response.status_code == expected, (page, persona, response.status_code)


def _state():
    """Everything a refused action could have changed."""
    return (
        list(
            EvaluationCycle.objects.order_by("pk").values_list(
                "status", "unit_level", "published_on"
            )
        ),
        list(
            ScoreHistory.objects.order_by("pk").values_list("evaluation_id", "field", "new_value")
        ),
        EvaluationEvent.objects.count(),
        Appeal.objects.count(),
        Case.objects.count(),
    )


REFUSED_POSTS = [
    # (persona, url key or action, data)
    ("principal", "detail_teacher", {"general": 30, "task": 70, "comment": "x"}),
    ("group_leader", "decide_teacher", {"general": 30, "task": 70, "months_worked": 3}),
    ("teacher", "group_teacher", {"meeting_on": "2026-11-27", "minutes": "Tự khen."}),
    ("other_teacher", "group_teacher", {"meeting_on": "2026-11-27", "minutes": "x"}),
    ("authority_officer", "decide_teacher", {"general": 1, "task": 1, "months_worked": 3}),
    ("principal", "appeal_teacher", {"kind": "khieu_nai", "text": "x", "consent": "on"}),
    ("other_teacher", "appeal_teacher", {"kind": "khieu_nai", "text": "x", "consent": "on"}),
    ("teacher", "finalise", {}),
    ("group_leader", "compute_year", {}),
    ("teacher", "unit_level", {"level": "xuat_sac", "reference": "x"}),
    ("authority_officer", "publish", {"day": "2026-11-28"}),
    ("other_school_principal", "notify", {"day": "2026-11-28"}),
    ("teacher", "cycle_open", {"period_type": "quarter", "year": 2026, "number": 2}),
    ("authority_officer", "cycle_open", {"period_type": "quarter", "year": 2026, "number": 2}),
]


@pytest.mark.parametrize(("persona", "target", "data"), REFUSED_POSTS)
def test_refused_actions_are_404_and_change_nothing(client, world, persona, target, data):
    # given
    urls = _urls(world)
    cycle_actions = {"finalise", "compute_year", "unit_level", "publish", "notify"}
    if target in cycle_actions:
        cycle = world["quarter"] if target == "finalise" else world["year"]
        url = reverse(f"evaluation:{target}", args=[cycle.public_id])
    elif target == "cycle_open":
        url = reverse("evaluation:cycle_open")
    else:
        url = urls[target]
    before = _state()
    client.force_login(world["people"][persona])
    # when
    response = client.post(url, data)
    # then
    assert response.status_code == 404
    assert _state() == before


def test_a_teacher_sees_only_their_own_forms_on_their_page(client, world):
    client.force_login(world["people"]["teacher"])
    body = client.get(reverse("evaluation:mine")).content.decode()
    assert "Năm học 2025–2026" in body
    assert "Quý I năm học 2026–2027" in body
    assert "Các kỳ đánh giá của đơn vị" not in body
    assert "Bùi Văn Hùng" not in body


def test_published_results_show_names_and_levels_but_not_self_assessments(client, world):
    client.force_login(world["people"]["other_teacher"])
    body = client.get(_urls(world)["results_published"]).content.decode()
    assert "Lê Thị Hồng Nhung" in body
    assert "Hoàn thành tốt nhiệm vụ" in body
    assert "Báo cáo năm học." not in body
    assert "Nhất trí với mức tự xếp loại." not in body


def test_authority_officers_read_counts_without_names(client, world):
    client.force_login(world["people"]["authority_officer"])
    body = client.get(_urls(world)["counts"]).content.decode()
    assert "Năm học 2025–2026" in body
    assert "Lê Thị Hồng Nhung" not in body


def test_the_tổ_leader_sees_only_the_tổ_on_the_cycle_page(client, world):
    client.force_login(world["people"]["group_leader"])
    body = client.get(_urls(world)["cycle_quarter"]).content.decode()
    assert "Lê Thị Hồng Nhung" in body
    assert "Bùi Văn Hùng" not in body
    assert "Chốt kết quả" not in body
