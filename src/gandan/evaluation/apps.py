from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "gandan.evaluation"
    verbose_name = "Đánh giá, xếp loại viên chức"

    def ready(self) -> None:
        # Framework wiring: the evaluation panel on the staff desk.
        from gandan.evaluation.desk import desk_panel, managing_body_panel
        from gandan.orgs import desk

        desk.register(desk.Panel("evaluation", "evaluation/desk_panel.html", desk_panel, order=50))
        desk.register(
            desk.Panel(
                "evaluation_managed",
                "evaluation/desk_managed.html",
                managing_body_panel,
                order=50,
                audience=desk.AUTHORITY,
            )
        )
