"""The dashboard's table as an .xlsx workbook: the same rows, order, columns and period as the
page shows (the page and the workbook are made from one `rollup.Table`)."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from gandan.core.text import strip_forbidden
from gandan.reports.indicators import PERIOD_BASIS, Value
from gandan.reports.rollup import Table

HEADER_ROW = 4  # the table's header row in the first sheet (after the title, period, blank)


CellValue = str | float | int | None


def _cell(value: Value) -> CellValue:
    """A number where the page shows a number; the page's text otherwise ("—" when empty)."""
    return value.number if value.number is not None else value.text


def table_rows(table: Table) -> list[list[CellValue]]:
    """The header and the rows exactly as the workbook holds them (tests read them back)."""
    header: list[CellValue] = [_("Đơn vị")]
    header += [f"{column.short} ({column.unit})" for column in table.columns]
    rows = [header]
    for row in table.rows:
        # A name stored before the input check may hold a character a workbook cannot.
        rows.append([strip_forbidden(row.unit.name), *(_cell(value) for value in row.cells)])
    total = _("Toàn bộ %(n)d đơn vị") % {"n": len(table.rows)}
    rows.append([total, *(_cell(value) for value in table.total)])
    return rows


def _bold(sheet: WriteOnlyWorksheet, values: list[CellValue], size: int = 11) -> list[Cell]:
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=value)
        cell.font = Font(bold=True, size=size)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cells.append(cell)
    return cells


def table_workbook(table: Table) -> bytes:
    """Written in openpyxl's write-only mode: a province's 1,500 rows stream out in one pass."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Chỉ số")[:31])
    sheet.freeze_panes = f"B{HEADER_ROW + 1}"
    sheet.column_dimensions["A"].width = 40
    for index in range(2, len(table.columns) + 2):
        sheet.column_dimensions[get_column_letter(index)].width = 16
    title = f"{strip_forbidden(table.authority.name)}: {_('chỉ số các đơn vị')}"
    sheet.append(_bold(sheet, [title], size=13))
    sheet.append(
        [
            _("Kỳ: %(period)s (%(span)s; %(basis)s)")
            % {"period": table.period.label, "span": table.period.span, "basis": PERIOD_BASIS}
        ]
    )
    sheet.append([])
    rows = table_rows(table)
    sheet.append(_bold(sheet, rows[0]))
    for values in rows[1:-1]:
        sheet.append(values)
    sheet.append(_bold(sheet, rows[-1]))
    method = book.create_sheet(_("Cách tính")[:31])
    method.append(_bold(method, [_("Chỉ số"), _("Đơn vị tính"), _("Cách tính"), _("Căn cứ")]))
    for column in table.columns:
        method.append([str(column.label), str(column.unit), str(column.method), column.basis])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
