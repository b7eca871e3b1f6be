"""Who may see and do what in the movement: every staff page and action against the cast.

The world: the 2025–2026 campaign in its year-end review; its council is inspector (chair)
and clerk (secretary); the teacher's model is submitted with a photo; the clerk nominated
the teacher as a good example and waits for her answer.

Expected, per persona:
- principal, deputy (managers): every page; manage the campaign, decide on recognition; do
  not score (not on the council);
- inspector, clerk (council): read everything, score the teacher's model, see the evidence;
  the chair (inspector) runs the review; the secretary does not;
- teacher (registrant, nominee): her registration's updates and evidence; her nomination;
- union_officer (another teacher): reads the campaign and registrations; no evidence, no
  score card, not the private nomination;
- authority_officer (ward): reads like staff, with ?truong=; the evidence; changes nothing;
- other_school_principal, outsider: 404 everywhere at Thành Tô;
- anonymous: sent to the login page.
Every refusal is a 404 (or the login page) and changes nothing.
"""

import pytest
from django.urls import reverse

from gandan.audit.models import AuditEvent
from gandan.emulation.models import (
    Campaign,
    EmulationEvent,
    Nomination,
    Recognition,
    Registration,
    Score,
    Update,
)
from gandan.emulation.services import campaigns, nominations, registrations
from gandan.emulation.tests.conftest import advance_to, full_card, photo, register

PERSONAS = [
    "principal",
    "deputy",
    "inspector",
    "clerk",
    "teacher",
    "union_officer",
    "authority_officer",
    "other_school_principal",
    "outsider",
    "anonymous",
]
MANAGERS = {"principal", "deputy"}
COUNCIL = {"inspector", "clerk"}
STAFF = MANAGERS | COUNCIL | {"teacher", "union_officer"}
READERS = STAFF | {"authority_officer"}
OWN = {"other_school_principal"}  # pages about the reader's own school


@pytest.fixture
def world(campaign, principal, deputy, inspector, clerk, teacher, union_officer, media, request):
    for name in ("authority_officer", "other_school_principal", "outsider"):
        request.getfixturevalue(name)
    campaigns.set_council(campaign=campaign, actor=principal, chair=inspector, secretary=clerk)
    model = register(campaign, teacher)
    advance_to(campaign, principal, "implementation")
    update = registrations.add_update(
        registration=model, author=teacher, text="Họp phụ huynh.", files=[photo()]
    )
    registrations.submit_registration(registration=model, actor=teacher)
    advance_to(Campaign.objects.get(), principal, "review")
    nomination = nominations.nominate(
        campaign=campaign, nominator=clerk, nominee=teacher, deed="Trả lại ví cho phụ huynh."
    )
    return {
        "campaign": Campaign.objects.get(),
        "registration": Registration.objects.get(pk=model.pk),
        "evidence": update.evidence.get(),
        "nomination": nomination,
    }


def _client(client, request, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    return client


def _state() -> tuple:
    return (
        tuple(Campaign.objects.values_list("status", "review_concluded_at")),
        tuple(Registration.objects.values_list("status", "council_score", "shortlisted")),
        Update.objects.count(),
        Score.objects.count(),
        Recognition.objects.count(),
        tuple(Nomination.objects.values_list("status", "consent_given_at", "ballot_id")),
        EmulationEvent.objects.count(),
        AuditEvent.objects.count(),
    )


# (url name, object in the address or None, query string) → personas that get 200
PAGES = [
    ("emulation:campaigns", None, "", STAFF | OWN),
    ("emulation:campaigns", None, "?truong=th-thanh-to", READERS),
    ("emulation:campaign_new", None, "", MANAGERS | OWN),
    ("emulation:campaign", "campaign", "", READERS),
    ("emulation:criteria", "campaign", "", MANAGERS),
    ("emulation:council", "campaign", "", MANAGERS),
    ("emulation:register", "campaign", "", STAFF),
    ("emulation:nominate", "campaign", "", STAFF),
    ("emulation:minutes", "campaign", "", set()),  # not concluded yet
    ("emulation:registration", "registration", "", READERS),
    ("emulation:registration_form", "registration", "", READERS),
    ("emulation:update", "registration", "", {"teacher"}),
    ("emulation:score", "registration", "", COUNCIL),
    ("emulation:recognise", "registration", "", MANAGERS),
    ("emulation:decision", "registration", "", set()),  # no decision yet
    ("emulation:evidence", "evidence", "", MANAGERS | COUNCIL | {"teacher", "authority_officer"}),
    ("emulation:nomination", "nomination", "", MANAGERS | {"clerk", "teacher"}),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "which", "query", "allowed"), PAGES)
def test_pages(client, request, world, persona, name, which, query, allowed):
    # given
    client = _client(client, request, persona)
    args = [world[which].public_id] if which else []
    before = _state()
    # when
    response = client.get(reverse(name, args=args) + query)
    # then
    if persona == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")
    else:
        assert response.status_code == (200 if persona in allowed else 404)
    # Close a served file without response.close(): that fires request_finished, which closes
    # the database connection inside the test's transaction on PostgreSQL.
    if getattr(response, "file_to_stream", None) is not None:
        response.file_to_stream.close()
    assert _state() == before


def _card(world) -> dict:
    registration = world["registration"]
    return {f"points_{pk}": points for pk, points in full_card(registration, 15).items()}


# (url name, object, form data, personas allowed): a refused POST is a 404 and changes nothing.
ACTIONS = [
    ("emulation:score", "registration", _card, COUNCIL),
    ("emulation:update", "registration", lambda w: {"text": "Thêm."}, set()),  # submitted
    ("emulation:advance", "campaign", lambda w: {}, MANAGERS),
    (
        "emulation:conclude",
        "campaign",
        lambda w: {"issued_on": "2026-11-28"},
        MANAGERS | {"inspector"},
    ),
    ("emulation:shortlist_open", "campaign", lambda w: {}, MANAGERS | {"inspector"}),
    ("emulation:nomination_answer", "nomination", lambda w: {"answer": "yes"}, {"teacher"}),
    ("emulation:nomination_open_vote", "nomination", lambda w: {}, MANAGERS),
]


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
@pytest.mark.parametrize(("name", "which", "data", "allowed"), ACTIONS)
def test_refused_actions_change_nothing(
    client, request, world, persona, name, which, data, allowed
):
    # given
    client = _client(client, request, persona)
    before = _state()
    # when
    response = client.post(reverse(name, args=[world[which].public_id]), data(world))
    # then
    if name == "emulation:update" and persona == "teacher":
        # her own registration, but it is submitted: the service refuses, the page says why
        assert response.status_code == 200 and "đã gửi đánh giá" in response.content.decode()
        assert _state() == before
    elif persona in allowed:
        assert response.status_code in (200, 302)
    else:
        assert response.status_code == 404
        assert _state() == before


def test_council_members_see_the_registrations_they_review(client, world, inspector, union_officer):
    # given
    client.force_login(inspector)
    registration = world["registration"]
    # when
    desk = client.get(reverse("desk")).content.decode()
    page = client.get(reverse("emulation:campaign", args=[world["campaign"].public_id]))
    # then: on the desk and on the campaign page, with a link to the score card
    score_url = reverse("emulation:score", args=[registration.public_id])
    assert 'id="ho-so-can-cham"' in desk and score_url in desk
    html = page.content.decode()
    assert 'id="can-cham-diem"' in html and score_url in html and "chưa chấm" in html
    # and another teacher has nothing to score
    client.force_login(union_officer)
    assert score_url not in client.get(reverse("desk")).content.decode()
    html = client.get(reverse("emulation:campaign", args=[world["campaign"].public_id]))
    assert 'id="can-cham-diem"' not in html.content.decode()


def test_scores_are_for_the_council_and_managers_until_the_conclusion(
    client, world, inspector, clerk, principal, union_officer
):
    registration = world["registration"]
    client.force_login(inspector)
    client.post(reverse("emulation:score", args=[registration.public_id]), _card(world))
    url = reverse("emulation:registration", args=[registration.public_id])
    for person, sees in ((clerk, True), (principal, True), (union_officer, False)):
        client.force_login(person)
        html = client.get(url).content.decode()
        assert ('id="diem-hoi-dong"' in html) is sees, person


def test_the_nominee_is_asked_on_her_desk(client, world, teacher):
    client.force_login(teacher)
    desk = client.get(reverse("desk")).content.decode()
    assert 'id="de-cu-cho-dong-y"' in desk
    assert reverse("emulation:nomination", args=[world["nomination"].public_id]) in desk
