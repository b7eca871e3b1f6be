from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Read side for authorities: indicators per unit and period, dashboards, reports upward."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "gandan.reports"
    verbose_name = "Báo cáo, chỉ số"
