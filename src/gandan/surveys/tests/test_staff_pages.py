"""Staff pages: preparing a survey through the forms, results, the school's index, the poster."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gandan.surveys import services
from gandan.surveys.models import Mode, Survey, SurveyStatus
from gandan.surveys.tests.conftest import answer_map, build_survey, identified_answer


def test_a_head_prepares_and_opens_a_survey_through_the_forms(client, school, principal):
    # given
    client.force_login(principal)
    # when: the settings
    created = client.post(
        reverse("surveys:new"),
        {
            "title": "Khảo sát về bán trú",
            "intro": "Xin ý kiến",
            "audience": "parents",
            "mode": "identified",
            "consent_text": "Chỉ dùng số điện thoại để mỗi người trả lời một lần.",
            "opens_on": "",
            "closes_on": "2099-12-31",
        },
    )
    survey = Survey.objects.get()
    assert created["Location"] == reverse("surveys:detail", args=[survey.public_id])
    # "until the end of 31/12/2099" is the start of the next day, local time
    assert timezone.localtime(survey.closes_at).replace(tzinfo=None) == dt.datetime(2100, 1, 1)
    # and two questions, one by one
    url = reverse("surveys:question_add", args=[survey.public_id])
    client.post(url, {"kind": "likert", "text": "Hài lòng với bữa ăn?", "required": "on"})
    client.post(url, {"kind": "single", "text": "Khối?", "options": "Khối 1\nKhối 2\n\n"})
    # a choice question without options comes back with the reason
    refused = client.post(url, {"kind": "multiple", "text": "Món nào?", "options": "Cơm"})
    assert refused.status_code == 400
    assert refused.context["question_form"].errors["options"] == [
        "Câu hỏi lựa chọn cần ít nhất hai phương án."
    ]
    # when: opened
    client.post(reverse("surveys:open", args=[survey.public_id]))
    # then
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.OPEN
    assert [(q.kind, q.options) for q in survey.questions.all()] == [
        ("likert", []),
        ("single", ["Khối 1", "Khối 2"]),
    ]
    detail = client.get(reverse("surveys:detail", args=[survey.public_id])).content.decode()
    assert reverse("surveys:answer", args=[survey.public_id]) in detail


def test_the_settings_form_speaks_vietnamese(client, school, principal):
    client.force_login(principal)
    page = client.post(
        reverse("surveys:new"),
        {"title": "", "audience": "parents", "mode": "anonymous", "closes_on": "31/12"},
    )
    assert page.status_code == 200
    errors = page.context["form"].errors
    assert errors["title"] == ["Trường này là bắt buộc."]
    assert errors["closes_on"] == ["Nhập một ngày hợp lệ."]
    assert not Survey.objects.exists()


def test_the_survey_list_costs_the_same_queries_for_one_or_ten_surveys(client, school, principal):
    client.force_login(principal)
    build_survey(school, principal)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("surveys:list"))
    for number in range(9):
        survey = build_survey(school, principal, title=f"Khảo sát {number}")
        services.submit_response(survey=survey, answers=answer_map(survey))
    with CaptureQueriesContext(connection) as ten:
        page = client.get(reverse("surveys:list"))
    assert len(ten) == len(one)
    assert len(page.context["surveys"]) == 10


def test_results_show_the_index_chart_and_breakdown(
    client, school, principal, identified_last_autumn
):
    # given: answers of an identified survey in October and November
    survey = identified_last_autumn
    for number, (on, likert, grade) in enumerate(
        [
            (dt.date(2025, 10, 6), (5, 5, 5), 0),
            (dt.date(2025, 10, 20), (4, 4, 4), 0),
            (dt.date(2025, 11, 4), (2, 3, 4), 2),
        ]
    ):
        identified_answer(survey, number, answers=answer_map(survey, likert, grade=grade), on=on)
    client.force_login(principal)
    # when
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("surveys:results", args=[survey.public_id]))
    # then: the index over three respondents (100, 75, 50) in Vietnamese figures
    html = page.content.decode()
    assert page.context["index"].mean == pytest.approx(75.0)
    assert '<span class="index-value">75,0</span>' in html
    assert "khoảng tin cậy 95 %: 46,7–100,0" in html
    # the chart: accessible, both months, the method written down
    assert 'role="img"' in html and '<title id="bieu-do-khao-sat-title">' in html
    assert ">10/2025<" in html and ">11/2025<" in html
    assert "Cách tính chỉ số" in html and "(mức − 1) ÷ 4 × 100" in html
    # the breakdown: grade "Khối 1" chosen by two of three
    grade = next(r for r in page.context["results"] if r.question.kind == "single")
    assert [(row.label, row.count) for row in grade.rows][:3] == [
        ("Khối 1", 2),
        ("Khối 2", 0),
        ("Khối 3", 1),
    ]
    assert grade.rows[0].percent == pytest.approx(200 / 3)
    # a bounded number of queries, whatever the number of answers
    assert len(queries) <= 20


def test_free_text_is_shown_to_staff_redacted(client, school, principal, parent_survey):
    # given: an answer stored before redaction existed (e.g. imported)
    services.submit_response(survey=parent_survey, answers=answer_map(parent_survey, text="Tốt"))
    from gandan.surveys.models import Answer

    Answer.objects.filter(text="Tốt").update(text="Gọi 0912345678 hoặc me@gmail.com")
    client.force_login(principal)
    # when
    html = client.get(reverse("surveys:results", args=[parent_survey.public_id])).content.decode()
    # then
    assert "0912345678" not in html and "me@gmail.com" not in html
    assert "Gọi [đã ẩn số điện thoại] hoặc [đã ẩn thư điện tử]" in html


def test_the_school_index_pools_surveys_and_case_ratings(client, school, principal, inspector):
    # given: one survey respondent (100) and one rated case (1 → 0)
    from gandan.petitions.models import Case

    survey = build_survey(school, principal)
    services.submit_response(survey=survey, answers=answer_map(survey, (5, 5, 5)))
    now = timezone.now()
    Case.objects.create(
        organisation=school,
        kind="kien_nghi",
        title="Kiến nghị",
        tracking_code="TESTCASE1",
        received_on=timezone.localdate(),
        satisfaction=1,
        rated_at=now,
        closed_at=now,
    )
    client.force_login(inspector)
    # when
    page = client.get(reverse("surveys:index"))
    # then
    series = {s.key: s for s in page.context["series"]}
    assert series["surveys"].overall.mean == 100.0
    assert series["cases"].overall.mean == 0.0
    assert series["combined"].overall.mean == 50.0 and series["combined"].overall.n == 2
    html = page.content.decode()
    assert "Đánh giá sau giải quyết đơn thư" in html and "Chỉ số chung" in html
    assert html.count("<polyline") + html.count("<circle") >= 1


def test_the_poster_has_a_qr_code_of_the_public_link(client, school, principal, parent_survey):
    pytest.importorskip("segno", reason="segno is not installed: the poster shows the link only")
    client.force_login(principal)
    html = client.get(reverse("surveys:poster", args=[parent_survey.public_id])).content.decode()
    public = f"http://testserver/khao-sat/{parent_survey.public_id}/"
    assert re.search(r'<svg viewBox="0 0 \d+ \d+" class="qr-code">', html)
    assert f"<title>Mã QR mở phiếu khảo sát: {public}</title>" in html
    assert public in html


def test_without_segno_the_poster_prints_the_link_in_large_type(
    client, school, principal, parent_survey, monkeypatch
):
    import builtins

    real_import = builtins.__import__

    def no_segno(name, *args, **kwargs):
        if name == "segno":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_segno)
    client.force_login(principal)
    html = client.get(reverse("surveys:poster", args=[parent_survey.public_id])).content.decode()
    assert "qr-code" not in html
    assert 'class="poster-url large"' in html
    assert "chưa cài thư viện tạo mã QR" in html


def test_the_desk_shows_open_surveys_with_their_index_to_the_head(
    client, school, principal, teacher
):
    survey = build_survey(school, principal)
    services.submit_response(survey=survey, answers=answer_map(survey, (4, 4, 4)))
    client.force_login(principal)
    head_desk = client.get(reverse("desk")).content.decode()
    assert survey.title in head_desk and "75,0" in head_desk
    client.force_login(teacher)
    teacher_desk = client.get(reverse("desk")).content.decode()
    assert survey.title in teacher_desk and "75,0" not in teacher_desk


def test_erasing_an_identified_answer_from_the_results_page(client, school, principal):
    survey = build_survey(school, principal, mode=Mode.IDENTIFIED)
    services.submit_response(
        survey=survey, answers=answer_map(survey), identifier="me@gmail.com", consent=True
    )
    client.force_login(principal)
    url = reverse("surveys:erase", args=[survey.public_id])
    bad = client.post(url, {"identifier": "không phải số"})
    assert bad.status_code == 400
    assert survey.responses.count() == 1
    client.post(url, {"identifier": "ME@gmail.com"})
    assert survey.responses.count() == 0
