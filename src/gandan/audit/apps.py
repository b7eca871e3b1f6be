from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "gandan.audit"
    verbose_name = "Nhật ký hệ thống"

    def ready(self) -> None:
        # Framework wiring only: Django's authentication signals feed the log.
        from gandan.audit import auth_events

        auth_events.connect()
