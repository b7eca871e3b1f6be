"""Every state-changing page of surveys sent twice (a double click, a resent form, a double
tap on a phone): the first does it, the second is refused or answered as done and changes
nothing, not even the timeline or the audit log.

principal manages the surveys; a parent answers the public link without an account; the
teacher answers an anonymous staff survey signed in.
"""

import pytest
from django.core.cache import cache
from django.urls import reverse

from gandan.audit.models import AuditEvent
from gandan.surveys import services
from gandan.surveys.forms import ResponseForm
from gandan.surveys.models import Audience, Mode, Question, Response, Survey, SurveyEvent
from gandan.surveys.tests.conftest import build_survey


def _state() -> tuple:
    """Everything a POST of surveys could change."""
    return (
        tuple(
            Survey.objects.order_by("pk").values_list(
                "status", "title", "intro", "mode", "opens_at", "closes_at"
            )
        ),
        tuple(Question.objects.order_by("pk").values_list("text", "kind", "options")),
        Response.objects.count(),
        SurveyEvent.objects.count(),
    )


def _sent_twice(client, url: str, data: dict, answered=frozenset({200, 302, 400})) -> tuple:
    # when
    before = _state()
    first = client.post(url, data)
    after_first = _state()
    audit = AuditEvent.objects.count()
    second = client.post(url, data)
    # then: the first did it, the second adds nothing
    assert first.status_code == 302
    assert after_first != before
    assert second.status_code in answered
    assert _state() == after_first
    assert AuditEvent.objects.count() == audit
    return first, second


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def _sheet(survey: Survey, token: str = "") -> dict:
    """The public form filled in: four on every scale, the first grade, no improvements."""
    data = {"token": token} if token else {}
    for question in survey.questions.all():
        if question.kind == "likert":
            data[services.field_name(question)] = "4"
        elif question.kind == "single":
            data[services.field_name(question)] = "0"
    return data


def test_a_survey_created_twice_is_one_draft(client, school, principal):
    client.force_login(principal)
    data = {"title": "Khảo sát bán trú", "audience": "parents", "mode": "anonymous"}
    _sent_twice(client, reverse("surveys:new"), data)
    assert Survey.objects.count() == 1


def test_a_draft_edited_twice_is_edited_once(client, school, principal):
    draft = build_survey(school, principal, open_it=False)
    client.force_login(principal)
    data = {"title": "Đổi tên", "audience": "parents", "mode": "anonymous"}
    _sent_twice(client, reverse("surveys:edit", args=[draft.public_id]), data)


def test_a_question_added_twice_is_one_question(client, school, principal):
    draft = build_survey(school, principal, open_it=False)
    client.force_login(principal)
    data = {"kind": "text", "text": "Câu hỏi mới", "required": "on"}
    _sent_twice(client, reverse("surveys:question_add", args=[draft.public_id]), data)
    assert draft.questions.filter(text="Câu hỏi mới").count() == 1


def test_a_question_removed_twice_is_removed_once(client, school, principal):
    draft = build_survey(school, principal, open_it=False)
    question = draft.questions.first()
    client.force_login(principal)
    url = reverse("surveys:question_remove", args=[draft.public_id, question.pk])
    # the question is gone: its address answers 404, as for any address that leads nowhere
    _sent_twice(client, url, {}, answered={404})


def test_a_survey_opened_twice_is_opened_once(client, school, principal):
    draft = build_survey(school, principal, open_it=False)
    client.force_login(principal)
    _sent_twice(client, reverse("surveys:open", args=[draft.public_id]), {})


def test_a_survey_closed_twice_is_closed_once(client, school, principal):
    running = build_survey(school, principal)
    client.force_login(principal)
    _sent_twice(client, reverse("surveys:close", args=[running.public_id]), {})


def test_an_anonymous_answer_tapped_twice_is_one_answer(client, school, principal):
    # given: the sheet as the page gives it, with its one-time token
    running = build_survey(school, principal)
    data = _sheet(running, token=ResponseForm.new_token())
    # when / then
    _first, second = _sent_twice(client, reverse("surveys:answer", args=[running.public_id]), data)
    assert second["Location"] == reverse("surveys:thanks", args=[running.public_id])
    assert Response.objects.count() == 1


def test_an_identified_answer_sent_twice_is_refused(client, school, principal):
    running = build_survey(school, principal, title="Khảo sát có định danh", mode=Mode.IDENTIFIED)
    data = {**_sheet(running), "identifier": "0912345678", "consent": "on"}
    _first, second = _sent_twice(client, reverse("surveys:answer", args=[running.public_id]), data)
    assert "Mỗi người chỉ trả lời một lần" in second.content.decode()


def test_an_anonymous_staff_answer_sent_twice_is_refused(client, school, principal, teacher):
    running = build_survey(school, principal, title="Khảo sát cán bộ", audience=Audience.STAFF)
    client.force_login(teacher)
    url = reverse("surveys:answer", args=[running.public_id])
    _first, second = _sent_twice(client, url, _sheet(running))
    assert "Mỗi người chỉ trả lời một lần" in second.content.decode()
