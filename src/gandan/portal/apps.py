from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "gandan.portal"
    verbose_name = "Trang công khai"
