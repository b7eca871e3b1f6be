from django.core.management.base import BaseCommand, CommandError

from gandan.audit.services import verify_chain


class Command(BaseCommand):
    help = "Kiểm tra chuỗi băm của nhật ký hệ thống; thoát với mã khác 0 nếu chuỗi bị phá."

    def handle(self, *args, **options) -> None:
        checked, breaks = verify_chain()
        if breaks:
            for item in breaks:
                self.stderr.write(f"Sự kiện #{item.sequence}: {item.reason}")
            raise CommandError(
                f"Nhật ký bị can thiệp: {len(breaks)} chỗ hỏng trên {checked} sự kiện."
            )
        self.stdout.write(f"Nhật ký nguyên vẹn: {checked} sự kiện đã kiểm tra.")
