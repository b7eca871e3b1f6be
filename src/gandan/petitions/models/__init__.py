"""Models of citizen cases: the deadline rules table, cases and their records, reception.

`rules` is the versioned table of statutory limits; `cases` the cases with their stored due
dates, events, attachments and the denouncer's sealed identity; `reception` the register of
citizen reception and the head's reception schedule. Everything is importable from here.
"""

from gandan.petitions.models.cases import (
    CLOSED_STATUSES,
    IDENTIFYING_FILE_NAME,
    OPEN_STATUSES,
    Attachment,
    Case,
    CaseDeadline,
    CaseEvent,
    CaseEventKind,
    CaseExtension,
    CaseMinutes,
    CaseStatus,
    CaseSuspension,
    Channel,
    Delivery,
    DenouncerIdentity,
    InformationForm,
    MinutesKind,
)
from gandan.petitions.models.reception import (
    ReceptionEntry,
    ReceptionSession,
    SessionStatus,
)
from gandan.petitions.models.rules import (
    DEFAULT_PROCEDURE,
    PROCEDURES_OF_KIND,
    CaseKind,
    DayUnit,
    DeadlineRule,
    DeadlineRuleQuerySet,
    Procedure,
    StartEvent,
)

__all__ = [
    "CLOSED_STATUSES",
    "DEFAULT_PROCEDURE",
    "IDENTIFYING_FILE_NAME",
    "OPEN_STATUSES",
    "PROCEDURES_OF_KIND",
    "Attachment",
    "Case",
    "CaseDeadline",
    "CaseEvent",
    "CaseEventKind",
    "CaseExtension",
    "CaseKind",
    "CaseMinutes",
    "CaseStatus",
    "CaseSuspension",
    "Channel",
    "DayUnit",
    "DeadlineRule",
    "DeadlineRuleQuerySet",
    "Delivery",
    "DenouncerIdentity",
    "InformationForm",
    "MinutesKind",
    "Procedure",
    "ReceptionEntry",
    "ReceptionSession",
    "SessionStatus",
    "StartEvent",
]
