"""`gandan worker`: the background worker (django-tasks-db's db_worker) with the schedule.

Runs the queued tasks (deliveries of the outbox, the scheduled jobs of gandan.notify.schedule)
until stopped. `--exit-with-parent` (used by `gandan demo`) stops it when the process that
started it ends. In production: one systemd unit (docs/OPERATIONS.md).
"""

import os
import threading
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from gandan.notify import schedule


class Command(BaseCommand):
    help = (
        "Chạy tiến trình nền: gửi thư trong hàng chờ và các việc định kỳ (nhắc hạn, thư tổng hợp)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=1.0)
        parser.add_argument("--batch", action="store_true", help="Chạy hết việc đang chờ rồi dừng.")
        parser.add_argument("--exit-with-parent", action="store_true")

    def handle(self, *args, interval: float, batch: bool, exit_with_parent: bool, **options):
        if exit_with_parent:
            _watch_parent(os.getppid())
        if not batch:
            schedule.ensure_ticking()
        arguments = ["--interval", str(interval), "--verbosity", str(options["verbosity"])]
        if batch:
            arguments.append("--batch")
        call_command("db_worker", *arguments)


def _watch_parent(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
