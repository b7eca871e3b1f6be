"""`gandan pdf_server`: keep LibreOffice running for PDFs, beside the worker and the web server.

Starts the data folder's converter (paperwork/converter.py), checks its health every few
seconds and restarts it when it dies or stops answering; SIGTERM or Ctrl-C stops it. Web
workers and the background worker find it through the data folder and convert in a few
hundred milliseconds instead of starting LibreOffice for each document.
"""

import signal
import threading

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from gandan.paperwork import converter
from gandan.paperwork.rendering import libreoffice_binary


class Command(BaseCommand):
    help = _("Giữ LibreOffice chạy sẵn để tạo PDF nhanh (kiểm tra và khởi động lại khi lỗi).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check-every",
            type=float,
            default=5.0,
            help=_("Số giây giữa hai lần kiểm tra máy chủ PDF."),
        )

    def handle(self, *args, **options) -> None:
        binary = libreoffice_binary()
        if binary is None:
            raise CommandError(
                _(
                    "Không tìm thấy LibreOffice (lệnh soffice): "
                    "hãy cài gói libreoffice-writer-nogui."
                )
            )
        if converter.uno_python() is None:
            raise CommandError(
                _("Không tìm thấy Python có mô-đun uno của LibreOffice: hãy cài gói python3-uno.")
            )
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, lambda *_args: stop.set())
        self.stdout.write(_("Máy chủ PDF đang chạy; dừng bằng Ctrl-C."))
        converter.serve(binary, check_every=options["check_every"], stop_event=stop)
        self.stdout.write(_("Đã dừng máy chủ PDF."))
