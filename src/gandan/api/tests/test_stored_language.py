"""With English chosen, what the API's use cases store is still Vietnamese (ADR 1, addendum):
the public intake, accepting and assigning a case, creating and revoking an access token."""

import json

from gandan.api.models import ApiToken
from gandan.api.services import create_api_token, revoke_api_token
from gandan.api.tests.conftest import bearer
from gandan.petitions.models import Case


def test_the_api_stores_vietnamese_from_an_english_client(
    api_client, school, principal, teacher, deadline_rules, english_screen, assert_stored_vietnamese
):
    # given: the client asks for English
    api_client.cookies["django_language"] = "en"
    headers = bearer(principal)
    # when: a citizen sends a case, the head accepts and assigns it
    response = api_client.post(
        "/api/v1/public/cases",
        json.dumps(
            {
                "organisation": school.slug,
                "kind": "phan_anh",
                "title": "Cổng trường ùn tắc giờ tan học",
                "content": "Xe máy đỗ tràn ra lòng đường trước cổng trường.",
                "contact_name": "Trần Văn Phụ Huynh",
                "contact_phone": "0987 654 321",
                "consent": True,
            }
        ),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 201
    case = Case.objects.get()
    response = api_client.post(f"/api/v1/cases/{case.public_id}/accept", **headers)
    assert response.status_code == 200
    response = api_client.post(
        f"/api/v1/cases/{case.public_id}/assign",
        json.dumps({"handler": teacher.username, "verifiers": []}),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 200
    # and: a token is created and revoked
    token, _raw = create_api_token(user=teacher, name="báo cáo hằng tuần", actor=principal)
    revoke_api_token(token=token, actor=principal)
    # then
    assert ApiToken.objects.filter(revoked_at__isnull=False).count() == 1
    assert case.events.count() == 3
    assert_stored_vietnamese()
