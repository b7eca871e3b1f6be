"""The survey journey in a real browser: a parent finds the survey from the school's page on a
phone and answers it; the head, on a desktop, sees the index move."""

import re

import pytest

from gandan.surveys import services
from gandan.surveys.models import Response
from gandan.surveys.tests.conftest import LIKERT_QUESTIONS, answer_map

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, base_url: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(base_url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/ban-lam-viec/")


def test_a_parent_answers_on_a_phone_and_the_head_sees_the_index_move(
    live_server, school, principal, parent_survey, phone_page, desktop_page
):
    # given: two earlier answers (100 and 25): index 62,5 over 2 respondents
    for likert in [(5, 5, 5), (2, 2, 2)]:
        services.submit_response(survey=parent_survey, answers=answer_map(parent_survey, likert))
    head = desktop_page
    _log_in(head, live_server.url, "hieutruong")
    results = f"{live_server.url}/khao-sat-y-kien/{parent_survey.public_id}/ket-qua/"
    head.goto(results)
    before = head.inner_text("#chi-so-gia-tri")
    assert "62,5" in before and "trên 2 người trả lời" in before

    # when: a parent, no account, opens the school's page on a phone and follows the link
    phone = phone_page
    phone.goto(live_server.url + "/truong/th-thanh-to/")
    phone.get_by_role("link", name="Khảo sát ý kiến đang mở").click()
    phone.get_by_role("link", name=parent_survey.title).click()
    phone.wait_for_url(f"**/khao-sat/{parent_survey.public_id}/")
    assert "Phiếu ẩn danh" in phone.inner_text("main")
    for text in LIKERT_QUESTIONS:
        group = phone.get_by_role("group", name=re.compile(re.escape(text)))
        group.get_by_label("5 – Rất hài lòng").check()
    phone.get_by_role("group", name=re.compile("khối nào")).get_by_label("Khối 3").check()
    phone.get_by_role("group", name=re.compile("cải thiện")).get_by_label("Thư viện").check()
    phone.get_by_label(re.compile("Ý kiến khác")).fill(
        "Cô giáo rất tận tâm. Cần gì gọi tôi 0912 345 678."
    )
    # the sheet fits the phone's width
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.get_by_role("button", name="Gửi câu trả lời").click()
    phone.wait_for_url("**/cam-on/")
    assert "Cảm ơn ông (bà) đã trả lời khảo sát" in phone.inner_text("main")

    # then: the head reloads and sees the index move to 75,0 over 3 respondents
    head.goto(results)
    after = head.inner_text("#chi-so-gia-tri")
    assert "75,0" in after and "trên 3 người trả lời" in after
    # and reads the comment without the phone number
    page_text = head.inner_text("main")
    assert "Cô giáo rất tận tâm. Cần gì gọi tôi [đã ẩn số điện thoại]." in page_text
    assert "0912" not in page_text
    assert Response.objects.count() == 3
    # the chart is drawn on the page
    assert head.locator("svg.index-chart").count() == 1
