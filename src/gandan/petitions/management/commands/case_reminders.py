"""`gandan case_reminders [--today YYYY-MM-DD]`: in-app and e-mail notices to handlers and
heads for steps due within 3 working days or overdue. The worker runs the same function daily
at 06:00 (the schedule job petitions.case_reminders); running it again the same day sends
nothing twice."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gandan.petitions.services import send_case_reminders


class Command(BaseCommand):
    help = _("Gửi nhắc việc sắp đến hạn và quá hạn của các vụ việc.")

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
        count = send_case_reminders(today=today)
        self.stdout.write(_("Đã tạo %(n)d thông báo mới.") % {"n": count})
