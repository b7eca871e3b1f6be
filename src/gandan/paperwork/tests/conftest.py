"""Fixtures for the paperwork tests: a ward and two schools in it."""

import pytest

from gandan.orgs.models import Organisation, OrgKind


@pytest.fixture
def ward(db) -> Organisation:
    return Organisation.objects.create(
        kind=OrgKind.COMMUNE_COMMITTEE,
        slug="ubnd-thanh-to",
        name="Ủy ban nhân dân phường Thành Tô",
        symbol="UBND",
        place_name="Hải Phòng",
    )


@pytest.fixture
def school(ward) -> Organisation:
    """Trường Tiểu học Thành Tô, symbol THTT: the seed plan's school."""
    return Organisation.objects.create(
        kind=OrgKind.SCHOOL,
        parent=ward,
        slug="th-thanh-to",
        name="Trường Tiểu học Thành Tô",
        symbol="THTT",
        place_name="Hải Phòng",
    )


@pytest.fixture
def other_school(ward) -> Organisation:
    """A neighbouring school with a register of its own."""
    return Organisation.objects.create(
        kind=OrgKind.SCHOOL,
        parent=ward,
        slug="th-dang-lam",
        name="Trường Tiểu học Đằng Lâm",
        symbol="THĐL",
        place_name="Hải Phòng",
    )
