"""Who an official document names: the bodies in its header and the person who signs it."""

from gandan.orgs.models import Membership, Organisation, OrgKind, Role, User
from gandan.paperwork.document import Signer, SignerPrefix


def header_names(organisation: Organisation) -> tuple[str, str]:
    """(managing body, issuing body) as printed (Nghị định 30/2020, Phụ lục I, II.2: "tên cơ quan,
    tổ chức chủ quản trực tiếp (nếu có)"). The managing body is the parent in the tree, or, for a
    unit whose managing body Gần Dân does not hold (the Sở, under the provincial UBND), the name
    recorded on the organisation."""
    parent = organisation.parent
    managing = (parent.short_name or parent.name) if parent else organisation.managing_body_name
    return managing.upper(), organisation.name.upper()


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
