"""The cast of test personas, shared by every app's tests.

Two schools under one ward, guided by the Sở: Thành Tô (where most personas work) and Đằng Hải
(the other school).
- principal: head of Thành Tô; manages it and reads its audit log.
- deputy: deputy head of Thành Tô; manages, but does not read the audit log.
- teacher: staff of Thành Tô, member of subject group 1; sees its own school's staff pages.
- inspector: staff and inspection-board member of Thành Tô.
- clerk: văn thư of Thành Tô.
- union_officer: staff and union chair of Thành Tô.
- authority_officer: officer of the ward (the managing body); reads the schools below it.
- department_officer: officer of the Sở GD&ĐT, which guides both schools (not above the ward).
- other_school_principal: head of Đằng Hải; sees nothing of Thành Tô.
- outsider: an account with no role anywhere; sees nothing.
"""

import pytest

from gandan.orgs import services
from gandan.orgs.models import Organisation, OrgKind, Role, User


@pytest.fixture(autouse=True)
def _vietnamese_by_default():
    # A request in English leaves English active in the thread; each test starts in Vietnamese.
    from django.utils import translation

    translation.activate("vi")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _worker_keeps_the_test_connection(monkeypatch):
    """The background worker (db_worker, run in-process by notify.testing.run_worker and the
    worker command) calls close_old_connections between tasks, as Django does after each
    request. Inside a test's transaction on PostgreSQL, autocommit is off, so that call closes
    the test's own connection; Django's test runner disconnects it for requests for the same
    reason, and here it is made a no-op for the worker."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda **kwargs: None)


@pytest.fixture(autouse=True)
def _calendar_clock_stands_still_in_a_test(monkeypatch):
    """The working calendar rechecks its tables every RECHECK_SECONDS (worktime/days.py): a
    slow test (PostgreSQL) that crossed that mark counted two more queries on a page the second
    time it measured it. Within a test the calendar's clock stands at the test's start; between
    tests it moves as before. Tests of the recheck set the clock themselves."""
    import time

    from gandan.worktime import days

    started = time.monotonic()
    monkeypatch.setattr(days, "_clock", lambda: started)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 is the real hasher (settings.py); tests only need a cheap one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _second_factor_for_test_logins(request, settings, monkeypatch):
    """Test logins pass the second factor, as a person with an authenticator app would.

    `client.force_login(user)` gives a verified session (a confirmed app device, "Thiết bị
    thử nghiệm"), so every page test runs with SecondFactorMiddleware on. Browser tests of
    other features log in through the form with no phone to read a code from: the second
    factor is off for them (settings.SECOND_FACTOR_ENFORCED; the login's own browser test
    turns it back on and types the codes). orgs/tests/test_logins.py logs in through the form
    to test the unverified session.
    """
    if request.node.get_closest_marker("browser"):
        settings.SECOND_FACTOR_ENFORCED = False
        return
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        original(self, user, backend)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Thiết bị thử nghiệm")
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def department(db) -> Organisation:
    return services.create_organisation(
        actor=None,
        parent=None,
        slug="so-gd",
        kind=OrgKind.EDUCATION_DEPARTMENT,
        name="Sở Giáo dục và Đào tạo Hải Phòng",
        symbol="SGDĐT",
        place_name="Hải Phòng",
    )


@pytest.fixture
def ward(db) -> Organisation:
    return services.create_organisation(
        actor=None,
        parent=None,  # the ward is not below the Sở (LAW.md §8): the Sở guides its schools
        slug="ubnd-hai-an",
        kind=OrgKind.COMMUNE_COMMITTEE,
        name="Ủy ban nhân dân phường Hải An",
        short_name="UBND phường Hải An",
        symbol="UBND",
        place_name="Hải An",
    )


@pytest.fixture
def school(ward, department) -> Organisation:
    return services.create_organisation(
        actor=None,
        parent=ward,
        guided_by=department,
        slug="th-thanh-to",
        kind=OrgKind.SCHOOL,
        name="Trường Tiểu học Thành Tô",
        short_name="TH Thành Tô",
        symbol="THTT",
        place_name="Hải An",
        address="Phố Thành Tô, phường Hải An, thành phố Hải Phòng",
    )


@pytest.fixture
def subject_group(school) -> Organisation:
    return services.create_organisation(
        actor=None,
        parent=school,
        slug="th-thanh-to-to-1",
        kind=OrgKind.SUBJECT_GROUP,
        name="Tổ chuyên môn khối 1",
        short_name="Tổ 1",
    )


@pytest.fixture
def inspection_board(school) -> Organisation:
    return services.create_organisation(
        actor=None,
        parent=school,
        slug="th-thanh-to-bttnd",
        kind=OrgKind.INSPECTION_BOARD,
        name="Ban thanh tra nhân dân",
    )


@pytest.fixture
def other_school(ward, department) -> Organisation:
    return services.create_organisation(
        actor=None,
        parent=ward,
        guided_by=department,
        slug="th-dang-hai",
        kind=OrgKind.SCHOOL,
        name="Trường Tiểu học Đằng Hải",
        symbol="THĐH",
        place_name="Hải An",
    )


def _person(username: str, full_name: str, *roles: tuple[Organisation, str, str]) -> User:
    user = services.create_person(
        actor=None, username=username, full_name=full_name, password="mat-khau-thu-nghiem"
    )
    for org, role, title in roles:
        services.grant_role(actor=None, user=user, organisation=org, role=role, title=title)
    return user


@pytest.fixture
def principal(school) -> User:
    return _person("hieutruong", "Nguyễn Thị Thu Hà", (school, Role.HEAD, "Hiệu trưởng"))


@pytest.fixture
def deputy(school) -> User:
    return _person("pho", "Trần Văn Minh", (school, Role.DEPUTY_HEAD, "Phó hiệu trưởng"))


@pytest.fixture
def teacher(school, subject_group) -> User:
    return _person(
        "giaovien",
        "Lê Thị Hồng Nhung",
        (school, Role.STAFF, "Giáo viên"),
        (subject_group, Role.STAFF, "Giáo viên"),
    )


@pytest.fixture
def inspector(school, inspection_board) -> User:
    return _person(
        "thanhtra",
        "Hoàng Thị Thanh Tâm",
        (school, Role.STAFF, "Giáo viên"),
        (inspection_board, Role.INSPECTION_BOARD, "Trưởng ban thanh tra nhân dân"),
    )


@pytest.fixture
def clerk(school) -> User:
    return _person("vanthu", "Đặng Thị Ngọc Ánh", (school, Role.CLERK, "Văn thư"))


@pytest.fixture
def union(school) -> Organisation:
    return services.create_organisation(
        actor=None,
        parent=school,
        slug="th-thanh-to-cong-doan",
        kind=OrgKind.UNION,
        name="Công đoàn cơ sở Trường Tiểu học Thành Tô",
        short_name="Công đoàn",
    )


@pytest.fixture
def union_officer(school, union) -> User:
    return _person(
        "congdoan",
        "Vũ Đức Thắng",
        (school, Role.STAFF, "Giáo viên"),
        (union, Role.UNION_OFFICER, "Chủ tịch công đoàn"),
    )


@pytest.fixture
def authority_officer(ward) -> User:
    return _person("canbophuong", "Nguyễn Quang Huy", (ward, Role.AUTHORITY_OFFICER, "Chuyên viên"))


@pytest.fixture
def other_ward_officer(db) -> User:
    """An officer of another ward (UBND phường Lê Chân), with no school of ours below it."""
    other = services.create_organisation(
        actor=None,
        parent=None,
        slug="ubnd-le-chan",
        kind=OrgKind.COMMUNE_COMMITTEE,
        name="Ủy ban nhân dân phường Lê Chân",
        symbol="UBND",
        place_name="Lê Chân",
    )
    return _person("canbolechan", "Trần Văn Nam", (other, Role.AUTHORITY_OFFICER, "Chuyên viên"))


@pytest.fixture
def department_officer(department) -> User:
    return _person(
        "canboso", "Đỗ Thị Minh Ngọc", (department, Role.AUTHORITY_OFFICER, "Chuyên viên")
    )


@pytest.fixture
def other_school_principal(other_school) -> User:
    return _person("htdanghai", "Phạm Văn Sơn", (other_school, Role.HEAD, "Hiệu trưởng"))


@pytest.fixture
def outsider(db) -> User:
    return _person("nguoingoai", "Trương Văn Khách")


# Browser tests: Playwright drives Debian's Chromium (never a downloaded browser).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def chromium():
    import os
    import shutil

    if not shutil.which(CHROMIUM):
        if os.environ.get("GANDAN_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed")
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the
    # test itself are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Data that migrations seed (the official calendar, the legal register). A transactional test
# flushes the tables; serialized rollback cannot restore them once Playwright's event loop
# runs, because Django then hands out a fresh connection object without the serialized copy.
SEEDING_MIGRATIONS = [
    (
        "gandan.worktime.migrations.0002_seed_official_adjustments_2024_2026",
        "worktime.CalendarAdjustment",
    ),
    ("gandan.legal.migrations.0002_seed_register_from_law", "legal.LegalDocument"),
    ("gandan.petitions.migrations.0002_seed_deadline_rules_from_law", "petitions.DeadlineRule"),
    (
        "gandan.democracy.migrations.0002_seed_disclosure_obligations",
        "democracy.DisclosureObligation",
    ),
    ("gandan.evaluation.migrations.0002_seed_rule_sets_from_law", "evaluation.EvaluationRuleSet"),
]


@pytest.fixture
def seeded_reference_data(transactional_db):
    import importlib

    from django.apps import apps

    for module_name, model in SEEDING_MIGRATIONS:
        if not apps.get_model(model).objects.exists():
            importlib.import_module(module_name).seed(apps, None)
    from gandan.worktime.days import clear_calendar_cache

    clear_calendar_cache()


@pytest.fixture
def phone_page(chromium, seeded_reference_data):
    context = chromium.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop_page(chromium, seeded_reference_data):
    context = chromium.new_context(viewport=DESKTOP, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def english_screen():
    """The visitor chose English: the screen language is English while the use cases run.
    Whatever they store must still be Vietnamese (ADR 1, addendum)."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("vi")


@pytest.fixture
def assert_stored_vietnamese(db):
    """Call at the end of a test: no stored record (audit rows, timeline events, registered
    documents, notifications) holds English text from the catalogue."""
    from gandan.core.stored_language import english_in_stored_records

    def check() -> None:
        found = english_in_stored_records()
        assert found == [], f"English stored in records: {found[:10]}"

    return check
