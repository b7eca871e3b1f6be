from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "gandan.audit"
    verbose_name = "Nhật ký hệ thống"
