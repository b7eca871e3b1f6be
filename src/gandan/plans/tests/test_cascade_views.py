"""Cascading plans through HTTP: the authority officer drafts, issues and sends the authority's
plan; the units' table; the school's plan page and the parent plan it may read.

Authorization matrix of the units page (src/gandan/conftest.py personas): only the officers of
the plan's own authority see it or send it; the school's teacher and head, another ward's
officer and the Sở's officer (for the ward's plan) get a 404 and change nothing.
"""

import datetime as dt
import html
import io

import docx
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gandan.orgs import services as org_services
from gandan.orgs.models import OrgKind, Role
from gandan.paperwork.signing import head_signer
from gandan.plans import services
from gandan.plans.models import ImplementationRequest, Plan, PlanStatus
from gandan.plans.tests import factories
from gandan.plans.tests.test_cascade import state

pytestmark = pytest.mark.django_db

D = dt.date
TODAY = D(2026, 9, 15)
ISSUED = D(2026, 9, 1)


@pytest.fixture(autouse=True)
def _in_september():
    moment = timezone.make_aware(dt.datetime.combine(TODAY, dt.time(10)))
    with time_machine.travel(moment, tick=False):
        yield


@pytest.fixture
def ward_plan(ward, authority_officer) -> Plan:
    return services.issue_plan(
        plan=factories.import_seed(ward, authority_officer),
        actor=authority_officer,
        issued_on=ISSUED,
        signer=head_signer(ward),
    )


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _cells(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text.strip()]


# --- the authority drafts and issues its own plan, as a school does -------------------------


def test_the_ward_officer_imports_edits_and_issues_the_wards_plan(client, ward, authority_officer):
    # given
    client.force_login(authority_officer)
    seed = SimpleUploadedFile("ke-hoach.txt", factories.SEED.read_bytes(), "text/plain")
    preview = client.post(reverse("plans:import"), {"file": seed})
    form = preview.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    data["title"] = "Thực hiện công tác dân vận của chính quyền trên địa bàn phường năm 2026"
    # when: saved, the signer recorded, then issued
    saved = client.post(reverse("plans:import_save"), data)
    plan = Plan.objects.get()
    client.post(
        reverse("plans:edit", args=[plan.public_id]),
        {
            "version": plan.version,
            "title": plan.title,
            "place": "Hải An",
            "signer_name": "Lê Văn Cường",
            "signer_title": "CHỦ TỊCH",
        },
    )
    issued = client.post(
        reverse("plans:issue", args=[plan.public_id]),
        {"issued_on": "2026-09-01", "signer": "recorded"},
    )
    # then: the ward's plan, numbered in the ward's register, signed as recorded
    assert saved.status_code == issued.status_code == 302
    plan.refresh_from_db()
    assert plan.organisation == ward and plan.status == PlanStatus.ISSUED
    assert plan.number_symbol == "01/KH-UBND"
    download = client.get(reverse("plans:export", args=[plan.public_id, "docx"]))
    document = docx.Document(io.BytesIO(download.content))
    bodies, _national = document.tables[0].rows[0].cells
    # Nghị định 30/2020, Phụ lục I, II.2: a UBND phường prints no managing body above it.
    assert [line.replace("\n", " ") for line in _cells(bodies)] == ["ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN"]
    recipients, signer = document.tables[-1].rows[0].cells
    assert _cells(signer) == ["CHỦ TỊCH", "Lê Văn Cường"]
    assert "- Các đơn vị trực thuộc (để thực hiện);" in _cells(recipients)
    # and: the page offers the units' table
    page = _text(client.get(reverse("plans:detail", args=[plan.public_id])))
    assert reverse("plans:units", args=[plan.public_id]) in page
    assert "chưa giao cho đơn vị nào." in page


def test_the_wards_issue_form_offers_no_school_head(client, ward, authority_officer):
    client.force_login(authority_officer)
    plan = factories.import_seed(ward, authority_officer)
    page = _text(client.get(reverse("plans:detail", args=[plan.public_id])))
    assert "Người ký ghi ở dự thảo" in page
    assert "Hiệu trưởng ký" not in page


# --- sending it to the units, through the page ----------------------------------------------


def _units(plan) -> str:
    return reverse("plans:units", args=[plan.public_id])


def test_the_officer_sends_the_plan_and_sees_the_table(
    client, ward_plan, school, other_school, principal, authority_officer
):
    # given: Thành Tô has already issued a plan implementing the ward's
    services.cascade_plan(
        plan=ward_plan, actor=authority_officer, organisations=[school], due_on=D(2026, 9, 30)
    )
    mine = services.issue_plan(
        plan=factories.import_seed(school, principal),
        actor=principal,
        issued_on=D(2026, 9, 10),
        signer=head_signer(school),
    )
    services.set_parent_plans(plan=mine, actor=principal, parents=[ward_plan])
    client.force_login(authority_officer)
    # when: Đằng Hải is sent the plan through the form
    response = client.post(
        _units(ward_plan), {"organisations": [other_school.pk], "due_on": "30/09/2026"}
    )
    # then
    assert response.status_code == 302
    assert set(ImplementationRequest.objects.values_list("organisation__slug", flat=True)) == {
        "th-thanh-to",
        "th-dang-hai",
    }
    page = _text(client.get(_units(ward_plan)))
    assert "Ban hành đúng hạn" in page and "Chưa ban hành, còn hạn" in page
    assert f"Số {mine.number_symbol}" in page and "10/09/2026" in page
    assert reverse("plans:detail", args=[mine.public_id]) in page
    # and: the school's plan is read-only for the officer
    school_page = _text(client.get(reverse("plans:detail", args=[mine.public_id])))
    assert reverse("plans:issue", args=[mine.public_id]) not in school_page
    first_task = mine.tasks.order_by("order")[0]
    assert reverse("plans:assign", args=[mine.public_id, first_task.pk]) not in school_page


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"due_on": "30/09/2026"}, "organisations", "Hãy chọn ít nhất một đơn vị."),
        ({"organisations": ["school"]}, "due_on", "Hãy nhập hạn ban hành kế hoạch thực hiện."),
        (
            {"organisations": ["school"], "due_on": "14/09/2026"},
            "due_on",
            "Hạn ban hành không được ở trong quá khứ.",
        ),
        (
            {"organisations": ["school"], "due_on": "31/02/2026"},
            "due_on",
            "Ngày không hợp lệ; hãy nhập theo dạng ngày/tháng/năm.",
        ),
        (
            {"organisations": ["far"], "due_on": "30/09/2026"},
            "organisations",
            "Đơn vị đã chọn không thuộc quyền quản lý của cơ quan.",
        ),
        (
            {"organisations": ["nonsense"], "due_on": "30/09/2026"},
            "organisations",
            "Đơn vị đã chọn không hợp lệ.",
        ),
    ],
)
def test_bad_input_is_shown_in_vietnamese_and_changes_nothing(
    client, ward_plan, school, other_ward_officer, authority_officer, data, field, message
):
    # given: a school of another ward, which this ward may not send plans to
    far = org_services.create_organisation(
        actor=None,
        parent=other_ward_officer.memberships.get().organisation,
        slug="th-le-chan",
        kind=OrgKind.SCHOOL,
        name="Trường Tiểu học Lê Chân",
        symbol="THLC",
    )
    pks = {"school": school.pk, "far": far.pk, "nonsense": "mot"}
    data = {**data, "organisations": [pks[key] for key in data.get("organisations", [])]}
    client.force_login(authority_officer)
    before = state()
    # when
    response = client.post(_units(ward_plan), data)
    # then
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert message in _text(response)
    assert state() == before


UNITS_MATRIX = {
    # persona: (GET, POST)
    "authority_officer": (200, 302),
    "teacher": (404, 404),
    "principal": (404, 404),
    "other_school_principal": (404, 404),
    "other_ward_officer": (404, 404),
    "department_officer": (404, 404),
    "outsider": (404, 404),
}


@pytest.mark.parametrize("persona", UNITS_MATRIX)
def test_the_units_page_is_the_authoritys_own(client, request, ward_plan, school, persona):
    # given: the plan was sent to Thành Tô
    officer = request.getfixturevalue("authority_officer")
    services.cascade_plan(
        plan=ward_plan, actor=officer, organisations=[school], due_on=D(2026, 9, 30)
    )
    other_school = request.getfixturevalue("other_school")
    client.force_login(request.getfixturevalue(persona))
    before = state()
    # when
    got = client.get(_units(ward_plan)).status_code
    posted = client.post(
        _units(ward_plan), {"organisations": [other_school.pk], "due_on": "30/09/2026"}
    ).status_code
    # then: only the ward's officer sends it; every refusal changes nothing
    if posted == 404:
        assert state() == before
    else:
        assert ImplementationRequest.objects.count() == 2
    assert (got, posted) == UNITS_MATRIX[persona]


def test_a_draft_cannot_be_sent(client, ward, authority_officer, school):
    draft = factories.import_seed(ward, authority_officer)
    client.force_login(authority_officer)
    page = client.get(_units(draft))
    assert page.status_code == 200 and page.context["form"] is None
    assert "chỉ giao được kế hoạch đã ban hành" in _text(page)
    posted = client.post(_units(draft), {"organisations": [school.pk], "due_on": "30/09/2026"})
    assert posted.status_code == 404
    assert not ImplementationRequest.objects.exists()


def test_the_units_page_says_when_the_authority_has_no_unit(client, department_officer, db):
    # given: a Sở with no school guided by it yet
    department = department_officer.memberships.get().organisation
    plan = services.issue_plan(
        plan=factories.import_seed(department, department_officer),
        actor=department_officer,
        issued_on=ISSUED,
        signer=head_signer(department),
    )
    client.force_login(department_officer)
    # when
    page = _text(client.get(_units(plan)))
    # then
    assert "Cơ quan chưa có đơn vị trực thuộc nào trên hệ thống" in page


def _grow(ward, department, plan, officer, count: int, start: int) -> None:
    """More schools, each sent the plan, with an issued implementing plan and assignments."""
    for index in range(start, start + count):
        unit = org_services.create_organisation(
            actor=None,
            parent=ward,
            guided_by=department,
            slug=f"th-dv-{index}",
            kind=OrgKind.SCHOOL,
            name=f"Trường Tiểu học Số {index}",
            symbol=f"TS{index}",
            place_name="Hải An",
        )
        head = org_services.create_person(
            actor=None, username=f"ht{index}", full_name=f"Hiệu Trưởng {index}", password="x"
        )
        org_services.grant_role(
            actor=None, user=head, organisation=unit, role=Role.HEAD, title="Hiệu trưởng"
        )
        services.cascade_plan(plan=plan, actor=officer, organisations=[unit], due_on=D(2026, 9, 30))
        if index % 2:
            continue  # half of them have not issued yet
        child = Plan.objects.create(
            organisation=unit,
            title="Kế hoạch thực hiện",
            year=2026,
            status=PlanStatus.ISSUED,
            issued_on=D(2026, 9, 10),
            number_symbol=f"01/KH-TS{index}",
        )
        child.parents.add(plan)
        task = child.tasks.create(order=1, number="1", heading="Tuyên truyền")
        services.assign_task(task=task, actor=head, assignee=head, due_date=D(2026, 9, 20))


@pytest.mark.parametrize("page", ["units", "list"])
def test_the_authority_pages_queries_do_not_grow_with_the_units(
    client, ward, department, ward_plan, authority_officer, page
):
    client.force_login(authority_officer)
    url = _units(ward_plan) if page == "units" else reverse("plans:list")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries.captured_queries)

    _grow(ward, department, ward_plan, authority_officer, 2, 0)
    two = count()
    _grow(ward, department, ward_plan, authority_officer, 4, 2)
    six = count()
    assert ImplementationRequest.objects.count() == 6
    assert six == two


# --- the school's side ----------------------------------------------------------------------


def test_the_school_plan_says_what_it_implements_with_the_due_date(
    client, department, school, principal, department_officer
):
    # given: the Sở's plan sent to Thành Tô, which links its plan to it
    sở_plan = services.issue_plan(
        plan=factories.import_seed(department, department_officer),
        actor=department_officer,
        issued_on=D(2026, 7, 20),
        signer=head_signer(department),
    )
    services.cascade_plan(
        plan=sở_plan, actor=department_officer, organisations=[school], due_on=D(2026, 8, 19)
    )
    mine = factories.import_seed(school, principal)
    client.force_login(principal)
    # when: the head picks it among the candidates on the plan page
    page = _text(client.get(reverse("plans:detail", args=[mine.public_id])))
    assert f"{sở_plan.number_symbol} — Sở Giáo dục và Đào tạo Hải Phòng" in page
    client.post(reverse("plans:parents", args=[mine.public_id]), {"parents": [sở_plan.pk]})
    page = _text(client.get(reverse("plans:detail", args=[mine.public_id])))
    # then
    assert (
        "Thực hiện Kế hoạch số 01/KH-SGDĐT ngày 20/7/2026 của Sở Giáo dục và Đào tạo Hải Phòng"
        in page
    )
    assert "hạn ban hành kế hoạch thực hiện: 19/08/2026" in page


def test_the_schools_staff_read_the_plan_sent_to_them_and_nobody_else(
    client, ward_plan, school, teacher, other_school_principal, authority_officer
):
    # given
    url = reverse("plans:detail", args=[ward_plan.public_id])
    client.force_login(teacher)
    assert client.get(url).status_code == 404
    # when: sent to Thành Tô only
    services.cascade_plan(
        plan=ward_plan, actor=authority_officer, organisations=[school], due_on=D(2026, 9, 30)
    )
    # then: Thành Tô's teacher reads it, without actions; Đằng Hải's head does not
    page = client.get(url)
    assert page.status_code == 200
    assert reverse("plans:units", args=[ward_plan.public_id]) not in _text(page)
    client.force_login(other_school_principal)
    assert client.get(url).status_code == 404


def test_the_heads_desk_shows_the_request(client, ward_plan, school, principal, authority_officer):
    services.cascade_plan(
        plan=ward_plan, actor=authority_officer, organisations=[school], due_on=D(2026, 9, 30)
    )
    client.force_login(principal)
    page = _text(client.get(reverse("desk")))
    assert "Cấp trên đề nghị xây dựng kế hoạch thực hiện:" in page
    assert "Kế hoạch số 01/KH-UBND ngày 1/9/2026 của UBND phường Hải An" in page
    assert "hạn ban hành kế hoạch thực hiện 30/09/2026" in page


def test_the_units_to_choose_come_in_vietnamese_alphabetical_order(
    client, ward, department, ward_plan, school, other_school, authority_officer
):
    # given: a third school whose name starts with N (after Đ in the Vietnamese alphabet)
    org_services.create_organisation(
        actor=None,
        parent=ward,
        guided_by=department,
        slug="th-nam-hai",
        kind=OrgKind.SCHOOL,
        name="Trường Tiểu học Nam Hải",
    )
    client.force_login(authority_officer)
    # when
    form = client.get(_units(ward_plan)).context["form"]
    # then: Đằng Hải, Nam Hải, Thành Tô (not by code point, which puts Đ after T)
    labels = [label for _value, label in form.fields["organisations"].choices]
    assert labels == [
        "Trường Tiểu học Đằng Hải",
        "Trường Tiểu học Nam Hải",
        "Trường Tiểu học Thành Tô",
    ]
