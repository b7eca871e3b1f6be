import datetime as dt

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Read side for authorities: indicators per unit and period, dashboards, reports upward."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "gandan.reports"
    verbose_name = "Báo cáo, chỉ số"

    def ready(self) -> None:
        # Framework wiring, the worker's schedule: the daily reminders of reports due soon or
        # overdue; the indicator tables kept fresh each minute (incremental) and recomputed in
        # full each night (docs/PROVINCE.md, "The indicator refresh").
        from gandan.notify import schedule

        schedule.register(
            "reports.reminders", "gandan.reports.notices.send_reminders", daily_at=dt.time(6, 30)
        )
        schedule.register(
            "reports.refresh", "gandan.reports.refresh.refresh_indicators", every_minutes=1
        )
        schedule.register(
            "reports.refresh_full", "gandan.reports.refresh.refresh_all", daily_at=dt.time(1, 0)
        )
