"""The public pages: the form on a phone, the receipt, tracking, rating, abuse and failures."""

import re

import pytest
from django.db import DatabaseError
from django.urls import reverse

from gandan.petitions import services
from gandan.petitions.models import Case, CaseEvent
from gandan.petitions.services import intake
from gandan.petitions.tests.conftest import DENOUNCER, RECEIVED

URL = "/gui-y-kien/th-thanh-to/"


def _form(client) -> dict:
    page = client.get(URL)
    found = re.search(r'name="token" value="([^"]+)"', page.content.decode())
    assert found is not None
    token = found.group(1)
    return {
        "token": token,
        "kind": "phan_anh",
        "title": "Cổng trường ùn tắc giờ tan học",
        "content": "Xe máy đỗ tràn ra lòng đường trước cổng trường lúc 16 giờ 30.",
        "name": "Trần Văn Phụ Huynh",
        "phone": "0987 654 321",
        "consent": "on",
        "website": "",
    }


def test_the_form_explains_each_kind_in_plain_words(client, school, deadline_rules):
    page = client.get(URL)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Báo cho nhà trường biết một việc chưa ổn" in text
    assert "Họ tên và địa chỉ của người tố cáo được giữ bí mật" in text
    assert "Luật Bảo vệ dữ liệu cá nhân năm 2025" in text
    assert 'name="consent" id="id_consent">' in text  # never pre-ticked
    assert re.search(r'<div hidden aria-hidden="true">\s*<label for="id_website"', text)


def test_a_submission_gives_a_receipt_with_code_and_due_date(client, school, deadline_rules):
    # when
    response = client.post(URL, _form(client))
    # then
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("petitions:receipt", args=[case.tracking_code])
    receipt = client.get(response["Location"]).content.decode()
    assert case.display_code in receipt
    assert "Nhà trường đã nhận đơn của ông (bà)" in receipt
    assert case.next_due is not None and case.next_due.strftime("%d/%m/%Y") in receipt
    assert case.channel == "web" and case.contact_phone == "0987 654 321"


def test_a_double_submission_creates_one_case(client, school, deadline_rules):
    data = _form(client)
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert Case.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_errors_are_shown_in_vietnamese_and_nothing_is_saved(client, school, deadline_rules):
    data = _form(client) | {"title": "", "consent": ""}
    response = client.post(URL, data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Hãy ghi tóm tắt ngắn gọn việc cần gửi." in text
    assert "Cần đồng ý cho nhà trường xử lý thông tin cá nhân" in text
    assert Case.objects.count() == 0


def test_the_honeypot_stores_nothing(client, school, deadline_rules):
    response = client.post(URL, _form(client) | {"website": "http://spam.example"})
    assert response.status_code == 400
    assert Case.objects.count() == 0


def test_public_intake_is_rate_limited_per_browser(client, school, deadline_rules):
    for _ in range(5):
        assert client.post(URL, _form(client)).status_code == 302
    # when: a sixth submission from the same browser within ten minutes
    response = client.post(URL, _form(client))
    # then: the form again, the text kept (test_throttle.py has the other keys)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Nhà trường vừa nhận nhiều đơn từ máy hoặc mạng này" in text
    assert "Xe máy đỗ tràn ra lòng đường" in text
    assert Case.objects.count() == 5


def test_a_database_error_gives_a_calm_page_and_no_half_saved_case(
    client, school, deadline_rules, monkeypatch
):
    # given: the database fails after the case row was inserted
    def broken(*args, **kwargs):
        raise DatabaseError("disk I/O error")

    monkeypatch.setattr(intake, "insert_deadlines", broken)
    # when
    response = client.post(URL, _form(client))
    # then
    assert response.status_code == 503
    assert "xin thử lại" in response.content.decode()
    assert Case.objects.count() == 0
    assert CaseEvent.objects.count() == 0


def test_what_a_citizen_typed_is_escaped(client, school, principal, deadline_rules):
    data = _form(client) | {"name": "<script>alert(1)</script>", "content": "<b>đậm</b> nước dột"}
    client.post(URL, data)
    case = Case.objects.get()
    services.resolve_case(
        case=case,
        actor=principal,
        outcome="",
        public_answer="<img src=x onerror=alert(1)> Đã xử lý.",
        on=case.received_on,
    )
    page = client.get(reverse("petitions:tracked", args=[case.tracking_code])).content.decode()
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_the_tracking_page_shows_public_facts_only(client, denunciation, principal, resolver):
    # given: a denunciation accepted and assigned
    case = services.accept_case(case=denunciation, actor=principal, on=RECEIVED)
    services.assign_case(case=case, actor=principal, handler=resolver)
    # when
    page = client.get(reverse("petitions:tracked", args=[case.tracking_code])).content.decode()
    # then
    assert "Tố cáo" in page and "Đang giải quyết" in page
    assert "Nhà trường đã thụ lý giải quyết ngày 02/03/2026." in page
    assert case.received_on.strftime("%d/%m/%Y") in page
    assert case.next_due is not None and case.next_due.strftime("%d/%m/%Y") in page
    for secret in (DENOUNCER, "0912345678", "Lê Văn Dạy", case.title, resolver.full_name):
        assert secret not in page


def test_lookup_by_code_accepts_the_printed_form(client, feedback):
    code = feedback.display_code.lower().replace("-", " ")
    response = client.get(reverse("petitions:track"), {"code": code})
    assert response["Location"] == reverse("petitions:tracked", args=[feedback.tracking_code])
    missing = client.get(reverse("petitions:track"), {"code": "GD-22222-22222"})
    assert "Không tìm thấy vụ việc với mã này" in missing.content.decode()


def test_an_unknown_code_is_a_404_and_guessing_is_limited(client, feedback):
    for _ in range(30):
        assert client.get("/tra-cuu/ABCDEFGHJK/").status_code == 404
    # then: even the right code waits, from this address
    response = client.get(reverse("petitions:tracked", args=[feedback.tracking_code]))
    assert response.status_code == 429


def test_after_closure_the_citizen_rates_and_may_contest(client, feedback, principal):
    # given: answered (which closes a feedback)
    services.resolve_case(
        case=feedback, actor=principal, outcome="", public_answer="Đã sửa mái tôn.", on=RECEIVED
    )
    url = reverse("petitions:tracked", args=[feedback.tracking_code])
    assert "Mức độ hài lòng" in client.get(url).content.decode()
    # when
    client.post(reverse("petitions:rate", args=[feedback.tracking_code]), {"score": "4"})
    # then
    feedback.refresh_from_db()
    assert feedback.satisfaction == 4
    # when: the citizen contests
    client.post(
        reverse("petitions:contest", args=[feedback.tracking_code]),
        {"reason": "Mái vẫn còn dột ở góc lớp."},
    )
    feedback.refresh_from_db()
    assert feedback.contested and feedback.closed_at is None
    assert feedback.status == "in_progress"
    assert "nhà trường xem xét lại" in client.get(url).content.decode()


def test_rating_an_open_case_is_refused(client, feedback):
    response = client.post(reverse("petitions:rate", args=[feedback.tracking_code]), {"score": "5"})
    assert response.status_code == 400
    assert "Chỉ đánh giá được khi vụ việc đã kết thúc." in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.satisfaction is None


@pytest.mark.parametrize("score", ["0", "6", "x", ""])
def test_rating_outside_one_to_five_is_refused(client, feedback, principal, score):
    services.resolve_case(
        case=feedback, actor=principal, outcome="", public_answer="Đã sửa.", on=RECEIVED
    )
    client.post(reverse("petitions:rate", args=[feedback.tracking_code]), {"score": score})
    feedback.refresh_from_db()
    assert feedback.satisfaction is None
