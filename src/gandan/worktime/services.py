"""Use cases that change the official calendar. Each one makes the calendar reload."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.worktime.days import clear_calendar_cache
from gandan.worktime.models import AdjustmentKind, CalendarAdjustment, CalendarYear


def save_calendar_adjustment(
    *, adjustment: CalendarAdjustment, actor=None, request=None
) -> CalendarAdjustment:
    """Validate and save a new or edited adjustment. Precondition: the caller may edit it."""
    adjustment.full_clean()
    created = adjustment.pk is None
    with transaction.atomic():
        adjustment.save()
        record_event(
            action=Action.CREATE if created else Action.CHANGE,
            summary=f"{'Thêm' if created else 'Sửa'} điều chỉnh lịch làm việc ngày "
            f"{adjustment.date:%d/%m/%Y}: {adjustment.get_kind_display()} ({adjustment.document})",
            actor=actor,
            actor_label="" if actor else "hệ thống",
            target=adjustment,
            request=request,
        )
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


def delete_calendar_adjustment(*, adjustment: CalendarAdjustment, actor=None, request=None) -> None:
    """Remove an adjustment entered by mistake. Precondition: the caller may edit it."""
    with transaction.atomic():
        record_event(
            action=Action.WITHDRAW,
            summary=f"Xóa điều chỉnh lịch làm việc ngày {adjustment.date:%d/%m/%Y} "
            f"({adjustment.document})",
            actor=actor,
            actor_label="" if actor else "hệ thống",
            target=adjustment,
            request=request,
        )
        adjustment.delete()
        _calendar_changed()


def save_calendar_year(*, calendar_year: CalendarYear, actor=None, request=None) -> CalendarYear:
    """Record whether a year's official schedule is entered (BLLĐ 2019 Điều 112 k3), and who
    recorded it. Precondition: the caller may edit the calendar; the dates themselves are
    adjustments entered beforehand."""
    calendar_year.full_clean()
    created = calendar_year.pk is None
    if calendar_year.announced:
        calendar_year.entered_by = actor if actor is not None and actor.is_authenticated else None
        calendar_year.entered_on = timezone.localdate()
    else:
        calendar_year.entered_by = None
        calendar_year.entered_on = None
    with transaction.atomic():
        calendar_year.save()
        state = "đã nhập lịch chính thức" if calendar_year.announced else "chưa có lịch chính thức"
        record_event(
            action=Action.CREATE if created else Action.CHANGE,
            summary=f"Năm {calendar_year.year}: {state}"
            + (f" ({calendar_year.document})" if calendar_year.document else ""),
            actor=actor,
            actor_label="" if actor else "hệ thống",
            target=calendar_year,
            request=request,
        )
        _calendar_changed()
    return calendar_year


def delete_calendar_year(*, calendar_year: CalendarYear, actor=None, request=None) -> None:
    """Remove a year's record: its dates become provisional again."""
    with transaction.atomic():
        record_event(
            action=Action.WITHDRAW,
            summary=f"Xóa ghi nhận lịch chính thức năm {calendar_year.year}",
            actor=actor,
            actor_label="" if actor else "hệ thống",
            target=calendar_year,
            request=request,
        )
        calendar_year.delete()
        _calendar_changed()


def _calendar_changed() -> None:
    # Now, so this transaction reads its own change; and again after commit, in case another
    # thread cached the old table in between.
    clear_calendar_cache()
    transaction.on_commit(clear_calendar_cache)
