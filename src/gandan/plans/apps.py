from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "gandan.plans"
    verbose_name = "Kế hoạch"
