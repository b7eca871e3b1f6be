"""`gandan refresh_indicators [--full]`: bring the indicator summary tables up to date.

Incremental by default: only the schools touched since the last run (audit log) or whose
figures changed with the date. Safe to rerun, from cron or a worker, as often as wanted.
"""

import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from gandan.reports.refresh import refresh_indicators


class Command(BaseCommand):
    help = _("Cập nhật bảng tổng hợp chỉ số của các đơn vị (chỉ các đơn vị có thay đổi).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--full", action="store_true", help=_("Tính lại toàn bộ các đơn vị."))

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        result = refresh_indicators(full=options["full"])
        elapsed = (time.perf_counter() - started) * 1000
        self.stdout.write(
            _("Đã cập nhật %(n)d đơn vị%(full)s trong %(ms).0f ms (nhật ký đến #%(seq)d).")
            % {
                "n": result.schools,
                "full": _(" (toàn bộ)") if result.full else "",
                "ms": elapsed,
                "seq": result.last_sequence,
            }
        )
