"""2024–2026 have their official schedule entered (migration 0002, LAW.md §7); 2027 has none.

BLLĐ 2019 Điều 112 k3: the Prime Minister decides the Tết days and the day next to Quốc khánh
each year; a year is recorded as announced only when its notice has been entered. 2027 gets
no row: until its notice is entered, dates counted across 2027 are provisional.
"""

from django.db import migrations

SEEDED = "Nhập khi cài đặt, cùng các điều chỉnh của migration 0002 (LAW.md §7)."

YEARS = [
    # (year, document, needs_verification, note)
    (2024, "Công văn 2450/VPCP-KGVX", False, SEEDED),
    (2025, "Thông báo 6150/TB-BLĐTBXH", False, SEEDED),
    (
        2026,
        "Công văn 12729/VPCP-KGVX; Thông báo 9441/TB-BNV",
        True,
        SEEDED + " Số văn bản theo nguồn thứ cấp, cần đối chiếu văn bản chính thức "
        "(LAW.md, câu hỏi mở 10).",
    ),
]


def seed(apps, schema_editor):
    CalendarYear = apps.get_model("worktime", "CalendarYear")
    for year, document, needs_verification, note in YEARS:
        CalendarYear.objects.update_or_create(
            year=year,
            defaults={
                "announced": True,
                "document": document,
                "needs_verification": needs_verification,
                "note": note,
            },
        )


def unseed(apps, schema_editor):
    CalendarYear = apps.get_model("worktime", "CalendarYear")
    CalendarYear.objects.filter(year__in=[year for year, *_ in YEARS]).delete()


class Migration(migrations.Migration):
    dependencies = [("worktime", "0003_calendar_years")]

    operations = [migrations.RunPython(seed, unseed)]
