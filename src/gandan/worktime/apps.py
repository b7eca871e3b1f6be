import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorktimeConfig(AppConfig):
    name = "gandan.worktime"
    verbose_name = _("Lịch làm việc")

    def ready(self) -> None:
        # Framework wiring: the head's calendar panel on the staff desk, `gandan check`, and the
        # weekly reminder of a year's schedule not entered.
        from django.core import checks

        from gandan.notify import schedule
        from gandan.orgs import desk
        from gandan.worktime.checks import check_calendar_open_questions
        from gandan.worktime.desk import calendar_panel

        desk.register(desk.Panel("worktime", "worktime/desk_panel.html", calendar_panel, order=90))
        checks.register(check_calendar_open_questions)
        schedule.register(
            "worktime.calendar_reminder",
            "gandan.worktime.notices.remind_calendar",
            daily_at=dt.time(7, 0),
        )
