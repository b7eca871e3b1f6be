"""The one shape of a reminder command (`gandan case_reminders`, `task_reminders`,
`democracy_reminders`): the job the worker runs each morning, by hand, for a given day.

A subclass sets `help` and `remind(today)`, which returns how many notices are new; running it
again the same day tells nobody twice (the notices' keys)."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _


class ReminderCommand(BaseCommand):
    def remind(self, today: dt.date | None) -> int:
        raise NotImplementedError

    def add_arguments(self, parser: CommandParser) -> None:
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
        count = self.remind(today)
        self.stdout.write(_("Đã tạo %(n)d thông báo mới.") % {"n": count})
