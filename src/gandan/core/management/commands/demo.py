import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from typing import Protocol

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils.module_loading import import_string

from gandan.core.management.commands.serve import exec_server


class DemoAccount(Protocol):
    @property
    def username(self) -> str: ...
    @property
    def label(self) -> str: ...


class DemoData(Protocol):
    """What the demo builder returns (gandan.demo.DemoResult)."""

    @property
    def school(self) -> object: ...
    @property
    def accounts(self) -> Sequence[DemoAccount]: ...
    @property
    def password(self) -> str: ...


class Command(BaseCommand):
    help = (
        "Bản trình diễn: tạo cơ sở dữ liệu, nạp dữ liệu mẫu của Trường Tiểu học Thành Tô "
        "(chạy lại không nhân đôi dữ liệu) và mở máy chủ tại http://127.0.0.1:8000."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument(
            "--no-serve", action="store_true", help="Chỉ nạp dữ liệu, không mở máy chủ."
        )

    def handle(
        self, *args: object, port: int, host: str, no_serve: bool, **options: object
    ) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        # The composition root builds the demo from every app (settings.DEMO_BUILDER): core,
        # a foundation, names no domain app.
        build: Callable[[], DemoData] = import_string(settings.DEMO_BUILDER)
        result = build()
        self.stdout.write(self.style.SUCCESS(f"Dữ liệu trình diễn: {result.school}."))
        self.stdout.write(f"Thư mục dữ liệu: {settings.DATA_DIR}")
        if no_serve:
            return
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Gần Dân đang chạy tại http://{host}:{port}/"))
        self.stdout.write(f"Đăng nhập: http://{host}:{port}/dang-nhap/")
        self.stdout.write(f"Tài khoản trình diễn (mật khẩu chung: {result.password}):")
        for account in result.accounts:
            self.stdout.write(f"  {account.username:<15} {account.label}")
        os.environ["GANDAN_DEMO"] = "1"
        # The demo's e-mails are kept as files, one per message, to be opened and read.
        os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
        start_worker()
        self.stdout.write(
            "Tiến trình nền (gửi thư, nhắc hạn, thư tổng hợp hằng ngày) đang chạy; thư gửi đi "
            f"được lưu trong {os.environ.get('EMAIL_FILE_PATH', settings.DATA_DIR / 'thu-da-gui')}."
        )
        self.stdout.write("Nhấn Ctrl+C để dừng.")
        exec_server(host=host, port=port, workers=2)


def start_worker() -> subprocess.Popen:
    """The background worker beside the web server: it stops when the server (this process,
    replaced by granian) ends, and with it on Ctrl+C (same process group)."""
    return subprocess.Popen(
        [sys.executable, "-m", "gandan", "worker", "--exit-with-parent", "--verbosity", "0"]
    )
