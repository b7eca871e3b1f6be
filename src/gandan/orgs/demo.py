"""The demo school: Trường Tiểu học Thành Tô (the seed plan's author) and its people.

Idempotent: running it again finds what exists and adds nothing twice.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from gandan.core.salutation import Salutation
from gandan.orgs import services
from gandan.orgs.models import FormerManagingBody, Organisation, OrgKind, Role, User

DEMO_PASSWORD = "gandan-demo"
SCHOOL_SLUG = "th-thanh-to"

AUTHORITIES = [
    # (slug, parent slug, kind, name, short name, symbol, place, address)
    (
        "so-gddt-hai-phong",
        None,
        OrgKind.EDUCATION_DEPARTMENT,
        "Sở Giáo dục và Đào tạo Hải Phòng",
        "Sở GD&ĐT Hải Phòng",
        "SGDĐT",
        "Hải Phòng",
        "Số 9 Đinh Tiên Hoàng, thành phố Hải Phòng",
    ),
    (
        # Not below the Sở (LAW.md §8): the ward manages the school, the Sở guides it.
        "ubnd-phuong-hai-an",
        None,
        OrgKind.COMMUNE_COMMITTEE,
        "Ủy ban nhân dân phường Hải An",
        "UBND phường Hải An",
        "UBND",
        "Hải An",
        "Phường Hải An, thành phố Hải Phòng",
    ),
]

SCHOOL = dict(
    slug=SCHOOL_SLUG,
    kind=OrgKind.SCHOOL,
    name="Trường Tiểu học Thành Tô",
    short_name="TH Thành Tô",
    symbol="THTT",
    place_name="Hải An",
    address="Phố Thành Tô, phường Hải An, thành phố Hải Phòng",
    phone="0225 3978 123",
    email="c1thanhto@haiphong.edu.vn",
)

UNITS = [
    ("th-thanh-to-to-1", OrgKind.SUBJECT_GROUP, "Tổ chuyên môn khối 1", "Tổ 1"),
    ("th-thanh-to-to-2-3", OrgKind.SUBJECT_GROUP, "Tổ chuyên môn khối 2 – 3", "Tổ 2–3"),
    ("th-thanh-to-to-4-5", OrgKind.SUBJECT_GROUP, "Tổ chuyên môn khối 4 – 5", "Tổ 4–5"),
    ("th-thanh-to-van-phong", OrgKind.OFFICE, "Tổ văn phòng", "Tổ văn phòng"),
    (
        "th-thanh-to-cong-doan",
        OrgKind.UNION,
        "Công đoàn cơ sở Trường Tiểu học Thành Tô",
        "Công đoàn",
    ),
    ("th-thanh-to-chi-bo", OrgKind.PARTY_CELL, "Chi bộ Trường Tiểu học Thành Tô", "Chi bộ"),
    ("th-thanh-to-chi-doan", OrgKind.YOUTH_UNION, "Chi đoàn Trường Tiểu học Thành Tô", "Chi đoàn"),
    ("th-thanh-to-lien-doi", OrgKind.PIONEER_TEAM, "Liên đội Trường Tiểu học Thành Tô", "Liên đội"),
    ("th-thanh-to-bttnd", OrgKind.INSPECTION_BOARD, "Ban thanh tra nhân dân", "Ban TTND"),
    (
        "th-thanh-to-ban-dai-dien-cmhs",
        OrgKind.PARENTS_BOARD,
        "Ban đại diện cha mẹ học sinh",
        "Ban đại diện CMHS",
    ),
]


# (username, full name, [(unit slug, role, title)], label shown on the demo login page)
def _record_form_of_address(user: User) -> None:
    """The demo's people chose how letters address them; here read from the middle name the
    demo gave them (Thị: Bà, Văn: Ông). Real accounts record the choice in the admin."""
    words = user.full_name.split()
    chosen = Salutation.BA if "Thị" in words[1:-1] else Salutation.ONG if "Văn" in words else ""
    if chosen and user.salutation != chosen:
        user.salutation = chosen
        user.save(update_fields=["salutation"])


PEOPLE = [
    (
        "hieutruong",
        "Nguyễn Thị Thu Hà",
        [
            (SCHOOL_SLUG, Role.HEAD, "Hiệu trưởng"),
            ("th-thanh-to-chi-bo", Role.UNIT_LEADER, "Bí thư chi bộ"),
        ],
        "Hiệu trưởng",
    ),
    (
        "phohieutruong",
        "Trần Văn Minh",
        [
            (SCHOOL_SLUG, Role.DEPUTY_HEAD, "Phó hiệu trưởng"),
        ],
        "Phó hiệu trưởng",
    ),
    (
        "totruong1",
        "Phạm Thị Lan",
        [
            (SCHOOL_SLUG, Role.STAFF, "Giáo viên"),
            ("th-thanh-to-to-1", Role.UNIT_LEADER, "Tổ trưởng tổ 1"),
        ],
        "Tổ trưởng tổ chuyên môn",
    ),
    (
        "giaovien",
        "Lê Thị Hồng Nhung",
        [
            (SCHOOL_SLUG, Role.STAFF, "Giáo viên"),
            ("th-thanh-to-to-1", Role.STAFF, "Giáo viên chủ nhiệm lớp 1A1"),
        ],
        "Giáo viên",
    ),
    (
        "congdoan",
        "Vũ Đức Thắng",
        [
            (SCHOOL_SLUG, Role.STAFF, "Giáo viên"),
            ("th-thanh-to-to-2-3", Role.STAFF, "Giáo viên"),
            ("th-thanh-to-cong-doan", Role.UNION_OFFICER, "Chủ tịch công đoàn"),
        ],
        "Chủ tịch công đoàn",
    ),
    (
        "totruong45",
        "Đỗ Thị Mai",
        [
            (SCHOOL_SLUG, Role.STAFF, "Giáo viên"),
            ("th-thanh-to-to-4-5", Role.UNIT_LEADER, "Tổ trưởng tổ 4–5"),
        ],
        "Tổ trưởng tổ chuyên môn",
    ),
    (
        "thanhtra",
        "Hoàng Thị Thanh Tâm",
        [
            (SCHOOL_SLUG, Role.STAFF, "Giáo viên"),
            ("th-thanh-to-to-4-5", Role.STAFF, "Giáo viên"),
            ("th-thanh-to-bttnd", Role.INSPECTION_BOARD, "Trưởng ban thanh tra nhân dân"),
        ],
        "Trưởng ban thanh tra nhân dân",
    ),
    (
        "giaovien2",
        "Bùi Văn Hùng",
        [
            (SCHOOL_SLUG, Role.STAFF, "Giáo viên Giáo dục thể chất"),
            ("th-thanh-to-to-2-3", Role.STAFF, "Giáo viên"),
            ("th-thanh-to-chi-doan", Role.UNIT_LEADER, "Bí thư chi đoàn"),
        ],
        "Giáo viên",
    ),
    (
        "tongphutrach",
        "Ngô Thị Hương",
        [
            (SCHOOL_SLUG, Role.STAFF, "Tổng phụ trách Đội"),
            ("th-thanh-to-lien-doi", Role.UNIT_LEADER, "Tổng phụ trách Đội"),
            ("th-thanh-to-bttnd", Role.INSPECTION_BOARD, "Thành viên Ban thanh tra nhân dân"),
        ],
        "Tổng phụ trách Đội",
    ),
    (
        "vanthu",
        "Đặng Thị Ngọc Ánh",
        [
            (SCHOOL_SLUG, Role.CLERK, "Văn thư, cán bộ tiếp công dân"),
            ("th-thanh-to-van-phong", Role.STAFF, "Văn thư"),
        ],
        "Văn thư, tiếp công dân",
    ),
    (
        "ketoan",
        "Phan Thị Yến",
        [
            (SCHOOL_SLUG, Role.STAFF, "Kế toán"),
            ("th-thanh-to-van-phong", Role.UNIT_LEADER, "Tổ trưởng tổ văn phòng"),
        ],
        "Kế toán",
    ),
    (
        "nhanvien",
        "Trịnh Văn Long",
        [
            (SCHOOL_SLUG, Role.STAFF, "Nhân viên bảo vệ"),
            ("th-thanh-to-van-phong", Role.STAFF, "Nhân viên"),
        ],
        "Nhân viên",
    ),
    (
        "canbophuong",
        "Nguyễn Quang Huy",
        [
            ("ubnd-phuong-hai-an", Role.AUTHORITY_OFFICER, "Chuyên viên Phòng Văn hóa – Xã hội"),
        ],
        "Cán bộ UBND phường (cơ quan quản lý)",
    ),
    (
        "canboso",
        "Đỗ Thị Minh Ngọc",
        [
            ("so-gddt-hai-phong", Role.AUTHORITY_OFFICER, "Chuyên viên Văn phòng Sở"),
        ],
        "Cán bộ Sở GD&ĐT (chỉ đạo chuyên môn)",
    ),
]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    label: str


DEMO_ACCOUNTS = [DemoAccount(username, label) for username, _, _, label in PEOPLE]


@transaction.atomic
def build() -> Organisation:
    """Create (or find) the demo tree and people; returns the school."""
    by_slug: dict[str, Organisation] = {}
    for slug, parent_slug, kind, name, short, symbol, place, address in AUTHORITIES:
        by_slug[slug] = _organisation(
            slug=slug,
            parent=by_slug.get(parent_slug) if parent_slug else None,
            kind=kind,
            name=name,
            short_name=short,
            symbol=symbol,
            place_name=place,
            address=address,
            # The Sở's managing body, the city's UBND, is not in the tree; its documents name it.
            managing_body_name=(
                "UBND thành phố Hải Phòng" if kind == OrgKind.EDUCATION_DEPARTMENT else ""
            ),
        )
    school = _organisation(
        parent=by_slug["ubnd-phuong-hai-an"], guided_by=by_slug["so-gddt-hai-phong"], **SCHOOL
    )
    by_slug[school.slug] = school
    # Until 30/6/2025 the district managed the school (LAW.md §8): its 2022 plan names it.
    FormerManagingBody.objects.get_or_create(
        organisation=school,
        until=dt.date(2025, 6, 30),
        defaults={"name": "Phòng GD&ĐT quận Hải An"},
    )
    for slug, kind, name, short in UNITS:
        by_slug[slug] = _organisation(
            slug=slug,
            parent=school,
            kind=kind,
            name=name,
            short_name=short,
            symbol=school.symbol,
            place_name=school.place_name,
            address=school.address,
        )
    for username, full_name, roles, _label in PEOPLE:
        user = User.objects.filter(username=username).first() or services.create_person(
            actor=None,
            username=username,
            full_name=full_name,
            password=DEMO_PASSWORD,
            email=f"{username}@thanhto.example",
        )
        _record_form_of_address(user)
        for unit_slug, role, title in roles:
            services.grant_role(
                actor=None, user=user, organisation=by_slug[unit_slug], role=role, title=title
            )
    return school


def _organisation(*, slug: str, parent: Organisation | None, **fields) -> Organisation:
    existing = Organisation.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    return services.create_organisation(actor=None, parent=parent, slug=slug, **fields)


# The other primary schools of phường Hải An, each with its head and a teacher, so that the
# ward's and the Sở's roll-ups compare real units. (slug, name, short, symbol, head, teacher)
NEIGHBOURS = [
    (
        "th-dang-hai",
        "Trường Tiểu học Đằng Hải",
        "TH Đằng Hải",
        "THĐH",
        ("htdanghai", "Phạm Văn Sơn"),
        ("gvdanghai", "Lê Thị Hoa"),
    ),
    (
        "th-dang-lam",
        "Trường Tiểu học Đằng Lâm",
        "TH Đằng Lâm",
        "THĐL",
        ("htdanglam", "Vũ Thị Lan Anh"),
        ("gvdanglam", "Hoàng Văn Nam"),
    ),
    (
        "th-nam-hai",
        "Trường Tiểu học Nam Hải",
        "TH Nam Hải",
        "THNH",
        ("htnamhai", "Bùi Đức Thắng"),
        ("gvnamhai", "Đặng Thu Trang"),
    ),
]


@transaction.atomic
def build_neighbours() -> list[Organisation]:
    """The neighbour schools under the same ward, guided by the same Sở; idempotent."""
    ward = Organisation.objects.get(slug="ubnd-phuong-hai-an")
    department = Organisation.objects.get(slug="so-gddt-hai-phong")
    schools = []
    for slug, name, short, symbol, head, teacher in NEIGHBOURS:
        school = _organisation(
            slug=slug,
            parent=ward,
            guided_by=department,
            kind=OrgKind.SCHOOL,
            name=name,
            short_name=short,
            symbol=symbol,
            place_name="Hải An",
            address=f"{short.replace('TH ', 'Phường ')}, thành phố Hải Phòng",
        )
        for (username, full_name), role, title in (
            (head, Role.HEAD, "Hiệu trưởng"),
            (teacher, Role.STAFF, "Giáo viên"),
        ):
            user = User.objects.filter(username=username).first() or services.create_person(
                actor=None,
                username=username,
                full_name=full_name,
                password=DEMO_PASSWORD,
                email=f"{username}@haian.example",
            )
            services.grant_role(actor=None, user=user, organisation=school, role=role, title=title)
        schools.append(school)
    return schools


def neighbour_staff(school: Organisation) -> tuple[User, User]:
    """(head, teacher) of a neighbour school built by build_neighbours."""
    for slug, _name, _short, _symbol, (head, _), (teacher, _) in NEIGHBOURS:
        if slug == school.slug:
            return User.objects.get(username=head), User.objects.get(username=teacher)
    raise LookupError(school.slug)
