from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "gandan.core"
    verbose_name = "Nền tảng"
