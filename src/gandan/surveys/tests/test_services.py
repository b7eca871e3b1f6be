"""Use cases: preparing, opening, answering, closing, erasing on request."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gandan.audit.models import AuditEvent
from gandan.surveys import services
from gandan.surveys.models import (
    Answer,
    Mode,
    QuestionKind,
    Response,
    SurveyEvent,
    SurveyStatus,
)
from gandan.surveys.services import field_name
from gandan.surveys.tests.conftest import (
    GRADES,
    answer_map,
    build_survey,
    identified_answer,
    questions,
)

PHONE = "0912 345 678"


def _errors(caught) -> dict:
    return caught.value.message_dict


# Preparing and opening


def test_a_new_survey_is_a_draft_and_is_audited(school, principal):
    # when
    survey = services.create_survey(organisation=school, actor=principal, title="  Khảo sát  ")
    # then
    assert survey.status == SurveyStatus.DRAFT and survey.title == "Khảo sát"
    assert len(survey.public_id) == 10
    assert SurveyEvent.objects.get(survey=survey).summary == "Tạo khảo sát (bản nháp)"
    audit = AuditEvent.objects.filter(object_type="surveys.survey", object_id=str(survey.pk)).get()
    assert audit.summary == "Khảo sát “Khảo sát”: Tạo khảo sát (bản nháp)"
    assert audit.actor == principal


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"title": " "}, "title", "Cần nhập tên khảo sát."),
        ({"mode": "secret"}, "mode", "Cách trả lời không hợp lệ."),
        ({"audience": "students"}, "audience", "Đối tượng không hợp lệ."),
        (
            {
                "opens_at": timezone.make_aware(dt.datetime(2026, 12, 5)),
                "closes_at": timezone.make_aware(dt.datetime(2026, 12, 1)),
            },
            "closes_at",
            "Hạn cuối phải sau thời điểm bắt đầu.",
        ),
    ],
)
def test_survey_settings_are_checked_in_vietnamese(school, principal, kwargs, field, message):
    arguments = {"organisation": school, "actor": principal, "title": "Khảo sát", **kwargs}
    with pytest.raises(ValidationError) as caught:
        services.create_survey(**arguments)
    assert _errors(caught)[field] == [message]


@pytest.mark.parametrize(
    ("kind", "options", "message"),
    [
        (QuestionKind.SINGLE, ["Có"], "Câu hỏi lựa chọn cần ít nhất hai phương án."),
        (QuestionKind.MULTIPLE, [], "Câu hỏi lựa chọn cần ít nhất hai phương án."),
        (QuestionKind.SINGLE, ["Có", "Có"], "Có phương án bị lặp lại."),
        (QuestionKind.SINGLE, [str(i) for i in range(13)], "Tối đa 12 phương án cho một câu hỏi."),
    ],
)
def test_choice_questions_need_sensible_options(school, principal, kind, options, message):
    survey = services.create_survey(organisation=school, actor=principal, title="Khảo sát")
    with pytest.raises(ValidationError) as caught:
        services.add_question(survey=survey, actor=principal, kind=kind, text="?", options=options)
    assert _errors(caught)["options"] == [message]
    assert not survey.questions.exists()


def test_questions_are_numbered_in_the_order_they_are_added(school, principal):
    survey = build_survey(school, principal, open_it=False)
    assert list(survey.questions.values_list("order", flat=True)) == [0, 1, 2, 3, 4, 5]
    # and a Likert item keeps no options even if some were typed
    question = services.add_question(
        survey=survey, actor=principal, kind=QuestionKind.LIKERT, text="?", options=["x", "y"]
    )
    assert question.options == [] and question.order == 6


def test_a_survey_without_questions_cannot_open(school, principal):
    survey = services.create_survey(organisation=school, actor=principal, title="Khảo sát")
    with pytest.raises(ValidationError) as caught:
        services.open_survey(survey=survey, actor=principal)
    assert caught.value.messages == ["Khảo sát cần ít nhất một câu hỏi trước khi mở."]
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.DRAFT


def test_an_identified_survey_cannot_open_without_a_consent_text(school, principal):
    # Luật 91/2025/QH15: consent must be informed, so the text must exist before answers.
    survey = build_survey(school, principal, mode=Mode.IDENTIFIED, open_it=False)
    survey.consent_text = ""
    survey.save(update_fields=["consent_text"])
    with pytest.raises(ValidationError) as caught:
        services.open_survey(survey=survey, actor=principal)
    assert _errors(caught)["consent_text"] == [
        "Khảo sát có định danh cần nội dung đồng ý xử lý dữ liệu cá nhân."
    ]


def test_once_open_the_questions_are_frozen(parent_survey, principal):
    q = questions(parent_survey)
    with pytest.raises(ValidationError):
        services.add_question(
            survey=parent_survey, actor=principal, kind=QuestionKind.TEXT, text="Thêm?"
        )
    with pytest.raises(ValidationError):
        services.remove_question(question=q["text"], actor=principal)
    with pytest.raises(ValidationError):
        services.update_survey(
            survey=parent_survey,
            actor=principal,
            title="Đổi tên",
            intro="",
            audience="parents",
            mode=Mode.IDENTIFIED,
            consent_text="x",
            opens_at=None,
            closes_at=None,
        )
    parent_survey.refresh_from_db()
    assert parent_survey.questions.count() == 6 and parent_survey.mode == Mode.ANONYMOUS


# Answering


def test_an_answer_is_stored_with_its_score_and_one_row_per_chosen_option(parent_survey):
    # when
    response = services.submit_response(
        survey=parent_survey,
        answers=answer_map(parent_survey, (5, 4, 3), grade=2, improve=[0, 3], text="Tốt lắm"),
    )
    # then
    q = questions(parent_survey)
    assert response.score == pytest.approx(75.0)
    assert response.created_on == timezone.localdate()
    values = {(a.question_id, a.value, a.text) for a in Answer.objects.filter(response=response)}
    assert values == {
        (q["likert"][0].pk, 5, ""),
        (q["likert"][1].pk, 4, ""),
        (q["likert"][2].pk, 3, ""),
        (q["single"].pk, 2, ""),
        (q["multiple"].pk, 0, ""),
        (q["multiple"].pk, 3, ""),
        (q["text"].pk, None, "Tốt lắm"),
    }


def test_phone_numbers_in_free_text_are_never_stored(parent_survey):
    services.submit_response(
        survey=parent_survey,
        answers=answer_map(parent_survey, text="Gọi tôi: 0912 345 678 hoặc me@gmail.com"),
    )
    stored = Answer.objects.exclude(text="").get().text
    assert stored == "Gọi tôi: [đã ẩn số điện thoại] hoặc [đã ẩn thư điện tử]"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"likert0": None}, "Xin trả lời câu hỏi này."),
        ({"likert0": 6}, "Hãy chọn một mức từ 1 đến 5."),
        ({"likert0": 0}, "Hãy chọn một mức từ 1 đến 5."),
        ({"likert0": "5"}, "Câu trả lời không hợp lệ."),
        ({"single": None}, "Xin trả lời câu hỏi này."),
        ({"single": len(GRADES)}, "Hãy chọn trong các phương án đã cho."),
        ({"multiple": [1, 1]}, "Hãy chọn trong các phương án đã cho."),
        ({"multiple": [9]}, "Hãy chọn trong các phương án đã cho."),
        ({"text": "x" * 2001}, "Câu trả lời dài quá 2000 ký tự."),
    ],
)
def test_answers_are_checked_in_vietnamese_and_nothing_is_stored(parent_survey, change, message):
    # given
    q = questions(parent_survey)
    answers = answer_map(parent_survey)
    key, value = next(iter(change.items()))
    question = q["likert"][0] if key == "likert0" else q[key]
    answers[question.pk] = value
    # when
    with pytest.raises(ValidationError) as caught:
        services.submit_response(survey=parent_survey, answers=answers)
    # then
    assert _errors(caught) == {field_name(question): [message]}
    assert not Response.objects.exists() and not Answer.objects.exists()


def test_optional_questions_may_be_left_empty(parent_survey):
    q = questions(parent_survey)
    answers = answer_map(parent_survey)
    del answers[q["multiple"].pk], answers[q["text"].pk]
    response = services.submit_response(survey=parent_survey, answers=answers)
    assert response.answers.count() == 4


@pytest.mark.parametrize("status", ["draft", "closed", "not_yet", "past_deadline"])
def test_only_an_open_survey_in_its_window_takes_answers(school, principal, status):
    # given
    now = timezone.now()
    survey = build_survey(school, principal, open_it=status != "draft")
    if status == "closed":
        survey = services.close_survey(survey=survey, actor=principal)
    if status == "not_yet":
        survey.opens_at = now + dt.timedelta(days=1)
    if status == "past_deadline":
        survey.closes_at = now - dt.timedelta(minutes=1)
    # when
    with pytest.raises(ValidationError) as caught:
        services.submit_response(survey=survey, answers=answer_map(survey), now=now)
    # then
    assert caught.value.messages == ["Khảo sát này hiện không nhận trả lời."]
    assert not Response.objects.exists()


def test_a_paper_form_keeps_its_day_inside_the_window(identified_last_autumn):
    survey = identified_last_autumn
    on = dt.date(2025, 11, 20)
    response = identified_answer(survey, 1, answers=answer_map(survey), on=on)
    assert response.created_on == on
    for outside in (dt.date(2025, 9, 30), timezone.localdate() + dt.timedelta(days=1)):
        with pytest.raises(ValidationError) as caught:
            identified_answer(survey, 2, answers=answer_map(survey), on=outside)
        assert caught.value.messages == ["Ngày trả lời phải nằm trong thời gian lấy ý kiến."]


def test_an_anonymous_paper_form_is_checked_against_the_window_but_keeps_no_day(
    opened_last_autumn,
):
    survey = opened_last_autumn
    response = services.submit_response(
        survey=survey, answers=answer_map(survey), on=dt.date(2025, 11, 20)
    )
    assert response.created_on == dt.date(2025, 10, 1)  # the period's first day
    for outside in (dt.date(2025, 9, 30), timezone.localdate() + dt.timedelta(days=1)):
        with pytest.raises(ValidationError) as caught:
            services.submit_response(survey=survey, answers=answer_map(survey), on=outside)
        assert caught.value.messages == ["Ngày trả lời phải nằm trong thời gian lấy ý kiến."]


# Identified surveys: one answer per respondent, with consent


def test_identified_survey_takes_one_answer_per_respondent(identified_survey):
    # given
    first = services.submit_response(
        survey=identified_survey,
        answers=answer_map(identified_survey, (5, 5, 5)),
        identifier=PHONE,
        consent=True,
    )
    # when: the same number, written another way
    with pytest.raises(ValidationError) as caught:
        services.submit_response(
            survey=identified_survey,
            answers=answer_map(identified_survey, (1, 1, 1)),
            identifier="+84912345678",
            consent=True,
        )
    # then
    assert _errors(caught)["identifier"] == [
        "Người dùng số điện thoại hoặc thư điện tử này đã trả lời khảo sát. "
        "Mỗi người chỉ trả lời một lần."
    ]
    assert list(Response.objects.all()) == [first]
    assert first.consent_at is not None and len(first.consent_version) == 16
    assert "0912345678" not in first.respondent_hash


def test_the_database_itself_refuses_a_second_answer(identified_survey):
    # given: the check in the service is passed by (two requests at the same instant)
    services.submit_response(
        survey=identified_survey,
        answers=answer_map(identified_survey),
        identifier=PHONE,
        consent=True,
    )
    digest = Response.objects.get().respondent_hash
    # when / then
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(
            survey=identified_survey, created_on=timezone.localdate(), respondent_hash=digest
        )


def test_another_respondent_and_another_survey_are_independent(
    school, principal, identified_survey
):
    other_survey = build_survey(school, principal, title="Khảo sát khác", mode=Mode.IDENTIFIED)
    for survey, who in [
        (identified_survey, PHONE),
        (identified_survey, "0987654321"),
        (other_survey, PHONE),
    ]:
        services.submit_response(
            survey=survey, answers=answer_map(survey), identifier=who, consent=True
        )
    assert Response.objects.count() == 3


@pytest.mark.parametrize(
    ("identifier", "consent", "errors"),
    [
        (
            PHONE,
            False,
            {"consent": ["Cần đồng ý xử lý dữ liệu cá nhân để trả lời khảo sát có định danh."]},
        ),
        (
            "",
            True,
            {
                "identifier": [
                    "Cần số điện thoại (ví dụ 0912 345 678) hoặc địa chỉ thư điện tử hợp lệ."
                ]
            },
        ),
    ],
)
def test_identified_answers_need_an_identifier_and_explicit_consent(
    identified_survey, identifier, consent, errors
):
    with pytest.raises(ValidationError) as caught:
        services.submit_response(
            survey=identified_survey,
            answers=answer_map(identified_survey),
            identifier=identifier,
            consent=consent,
        )
    assert _errors(caught) == errors
    assert not Response.objects.exists()


def test_an_anonymous_survey_ignores_an_identifier_and_consent(parent_survey):
    response = services.submit_response(
        survey=parent_survey, answers=answer_map(parent_survey), identifier=PHONE, consent=True
    )
    assert response.respondent_hash == "" and response.consent_at is None
    assert response.consent_version == ""


def test_erasure_on_request_deletes_the_answer_and_records_no_identifier(
    identified_survey, principal
):
    # given
    services.submit_response(
        survey=identified_survey,
        answers=answer_map(identified_survey),
        identifier=PHONE,
        consent=True,
    )
    # when
    erased = services.erase_response(
        survey=identified_survey, actor=principal, identifier="0912.345.678"
    )
    # then
    assert erased is True
    assert not Response.objects.exists() and not Answer.objects.exists()
    event = SurveyEvent.objects.filter(kind="response_erased").get()
    assert event.summary == "Xóa một câu trả lời theo yêu cầu của người trả lời"
    assert not AuditEvent.objects.filter(summary__contains="0912").exists()
    # and nothing to erase the second time
    assert (
        services.erase_response(survey=identified_survey, actor=principal, identifier=PHONE)
        is False
    )


# Closing


def test_closing_stops_answers_and_keeps_them(parent_survey, principal):
    # given
    for likert in [(5, 5, 5), (2, 2, 2)]:
        services.submit_response(survey=parent_survey, answers=answer_map(parent_survey, likert))
    # when
    survey = services.close_survey(survey=parent_survey, actor=principal)
    # then
    assert survey.closes_at is not None
    assert survey.status == SurveyStatus.CLOSED and survey.closes_at <= timezone.now()
    scores = Response.objects.values_list("score", flat=True)
    assert sorted(scores, key=lambda score: score or 0) == [25.0, 100.0]
    assert Answer.objects.count() == 2 * 4  # three Likert items and the grade, each

    with pytest.raises(ValidationError):
        services.submit_response(survey=survey, answers=answer_map(survey))


def test_close_due_surveys_closes_those_past_their_deadline_and_is_rerunnable(school, principal):
    # given
    now = timezone.now()
    started = now - dt.timedelta(days=7)
    due = build_survey(school, principal, title="Hết hạn", opens_at=started)
    due.closes_at = now - dt.timedelta(hours=1)
    due.save(update_fields=["closes_at"])
    running = build_survey(school, principal, title="Còn hạn")
    # when
    first, second = services.close_due_surveys(now=now), services.close_due_surveys(now=now)
    # then
    due.refresh_from_db()
    running.refresh_from_db()
    assert (first, second) == (1, 0)
    assert due.status == SurveyStatus.CLOSED and due.closes_at == now - dt.timedelta(hours=1)
    assert running.status == SurveyStatus.OPEN
