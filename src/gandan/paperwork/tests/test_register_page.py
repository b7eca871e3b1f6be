"""The outgoing-document register's page (sổ đăng ký văn bản đi): who reads it, what each row
shows, the filters, the pages, the workbook and each document's file."""

import dataclasses
import datetime as dt
import io
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from gandan.audit.models import AuditEvent
from gandan.conftest import other_school, school, ward  # noqa: F401  (the tree with the Sở)
from gandan.orgs import services as org_services
from gandan.orgs.models import Organisation, OrgKind, Role, User
from gandan.paperwork.document import DocType, Signer
from gandan.paperwork.samples import sample_letter, sample_plan
from gandan.paperwork.services import issue_document, withdraw_document

YEAR = 2025
URL = "/so-van-ban-di/th-thanh-to/"


def draft(spec=None, **changes):
    return dataclasses.replace(spec or sample_plan(), number_symbol="", date=None, **changes)


def issue(organisation: Organisation, day: dt.date, spec=None, **options):
    return issue_document(organisation=organisation, spec=spec or draft(), issued_on=day, **options)


@pytest.fixture
def parent(school) -> User:  # noqa: F811
    """A parent on the parents' board: no standing in the school's own paperwork."""
    board = org_services.create_organisation(
        actor=None,
        parent=school,
        slug="th-thanh-to-cmhs",
        kind=OrgKind.PARENTS_BOARD,
        name="Ban đại diện cha mẹ học sinh",
    )
    user = org_services.create_person(
        actor=None, username="phuhuynh", full_name="Mai Văn Phúc", password="mat-khau-thu-nghiem"
    )
    org_services.grant_role(
        actor=None, user=user, organisation=board, role=Role.STAFF, title="Trưởng ban"
    )
    return user


@pytest.fixture
def register(school, other_school):  # noqa: F811
    """Thành Tô's 2025 register: a plan, a withdrawn công văn, a secret report; the
    neighbour's plan of the same number."""
    plan = issue(school, dt.date(YEAR, 3, 2))
    letter = issue(
        school,
        dt.date(YEAR, 3, 9),
        draft(sample_letter(), kinh_gui=("Ủy ban nhân dân phường Hải An",)),
    )
    withdraw_document(document=letter, reason="Ban hành nhầm", withdrawn_on=dt.date(YEAR, 3, 10))
    secret = issue(school, dt.date(YEAR, 4, 1), draft(doc_type=DocType.REPORT), is_secret=True)
    neighbour = issue(other_school, dt.date(YEAR, 3, 2))
    return plan, letter, secret, neighbour


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


# Authorization matrix: who reads Thành Tô's register, and who gets a 404.
READERS = ["principal", "deputy", "teacher", "clerk", "inspector", "authority_officer"]
READERS += ["department_officer"]  # the Sở guides the school (guided_by)
REFUSED = ["other_school_principal", "outsider", "parent", "other_ward_officer"]
ENDPOINTS = [URL, f"{URL}so-van-ban-di.xlsx", f"{URL}{YEAR}/1.docx"]


@pytest.mark.parametrize("persona", READERS)
@pytest.mark.parametrize("url", ENDPOINTS)
def test_staff_and_the_authorities_above_read_the_register(persona, url, request, register):
    client = _client(request.getfixturevalue(persona))
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("persona", REFUSED)
@pytest.mark.parametrize("url", ENDPOINTS)
def test_parents_other_schools_and_outsiders_get_a_404(persona, url, request, register):
    # given
    client = _client(request.getfixturevalue(persona))
    before = AuditEvent.objects.count()
    # when
    response = client.get(url)
    # then: not found, and nothing written
    assert response.status_code == 404
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize("url", [*ENDPOINTS, "/so-van-ban-di/"])
def test_a_visitor_is_sent_to_the_login(url, client, register):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


def test_an_internal_unit_has_no_register_of_its_own(principal, subject_group):
    assert _client(principal).get("/so-van-ban-di/th-thanh-to-to-1/").status_code == 404


def test_a_row_shows_number_date_kind_summary_signer_recipients_and_files(teacher, register):
    # given
    plan, letter, _secret, neighbour = register
    # when
    response = _client(teacher).get(f"{URL}?nam={YEAR}")
    body = response.content.decode()
    # then: the plan's row
    assert "01/KH-THTT" in body
    assert "02/03/2025" in body
    assert "Kế hoạch" in body
    assert plan.summary in body
    assert "KT. Nguyễn Thị Hồng" in body and "Phó Hiệu trưởng" in body
    assert "Phòng GD&amp;ĐT (để b/c); UBND phường Thành Tô (để b/c); CB, GV, NV (để t/h)" in body
    assert "Lưu: VT" not in body
    assert f'href="{URL}{YEAR}/1.docx"' in body and f'href="{URL}{YEAR}/1.pdf"' in body
    # the công văn: "Kính gửi" among the recipients, withdrawn with its date
    assert letter.number_symbol in body
    assert "Ủy ban nhân dân phường Hải An" in body
    assert "Như trên" not in body  # the công văn's "Nơi nhận" pointing back at "Kính gửi"
    assert "Đã thu hồi</span>" in body and "ngày 10/03/2025" in body
    # never the secret register, never the neighbour's documents
    assert "BC-THTT" not in body
    assert neighbour.number_symbol not in body


def test_the_year_and_the_kind_filter_the_rows(teacher, register, school):  # noqa: F811
    # given: a plan of the year before
    issue(school, dt.date(YEAR - 1, 12, 1))
    client = _client(teacher)
    # when / then: each year its own numbers
    body = client.get(f"{URL}?nam={YEAR - 1}").content.decode()
    assert "01/KH-THTT" in body and register[1].number_symbol not in body
    assert f'href="?nam={YEAR}"' in body and f'href="?nam={YEAR - 1}"' in body
    # the kind: only công văn
    body = client.get(f"{URL}?nam={YEAR}&loai={DocType.OFFICIAL_LETTER.value}").content.decode()
    assert register[1].number_symbol in body and "01/KH-THTT" not in body
    # the kinds offered are those of the year
    assert f'<option value="{DocType.PLAN.value}"' in body
    assert f'<option value="{DocType.REPORT.value}"' not in body  # the report is secret


@pytest.mark.parametrize(
    "query", ["?nam=abc", "?nam=99999", "?loai=XYZ", "?trang=999", "?trang=-1", "?nam=2025&loai="]
)
def test_bad_filters_show_a_page_not_an_error(teacher, register, query):
    response = _client(teacher).get(f"{URL}{query}")
    assert response.status_code == 200


def test_fifty_rows_a_page_newest_first(teacher, school):  # noqa: F811
    # given: 51 documents in the year
    for day in range(51):
        issue(school, dt.date(YEAR, 1, 1) + dt.timedelta(days=day))
    client = _client(teacher)
    # when
    first = client.get(f"{URL}?nam={YEAR}").content.decode()
    second = client.get(f"{URL}?nam={YEAR}&trang=2").content.decode()
    # then
    assert "51/KH-THTT" in first and "02/KH-THTT" in first and "01/KH-THTT" not in first
    assert "01/KH-THTT" in second and "51/KH-THTT" not in second
    assert "Trang 1/2" in first and "?nam=2025&amp;trang=2" in first
    assert "51 văn bản" in first


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_page_takes_the_same_queries_for_three_rows_or_thirty(teacher, school):  # noqa: F811
    # given
    client = _client(teacher)
    for day in range(3):
        issue(school, dt.date(YEAR, 2, 1) + dt.timedelta(days=day))
    few = _queries(client, f"{URL}?nam={YEAR}")
    for day in range(27):
        issue(
            school,
            dt.date(YEAR, 3, 1) + dt.timedelta(days=day),
            draft(sample_letter(), kinh_gui=("Ủy ban nhân dân phường Hải An",)),
        )
    # when
    many = _queries(client, f"{URL}?nam={YEAR}")
    # then
    assert many == few


def _sheet_rows(content: bytes) -> list[list[Any]]:
    sheet: Any = load_workbook(io.BytesIO(content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_workbook_is_the_register_in_number_order(clerk, register):
    # when
    response = _client(clerk).get(f"{URL}so-van-ban-di.xlsx?nam={YEAR}")
    # then
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    assert "so-van-ban-di-th-thanh-to-2025.xlsx" in response["Content-Disposition"]
    rows = _sheet_rows(response.content)
    assert rows[0][0] == "Sổ đăng ký văn bản đi năm 2025: Trường Tiểu học Thành Tô"
    header = rows[2]
    assert header[:5] == [
        "Số thứ tự",
        "Số, ký hiệu",
        "Ngày ban hành",
        "Loại văn bản",
        "Trích yếu nội dung",
    ]
    body = rows[3:]
    assert [row[1] for row in body] == ["01/KH-THTT", register[1].number_symbol]
    assert body[0][2].date() == dt.date(YEAR, 3, 2)
    assert body[0][5] == "KT. Nguyễn Thị Hồng, Phó Hiệu trưởng"
    assert "Lưu" not in body[0][6] and body[0][6].startswith("Phòng GD&ĐT (để b/c)")
    assert body[1][7] == "Đã thu hồi ngày 10/03/2025"


def test_the_workbook_follows_the_kind_filter(clerk, register):
    response = _client(clerk).get(f"{URL}so-van-ban-di.xlsx?nam={YEAR}&loai=KH")
    rows = _sheet_rows(response.content)
    assert rows[1][0] == "Loại văn bản: Kế hoạch"
    assert [row[1] for row in rows[4:]] == ["01/KH-THTT"]


def test_a_document_opens_as_it_was_issued(teacher, register):
    # when
    response = _client(teacher).get(f"{URL}{YEAR}/1.docx")
    # then
    assert response.status_code == 200
    assert "01-KH-THTT.docx" in response["Content-Disposition"]
    assert response.content[:2] == b"PK"


@pytest.mark.parametrize(
    "path",
    [
        f"{YEAR}/3.docx",  # the secret report: its number is in the secret register only
        f"{YEAR}/9.docx",  # no such number
        f"{YEAR}/1.exe",  # no such format
        f"{YEAR - 1}/1.docx",  # no document that year
    ],
)
def test_a_document_not_in_the_public_register_is_not_found(teacher, register, path):
    assert _client(teacher).get(f"{URL}{path}").status_code == 404


def test_the_menu_leads_staff_to_their_register_and_parents_never(teacher, parent, register):
    # given
    staff, board_member = _client(teacher), _client(parent)
    # when
    desk = staff.get("/ban-lam-viec/").content.decode()
    home = staff.get("/so-van-ban-di/")
    # then
    assert f'href="{URL}"' in desk
    assert home.status_code == 302 and home["Location"] == URL
    assert "/so-van-ban-di/" not in board_member.get("/ban-lam-viec/").content.decode()
    assert board_member.get("/so-van-ban-di/").status_code == 404


def test_an_officer_picks_a_school_below(authority_officer, register):
    # given
    client = _client(authority_officer)
    # when
    own = client.get("/so-van-ban-di/")
    page = client.get(own["Location"]).content.decode()
    picked = client.get("/so-van-ban-di/?don-vi=th-dang-hai")
    # then: the ward's own register first, the schools below in the picker
    assert own["Location"] == "/so-van-ban-di/ubnd-hai-an/"
    assert '<option value="th-thanh-to"' in page and '<option value="th-dang-hai"' in page
    assert picked["Location"] == "/so-van-ban-di/th-dang-hai/"


def test_the_picker_opens_nothing_the_user_may_not_read(other_school_principal, register):
    client = _client(other_school_principal)
    assert client.get("/so-van-ban-di/?don-vi=th-thanh-to").status_code == 404


def test_a_signer_whose_name_was_not_recorded_shows_the_title_alone(clerk, school):  # noqa: F811
    # given: a document signed by the head's title only
    issue(school, dt.date(YEAR, 5, 4), draft(signer=Signer(name="", title="HIỆU TRƯỞNG")))
    client = _client(clerk)
    # when
    page = client.get(f"{URL}?nam={YEAR}").content.decode()
    rows = _sheet_rows(client.get(f"{URL}so-van-ban-di.xlsx?nam={YEAR}").content)
    # then: no empty name line, no dangling comma
    assert '<span><span class="muted">HIỆU TRƯỞNG</span></span>' in page
    assert rows[3][5] == "HIỆU TRƯỞNG"
