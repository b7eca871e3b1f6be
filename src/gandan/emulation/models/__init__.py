from gandan.emulation.models.campaigns import (
    CAMPAIGN_PHASES,
    Campaign,
    CampaignStatus,
    CouncilMember,
    CouncilRole,
    Criterion,
    CriterionKind,
)
from gandan.emulation.models.events import EmulationEvent, EventKind
from gandan.emulation.models.nominations import (
    PRIVATE_STATUSES,
    Nomination,
    NominationStatus,
)
from gandan.emulation.models.registrations import (
    OPEN_STATUSES,
    Evidence,
    Field,
    Recognition,
    RecognitionLevel,
    Registration,
    RegistrationKind,
    RegistrationQuerySet,
    RegistrationStatus,
    Score,
    Update,
)

__all__ = [
    "CAMPAIGN_PHASES",
    "OPEN_STATUSES",
    "PRIVATE_STATUSES",
    "Campaign",
    "CampaignStatus",
    "CouncilMember",
    "CouncilRole",
    "Criterion",
    "CriterionKind",
    "EmulationEvent",
    "EventKind",
    "Evidence",
    "Field",
    "Nomination",
    "NominationStatus",
    "Recognition",
    "RecognitionLevel",
    "Registration",
    "RegistrationKind",
    "RegistrationQuerySet",
    "RegistrationStatus",
    "Score",
    "Update",
]
