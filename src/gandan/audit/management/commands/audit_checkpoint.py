from django.core.management.base import BaseCommand, CommandError

from gandan.audit.checkpoints import checkpoint_path, write_checkpoint


class Command(BaseCommand):
    help = (
        "Ghi điểm kiểm tra của nhật ký (số và mã của sự kiện cuối, có chữ ký) vào tệp để riêng "
        "(GANDAN_AUDIT_CHECKPOINT_DIR); chạy hằng ngày và mỗi lần sao lưu, chạy lại không sao."
    )

    def handle(self, *args, **options) -> None:
        try:
            checkpoint = write_checkpoint()
        except ValueError as exc:
            raise CommandError(
                f"Không ghi điểm kiểm tra: nhật ký không nối tiếp điểm kiểm tra trước ({exc})."
            ) from exc
        if checkpoint is None:
            self.stdout.write("Nhật ký còn trống: chưa có gì để ghi điểm kiểm tra.")
            return
        self.stdout.write(f"Điểm kiểm tra {checkpoint.label()} trong {checkpoint_path()}.")
