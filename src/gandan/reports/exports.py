"""The dashboard's table as an .xlsx workbook: the same rows, order, columns and period as the
page shows (the page and the workbook are made from one `rollup.Table`)."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from gandan.reports.indicators import PERIOD_BASIS, Value
from gandan.reports.rollup import Table


def _cell(value: Value) -> object:
    """A number where the page shows a number; the page's text otherwise ("—" when empty)."""
    return value.number if value.number is not None else value.text


def table_rows(table: Table) -> list[list[object]]:
    """The header and the rows exactly as the workbook holds them (tests read them back)."""
    header: list[object] = [_("Đơn vị")]
    header += [f"{column.short} ({column.unit})" for column in table.columns]
    rows = [header]
    for row in table.rows:
        rows.append([row.unit.name] + [_cell(value) for value in row.cells])
    rows.append(
        [_("Toàn bộ %(n)d đơn vị") % {"n": len(table.rows)}] + [_cell(v) for v in table.total]
    )
    return rows


def table_workbook(table: Table) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Chỉ số")[:31]
    sheet.append([f"{table.authority.name}: {_('chỉ số các đơn vị')}"])
    sheet.append(
        [
            _("Kỳ: %(period)s (%(span)s; %(basis)s)")
            % {"period": table.period.label, "span": table.period.span, "basis": PERIOD_BASIS}
        ]
    )
    sheet.append([])
    sheet["A1"].font = Font(bold=True, size=13)
    first = sheet.max_row + 1
    for values in table_rows(table):
        sheet.append(values)
    for head in sheet[first]:
        head.font = Font(bold=True)
        head.alignment = Alignment(wrap_text=True, vertical="top")
    for total in sheet[sheet.max_row]:
        total.font = Font(bold=True)
    sheet.freeze_panes = f"B{first + 1}"
    sheet.column_dimensions["A"].width = 40
    for index in range(2, len(table.columns) + 2):
        sheet.column_dimensions[get_column_letter(index)].width = 16
    method = book.create_sheet(_("Cách tính")[:31])
    method.append([_("Chỉ số"), _("Đơn vị tính"), _("Cách tính"), _("Căn cứ")])
    for column in table.columns:
        method.append([str(column.label), str(column.unit), str(column.method), column.basis])
    for head in method[1]:
        head.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


HEADER_ROW = 4  # the table's header row in the first sheet (after the title, period, blank)
