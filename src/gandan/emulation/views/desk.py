"""The desk panel: my registrations, what I have to score, nominations awaiting my answer."""

import datetime as dt

from django.db.models import Q

from gandan.emulation import access
from gandan.emulation.models import (
    OPEN_STATUSES,
    CampaignStatus,
    Nomination,
    NominationStatus,
    Registration,
    RegistrationStatus,
)
from gandan.orgs import access as org_access
from gandan.orgs.models import Membership


def desk_panel(user, today: dt.date) -> dict:
    organisation = org_access.primary_organisation(user)
    school = organisation.school() if organisation is not None else None
    if school is None or not access.can_take_part(user, school):
        return {"school": None}
    units = Membership.objects.current().filter(user=user).values("organisation_id")
    mine = list(
        Registration.objects.filter(campaign__organisation=school)
        .exclude(campaign__status=CampaignStatus.CLOSED)
        .filter(Q(registrant=user) | Q(unit__in=units))
        .select_related("campaign")
        .order_by("campaign__starts_on", "title")[:10]
    )
    to_score = list(
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
        .order_by("title")[:10]
    )
    asked = list(
        Nomination.objects.filter(
            campaign__organisation=school,
            nominee=user,
            status=NominationStatus.AWAITING_CONSENT,
        ).select_related("nominator")[:5]
    )
    return {
        "school": school,
        "mine": mine,
        "open_statuses": OPEN_STATUSES,
        "to_score": to_score,
        "asked": asked,
        "total": len(to_score) + len(asked),
    }
