import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "gandan.petitions"
    verbose_name = _("Tiếp công dân, đơn thư")

    def ready(self) -> None:
        # Framework wiring: the "Đơn thư, tiếp công dân" panel on the staff desk, the check of
        # the rate-limit store, the daily reminders in the worker's schedule (the same function
        # as the case_reminders command).
        from django.core import checks

        from gandan.notify import schedule
        from gandan.orgs import desk
        from gandan.petitions import desk as petitions_desk
        from gandan.petitions.checks import check_rate_limit_store

        checks.register(check_rate_limit_store, checks.Tags.caches)

        desk.register(
            desk.Panel("petitions", "petitions/desk_panel.html", petitions_desk.panel, order=20)
        )
        schedule.register(
            "petitions.case_reminders",
            "gandan.petitions.services.reminders.send_case_reminders",
            daily_at=dt.time(6, 0),
        )
