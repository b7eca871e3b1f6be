"""Registers (sổ): one definition, shown as a page, printed in the official layout, and
downloaded as an .xlsx workbook with exactly the same rows.

A register is a title, the organisation that keeps it, a few notes (the year, the filters),
columns (heading, width, type) and rows of values. Each app builds its `Register` from the rows
its access predicates let the person see; then `register_page` renders it with the one template
(`paperwork/register_page.html`, whose table `paperwork/register_table.html` carries the print
layout of `register-print.css`: A4 landscape, serif, the organisation's name on the left, the
title centred, numbered columns, the header repeated on every printed page, page numbers), and
`register_download` writes the same rows as a workbook: title rows, a frozen header row, the
column widths, dates as real Excel dates shown dd/mm/yyyy.
"""

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeString
from openpyxl import Workbook
from openpyxl.cell import Cell as SheetCell
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from gandan.core.text import strip_forbidden
from gandan.orgs.models import Organisation
from gandan.paperwork.responses import XLSX_MIME, file_response
from gandan.paperwork.signing import managing_body_name

Value = str | int | float | dt.date | None
ColumnKind = Literal["text", "date", "number"]

# The query parameter that asks for the print view: every row, the print layout on screen.
PRINT_PARAMETER = "in"
DATE_FORMAT = "DD/MM/YYYY"


@dataclass(frozen=True)
class Column:
    """One column: its heading, its width in characters (the workbook's unit; printed widths
    are in proportion), and the type of its values. A `screen_only` column (links to open a
    record) is on the page only: never printed, never exported."""

    heading: "str | Promise"
    width: int = 16
    kind: ColumnKind = "text"
    screen_only: bool = False


@dataclass(frozen=True)
class Cell:
    """A value with a richer rendering for the page (a badge, a link): the workbook writes the
    value, the page and the print show `html`."""

    value: Value
    html: SafeString


@dataclass(frozen=True)
class Choice:
    """One filter of the page, offered as a list to choose from (a GET form)."""

    name: str
    label: str
    options: Sequence[tuple[str, object]]  # (value, label); labels may be lazy
    selected: str


@dataclass
class Register:
    """What one register holds for one person, filters applied."""

    title: str  # "Sổ đăng ký văn bản đến năm 2025": printed upper-case, centred
    organisation: str  # the organisation that keeps it ("TÊN CƠ QUAN", left)
    columns: Sequence[Column]
    rows: Sequence[Sequence[Value | Cell]]
    managing_body: str = ""  # the line above the organisation's name, if any
    notes: Sequence[str] = ()  # the filters applied, under the title
    sheet_name: str = ""
    heading: str = ""  # the workbook's first line; "title: organisation" unless given
    empty: str = ""  # what the page says when there is no row
    strong_last_row: bool = False  # a total row
    freeze_first_column: bool = False
    filename: str = "so.xlsx"
    extra_sheets: Sequence["Register"] = field(default_factory=tuple)

    @property
    def column_widths(self) -> list[tuple[Column, int]]:
        """Each column with its share of the printed width, in per cent."""
        total = sum(column.width for column in self.columns if not column.screen_only) or 1
        return [(column, round(100 * column.width / total)) for column in self.columns]

    @property
    def kept_columns(self) -> list[int]:
        """Indexes of the columns printed and exported."""
        return [i for i, column in enumerate(self.columns) if not column.screen_only]

    @property
    def workbook_heading(self) -> str:
        if self.heading:
            return self.heading
        return f"{self.title}: {self.organisation}" if self.organisation else self.title


class Keeper(TypedDict):
    organisation: str
    managing_body: str


def keeper(organisation: Organisation) -> Keeper:
    """The register's keeper as its print header names it: the managing body, then the
    organisation (Nghị định 30/2020, Phụ lục I, II.2), for `Register(**keeper(org), ...)`."""
    return Keeper(
        organisation=strip_forbidden(organisation.name),
        managing_body=strip_forbidden(managing_body_name(organisation)),
    )


def display(value: Value | Cell, kind: ColumnKind = "text") -> str:
    """The text of a value as the page shows it: dates dd/mm/yyyy, numbers Vietnamese."""
    if isinstance(value, Cell):
        value = value.value
    if value is None:
        return "—"
    if value == "":
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, float):
        text = f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
        return text.removesuffix(",0")
    return str(value)


@dataclass(frozen=True)
class ShownCell:
    text: str | SafeString
    label: str
    kind: ColumnKind
    screen_only: bool


def shown_rows(register: Register) -> list[list[ShownCell]]:
    """The rows as the template renders them (each cell with its column's label)."""
    rows = []
    for row in register.rows:
        cells = []
        for column, value in zip(register.columns, row, strict=True):
            text: str | SafeString
            if isinstance(value, Cell):
                text = value.html
            elif isinstance(value, dt.date):
                text = format_html(
                    '<time datetime="{}">{}</time>', value.isoformat(), display(value)
                )
            else:
                text = display(value, column.kind)
            cells.append(ShownCell(text, str(column.heading), column.kind, column.screen_only))
        rows.append(cells)
    return rows


def is_print_view(request: HttpRequest) -> bool:
    return request.GET.get(PRINT_PARAMETER) == "1"


def register_page(
    request: HttpRequest,
    register: Register,
    *,
    xlsx_url: str,
    choices: Sequence[Choice] = (),
    intro: str = "",
    back: tuple[str, str] | None = None,
    template: str = "paperwork/register_page.html",
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """The register's page; with ?in=1 the print view (the print layout on screen too)."""
    return render(
        request,
        template,
        {
            "register": register,
            "register_rows": shown_rows(register),
            "xlsx_url": xlsx_url,
            "choices": choices,
            "intro": intro,
            "back": back,
            "print_view": is_print_view(request),
            "print_parameter": PRINT_PARAMETER,
            **(context or {}),
        },
    )


def register_download(register: Register) -> HttpResponse:
    """The register as an .xlsx download (private, never cached)."""
    return file_response(
        register_workbook(register), filename=register.filename, content_type=XLSX_MIME
    )


def _styled(
    sheet: WriteOnlyWorksheet, value: str, *, bold: bool = False, size: int = 11
) -> SheetCell:
    cell = WriteOnlyCell(sheet, value=value)
    if bold or size != 11:
        cell.font = Font(bold=bold, size=size)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _value(sheet: WriteOnlyWorksheet, value: Value | Cell, *, bold: bool) -> Any:
    if isinstance(value, Cell):
        value = value.value
    if isinstance(value, dt.datetime):
        value = value.replace(tzinfo=None)
    elif isinstance(value, dt.date):
        value = dt.datetime.combine(value, dt.time())
    elif isinstance(value, str):
        # Text stored before the input check may hold what a workbook cannot.
        value = strip_forbidden(value)
    if isinstance(value, dt.datetime) or bold:
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, dt.datetime):
            cell.number_format = DATE_FORMAT
        if bold:
            cell.font = Font(bold=True)
        return cell
    return value


def header_row(register: Register) -> int:
    """The 1-based row of the column headings in the register's sheet."""
    if not register.workbook_heading and not register.notes:
        return 1
    return 1 + 1 + len(register.notes) + 1  # the heading, the notes, a blank row


def write_sheet(book: Workbook, register: Register) -> None:
    """One sheet: the title rows, the headings (frozen), then the rows."""
    sheet = book.create_sheet((register.sheet_name or register.title)[:31])
    kept = register.kept_columns
    header = header_row(register)
    first_free = "B" if register.freeze_first_column else "A"
    sheet.freeze_panes = f"{first_free}{header + 1}"
    for position, index in enumerate(kept, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = register.columns[index].width
    if header > 1:
        sheet.append(
            [_styled(sheet, strip_forbidden(register.workbook_heading), bold=True, size=13)]
        )
        for note in register.notes:
            sheet.append([strip_forbidden(note)])
        sheet.append([])
    sheet.append([_styled(sheet, str(register.columns[i].heading), bold=True) for i in kept])
    last = len(register.rows) - 1
    for number, row in enumerate(register.rows):
        strong = register.strong_last_row and number == last
        sheet.append([_value(sheet, row[i], bold=strong) for i in kept])


def register_workbook(register: Register) -> bytes:
    """The register (and its extra sheets) as .xlsx, written in one streaming pass."""
    book = Workbook(write_only=True)
    for each in (register, *register.extra_sheets):
        write_sheet(book, each)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def numbered(rows: Iterable[Sequence[Value | Cell]]) -> list[list[Value | Cell]]:
    """Rows with their order number (STT) in front."""
    return [[number, *row] for number, row in enumerate(rows, start=1)]
