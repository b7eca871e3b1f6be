import datetime as dt

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Read side for authorities: indicators per unit and period, dashboards, reports upward."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "gandan.reports"
    verbose_name = "Báo cáo, chỉ số"

    def ready(self) -> None:
        # Framework wiring: the daily reminders of reports due soon or overdue.
        from gandan.notify import schedule

        schedule.register(
            "reports.reminders", "gandan.reports.notices.send_reminders", daily_at=dt.time(6, 30)
        )
