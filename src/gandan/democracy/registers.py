"""The disclosure register (sổ theo dõi công khai): what the school disclosed in a year, its
due date (stored on the item, computed by `deadlines.due_date` from worktime), the day it was
published and whether it was on time (`deadlines.item_compliance`), for those who may read the
school's disclosures (`access.visible_items`: unpublished items for supervisors only)."""

import datetime as dt

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gandan.democracy import access, deadlines
from gandan.democracy.models import Audience
from gandan.orgs.models import Organisation, User
from gandan.paperwork.registers import Cell, Column, Register, Value, keeper

COLUMNS = (
    Column(gettext_lazy("STT"), 6, "number"),
    Column(gettext_lazy("Nội dung phải công khai"), 36),
    Column(gettext_lazy("Tiêu đề"), 40),
    Column(gettext_lazy("Đối tượng"), 14),
    Column(gettext_lazy("Số, ngày văn bản"), 20),
    Column(gettext_lazy("Hạn công khai"), 12, "date"),
    Column(gettext_lazy("Ngày công khai"), 12, "date"),
    Column(gettext_lazy("Hình thức công khai"), 24),
    Column(gettext_lazy("Tình trạng"), 22),
)


def register_years(user: User, school: Organisation, year: int) -> list[int]:
    dates = access.visible_items(user, school).dates("due_date", "year")
    return sorted({year, *(day.year for day in dates)}, reverse=True)


def disclosure_register(
    user: User, school: Organisation, year: int, audience: str, today: dt.date
) -> Register:
    """The items due in `year` the user may see (of one audience, or both), by due date."""
    items = access.visible_items(user, school).filter(due_date__year=year)
    if audience in Audience.values:
        items = items.filter(obligation__audience=audience)
    rows: list[list[Value | Cell]] = []
    for number, item in enumerate(
        items.select_related("obligation").order_by("due_date", "obligation__order", "title", "pk"),
        start=1,
    ):
        compliance = deadlines.item_compliance(item, today)
        status = compliance.label
        if compliance.days_late:
            status = _("%(status)s (%(n)d ngày)") % {"status": status, "n": compliance.days_late}
        badge = "badge badge-bad" if compliance.is_problem else "badge"
        reference = ", ".join(
            part
            for part in (
                item.decision_reference,
                item.decision_date.strftime("%d/%m/%Y") if item.decision_date else "",
            )
            if part
        )
        url = reverse("democracy:item", args=[item.public_id])
        rows.append(
            [
                number,
                item.obligation.title,
                Cell(item.title, format_html('<a href="{}">{}</a>', url, item.title)),
                str(Audience(item.obligation.audience).label),
                reference or None,
                item.due_date,
                item.published_on,
                "; ".join(item.channel_labels()) or None,
                Cell(status, format_html('<span class="{}">{}</span>', badge, status)),
            ]
        )
    notes = []
    if audience in Audience.values:
        notes.append(_("Đối tượng: %(a)s") % {"a": Audience(audience).label})
    return Register(
        title=_("Sổ theo dõi công khai năm %(year)d") % {"year": year},
        **keeper(school),
        columns=COLUMNS,
        rows=rows,
        notes=notes,
        sheet_name=_("Sổ theo dõi công khai"),
        empty=_("Không có nội dung công khai nào đến hạn trong năm."),
        filename=f"so-theo-doi-cong-khai-{school.slug}-{year}.xlsx",
    )
