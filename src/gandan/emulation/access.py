"""Who may see and do what in the "Dân vận khéo" movement.

- Managers (head, deputies): everything at their school; they create campaigns, edit the
  criteria, name the council, and decide on recognition.
- Council members: read every member's score cards and score the registrations they review
  (never their own); the chair runs the shortlist ballot and concludes the review.
- Staff: read the campaign, its registrations and updates; register, report on and submit
  their own (or their unit's) registration; nominate colleagues; see published results.
- Authority officers above the school: read like staff; change nothing.
- Everyone else: 404. The public sees only the stories the head chose to publish.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from gandan.core.ids import public_id_or_404
from gandan.democracy.electorate import is_staff_of
from gandan.emulation.models import (
    Campaign,
    CampaignStatus,
    CouncilMember,
    CouncilRole,
    Evidence,
    Nomination,
    NominationStatus,
    Recognition,
    Registration,
    RegistrationQuerySet,
    RegistrationStatus,
)
from gandan.orgs import access as org_access
from gandan.orgs.models import Membership, Organisation, User


def can_manage(user: User, school: Organisation) -> bool:
    """Head and deputy heads of the school."""
    return org_access.can_manage_organisation(user, school)


def can_read(user: User, school: Organisation) -> bool:
    """Staff of the school, and authority officers above it (read-only)."""
    return is_staff_of(user, school) or org_access.is_authority_over(user, school)


def can_take_part(user: User, school: Organisation) -> bool:
    """Staff of the school: they register models, report on them and nominate colleagues."""
    return is_staff_of(user, school)


def council_role(user: User, campaign: Campaign) -> str | None:
    if not user.is_authenticated:
        return None
    cache = getattr(user, "_gandan_council", None)
    if cache is None:
        # A per-request cache on the user object, as orgs.access.grants keeps its roles.
        cache = user._gandan_council = {}  # type: ignore[attr-defined]
    if campaign.pk not in cache:
        cache[campaign.pk] = (
            CouncilMember.objects.filter(campaign=campaign, user=user)
            .values_list("role", flat=True)
            .first()
        )
    return cache[campaign.pk]


def is_council_member(user: User, campaign: Campaign) -> bool:
    return council_role(user, campaign) is not None


def can_run_review(user: User, campaign: Campaign) -> bool:
    """The council's chair, and the managers: the shortlist ballot and the conclusion."""
    return council_role(user, campaign) == CouncilRole.CHAIR or can_manage(
        user, campaign.organisation
    )


def can_see_scores(user: User, campaign: Campaign) -> bool:
    """Every member's score card: the council and the managers."""
    return is_council_member(user, campaign) or can_manage(user, campaign.organisation)


def can_see_results(user: User, campaign: Campaign) -> bool:
    """The council's result per registration: to all readers once the council has concluded."""
    return can_see_scores(user, campaign) or campaign.is_reviewed


def is_responsible(user: User, registration: Registration) -> bool:
    """The registrant, or anyone holding a current role in the unit it was registered for."""
    if registration.registrant_id == user.pk:
        return True
    if registration.unit_id is None:
        return False
    return (
        Membership.objects.current()
        .filter(user=user, organisation_id=registration.unit_id)
        .exists()
    )


def school_for(user: User, slug: str | None = None) -> Organisation:
    """The school a list page is about: the one named by `slug` (authority officers), else the
    user's own; if the user may read it."""
    if slug:
        organisation = org_access.active_organisation(slug)
    else:
        organisation = org_access.primary_organisation(user)
    school = organisation.school() if organisation is not None else None
    if school is None or not can_read(user, school):
        raise Http404
    return school


def visible_campaigns(user: User, school: Organisation) -> QuerySet[Campaign]:
    """Campaigns of a school the caller may read (the caller checked the school)."""
    return Campaign.objects.filter(organisation=school)


def access_campaign(user: User, public_id: str, *, action: str = "view") -> Campaign:
    """A campaign, for `action`: view (staff, authority above), manage (managers),
    review (the chair and the managers)."""
    campaign = (
        Campaign.objects.select_related("organisation__parent", "plan", "minutes")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if campaign is None:
        raise Http404
    school = campaign.organisation
    if action == "manage":
        allowed = can_manage(user, school)
    elif action == "review":
        allowed = can_run_review(user, campaign)
    else:
        allowed = can_read(user, school)
    if not allowed:
        raise Http404
    return campaign


def access_registration(user: User, public_id: str, *, action: str = "view") -> Registration:
    """A registration, for `action`:
    view: staff and authority officers;
    report (updates, submission): the registrant or a member of its unit;
    score: a council member of its campaign who is not the registrant;
    manage (recognition): the managers.
    """
    registration = (
        Registration.objects.select_related(
            "campaign__organisation__parent", "campaign__plan", "registrant", "unit"
        )
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if registration is None:
        raise Http404
    campaign = registration.campaign
    school = campaign.organisation
    if action == "report":
        allowed = is_staff_of(user, school) and is_responsible(user, registration)
    elif action == "score":
        # Nobody scores their own registration.
        allowed = (
            is_council_member(user, campaign)
            and registration.registrant_id != user.pk
            and is_staff_of(user, school)
        )
    elif action == "manage":
        allowed = can_manage(user, school)
    else:
        allowed = can_read(user, school)
    if not allowed:
        raise Http404
    return registration


def responsible_registrations(user: User, school: Organisation) -> RegistrationQuerySet:
    """The school's registrations the user answers for (is_responsible, as a query)."""
    units = Membership.objects.current().filter(user=user).values("organisation_id")
    return Registration.objects.filter(campaign__organisation=school).filter(
        Q(registrant=user) | Q(unit__in=units)
    )


def registrations_to_score(user: User, school: Organisation) -> QuerySet[Registration]:
    """Submitted registrations waiting for the user's score card: the user sits on the council
    of a campaign under review, not yet concluded, and is not the registrant (access "score")."""
    return (
        Registration.objects.filter(
            campaign__organisation=school,
            campaign__status=CampaignStatus.REVIEW,
            campaign__review_concluded_at__isnull=True,
            campaign__council__user=user,
            status=RegistrationStatus.SUBMITTED,
        )
        .exclude(registrant=user)
        .exclude(scores__member=user)
        .distinct()
    )


def can_see_evidence(user: User, registration: Registration) -> bool:
    """Evidence files (photos of people): the registrant and its unit, the council, the
    managers, and authority officers above."""
    campaign = registration.campaign
    school = campaign.organisation
    return (
        (is_staff_of(user, school) and is_responsible(user, registration))
        or (is_staff_of(user, school) and is_council_member(user, campaign))
        or can_manage(user, school)
        or org_access.is_authority_over(user, school)
    )


def access_evidence(user: User, public_id: str) -> Evidence:
    """An evidence file, for those who may see evidence (can_see_evidence)."""
    evidence = (
        Evidence.objects.select_related("update__registration__campaign__organisation")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if evidence is None or not can_see_evidence(user, evidence.update.registration):
        raise Http404
    return evidence


def visible_nominations(user: User, campaign: Campaign) -> QuerySet[Nomination]:
    """Nominations the user may see: all for managers; otherwise those the nominee agreed to,
    and the user's own (as nominee or nominator)."""
    nominations = Nomination.objects.filter(campaign=campaign)
    if can_manage(user, campaign.organisation):
        return nominations
    return nominations.filter(
        ~Q(status__in=[NominationStatus.AWAITING_CONSENT, NominationStatus.DECLINED])
        | Q(nominee=user)
        | Q(nominator=user)
    )


def nominations_to_answer(user: User, school: Organisation) -> QuerySet[Nomination]:
    """Nominations of the school's staff waiting for the user's consent (access "consent")."""
    return Nomination.objects.filter(
        campaign__organisation=school, nominee=user, status=NominationStatus.AWAITING_CONSENT
    )


def access_nomination(user: User, public_id: str, *, action: str = "view") -> Nomination:
    """A nomination, for `action`: view (see visible_nominations), consent (the nominee only),
    manage (the managers)."""
    nomination = (
        Nomination.objects.select_related(
            "campaign__organisation__parent", "nominee", "nominator", "ballot", "decision"
        )
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if nomination is None:
        raise Http404
    school = nomination.campaign.organisation
    involved = user.pk in (nomination.nominee_id, nomination.nominator_id)
    if action == "consent":
        allowed = nomination.nominee_id == user.pk and is_staff_of(user, school)
    elif action == "manage":
        allowed = can_manage(user, school)
    else:
        allowed = can_read(user, school) and (
            not nomination.is_private or involved or can_manage(user, school)
        )
    if not allowed:
        raise Http404
    return nomination


# The public site: no account, published stories only.


def public_school(slug: str) -> Organisation:
    """The active school of the public pages; anything else is a 404."""
    return org_access.active_school_or_404(slug)


def published_stories(school: Organisation) -> QuerySet[Recognition]:
    return Recognition.objects.filter(
        registration__campaign__organisation=school, publish_publicly=True
    ).select_related("registration__campaign", "registration__unit", "registration__registrant")


def public_story(school: Organisation, public_id: str) -> Recognition:
    """A published story of this school: anyone; anything else is a 404."""
    story = published_stories(school).filter(public_id=public_id_or_404(public_id)).first()
    if story is None:
        raise Http404
    return story
