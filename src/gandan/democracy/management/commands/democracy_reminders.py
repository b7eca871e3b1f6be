"""`gandan democracy_reminders [--today YYYY-MM-DD]`: urgent reminders to whoever has not yet
commented on a consultation or voted in a ballot that ends within two days. The worker runs the
same job every morning (`democracy.reminders`); running it again sends nothing twice."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gandan.democracy.notices import reminders


class Command(BaseCommand):
    help = _("Nhắc góp ý dự thảo và bỏ phiếu sắp hết hạn.")

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
        count = reminders(today)
        self.stdout.write(_("Đã tạo %(n)d thông báo mới.") % {"n": count})
