import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    name = "gandan.notify"
    verbose_name = _("Thông báo")

    def ready(self) -> None:
        from gandan.notify import schedule

        # Framework wiring: the outbox's own jobs. Other apps register theirs the same way.
        schedule.register("notify.sweep", "gandan.notify.delivery.sweep", every_minutes=1)
        schedule.register(
            "notify.digest", "gandan.notify.digest.send_digests", daily_at=dt.time(6, 30)
        )
        schedule.register("notify.prune", "gandan.notify.schedule.prune", daily_at=dt.time(3, 0))
