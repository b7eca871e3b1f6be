from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorktimeConfig(AppConfig):
    name = "gandan.worktime"
    verbose_name = _("Lịch làm việc")

    def ready(self) -> None:
        # Framework wiring: the head's calendar panel on the staff desk, and `gandan check`.
        from django.core import checks

        from gandan.orgs import desk
        from gandan.worktime.checks import check_calendar_open_questions
        from gandan.worktime.desk import calendar_panel

        desk.register(desk.Panel("worktime", "worktime/desk_panel.html", calendar_panel, order=90))
        checks.register(check_calendar_open_questions)
