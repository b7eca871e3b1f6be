from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gandan.core.backups import BackupError, keys_reminder, make_backup


class Command(BaseCommand):
    help = (
        "Sao lưu khi hệ thống đang chạy: cơ sở dữ liệu (SQLite: API sao lưu; PostgreSQL: "
        "pg_dump), các tệp đã lưu và bản kê, vào một thư mục mới. Các khóa không nằm trong bản "
        "sao lưu: hãy giữ riêng."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "folder", type=Path, help="Thư mục mới (hoặc trống) để ghi bản sao lưu."
        )

    def handle(self, *args: object, folder: Path, **options: object) -> None:
        try:
            manifest = make_backup(folder.resolve())
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["tables"].values())
        files = manifest["files"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã sao lưu vào {folder.resolve()}: {len(manifest['tables'])} bảng, {rows} dòng, "
                f"{files['count']} tệp ({files['bytes']} byte); nhật ký đến sự kiện "
                f"#{manifest['audit_head']['sequence']}."
            )
        )
        for warning in manifest["warnings"]:
            self.stderr.write(warning)
        self.stdout.write(keys_reminder())
