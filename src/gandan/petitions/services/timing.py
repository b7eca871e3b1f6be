"""Stored due dates of cases: computed from the rules in force at receipt, kept up to date.

`store_deadlines` recomputes one case with `gandan.petitions.deadlines.compute_deadlines` (the
rules in force on its receipt date, the working calendar, its acceptance, decision, extensions
and suspensions) and upserts one `CaseDeadline` per step, keeping what was already done.
`complete_steps` marks the steps an action fulfils; `refresh_next_due` stores the earliest
pending due date on the case (`next_pending`), so that "overdue" and "due soon" are indexed
queries.

A case being received has no rows yet: `new_case_deadlines` computes them in memory and puts
the next due date on the unsaved case, and `insert_deadlines` writes them in one INSERT once
the case has its key (the public intake reads nothing back).
"""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gandan.core.compiled import insert_all
from gandan.core.language import in_vietnamese
from gandan.petitions.deadlines import Extension, compute_deadlines
from gandan.petitions.models import (
    OPEN_STATUSES,
    Case,
    CaseDeadline,
    CaseEventKind,
    StartEvent,
)

# The steps that are the school's own duties, and the actions that fulfil each. Other steps
# (the complainant's time limits, the day a decision becomes final, the superior body's steps)
# are shown for information and never reminded.
STEP_DONE_BY: dict[str, frozenset[str]] = {
    # Luật Khiếu nại 2011, Điều 27, 36, 50: thụ lý or a written refusal.
    "thu_ly": frozenset({CaseEventKind.ACCEPTED, CaseEventKind.REFUSED, CaseEventKind.TRANSFERRED}),
    # Luật Tố cáo 2018, Điều 24 k1: initial handling ends with acceptance, refusal or transfer.
    "xu_ly_ban_dau": frozenset(
        {CaseEventKind.ACCEPTED, CaseEventKind.REFUSED, CaseEventKind.TRANSFERRED}
    ),
    # Luật Tố cáo 2018, Điều 24 k2: forwarding is due only when the school is not competent.
    "chuyen_don": frozenset({CaseEventKind.TRANSFERRED}),
    # Luật Tố cáo 2018, Điều 29 k3: the notices go out with the acceptance decision.
    "thong_bao_thu_ly": frozenset({CaseEventKind.ACCEPTED}),
    # Luật Tiếp công dân 2013, Điều 28 k1: an answer (acceptance, refusal, transfer, or the reply).
    "tra_loi": frozenset(
        {
            CaseEventKind.ACCEPTED,
            CaseEventKind.REFUSED,
            CaseEventKind.TRANSFERRED,
            CaseEventKind.RESOLVED,
        }
    ),
    "giai_quyet": frozenset({CaseEventKind.RESOLVED}),
    # Luật Tiếp cận thông tin 2016, Điều 29–31: provide, or refuse in writing.
    "cung_cap": frozenset({CaseEventKind.RESOLVED, CaseEventKind.REFUSED}),
    "thong_bao_thoi_han": frozenset({CaseEventKind.ACCEPTED, CaseEventKind.EXTENDED}),
    "gui_quyet_dinh": frozenset({CaseEventKind.SENT}),
    "gui_ket_luan": frozenset({CaseEventKind.SENT}),
    "cong_khai_ket_luan": frozenset({CaseEventKind.PUBLISHED}),
    "cong_bo_quyet_dinh": frozenset({CaseEventKind.PUBLISHED}),
    "xu_ly_ket_luan": frozenset({CaseEventKind.CLOSED}),
    # The suspension and resumption decisions are issued and sent by the action itself.
    "gui_quyet_dinh_tam_dinh_chi": frozenset({CaseEventKind.SUSPENDED}),
    "gui_quyet_dinh_tiep_tuc": frozenset({CaseEventKind.RESUMED}),
}


def deadline_inputs(case: Case) -> dict:
    """The arguments of `compute_deadlines` for this case, from its stored facts (an unsaved
    case has no suspension or extension yet)."""
    events: dict[str, dt.date] = {}
    if case.resolved_on:
        events[StartEvent.DECISION_ISSUED] = case.resolved_on
    saved = case.pk is not None
    suspensions = list(case.suspensions.order_by("suspended_on", "pk")) if saved else []
    if suspensions:
        events[StartEvent.SUSPENDED] = suspensions[-1].suspended_on
        if suspensions[-1].resumed_on:
            events[StartEvent.RESUMED] = suspensions[-1].resumed_on
    extensions: dict[str, list[Extension]] = {}
    for extension in case.extensions.order_by("granted_on", "pk") if saved else []:
        extensions.setdefault(extension.step, []).append(
            Extension(decision=extension.decision, days=extension.days)
        )
    return {
        "kind": case.kind,
        "procedure": case.procedure,
        "received": case.received_on,
        "accepted": case.accepted_on,
        "complex": case.is_complex,
        "very_complex": case.is_very_complex,
        "remote": case.is_remote,
        "events": events,
        "extensions": extensions,
        "suspensions": [(s.suspended_on, s.resumed_on) for s in suspensions],
    }


def has_deadlines(case: Case) -> bool:
    # Luật Tố cáo 2018, Điều 25: anonymous information is not processed as a tố cáo, so the
    # tố cáo time limits do not run for it.
    return not case.is_anonymous_information


@in_vietnamese
@transaction.atomic
def store_deadlines(case: Case) -> list[CaseDeadline]:
    """Recompute and store every step's due date of one case; keeps done and moot marks."""
    if not has_deadlines(case):
        case.deadlines.all().delete()
        _store_next_due(case, [])
        return []
    existing = {row.step: row for row in case.deadlines.all()}
    kept = _rows(case, existing)
    for row in kept:
        row.save()
    for stale in existing.values():
        stale.delete()
    _store_next_due(case, kept)
    return kept


def new_case_deadlines(case: Case) -> list[CaseDeadline]:
    """The due dates of a case not saved yet, computed in memory; the case's next due date
    and step are set on it. Write them with `insert_deadlines` once the case is saved."""
    rows = _rows(case, {}) if has_deadlines(case) else []
    case.next_due, case.next_step = next_pending(rows)
    return rows


def insert_deadlines(case: Case, rows: list[CaseDeadline]) -> None:
    for row in rows:
        row.case = case
    insert_all(rows)  # bulk_create, compiled once (core/compiled.py)


def _rows(case: Case, existing: dict[str, CaseDeadline]) -> list[CaseDeadline]:
    """Every step's row as computed now: the existing row of the step updated (popped from
    `existing`, so that what is left there is stale), or a new one."""
    computed = compute_deadlines(**deadline_inputs(case))
    rows = []
    ended = case.closed_at is not None
    for order, step in enumerate(computed):
        row = existing.pop(step.step, None)
        if row is None:
            # A step that appears after the case ended reminds no one.
            row = CaseDeadline(case=case, step=step.step, moot=ended)
        row.step_label = step.step_label
        row.order = order
        row.due = step.due
        row.last_day = step.last_day
        row.projected_due = step.projected_due
        row.unit = step.unit
        row.limit = step.limit
        row.citation = step.citation
        row.needs_verification = step.needs_verification
        row.is_internal_policy = step.is_internal_policy
        row.is_tracked = step.step in STEP_DONE_BY
        row.suspended = step.suspended
        rows.append(row)
    return rows


# Steps that an action makes unnecessary: a case the school accepts or refuses itself is not
# forwarded (Luật Tố cáo 2018, Điều 24 k2 applies only when it is not competent).
STEP_MOOT_ON: dict[str, frozenset[str]] = {
    "chuyen_don": frozenset(
        {CaseEventKind.ACCEPTED, CaseEventKind.REFUSED, CaseEventKind.RESOLVED}
    ),
}


def complete_steps(case: Case, action: str, on: dt.date) -> int:
    """Mark done the pending steps that `action` (a CaseEventKind) fulfils, and moot those it
    makes unnecessary."""
    moot = [step for step, actions in STEP_MOOT_ON.items() if action in actions]
    case.deadlines.filter(step__in=moot, done_on__isnull=True).update(moot=True)
    steps = [step for step, actions in STEP_DONE_BY.items() if action in actions]
    return case.deadlines.filter(step__in=steps, done_on__isnull=True, moot=False).update(
        done_on=on
    )


def drop_pending_steps(case: Case) -> int:
    """The case ended without them: pending steps no longer remind anyone."""
    return case.deadlines.filter(done_on__isnull=True).update(moot=True)


def next_pending(rows: list[CaseDeadline]) -> tuple[dt.date | None, str]:
    """The next due date and its step: the earliest due date of a tracked step neither done
    nor moot (by due date, then step order); (None, "") when there is none."""
    pending = [
        row
        for row in rows
        if row.is_tracked and row.done_on is None and not row.moot and row.due is not None
    ]
    if not pending:
        return None, ""
    first = min(pending, key=lambda row: (row.due, row.order))
    return first.due, first.step_label


def refresh_next_due(case: Case) -> None:
    _store_next_due(case, list(case.deadlines.all()))


def _store_next_due(case: Case, rows: list[CaseDeadline]) -> None:
    case.next_due, case.next_step = next_pending(rows)
    Case.objects.filter(pk=case.pk).update(
        next_due=case.next_due, next_step=case.next_step, updated_at=timezone.now()
    )


@in_vietnamese
def recompute_open_cases(*, organisation=None) -> int:
    """Recompute every case that still has pending steps (after a calendar or rule change).

    Safe to rerun: the result depends only on the stored facts, the rules and the calendar.
    """
    cases = Case.objects.filter(
        Q(status__in=OPEN_STATUSES) | Q(deadlines__done_on__isnull=True, deadlines__moot=False)
    )
    if organisation is not None:
        cases = cases.filter(organisation=organisation)
    ids = sorted(set(cases.values_list("pk", flat=True)))
    for case in Case.objects.filter(pk__in=ids):
        store_deadlines(case)
    return len(ids)
