"""Fixtures of the petitions tests: cases in known states, on known dates.

The cast adds two people to the shared personas (src/gandan/conftest.py):
- resolver: the deputy head, who resolves the denunciation and so alone sees its denouncer;
- verifier: a teacher assigned to verify it, who sees only the pseudonym.
Dates are fixed (received Monday 02/3/2026, a plain working week) so due dates are exact.
"""

import datetime as dt
import importlib
from dataclasses import replace

import pytest
from cryptography.fernet import Fernet
from django.utils import timezone

from gandan.orgs import services as org_services
from gandan.orgs.models import Organisation, Role, User
from gandan.petitions import secrecy, services
from gandan.petitions.models import Case, CaseKind, Channel, DeadlineRule
from gandan.worktime.days import clear_calendar_cache

RECEIVED = dt.date(2026, 3, 2)  # a Monday
DENOUNCER = "Phạm Thị Bí Mật"
DENOUNCER_ADDRESS = "Số 7 ngõ Kín, phường Hải An"
DENOUNCER_PHONE = "0912345678"


@pytest.fixture(autouse=True)
def fresh_calendar():
    # The calendar is cached per process; another test's adjustments are rolled back, the
    # cache is not.
    clear_calendar_cache()
    yield
    clear_calendar_cache()


@pytest.fixture(autouse=True)
def identity_key(monkeypatch):
    """A key of the test's own, from the environment: nothing is written to the data folder."""
    monkeypatch.setenv(secrecy.KEY_ENV, Fernet.generate_key().decode())
    secrecy.reset_key_cache()
    yield
    secrecy.reset_key_cache()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_cache():
    # The rate-limit store too when it is Redis, which is not rolled back with the test (run
    # the tests with REDIS_URL on a Redis database of their own: it is flushed); the database
    # table is.
    from django.core.cache import cache, caches
    from django.core.cache.backends.db import DatabaseCache

    from gandan.petitions.throttle import STORE

    stores = [cache]
    if not isinstance(caches[STORE], DatabaseCache):
        stores.append(caches[STORE])
    for store in stores:
        store.clear()
    yield
    for store in stores:
        store.clear()


@pytest.fixture
def deadline_rules(db):
    """The seeded rules table (a transactional test may have flushed it): seed it again."""
    if not DeadlineRule.objects.exists():
        from django.apps import apps

        importlib.import_module(
            "gandan.petitions.migrations.0002_seed_deadline_rules_from_law"
        ).seed(apps, None)
    return DeadlineRule.objects.all()


@pytest.fixture
def resolver(school, deputy):
    return deputy


@pytest.fixture
def verifier(school, subject_group):
    user = org_services.create_person(
        actor=None, username="xacminh", full_name="Bùi Văn Hùng", password="mat-khau-thu-nghiem"
    )
    org_services.grant_role(
        actor=None, user=user, organisation=school, role=Role.STAFF, title="Giáo viên"
    )
    return user


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def submission(kind: str = CaseKind.FEEDBACK, **changes) -> services.Submission:
    """A feedback from a named parent, received on RECEIVED at 9:00, with `changes`."""
    plain = services.Submission(
        kind=kind,
        title="Mái tôn lớp 2A bị dột",
        content="Khi mưa to, nước dột xuống bàn học sinh ở cuối lớp 2A.",
        channel=Channel.WEB,
        sender=services.Sender(
            name="Trần Văn Phụ Huynh", phone="0987654321", address="Phường Hải An"
        ),
        consent=True,
        received_at=at(RECEIVED),
    )
    return replace(plain, **changes)


def submit(
    school: Organisation,
    kind: str = CaseKind.FEEDBACK,
    *,
    idempotency_key: str = "",
    actor: User | None = None,
    **changes,
) -> Case:
    """`submission(kind, **changes)` submitted to the school."""
    return services.submit_case(
        organisation=school,
        submission=submission(kind, **changes),
        idempotency_key=idempotency_key,
        actor=actor,
    )


@pytest.fixture
def feedback(school, principal, deadline_rules):
    return submit(school)


@pytest.fixture
def complaint(school, principal, deadline_rules):
    return submit(
        school,
        CaseKind.COMPLAINT,
        title="Khiếu nại việc không xét miễn học phí bán trú",
        content="Nhà trường không xét miễn tiền bán trú cho con tôi dù gia đình thuộc hộ nghèo.",
        denounced_person="Hiệu trưởng Trường Tiểu học Thành Tô",
    )


@pytest.fixture
def denunciation(school, principal, deadline_rules):
    return submit(
        school,
        CaseKind.DENUNCIATION,
        title="Thu tiền học thêm trái quy định",
        content=f"Tôi là {DENOUNCER}, xin tố cáo việc thu tiền học thêm trong lớp.",
        denounced_person="Ông Lê Văn Dạy, giáo viên lớp 4B",
        sender=services.Sender(
            name=DENOUNCER,
            phone=DENOUNCER_PHONE,
            address=DENOUNCER_ADDRESS,
            id_number="031099001234",
        ),
    )


@pytest.fixture
def assigned_denunciation(denunciation, principal, resolver, verifier):
    """A denunciation accepted, resolved by the deputy and verified by a teacher."""
    case = services.accept_case(case=denunciation, actor=principal, on=RECEIVED)
    return services.assign_case(case=case, actor=principal, handler=resolver, verifiers=[verifier])
