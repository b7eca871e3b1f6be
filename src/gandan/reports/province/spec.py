"""What to build (`ProvinceSpec`), what was built (`ProvinceResult`), and the names of the
synthetic rows, by which a province is found again."""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.db import models

from gandan.orgs.models import Organisation, User

PREFIX_PATTERN = re.compile(r"^[a-z][a-z0-9]{0,7}$")


class ProvinceExists(Exception):
    """A province with this prefix is already built (and `replace` was not asked)."""


class ProvinceInUse(Exception):
    """The audit log refers to the province: real work happened in it; it is not wiped."""


@dataclass(frozen=True)
class ProvinceSpec:
    """The size and shape of the province to build."""

    prefix: str = "hp"
    schools: int = 30
    wards: int = 2
    cases: int = 5_000
    staff_per_school: int = 40
    months: int = 24
    seed: int = 1
    today: dt.date | None = None

    def check(self) -> None:
        if not PREFIX_PATTERN.match(self.prefix):
            raise ValueError("prefix: 1–8 lowercase letters or digits, starting with a letter")
        if self.wards < 1 or self.schools < self.wards:
            raise ValueError("at least one ward, and at least one school per ward")
        if self.schools > 99_999 or self.wards > 999 or self.staff_per_school > 999:
            raise ValueError("at most 99,999 schools, 999 wards and 999 staff per school")
        if self.staff_per_school < 3 or self.cases < 0 or not 1 <= self.months <= 120:
            raise ValueError("at least 3 staff per school, cases ≥ 0, 1–120 months")


@dataclass
class ProvinceResult:
    """What was built, with the time each phase took (seconds)."""

    prefix: str
    department_slug: str
    ward_slugs: list[str]
    department_officer: str
    ward_officers: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)


# Names and slugs of the synthetic rows: how a province is found again.


def department_slug(prefix: str) -> str:
    return f"{prefix}-so"


def ward_slug(prefix: str, number: int) -> str:
    return f"{prefix}-p{number:03d}"


def school_slug(prefix: str, number: int) -> str:
    return f"{prefix}-t{number:05d}"


def province_organisations(prefix: str) -> models.QuerySet[Organisation]:
    return Organisation.objects.filter(slug__regex=rf"^{prefix}-(so|p[0-9]{{3}}|t[0-9]{{5}})$")


def province_users(prefix: str) -> models.QuerySet[User]:
    return User.objects.filter(
        username__regex=rf"^{prefix}-(canboso|canbo-p[0-9]{{3}}|t[0-9]{{5}}-[0-9]{{3}})$"
    )
