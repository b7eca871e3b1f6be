"""Use cases of citizen cases, one module per sub-domain; everything importable from here.

- intake: submit_case (any channel, idempotent), tracking codes;
- workflow: classify, split, accept, refuse, transfer, assign, redact, record minutes;
- resolution: extend, suspend, resume, resolve, send, publish, close, close unresolved,
  withdraw, rate, contest;
- documents: the case's registered documents, acknowledgement, apology, thank-you letters;
- reception: the head's reception schedule and the sổ tiếp công dân;
- timing: stored due dates; reminders: notices before and after due dates.
"""

from gandan.petitions.events import in_vietnamese
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
    check_submission,
    normalise_tracking_code,
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

# Every use case stores Vietnamese records whatever the screen language (ADR 1, addendum).
accept_case = in_vietnamese(accept_case)
assign_case = in_vietnamese(assign_case)
classify_case = in_vietnamese(classify_case)
close_case = in_vietnamese(close_case)
close_unresolved = in_vietnamese(close_unresolved)
contest_case = in_vietnamese(contest_case)
extend_case = in_vietnamese(extend_case)
issue_acknowledgement = in_vietnamese(issue_acknowledgement)
issue_apology = in_vietnamese(issue_apology)
issue_thanks = in_vietnamese(issue_thanks)
postpone_reception = in_vietnamese(postpone_reception)
publish_resolution = in_vietnamese(publish_resolution)
rate_case = in_vietnamese(rate_case)
recompute_open_cases = in_vietnamese(recompute_open_cases)
record_minutes = in_vietnamese(record_minutes)
record_reception = in_vietnamese(record_reception)
redact_case = in_vietnamese(redact_case)
refuse_case = in_vietnamese(refuse_case)
resolve_case = in_vietnamese(resolve_case)
resume_case = in_vietnamese(resume_case)
schedule_reception = in_vietnamese(schedule_reception)
send_case_reminders = in_vietnamese(send_case_reminders)
send_resolution = in_vietnamese(send_resolution)
split_case = in_vietnamese(split_case)
store_deadlines = in_vietnamese(store_deadlines)
submit_case = in_vietnamese(submit_case)
suspend_case = in_vietnamese(suspend_case)
transfer_case = in_vietnamese(transfer_case)
withdraw_case = in_vietnamese(withdraw_case)

__all__ = [
    "CONSENT_TEXT",
    "CONSENT_VERSION",
    "CasePart",
    "Complexity",
    "Sender",
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
