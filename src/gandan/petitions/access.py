"""Who may see and do what with citizen cases. Every view and the API ask here.

Per case, a person's part is one or more of:
- manager: head or deputy head of the school: sees every case, decides admission, assigns,
  extends, suspends, closes; sees contacts and attachments, never a denouncer's identity
  unless they resolve that case. A ward holds the complaints against its own decisions (a
  head's evaluation result): there its officers are the managers (CASE_MANAGERS);
- clerk (văn thư, tiếp công dân): receives cases and keeps the register; sees every case with
  contacts, acknowledges receipt; decides nothing;
- handler: the person resolving the case: works on it, and alone sees the denouncer's
  identity (Luật Tố cáo 2018, Điều 47 k2, Điều 56);
- verifier: reads the case (a denouncer only by pseudonym), records verification minutes;
- inspection board member (Ban thanh tra nhân dân): supervises how the school handles cases
  (Luật Thực hiện dân chủ ở cơ sở 2022, Điều 61): reads every case's kind, title, status,
  deadlines, who works on it and the timeline of what was done when (`timeline`: each act by
  its kind and document number). Not who sent it, nor what the application, the letters, the
  answer or the citizen's comments say: those are the citizen's personal data, processed only
  for resolving the case (Luật Bảo vệ dữ liệu cá nhân 2025, consent per purpose, LAW.md §6);
  documents it needs it asks of the head (Điều 61). So: no sender, contacts, content,
  attachments, letters or minutes;
- anyone else — another teacher, another school, an outsider, an authority officer — gets a
  404. Citizens follow their case with its tracking code on the public page only.
Refusals raise Http404, so that existence is not revealed.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.core.ids import public_id_or_404
from gandan.core.language import in_vietnamese
from gandan.orgs import access as org_access
from gandan.orgs.models import Organisation, Role, User
from gandan.paperwork.models import DocumentStatus, OutgoingDocument
from gandan.petitions import secrecy
from gandan.petitions.models import Attachment, Case, CaseKind, ReceptionEntry
from gandan.petitions.models.cases import CaseQuerySet
from gandan.petitions.services.documents import SOURCE_PREFIX
from gandan.petitions.services.intake import CASE_HOLDERS

MANAGER = "manager"
CLERK = "clerk"
HANDLER = "handler"
VERIFIER = "verifier"
INSPECTOR = "inspector"

# Who manages a case where it is held: the head and deputies of a school; at a ward holding
# the complaints against its own decisions (intake.CASE_HOLDERS), its officers. An officer's
# role counts in its own authority only (orgs.access.grants), never in a school below it.
CASE_MANAGERS = org_access.MANAGERS | {Role.AUTHORITY_OFFICER}

# What each action needs: any one of the parts listed.
ACTIONS: dict[str, set[str]] = {
    "view": {MANAGER, CLERK, HANDLER, VERIFIER, INSPECTOR},
    "manage": {MANAGER},
    "receive": {MANAGER, CLERK},
    "resolve": {MANAGER, HANDLER},
    "verify": {MANAGER, HANDLER, VERIFIER},
    "contact": {MANAGER, CLERK, HANDLER},
    "files": {MANAGER, CLERK, HANDLER, VERIFIER},
    # Reading, beyond status, dates and deadlines (the inspection board has none of these):
    "sender": {MANAGER, CLERK, HANDLER, VERIFIER},  # the sender's name (a denouncer's pseudonym)
    "content": {MANAGER, CLERK, HANDLER, VERIFIER},  # what the case, timeline and answer say
    "letters": {MANAGER, CLERK, HANDLER, VERIFIER},  # the case's registered documents
}


def case_parts(user: User, case: Case) -> set[str]:
    """The parts this user plays in this case (see the module docstring)."""
    parts: set[str] = set()
    if not user.is_authenticated or not user.is_active:
        return parts
    roles = org_access.roles_in_school(user, case.organisation)
    if roles & CASE_MANAGERS:
        parts.add(MANAGER)
    if Role.CLERK in roles:
        parts.add(CLERK)
    if Role.INSPECTION_BOARD in roles:
        parts.add(INSPECTOR)
    if case.handler_id == user.pk:
        parts.add(HANDLER)
    if roles and case.verifiers.filter(pk=user.pk).exists():
        parts.add(VERIFIER)
    return parts


def can(user: User, case: Case, action: str) -> bool:
    return bool(case_parts(user, case) & ACTIONS[action])


def sender_label(user: User, case: Case) -> str:
    """The sender as this user may see them: `Case.sender_label`, or a neutral label."""
    if can(user, case, "sender"):
        return case.sender_label
    return str(_("Người gửi (thông tin cá nhân không hiển thị)"))


@dataclass(frozen=True)
class TimelineLine:
    """One event of a case's timeline as this user may read it."""

    kind: str
    kind_label: str
    created_at: dt.datetime
    actor_label: str
    summary: str
    is_public: bool


def timeline(user: User, case: Case) -> list[TimelineLine]:
    """The case's timeline, oldest first. Those who may not read the case's content get each
    act by its kind and document number only: summaries quote names, reasons and answers."""
    full = can(user, case, "content")
    lines = []
    for event in case.events.select_related("document").order_by("created_at", "pk"):
        if full:
            summary = event.summary
        elif event.document is not None:
            summary = _("%(kind)s, văn bản số %(symbol)s") % {
                "kind": event.get_kind_display(),
                "symbol": event.document.number_symbol,
            }
        else:
            summary = str(event.get_kind_display())
        lines.append(
            TimelineLine(
                kind=event.kind,
                kind_label=str(event.get_kind_display()),
                created_at=event.created_at,
                actor_label=event.actor_label,
                summary=summary,
                is_public=event.is_public,
            )
        )
    return lines


def access_case(user: User, public_id: str, *, action: str = "view") -> Case:
    """The case with this public id, if the user may do `action` on it (else 404)."""
    case = (
        Case.objects.select_related("organisation__parent", "handler")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if case is None or not can(user, case, action):
        raise Http404
    return case


def case_school(user: User) -> Organisation:
    """The school whose cases the user works with: where they hold a staff role (else 404)."""
    organisation = org_access.primary_organisation(user)
    if organisation is None or organisation.is_authority:
        raise Http404
    school = organisation.school() or organisation
    if not org_access.roles_in_school(user, school):
        raise Http404
    return school


def case_register_of(user: User) -> Organisation:
    """Whose cases the user lists: their school (`case_school`); for a ward's officer, the ward,
    which holds the complaints against its own decisions (its reception pages stay closed: the
    ward receives citizens elsewhere)."""
    organisation = org_access.primary_organisation(user)
    if (
        organisation is not None
        and organisation.is_authority
        and organisation.kind in CASE_HOLDERS
        and Role.AUTHORITY_OFFICER in org_access.roles_in(user, organisation)
    ):
        return organisation
    return case_school(user)


def sees_all_cases(user: User, school: Organisation) -> bool:
    roles = org_access.roles_in_school(user, school)
    return bool(roles & (CASE_MANAGERS | {Role.CLERK, Role.INSPECTION_BOARD}))


def visible_cases(user: User, school: Organisation) -> CaseQuerySet:
    """Cases of the school the user may list: all of them for managers, the clerk and the
    inspection board; their own (handled or verified) for everyone else."""
    cases = Case.objects.filter(organisation=school)
    if sees_all_cases(user, school):
        return cases
    return cases.worked_on_by(user)


def can_manage_cases(user: User, school: Organisation) -> bool:
    return bool(org_access.roles_in_school(user, school) & org_access.MANAGERS)


def can_receive_cases(user: User, school: Organisation) -> bool:
    return bool(org_access.roles_in_school(user, school) & (org_access.MANAGERS | {Role.CLERK}))


def can_read_register(user: User, school: Organisation) -> bool:
    """The sổ tiếp công dân: the receivers and the managers (it holds personal data)."""
    return can_receive_cases(user, school)


def can_supervise(user: User, school: Organisation) -> bool:
    """Dashboard of cases and deadlines: managers and the inspection board."""
    roles = org_access.roles_in_school(user, school)
    return bool(roles & (org_access.MANAGERS | {Role.INSPECTION_BOARD}))


def can_view_identity(user: User, case: Case) -> bool:
    """Only the person resolving a denunciation sees who made it."""
    return case.is_denunciation and not case.is_anonymous and case.handler_id == user.pk


def may_see_a_denouncer_identity(user: User) -> bool:
    """Whether can_view_identity holds for some case: the user resolves a named denunciation.
    Such a login needs a second factor (settings.SECOND_FACTOR_ALSO_REQUIRED_FOR)."""
    if not user.is_authenticated:
        return False
    return Case.objects.filter(
        kind=CaseKind.DENUNCIATION, is_anonymous=False, handler=user
    ).exists()


@in_vietnamese
def _log_protected_view(
    *,
    summary: str,
    actor: User,
    organisation: Organisation,
    target: models.Model | None,
    request: HttpRequest | None,
) -> None:
    # Stored text is plain Vietnamese, whatever the screen language (ADR 1, addendum).
    record_event(
        action=Action.VIEW_PROTECTED,
        summary=summary,
        actor=actor,
        organisation=organisation,
        target=target,
        request=request,
    )


@dataclass(frozen=True)
class DenouncerView:
    name: str
    address: str
    phone: str
    email: str
    id_number: str
    original_content: str


def access_denouncer_identity(
    user: User, case: Case, *, request: HttpRequest | None = None
) -> DenouncerView:
    """The denouncer's identity, unsealed for the case's resolver only; every view is logged
    in the audit log (VIEW_PROTECTED). Anyone else gets a 404."""
    if not can_view_identity(user, case):
        raise Http404
    identity = getattr(case, "denouncer", None)
    if identity is None:
        raise Http404
    _log_protected_view(
        summary=f"Xem thông tin người tố cáo của vụ việc {case.display_code}",
        actor=user,
        organisation=case.organisation,
        target=identity,
        request=request,
    )
    return DenouncerView(
        name=secrecy.unseal(identity.name_token),
        address=secrecy.unseal(identity.address_token),
        phone=secrecy.unseal(identity.phone_token),
        email=secrecy.unseal(identity.email_token),
        id_number=secrecy.unseal(identity.id_number_token),
        original_content=secrecy.unseal(identity.original_content_token),
    )


def access_attachment(
    user: User, case: Case, public_id: str, *, request: HttpRequest | None = None
) -> Attachment:
    """An attachment of a case the user reads; identifying scans only for the resolver
    (logged like the identity itself)."""
    attachment = case.attachments.filter(public_id=public_id_or_404(public_id)).first()
    if attachment is None or not can(user, case, "files"):
        raise Http404
    if attachment.is_identifying:
        if not can_view_identity(user, case):
            raise Http404
        _log_protected_view(
            summary=f"Tải tệp đính kèm của người tố cáo, vụ việc {case.display_code}",
            actor=user,
            organisation=case.organisation,
            target=attachment,
            request=request,
        )
    return attachment


@dataclass(frozen=True)
class RegisterLine:
    """One line of the sổ tiếp công dân as shown: the names unsealed, a denouncer's kept."""

    entry: ReceptionEntry
    name: str
    address: str
    id_number: str


def access_register(
    user: User, school: Organisation, year: int, *, limit: int, request: HttpRequest | None = None
) -> list[RegisterLine]:
    """The first `limit` lines of the school's sổ tiếp công dân in `year`, for those who may
    read it (else 404). Names are unsealed and the view is logged; a denouncer is never shown
    (Luật Tố cáo 2018, Điều 47)."""
    if not can_read_register(user, school):
        raise Http404
    entries = (
        ReceptionEntry.objects.filter(organisation=school, year=year)
        .select_related("receiver", "case")
        .order_by("number")[:limit]
    )
    lines = []
    for entry in entries:
        if entry.kind == CaseKind.DENUNCIATION:
            secret = str(_("Giữ bí mật (Luật Tố cáo 2018, Điều 47)"))
            name = entry.case.pseudonym if entry.case else str(_("Giữ bí mật"))
            lines.append(RegisterLine(entry, name, secret, secret))
        else:
            lines.append(
                RegisterLine(
                    entry,
                    name=secrecy.unseal(entry.name_token),
                    address=secrecy.unseal(entry.address_token),
                    id_number=secrecy.unseal(entry.id_number_token),
                )
            )
    _log_protected_view(
        summary=f"Xem sổ tiếp công dân năm {year}",
        actor=user,
        organisation=school,
        target=None,
        request=request,
    )
    return lines


def access_case_document(user: User, case: Case, pk: int) -> OutgoingDocument:
    """A registered document of the case, for those who read its letters (they name the
    citizen and quote the case): not the inspection board."""
    document = OutgoingDocument.objects.filter(
        pk=pk, source__startswith=f"{SOURCE_PREFIX}:{case.pk}:"
    ).first()
    if document is None or not can(user, case, "letters"):
        raise Http404
    return document


def access_tracked_case(code: str) -> Case:
    """The public side: the case with this tracking code (normalised), else 404."""
    case = Case.objects.select_related("organisation").filter(tracking_code=code).first()
    if case is None:
        raise Http404
    return case


# The letters addressed to the sender (Kính gửi, or the sender among the recipients), by the
# kind in their register source: receipt, admission or refusal, the notice of a transfer,
# extension, suspension and resumption, the result, termination, apology, thanks. Not the
# transfer letter to the other body nor the notice to the person denounced (Luật Tố cáo 2018,
# Điều 29 k3): those are addressed to others.
CITIZEN_LETTERS = (
    "tiep_nhan",
    "thu_ly",
    "khong_thu_ly",
    "thong_bao_chuyen_don",
    "gia_han",
    "tam_dinh_chi",
    "tiep_tuc",
    "ket_qua",
    "dinh_chi",
    "xin_loi",
    "cam_on",
)


def citizen_letters(case: Case, today: dt.date):
    """The issued letters sent to the case's sender, oldest first: none for an anonymous
    sender (no letter names them); never one withdrawn, nor one dated after `today`."""
    if not case.can_receive_letters:
        return OutgoingDocument.objects.none()
    return OutgoingDocument.objects.filter(
        source__in=[f"{SOURCE_PREFIX}:{case.pk}:{kind}" for kind in CITIZEN_LETTERS],
        status=DocumentStatus.ISSUED,
        issued_on__lte=today,
    ).order_by("issued_on", "number")


def access_tracked_letter(case: Case, pk: int, today: dt.date) -> OutgoingDocument:
    """One letter of `citizen_letters` for whoever holds the tracking code (the case comes
    from access_tracked_case), else 404."""
    document = citizen_letters(case, today).filter(pk=pk).first()
    if document is None:
        raise Http404
    return document
