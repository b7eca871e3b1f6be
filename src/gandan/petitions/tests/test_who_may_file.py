"""Who may file what, at the public form and at staff entry (Luật Khiếu nại 2011, Điều 8;
Luật Tố cáo 2018, Điều 25), and the least a submission must say."""

import re

from django.urls import reverse

from gandan.petitions.models import Case, CaseDeadline, CaseEvent, ReceptionEntry
from gandan.petitions.tests.conftest import RECEIVED

URL = "/gui-y-kien/th-thanh-to/"


def _form(client, **changes) -> dict:
    page = client.get(URL)
    found = re.search(r'name="token" value="([^"]+)"', page.content.decode())
    assert found is not None
    data = {
        "token": found.group(1),
        "kind": "phan_anh",
        "title": "Cổng trường ùn tắc giờ tan học",
        "content": "Xe máy đỗ tràn ra lòng đường trước cổng trường lúc 16 giờ 30.",
        "name": "Trần Văn Phụ Huynh",
        "phone": "0987 654 321",
        "address": "Tổ 5, phường Hải An",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _walk_in(**changes) -> dict:
    data = {
        "kind": "khieu_nai",
        "channel": "phone",
        "received_on": RECEIVED.isoformat(),
        "people_count": "1",
        "title": "Khiếu nại việc không xét miễn tiền bán trú",
        "content": "Gia đình thuộc hộ cận nghèo nhưng không được xét miễn tiền bán trú.",
        "denounced_person": "Hiệu trưởng",
        "anonymous": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _state() -> tuple:
    return (
        Case.objects.count(),
        CaseEvent.objects.count(),
        CaseDeadline.objects.count(),
        ReceptionEntry.objects.count(),
    )


def test_an_anonymous_complaint_is_refused_keeps_the_text_and_offers_feedback(
    client, school, deadline_rules
):
    # given
    data = _form(client, kind="khieu_nai", anonymous="on", name="", phone="", address="")
    before = _state()
    # when
    response = client.post(URL, data)
    # then: refused in plain words, the text still there, nothing stored
    assert response.status_code == 400
    text = response.content.decode()
    assert "Khiếu nại phải ghi rõ họ tên và địa chỉ của người khiếu nại" in text
    assert "Xe máy đỗ tràn ra lòng đường trước cổng trường lúc 16 giờ 30." in text
    assert 'value="Cổng trường ùn tắc giờ tan học"' in text
    assert 'name="as_feedback" value="1"' in text
    assert _state() == before


def test_the_refused_complaint_goes_in_as_feedback_when_the_sender_chooses(
    client, school, deadline_rules
):
    # given: the form as it came back, with the offer taken
    data = _form(client, kind="khieu_nai", anonymous="on", name="", phone="", address="")
    client.post(URL, data)
    # when
    response = client.post(URL, data | {"as_feedback": "1"})
    # then
    assert response.status_code == 302
    case = Case.objects.get()
    assert (case.kind, case.is_anonymous) == ("phan_anh", True)
    assert case.title == "Cổng trường ùn tắc giờ tan học"


def test_the_offer_never_turns_another_kind_into_feedback(client, school, deadline_rules):
    client.post(URL, _form(client, kind="kien_nghi", as_feedback="1"))
    assert Case.objects.get().kind == "kien_nghi"


def test_a_named_complaint_needs_the_complainants_address(client, school, deadline_rules):
    data = _form(client, kind="khieu_nai", address="")
    before = _state()
    response = client.post(URL, data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Khiếu nại cần ghi địa chỉ của người khiếu nại (Luật Khiếu nại, Điều 8)." in text
    assert _state() == before
    # with the address it is a complaint, with its due dates
    response = client.post(URL, data | {"address": "Tổ 5, phường Hải An"})
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.kind == "khieu_nai" and case.next_due is not None


def test_a_complaint_without_a_name_says_a_name_is_needed(client, school, deadline_rules):
    response = client.post(URL, _form(client, kind="khieu_nai", name=""))
    text = response.content.decode()
    assert "Khiếu nại cần ghi họ và tên người khiếu nại (Luật Khiếu nại, Điều 8)." in text
    assert "hoặc chọn gửi không ghi danh" not in text
    assert Case.objects.count() == 0


def test_an_anonymous_denunciation_is_information_and_the_sender_is_told(
    client, school, deadline_rules
):
    # when
    data = _form(
        client,
        kind="to_cao",
        anonymous="on",
        name="",
        phone="",
        address="",
        consent="",
        title="Căng tin bán thực phẩm không nhãn mác",
        content="Căng tin trường bán xúc xích không có nhãn mác, hạn dùng.",
        denounced_person="Người quản lý căng tin",
    )
    response = client.post(URL, data, follow=True)
    # then: stored as information, no thụ lý deadlines, and the receipt says so
    case = Case.objects.get()
    assert case.is_anonymous_information
    assert case.deadlines.count() == 0 and case.next_due is None
    text = response.content.decode()
    assert "được nhà trường ghi nhận là thông tin (Luật Tố cáo, Điều 25)" in text
    assert "không có thời hạn giải quyết" in text


def test_a_named_denunciation_gets_no_such_notice(client, school, deadline_rules):
    data = _form(client, kind="to_cao", denounced_person="Giáo viên lớp 4B")
    response = client.post(URL, data, follow=True)
    assert Case.objects.get().next_due is not None
    assert "Luật Tố cáo, Điều 25" not in response.content.decode()


def test_a_title_and_content_of_one_letter_are_refused(client, school, deadline_rules):
    before = _state()
    response = client.post(URL, _form(client, title="a", content="b"))
    assert response.status_code == 400
    text = response.content.decode()
    assert "Tóm tắt quá ngắn." in text
    assert "Nội dung quá ngắn để nhà trường xem xét." in text
    assert _state() == before


def test_punctuation_does_not_make_content_long_enough(client, school, deadline_rules):
    response = client.post(URL, _form(client, content="..... !!!!! ?????"))
    assert "Nội dung quá ngắn để nhà trường xem xét." in response.content.decode()
    assert Case.objects.count() == 0


def test_staff_cannot_enter_an_anonymous_complaint(client, school, clerk, deadline_rules):
    # given
    client.force_login(clerk)
    before = _state()
    # when
    response = client.post(reverse("petitions:walk_in"), _walk_in())
    # then: refused, the text kept, the offer made, nothing stored
    assert response.status_code == 200
    text = response.content.decode()
    assert "Khiếu nại phải ghi rõ họ tên và địa chỉ của người khiếu nại" in text
    assert "Gia đình thuộc hộ cận nghèo nhưng không được xét miễn tiền bán trú." in text
    assert 'name="as_feedback" value="1"' in text
    assert _state() == before


def test_staff_send_the_refused_complaint_as_feedback(client, school, clerk, deadline_rules):
    client.force_login(clerk)
    response = client.post(reverse("petitions:walk_in"), _walk_in(as_feedback="1"))
    assert response.status_code == 302
    case = Case.objects.get()
    assert (case.kind, case.is_anonymous, case.channel) == ("phan_anh", True, "phone")


def test_staff_entry_refuses_a_complaint_without_the_address(client, school, clerk, deadline_rules):
    client.force_login(clerk)
    before = _state()
    response = client.post(
        reverse("petitions:walk_in"),
        _walk_in(anonymous=None, name="Lê Văn Cường", phone="0987 111 222", consent="on"),
    )
    assert "Khiếu nại cần ghi địa chỉ của người khiếu nại" in response.content.decode()
    assert _state() == before


def test_staff_entry_of_an_anonymous_denunciation_says_it_is_information(
    client, school, clerk, deadline_rules
):
    client.force_login(clerk)
    response = client.post(
        reverse("petitions:walk_in"),
        _walk_in(kind="to_cao", denounced_person="Người quản lý căng tin"),
        follow=True,
    )
    case = Case.objects.get()
    assert case.is_anonymous_information and case.deadlines.count() == 0
    assert "ghi nhận là thông tin (Luật Tố cáo, Điều 25)" in response.content.decode()
