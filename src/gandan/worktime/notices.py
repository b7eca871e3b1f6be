"""What the calendar tells people about itself: provisional periods and open questions.

The texts are Vietnamese and shown on pages, in letters and on the command line. Every due
date counted across a year whose official schedule is not entered carries the warning
(BLLĐ 2019 Điều 112 k3: the Prime Minister decides each year's Tết days and the day next to
Quốc khánh; the yearly notice sets the swaps, LAW.md §7).
"""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.notify.models import Topic
from gandan.notify.services import notify
from gandan.orgs.models import Membership, Role, User
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


def _may_enter(user: User) -> bool:
    """Whoever enters a year's schedule in the admin (as desk.calendar_panel links it)."""
    return user.is_staff and user.has_perm("worktime.add_calendaryear")


@in_vietnamese
@transaction.atomic
def remind_calendar(today: dt.date | None = None) -> int:
    """The job `worktime.calendar_reminder`: while a year's official schedule is missing (the
    current year, and from `REMIND_FROM` the next one: `year_to_enter`), a notice once per ISO
    week to those the desk panel tells (the heads) and to the administrators who enter it
    (staff accounts with the right to add a calendar year). Rerunnable: the key is the year
    and the week. Returns how many notices were written."""
    today = today or timezone.localdate()
    year = year_to_enter(today)
    if year is None:
        return 0
    heads = set(
        Membership.objects.current(today)
        .filter(role=Role.HEAD, organisation__is_active=True)
        .values_list("user_id", flat=True)
    )
    people = list(
        User.objects.filter(Q(pk__in=heads) | Q(is_staff=True), is_active=True).order_by("sort_key")
    )
    iso = today.isocalendar()
    key = f"worktime.calendar_reminder:{year}:{iso.year}-W{iso.week:02d}"
    title = (
        _(
            "Chưa nhập lịch nghỉ chính thức năm %(year)s: mọi hạn tính qua năm này đang là ngày "
            "tạm tính"
        )
        if year == today.year
        else _(
            "Sắp sang năm %(year)s mà chưa nhập lịch nghỉ chính thức của năm: các hạn tính sang "
            "năm %(year)s đang là ngày tạm tính"
        )
    ) % {"year": year}
    body = _(
        "Thủ tướng Chính phủ quyết định hằng năm các ngày nghỉ Tết Âm lịch và ngày nghỉ liền "
        "Quốc khánh (Bộ luật Lao động 2019 Điều 112 k3). Khi có thông báo, nhập các ngày điều "
        "chỉnh rồi đánh dấu năm đã nhập."
    )
    enter_url = reverse("admin:worktime_calendaryear_add") + f"?year={year}"
    desk_url = reverse("desk")
    enterers = [user for user in people if _may_enter(user)]
    # A head who cannot enter it reads the desk panel, which says whom to ask.
    readers = [user for user in people if user.pk in heads and not _may_enter(user)]
    written = notify(
        enterers,
        topic=Topic.CALENDAR,
        kind="worktime.calendar_to_enter",
        key=key,
        title=title,
        url=enter_url,
        body=body,
    )
    written += notify(
        readers,
        topic=Topic.CALENDAR,
        kind="worktime.calendar_to_enter",
        key=key,
        title=title,
        url=desk_url,
        body=body + " " + _("Xin nhờ người quản trị hệ thống nhập lịch theo thông báo chính thức."),
    )
    return len(written)
