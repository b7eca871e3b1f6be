from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "gandan.orgs"
    verbose_name = "Tổ chức và con người"

    def ready(self) -> None:
        # Framework wiring only: Django's authentication signals feed the audit log.
        from gandan.orgs import auth_events

        auth_events.connect()
