from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "gandan.petitions"
    verbose_name = _("Tiếp công dân, đơn thư")

    def ready(self) -> None:
        # Framework wiring: the "Đơn thư, tiếp công dân" panel on the staff desk.
        from gandan.orgs import desk
        from gandan.petitions.views.cases import desk_panel

        desk.register(desk.Panel("petitions", "petitions/desk_panel.html", desk_panel, order=20))
