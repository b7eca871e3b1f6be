"""Who an official document names: the bodies in its header and the person who signs it."""

from gandan.orgs.models import Membership, Organisation, OrgKind, Role, User
from gandan.paperwork.document import Signer, SignerPrefix


def header_names(organisation: Organisation) -> tuple[str, str]:
    """(managing body, issuing body) as printed (Nghị định 30/2020, Phụ lục I, II.2)."""
    parent = organisation.parent
    managing = (parent.short_name or parent.name).upper() if parent else ""
    return managing, organisation.name.upper()


def head_of(organisation: Organisation) -> User | None:
    """The organisation's current head, if one is recorded."""
    membership = (
        Membership.objects.current()
        .filter(organisation=organisation, role=Role.HEAD)
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


def head_title(organisation: Organisation) -> str:
    """The head's title as printed above the signature."""
    return "HIỆU TRƯỞNG" if organisation.kind == OrgKind.SCHOOL else "THỦ TRƯỞNG"


def head_signer(organisation: Organisation) -> Signer:
    """The head signs (Nghị định 30/2020, Điều 13 k1); a blank name if none is recorded."""
    head = head_of(organisation)
    return Signer(name=head.full_name if head else "", title=head_title(organisation))


def deputy_signer(organisation: Organisation, user: User) -> Signer:
    """A deputy signs "KT." for the head (Nghị định 30/2020, Điều 13 k1)."""
    head = head_title(organisation)
    return Signer(
        name=user.full_name,
        title=f"PHÓ {head}",
        prefix=SignerPrefix.DEPUTY,
        on_behalf_of=head,
    )
