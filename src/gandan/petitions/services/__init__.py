"""Use cases of citizen cases, one module per sub-domain; everything importable from here.

- intake: the Submission, submit_case (any channel, idempotent), receive_walk_in (staff entry
  with the reception register), tracking codes;
- workflow: classify, split, accept, refuse, transfer, assign, redact, record minutes;
- resolution: extend, suspend, resume, resolve, send, publish, close, close unresolved,
  withdraw, rate, contest;
- documents: the case's registered documents, acknowledgement, apology, thank-you letters;
- reception: the head's reception schedule and the sổ tiếp công dân;
- timing: stored due dates; reminders: notices before and after due dates.

Every use case that stores text runs under `core.language.in_vietnamese` at its definition.
"""

from gandan.petitions.services.documents import (
    case_documents,
    issue_acknowledgement,
    issue_apology,
    issue_thanks,
    late_steps,
)
from gandan.petitions.services.intake import (
    CONSENT_TEXT,
    CONSENT_VERSION,
    Sender,
    Submission,
    check_submission,
    normalise_tracking_code,
    receive_walk_in,
    submit_case,
)
from gandan.petitions.services.reception import (
    earliest_reception_day,
    months_without_reception,
    postpone_reception,
    record_reception,
    schedule_reception,
)
from gandan.petitions.services.reminders import send_case_reminders
from gandan.petitions.services.resolution import (
    Complexity,
    close_case,
    close_unresolved,
    contest_case,
    extend_case,
    publish_resolution,
    rate_case,
    resolve_case,
    resume_case,
    send_resolution,
    suspend_case,
    withdraw_case,
)
from gandan.petitions.services.timing import recompute_open_cases, store_deadlines
from gandan.petitions.services.workflow import (
    CasePart,
    accept_case,
    assign_case,
    classify_case,
    record_minutes,
    redact_case,
    refuse_case,
    split_case,
    transfer_case,
)

__all__ = [
    "CONSENT_TEXT",
    "CONSENT_VERSION",
    "CasePart",
    "Complexity",
    "Sender",
    "Submission",
    "accept_case",
    "assign_case",
    "case_documents",
    "check_submission",
    "classify_case",
    "close_case",
    "close_unresolved",
    "contest_case",
    "earliest_reception_day",
    "extend_case",
    "issue_acknowledgement",
    "issue_apology",
    "issue_thanks",
    "late_steps",
    "months_without_reception",
    "normalise_tracking_code",
    "postpone_reception",
    "publish_resolution",
    "rate_case",
    "receive_walk_in",
    "recompute_open_cases",
    "record_minutes",
    "record_reception",
    "redact_case",
    "refuse_case",
    "resolve_case",
    "resume_case",
    "schedule_reception",
    "send_case_reminders",
    "send_resolution",
    "split_case",
    "store_deadlines",
    "submit_case",
    "suspend_case",
    "transfer_case",
    "withdraw_case",
]
