from django.core.management.base import BaseCommand, CommandError

from gandan.audit.checkpoints import check_against_checkpoints, checkpoint_path, read_checkpoints
from gandan.audit.services import verify_chain


class Command(BaseCommand):
    help = (
        "Kiểm tra nhật ký hệ thống: chuỗi HMAC (với khóa nhật ký) và các điểm kiểm tra đã ký; "
        "thoát với mã khác 0 nếu nhật ký bị sửa, bị xóa hay bị cắt bớt."
    )

    def handle(self, *args, **options) -> None:
        checked, breaks = verify_chain()
        saved = read_checkpoints()
        breaks = breaks + saved.problems + check_against_checkpoints(saved.checkpoints)
        if breaks:
            for item in breaks:
                self.stderr.write(f"Sự kiện #{item.sequence}: {item.reason}")
            raise CommandError(
                f"Nhật ký bị can thiệp: {len(breaks)} chỗ hỏng trên {checked} sự kiện."
            )
        latest = saved.latest
        if latest is None:
            self.stderr.write(
                f"Chưa có điểm kiểm tra nào ({checkpoint_path()}): việc xóa các sự kiện cuối "
                "chuỗi chưa thể phát hiện. Hãy chạy `gandan audit_checkpoint` hằng ngày."
            )
            self.stdout.write(f"Nhật ký nguyên vẹn: {checked} sự kiện đã kiểm tra.")
            return
        self.stdout.write(
            f"Nhật ký nguyên vẹn: {checked} sự kiện đã kiểm tra; chuỗi khớp "
            f"{len(saved.checkpoints)} điểm kiểm tra, mới nhất {latest.label()}."
        )
