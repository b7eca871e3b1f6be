"""Input that cannot break a document or the server, through the API: a control character or a
lone surrogate anywhere in a request is a 422 naming the field, in Vietnamese, and stores
nothing; a page beyond any real register is a 422, not a 503; and a letter whose stored text
predates the check still downloads.

The incidents: `"contact_name": "…\\u0001…"` was answered 201 and the acknowledgement's .docx
then 500 (lxml: "All strings must be XML compatible"); `"\\ud800"` in JSON gave 500;
`GET /api/v1/cases?page=10^20` gave 503.
"""

import io
import json

import docx
import pytest

from gandan.api.tests.conftest import bearer
from gandan.audit.models import AuditEvent
from gandan.paperwork.responses import registered_document_response
from gandan.petitions import services
from gandan.petitions.models import Case
from gandan.petitions.tests.conftest import RECEIVED

URL = "/api/v1/public/cases"
MESSAGE = "chứa ký tự điều khiển không hợp lệ"


def body(**changes) -> dict:
    data = {
        "organisation": "th-thanh-to",
        "kind": "phan_anh",
        "title": "Cổng trường ùn tắc giờ tan học",
        "content": "Xe máy đỗ tràn ra lòng đường trước cổng trường lúc 16 giờ 30.",
        "contact_name": "Trần Văn Phụ Huynh",
        "contact_phone": "0987 654 321",
        "anonymous": False,
        "consent": True,
    }
    data.update(changes)
    return data


def post_raw(client, raw: str):
    return client.post(URL, raw.encode(), content_type="application/json")


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("contact_name", "Trần\u0001Văn", "U+0001"),
        ("title", "Cổng\u000btrường", "U+000B"),
        ("content", "Xe máy\u007f đỗ", "U+007F"),
        ("contact_address", "Số 1\u0085 phố", "U+0085"),
        ("client_token", "abc\u0000", "U+0000"),
    ],
)
def test_a_control_character_in_any_field_is_a_422_that_stores_nothing(
    api_client, school, deadline_rules, field, value, code
):
    # given
    events = AuditEvent.objects.count()
    # when
    response = api_client.post(
        URL, json.dumps(body(**{field: value})), content_type="application/json"
    )
    # then
    assert response.status_code == 422
    data = response.json()
    assert data["message"] == "Dữ liệu chưa hợp lệ."
    (message,) = data["errors"][field]
    assert MESSAGE in message and code in message
    assert Case.objects.count() == 0 and AuditEvent.objects.count() == events


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "x\\ud83d y"])
def test_a_lone_surrogate_in_json_is_a_422_not_a_500(api_client, school, deadline_rules, escape):
    # given: the body as a client writes it, with the escape json.dumps would never produce
    raw = json.dumps(body(title="Cổng trường"), ensure_ascii=False).replace("Cổng trường", escape)
    # when
    response = post_raw(api_client, raw)
    # then
    assert response.status_code == 422
    (message,) = response.json()["errors"]["title"]
    assert MESSAGE in message
    assert Case.objects.count() == 0


def test_a_proper_surrogate_pair_is_an_ordinary_character(api_client, school, deadline_rules):
    raw = json.dumps(body(title="Cổng trường"), ensure_ascii=False).replace(
        "Cổng trường", "Cổng \\ud83d\\ude00"
    )
    response = post_raw(api_client, raw)
    assert response.status_code == 201
    assert Case.objects.get().title == "Cổng 😀"


def test_a_forbidden_character_in_a_key_or_a_nested_value_is_refused(
    api_client, school, deadline_rules
):
    raw = json.dumps({**body(), "ghi\u0002chu": "x"})
    assert post_raw(api_client, raw).status_code == 422
    raw = json.dumps({**body(), "extra": {"deep": ["ok", "no\u0003"]}})
    response = post_raw(api_client, raw)
    assert response.status_code == 422 and MESSAGE in response.json()["errors"]["extra"][0]
    assert Case.objects.count() == 0


def test_a_control_character_in_a_query_string_is_refused(api_client, world_principal):
    response = api_client.get("/api/v1/cases?status=open%01", **bearer(world_principal))
    assert response.status_code == 422
    assert MESSAGE in response.json()["errors"]["status"][0]


@pytest.fixture
def world_principal(feedback, principal):
    return principal


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("page=100000000000000000000", "page"),
        (f"page={10**7 + 1}", "page"),
        ("page=9223372036854775808", "page"),
    ],
)
def test_a_page_beyond_any_register_is_a_422_in_vietnamese(
    api_client, world_principal, query, field
):
    response = api_client.get(f"/api/v1/cases?{query}", **bearer(world_principal))
    assert response.status_code == 422
    assert response.json()["errors"] == {field: ["Giá trị không được quá 10000000."]}


def test_the_last_allowed_page_is_an_empty_page_not_an_error(api_client, world_principal):
    response = api_client.get(
        "/api/v1/cases?page=10000000&page_size=100", **bearer(world_principal)
    )
    assert response.status_code == 200
    assert response.json()["items"] == [] and response.json()["count"] == 1


def test_a_letter_with_a_control_character_stored_before_the_check_still_downloads(feedback, clerk):
    # given: a name stored before inputs were checked (written past the forms, as old rows are)
    Case.objects.filter(pk=feedback.pk).update(contact_name="Trần Văn\x0bPhụ\x01 Huynh")
    feedback.refresh_from_db()
    letter = services.issue_acknowledgement(case=feedback, actor=clerk, on=RECEIVED)
    # when: the numbered letter's download, as the case page serves it
    response = registered_document_response(letter, "docx")
    # then: 200, and the letter reads the name without the characters XML cannot hold
    assert response.status_code == 200
    parsed = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in parsed.paragraphs)
    assert "Kính gửi: Ông/Bà Trần VănPhụ Huynh" in text
