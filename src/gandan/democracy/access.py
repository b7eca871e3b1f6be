"""Who may see and do what with disclosures, information requests, ballots, consultations,
conferences and the inspection board.

- Managers (head, deputy heads): record, publish, take down disclosures; see who has not
  acknowledged; answer information requests; create, open, close and cancel ballots.
- Supervisors (inspection board, union officers; Luật 10/2022/QH15 Điều 56, 61; Điều 51 k1 for
  the union): everything a staff member sees, plus undisclosed items, proofs and compliance.
- Staff (anyone working in the school; parents on the parents' board are not staff): published
  staff disclosures, acknowledging them, their own information requests, the school's ballots,
  voting where they are on the electorate, checking their receipt.
- Authority officers above the school: read the register and the ballots; change nothing.
- Consultations: staff (or, for a parents' consultation, the parents' board members) read and
  comment; staff and authority officers read every consultation of the school; managers open,
  revise, close, answer and publish. A name withheld "from colleagues" is seen by its author
  and the head only.
- Conferences: staff and authority officers read them (agenda, attendance, documents, votes,
  minutes, resolution); the head and deputies convene, take attendance, open and close them and
  run the votes; the conference's secretary and the union chair also record the proceedings.
- Inspection board: staff and authority officers see its terms, members and programmes; the
  board's members, the union's officers, the head and deputies (and authority officers, read
  only) see its inspections and the oversight page of open and overdue work; board members
  announce and conclude inspections and follow up recommendations; managers record the
  elected board and answer recommendations; union officers recognise the election.
- Everyone else, other schools included: a 404. The public sees public disclosures only, on the
  school's public page.
"""

import datetime as dt

from django.db.models import QuerySet
from django.http import Http404

from gandan.core.ids import public_id_or_404
from gandan.democracy.electorate import is_consulted, is_parent_representative, is_staff_of
from gandan.democracy.models import (
    AgendaDocument,
    Audience,
    Ballot,
    BallotStatus,
    BoardTerm,
    Comment,
    Conference,
    ConferenceStatus,
    Consultation,
    ConsultationAudience,
    ConsultationStatus,
    DisclosureItem,
    Elector,
    InformationRequest,
    Inspection,
    InspectionStatus,
    Recommendation,
)
from gandan.democracy.models.disclosures import DisclosureItemQuerySet
from gandan.orgs import access as org_access
from gandan.orgs.models import Organisation, Role, User

SUPERVISOR_ROLES = {Role.INSPECTION_BOARD, Role.UNION_OFFICER}


def can_manage(user: User, school: Organisation) -> bool:
    """Head and deputy heads of the school."""
    return org_access.can_manage_organisation(user, school)


def can_supervise(user: User, school: Organisation) -> bool:
    """Managers, and staff on the inspection board or the union's executive."""
    if can_manage(user, school):
        return True
    return is_staff_of(user, school) and bool(
        org_access.roles_in_school(user, school) & SUPERVISOR_ROLES
    )


def can_read(user: User, school: Organisation) -> bool:
    """Staff of the school, and authority officers above it (read-only)."""
    return is_staff_of(user, school) or org_access.is_authority_over(user, school)


def school_for(user: User, slug: str | None = None) -> Organisation:
    """The school a page without an object in its address is about: the one named by `slug`
    (authority officers reading a school below them), else the user's own; if they may read it."""
    if slug:
        organisation = org_access.active_organisation(slug)
    else:
        organisation = org_access.primary_organisation(user)
    school = organisation.school() if organisation is not None else None
    if school is None or not can_read(user, school):
        raise Http404
    return school


def visible_items(user: User, school: Organisation) -> DisclosureItemQuerySet:
    """The school's disclosure items this user may see (the caller checked `can_read`)."""
    items = DisclosureItem.objects.filter(organisation=school)
    if can_supervise(user, school) or org_access.is_authority_over(user, school):
        return items
    return items.filter(published_on__isnull=False, withdrawn=False)


def access_disclosure(user: User, public_id: str, *, for_write: bool = False) -> DisclosureItem:
    """An item: managers to write; staff read it once published; supervisors read all."""
    item = (
        DisclosureItem.objects.select_related("obligation", "organisation__parent", "created_by")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if item is None:
        raise Http404
    school = item.organisation
    if for_write:
        if not can_manage(user, school):
            raise Http404
        return item
    if not can_read(user, school):
        raise Http404
    if not item.is_published and not (
        can_supervise(user, school) or org_access.is_authority_over(user, school)
    ):
        raise Http404
    return item


def access_acknowledgement_roster(user: User, public_id: str) -> DisclosureItem:
    """Who has not acknowledged a staff disclosure: the head and deputies only."""
    item = access_disclosure(user, public_id)
    if item.obligation.audience != Audience.STAFF or not can_manage(user, item.organisation):
        raise Http404
    return item


def access_proof(user: User, public_id: str) -> DisclosureItem:
    """The notice-board photo: supervisors and authority officers."""
    item = access_disclosure(user, public_id)
    school = item.organisation
    if not (can_supervise(user, school) or org_access.is_authority_over(user, school)):
        raise Http404
    if not item.proof_photo:
        raise Http404
    return item


def access_document(user: User, public_id: str) -> DisclosureItem:
    """The disclosed document: whoever may read the item."""
    item = access_disclosure(user, public_id)
    if not item.document:
        raise Http404
    return item


def unread_staff_items(user: User, school: Organisation, today: dt.date) -> DisclosureItemQuerySet:
    """Published staff disclosures on display that this staff member has not acknowledged."""
    return (
        visible_items(user, school)
        .on_display(today)
        .filter(obligation__audience=Audience.STAFF, published_on__isnull=False)
        .exclude(acknowledgements__user=user)
        .order_by("-published_on")
    )


def public_items(school: Organisation, today: dt.date) -> DisclosureItemQuerySet:
    """The school's public disclosures on display: anyone, no account needed."""
    return DisclosureItem.objects.on_display(today).filter(
        organisation=school, obligation__audience=Audience.PUBLIC
    )


def public_item(school: Organisation, public_id: str, today: dt.date) -> DisclosureItem:
    """A public disclosure on display: anyone, no account needed."""
    item = (
        public_items(school, today)
        .select_related("obligation")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if item is None:
        raise Http404
    return item


def visible_requests(user: User, school: Organisation) -> QuerySet[InformationRequest]:
    requests = InformationRequest.objects.filter(organisation=school)
    if can_supervise(user, school):
        return requests
    return requests.filter(requester=user)


def access_information_request(
    user: User, public_id: str, *, for_answer: bool = False
) -> InformationRequest:
    """The requester, managers and supervisors read it; managers answer it."""
    request = (
        InformationRequest.objects.select_related(
            "organisation", "requester", "obligation", "item", "answered_by"
        )
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if request is None:
        raise Http404
    school = request.organisation
    if for_answer:
        allowed = can_manage(user, school)
    else:
        allowed = request.requester_id == user.pk or can_supervise(user, school)
    if not allowed:
        raise Http404
    return request


def visible_ballots(user: User, school: Organisation) -> QuerySet[Ballot]:
    ballots = Ballot.objects.filter(organisation=school)
    if can_manage(user, school):
        return ballots
    return ballots.exclude(status=BallotStatus.DRAFT)


def access_ballot(user: User, public_id: str, *, action: str = "view") -> Ballot:
    """A ballot, for `action`:
    view: staff and authority officers (drafts: managers only);
    vote, receipt: people on its electorate (and managers, for the receipt check);
    manage: the head and deputies.
    """
    ballot = (
        Ballot.objects.select_related("organisation__parent", "electorate_unit")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if ballot is None:
        raise Http404
    school = ballot.organisation
    managing = can_manage(user, school)
    if action == "manage":
        allowed = managing
    elif action == "vote":
        allowed = is_elector(user, ballot)
    elif action == "receipt":
        allowed = managing or is_elector(user, ballot)
    else:
        allowed = can_read(user, school) and (ballot.status != BallotStatus.DRAFT or managing)
    if not allowed:
        raise Http404
    return ballot


def is_elector(user: User, ballot: Ballot) -> bool:
    if not user.is_authenticated:
        return False
    return Elector.objects.filter(ballot=ballot, user=user).exists()


def ballots_awaiting_vote(user: User, school: Organisation) -> QuerySet[Ballot]:
    """The school's open ballots with this person on the electorate who has not voted yet."""
    return (
        visible_ballots(user, school)
        .filter(status=BallotStatus.OPEN, electors__user=user)
        .exclude(participations__voter=user)
        .order_by("closes_at", "-opened_at")
    )


# Consultations.


def consultation_school(user: User, slug: str | None = None) -> Organisation:
    """Like `school_for`, but the parents' board members of a school also reach its
    consultations list (where they see the parents' consultations only)."""
    if slug:
        organisation = org_access.active_organisation(slug)
    else:
        organisation = org_access.primary_organisation(user)
    school = organisation.school() if organisation is not None else None
    if school is None:
        raise Http404
    if not (can_read(user, school) or is_parent_representative(user, school)):
        raise Http404
    return school


def visible_consultations(user: User, school: Organisation) -> QuerySet[Consultation]:
    """Staff and authority officers: all of the school's; parents' representatives: theirs."""
    consultations = Consultation.objects.filter(organisation=school)
    if can_read(user, school):
        return consultations
    if is_parent_representative(user, school):
        return consultations.filter(audience=ConsultationAudience.PARENTS)
    return consultations.none()


def consultations_awaiting_opinion(
    user: User, school: Organisation, today: dt.date
) -> list[Consultation]:
    """Open consultations this person is asked about and has not yet commented on (ten)."""
    consultations = (
        visible_consultations(user, school)
        .filter(status=ConsultationStatus.OPEN, opens_on__lte=today, deadline__gte=today)
        .exclude(comments__author=user)
        .order_by("deadline")
    )
    return [consultation for consultation in consultations[:10] if is_consulted(user, consultation)]


def access_consultation(user: User, public_id: str, *, action: str = "view") -> Consultation:
    """A consultation, for `action`:
    view: staff and authority officers of the school; parents' representatives (parents' ones);
    comment: the people asked (staff, or parents' representatives);
    manage: the head and deputies.
    """
    consultation = (
        Consultation.objects.select_related("organisation__parent", "summary_document")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if consultation is None:
        raise Http404
    school = consultation.organisation
    if action == "manage":
        allowed = can_manage(user, school)
    elif action == "comment":
        allowed = is_consulted(user, consultation)
    else:
        allowed = can_read(user, school) or (
            consultation.audience == ConsultationAudience.PARENTS
            and is_parent_representative(user, school)
        )
    if not allowed:
        raise Http404
    return consultation


def access_comment(user: User, public_id: str) -> Comment:
    """A comment, to answer it: the head and deputies."""
    comment = (
        Comment.objects.select_related("consultation__organisation", "paragraph", "version")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if comment is None or not can_manage(user, comment.consultation.organisation):
        raise Http404
    return comment


def can_see_author(user: User, comment: Comment) -> bool:
    """A name withheld from colleagues is seen by its author and by the head, who answers."""
    if not comment.is_anonymous:
        return True
    if comment.author_id == user.pk:
        return True
    return Role.HEAD in org_access.roles_in_school(user, comment.consultation.organisation)


# The staff conference.


def access_conference(user: User, public_id: str, *, action: str = "view") -> Conference:
    """A conference, for `action`:
    view: staff and authority officers of the school;
    record (notes, documents): managers, the conference's secretary and union chair;
    manage (attendance, opening, votes, resolution, closing, checks): the head and deputies.
    """
    conference = (
        Conference.objects.select_related(
            "organisation__parent", "chair", "union_chair", "secretary"
        )
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if conference is None:
        raise Http404
    school = conference.organisation
    if action == "manage":
        allowed = can_manage(user, school)
    elif action == "record":
        allowed = can_manage(user, school) or (
            is_staff_of(user, school)
            and user.pk in {conference.secretary_id, conference.union_chair_id}
        )
    else:
        allowed = can_read(user, school)
    if not allowed:
        raise Http404
    return conference


def access_agenda_document(user: User, public_id: str) -> AgendaDocument:
    """A document put before the conference: whoever may read the conference."""
    document = (
        AgendaDocument.objects.select_related("item__conference__organisation")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if document is None or not can_read(user, document.item.conference.organisation):
        raise Http404
    return document


# The inspection board.


def is_board_member(user: User, school: Organisation) -> bool:
    """Staff holding the inspection-board role in the school (dated to the board's term)."""
    return is_staff_of(user, school) and Role.INSPECTION_BOARD in org_access.roles_in_school(
        user, school
    )


def is_union_officer(user: User, school: Organisation) -> bool:
    return is_staff_of(user, school) and Role.UNION_OFFICER in org_access.roles_in_school(
        user, school
    )


def can_oversee(user: User, school: Organisation) -> bool:
    """The board's inspections and the oversight page: supervisors, and authority officers."""
    return can_supervise(user, school) or org_access.is_authority_over(user, school)


def access_board_term(user: User, public_id: str, *, action: str = "view") -> BoardTerm:
    """A board term: staff and authority officers read it; union officers recognise it."""
    term = (
        BoardTerm.objects.select_related("organisation__parent", "unit")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if term is None:
        raise Http404
    school = term.organisation
    if action == "recognise":
        allowed = is_union_officer(user, school)
    elif action == "work":
        allowed = is_board_member(user, school)
    else:
        allowed = can_read(user, school)
    if not allowed:
        raise Http404
    return term


def access_inspection(user: User, public_id: str, *, action: str = "view") -> Inspection:
    """An inspection: overseers read it; board members conclude it."""
    inspection = (
        Inspection.objects.select_related("term__organisation__parent", "programme")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if inspection is None:
        raise Http404
    school = inspection.term.organisation
    allowed = is_board_member(user, school) if action == "work" else can_oversee(user, school)
    if not allowed:
        raise Http404
    return inspection


def access_recommendation(user: User, public_id: str, *, action: str) -> Recommendation:
    """A recommendation: the head and deputies answer it; board members follow it up."""
    recommendation = (
        Recommendation.objects.select_related("inspection__term__organisation")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if recommendation is None:
        raise Http404
    school = recommendation.inspection.term.organisation
    if action == "answer":
        allowed = can_manage(user, school)
    elif action == "follow_up":
        allowed = is_board_member(user, school)
    else:
        allowed = False
    if not allowed:
        raise Http404
    return recommendation


def recommendations_awaiting_answer(user: User, school: Organisation) -> QuerySet[Recommendation]:
    """The board's recommendations the head has not answered yet, soonest due first: for the
    head and deputies (who answer them) and for the overseers (the board, the union)."""
    if not can_oversee(user, school):
        return Recommendation.objects.none()
    return (
        Recommendation.objects.awaiting_answer()
        .filter(inspection__term__organisation=school)
        .select_related("inspection")
        .order_by("answer_due", "inspection__concluded_on", "order")
    )


def inspections_in_progress(user: User, school: Organisation) -> QuerySet[Inspection]:
    """Announced inspections without findings yet: for the overseers."""
    if not can_oversee(user, school):
        return Inspection.objects.none()
    return Inspection.objects.filter(
        term__organisation=school, status=InspectionStatus.NOTIFIED
    ).order_by("starts_on")


def conferences_to_prepare(user: User, school: Organisation) -> QuerySet[Conference]:
    """Conferences convened and not yet closed, soonest first: for the union's officers, who
    organise them with the head (Luật 10/2022/QH15, Điều 51 k1)."""
    if not is_union_officer(user, school):
        return Conference.objects.none()
    return (
        Conference.objects.filter(organisation=school)
        .exclude(status=ConferenceStatus.CLOSED)
        .order_by("held_on", "created_at")
    )


def ballots_under_way(user: User, school: Organisation) -> QuerySet[Ballot]:
    """The school's open votes: for the union's officers, who organise the votes of the staff."""
    if not is_union_officer(user, school):
        return Ballot.objects.none()
    return visible_ballots(user, school).filter(status=BallotStatus.OPEN).order_by("opened_at")


def board_terms_to_recognise(user: User, school: Organisation) -> QuerySet[BoardTerm]:
    """Elected boards whose result the union has not recognised yet, soonest due first (NĐ
    59/2023/NĐ-CP, Điều 21 k1: within 05 working days): for the union's officers."""
    if not is_union_officer(user, school):
        return BoardTerm.objects.none()
    return BoardTerm.objects.filter(organisation=school, recognised_on__isnull=True).order_by(
        "recognition_due"
    )
