from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "gandan.petitions"
    verbose_name = _("Tiếp công dân, đơn thư")

    def ready(self) -> None:
        # Framework wiring: the "Đơn thư, tiếp công dân" panel on the staff desk.
        from gandan.orgs import desk
        from gandan.petitions import desk as petitions_desk

        desk.register(
            desk.Panel("petitions", "petitions/desk_panel.html", petitions_desk.panel, order=20)
        )
