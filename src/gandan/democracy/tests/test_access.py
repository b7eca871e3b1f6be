"""Who may see and do what in the democracy app: every endpoint against the cast of personas.

- principal, deputy: manage disclosures and ballots; see who has not acknowledged.
- union_officer, inspector: staff who supervise: also see undisclosed items and proofs, and
  every information request; answer nothing, open no ballot.
- teacher, clerk: staff: published staff disclosures, acknowledging, their own requests,
  ballots, voting.
- authority_officer (the ward): reads the register and the ballots of the school; changes
  nothing, votes nowhere.
- parent (on the parents' board), outsider, other_school_principal: a 404 on every staff page;
  the public disclosure page like anyone.
- anonymous: sent to the login page; the public disclosure page is open.
"""

import base64
import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gandan.democracy.models import (
    Acknowledgement,
    Ballot,
    BallotMethod,
    BallotPaper,
    Channel,
    DemocracyEvent,
    DisclosureItem,
    DisclosureObligation,
    ElectorateKind,
    InformationRequest,
    Participation,
    RequestReason,
    RulePreset,
    SealedPaper,
    Secrecy,
)
from gandan.democracy.services import ballots, disclosures

NOW = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
PERSONAS = [
    "principal",
    "deputy",
    "union_officer",
    "inspector",
    "teacher",
    "clerk",
    "authority_officer",
    "parent",
    "outsider",
    "other_school_principal",
    "anonymous",
]


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def _png(name="anh.png"):
    return SimpleUploadedFile(name, PNG, content_type="image/png")


@pytest.fixture
def world(
    school,
    principal,
    deputy,
    union_officer,
    inspector,
    teacher,
    clerk,
    authority_officer,
    parent,
    outsider,
    other_school_principal,
    media,
):
    staff_obligation = DisclosureObligation.objects.get(code="noi-bo-ke-hoach-cong-tac")
    public_obligation = DisclosureObligation.objects.get(code="cong-khai-thu-chi-tai-chinh")
    published = disclosures.record_disclosure(
        organisation=school,
        obligation=staff_obligation,
        actor=principal,
        title="Kế hoạch công tác tháng 11",
        decision_date=dt.date(2026, 11, 2),
        document=SimpleUploadedFile("ke-hoach.png", PNG),
    )
    published = disclosures.publish_disclosure(
        item=published,
        actor=principal,
        published_on=dt.date(2026, 11, 4),
        channels=[Channel.NOTICE_BOARD],
        proof_photo=_png(),
    )
    draft = disclosures.record_disclosure(
        organisation=school,
        obligation=staff_obligation,
        actor=principal,
        title="Kế hoạch công tác tháng 12",
        body="Nội dung đã công khai để mọi người đọc.",
        decision_date=dt.date(2026, 11, 18),
    )
    public = disclosures.record_disclosure(
        organisation=school,
        obligation=public_obligation,
        actor=principal,
        title="Thu, chi tài chính năm 2025",
        body="Nội dung đã công khai để mọi người đọc.",
        year=2026,
    )
    public = disclosures.publish_disclosure(
        item=public,
        actor=principal,
        published_on=dt.date(2026, 6, 20),
        channels=[Channel.PORTAL],
        proof_url="https://thanhto.example/tai-chinh",
    )
    request = disclosures.request_information(
        organisation=school,
        requester=teacher,
        reason=RequestReason.PERIOD_ENDED,
        text="Xin xem lại dự toán năm 2026.",
    )

    def motion(title):
        return ballots.create_ballot(
            organisation=school,
            actor=principal,
            title=title,
            method=BallotMethod.MOTION,
            secrecy=Secrecy.SECRET,
            electorate_kind=ElectorateKind.ALL_STAFF,
            rule=RulePreset.CONFERENCE,
        )

    open_ballot = ballots.open_ballot(ballot=motion("Biểu quyết đang mở"), actor=principal)
    ballots.cast_ballot(ballot=open_ballot, voter=deputy, choices=["yes"])
    closed = ballots.open_ballot(ballot=motion("Biểu quyết đã kết thúc"), actor=principal)
    ballots.cast_ballot(ballot=closed, voter=deputy, choices=["yes"])
    closed = ballots.close_ballot(ballot=closed, actor=principal)
    draft_ballot = motion("Biểu quyết đang chuẩn bị")
    return {
        "published": published,
        "draft": draft,
        "public": public,
        "request": request,
        "open": open_ballot,
        "closed": closed,
        "draft_ballot": draft_ballot,
        "school": school,
    }


def _login(client, request, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))


def _get_urls(world):
    school = world["school"]
    return {
        "register": reverse("democracy:register") + f"?truong={school.slug}",
        "item_new": reverse("democracy:item_new"),
        "item": reverse("democracy:item", args=[world["published"].public_id]),
        "item_draft": reverse("democracy:item", args=[world["draft"].public_id]),
        "unread": reverse("democracy:unacknowledged", args=[world["published"].public_id]),
        "document": reverse("democracy:document", args=[world["published"].public_id]),
        "proof": reverse("democracy:proof", args=[world["published"].public_id]),
        "requests": reverse("democracy:requests"),
        "request": reverse("democracy:request", args=[world["request"].public_id]),
        "ballots": reverse("democracy:ballots") + f"?truong={school.slug}",
        "ballot_new": reverse("democracy:ballot_new"),
        "ballot_open": reverse("democracy:ballot", args=[world["open"].public_id]),
        "ballot_closed": reverse("democracy:ballot", args=[world["closed"].public_id]),
        "ballot_draft": reverse("democracy:ballot", args=[world["draft_ballot"].public_id]),
        "receipt": reverse("democracy:receipt_check", args=[world["open"].public_id]),
        "public": reverse("democracy:public", args=[school.slug]),
        "public_item": reverse(
            "democracy:public_item", args=[school.slug, world["public"].public_id]
        ),
    }


GET_ENDPOINTS = [
    "register",
    "item_new",
    "item",
    "item_draft",
    "unread",
    "document",
    "proof",
    "requests",
    "request",
    "ballots",
    "ballot_new",
    "ballot_open",
    "ballot_closed",
    "ballot_draft",
    "receipt",
    "public",
    "public_item",
]
# One letter per endpoint, in the order above: Y = 200, n = 404, L = 302 to the login page.
# For other_school_principal, the pages without an object in their address are of their own
# school, hence Y there.
GET_MATRIX = {
    "principal":              "YYYYYYYYYYYYYYYYY",
    "deputy":                 "YYYYYYYYYYYYYYYYY",
    "union_officer":          "YnYYnYYYYYnYYnYYY",
    "inspector":              "YnYYnYYYYYnYYnYYY",
    "teacher":                "YnYnnYnYYYnYYnYYY",
    "clerk":                  "YnYnnYnYnYnYYnYYY",
    "authority_officer":      "YnYYnYYnnYnYYnnYY",
    "parent":                 "nnnnnnnnnnnnnnnYY",
    "outsider":               "nnnnnnnnnnnnnnnYY",
    "other_school_principal": "nYnnnnnYnnYnnnnYY",
    "anonymous":              "LLLLLLLLLLLLLLLYY",
}  # fmt: skip
CODES = {"Y": 200, "n": 404, "L": 302}


@pytest.mark.parametrize("persona", PERSONAS)
def test_read_matrix(client, request, world, persona):
    # given
    _login(client, request, persona)
    urls = _get_urls(world)
    # when
    found = tuple(client.get(urls[endpoint]).status_code for endpoint in GET_ENDPOINTS)
    # then
    expected = tuple(CODES[letter] for letter in GET_MATRIX[persona])
    assert dict(zip(GET_ENDPOINTS, found, strict=True)) == dict(
        zip(GET_ENDPOINTS, expected, strict=True)
    )


@pytest.mark.parametrize("persona", PERSONAS[:7])
def test_nobody_sees_an_open_tally_and_everyone_sees_the_same_closed_one(
    client, request, world, persona
):
    # given
    _login(client, request, persona)
    urls = _get_urls(world)
    # when
    open_page = client.get(urls["ballot_open"])
    closed_page = client.get(urls["ballot_closed"])
    # then: no results block and no tally in the context while open, for the head too
    assert "results" not in open_page.context
    assert 'id="khu-ket-qua"' not in open_page.content.decode()
    assert closed_page.context["results"] == Ballot.objects.get(pk=world["closed"].pk).result
    assert 'id="khu-ket-qua"' in closed_page.content.decode()


def _state(school):
    """Everything of Thành Tô that a POST could change."""
    return (
        tuple(
            DisclosureItem.objects.filter(organisation=school)
            .order_by("pk")
            .values_list("published_on", "taken_down_on", "withdrawn")
        ),
        Acknowledgement.objects.filter(item__organisation=school).count(),
        tuple(
            InformationRequest.objects.filter(organisation=school)
            .order_by("pk")
            .values_list("status", "answer")
        ),
        tuple(
            Ballot.objects.filter(organisation=school)
            .order_by("pk")
            .values_list("status", "result")
        ),
        Participation.objects.filter(ballot__organisation=school).count(),
        BallotPaper.objects.filter(ballot__organisation=school).count(),
        SealedPaper.objects.filter(ballot__organisation=school).count(),
        DemocracyEvent.objects.filter(organisation=school).count(),
    )


def _post(world, endpoint):
    published, draft = world["published"], world["draft"]
    return {
        "record": (
            reverse("democracy:item_new"),
            {
                "obligation": DisclosureObligation.objects.get(code="noi-bo-noi-quy-quy-che").pk,
                "title": "Nội quy cơ quan",
                "decision_date": "2026-11-19",
            },
        ),
        "publish": (
            reverse("democracy:publish", args=[draft.public_id]),
            {"published_on": "2026-11-19", "channels": ["notice_board"]},
        ),
        "take_down": (
            reverse("democracy:take_down", args=[published.public_id]),
            {"taken_down_on": "2026-11-20"},
        ),
        "withdraw": (
            reverse("democracy:withdraw", args=[published.public_id]),
            {"reason": "Nhầm."},
        ),
        "acknowledge": (reverse("democracy:acknowledge", args=[published.public_id]), {}),
        "request": (
            reverse("democracy:requests"),
            {"reason": "not_disclosed", "text": "Xin thông tin quyết toán."},
        ),
        "answer": (
            reverse("democracy:request", args=[world["request"].public_id]),
            {"answer": "Đã gửi bản sao."},
        ),
        "ballot_new": (
            reverse("democracy:ballot_new"),
            {
                "title": "Biểu quyết mới",
                "purpose": "general",
                "method": "motion",
                "secrecy": "secret",
                "electorate_kind": "all_staff",
                "rule": "conference",
            },
        ),
        "open": (reverse("democracy:ballot_open", args=[world["draft_ballot"].public_id]), {}),
        "vote": (
            reverse("democracy:ballot_vote", args=[world["open"].public_id]),
            {"choice": "no"},
        ),
        "close": (reverse("democracy:ballot_close", args=[world["open"].public_id]), {}),
        "cancel": (
            reverse("democracy:ballot_cancel", args=[world["open"].public_id]),
            {"reason": "Hoãn."},
        ),
    }[endpoint]


# Addresses without an object act on the user's own school.
OWN_SCHOOL_ENDPOINTS = {"record", "request", "ballot_new"}
POST_ENDPOINTS = [
    "record",
    "publish",
    "take_down",
    "withdraw",
    "acknowledge",
    "request",
    "answer",
    "ballot_new",
    "open",
    "vote",
    "close",
    "cancel",
]
ALLOWED = {
    "principal": set(POST_ENDPOINTS),
    "deputy": set(POST_ENDPOINTS) - {"vote"},  # the deputy already voted in the open ballot
    "union_officer": {"acknowledge", "request", "vote"},
    "inspector": {"acknowledge", "request", "vote"},
    "teacher": {"acknowledge", "request", "vote"},
    "clerk": {"acknowledge", "request", "vote"},
}


@pytest.mark.parametrize("endpoint", POST_ENDPOINTS)
@pytest.mark.parametrize("persona", PERSONAS)
def test_write_matrix(client, request, world, persona, endpoint):
    # given
    _login(client, request, persona)
    url, data = _post(world, endpoint)
    before = _state(world["school"])
    # when
    response = client.post(url, data)
    # then
    allowed = endpoint in ALLOWED.get(persona, set())
    if persona == "anonymous":
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    elif allowed:
        # a vote is answered with its receipt, shown on the response itself (no redirect)
        assert response.status_code == (200 if endpoint == "vote" else 302)
        assert _state(world["school"]) != before, "an allowed action should change something"
        return
    elif endpoint == "vote" and persona == "deputy":
        assert response.status_code == 302  # refused with a message: already voted
    elif persona == "other_school_principal" and endpoint in OWN_SCHOOL_ENDPOINTS:
        assert response.status_code in {200, 302}  # acts on their own school only
    else:
        assert response.status_code == 404
    assert _state(world["school"]) == before
