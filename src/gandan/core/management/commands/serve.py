import os
import shutil
import sys

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Chạy Gần Dân bằng máy chủ granian (WSGI)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, host: str, port: int, workers: int, **options) -> None:
        exec_server(host=host, port=port, workers=workers)


def exec_server(*, host: str, port: int, workers: int) -> None:
    """Replace this process with granian serving gandan.wsgi.

    Two workers with one blocking thread each: on a 2-core machine that gave the best
    throughput and p99 (docs/ARCHITECTURE.md, Serving).
    """
    if not 0 < port < 65536:
        raise CommandError("Cổng (--port) phải nằm trong khoảng 1–65535.")
    granian = shutil.which("granian") or os.path.join(os.path.dirname(sys.executable), "granian")
    if not os.path.exists(granian):
        raise CommandError("Không tìm thấy granian; hãy cài đặt bằng ./run (requirements.lock).")
    sys.stdout.flush()
    os.execv(
        granian,
        [
            granian,
            "--interface",
            "wsgi",
            "--host",
            host,
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--blocking-threads",
            "1",
            "--no-ws",
            "gandan.wsgi:application",
        ],
    )
