from django.apps import AppConfig


class EmulationConfig(AppConfig):
    name = "gandan.emulation"
    verbose_name = "Phong trào “Dân vận khéo”"

    def ready(self) -> None:
        # Framework wiring: the "Dân vận khéo" panel on the staff desk.
        from gandan.emulation.desk import desk_panel
        from gandan.orgs import desk

        desk.register(desk.Panel("emulation", "emulation/desk_panel.html", desk_panel, order=40))
