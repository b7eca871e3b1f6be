"""What the calendar tells people about itself: provisional periods and open questions.

The texts are Vietnamese and shown on pages, in letters and on the command line. Every due
date counted across a year whose official schedule is not entered carries the warning
(BLLĐ 2019 Điều 112 k3: the Prime Minister decides each year's Tết days and the day next to
Quốc khánh; the yearly notice sets the swaps, LAW.md §7).
"""

import datetime as dt

from django.utils.translation import gettext as _

from gandan.worktime import days
from gandan.worktime.models import AdjustmentKind, CalendarAdjustment

# From this day of the year the head is told when next year's schedule is not entered yet:
# the yearly notice usually comes in the last quarter (Tết 2025: Thông báo 6150/TB-BLĐTBXH of
# November 2024), and deadlines set in the autumn already run into the next year.
REMIND_FROM = (10, 1)

# Ngày Văn hóa Việt Nam, 24/11: chosen "in principle" as a paid holiday (Nghị quyết
# 80-NQ/TW, 01/2026; Nghị quyết 30/NQ-CP, 02/2026, orders the Labour Code amendment), its
# enactment not found (LAW.md §7, §11 and open question 10). Kept out of the calendar until an
# administrator records it as a day-off adjustment citing the enacting text.
CULTURE_DAY = (11, 24)


def _years_text(years: list[int]) -> str:
    return ", ".join(str(year) for year in years)


def provisional_warning(start: dt.date, end: dt.date | None) -> str:
    """The warning to print with a date counted from `start` to `end`, or "" when the whole
    period is on the official calendar (or there is no date)."""
    if end is None:
        return ""
    years = days.provisional_years_between(start, end)
    if not years:
        return ""
    return _(
        "Ngày tạm tính: lịch nghỉ chính thức năm %(years)s (ngày nghỉ Tết Âm lịch, Quốc khánh "
        "và hoán đổi ngày làm việc do Thủ tướng Chính phủ quyết định hằng năm, Bộ luật Lao động "
        "2019 Điều 112 k3) chưa được nhập; ngày này có thể thay đổi khi có thông báo chính thức."
    ) % {"years": _years_text(years)}


def year_to_enter(today: dt.date) -> int | None:
    """The year whose official schedule the head should have entered by `today`, or None.

    The current year always; from `REMIND_FROM`, the next one too (the earliest missing).
    """
    wanted = [today.year]
    if (today.month, today.day) >= REMIND_FROM:
        wanted.append(today.year + 1)
    announced = days.announced_years()
    missing = [year for year in wanted if year not in announced]
    return missing[0] if missing else None


def culture_day_recorded(year: int) -> CalendarAdjustment | None:
    """The day-off adjustment that records 24/11 of `year` as a holiday, if one was entered."""
    month, day = CULTURE_DAY
    return CalendarAdjustment.objects.filter(
        date=dt.date(year, month, day), kind=AdjustmentKind.DAY_OFF
    ).first()


def culture_day_open_question() -> str:
    """The open question of 24/11, as the administrator reads it."""
    return _(
        "Câu hỏi mở: Ngày Văn hóa Việt Nam 24/11 mới được chọn làm ngày nghỉ “về nguyên tắc” "
        "(Nghị quyết 80-NQ/TW; Nghị quyết 30/NQ-CP giao sửa Bộ luật Lao động); chưa thấy văn bản "
        "luật ban hành ngày nghỉ này. Lịch không tính 24/11 là ngày nghỉ cho đến khi văn bản đó "
        "được ghi nhận: khi có, thêm một điều chỉnh “Ngày nghỉ thêm” cho ngày 24/11 của năm, ghi "
        "số văn bản (và ngày nghỉ bù nếu 24/11 rơi vào ngày nghỉ hằng tuần)."
    )
