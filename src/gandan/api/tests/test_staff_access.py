"""Who may read and act on cases through the staff API: the petitions access rules, asked
through the same functions as the HTML pages, for a session and for a token alike.

The world: a complaint just received (nobody assigned); a feedback resolved by `handler`, a
teacher; a denunciation resolved by the deputy (`resolver`) and verified by a teacher.
Expected, per persona:
- principal (head): lists and reads every case; accepts and assigns;
- handler: lists and reads only the feedback it resolves; decides nothing;
- teacher (not involved): an empty list; 404 on any case;
- inspector (inspection board): lists and reads every case, without contacts; no actions;
- outsider: 404 (no school); other school's head: an empty list, 404 on our cases;
- anonymous and a revoked token: 401.
Every refusal changes nothing.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.api.models import ApiToken
from gandan.api.services import create_api_token, revoke_api_token
from gandan.api.tests.conftest import bearer, submit
from gandan.audit.models import Action, AuditEvent
from gandan.notify.models import Notification
from gandan.petitions import services
from gandan.petitions.models import Case, CaseEvent, CaseKind, CaseStatus
from gandan.petitions.tests.conftest import DENOUNCER, DENOUNCER_ADDRESS, DENOUNCER_PHONE

PERSONAS = [
    "principal",
    "handler",
    "teacher",
    "inspector",
    "outsider",
    "other_school_principal",
    "anonymous",
    "revoked_token",
]


@pytest.fixture
def world(complaint, feedback, denunciation, principal, resolver, verifier, handler, request):
    for name in ("teacher", "inspector", "outsider", "other_school_principal"):
        request.getfixturevalue(name)
    services.assign_case(case=feedback, actor=principal, handler=handler)
    services.accept_case(case=denunciation, actor=principal)
    services.assign_case(case=denunciation, actor=principal, handler=resolver, verifiers=[verifier])
    return {"complaint": complaint, "feedback": feedback, "denunciation": denunciation}


def sign_in(client, user) -> dict:
    """A session as a browser has it: the CSRF cookie from a page, then the login."""
    client.get(reverse("login"))
    client.force_login(user)
    return {"HTTP_X_CSRFTOKEN": client.cookies["csrftoken"].value}


def as_persona(api_client, request, persona: str, mode: str) -> dict:
    """Sign the client in as the persona; the headers every request must carry."""
    if persona == "anonymous":
        return {}
    if persona == "revoked_token":
        token, raw = create_api_token(user=request.getfixturevalue("principal"), name="cũ")
        revoke_api_token(token=token)
        return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    user = request.getfixturevalue(persona)
    if mode == "token":
        return bearer(user)
    return sign_in(api_client, user)


def state() -> tuple:
    return (
        tuple(
            Case.objects.order_by("pk").values_list(
                "status", "handler", "accepted_on", "closed_at", "next_due"
            )
        ),
        tuple(Case.verifiers.through.objects.order_by("pk").values_list("case", "user")),
        CaseEvent.objects.count(),
        Notification.objects.count(),
    )


# Who lists which cases: the names of the world's cases, or the status of a refusal.
LIST: dict[str, set[str] | int] = {
    "principal": {"complaint", "feedback", "denunciation"},
    "handler": {"feedback"},
    "teacher": set(),
    "inspector": {"complaint", "feedback", "denunciation"},
    "outsider": 404,
    "other_school_principal": set(),
    "anonymous": 401,
    "revoked_token": 401,
}
READ = {
    "principal": 200,
    "handler": 404,
    "teacher": 404,
    "inspector": 200,
    "outsider": 404,
    "other_school_principal": 404,
    "anonymous": 401,
    "revoked_token": 401,
}
ACT = READ | {"inspector": 404}


@pytest.mark.parametrize("mode", ["session", "token"])
@pytest.mark.parametrize("persona", PERSONAS)
def test_the_list_shows_what_the_persona_may_see(api_client, world, request, persona, mode):
    headers = as_persona(api_client, request, persona, mode)
    response = api_client.get("/api/v1/cases", **headers)
    expected = LIST[persona]
    if isinstance(expected, int):
        assert response.status_code == expected
        assert set(response.json()) == {"message"}
        return
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert ids == {str(world[name].public_id) for name in expected}
    assert response.json()["count"] == len(expected)


@pytest.mark.parametrize("mode", ["session", "token"])
@pytest.mark.parametrize("persona", PERSONAS)
def test_reading_a_case_follows_access_case(api_client, world, request, persona, mode):
    headers = as_persona(api_client, request, persona, mode)
    case = world["complaint"]
    response = api_client.get(f"/api/v1/cases/{case.public_id}", **headers)
    assert response.status_code == READ[persona]
    if response.status_code == 200:
        assert response.json()["display_code"] == case.display_code
    elif response.status_code == 404:
        assert response.json() == {"message": "Không tìm thấy."}


def test_the_handler_reads_the_case_it_resolves(api_client, world, request):
    headers = as_persona(api_client, request, "handler", "token")
    response = api_client.get(f"/api/v1/cases/{world['feedback'].public_id}", **headers)
    assert response.status_code == 200
    assert response.json()["permissions"] == [
        "contact",
        "content",
        "files",
        "letters",
        "resolve",
        "sender",
        "verify",
        "view",
    ]


@pytest.mark.parametrize("mode", ["session", "token"])
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", ["accept", "assign"])
def test_accepting_and_assigning_need_a_manager_and_refusals_change_nothing(
    api_client, world, request, persona, mode, action
):
    # given
    headers = as_persona(api_client, request, persona, mode)
    case = world["complaint"]
    before = state()
    # when
    response = api_client.post(
        f"/api/v1/cases/{case.public_id}/{action}",
        {"handler": "hieutruong"} if action == "assign" else None,
        content_type="application/json",
        **headers,
    )
    # then
    assert response.status_code == ACT[persona]
    case.refresh_from_db()
    if response.status_code != 200:
        assert state() == before
        return
    if action == "accept":
        assert case.status == CaseStatus.ACCEPTED and case.accepted_on is not None
        assert response.json()["status"] == "accepted"
    else:
        assert case.handler.username == "hieutruong"
        assert response.json()["handler"] == {
            "username": "hieutruong",
            "full_name": "Nguyễn Thị Thu Hà",
        }
    assert CaseEvent.objects.filter(case=case).count() == 2


def test_a_session_write_without_its_csrf_token_is_refused(api_client, world, principal):
    # given: signed in, but the request carries no X-CSRFToken (a forged cross-site POST)
    api_client.force_login(principal)
    before = state()
    # when
    response = api_client.post(f"/api/v1/cases/{world['complaint'].public_id}/accept")
    # then
    assert response.status_code == 403
    assert "CSRF" in response.json()["message"]
    assert state() == before


def test_a_token_write_needs_no_csrf_token(api_client, world, principal):
    response = api_client.post(
        f"/api/v1/cases/{world['complaint'].public_id}/accept", **bearer(principal)
    )
    assert response.status_code == 200


def test_a_wrong_token_is_refused_even_with_a_session(api_client, world, principal):
    api_client.force_login(principal)
    response = api_client.get("/api/v1/cases", HTTP_AUTHORIZATION="Bearer gdn_khongdung")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert "Mã truy cập API không đúng" in response.json()["message"]


def test_a_token_of_a_locked_account_is_refused(api_client, world, principal):
    headers = bearer(principal)
    principal.is_active = False
    principal.save(update_fields=["is_active"])
    assert api_client.get("/api/v1/cases", **headers).status_code == 401


def test_a_token_records_when_it_was_last_used(api_client, world, principal):
    headers = bearer(principal)
    assert ApiToken.objects.get().last_used_at is None
    api_client.get("/api/v1/cases", **headers)
    assert ApiToken.objects.get().last_used_at is not None


def test_no_one_gets_the_denouncers_identity_from_the_api(
    api_client, world, request, principal, resolver, verifier, inspector
):
    case = world["denunciation"]
    audit_before = AuditEvent.objects.filter(action=Action.VIEW_PROTECTED).count()
    for user in (principal, resolver, verifier, inspector):
        # when: even the resolver, who may see the identity on the (audited) HTML page
        response = api_client.get(f"/api/v1/cases/{case.public_id}", **bearer(user))
        # then
        assert response.status_code == 200
        data = response.json()
        text = response.content.decode()
        for private in (DENOUNCER, DENOUNCER_ADDRESS, DENOUNCER_PHONE, "031099001234"):
            assert private not in text
        # the inspection board does not even get the pseudonym (test_least_privilege.py)
        pseudonym = "Người gửi (thông tin cá nhân không hiển thị)" if user == inspector else None
        assert data["sender"] == (pseudonym or case.pseudonym)
        assert data["contact"] is None
        assert data["content"] == "" and data["needs_redaction"] is True
    assert AuditEvent.objects.filter(action=Action.VIEW_PROTECTED).count() == audit_before


def test_contacts_only_for_those_who_answer_the_sender(api_client, world, principal, inspector):
    url = f"/api/v1/cases/{world['feedback'].public_id}"
    head = api_client.get(url, **bearer(principal)).json()
    board = api_client.get(url, **bearer(inspector)).json()
    assert head["contact"]["name"] == "Trần Văn Phụ Huynh"
    assert head["contact"]["phone"] == "0987654321"
    assert board["contact"] is None
    assert "0987654321" not in str(board)


def test_accepting_twice_returns_the_case_and_changes_nothing(api_client, world, principal):
    headers = bearer(principal)
    url = f"/api/v1/cases/{world['complaint'].public_id}/accept"
    first = api_client.post(url, **headers)
    assert first.status_code == 200
    before = state()
    # when: a replay (a client's retry)
    response = api_client.post(url, **headers)
    # then: the first result, no second notice or event
    assert response.status_code == 200
    assert response.json()["accepted_on"] == first.json()["accepted_on"]
    assert state() == before


def test_accepting_a_refused_case_is_a_conflict_that_changes_nothing(api_client, world, principal):
    services.refuse_case(case=world["complaint"], actor=principal, reason="Quá thời hiệu.")
    before = state()
    response = api_client.post(
        f"/api/v1/cases/{world['complaint'].public_id}/accept", **bearer(principal)
    )
    assert response.status_code == 409
    assert response.json() == {"message": "Chỉ thụ lý được đơn vừa tiếp nhận."}
    assert state() == before


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        (
            {"handler": "khongco"},
            "handler",
            "Không có cán bộ nào của trường với tên đăng nhập này.",
        ),
        (
            {"handler": "htdanghai"},  # the head of another school
            "handler",
            "Không có cán bộ nào của trường với tên đăng nhập này.",
        ),
        (
            {"handler": "hieutruong", "verifiers": ["khongco"]},
            "verifiers",
            "Không có cán bộ nào của trường với tên đăng nhập này.",
        ),
        (
            {"handler": "giaovien"},  # a complaint is resolved by the head or a deputy
            "handler",
            "Khiếu nại, tố cáo do hiệu trưởng (hoặc phó hiệu trưởng ký thay) giải quyết.",
        ),
        (
            {"handler": "hieutruong", "verifiers": ["hieutruong"]},
            "verifiers",
            "Người giải quyết không tự xác minh vụ việc.",
        ),
        ({"verifiers": []}, "handler", "Trường này là bắt buộc."),
    ],
)
def test_an_invalid_assignment_is_refused_by_field(
    api_client, world, principal, teacher, body, field, message
):
    before = state()
    response = api_client.post(
        f"/api/v1/cases/{world['complaint'].public_id}/assign",
        body,
        content_type="application/json",
        **bearer(principal),
    )
    assert response.status_code == 422
    assert response.json()["errors"][field] == [message]
    assert state() == before


def test_the_list_filters_and_pages(api_client, world, principal):
    headers = bearer(principal)
    complaints = api_client.get("/api/v1/cases?kind=khieu_nai", **headers).json()
    assert [item["id"] for item in complaints["items"]] == [str(world["complaint"].public_id)]
    received = api_client.get("/api/v1/cases?status=received", **headers).json()
    assert {item["status"] for item in received["items"]} == {"received"}
    first = api_client.get("/api/v1/cases?page_size=2", **headers).json()
    second = api_client.get("/api/v1/cases?page_size=2&page=2", **headers).json()
    assert (first["count"], len(first["items"]), len(second["items"])) == (3, 2, 1)
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in second["items"]})


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("page_size=500", "page_size", "Giá trị không được quá 100."),
        ("page=0", "page", "Giá trị phải từ 1 trở lên."),
        ("page=hai", "page", "Giá trị không hợp lệ."),
        ("status=dang-xu-ly", "status", "Giá trị không hợp lệ."),
        ("kind=thu-khen", "kind", "Giá trị không hợp lệ."),
    ],
)
def test_bad_filters_are_refused_in_vietnamese(api_client, world, principal, query, field, message):
    response = api_client.get(f"/api/v1/cases?{query}", **bearer(principal))
    assert response.status_code == 422
    assert response.json()["errors"] == {field: [message]}


def test_the_list_costs_the_same_queries_for_3_or_13_cases(api_client, world, principal, school):
    api_client.force_login(principal)
    api_client.get("/api/v1/cases")  # warm the session

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api_client.get("/api/v1/cases").status_code == 200
        return len(captured)

    few = queries()
    for n in range(10):
        case = submit(school, CaseKind.RECOMMENDATION, title=f"Kiến nghị số {n}")
        services.assign_case(case=case, actor=principal, handler=principal)
    many = queries()
    assert api_client.get("/api/v1/cases").json()["count"] == 13
    assert many == few
    assert few <= 10
