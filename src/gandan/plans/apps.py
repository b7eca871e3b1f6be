import datetime as dt

from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "gandan.plans"
    verbose_name = "Kế hoạch"

    def ready(self) -> None:
        # Framework wiring: the "my tasks" panel on the staff desk.
        from gandan.orgs import desk
        from gandan.plans.desk import my_tasks

        desk.register(desk.Panel("plans", "plans/desk_panel.html", my_tasks, order=10))
        # The worker's schedule: each morning, tasks due soon or overdue (`gandan task_reminders`).
        from gandan.notify import schedule

        schedule.register(
            "plans.task_reminders", "gandan.plans.notices.task_reminders", daily_at=dt.time(6, 0)
        )
