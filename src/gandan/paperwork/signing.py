"""Who an official document names: the bodies in its header and the person who signs it."""

import datetime as dt
from dataclasses import dataclass

from gandan.orgs.models import FormerManagingBody, Membership, Organisation, OrgKind, Role, User
from gandan.paperwork.document import Signer, SignerPrefix


def managing_body_name(organisation: Organisation, *, on: dt.date | None = None) -> str:
    """The managing body's name as written (not upper case): on a date before a
    reorganisation the body of then (`FormerManagingBody`), else the tree's parent (its short
    name), else the name recorded on the organisation (the Sở, under the provincial UBND)."""
    former = (
        FormerManagingBody.objects.filter(organisation=organisation, until__gte=on)
        .order_by("until")
        .values_list("name", flat=True)
        .first()
        if on is not None
        else None
    )
    parent = organisation.parent
    current = (parent.short_name or parent.name) if parent else organisation.managing_body_name
    return former or current


def header_names(organisation: Organisation, *, on: dt.date | None = None) -> tuple[str, str]:
    """(managing body, issuing body) as printed (Nghị định 30/2020, Phụ lục I, II.2: "tên cơ quan,
    tổ chức chủ quản trực tiếp (nếu có)"), for a document dated `on`: a 2022 plan names the
    Phòng GD&ĐT of then, not the ward that manages the school since 1/7/2025."""
    return managing_body_name(organisation, on=on).upper(), organisation.name.upper()


# Nghị định 30/2020, Phụ lục I, II.3b: a công văn's symbol is the body's abbreviation and the
# drafting unit's ("Số: 12/THTT-VP"); the abbreviations are the head's to set. The drafting
# unit of a school's letters is its office (tổ văn phòng); where none is recorded, "VP".
DEFAULT_DRAFTING_UNIT = "VP"


def drafting_unit(organisation: Organisation) -> str:
    """The drafting unit's abbreviation in a công văn's symbol: the office's, else "VP"."""
    office = (
        Organisation.objects.filter(parent=organisation, kind=OrgKind.OFFICE, is_active=True)
        .exclude(symbol="")
        .exclude(symbol=organisation.symbol)
        .values_list("symbol", flat=True)
        .first()
    )
    return office or DEFAULT_DRAFTING_UNIT


def head_of(organisation: Organisation) -> User | None:
    """The organisation's current head, if one is recorded."""
    membership = (
        Membership.objects.current()
        .filter(organisation=organisation, role=Role.HEAD)
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


HEAD_TITLES = {
    OrgKind.SCHOOL: "HIỆU TRƯỞNG",
    OrgKind.EDUCATION_DEPARTMENT: "GIÁM ĐỐC",
    OrgKind.COMMUNE_COMMITTEE: "CHỦ TỊCH",
}
# Units that work as a collective (chế độ tập thể): their head signs "TM." for the body
# (Nghị định 30/2020, Điều 13 k2). An Ủy ban nhân dân is one (Luật Tổ chức chính quyền địa
# phương); a Sở and a school work under their head (chế độ thủ trưởng, Điều 13 k1).
COLLECTIVE_BODIES = {OrgKind.COMMUNE_COMMITTEE: "ỦY BAN NHÂN DÂN"}


def head_title(organisation: Organisation) -> str:
    """The head's title as printed above the signature."""
    return HEAD_TITLES.get(OrgKind(organisation.kind), "THỦ TRƯỞNG")


def head_signer(organisation: Organisation) -> Signer:
    """The head signs (Nghị định 30/2020, Điều 13 k1), "TM." for a collective body (k2); a blank
    name if none is recorded."""
    head = head_of(organisation)
    return Signer(
        name=head.full_name if head else "",
        title=head_title(organisation),
        for_body=COLLECTIVE_BODIES.get(OrgKind(organisation.kind), ""),
    )


def deputy_signer(organisation: Organisation, user: User) -> Signer:
    """A deputy signs "KT." for the head (Nghị định 30/2020, Điều 13 k1), under "TM." of a
    collective body (k2)."""
    head = head_title(organisation)
    return Signer(
        name=user.full_name,
        title=f"PHÓ {head}",
        prefix=SignerPrefix.DEPUTY,
        on_behalf_of=head,
        for_body=COLLECTIVE_BODIES.get(OrgKind(organisation.kind), ""),
    )


# The text that gives the head the power to decide, first of a decision's bases (Nghị định
# 30/2020, Phụ lục I, II.6a: "văn bản quy định thẩm quyền, chức năng, nhiệm vụ của cơ quan").
# Both wordings are flagged: LAW.md §8 marks the charter's wording and the 2025 Law's date as
# not read in an official copy; a flagged basis prints in internal documents only, never in a
# letter to a citizen (`competence_basis(for_citizen=True)` gives None).
@dataclass(frozen=True)
class CompetenceBasis:
    text: str
    needs_verification: bool


PRIMARY_SCHOOL_CHARTER = CompetenceBasis(
    "Căn cứ Thông tư số 28/2020/TT-BGDĐT ngày 04 tháng 9 năm 2020 của Bộ trưởng Bộ Giáo dục và "
    "Đào tạo ban hành Điều lệ Trường tiểu học",
    needs_verification=True,
)
LOCAL_GOVERNMENT_LAW = CompetenceBasis(
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
    needs_verification=True,
)


def competence_basis(organisation: Organisation, *, for_citizen: bool = False) -> str | None:
    """The "Căn cứ …" of the head's or the committee's power to decide, if one is known."""
    basis = None
    if organisation.kind == OrgKind.SCHOOL and organisation.name.startswith("Trường Tiểu học"):
        basis = PRIMARY_SCHOOL_CHARTER
    elif organisation.kind == OrgKind.COMMUNE_COMMITTEE:
        basis = LOCAL_GOVERNMENT_LAW
    if basis is None or (for_citizen and basis.needs_verification):
        return None
    return basis.text
