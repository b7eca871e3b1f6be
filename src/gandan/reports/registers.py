"""The authority's incoming-document register (sổ đăng ký văn bản đến), one year of it.

Nghị định 30/2020, Điều 22 and Phụ lục IV, II (Mẫu sổ đăng ký văn bản đến): each document
received is numbered in arrival order ("số đến") with its arrival date, its sender, number and
symbol, date, kind and summary. The reports the schools send through Gần Dân are registered on
the day they are received; the register says whether each came by the request's due date.
One query gives any number of rows (the sender and the request are joined).
"""

import datetime as dt

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gandan.orgs.models import Organisation
from gandan.paperwork.document import DocType
from gandan.paperwork.registers import Cell, Column, Register, Value, keeper
from gandan.reports.models import IncomingDocument

COLUMNS = (
    Column(gettext_lazy("Số đến"), 8, "number"),
    Column(gettext_lazy("Ngày đến"), 12, "date"),
    Column(gettext_lazy("Nơi gửi"), 32),
    Column(gettext_lazy("Số, ký hiệu"), 18),
    Column(gettext_lazy("Ngày văn bản"), 12, "date"),
    Column(gettext_lazy("Loại văn bản"), 14),
    Column(gettext_lazy("Trích yếu nội dung"), 56),
    Column(gettext_lazy("Hạn gửi"), 12, "date"),
    Column(gettext_lazy("Đúng hạn"), 12),
)


def register_years(authority: Organisation, today: dt.date, year: int) -> list[int]:
    """The years with a registered document, this year and the one asked for, newest first."""
    years = (
        IncomingDocument.objects.filter(authority=authority).values_list("year", flat=True)
    ).distinct()
    return sorted({today.year, year, *years}, reverse=True)


def _kind(code: str) -> str:
    return str(DocType(code).label) if code in DocType.values else code


def _on_time(row: IncomingDocument) -> Value | Cell:
    if row.unit_report is None:
        return None
    if row.received_on > row.unit_report.request.due_on:
        label = _("Quá hạn")
        return Cell(label, format_html('<span class="badge badge-bad">{}</span>', label))
    label = _("Đúng hạn")
    return Cell(label, format_html('<span class="badge">{}</span>', label))


def incoming_register(authority: Organisation, year: int) -> Register:
    """The year's register in arrival order, as the page, the print and the workbook show it."""
    rows: list[list[Value | Cell]] = []
    documents = IncomingDocument.objects.register(authority, year).select_related(
        "sender", "unit_report__request"
    )
    for row in documents:
        symbol: Value | Cell = row.number_symbol
        if row.unit_report is not None:
            url = reverse("reports:received", args=[row.unit_report.public_id])
            symbol = Cell(row.number_symbol, format_html('<a href="{}">{}</a>', url, symbol))
        rows.append(
            [
                row.arrival_number,
                row.received_on,
                row.sender.name,
                symbol,
                row.issued_on,
                _kind(row.doc_type),
                row.summary,
                row.unit_report.request.due_on if row.unit_report else None,
                _on_time(row),
            ]
        )
    return Register(
        title=_("Sổ đăng ký văn bản đến năm %(year)d") % {"year": year},
        **keeper(authority),
        columns=COLUMNS,
        rows=rows,
        sheet_name=_("Sổ văn bản đến"),
        empty=_(
            "Sổ chưa có văn bản đến nào trong năm. Báo cáo các trường gửi qua Gần Dân sẽ được "
            "vào sổ tại đây."
        ),
        filename=f"so-van-ban-den-{authority.slug}-{year}.xlsx",
    )
