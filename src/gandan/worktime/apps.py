from django.apps import AppConfig


class WorktimeConfig(AppConfig):
    name = "gandan.worktime"
    verbose_name = "Lịch làm việc"
