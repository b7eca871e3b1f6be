"""The official calendar adjustments of 2024–2026 (LAW.md §7), each with its document.

Only what the statutory baseline (`holidays.VN`, see gandan.worktime.calendar) lacks or gets
by rule rather than by decision. Checked against the baseline:
- Tết 2025 (Thông báo 6150/TB-BLĐTBXH): 5 Tết days Mon 27/01 – Fri 31/01/2025 and 4 weekly
  rest days, 25/01 – 02/02/2025. The notice sets no working Saturday, so Sat 08/02/2025 is not
  seeded as one. The baseline also gives 27/01 (by its own rule); the row pins the decision.
- Tết 2026 (Sat 14/02 – Sun 22/02/2026, LAW.md §7) and Giỗ Tổ 2026 (Sun 26/04, made up on
  Mon 27/04) are already right in the baseline: no rows.
"""

import datetime as dt

from django.db import migrations

DAY_OFF = "day_off"
WORKING_DAY = "working_day"

SWAP_2024 = (
    "Hoán đổi ngày làm việc dịp 30/4 – 1/5/2024: nghỉ thứ Hai 29/4, làm bù thứ Bảy 04/5/2024."
)
SWAP_2025 = (
    "Hoán đổi ngày làm việc dịp 30/4 – 1/5/2025: nghỉ thứ Sáu 02/5, làm bù thứ Bảy 26/4/2025."
)
SWAP_NEW_YEAR_2026 = (
    "Hoán đổi ngày làm việc dịp Tết Dương lịch 2026: nghỉ thứ Sáu 02/01, "
    "làm bù thứ Bảy 10/01/2026 (nghỉ liền 01/01 – 04/01/2026)."
)
SWAP_NATIONAL_DAY_2026 = (
    "Quốc khánh 2026 nghỉ 01/9 và 02/9; hoán đổi ngày làm việc: nghỉ thứ Hai 31/8, "
    "làm bù thứ Bảy 22/8/2026 (nghỉ liền 29/8 – 02/9/2026)."
)
PACKAGE_HALF_SWAP = (
    "Gói holidays 0.109 có ngày nghỉ của lần hoán đổi này nhưng không có thứ Bảy làm bù; "
    "lịch chỉ lấy hoán đổi từ bảng này."
)

ROWS = [
    # (date, kind, reason, document, needs_verification, note)
    (dt.date(2024, 4, 29), DAY_OFF, SWAP_2024, "Công văn 2450/VPCP-KGVX", False, PACKAGE_HALF_SWAP),
    (dt.date(2024, 5, 4), WORKING_DAY, SWAP_2024, "Công văn 2450/VPCP-KGVX", False, ""),
    (
        dt.date(2025, 1, 27),
        DAY_OFF,
        "Tết Âm lịch Ất Tỵ: 05 ngày nghỉ tết từ thứ Hai 27/01 đến thứ Sáu 31/01/2025 "
        "(28 tháng Chạp – mùng 3 tháng Giêng); nghỉ liền 25/01 – 02/02/2025.",
        "Thông báo 6150/TB-BLĐTBXH",
        False,
        "Thông báo không có ngày làm bù (thứ Bảy 08/02/2025 vẫn là ngày nghỉ hằng tuần). "
        'Gói holidays cũng cho nghỉ ngày 27/01 (gọi là "29 Tết") theo quy tắc riêng; '
        "dòng này giữ đúng quyết định dù quy tắc đó thay đổi.",
    ),
    (dt.date(2025, 4, 26), WORKING_DAY, SWAP_2025, "Thông báo 6150/TB-BLĐTBXH", False, ""),
    (
        dt.date(2025, 5, 2),
        DAY_OFF,
        SWAP_2025,
        "Thông báo 6150/TB-BLĐTBXH",
        False,
        PACKAGE_HALF_SWAP,
    ),
    (
        dt.date(2026, 1, 2),
        DAY_OFF,
        SWAP_NEW_YEAR_2026,
        "Công văn 12729/VPCP-KGVX",
        True,
        "Chưa đọc văn bản chính thức (LAW.md, câu hỏi mở 10); số văn bản và ngày làm bù "
        "theo nguồn thứ cấp. Đối chiếu trên vanban.chinhphu.vn.",
    ),
    (
        dt.date(2026, 1, 10),
        WORKING_DAY,
        SWAP_NEW_YEAR_2026,
        "Công văn 12729/VPCP-KGVX",
        True,
        "Xem ghi chú của ngày 02/01/2026.",
    ),
    (
        dt.date(2026, 8, 22),
        WORKING_DAY,
        SWAP_NATIONAL_DAY_2026,
        "Thông báo 9441/TB-BNV",
        True,
        "Ngày hoán đổi theo LAW.md §7 và gói holidays 0.109; số thông báo của Bộ Nội vụ "
        "theo nguồn thứ cấp, cần đối chiếu văn bản chính thức.",
    ),
    (
        dt.date(2026, 8, 31),
        DAY_OFF,
        SWAP_NATIONAL_DAY_2026,
        "Thông báo 9441/TB-BNV",
        True,
        PACKAGE_HALF_SWAP,
    ),
]


def seed(apps, schema_editor):
    CalendarAdjustment = apps.get_model("worktime", "CalendarAdjustment")
    for day, kind, reason, document, needs_verification, note in ROWS:
        CalendarAdjustment.objects.update_or_create(
            date=day,
            defaults={
                "kind": kind,
                "reason": reason,
                "document": document,
                "needs_verification": needs_verification,
                "note": note,
            },
        )


def unseed(apps, schema_editor):
    CalendarAdjustment = apps.get_model("worktime", "CalendarAdjustment")
    for day, kind, *_ in ROWS:
        CalendarAdjustment.objects.filter(date=day, kind=kind).delete()


class Migration(migrations.Migration):
    dependencies = [("worktime", "0001_calendar_adjustments")]

    operations = [migrations.RunPython(seed, unseed)]
