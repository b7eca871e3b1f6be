"""GET /api/v1/public/cases/{code}, the school card, and the OpenAPI schema: public reads.

The tracking view holds what the tracking page shows and nothing more: never a contact, the
content, the title, or who denounced.
"""

import json

import pytest

from gandan.petitions import services
from gandan.petitions.tests.conftest import DENOUNCER, DENOUNCER_ADDRESS, DENOUNCER_PHONE

PUBLIC_KEYS = {
    "tracking_code",
    "display_code",
    "organisation",
    "kind",
    "kind_label",
    "received_on",
    "status",
    "status_label",
    "next_due",
    "next_due_provisional",
    "next_step",
    "overdue",
    "promised_on",
    "public_answer",
    "events",
    "letters",
    "split_cases",
}


def url(code: str) -> str:
    return f"/api/v1/public/cases/{code}"


def test_the_public_view_of_a_feedback_holds_no_contact_nor_content(api_client, feedback):
    # when
    response = api_client.get(url(feedback.tracking_code))
    # then
    assert response.status_code == 200
    data = response.json()
    assert set(data) == PUBLIC_KEYS
    assert data["kind"] == "phan_anh" and data["status"] == "received"
    assert data["received_on"] == "2026-03-02"
    assert data["next_due"] == feedback.next_due.isoformat()
    assert [event["summary"] for event in data["events"]] == [
        "Nhà trường đã nhận đơn (gửi trực tuyến)."
    ]
    text = response.content.decode()
    for private in (
        feedback.contact_name,
        feedback.contact_phone,
        feedback.contact_address,
        feedback.content,
        feedback.title,
        str(feedback.public_id),
    ):
        assert private not in text


def test_the_public_view_of_a_denunciation_never_names_the_denouncer(
    api_client, denunciation, principal, resolver
):
    # given: accepted and assigned, so the timeline has several public lines
    services.accept_case(case=denunciation, actor=principal)
    services.assign_case(case=denunciation, actor=principal, handler=resolver)
    # when
    response = api_client.get(url(denunciation.tracking_code))
    # then
    assert response.status_code == 200
    text = json.dumps(response.json(), ensure_ascii=False)
    for private in (DENOUNCER, DENOUNCER_ADDRESS, DENOUNCER_PHONE, "031099001234", "Bí Mật"):
        assert private not in text
    assert denunciation.pseudonym not in text
    assert "Ông Lê Văn Dạy" not in text  # the person denounced is not public either
    assert len(response.json()["events"]) >= 2


def test_the_answer_is_public_once_resolved_and_a_closed_case_has_no_due_date(
    api_client, feedback, principal
):
    services.resolve_case(
        case=feedback, actor=principal, outcome="Nội bộ", public_answer="Đã sửa mái tôn."
    )
    # (a reply closes a feedback at once)
    data = api_client.get(url(feedback.tracking_code)).json()
    assert data["public_answer"] == "Đã sửa mái tôn."
    assert "Nội bộ" not in json.dumps(data, ensure_ascii=False)
    assert (data["next_due"], data["next_step"], data["overdue"]) == (None, "", False)


def test_the_printed_form_of_the_code_is_accepted(api_client, feedback):
    printed = feedback.display_code.lower()  # "gd-7k3mq-9xpab"
    assert api_client.get(url(printed)).json()["tracking_code"] == feedback.tracking_code


def test_an_unknown_code_is_404_and_guessing_is_rate_limited(api_client, feedback):
    for _ in range(30):
        response = api_client.get(url("GD-22222-22222"))
        assert response.status_code == 404
        assert response.json() == {
            "message": "Không tìm thấy vụ việc với mã này. Hãy kiểm tra lại các chữ và số."
        }
    # when: the right code after thirty wrong ones from the same address
    response = api_client.get(url(feedback.tracking_code))
    # then
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 600
    # the HTML tracking page counts the same way
    assert api_client.get(f"/tra-cuu/{feedback.tracking_code}/").status_code == 429
    assert api_client.get(url(feedback.tracking_code), REMOTE_ADDR="10.0.0.9").status_code == 200


def test_right_codes_do_not_count_against_the_address(api_client, feedback):
    for _ in range(40):
        assert api_client.get(url(feedback.tracking_code)).status_code == 200


def test_the_school_card_is_public(api_client, school):
    response = api_client.get(f"/api/v1/organisations/{school.slug}")
    assert response.status_code == 200
    data = response.json()
    assert data["name"] == "Trường Tiểu học Thành Tô"
    assert data["managing_body"] == {"slug": "ubnd-hai-an", "name": school.parent.name}
    assert data["links"]["intake_page"] == "/gui-y-kien/th-thanh-to/"
    assert data["links"]["disclosures_page"] == "/truong/th-thanh-to/cong-khai/"
    assert api_client.get(data["links"]["page"]).status_code == 200


@pytest.mark.parametrize("slug", ["khong-co", "ubnd-hai-an", "th-thanh-to-to-1"])
def test_only_schools_have_a_public_card(api_client, school, subject_group, slug):
    response = api_client.get(f"/api/v1/organisations/{slug}")
    assert response.status_code == 404
    assert response.json() == {"message": "Không tìm thấy trường với mã này."}


def test_the_openapi_schema_lists_every_path_and_the_intake_shape(api_client, db):
    # when
    response = api_client.get("/api/v1/openapi.json")
    # then
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["info"] == {
        "title": "Gần Dân API",
        "version": "1",
        "description": schema["info"]["description"],
    }
    assert set(schema["paths"]) == {
        "/api/v1/public/cases",
        "/api/v1/public/cases/{tracking_code}",
        "/api/v1/cases",
        "/api/v1/cases/{case_id}",
        "/api/v1/cases/{case_id}/accept",
        "/api/v1/cases/{case_id}/assign",
        "/api/v1/organisations/{slug}",
        "/api/v1/authority/units",
        "/api/v1/authority/reports",
        "/api/v1/authority/plans",
    }
    intake = schema["components"]["schemas"]["PublicCaseIn"]
    assert set(intake["required"]) == {"organisation", "kind", "title", "content"}
    assert intake["properties"]["kind"]["enum"] == [
        "khieu_nai",
        "to_cao",
        "kien_nghi",
        "phan_anh",
        "yeu_cau_thong_tin",
    ]
    assert intake["properties"]["title"]["maxLength"] == 200
    post = schema["paths"]["/api/v1/public/cases"]["post"]
    assert {"200", "201", "400", "404", "422", "429", "503"} <= set(post["responses"])
    assert "security" not in post  # public: no authentication
    staff = schema["paths"]["/api/v1/cases"]["get"]
    assert {"TokenAuth": []} in staff["security"]
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


def test_the_api_answers_in_utf8_vietnamese(api_client, feedback):
    response = api_client.get(url(feedback.tracking_code))
    assert "Đã tiếp nhận".encode() in response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
