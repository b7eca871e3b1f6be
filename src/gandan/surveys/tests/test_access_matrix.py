"""Who may see and do what with surveys: every staff page and action against the cast.

Expected, per persona:
- principal, deputy (managers): everything; results at any time, free text included;
- inspector (people's inspection board): reads full results and the school's index; changes
  nothing;
- teacher, clerk (other staff): see non-draft surveys and the summary of closed ones (index,
  counts, never free text); not the school's index;
- authority_officer (ward): like other staff, reached with ?truong=<school>; also the index;
- other_school_principal, outsider: 404 everywhere at Thành Tô;
- parent: no account; sent to the login page (answers only through the public link).
Every refusal is a 404 (or the login page) and changes nothing.
"""

import pytest
from django.urls import reverse

from gandan.audit.models import AuditEvent
from gandan.surveys import services
from gandan.surveys.models import Mode, Question, Response, Survey, SurveyEvent
from gandan.surveys.tests.conftest import answer_map, build_survey

PERSONAS = [
    "principal",
    "deputy",
    "inspector",
    "teacher",
    "clerk",
    "authority_officer",
    "other_school_principal",
    "outsider",
    "parent",
]
FREE_TEXT = "Cô chủ nhiệm lớp 3A rất tận tâm"


@pytest.fixture
def world(school, principal, request):
    for name in PERSONAS[1:-1]:
        request.getfixturevalue(name)
    running = build_survey(school, principal, title="Đang lấy ý kiến", mode=Mode.IDENTIFIED)
    services.submit_response(
        survey=running,
        answers=answer_map(running, (5, 4, 4), text=FREE_TEXT),
        identifier="0912345678",
        consent=True,
    )
    closed = build_survey(school, principal, title="Đã kết thúc")
    services.submit_response(survey=closed, answers=answer_map(closed, (3, 3, 3), text=FREE_TEXT))
    closed = services.close_survey(survey=closed, actor=principal)
    draft = build_survey(school, principal, title="Bản nháp", open_it=False)
    return {"running": running, "closed": closed, "draft": draft}


def _client(client, request, persona):
    if persona != "parent":
        client.force_login(request.getfixturevalue(persona))
    return client


def _state() -> tuple:
    return (
        tuple(Survey.objects.order_by("pk").values_list("status", "title", "mode", "closes_at")),
        Question.objects.count(),
        Response.objects.count(),
        SurveyEvent.objects.count(),
        AuditEvent.objects.filter(object_type="surveys.survey").count(),
    )


SUMMARY_READERS = {"teacher", "clerk", "authority_officer"}
RESULT_READERS = {"principal", "deputy", "inspector"}
MANAGERS = {"principal", "deputy"}
STAFF = RESULT_READERS | {"teacher", "clerk"}

# (page, survey or None, query string) → personas that get 200. Pages without a survey in
# the address are about the reader's own school: the other school's head gets hers.
OWN = {"other_school_principal"}
PAGES = [
    ("surveys:list", None, "", STAFF | OWN),
    ("surveys:list", None, "?truong=th-thanh-to", STAFF | {"authority_officer"}),
    ("surveys:new", None, "", MANAGERS | OWN),
    ("surveys:index", None, "", RESULT_READERS | OWN),
    ("surveys:index", None, "?truong=th-thanh-to", RESULT_READERS | {"authority_officer"}),
    ("surveys:detail", "running", "", STAFF | {"authority_officer"}),
    ("surveys:detail", "draft", "", MANAGERS),
    ("surveys:edit", "draft", "", MANAGERS),
    ("surveys:poster", "running", "", STAFF | {"authority_officer"}),
    ("surveys:results", "running", "", RESULT_READERS),
    ("surveys:results", "closed", "", RESULT_READERS | SUMMARY_READERS),
    ("surveys:results", "draft", "", MANAGERS),
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
    if persona == "parent":
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")
    else:
        assert response.status_code == (200 if persona in allowed else 404)
    assert _state() == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_free_text_is_for_managers_and_the_inspection_board_only(client, request, world, persona):
    client = _client(client, request, persona)
    response = client.get(reverse("surveys:results", args=[world["closed"].public_id]))
    if response.status_code != 200:
        assert persona not in RESULT_READERS | SUMMARY_READERS
        return
    html = response.content.decode()
    assert (FREE_TEXT in html) == (persona in RESULT_READERS)
    assert response.context["index"].n == 1  # every reader sees the index


@pytest.mark.parametrize("persona", PERSONAS)
def test_other_schools_surveys_are_not_listed(client, request, world, persona):
    client = _client(client, request, persona)
    response = client.get(reverse("surveys:list"))
    if response.status_code == 200:
        titles = {s.title for s in response.context["surveys"]}
        if persona == "other_school_principal":
            assert titles == set()
        else:
            assert ("Bản nháp" in titles) == (persona in MANAGERS)


def _actions(world):
    running, draft = world["running"], world["draft"]
    question = draft.questions.first()
    return [
        ("surveys:open", [draft.public_id], {}),
        ("surveys:close", [running.public_id], {}),
        (
            "surveys:edit",
            [draft.public_id],
            {"title": "Đổi tên", "audience": "parents", "mode": "anonymous"},
        ),
        (
            "surveys:question_add",
            [draft.public_id],
            {"kind": "text", "text": "Câu hỏi mới", "required": "on"},
        ),
        ("surveys:question_remove", [draft.public_id, question.pk], {}),
        ("surveys:erase", [running.public_id], {"identifier": "0912345678"}),
    ]


ACTION_NAMES = [
    "surveys:open",
    "surveys:close",
    "surveys:edit",
    "surveys:question_add",
    "surveys:question_remove",
    "surveys:erase",
]


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p not in MANAGERS])
@pytest.mark.parametrize("action", ACTION_NAMES)
def test_refused_actions_change_nothing(client, request, world, persona, action):
    # given
    client = _client(client, request, persona)
    name, args, data = next(a for a in _actions(world) if a[0] == action)
    before = _state()
    # when
    response = client.post(reverse(name, args=args), data)
    # then
    if persona == "parent":
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")
    else:
        assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize("persona", sorted(MANAGERS))
@pytest.mark.parametrize("action", ACTION_NAMES)
def test_managers_actions_change_something(client, request, world, persona, action):
    client = _client(client, request, persona)
    name, args, data = next(a for a in _actions(world) if a[0] == action)
    before = _state()
    response = client.post(reverse(name, args=args), data)
    assert response.status_code == 302
    assert _state() != before
