from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "gandan.orgs"
    verbose_name = "Tổ chức và con người"
