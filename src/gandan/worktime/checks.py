"""`gandan check`: what the administrator should know about the calendar (INFO, never WARNING:
nothing here is a fault of the installation, CI runs with --fail-level WARNING)."""

import datetime as dt
import sys

from django.core import checks
from django.db import DatabaseError
from django.utils import timezone

from gandan.worktime import notices


def asked_for_by_the_administrator() -> bool:
    """Whether the running command is `gandan check` itself.

    Django runs every registered check before every management command and prints INFO
    messages too: these notes are for the administrator who runs `gandan check`, not for the
    standard error of each cron job (case reminders, backups).
    """
    return sys.argv[1:2] == ["check"]


def check_calendar_open_questions(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if not asked_for_by_the_administrator():
        return []
    today = timezone.localdate()
    messages: list[checks.CheckMessage] = []
    try:
        culture_day = notices.culture_day_recorded(today.year)
        missing = notices.year_to_enter(today)
    except DatabaseError:
        # Before `migrate` there is no calendar to read; the migrate command says so itself.
        return []
    if culture_day is None:
        messages.append(
            checks.Info(
                notices.culture_day_open_question(),
                hint="LAW.md §7, câu hỏi mở 10. Quản trị → Lịch làm việc → Điều chỉnh lịch.",
                id="worktime.I001",
            )
        )
    if missing is not None:
        messages.append(
            checks.Info(
                notices.provisional_warning(dt.date(missing, 1, 1), dt.date(missing, 1, 1)),
                hint="Quản trị → Lịch làm việc → Lịch chính thức của các năm.",
                id="worktime.I002",
            )
        )
    return messages
