"""`gandan deadline --from YYYY-MM-DD (--days N | --working-days N)`: print a due date.

When the period crosses a year whose official schedule has not been entered, the date is
provisional (BLLĐ 2019 Điều 112 k3) and a warning goes to standard error.
"""

import datetime as dt
import re

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from gandan.worktime import days, notices

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Legal periods run days, months, a few years at most; this bound keeps a typo from looping.
MAX_AMOUNT = 3650


class Command(BaseCommand):
    help = _(
        "In hạn cuối (YYYY-MM-DD) của thời hạn tính từ một sự kiện: ngày sự kiện không tính, "
        "hạn rơi vào ngày nghỉ thì lùi sang ngày làm việc tiếp theo (BLDS 2015 Điều 147–148)."
    )

    def add_arguments(self, parser) -> None:
        # Amounts are read as text and checked below, so that every error is in Vietnamese.
        parser.add_argument(
            "--from", dest="event_date", metavar="YYYY-MM-DD", help=_("Ngày xảy ra sự kiện.")
        )
        parser.add_argument("--days", metavar="N", help=_("Số ngày (ngày lịch)."))
        parser.add_argument("--working-days", metavar="N", help=_("Số ngày làm việc."))

    def handle(self, *args, **options) -> None:
        event_date = _parse_date(options["event_date"])
        calendar_days, working_days = options["days"], options["working_days"]
        if (calendar_days is None) == (working_days is None):
            raise CommandError(_("Cần đúng một trong hai: --days N hoặc --working-days N."))
        try:
            if calendar_days is not None:
                due = days.add_calendar_days(event_date, _parse_amount("--days", calendar_days))
            else:
                due = days.add_working_days(
                    event_date, _parse_amount("--working-days", working_days)
                )
            # The period runs from the day after the event to the due date (BLDS 2015 Điều 147).
            warning = notices.provisional_warning(event_date + dt.timedelta(days=1), due)
        except DatabaseError as exc:
            raise CommandError(
                _("Không đọc được lịch làm việc trong cơ sở dữ liệu (đã chạy gandan migrate?).")
            ) from exc
        except (OverflowError, ValueError) as exc:
            raise CommandError(_("Hạn cuối vượt ra ngoài phạm vi lịch hỗ trợ.")) from exc
        # Standard output stays the date alone, for scripts; the warning goes to standard error.
        self.stdout.write(due.isoformat())
        if warning:
            self.stderr.write(_("Cảnh báo: %(warning)s") % {"warning": warning})


def _parse_date(text: str | None) -> dt.date:
    if text is None:
        raise CommandError(_("Thiếu ngày sự kiện: --from YYYY-MM-DD."))
    if _ISO_DATE.fullmatch(text.strip()):
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            pass
    raise CommandError(
        _("Ngày “%(text)s” không hợp lệ: cần dạng YYYY-MM-DD, ví dụ 2026-02-13.") % {"text": text}
    )


def _parse_amount(option: str, text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise CommandError(
            _("%(option)s cần một số nguyên dương, không phải “%(text)s”.")
            % {"option": option, "text": text}
        )
    if int(text) > MAX_AMOUNT:
        raise CommandError(
            _("%(option)s tối đa %(max)s ngày.") % {"option": option, "max": MAX_AMOUNT}
        )
    return int(text)
