from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "gandan.petitions"
    verbose_name = _("Tiếp công dân, đơn thư")

    def ready(self) -> None:
        # Framework wiring: the "Đơn thư, tiếp công dân" panel on the staff desk, the check of
        # the rate-limit store.
        from django.core import checks

        from gandan.orgs import desk
        from gandan.petitions import desk as petitions_desk
        from gandan.petitions.checks import check_rate_limit_store

        checks.register(check_rate_limit_store, checks.Tags.caches)

        desk.register(
            desk.Panel("petitions", "petitions/desk_panel.html", petitions_desk.panel, order=20)
        )
