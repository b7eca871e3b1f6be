"""Personas the democracy tests add to the shared cast (src/gandan/conftest.py).

- union_officer: staff of Thành Tô and chair of its union; supervises disclosures, votes.
- parent: a member of Thành Tô's parents' board; not staff: sees only the public page.
"""

import itertools

import pytest

from gandan.orgs import services
from gandan.orgs.models import Organisation, OrgKind, Role, User
from gandan.worktime.days import clear_calendar_cache

# The shared .docx format checks report their failures like the tests themselves.
pytest.register_assert_rewrite("gandan.democracy.tests.official_format")


@pytest.fixture(autouse=True)
def fresh_calendar():
    # The calendar is cached per process; other tests' adjustments are rolled back, the cache
    # is not.
    clear_calendar_cache()
    yield
    clear_calendar_cache()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    return settings.MEDIA_ROOT


@pytest.fixture
def parents_board(school) -> Organisation:
    return services.create_organisation(
        actor=None,
        parent=school,
        slug="th-thanh-to-cmhs",
        kind=OrgKind.PARENTS_BOARD,
        name="Ban đại diện cha mẹ học sinh",
    )


def person(username: str, full_name: str, *roles) -> User:
    user = services.create_person(
        actor=None, username=username, full_name=full_name, password="mat-khau-thu-nghiem"
    )
    for org, role, title in roles:
        services.grant_role(actor=None, user=user, organisation=org, role=role, title=title)
    return user


@pytest.fixture
def parent(parents_board) -> User:
    return person(
        "phuhuynh",
        "Mai Văn Phúc",
        (parents_board, Role.STAFF, "Trưởng ban đại diện cha mẹ học sinh"),
    )


@pytest.fixture
def more_teachers(school):
    """Make-weight staff, so that a school reaches a given size."""

    numbers = itertools.count(1)

    def make(n: int) -> list[User]:
        made = []
        for _ in range(n):
            index = next(numbers)
            made.append(
                person(f"gv{index}", f"Giáo Viên Số {index}", (school, Role.STAFF, "Giáo viên"))
            )
        return made

    return make
