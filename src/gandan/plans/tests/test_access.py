"""Who may see and do what on plans: every endpoint against the cast of personas.

What each persona may do with Thành Tô's plan:
- principal, deputy: manage (import, edit, issue, assign, issue the report), see all evidence.
- teacher: staff, reads the plan; reports on, and downloads the evidence of, their own
  assignment only.
- clerk, inspector: staff, read the plan; no assignment of theirs, no evidence.
- authority_officer (the ward): reads the plan and its evidence; changes nothing of it (his
  import page is the ward's: what he imports is the ward's own plan).
- other_school_principal, outsider: a 404 on everything of Thành Tô.
- anonymous: sent to the login page.
"""

import datetime as dt

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.paperwork.models import OutgoingDocument
from gandan.plans import services, views
from gandan.plans.models import Assignment, Evidence, Plan, PlanEvent, ProgressUpdate
from gandan.plans.tests import factories

LOGIN = "/dang-nhap/"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    return settings.MEDIA_ROOT


@pytest.fixture
def world(school, principal, deputy, teacher, clerk, media):
    """A draft plan; task 2 given to the teacher, task 3 to the deputy, each with evidence."""
    plan = factories.import_seed(school, principal)
    mine = services.assign_task(
        task=plan.tasks.get(number="2"),
        actor=principal,
        assignee=teacher,
        due_date=dt.date(2030, 6, 1),
    )
    theirs = services.assign_task(
        task=plan.tasks.get(number="3"),
        actor=principal,
        assignee=deputy,
        due_date=dt.date(2030, 6, 1),
    )
    evidence = {}
    for key, assignment, author in (("mine", mine, teacher), ("theirs", theirs, deputy)):
        update = services.report_progress(
            assignment=assignment,
            author=author,
            expected_version=1,
            status="in_progress",
            percent=20,
            text="Đang thực hiện.",
            files=[factories.png()],
        )
        evidence[key] = update.evidence.get()
    return {"plan": plan, "mine": mine, "theirs": theirs, "evidence": evidence}


def _state(plan: Plan) -> tuple:
    plan = Plan.objects.get(pk=plan.pk)
    return (
        Plan.objects.count(),
        plan.status,
        plan.version,
        plan.title,
        Assignment.objects.count(),
        tuple(Assignment.objects.order_by("pk").values_list("status", "percent", "version")),
        ProgressUpdate.objects.count(),
        Evidence.objects.count(),
        OutgoingDocument.objects.count(),
        PlanEvent.objects.count(),
    )


def _url(world, endpoint: str) -> str:
    plan = world["plan"]
    task = plan.tasks.get(number="1")
    return {
        "detail": reverse("plans:detail", args=[plan.public_id]),
        "export": reverse("plans:export", args=[plan.public_id, "docx"]),
        "report_docx": reverse("plans:report", args=[plan.public_id]),
        "report_issue": reverse("plans:report", args=[plan.public_id]),
        "import": reverse("plans:import"),
        "import_save": reverse("plans:import_save"),
        "edit": reverse("plans:edit", args=[plan.public_id]),
        "issue": reverse("plans:issue", args=[plan.public_id]),
        "withdraw": reverse("plans:withdraw", args=[plan.public_id]),
        "parents": reverse("plans:parents", args=[plan.public_id]),
        "assign_form": reverse("plans:assign", args=[plan.public_id, task.pk]),
        "assign": reverse("plans:assign", args=[plan.public_id, task.pk]),
        "progress_mine": reverse("plans:progress", args=[world["mine"].pk]),
        "progress_theirs": reverse("plans:progress", args=[world["theirs"].pk]),
        "evidence_mine": reverse("plans:evidence", args=[world["evidence"]["mine"].public_id]),
        "evidence_theirs": reverse("plans:evidence", args=[world["evidence"]["theirs"].public_id]),
    }[endpoint]


def _post_data(world, endpoint: str, teacher) -> dict:
    if endpoint == "edit":
        return {"version": 1, "title": "Tên do người khác sửa", "place": "Hải An"}
    if endpoint == "issue":
        return {"issued_on": "2026-09-01", "signer": "head"}
    if endpoint == "withdraw":
        return {"reason": "Ban hành nhầm bản dự thảo."}
    if endpoint == "assign":
        return {"assignee": teacher.pk, "working_days": 5}
    if endpoint == "progress_theirs":
        return {"version": 2, "status": "done", "percent": 100, "text": "Đã xong."}
    if endpoint == "import_save":
        parsed = factories.seed_parsed()
        payload = signing.dumps(
            {"plan": parsed.as_dict(), "source": "ke-hoach.txt"},
            salt=views.PREVIEW_SALT,
            compress=True,
        )
        # Another title: the same plan again would be refused as a duplicate (test_guards.py).
        title = "Kế hoạch thực hiện dân chủ ở cơ sở năm học 2026–2027"
        data = {"payload": payload, "title": title, "place": "Hải An", "bases": ""}
        for index, task in enumerate(parsed.tasks):
            data[f"task_{index}_heading"] = task.heading
        return data
    return {}


def _login(client, request, persona: str):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))


# Reading: 200 allowed, 404 refused (existence not revealed).
GET_ENDPOINTS = (
    "detail",
    "export",
    "report_docx",
    "import",
    "assign_form",
    "progress_mine",
    "evidence_mine",
    "evidence_theirs",
)
GET_MATRIX = {
    "principal": (200, 200, 200, 200, 200, 200, 200, 200),
    "deputy": (200, 200, 200, 200, 200, 200, 200, 200),
    "teacher": (200, 200, 200, 404, 404, 200, 200, 404),
    "clerk": (200, 200, 200, 404, 404, 404, 404, 404),
    "inspector": (200, 200, 200, 404, 404, 404, 404, 404),
    # The import page is the ward's own: what he imports is a plan of the ward.
    "authority_officer": (200, 200, 200, 200, 404, 404, 200, 200),
    # The import page is his own school's: what he imports lands in Đằng Hải.
    "other_school_principal": (404, 404, 404, 200, 404, 404, 404, 404),
    "outsider": (404, 404, 404, 404, 404, 404, 404, 404),
}


@pytest.mark.parametrize("persona", GET_MATRIX)
def test_get_matrix(client, request, world, persona):
    # given: reading changes nothing, so one persona walks every endpoint.
    _login(client, request, persona)
    before = _state(world["plan"])
    # when
    codes = {}
    for endpoint in GET_ENDPOINTS:
        response = client.get(_url(world, endpoint))
        codes[endpoint] = response.status_code
        # Close a served file without response.close(): that fires request_finished, which
        # closes the database connection inside the test's transaction on PostgreSQL.
        if getattr(response, "file_to_stream", None) is not None:
            response.file_to_stream.close()
    # then
    assert codes == dict(zip(GET_ENDPOINTS, GET_MATRIX[persona], strict=True))
    assert _state(world["plan"]) == before


@pytest.mark.parametrize("endpoint", GET_ENDPOINTS)
def test_anonymous_reader_is_sent_to_login(client, world, endpoint):
    # when
    response = client.get(_url(world, endpoint))
    # then
    assert response.status_code == 302
    assert response["Location"].startswith(f"{LOGIN}?next=")


# Writing: "done" redirects back after the change, 404 refuses and changes nothing.
POST_ENDPOINTS = (
    "edit",
    "issue",
    "withdraw",
    "parents",
    "assign",
    "report_issue",
    "progress_theirs",
    "import_save",
)
MANAGES = ("done",) * 8
REFUSED = (404,) * 8
POST_MATRIX = {
    "principal": MANAGES,
    "deputy": MANAGES,
    "teacher": REFUSED,
    "clerk": REFUSED,
    "inspector": REFUSED,
    # The ward's own import: what he saves is the ward's plan (test below).
    "authority_officer": (*REFUSED[:-1], "done"),
    # His own school's import: what he saves lands in Đằng Hải (test below).
    "other_school_principal": (*REFUSED[:-1], "done"),
    "outsider": REFUSED,
    "anonymous": ("login",) * 8,
}


@pytest.mark.parametrize(
    ("persona", "endpoint"),
    [
        (persona, endpoint)
        for persona, outcomes in POST_MATRIX.items()
        for endpoint, outcome in zip(POST_ENDPOINTS, outcomes, strict=True)
        if outcome == "done"
    ],
)
def test_allowed_post_changes_the_plan(client, request, world, teacher, persona, endpoint):
    # given: only an issued plan is withdrawn
    if endpoint == "withdraw":
        services.issue_plan(
            plan=world["plan"],
            actor=world["plan"].created_by,
            issued_on=dt.date(2026, 9, 1),
            signer=factories.head_signer(world["plan"].organisation),
        )
    _login(client, request, persona)
    before = _state(world["plan"])
    # when
    response = client.post(_url(world, endpoint), _post_data(world, endpoint, teacher))
    # then
    assert response.status_code == 302
    assert not response["Location"].startswith(LOGIN)
    assert _state(world["plan"]) != before


@pytest.mark.parametrize("persona", POST_MATRIX)
def test_refused_posts_change_nothing(client, request, world, teacher, persona):
    # given: refusals change nothing, so one persona tries every refused endpoint.
    _login(client, request, persona)
    refused = {
        endpoint: outcome
        for endpoint, outcome in zip(POST_ENDPOINTS, POST_MATRIX[persona], strict=True)
        if outcome != "done"
    }
    before = _state(world["plan"])
    # when
    outcomes = {}
    for endpoint in refused:
        response = client.post(_url(world, endpoint), _post_data(world, endpoint, teacher))
        location = response.get("Location", "")
        login = response.status_code == 302 and location.startswith(f"{LOGIN}?next=")
        outcomes[endpoint] = "login" if login else response.status_code
    # then
    assert outcomes == refused
    assert _state(world["plan"]) == before


def test_other_school_import_lands_in_the_other_school(
    client, world, other_school, other_school_principal, teacher
):
    # given
    client.force_login(other_school_principal)
    # when
    client.post(_url(world, "import_save"), _post_data(world, "import_save", teacher))
    # then
    assert list(Plan.objects.values_list("organisation__slug", flat=True).order_by("pk")) == [
        "th-thanh-to",
        "th-dang-hai",
    ]


def test_the_ward_officers_import_is_the_wards_plan(
    client, world, ward, authority_officer, teacher
):
    # given
    client.force_login(authority_officer)
    # when
    client.post(_url(world, "import_save"), _post_data(world, "import_save", teacher))
    # then
    assert list(Plan.objects.values_list("organisation__slug", flat=True).order_by("pk")) == [
        "th-thanh-to",
        "ubnd-hai-an",
    ]


def test_plan_list_shows_only_the_users_school(
    client, world, principal, other_school_principal, outsider
):
    # given
    title = world["plan"].title
    # when
    client.force_login(principal)
    own = client.get(reverse("plans:list"))
    client.force_login(other_school_principal)
    other = client.get(reverse("plans:list"))
    client.force_login(outsider)
    nobody = client.get(reverse("plans:list"))
    # then
    assert (own.status_code, other.status_code, nobody.status_code) == (200, 200, 404)
    assert title in own.content.decode()
    assert title not in other.content.decode()


def _count_plan_page_queries(client, plan) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("plans:detail", args=[plan.public_id]))
    assert response.status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("persona", ["principal", "teacher"])
def test_plan_page_queries_do_not_grow_with_assignments(
    client,
    request,
    world,
    principal,
    teacher,
    subject_group,
    persona,
    django_assert_max_num_queries,
):
    # given
    client.force_login(request.getfixturevalue(persona))
    plan = world["plan"]
    few = _count_plan_page_queries(client, plan)
    for task in plan.tasks.all():
        if task.number != "2":  # task 2 is the teacher's already
            services.assign_task(
                task=task, actor=principal, assignee=teacher, due_date=dt.date(2030, 1, 1)
            )
        services.assign_task(
            task=task, actor=principal, unit=subject_group, due_date=dt.date(2020, 1, 1)
        )
    # when
    with django_assert_max_num_queries(20):
        many = _count_plan_page_queries(client, plan)
    # then
    assert Assignment.objects.count() == 13
    assert many == few
