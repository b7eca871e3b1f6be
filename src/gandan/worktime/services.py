"""Use cases that change the official calendar. Each one makes the calendar reload."""

import datetime as dt

from django.db import transaction

from gandan.worktime.days import clear_calendar_cache
from gandan.worktime.models import AdjustmentKind, CalendarAdjustment


def save_calendar_adjustment(*, adjustment: CalendarAdjustment) -> CalendarAdjustment:
    """Validate and save a new or edited adjustment. Precondition: the caller may edit it."""
    adjustment.full_clean()
    with transaction.atomic():
        adjustment.save()
        _calendar_changed()
    return adjustment


def add_calendar_adjustment(
    *,
    date: dt.date,
    kind: AdjustmentKind,
    reason: str,
    document: str,
    needs_verification: bool = False,
    note: str = "",
) -> CalendarAdjustment:
    """Record one date of an official notice (a swap is two calls citing the same document)."""
    adjustment = CalendarAdjustment(
        date=date,
        kind=kind,
        reason=reason,
        document=document,
        needs_verification=needs_verification,
        note=note,
    )
    return save_calendar_adjustment(adjustment=adjustment)


def delete_calendar_adjustment(*, adjustment: CalendarAdjustment) -> None:
    """Remove an adjustment entered by mistake. Precondition: the caller may edit it."""
    with transaction.atomic():
        adjustment.delete()
        _calendar_changed()


def _calendar_changed() -> None:
    # Now, so this transaction reads its own change; and again after commit, in case another
    # thread cached the old table in between.
    clear_calendar_cache()
    transaction.on_commit(clear_calendar_cache)
