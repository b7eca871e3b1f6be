"""The tree and the people: the Sở, the wards (roots), the schools below them, the staff
accounts (unusable passwords) and their roles."""

import secrets
from collections.abc import Iterator
from typing import Any

from gandan.orgs.models import Membership, Organisation, OrgKind, Role, User
from gandan.reports.province.context import Province, School
from gandan.reports.province.rows import RowWriter
from gandan.reports.province.spec import department_slug, province_users, school_slug, ward_slug
from gandan.reports.province.vocabulary import SCHOOL_KINDS, SCHOOL_NAMES, WARD_NAMES, weighted


def build_tree(ctx: Province) -> None:
    spec, rng = ctx.spec, ctx.rng
    stamp = dict(created_at=ctx.now, updated_at=ctx.now)
    department = Organisation.objects.create(
        slug=department_slug(spec.prefix),
        kind=OrgKind.EDUCATION_DEPARTMENT,
        name=f"Sở Giáo dục và Đào tạo Hải Phòng (mô phỏng {spec.prefix})",
        short_name=f"Sở GD&ĐT ({spec.prefix})",
        symbol="SGDĐT",
        place_name="Hải Phòng",
        address="Dữ liệu mô phỏng",
    )
    ctx.department = department
    wards = Organisation.objects.bulk_create(
        Organisation(
            slug=ward_slug(spec.prefix, i + 1),
            kind=OrgKind.COMMUNE_COMMITTEE,
            name=f"Ủy ban nhân dân phường {ward_name(i)} (mô phỏng)",
            short_name=f"UBND phường {ward_name(i)}",
            symbol="UBND",
            place_name=ward_name(i),
            address="Dữ liệu mô phỏng",
            **stamp,
        )
        for i in range(spec.wards)
    )
    for ward in wards:
        ward.path = f"{ward.pk:06d}"
    Organisation.objects.bulk_update(wards, ["path"])
    rows = []
    for number in range(1, spec.schools + 1):
        ward = wards[(number - 1) * spec.wards // spec.schools]
        label, short, _share = weighted(rng, [(k, k[2]) for k in SCHOOL_KINDS])
        name = f"{rng.choice(SCHOOL_NAMES)} {number}"
        rows.append(
            Organisation(
                parent=ward,
                guided_by=department,
                slug=school_slug(spec.prefix, number),
                kind=OrgKind.SCHOOL,
                name=f"{label} {name}",
                short_name=f"{short} {name}",
                symbol=f"{short}{number:05d}",
                place_name=ward.place_name,
                address=f"{ward.short_name}, thành phố Hải Phòng (mô phỏng)",
                **stamp,
            )
        )
    created = Organisation.objects.bulk_create(rows, batch_size=1000)
    for school in created:
        school.path = f"{school.parent.path}{school.pk:06d}"  # type: ignore[union-attr]
    Organisation.objects.bulk_update(created, ["path"], batch_size=1000)
    ctx.wards = wards
    for number, school in enumerate(created, start=1):
        quality = min(0.995, max(0.55, rng.gauss(0.92, 0.06)))
        ctx.schools.append(School(school.pk, number, school.symbol, school.place_name, quality))
    ctx.result.counts["organisations"] = 1 + len(wards) + len(created)


def ward_name(index: int) -> str:
    name = WARD_NAMES[index % len(WARD_NAMES)]
    return name if index < len(WARD_NAMES) else f"{name} {index // len(WARD_NAMES) + 1}"


def build_people(ctx: Province) -> None:
    spec, rng = ctx.spec, ctx.rng
    password = "!" + secrets.token_urlsafe(30)  # unusable (Django's "!" prefix)
    users = RowWriter(
        User,
        ["username", "password", "full_name", "sort_key", "search_name", "date_joined",
         "is_active"],
    )  # fmt: skip
    joined = ctx.at(ctx.first_day, 8)

    def user_rows() -> Iterator[tuple[Any, ...]]:
        officers = [ctx.result.department_officer, *ctx.result.ward_officers]
        for username in officers:
            yield (username, password, *ctx.names.person(), joined, True)
        for school in ctx.schools:
            for n in range(1, spec.staff_per_school + 1):
                username = f"{school_slug(spec.prefix, school.number)}-{n:03d}"
                yield (username, password, *ctx.names.person(), joined, True)

    users.write(user_rows())
    ids = dict(province_users(spec.prefix).values_list("username", "pk"))
    memberships = RowWriter(
        Membership,
        ["user_id", "organisation_id", "role", "title", "start_date", "created_at",
         "updated_at"],
    )  # fmt: skip

    def membership_rows() -> Iterator[tuple[Any, ...]]:
        start = ctx.first_day
        yield (
            ids[ctx.result.department_officer],
            ctx.department.pk,
            Role.AUTHORITY_OFFICER,
            "Chuyên viên Sở",
            start,
            ctx.now,
            ctx.now,
        )
        for ward, username in zip(ctx.wards, ctx.result.ward_officers, strict=True):
            title = "Công chức Phòng Văn hóa – Xã hội"
            row = (ids[username], ward.pk, Role.AUTHORITY_OFFICER, title, start)
            yield (*row, ctx.now, ctx.now)
        for school in ctx.schools:
            slug = school_slug(spec.prefix, school.number)
            for n in range(1, spec.staff_per_school + 1):
                pk = ids[f"{slug}-{n:03d}"]
                if n == 1:
                    role, title = Role.HEAD, "Hiệu trưởng"
                    school.head = pk
                elif n == 2:
                    role, title = Role.DEPUTY_HEAD, "Phó hiệu trưởng"
                    school.deputy = pk
                elif n == 3:
                    role, title = Role.CLERK, "Văn thư"
                else:
                    role, title = (
                        Role.STAFF,
                        rng.choice(["Giáo viên", "Giáo viên", "Nhân viên"]),
                    )
                school.staff.append(pk)
                yield (pk, school.pk, role, title, start, ctx.now, ctx.now)

    memberships.write(membership_rows())
    ctx.result.counts["users"] = users.count
    ctx.result.counts["memberships"] = memberships.count
