"""What each role sees of a case, field by field, on every surface (access.py).

Found before: the inspection board saw citizens' names on case pages, in the API `sender`
field, in the timeline and in the letters, although access.py said "no contacts"; and
parents'-board members were offered as resolvers. The law gives the board supervision of how
cases are handled (Luật Thực hiện dân chủ ở cơ sở 2022, Điều 61), not the citizen's personal
data (Luật Bảo vệ dữ liệu cá nhân 2025: processed only for the purpose consented to).

The matrix: roles (head, clerk, resolver, verifier, inspection board) × fields (the sender's
name, phone, the content, a refusal reason in the timeline) × surfaces (the case page, the
API, the timeline of both, the letter's download).
"""

import pytest
from django.urls import reverse

from gandan.api.tests.conftest import bearer
from gandan.orgs import services as org_services
from gandan.orgs.models import OrgKind, Role
from gandan.petitions import services
from gandan.petitions.forms.staff import AssignForm
from gandan.petitions.tests.conftest import RECEIVED

NAME = "Trần Văn Phụ Huynh"
PHONE = "0987654321"
CONTENT = "Khi mưa to, nước dột xuống bàn học sinh"
ANSWER = "Nhà trường đã thay tấm tôn lớp 2A"

ROLES = ["principal", "clerk", "resolver", "verifier", "inspector"]
# field: roles that see it
SEES = {
    "name": {"principal", "clerk", "resolver", "verifier"},
    "phone": {"principal", "clerk", "resolver"},
    "content": {"principal", "clerk", "resolver", "verifier"},
    "answer": {"principal", "clerk", "resolver", "verifier"},
}
LETTERS = {"principal", "clerk", "resolver", "verifier"}


@pytest.fixture
def case(feedback, principal, resolver, verifier, clerk, inspector):
    services.assign_case(case=feedback, actor=principal, handler=resolver, verifiers=[verifier])
    services.issue_acknowledgement(case=feedback, actor=clerk, on=RECEIVED)
    return services.resolve_case(
        case=feedback, actor=resolver, outcome="", public_answer=ANSWER, on=RECEIVED
    )


VALUES = {"name": NAME, "phone": PHONE, "content": CONTENT, "answer": ANSWER}


@pytest.mark.parametrize("role", ROLES)
def test_the_case_page(client, request, case, role):
    client.force_login(request.getfixturevalue(role))
    page = client.get(reverse("petitions:detail", args=[case.public_id])).content.decode()
    for field, value in VALUES.items():
        assert (value in page) == (role in SEES[field]), (role, field)
    # the timeline is there for everyone, by kind and document number for the board
    assert "Thông báo tiếp nhận, văn bản số 01/TB-THTT" in page or role != "inspector"
    assert "Giải quyết" in page


@pytest.mark.parametrize("role", ROLES)
def test_the_api(client, request, case, role):
    user = request.getfixturevalue(role)
    response = client.get(f"/api/v1/cases/{case.public_id}", **bearer(user))
    assert response.status_code == 200
    body = response.json()
    text = response.content.decode()
    for field, value in VALUES.items():
        assert (value in text) == (role in SEES[field]), (role, field)
    assert (body["sender"] == NAME) == (role in SEES["name"])
    # the timeline in the API: the same lines as the page
    summaries = " ".join(event["summary"] for event in body["events"])
    assert (NAME in summaries) == (role in SEES["name"])
    assert len(body["events"]) == case.events.count()


@pytest.mark.parametrize("role", ROLES)
def test_the_letters(client, request, case, role):
    client.force_login(request.getfixturevalue(role))
    for document in services.case_documents(case):
        url = reverse("petitions:document", args=[case.public_id, document.pk])
        assert client.get(url).status_code == (200 if role in LETTERS else 404)


def test_the_board_supervises_deadlines_and_the_timeline(client, case, inspector):
    client.force_login(inspector)
    page = client.get(reverse("petitions:detail", args=[case.public_id])).content.decode()
    assert "Người gửi (thông tin cá nhân không hiển thị)" in page
    assert "Ban thanh tra nhân dân giám sát việc giải quyết" in page
    assert "Đã giải quyết" in page  # the status
    assert "Mái tôn lớp 2A bị dột" in page  # the title


def test_parents_board_members_are_not_offered_as_resolvers(school, inspector, teacher):
    board = org_services.create_organisation(
        actor=None,
        parent=school,
        slug="th-thanh-to-cmhs",
        kind=OrgKind.PARENTS_BOARD,
        name="Ban đại diện cha mẹ học sinh",
    )
    parent = org_services.create_person(
        actor=None, username="phuhuynh", full_name="Đặng Thị Mẹ", password="mat-khau-thu-nghiem"
    )
    org_services.grant_role(
        actor=None, user=parent, organisation=board, role=Role.STAFF, title="Trưởng ban"
    )
    form = AssignForm(school=school)
    offered = set(form.fields["handler"].queryset)  # type: ignore[attr-defined]
    assert parent not in offered
    assert {inspector, teacher} <= offered
