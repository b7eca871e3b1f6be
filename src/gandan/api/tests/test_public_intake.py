"""POST /api/v1/public/cases: the public form as JSON, with the form's rules, messages, limits.

Every refusal is answered in Vietnamese, by field, and stores nothing.
"""

import json

import pytest
import time_machine
from django.db import DatabaseError

from gandan.api.tests.conftest import RECEIVED, at
from gandan.audit.models import AuditEvent
from gandan.petitions import throttle
from gandan.petitions.deadlines import compute_deadlines
from gandan.petitions.forms.public import PublicSubmissionForm
from gandan.petitions.models import Case, CaseEvent, DenouncerIdentity
from gandan.petitions.services import intake
from gandan.petitions.services.timing import STEP_DONE_BY
from gandan.worktime.days import add_working_days

URL = "/api/v1/public/cases"
RECEIPT_KEYS = {"tracking_code", "display_code", "status", "received_at", "due", "due_provisional"}
ENGLISH = ("Field required", "Input should", "valid", "Unauthorized", "Not Found")


def body(**changes) -> dict:
    data = {
        "organisation": "th-thanh-to",
        "kind": "phan_anh",
        "title": "Cổng trường ùn tắc giờ tan học",
        "content": "Xe máy đỗ tràn ra lòng đường trước cổng trường lúc 16 giờ 30.",
        "contact_name": "Trần Văn Phụ Huynh",
        "contact_phone": "0987 654 321",
        "contact_email": "phuhuynh@example.vn",
        "anonymous": False,
        "consent": True,
    }
    data.update(changes)
    return data


def post(client, data, **headers):
    payload = data if isinstance(data, str) else json.dumps(data)
    return client.post(URL, payload, content_type="application/json", **headers)


@pytest.fixture
def on_received_day():
    # Monday 02/3/2026 09:00 in Hà Nội: a plain working fortnight follows.
    with time_machine.travel(at(RECEIVED), tick=True):
        yield


def test_a_feedback_is_stored_and_answered_201_with_its_receipt(
    api_client, school, deadline_rules, on_received_day
):
    # when: no CSRF token, no session: the public intake needs neither
    response = post(api_client, body())
    # then
    assert response.status_code == 201
    data = response.json()
    assert set(data) == RECEIPT_KEYS
    case = Case.objects.get()
    assert data["tracking_code"] == case.tracking_code
    assert data["display_code"] == case.display_code
    assert data["status"] == "received"
    assert data["received_at"].startswith("2026-03-02T09:00") and data["received_at"].endswith(
        "+07:00"
    )
    # Luật Tiếp công dân 2013, Điều 28 k1: an answer within 10 working days of receipt.
    assert data["due"] == add_working_days(RECEIVED, 10).isoformat() == "2026-03-16"
    assert response["Location"].endswith(f"{URL}/{case.tracking_code}")
    assert (case.channel, case.contact_name, case.contact_phone) == (
        "web",
        "Trần Văn Phụ Huynh",
        "0987 654 321",
    )
    assert case.consent_given and case.consent_version == intake.CONSENT_VERSION


def test_the_due_date_of_a_complaint_is_what_the_rules_give_for_its_first_step(
    api_client, school, deadline_rules, on_received_day
):
    # when
    response = post(
        api_client,
        body(
            kind="khieu_nai",
            title="Khiếu nại việc không xét miễn tiền bán trú",
            denounced_person="Hiệu trưởng",
            contact_address="Tổ 5, phường Hải An",  # Luật Khiếu nại 2011, Điều 8
        ),
    )
    # then: the earliest of the school's own steps (thụ lý), computed here independently
    tracked = [
        step.due
        for step in compute_deadlines(kind="khieu_nai", received=RECEIVED)
        if step.step in STEP_DONE_BY and step.due is not None
    ]
    assert response.status_code == 201
    assert response.json()["due"] == min(tracked).isoformat()
    due = Case.objects.get().next_due
    assert due is not None and response.json()["due"] == due.isoformat()


def test_anonymous_feedback_needs_no_contact_nor_consent(api_client, school, deadline_rules):
    response = post(
        api_client,
        body(anonymous=True, contact_name="", contact_phone="", contact_email="", consent=False),
    )
    assert response.status_code == 201
    case = Case.objects.get()
    assert case.is_anonymous and not case.consent_given
    assert (case.contact_name, case.contact_phone, case.contact_email) == ("", "", "")


def test_an_anonymous_denunciation_is_information_without_deadlines(
    api_client, school, deadline_rules
):
    # Luật Tố cáo 2018, Điều 25: not processed as a tố cáo, so no statutory answer is due.
    response = post(
        api_client,
        body(
            kind="to_cao",
            anonymous=True,
            contact_name="Người A",
            contact_phone="0912345678",
            consent=False,
            denounced_person="Ông Lê Văn Dạy, giáo viên lớp 4B",
        ),
    )
    assert response.status_code == 201
    assert response.json()["due"] is None
    case = Case.objects.get()
    assert case.is_anonymous_information
    assert (case.contact_name, case.contact_phone) == ("", "")  # an anonymous sender is dropped
    assert not DenouncerIdentity.objects.exists()


def test_a_named_denunciation_is_sealed_as_the_form_seals_it(api_client, school, deadline_rules):
    response = post(
        api_client,
        body(
            kind="to_cao",
            contact_name="Phạm Thị Bí Mật",
            content="Tôi là Phạm Thị Bí Mật, xin tố cáo việc thu tiền học thêm.",
            denounced_person="Ông Lê Văn Dạy, giáo viên lớp 4B",
        ),
    )
    assert response.status_code == 201
    assert "Bí Mật" not in response.content.decode()
    case = Case.objects.get()
    # Luật Tố cáo 2018, Điều 47 k2, Điều 56: identity and original sealed, nothing plain.
    assert (case.contact_name, case.contact_phone, case.contact_email, case.content) == (
        "",
        "",
        "",
        "",
    )
    assert case.needs_redaction
    assert DenouncerIdentity.objects.filter(case=case).exists()


# Each invalid field alone: the API field at fault and the message the form or
# check_submission gives (the same text the web form shows).
INVALID = [
    ({"title": ""}, "title", "Hãy ghi tóm tắt ngắn gọn việc cần gửi."),
    ({"title": "   "}, "title", "Hãy ghi tóm tắt ngắn gọn việc cần gửi."),
    ({"content": ""}, "content", "Hãy ghi nội dung cụ thể."),
    ({"kind": ""}, "kind", "Hãy chọn loại đơn."),
    (
        {"contact_name": ""},
        "contact_name",
        "Hãy ghi họ và tên (hoặc chọn gửi không ghi danh).",
    ),
    (
        {"contact_phone": "", "contact_email": ""},
        "contact_phone",
        "Hãy ghi ít nhất một cách liên lạc: điện thoại, thư điện tử hoặc địa chỉ.",
    ),
    (
        {"contact_phone": "gọi tôi nhé"},
        "contact_phone",
        "Số điện thoại chỉ gồm chữ số (9–11 số), ví dụ 0912 345 678.",
    ),
    (
        {"contact_email": "phuhuynh@"},
        "contact_email",
        "Địa chỉ thư điện tử không hợp lệ, ví dụ ten@gmail.com.",
    ),
    (
        {"consent": False},
        "consent",
        "Cần đồng ý cho nhà trường xử lý thông tin cá nhân để giải quyết đơn.",
    ),
    ({"kind": "to_cao"}, "denounced_person", "Hãy ghi người hoặc cơ quan bị tố cáo."),
    (
        {"kind": "yeu_cau_thong_tin", "anonymous": True},
        "anonymous",
        "Yêu cầu cung cấp thông tin phải ghi rõ họ tên, địa chỉ, giấy tờ.",
    ),
    (
        {"kind": "yeu_cau_thong_tin"},
        "id_number",
        "Yêu cầu cung cấp thông tin cần ghi số CCCD hoặc hộ chiếu.",
    ),
    (
        {"kind": "yeu_cau_thong_tin"},
        "contact_address",
        "Yêu cầu cung cấp thông tin cần ghi nơi cư trú.",
    ),
    ({"kind": "yeu_cau_thong_tin"}, "information_form", "Hãy chọn hình thức nhận thông tin."),
    ({"kind": "yeu_cau_thong_tin"}, "delivery", "Hãy chọn cách nhận thông tin."),
    (
        {"kind": "yeu_cau_thong_tin"},
        "information_purpose",
        "Hãy ghi lý do, mục đích yêu cầu cung cấp thông tin.",
    ),
    # The shape of the JSON itself (pydantic), mapped to Vietnamese.
    ({"title": None}, "title", "Giá trị không hợp lệ."),
    ({"title": 42}, "title", "Giá trị không hợp lệ."),
    ({"anonymous": "có lẽ"}, "anonymous", "Giá trị không hợp lệ."),
    ({"consent": [True]}, "consent", "Giá trị không hợp lệ."),
]


@pytest.mark.parametrize(("change", "field", "message"), INVALID)
def test_each_invalid_field_is_refused_with_its_vietnamese_message(
    api_client, school, deadline_rules, change, field, message
):
    # when
    response = post(api_client, body(**change))
    # then
    assert response.status_code == 422
    data = response.json()
    assert data["message"] == "Dữ liệu chưa hợp lệ."
    assert message in data["errors"][field]
    assert not any(word in response.content.decode() for word in ENGLISH)
    assert Case.objects.count() == 0


@pytest.mark.parametrize("field", ["organisation", "kind", "title", "content"])
def test_a_missing_required_field_is_named(api_client, school, deadline_rules, field):
    data = body()
    del data[field]
    response = post(api_client, data)
    assert response.status_code == 422
    assert response.json()["errors"] == {field: ["Trường này là bắt buộc."]}
    assert Case.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", "Dài " * 100), ("contact_phone", "0" * 30), ("contact_name", "Nguyễn " * 40)],
)
def test_lengths_are_the_forms_and_so_are_their_messages(
    api_client, school, deadline_rules, field, value
):
    form_name = {"contact_phone": "phone", "contact_name": "name"}.get(field, field)
    expected = PublicSubmissionForm({"token": "x", "kind": "phan_anh", form_name: value}).errors[
        form_name
    ]
    response = post(api_client, body(**{field: value}))
    assert response.status_code == 422
    assert response.json()["errors"][field] == list(expected)
    assert "tối đa" in expected[0]  # Django's own message, in Vietnamese
    assert Case.objects.count() == 0


@pytest.mark.parametrize(
    ("raw", "status", "message"),
    [
        ("{không phải json", 400, "Nội dung gửi lên không phải JSON hợp lệ."),
        ("[1, 2]", 422, "Dữ liệu chưa hợp lệ."),
        ('"chuỗi"', 422, "Dữ liệu chưa hợp lệ."),
    ],
)
def test_a_body_that_is_not_a_json_object_is_refused(
    api_client, school, deadline_rules, raw, status, message
):
    response = post(api_client, raw)
    assert response.status_code == status
    assert response.json()["message"] == message
    assert Case.objects.count() == 0


def test_an_unknown_school_is_404_in_vietnamese(
    api_client, school, subject_group, ward, deadline_rules
):
    for slug in ("khong-co", subject_group.slug, ward.slug):
        response = post(api_client, body(organisation=slug))
        assert response.status_code == 404
        assert response.json() == {"message": "Không tìm thấy trường với mã này."}
    assert Case.objects.count() == 0


def test_the_honeypot_stores_nothing_and_counts_against_the_limit(
    api_client, school, deadline_rules, monkeypatch
):
    # given: the address limit made small (the real one is generous: a school's Wi-Fi)
    monkeypatch.setattr(throttle, "INTAKE_ADDRESS", throttle.Limit("intake-address", 5, 3600))
    # when: a script fills in the field people never see
    for _ in range(5):
        response = post(api_client, body(website="http://spam.example"))
        assert response.status_code == 400
        assert "gửi tự động" in response.json()["message"]
    # then
    assert Case.objects.count() == 0
    assert post(api_client, body()).status_code == 429


def test_intake_is_rate_limited_per_sender_like_the_form(
    api_client, client, school, deadline_rules
):
    for _ in range(5):
        assert post(api_client, body()).status_code == 201
    # when: a sixth submission from the same phone within the hour
    response = post(api_client, body())
    # then
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "vừa gửi nhiều đơn" in response.json()["message"]
    assert Case.objects.count() == 5
    # the web form shares the limit: the same phone, from another address
    form = {
        "token": "x",
        "kind": "phan_anh",
        "title": "Cổng trường ùn tắc",
        "content": "Xe máy đỗ tràn ra lòng đường.",
        "name": "Trần Văn Phụ Huynh",
        "phone": "0987654321",
        "consent": "on",
    }
    form_post = client.post("/gui-y-kien/th-thanh-to/", form, REMOTE_ADDR="10.0.0.8")
    assert form_post.status_code == 429
    # another sender is not affected
    other = body(contact_phone="0912 000 111", contact_email="")
    assert post(api_client, other).status_code == 201


def test_a_retry_with_the_same_idempotency_key_returns_the_same_case_with_200(
    api_client, school, deadline_rules
):
    key = {"HTTP_IDEMPOTENCY_KEY": "lan-gui-7f3a9c"}
    first = post(api_client, body(), **key)
    second = post(api_client, body(), **key)
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json() == second.json()
    assert Case.objects.count() == 1
    assert CaseEvent.objects.count() == 1


def test_a_retry_with_the_same_client_token_returns_the_same_case(
    api_client, school, deadline_rules
):
    first = post(api_client, body(client_token="token-cua-ung-dung-1"))
    second = post(api_client, body(client_token="token-cua-ung-dung-1"))
    third = post(api_client, body(client_token="token-cua-ung-dung-2"))
    assert (first.status_code, second.status_code, third.status_code) == (201, 200, 201)
    assert first.json()["tracking_code"] == second.json()["tracking_code"]
    assert third.json()["tracking_code"] != first.json()["tracking_code"]
    assert Case.objects.count() == 2


def test_a_too_long_idempotency_key_is_a_field_error(api_client, school, deadline_rules):
    response = post(api_client, body(), HTTP_IDEMPOTENCY_KEY="k" * 65)
    assert response.status_code == 422
    assert "client_token" in response.json()["errors"]
    assert Case.objects.count() == 0


def test_a_database_error_answers_503_calmly_and_nothing_is_half_saved(
    api_client, school, deadline_rules, monkeypatch
):
    # given: the database fails after the case row was inserted
    def broken(*args, **kwargs):
        raise DatabaseError("disk I/O error")

    monkeypatch.setattr(intake, "insert_deadlines", broken)
    audit_before = AuditEvent.objects.count()
    # when
    response = post(api_client, body())
    # then
    assert response.status_code == 503
    assert response.json() == {
        "message": "Hệ thống đang bận, xin thử lại sau ít phút. Chưa có gì được lưu."
    }
    assert Case.objects.count() == 0
    assert CaseEvent.objects.count() == 0
    assert AuditEvent.objects.count() == audit_before


def test_the_chosen_form_of_address_is_kept_as_on_the_form(api_client, school, deadline_rules):
    # when: a mother sends feedback through the API, asking to be addressed as "Bà"
    response = post(api_client, body(contact_name="Lê Thị Hoa", salutation="ba"))
    # then: the letters address her as the public form would have
    assert response.status_code == 201
    case = Case.objects.get()
    assert case.salutation == "ba"
    assert case.addressed_as(capitalised=True) == "Bà Lê Thị Hoa"


def test_an_unknown_form_of_address_is_refused_and_nothing_is_stored(
    api_client, school, deadline_rules
):
    response = post(api_client, body(salutation="ngài"))
    assert response.status_code == 422
    assert "salutation" in response.json()["errors"]
    assert not Case.objects.exists()


def test_the_api_form_shares_its_fields_and_refuses_as_the_page_does():
    from gandan.petitions.forms.public import ApiSubmissionForm, PublicSubmissionForm

    good = {
        "kind": "phan_anh",
        "title": "Cổng trường ùn tắc",
        "content": "Xe máy đỗ tràn ra lòng đường.",
        "name": "Trần Văn Phụ Huynh",
        "phone": "0987 654 321",
        "consent": True,
        "token": "a" * 24,
    }
    bad = [
        {**good, "kind": "khieu_nai", "name": "", "address": ""},
        {**good, "title": "x\u0001y"},
        {**good, "email": "khong-phai-thu", "content": ""},
        {"token": ""},
    ]
    # the API's instances share one set of fields; the page's each have their own
    assert ApiSubmissionForm(good).fields is ApiSubmissionForm(good).fields
    assert PublicSubmissionForm(good).fields is not PublicSubmissionForm(good).fields
    # the same refusals in the same words, and nothing carried into the next request
    for data in bad:
        api_form = ApiSubmissionForm(data)
        assert not api_form.is_valid()
        assert api_form.errors == PublicSubmissionForm(data).errors
        assert ApiSubmissionForm(good).is_valid()
