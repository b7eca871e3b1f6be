from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gandan.core.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu của `gandan backup` vào cơ sở dữ liệu trống và thư mục dữ "
        "liệu mới; từ chối khi thiếu khóa cần thiết, rồi kiểm tra số dòng, tệp và nhật ký."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="Thư mục bản sao lưu.")

    def handle(self, *args: object, folder: Path, **options: object) -> None:
        try:
            report = restore_backup(folder.resolve())
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        created = report["created_at"].strftime("%H:%M ngày %d/%m/%Y")
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã khôi phục bản sao lưu lúc {created}: {report['tables']} bảng, "
                f"{report['rows']} dòng khớp bản kê; {report['files']} tệp khớp mã băm; nhật ký "
                f"nguyên vẹn ({report['audit_events']} sự kiện, đến #{report['audit_head']})."
            )
        )
        self.stdout.write(
            "Nếu mã nguồn mới hơn bản sao lưu, chạy tiếp `gandan migrate`. Mọi người cần đăng "
            "nhập lại (phiên đăng nhập không được sao lưu)."
        )
