"""The public pages: a parent answers by the link, without an account."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from gandan.surveys import services
from gandan.surveys.models import Audience, Mode, Response
from gandan.surveys.tests.conftest import build_survey, form_data, questions
from gandan.surveys.views.public import ANSWERS


def _url(survey, name="surveys:answer"):
    return reverse(name, args=[survey.public_id])


def test_the_sheet_shows_every_question_and_says_it_is_anonymous(client, parent_survey):
    # when
    page = client.get(_url(parent_survey))
    # then
    assert page.status_code == 200
    html = page.content.decode()
    for question in parent_survey.questions.all():
        assert question.text in html
    assert "5 – Rất hài lòng" in html and "Khối 3" in html
    assert "Phiếu ẩn danh" in html
    assert 'name="website"' in html  # the honeypot
    assert 'name="identifier"' not in html and 'name="consent"' not in html


def test_a_parent_answers_and_is_thanked(client, parent_survey):
    # when
    response = client.post(
        _url(parent_survey), form_data(parent_survey, (5, 5, 4), grade=1, improve=[0, 2])
    )
    # then
    assert response.status_code == 302
    assert response["Location"] == _url(parent_survey, "surveys:thanks")
    assert Response.objects.get().score == pytest.approx(275 / 3)
    thanks = client.get(response["Location"])
    assert "Cảm ơn ông (bà) đã trả lời khảo sát" in thanks.content.decode()
    # and the device remembers it answered (in a cookie, nowhere else)
    again = client.get(_url(parent_survey))
    assert "Thiết bị này đã gửi một phiếu" in again.content.decode()


def test_missing_answers_come_back_in_vietnamese_on_their_question(client, parent_survey):
    # given
    data = form_data(parent_survey)
    first = questions(parent_survey)["likert"][0]
    del data[f"q{first.pk}"]
    # when
    page = client.post(_url(parent_survey), data)
    # then
    assert page.status_code == 400
    assert page.context["form"].errors[f"q{first.pk}"] == ["Xin trả lời câu hỏi này."]
    assert "Xin trả lời câu hỏi này." in page.content.decode()
    assert not Response.objects.exists()


def test_a_tampered_choice_is_refused(client, parent_survey):
    data = form_data(parent_survey)
    single = questions(parent_survey)["single"]
    data[f"q{single.pk}"] = "99"
    page = client.post(_url(parent_survey), data)
    assert page.status_code == 400
    assert page.context["form"].errors[f"q{single.pk}"] == ["Hãy chọn trong các phương án đã cho."]
    assert not Response.objects.exists()


def test_the_honeypot_stores_nothing(client, parent_survey):
    page = client.post(_url(parent_survey), form_data(parent_survey, website="http://spam"))
    assert page.status_code == 400
    assert not Response.objects.exists()


def test_a_double_tap_stores_one_answer(client, parent_survey):
    # given: the same sheet (same token) sent twice
    data = form_data(parent_survey, token="cung-mot-phieu")
    # when
    first = client.post(_url(parent_survey), data)
    second = client.post(_url(parent_survey), data)
    # then
    assert first.status_code == second.status_code == 302
    assert Response.objects.count() == 1


def test_after_an_error_the_same_sheet_can_be_sent_again(client, parent_survey):
    data = form_data(parent_survey, token="sua-roi-gui")
    broken = dict(data)
    del broken[f"q{questions(parent_survey)['likert'][0].pk}"]
    assert client.post(_url(parent_survey), broken).status_code == 400
    assert client.post(_url(parent_survey), data).status_code == 302
    assert Response.objects.count() == 1


def test_too_many_sheets_from_one_address_are_turned_away(client, parent_survey, settings):
    # given: one address has used its allowance
    for number in range(ANSWERS.limit):
        client.post(_url(parent_survey), form_data(parent_survey, token=f"t{number}"))
    stored = Response.objects.count()
    # when
    page = client.post(_url(parent_survey), form_data(parent_survey, token="one-more"))
    # then
    assert stored == ANSWERS.limit
    assert page.status_code == 429
    assert Response.objects.count() == stored


def test_identified_survey_asks_for_a_number_and_consent_and_refuses_a_second_answer(
    client, identified_survey
):
    url = _url(identified_survey)
    html = client.get(url).content.decode()
    assert identified_survey.consent_text in html
    # the consent box is never ticked in advance (Luật 91/2025/QH15: silence is not consent)
    assert 'name="consent"' in html and "checked" not in html.split('name="consent"')[1][:80]
    # without consent: refused
    page = client.post(url, form_data(identified_survey, identifier="0912345678"))
    assert page.status_code == 400
    assert page.context["form"].errors["consent"] == [
        "Cần đồng ý xử lý dữ liệu cá nhân để trả lời khảo sát có định danh."
    ]
    # with consent: stored
    ok = client.post(url, form_data(identified_survey, identifier="0912345678", consent="on"))
    assert ok.status_code == 302
    # the same person again, from another device
    client.cookies.clear()
    again = client.post(
        url, form_data(identified_survey, identifier="0912 345 678", consent="on", token="x")
    )
    assert again.status_code == 400
    assert "Mỗi người chỉ trả lời một lần." in again.content.decode()
    assert Response.objects.count() == 1


def test_a_draft_is_not_found_and_a_closed_survey_says_so(client, school, principal):
    draft = build_survey(school, principal, open_it=False)
    assert client.get(_url(draft)).status_code == 404
    assert client.get(_url(draft, "surveys:thanks")).status_code == 404
    closed = services.close_survey(
        survey=build_survey(school, principal, title="Đã xong"), actor=principal
    )
    page = client.get(_url(closed))
    assert page.status_code == 200
    assert "Khảo sát này đã kết thúc" in page.content.decode()
    assert client.post(_url(closed), form_data(closed)).status_code == 200
    assert not Response.objects.exists()


def test_an_unknown_link_is_not_found(client, db):
    assert client.get("/khao-sat/khongco1234/").status_code == 404


def test_a_staff_survey_asks_staff_to_sign_in_and_counts_one_answer_per_account(
    client, school, principal, teacher, other_school_principal
):
    survey = build_survey(
        school, principal, title="Khảo sát nội bộ", audience=Audience.STAFF, mode=Mode.IDENTIFIED
    )
    # a visitor is sent to sign in
    assert client.get(_url(survey))["Location"].startswith("/dang-nhap/")
    # someone from another school does not find it
    client.force_login(other_school_principal)
    assert client.get(_url(survey)).status_code == 404
    # a teacher answers once, without typing any number
    client.force_login(teacher)
    assert 'name="identifier"' not in client.get(_url(survey)).content.decode()
    assert client.post(_url(survey), form_data(survey, consent="on", token="a")).status_code == 302
    second = client.post(_url(survey), form_data(survey, consent="on", token="b"))
    assert second.status_code == 400
    assert Response.objects.count() == 1


def test_the_school_lists_its_open_public_surveys(client, school, principal, parent_survey):
    # given: a draft, a closed survey and a staff survey that must not be listed
    build_survey(school, principal, title="Bản nháp", open_it=False)
    services.close_survey(survey=build_survey(school, principal, title="Đã xong"), actor=principal)
    build_survey(school, principal, title="Nội bộ", audience=Audience.STAFF)
    # when
    page = client.get(reverse("surveys:school", args=[school.slug]))
    # then
    assert [s.title for s in page.context["surveys"]] == [parent_survey.title]
    # and the school's public page links to the list
    home = client.get(reverse("portal:school", args=[school.slug])).content.decode()
    assert reverse("surveys:school", args=[school.slug]) in home


def test_close_due_surveys_command(school, principal, capsys):
    survey = build_survey(
        school, principal, opens_at=timezone.now() - dt.timedelta(days=3), title="Hết hạn"
    )
    survey.closes_at = timezone.now() - dt.timedelta(minutes=5)
    survey.save(update_fields=["closes_at"])
    call_command("close_due_surveys")
    survey.refresh_from_db()
    assert survey.is_closed
    assert "Đã kết thúc 1 khảo sát." in capsys.readouterr().out
