"""Who may see and do what on cases: every staff view and action against the cast.

The world: a denunciation resolved by the deputy (resolver) and verified by a teacher
(verifier), with an identifying scan; a feedback with a plain attachment and an
acknowledgement. Expected, per persona:
- principal (head): every page and managing action; not the denouncer's identity;
- resolver (deputy, the case's handler): everything the head may, plus the identity;
- verifier: reads the case, records minutes, reads plain attachments; decides nothing;
- clerk: reads every case, receives cases, keeps the register; decides nothing;
- inspector (inspection board): reads cases' status, deadlines, timeline of acts and the
  dashboard; no sender, content, files, letters, register, or actions (test_least_privilege);
- teacher (not involved), authority officer, other school's head, outsider: 404 on the case;
- parent: anonymous, sent to the login page; has only the public tracking page.
Every refusal is a 404 and changes nothing.
"""

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gandan.audit.models import AuditEvent
from gandan.paperwork.models import OutgoingDocument
from gandan.petitions import services
from gandan.petitions.models import Case, CaseDeadline, CaseEvent, CaseMinutes, ReceptionSession
from gandan.petitions.services.intake import store_attachment
from gandan.petitions.tests.conftest import RECEIVED, submit
from gandan.petitions.views.case_page import ACTIONS

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
PERSONAS = [
    "principal",
    "resolver",
    "verifier",
    "clerk",
    "inspector",
    "teacher",
    "authority_officer",
    "other_school_principal",
    "outsider",
    "parent",
]


@pytest.fixture
def world(assigned_denunciation, feedback, principal, resolver, verifier, clerk, request):
    for name in ("inspector", "teacher", "authority_officer", "other_school_principal", "outsider"):
        request.getfixturevalue(name)
    case = assigned_denunciation
    scan = store_attachment(case, SimpleUploadedFile("don.png", PNG), identifying=True)
    plain = submit(
        feedback.organisation,
        title="Ảnh lớp học dột",
        attachments=[SimpleUploadedFile("anh.png", PNG)],
    )
    services.assign_case(case=plain, actor=principal, handler=resolver, verifiers=[verifier])
    acknowledgement = services.issue_acknowledgement(case=plain, actor=clerk, on=RECEIVED)
    return {
        "case": case,
        "scan": scan,
        "plain": plain,
        "attachment": plain.attachments.get(),
        "document": acknowledgement,
    }


def _client(client, request, persona):
    if persona != "parent":
        client.force_login(request.getfixturevalue(persona))
    return client


def _state() -> tuple:
    return (
        tuple(Case.objects.order_by("pk").values_list("status", "handler", "kind", "closed_at")),
        CaseEvent.objects.count(),
        CaseMinutes.objects.count(),
        tuple(CaseDeadline.objects.order_by("pk").values_list("due", "done_on", "moot")),
        OutgoingDocument.objects.count(),
        ReceptionSession.objects.count(),
    )


def _check(response, allowed: bool, persona: str) -> None:
    if persona == "parent":
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    elif allowed:
        assert response.status_code == 200, response.status_code
    else:
        assert response.status_code == 404, response.status_code


CASE_PAGES = {
    # page: personas allowed
    "detail": {"principal", "resolver", "verifier", "clerk", "inspector"},
    "identity": {"resolver"},
    "scan": {"resolver"},
    "file": {"principal", "resolver", "verifier", "clerk"},
    # Letters name the citizen and quote the case: not for the inspection board (access.py).
    "document": {"principal", "resolver", "verifier", "clerk"},
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", list(CASE_PAGES))
def test_case_pages(client, request, world, persona, page):
    case, plain = world["case"], world["plain"]
    urls = {
        "detail": reverse("petitions:detail", args=[case.public_id]),
        "identity": reverse("petitions:identity", args=[case.public_id]),
        "scan": reverse("petitions:file", args=[case.public_id, world["scan"].public_id]),
        "file": reverse("petitions:file", args=[plain.public_id, world["attachment"].public_id]),
        "document": reverse("petitions:document", args=[plain.public_id, world["document"].pk]),
    }
    before = _state()
    response = _client(client, request, persona).get(urls[page])
    _check(response, persona in CASE_PAGES[page], persona)
    assert _state() == before


SCHOOL_PAGES = {
    "list": {"principal", "resolver", "verifier", "clerk", "inspector", "teacher"},
    "dashboard": {"principal", "resolver", "inspector"},
    "walk_in": {"principal", "resolver", "clerk"},
    "register": {"principal", "resolver", "clerk"},
    "schedule": {"principal", "resolver", "verifier", "clerk", "inspector", "teacher"},
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", list(SCHOOL_PAGES))
def test_school_pages(client, request, world, persona, page):
    response = _client(client, request, persona).get(reverse(f"petitions:{page}"))
    allowed = persona in SCHOOL_PAGES[page]
    if persona == "other_school_principal" or (persona, page) == ("authority_officer", "list"):
        # their own school's pages, or the ward's own cases, with nothing of Thành Tô
        assert response.status_code == 200
        assert world["case"].display_code not in response.content.decode()
        return
    _check(response, allowed, persona)
    if allowed and page == "list":
        text = response.content.decode()
        sees_all = persona in {"principal", "resolver", "clerk", "inspector", "verifier"}
        assert (world["case"].display_code in text) == sees_all


def test_a_teacher_lists_only_the_cases_they_handle(client, world, teacher, principal):
    client.force_login(teacher)
    assert world["plain"].display_code not in client.get(reverse("petitions:list")).content.decode()
    services.assign_case(case=world["plain"], actor=principal, handler=teacher)
    text = client.get(reverse("petitions:list")).content.decode()
    assert world["plain"].display_code in text
    assert world["case"].display_code not in text
    assert (
        client.get(reverse("petitions:detail", args=[world["plain"].public_id])).status_code == 200
    )


ALLOWED_BY_PERMISSION = {
    "manage": {"principal", "resolver"},
    "receive": {"principal", "resolver", "clerk"},
    "resolve": {"principal", "resolver"},
    "verify": {"principal", "resolver", "verifier"},
    "identity": {"resolver"},
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", [a.slug for a in ACTIONS])
def test_case_actions(client, request, world, persona, action):
    permission = next(a.permission for a in ACTIONS if a.slug == action)
    allowed = persona in ALLOWED_BY_PERMISSION[permission]
    case = world["case"]
    browser = _client(client, request, persona)
    before = _state()
    audit_before = AuditEvent.objects.count()  # after the login event
    response = browser.post(reverse("petitions:action", args=[case.public_id, action]), {})
    if persona == "parent":
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    elif allowed:
        assert response.status_code != 404
        return
    else:
        assert response.status_code == 404
    assert _state() == before
    assert AuditEvent.objects.count() == audit_before


@pytest.mark.parametrize("persona", PERSONAS)
def test_posting_the_reception_schedule(client, request, world, persona, principal):
    response = _client(client, request, persona).post(
        reverse("petitions:schedule"),
        {
            "host": principal.pk,
            "date": "2030-01-15",
            "start_time": "08:00",
            "end_time": "11:00",
            "place": "Phòng tiếp công dân",
        },
    )
    school_sessions = ReceptionSession.objects.filter(organisation=world["case"].organisation)
    if persona in {"principal", "resolver"}:
        assert response.status_code == 302
        assert school_sessions.count() == 1
        return
    assert school_sessions.count() == 0
    if persona == "parent":
        assert response.status_code == 302
    elif persona != "other_school_principal":  # their own school refuses a foreign host
        assert response.status_code == 404
