from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "gandan.surveys"
    verbose_name = "Khảo sát sự hài lòng"

    def ready(self) -> None:
        # Framework wiring: the "open surveys" panel on the staff desk, the closing job.
        from gandan.notify import schedule
        from gandan.orgs import desk
        from gandan.surveys.desk import desk_panel

        desk.register(desk.Panel("surveys", "surveys/desk_panel.html", desk_panel, order=40))
        # The surveys past their deadline close on the worker's schedule (no command by hand).
        schedule.register(
            "surveys.close_due", "gandan.surveys.services.close_due_surveys", every_minutes=15
        )
