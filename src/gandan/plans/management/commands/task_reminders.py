"""`gandan task_reminders [--today YYYY-MM-DD]`: urgent notices for the plans' tasks due within
three working days or overdue. The worker runs the same job every morning
(`plans.task_reminders`); running it again sends nothing twice."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gandan.plans.notices import task_reminders


class Command(BaseCommand):
    help = _("Gửi nhắc việc các nhiệm vụ sắp đến hạn và quá hạn.")

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--today", metavar="YYYY-MM-DD", help=_("Ngày tính (mặc định: hôm nay).")
        )

    def handle(self, *args, **options) -> None:
        today = None
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError(
                    _("Ngày “%(text)s” không hợp lệ, cần dạng YYYY-MM-DD.")
                    % {"text": options["today"]}
                ) from exc
        count = task_reminders(today)
        self.stdout.write(_("Đã tạo %(n)d thông báo mới.") % {"n": count})
