"""Rate limits that hold and do not hurt parents (throttle.py).

Found before: the limiter counted per process (2 workers: twice the limit), by address only
(a school's Wi-Fi shares one), skipped /bien-nhan/, /danh-gia/ and /khong-dong-y/ (a wrong code
there counted nothing), and a tripped limit threw away what the parent had typed. Here:
- the count lives in the shared store: two workers (two cache clients, two connections)
  reach one limit together;
- thirty parents behind one address all send; one browser, one phone, one flood are stopped;
- the 429 page is the form with the text, and a calm message;
- every endpoint that names a tracking code counts, wrong codes included;
- attachments are capped per submission and per address per day.
"""

import re
import threading

import pytest
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.test import Client, RequestFactory
from django.urls import reverse

from gandan.petitions import services, throttle
from gandan.petitions.models import Case
from gandan.petitions.services.intake import MAX_SUBMISSION_BYTES
from gandan.petitions.tests.conftest import submit
from gandan.petitions.tests.test_access_matrix import PNG

URL = "/gui-y-kien/th-thanh-to/"
WIFI = "203.0.113.50"  # the school's one public address


def _form(client, *, phone: str, name: str = "Trần Văn Phụ Huynh", **changes) -> dict:
    page = client.get(URL, REMOTE_ADDR=WIFI)
    found = re.search(r'name="token" value="([^"]+)"', page.content.decode())
    assert found is not None
    return {
        "token": found.group(1),
        "kind": "phan_anh",
        "title": "Cổng trường ùn tắc giờ tan học",
        "content": "Xe máy đỗ tràn ra lòng đường trước cổng trường lúc 16 giờ 30.",
        "name": name,
        "phone": phone,
        "consent": "on",
        "website": "",
    } | changes


def test_the_store_is_the_shared_database_cache_not_a_per_process_one():
    backend = type(caches[throttle.STORE]).__name__
    assert backend in {"DatabaseCache", "RedisCache"}


def test_thirty_parents_on_the_school_wifi_all_send(school, deadline_rules):
    # when: thirty parents, each with a phone of their own, on one address within minutes
    for n in range(30):
        parent = Client()
        response = parent.post(URL, _form(parent, phone=f"09120000{n:02d}"), REMOTE_ADDR=WIFI)
        assert response.status_code == 302, n
    # then: all stored (the old limit, 5 per address, turned away 25 of them)
    assert Case.objects.count() == 30


def test_one_browser_is_stopped_and_its_text_kept(client, school, deadline_rules):
    for n in range(throttle.INTAKE_SESSION.limit):
        form = _form(client, phone=f"09130000{n:02d}")
        assert client.post(URL, form, REMOTE_ADDR=WIFI).status_code == 302
    # when: once more from the same browser
    form = _form(client, phone="0913999999", content="Nội dung ông bà vừa gõ, dài và quý.")
    response = client.post(URL, form, REMOTE_ADDR=WIFI)
    # then: the form again with the text and a calm message; nothing stored
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= throttle.INTAKE_SESSION.window
    text = response.content.decode()
    assert "Nội dung ông bà vừa gõ, dài và quý." in text
    assert 'value="0913999999"' in text and 'value="Trần Văn Phụ Huynh"' in text
    assert "xin chờ khoảng" in text and "rồi bấm Gửi lại" in text
    assert '<form method="post"' in text
    assert Case.objects.count() == throttle.INTAKE_SESSION.limit
    # another parent on the same Wi-Fi is not affected
    other = Client()
    assert other.post(URL, _form(other, phone="0914000001"), REMOTE_ADDR=WIFI).status_code == 302


def test_one_phone_from_many_browsers_is_stopped(school, deadline_rules):
    for _ in range(throttle.INTAKE_SENDER.limit):
        browser = Client()
        assert browser.post(URL, _form(browser, phone="0915 123 456")).status_code == 302
    browser = Client()
    # the same number written another way is the same sender
    response = browser.post(URL, _form(browser, phone="+84915123456"))
    assert response.status_code == 429
    assert "Số điện thoại hoặc thư điện tử này vừa gửi nhiều đơn" in response.content.decode()


def test_a_flood_from_one_address_meets_the_address_limit(school, deadline_rules, monkeypatch):
    # given: the address limit made small for the test (the real one: 100 an hour)
    monkeypatch.setattr(throttle, "INTAKE_ADDRESS", throttle.Limit("intake-address", 8, 3600))
    # when: a script with a new session and a new phone each time
    codes = []
    for n in range(10):
        script = Client()
        codes.append(script.post(URL, _form(script, phone=f"09160000{n:02d}")).status_code)
    # then
    assert codes == [302] * 8 + [429] * 2
    assert Case.objects.count() == 8


def test_a_resent_form_is_not_counted_twice(client, school, deadline_rules):
    form = _form(client, phone="0917000000")
    client.post(URL, form)
    client.post(URL, form)  # double click: the same token returns the case stored
    request = RequestFactory().post(URL, REMOTE_ADDR="127.0.0.1")
    assert throttle.used(request, throttle.INTAKE_SENDER, "phone:0917000000") == 1


def test_attachments_are_capped_per_submission(school, deadline_rules):
    files = [SimpleUploadedFile(f"a{i}.png", PNG + b"\x00" * (9 * 1024 * 1024)) for i in range(3)]
    assert sum(f.size or 0 for f in files) > MAX_SUBMISSION_BYTES
    with pytest.raises(ValidationError) as refused:
        submit(school, attachments=files)
    assert "cộng lại quá 25 MB" in refused.value.message_dict["attachments"][0]
    assert Case.objects.count() == 0


def test_attachments_are_capped_per_address_per_day(school, deadline_rules, monkeypatch):
    monkeypatch.setattr(throttle, "UPLOAD_BYTES_PER_ADDRESS", 3 * len(PNG))
    sent = []
    for n in range(4):
        parent = Client()
        form = _form(parent, phone=f"09180000{n:02d}")
        form["attachments"] = SimpleUploadedFile("anh.png", PNG)
        sent.append(parent.post(URL, form, REMOTE_ADDR=WIFI))
    assert [r.status_code for r in sent] == [302, 302, 302, 429]
    text = sent[-1].content.decode()
    assert "nhiều tệp đính kèm từ mạng này" in text and "Tệp đính kèm cần chọn lại" in text
    assert "Xe máy đỗ tràn ra lòng đường" in text
    # the same parent may still send without the file
    parent = Client()
    assert parent.post(URL, _form(parent, phone="0918999999"), REMOTE_ADDR=WIFI).status_code == 302


# --- tracking codes -----------------------------------------------------------------------


def _endpoint(client, name: str, code: str):
    if name == "tracked":
        return client.get(reverse("petitions:tracked", args=[code]))
    if name == "receipt":
        return client.get(reverse("petitions:receipt", args=[code]))
    if name == "rate":
        return client.post(reverse("petitions:rate", args=[code]), {"score": "5"})
    if name == "contest":
        return client.post(reverse("petitions:contest", args=[code]), {"reason": "Chưa đồng ý"})
    if name == "track":
        return client.get(reverse("petitions:track"), {"code": code})
    return client.get(f"/api/v1/public/cases/{code}")


ENDPOINTS = ["tracked", "receipt", "rate", "contest", "track", "api"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_every_tracking_endpoint_counts_against_the_code(client, feedback, endpoint, monkeypatch):
    monkeypatch.setattr(throttle, "LOOKUP_CODE", throttle.Limit("lookup-code", 3, 600))
    code = feedback.tracking_code
    for _ in range(3):
        assert _endpoint(client, endpoint, code).status_code != 429
    # then: the fourth request naming this code, on any endpoint, waits
    refused = _endpoint(client, endpoint, code)
    assert refused.status_code == 429
    assert _endpoint(client, "tracked", code).status_code == 429


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_wrong_codes_count_on_every_endpoint(client, feedback, endpoint, monkeypatch):
    monkeypatch.setattr(throttle, "LOOKUP_MISS", throttle.Limit("lookup-miss", 4, 600))
    for _ in range(4):
        assert _endpoint(client, endpoint, "ABCDEFGHJK").status_code in (404, 200)
    # then: from this address even the right code waits
    response = _endpoint(client, "tracked", feedback.tracking_code)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Có nhiều lượt tra cứu" in text and feedback.tracking_code in text
    assert (
        Client()
        .get(reverse("petitions:tracked", args=[feedback.tracking_code]), REMOTE_ADDR="10.0.0.9")
        .status_code
        == 200
    )


def test_a_tripped_rating_keeps_the_comment(client, feedback, principal, monkeypatch):
    services.resolve_case(
        case=feedback, actor=principal, outcome="", public_answer="Đã sửa.", on=feedback.received_on
    )
    monkeypatch.setattr(throttle, "FEEDBACK_CODE", throttle.Limit("feedback-code", 1, 3600))
    url = reverse("petitions:rate", args=[feedback.tracking_code])
    assert client.post(url, {"score": "3", "comment": "Tạm được"}).status_code == 302
    response = client.post(url, {"score": "5", "comment": "Thầy cô rất tận tình"})
    assert response.status_code == 429
    assert "Thầy cô rất tận tình" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.satisfaction == 3


def test_the_senders_own_receipt_is_shown_past_the_limit(
    client, school, deadline_rules, monkeypatch
):
    monkeypatch.setattr(throttle, "LOOKUP_ADDRESS", throttle.Limit("lookup-address", 1, 600))
    response = client.post(URL, _form(client, phone="0919000000"))
    receipt = client.get(response["Location"])
    again = client.get(response["Location"])
    assert receipt.status_code == again.status_code == 200
    code = Case.objects.get().display_code
    assert code in again.content.decode()
    # someone else's look-up of the same receipt from this address waits
    assert Client().get(response["Location"]).status_code == 429


# --- two workers, one store ---------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_workers_with_their_own_cache_clients_reach_one_limit():
    """Each thread is a worker: its own cache client (Django's caches are per thread) and its
    own database connection; a per-process cache would let each count to the limit alone."""
    code = "WORKER2345"
    limit = throttle.LOOKUP_CODE.limit
    factory = RequestFactory()
    results: dict[str, list[bool]] = {}
    clients: dict[str, int] = {}

    def worker(name: str, times: int) -> None:
        try:
            clients[name] = id(caches[throttle.STORE])
            answered = []
            for _ in range(times):
                request = factory.get("/", REMOTE_ADDR=f"198.51.100.{len(results) + 1}")
                answered.append(throttle.check_lookup(request, code) is None)
            results[name] = answered
        finally:
            connections.close_all()

    try:
        for name in ("a", "b"):
            thread = threading.Thread(target=worker, args=(name, limit - 10))
            thread.start()
            thread.join()
        # then: two clients, one count
        assert clients["a"] != clients["b"]
        assert results["a"] == [True] * (limit - 10)
        assert sum(results["b"]) == 10 and results["b"][10:] == [False] * (limit - 20)
    finally:
        caches[throttle.STORE].clear()
