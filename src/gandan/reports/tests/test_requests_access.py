"""Who may open and do what in the reports upward: an authorization matrix over every page and
action (a refusal is a 404 and changes nothing), the authority pages' query counts at two
sizes, and stored Vietnamese with English on screen."""

import datetime as dt
import json

import pytest
import time_machine
from django.db.models import Sum
from django.test import Client
from django.utils import timezone

from gandan.audit.models import AuditEvent
from gandan.orgs import services as org_services
from gandan.orgs.models import OrgKind, Role
from gandan.paperwork.models import OutgoingDocument
from gandan.reports import services
from gandan.reports.models import (
    IncomingDocument,
    ReportKind,
    ReportReminder,
    ReportRequest,
    ReportStatus,
    UnitReport,
)

D = dt.date
REQUESTED = D(2026, 6, 15)
DUE = D(2026, 6, 16)


@pytest.fixture(autouse=True)
def _in_june():
    with time_machine.travel(
        timezone.make_aware(dt.datetime.combine(D(2026, 6, 17), dt.time(10))), tick=False
    ):
        yield


@pytest.fixture
def ward_request(ward, school, other_school, authority_officer):
    return services.request_report(
        authority=ward,
        actor=authority_officer,
        kind=ReportKind.SIX_MONTHS,
        year=2026,
        due_on=DUE,
        on=REQUESTED,
    )


@pytest.fixture
def drafted(ward_request, school, principal):
    """Thành Tô's report, drafted (not issued)."""
    report = UnitReport.objects.get(request=ward_request, organisation=school)
    return services.draft_report(report=report, actor=principal, on=REQUESTED)


@pytest.fixture
def received(ward_request, other_school, other_school_principal):
    """Đằng Hải's report, issued and received on time."""
    report = UnitReport.objects.get(request=ward_request, organisation=other_school)
    services.draft_report(report=report, actor=other_school_principal, on=REQUESTED)
    services.issue_report(report=report, actor=other_school_principal, on=REQUESTED)
    return services.submit_report(report=report, actor=other_school_principal, on=DUE)


def snapshot() -> dict:
    """Everything a refused request could have changed."""
    return {
        "requests": list(ReportRequest.objects.values_list("pk", "status", "due_on")),
        "reports": list(
            UnitReport.objects.order_by("pk").values_list(
                "pk", "status", "version", "body", "document_id", "received_on", "return_comment"
            )
        ),
        "incoming": IncomingDocument.objects.count(),
        "reminders": ReportReminder.objects.count(),
        "documents": list(OutgoingDocument.objects.values_list("pk", "status")),
        "audit": AuditEvent.objects.count(),
    }


def attempt(client: Client, method: str, url: str):
    if method == "post":
        return client.post(url, {"comment": "Trả lại thử", "message": "", "version": "1"})
    return client.get(url)


def authority_endpoints(ward_request, received):
    request_id, report_id = ward_request.public_id, received.public_id
    return [
        ("get", f"/bao-cao/yeu-cau/{request_id}/"),
        ("post", f"/bao-cao/yeu-cau/{request_id}/nhac/"),
        ("post", f"/bao-cao/yeu-cau/{request_id}/ket-thuc/"),
        ("get", f"/bao-cao/da-nhan/{report_id}/"),
        ("get", f"/bao-cao/da-nhan/{report_id}/van-ban.docx"),
        ("post", f"/bao-cao/da-nhan/{report_id}/tra-lai/"),
    ]


def school_endpoints(drafted):
    report_id = drafted.public_id
    return [
        ("get", f"/bao-cao/cua-truong/{report_id}/"),
        ("post", f"/bao-cao/cua-truong/{report_id}/"),
        ("post", f"/bao-cao/cua-truong/{report_id}/lap-du-thao/"),
        ("post", f"/bao-cao/cua-truong/{report_id}/ban-hanh/"),
        ("post", f"/bao-cao/cua-truong/{report_id}/gui/"),
        ("get", f"/bao-cao/cua-truong/{report_id}/du-thao.docx"),
        ("get", f"/bao-cao/cua-truong/{report_id}/van-ban.docx"),
    ]


# Who is refused the ward's request: anyone who is not the ward's officer, the Sở's included.
AUTHORITY_REFUSED = [
    "teacher",
    "principal",
    "other_school_principal",
    "outsider",
    "department_officer",
]


@pytest.mark.parametrize("persona", AUTHORITY_REFUSED)
def test_the_ward_request_is_refused_to_others_and_nothing_changes(
    persona, request, ward_request, received, drafted
):
    # given: someone who is not an officer of the ward
    client = Client()
    client.force_login(request.getfixturevalue(persona))
    before = snapshot()
    # when: they try every page and action of the ward's request
    codes = {
        (method, url): attempt(client, method, url).status_code
        for method, url in authority_endpoints(ward_request, received)
    }
    # then: all are not found, and nothing changed
    assert set(codes.values()) == {404}, codes
    assert snapshot() == before


def test_the_ward_officer_opens_every_page_of_its_request(
    authority_officer, ward_request, received
):
    client = Client()
    client.force_login(authority_officer)
    for method, url in authority_endpoints(ward_request, received):
        if method == "get":
            assert client.get(url).status_code == 200, url


# Who is refused Thành Tô's report: anyone but its head and deputy.
SCHOOL_REFUSED = [
    "teacher",
    "clerk",
    "inspector",
    "other_school_principal",
    "outsider",
    "authority_officer",
    "department_officer",
]


@pytest.mark.parametrize("persona", SCHOOL_REFUSED)
def test_the_school_report_is_refused_to_others_and_nothing_changes(
    persona, request, drafted, received
):
    client = Client()
    client.force_login(request.getfixturevalue(persona))
    before = snapshot()
    codes = {
        (method, url): attempt(client, method, url).status_code
        for method, url in school_endpoints(drafted)
    }
    assert set(codes.values()) == {404}, codes
    assert snapshot() == before


def test_the_deputy_drafts_but_only_the_head_issues_and_submits(deputy, drafted):
    client = Client()
    client.force_login(deputy)
    # the deputy opens and edits the draft
    page = client.get(f"/bao-cao/cua-truong/{drafted.public_id}/")
    assert page.status_code == 200
    assert "Ban hành báo cáo" not in page.content.decode()
    before = snapshot()
    for action in ("ban-hanh", "gui"):
        assert client.post(f"/bao-cao/cua-truong/{drafted.public_id}/{action}/").status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("persona", ["teacher", "principal", "outsider", "clerk"])
def test_the_authority_lists_are_refused_to_school_staff_and_outsiders(persona, request, school):
    client = Client()
    client.force_login(request.getfixturevalue(persona))
    before = snapshot()
    for url in ("/bao-cao/yeu-cau/", "/bao-cao/yeu-cau/moi/", "/bao-cao/van-ban-den/"):
        assert client.get(url).status_code == 404, url
    response = client.post(
        "/bao-cao/yeu-cau/moi/", {"kind": "six_months", "year": "2026", "due_on": "2026-06-30"}
    )
    assert response.status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("persona", ["teacher", "outsider", "authority_officer"])
def test_the_school_list_is_refused_to_those_who_do_not_head_a_school(persona, request, school):
    client = Client()
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/bao-cao/cua-truong/").status_code == 404


def test_the_sở_sees_only_its_own_requests_and_register(
    department, department_officer, ward_request, received, school, other_school
):
    # given: the Sở asks the schools it guides for its own yearly report
    own = services.request_report(
        authority=department,
        actor=department_officer,
        kind=ReportKind.YEAR,
        year=2026,
        due_on=D(2026, 12, 18),
    )
    assert own.unit_reports.count() == 2  # both schools, guided by the Sở
    client = Client()
    client.force_login(department_officer)
    # then: its list shows its request, not the ward's; its register has nothing of the ward's
    listing = client.get("/bao-cao/yeu-cau/").content.decode()
    assert own.title in listing
    assert str(ward_request.public_id) not in listing
    register = client.get("/bao-cao/van-ban-den/").content.decode()
    assert received.document.number_symbol not in register
    # and naming the ward in the query string is refused
    ward_slug = ward_request.authority.slug
    assert client.get(f"/bao-cao/yeu-cau/?co-quan={ward_slug}").status_code == 404


def test_a_request_addresses_only_the_schools_below_the_authority(
    ward, authority_officer, school, other_school, department
):
    # given: a school of another ward
    other_ward = org_services.create_organisation(
        actor=None,
        parent=None,
        slug="ubnd-khac",
        kind=OrgKind.COMMUNE_COMMITTEE,
        name="Ủy ban nhân dân phường Khác",
        symbol="UBND",
    )
    org_services.create_organisation(
        actor=None,
        parent=other_ward,
        guided_by=department,
        slug="th-khac",
        kind=OrgKind.SCHOOL,
        name="Trường Tiểu học Khác",
        symbol="THK",
    )
    created = services.request_report(
        authority=ward, actor=authority_officer, kind=ReportKind.SIX_MONTHS, year=2026, due_on=DUE,
        on=REQUESTED,
    )  # fmt: skip
    assert set(created.unit_reports.values_list("organisation", flat=True)) == {
        school.pk,
        other_school.pk,
    }
    # and: a replay returns the same request and adds nothing
    again = services.request_report(
        authority=ward, actor=authority_officer, kind=ReportKind.SIX_MONTHS, year=2026, due_on=DUE,
        on=REQUESTED,
    )  # fmt: skip
    assert again.pk == created.pk
    assert UnitReport.objects.count() == 2


def _schools_with_received_reports(ward, department, ward_request, count: int, start: int):
    for index in range(start, start + count):
        unit = org_services.create_organisation(
            actor=None,
            parent=ward,
            guided_by=department,
            slug=f"th-them-{index}",
            kind=OrgKind.SCHOOL,
            name=f"Trường Tiểu học Thêm {index}",
            symbol=f"THT{index}",
            place_name="Hải An",
        )
        head = org_services.create_person(
            actor=None, username=f"ht{index}", full_name=f"Lê Văn Hiệu {index}", password="x"
        )
        org_services.grant_role(actor=None, user=head, organisation=unit, role=Role.HEAD)
        report = UnitReport.objects.create(request=ward_request, organisation=unit)
        services.draft_report(report=report, actor=head, on=REQUESTED)
        services.issue_report(report=report, actor=head, on=REQUESTED)
        services.submit_report(report=report, actor=head, on=DUE if index % 2 else D(2026, 6, 17))


def test_authority_pages_take_the_same_queries_whatever_the_number_of_units(
    ward, department, authority_officer, ward_request, received, django_assert_num_queries
):
    client = Client()
    client.force_login(authority_officer)
    urls = [
        "/bao-cao/yeu-cau/",
        f"/bao-cao/yeu-cau/{ward_request.public_id}/",
        "/bao-cao/van-ban-den/",
    ]

    def counts() -> dict[str, int]:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        result = {}
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            result[url] = len(captured)
        return result

    _schools_with_received_reports(ward, department, ward_request, 1, 1)
    small = counts()
    _schools_with_received_reports(ward, department, ward_request, 4, 2)
    assert UnitReport.objects.filter(request=ward_request).count() == 7
    for url in urls:
        with django_assert_num_queries(small[url]):
            client.get(url)
    page = client.get(f"/bao-cao/yeu-cau/{ward_request.public_id}/").content.decode()
    assert "Trường Tiểu học Thêm 5" in page


def test_use_cases_store_vietnamese_with_english_on_screen(
    english_screen, assert_stored_vietnamese, ward, school, other_school, authority_officer,
    principal, other_school_principal,
):  # fmt: skip
    # given: every use case run while the screen language is English
    created = services.request_report(
        authority=ward, actor=authority_officer, kind=ReportKind.SIX_MONTHS, year=2026, due_on=DUE,
        on=REQUESTED,
    )  # fmt: skip
    report = UnitReport.objects.get(request=created, organisation=school)
    services.draft_report(report=report, actor=principal, on=REQUESTED)
    report.refresh_from_db()
    services.edit_report(
        report=report,
        actor=principal,
        sections={"kien_nghi": "Không có kiến nghị."},
        version=report.version,
    )
    services.issue_report(report=report, actor=principal, on=REQUESTED)
    services.submit_report(report=report, actor=principal, on=DUE)
    services.remind_units(request=created, actor=authority_officer, on=D(2026, 6, 17))
    services.return_report(report=report, actor=authority_officer, comment="Bổ sung số liệu.")
    services.issue_report(report=report, actor=principal, on=D(2026, 6, 17))
    services.close_request(request=created, actor=authority_officer)
    # then: the stored text is Vietnamese: figures, sections, timeline, audit, documents
    report.refresh_from_db()
    assert report.status == ReportStatus.ISSUED
    assert {f["group"] for f in report.figures} >= {"Đơn thư", "Kế hoạch"}
    assert ReportReminder.objects.aggregate(n=Sum("report__reminder_count"))["n"] == 1
    assert_stored_vietnamese()
    # and the records the shared check does not read: the report's body and figures, the
    # reminders, the incoming register
    from gandan.core.stored_language import english_fragments

    stored = json.dumps(
        [
            list(UnitReport.objects.values_list("body", "figures", "return_comment")),
            list(ReportReminder.objects.values_list("message", flat=True)),
            list(IncomingDocument.objects.values_list("summary", flat=True)),
            list(ReportRequest.objects.values_list("title", "period_basis")),
        ],
        ensure_ascii=False,
    )
    assert [fragment for fragment in english_fragments() if fragment in stored] == []
