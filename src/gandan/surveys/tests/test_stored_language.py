"""With English on the screen, surveys still store Vietnamese (ADR 1, addendum): the timeline,
the audit rows and the markers that replace phone numbers in stored answers."""

import datetime as dt

from django.utils import translation

from gandan.orgs import demo as orgs_demo
from gandan.surveys import demo, services
from gandan.surveys.models import Answer, Mode, QuestionKind, Survey
from gandan.surveys.tests.conftest import answer_map, build_survey, form_data, questions

PHONE_MARK = "[đã ẩn số điện thoại]"


def test_a_survey_from_draft_to_erasure_is_stored_in_vietnamese_from_an_english_screen(
    school, principal, english_screen, assert_stored_vietnamese
):
    # given: an identified survey prepared, edited and opened
    survey = build_survey(
        school, principal, title="Khảo sát về bán trú", mode=Mode.IDENTIFIED, open_it=False
    )
    services.update_survey(
        survey=survey,
        actor=principal,
        title="Khảo sát có định danh về bán trú",
        intro="Xin ông (bà) dành ba phút.",
        audience=survey.audience,
        mode=survey.mode,
        consent_text=survey.consent_text,
        opens_at=None,
        closes_at=None,
    )
    extra = services.add_question(
        survey=survey, actor=principal, kind=QuestionKind.TEXT, text="Câu hỏi thêm", required=False
    )
    services.remove_question(question=extra, actor=principal)
    survey = services.open_survey(survey=survey, actor=principal)
    # when: a parent answers (with a phone number in the free text), the head erases it on
    # request, the survey closes
    services.submit_response(
        survey=survey,
        answers=answer_map(survey, text="Gọi tôi: 0912 345 678"),
        identifier="0987654321",
        consent=True,
    )
    stored = Answer.objects.get(question=questions(survey)["text"]).text
    assert services.erase_response(survey=survey, actor=principal, identifier="0987654321")
    services.close_survey(survey=survey, actor=principal)
    # and: another closes at its deadline, by the scheduled command's service
    due = build_survey(school, principal, title="Khảo sát hết hạn")
    deadline = due.opens_at + dt.timedelta(minutes=1)
    Survey.objects.filter(pk=due.pk).update(closes_at=deadline)
    assert services.close_due_surveys(now=deadline + dt.timedelta(minutes=1)) == 1
    # then
    assert stored == f"Gọi tôi: {PHONE_MARK}"
    assert_stored_vietnamese()


def test_an_answer_from_an_english_page_hides_the_phone_in_vietnamese(
    client, parent_survey, assert_stored_vietnamese
):
    # given: a parent reads the answer sheet in English
    client.cookies["django_language"] = "en"
    # when
    response = client.post(
        f"/khao-sat/{parent_survey.public_id}/",
        form_data(parent_survey, text="Số của tôi 0912345678"),
    )
    # then
    assert response.status_code == 302
    assert Answer.objects.get(question=questions(parent_survey)["text"]).text == (
        f"Số của tôi {PHONE_MARK}"
    )
    assert_stored_vietnamese()


def test_the_demo_surveys_built_from_an_english_screen_are_stored_in_vietnamese(
    english_screen, assert_stored_vietnamese
):
    # given: the school (the organisations' demo, checked by its own tests)
    with translation.override("vi"):
        school = orgs_demo.build()
    # when
    demo.build(school)
    # then
    assert Survey.objects.filter(status="closed").exists()
    assert_stored_vietnamese()
