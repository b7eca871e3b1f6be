"""The petitions registers: the sổ tiếp công dân and the sổ theo dõi đơn thư.

- Sổ tiếp công dân (Luật Tiếp công dân 2013, Điều 25 k2; Mẫu 03/TCD, LAW.md "Sổ tiếp công
  dân — fields"): the thirteen columns of the form, from `access.access_register`, which
  unseals names for the receivers and the managers, logs the view, and never names a
  denouncer (Luật Tố cáo 2018, Điều 47): the register is printed and exported, so a
  denunciation's line carries the case's pseudonym for everyone, its resolver included (who
  reads the identity on the case page, logged).
- Sổ theo dõi đơn thư: the cases the person may list (`access.visible_cases`), filtered as
  on the page, with the received date, kind, due dates and whether each was handled on time.
  Nothing about the sender: the inspection board reads this register too.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gandan.orgs.models import Organisation, User
from gandan.paperwork.registers import Cell, Column, Register, Value, keeper
from gandan.petitions import access
from gandan.petitions.models import Case, CaseKind, CaseStatus, ReceptionEntry
from gandan.petitions.models.cases import CaseDeadline
from gandan.worktime import days

# Every line of the year: a school receives citizens some days a month.
RECEPTION_LIMIT = 5000

RECEPTION_COLUMNS = (
    Column(gettext_lazy("STT"), 6, "number"),
    Column(gettext_lazy("Ngày tiếp"), 12, "date"),
    Column(gettext_lazy("Họ tên, địa chỉ"), 30),
    Column(gettext_lazy("CCCD/Hộ chiếu"), 16),
    Column(gettext_lazy("Tóm tắt nội dung vụ việc"), 44),
    Column(gettext_lazy("Phân loại đơn"), 14),
    Column(gettext_lazy("Số người cùng nội dung"), 10, "number"),
    Column(gettext_lazy("Cơ quan đã giải quyết"), 20),
    Column(gettext_lazy("Thuộc thẩm quyền"), 10),
    Column(gettext_lazy("Hướng dẫn công dân đến cơ quan có thẩm quyền"), 24),
    Column(gettext_lazy("Cơ quan, đơn vị thụ lý"), 20),
    Column(gettext_lazy("Theo dõi kết quả giải quyết"), 24),
    Column(gettext_lazy("Ghi chú"), 20),
)


def reception_years(school: Organisation, year: int) -> list[int]:
    years = ReceptionEntry.objects.filter(organisation=school).values_list("year", flat=True)
    return sorted({year, *years.distinct()}, reverse=True)


def reception_register(
    user: User, school: Organisation, year: int, *, request: HttpRequest | None = None
) -> Register:
    """The year's sổ tiếp công dân for a receiver or a manager (else 404, in `access`)."""
    rows: list[list[Value | Cell]] = []
    for line in access.access_register(user, school, year, limit=RECEPTION_LIMIT, request=request):
        entry = line.entry
        who = ", ".join(part for part in (line.name, line.address) if part)
        content: Value | Cell = entry.content_summary
        if entry.case is not None:
            url = reverse("petitions:detail", args=[entry.case.public_id])
            content = Cell(
                entry.content_summary,
                format_html(
                    '{}<br><a href="{}">{}</a>', entry.content_summary, url, entry.case.display_code
                ),
            )
        note = " ".join(part for part in (entry.note, entry.receiver.full_name) if part)
        rows.append(
            [
                entry.number,
                entry.received_on,
                who,
                line.id_number or None,
                content,
                str(entry.get_kind_display()) if entry.kind else None,
                entry.people_count,
                entry.previously_resolved_by or None,
                "x" if entry.within_competence else "",
                entry.guidance,
                entry.handled_by,
                entry.follow_up,
                note,
            ]
        )
    return Register(
        title=_("Sổ tiếp công dân năm %(year)d") % {"year": year},
        **keeper(school),
        columns=RECEPTION_COLUMNS,
        rows=rows,
        sheet_name=_("Sổ tiếp công dân"),
        empty=_("Sổ chưa có dòng nào trong năm."),
        filename=f"so-tiep-cong-dan-{school.slug}-{year}.xlsx",
    )


@dataclass(frozen=True)
class CaseFilter:
    """The case register's filters: the year received, the status ("mo": every open case,
    "": all) and the kind."""

    year: int
    status: str = ""
    kind: str = ""

    @classmethod
    def parse(cls, data, *, default_year: int) -> "CaseFilter":
        try:
            year = int(data.get("nam") or default_year)
        except ValueError:
            year = default_year
        if not 2000 <= year <= 2100:
            year = default_year
        status = data.get("tinh-trang", "")
        kind = data.get("loai", "")
        return cls(
            year=year,
            status=status if status == "mo" or status in CaseStatus.values else "",
            kind=kind if kind in CaseKind.values else "",
        )

    @property
    def query(self) -> dict[str, str]:
        return {"nam": str(self.year), "tinh-trang": self.status, "loai": self.kind}


CASE_COLUMNS = (
    Column(gettext_lazy("STT"), 6, "number"),
    Column(gettext_lazy("Mã hồ sơ"), 16),
    Column(gettext_lazy("Ngày nhận"), 12, "date"),
    Column(gettext_lazy("Loại đơn"), 14),
    Column(gettext_lazy("Tóm tắt"), 44),
    Column(gettext_lazy("Người giải quyết"), 22),
    Column(gettext_lazy("Hạn gần nhất"), 12, "date"),
    Column(gettext_lazy("Hạn giải quyết"), 12, "date"),
    Column(gettext_lazy("Ngày kết thúc"), 12, "date"),
    Column(gettext_lazy("Tình trạng"), 18),
    Column(gettext_lazy("Đúng hạn"), 26),
)


def case_years(user: User, school: Organisation, year: int) -> list[int]:
    dates = access.visible_cases(user, school).dates("received_on", "year")
    return sorted({year, *(day.year for day in dates)}, reverse=True)


def _timing(case: Case, tracked: list[CaseDeadline], today: dt.date, left: int | None) -> str:
    """'Đúng hạn', 'Quá hạn' or 'Đang giải quyết — còn N ngày làm việc'."""
    late = any(d.is_overdue(today) or d.was_on_time() is False for d in tracked)
    if late:
        return _("Quá hạn")
    if case.closed_at is None and left is not None:
        return _("Đang giải quyết — còn %(n)d ngày làm việc") % {"n": left}
    if case.closed_at is None:
        return _("Đang giải quyết")
    return _("Đúng hạn")


def case_register(user: User, school: Organisation, chosen: CaseFilter, today: dt.date) -> Register:
    """The cases the user may list, received in the year, filtered as the page filters them."""
    cases = access.visible_cases(user, school).filter(received_on__year=chosen.year)
    if chosen.status == "mo":
        cases = cases.open()
    elif chosen.status:
        cases = cases.filter(status=chosen.status)
    if chosen.kind:
        cases = cases.filter(kind=chosen.kind)
    tracked = CaseDeadline.objects.filter(is_tracked=True, moot=False).order_by("order", "pk")
    found = list(
        cases.select_related("handler")
        .prefetch_related(Prefetch("deadlines", queryset=tracked, to_attr="tracked"))
        .order_by("received_on", "received_at", "pk")
    )
    pending = [case for case in found if case.closed_at is None and case.next_due]
    left = dict(
        zip(
            (case.pk for case in pending),
            days.working_days_between_bulk(
                [today] * len(pending), [case.next_due for case in pending if case.next_due]
            ),
            strict=True,
        )
    )
    rows: list[list[Value | Cell]] = []
    for number, case in enumerate(found, start=1):
        deadlines: list[CaseDeadline] = getattr(case, "tracked", [])
        final = max((d.due for d in deadlines if d.due), default=None)
        timing = _timing(case, deadlines, today, left.get(case.pk))
        badge = "badge badge-bad" if timing == _("Quá hạn") else "badge"
        url = reverse("petitions:detail", args=[case.public_id])
        rows.append(
            [
                number,
                Cell(case.display_code, format_html('<a href="{}">{}</a>', url, case.display_code)),
                case.received_on,
                str(case.get_kind_display()),
                case.title,
                case.handler.full_name if case.handler else None,
                case.next_due if case.closed_at is None else None,
                final,
                timezone.localdate(case.closed_at) if case.closed_at else None,
                str(case.get_status_display()),
                Cell(timing, format_html('<span class="{}">{}</span>', badge, timing)),
            ]
        )
    notes = []
    if chosen.status == "mo":
        notes.append(_("Vụ việc đang mở"))
    elif chosen.status:
        notes.append(_("Tình trạng: %(s)s") % {"s": CaseStatus(chosen.status).label})
    if chosen.kind:
        notes.append(_("Loại đơn: %(k)s") % {"k": CaseKind(chosen.kind).label})
    return Register(
        title=_("Sổ theo dõi đơn thư năm %(year)d") % {"year": chosen.year},
        **keeper(school),
        columns=CASE_COLUMNS,
        rows=rows,
        notes=notes,
        sheet_name=_("Sổ theo dõi đơn thư"),
        empty=_("Không có vụ việc nào theo điều kiện đã chọn."),
        filename=f"so-theo-doi-don-thu-{school.slug}-{chosen.year}.xlsx",
    )
