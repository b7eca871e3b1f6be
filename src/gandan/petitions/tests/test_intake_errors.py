"""The public form's errors: a summary on top that takes the focus and links to each field;
a limit or an outage never loses what was typed."""

import re

from django.db import DatabaseError
from django.urls import reverse

from gandan.petitions import throttle
from gandan.petitions.models import Case
from gandan.petitions.services import intake

URL = "/gui-y-kien/th-thanh-to/"


def _token(client) -> str:
    found = re.search(r'name="token" value="([^"]+)"', client.get(URL).content.decode())
    assert found is not None
    return found.group(1)


def _typed(client) -> dict:
    return {
        "token": _token(client),
        "kind": "khieu_nai",
        "title": "Khiếu nại việc không xét miễn tiền bán trú",
        "content": "Gia đình tôi thuộc hộ cận nghèo nhưng không được xét miễn tiền bán trú.",
        "denounced_person": "Hiệu trưởng",
        "name": "Lê Văn Cường",
        "salutation": "ong",
        "phone": "0987 111 222",
        "email": "cuong@example.com",
        "address": "Số 12 phố Thành Tô",
        "consent": "on",
        "website": "",
    }


def _summary(text: str) -> str:
    found = re.search(r'<div class="notice notice-bad error-summary".*?</div>', text, re.S)
    assert found is not None, "no error summary"
    return found.group(0)


def test_an_empty_submit_lists_every_problem_on_top_with_links(client, school, deadline_rules):
    # when
    response = client.post(URL, {"token": _token(client), "website": ""})
    # then: one summary, focused on load, before the fields
    assert response.status_code == 400
    text = response.content.decode()
    summary = _summary(text)
    assert 'tabindex="-1"' in summary and "autofocus" in summary and 'role="alert"' in summary
    assert text.index("error-summary") < text.index('name="title"')
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    assert links == [
        ("id_kind_0", "Hãy chọn loại đơn."),
        ("id_title", "Hãy ghi tóm tắt ngắn gọn việc cần gửi."),
        ("id_content", "Hãy ghi nội dung cụ thể."),
        ("id_name", "Hãy ghi họ và tên (hoặc chọn gửi không ghi danh)."),
        ("id_phone", "Hãy ghi ít nhất một cách liên lạc: điện thoại, thư điện tử hoặc địa chỉ."),
        ("id_consent", "Cần đồng ý cho nhà trường xử lý thông tin cá nhân để giải quyết đơn."),
    ]
    assert "còn 6 chỗ cần sửa" in summary
    # every link leads to an input of the page
    for anchor, _message in links:
        assert f'id="{anchor}"' in text
    assert Case.objects.count() == 0


def test_no_summary_on_a_fresh_form(client, school, deadline_rules):
    assert "error-summary" not in client.get(URL).content.decode()


def test_a_rate_limited_submission_comes_back_with_everything_typed(
    client, school, deadline_rules, monkeypatch
):
    # given: this browser has used up its limit
    monkeypatch.setattr(throttle, "INTAKE_SESSION", throttle.Limit("intake-session", 0, 600))
    typed = _typed(client)
    # when
    response = client.post(URL, typed)
    # then: the form, every field as typed, the calm message focused; nothing stored
    assert response.status_code == 429
    text = response.content.decode()
    assert 'id="limited" role="alert" tabindex="-1" autofocus' in text
    for field in ("title", "denounced_person", "name", "phone", "email", "address"):
        assert f'value="{typed[field]}"' in text, field
    assert typed["content"] in text
    assert re.search(r'value="khieu_nai"[^>]*checked', text)
    assert re.search(r'name="salutation" value="ong"[^>]*checked', text)
    assert re.search(r'name="consent" id="id_consent" checked', text)
    assert f'value="{typed["token"]}"' in text  # sending again is the same submission
    assert Case.objects.count() == 0


def test_a_database_failure_comes_back_with_the_form_not_a_bare_page(
    client, school, deadline_rules, monkeypatch
):
    # given
    def broken(*args, **kwargs):
        raise DatabaseError("database is locked")

    monkeypatch.setattr(intake, "insert_deadlines", broken)
    typed = _typed(client)
    # when
    response = client.post(URL, typed)
    # then
    assert response.status_code == 503
    text = response.content.decode()
    assert "xin thử lại sau ít phút" in text
    assert typed["content"] in text and 'value="Lê Văn Cường"' in text
    assert 'name="token"' in text and Case.objects.count() == 0
    # and sending it again once the database is back stores it once
    monkeypatch.undo()
    assert client.post(URL, typed).status_code == 302
    assert Case.objects.count() == 1


def test_staff_entry_lists_its_problems_in_the_order_of_the_page(client, school, clerk):
    # when: the staff form sent with nothing but its defaults
    client.force_login(clerk)
    response = client.post(
        reverse("petitions:walk_in"), {"channel": "walk_in", "people_count": "1"}
    )
    # then: the reception fields first, as on the page, then the case and the sender
    anchors = re.findall(r'<a href="#([^"]+)">', _summary(response.content.decode()))
    assert anchors[:4] == ["id_kind", "id_received_on", "id_title", "id_content"]
    assert Case.objects.count() == 0
