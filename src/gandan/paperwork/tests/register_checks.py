"""What the register tests of every app check: the page's rows and the workbook's are the
same (count and first column), and the workbook's dates are real dates."""

import datetime as dt
import io
from html.parser import HTMLParser
from typing import Any

from openpyxl import load_workbook

from gandan.paperwork.registers import display


class _Rows(HTMLParser):
    """The body rows of the page's register table, screen-only cells left out."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.in_table = self.in_body = False
        self.cell: list[str] | None = None
        self.skip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table" and "register-table" in classes:
            self.in_table = True
        elif self.in_table and tag == "tbody":
            self.in_body = True
        elif self.in_body and tag == "tr":
            self.rows.append([])
        elif self.in_body and tag == "td":
            self.cell = []
            self.skip = "register-screen-only" in classes
        elif self.cell is not None and tag == "br":
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self.cell is not None:
            if not self.skip:
                self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tbody":
            self.in_body = False
        elif tag == "table":
            self.in_table = False

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def page_rows(html: str | bytes) -> list[list[str]]:
    parser = _Rows()
    parser.feed(html.decode() if isinstance(html, bytes) else html)
    return parser.rows


def sheet(content: bytes) -> Any:
    return load_workbook(io.BytesIO(content)).worksheets[0]


def sheet_rows(content: bytes) -> list[list[Any]]:
    """The rows under the column headings (the first row after the first blank one, or the
    first row when the sheet has no title)."""
    rows = [list(row) for row in sheet(content).iter_rows(values_only=True)]
    blank = next((i for i, row in enumerate(rows) if all(v is None for v in row)), None)
    start = 1 if blank is None else blank + 2
    return rows[start:]


def headings(content: bytes) -> list[Any]:
    rows = [list(row) for row in sheet(content).iter_rows(values_only=True)]
    blank = next((i for i, row in enumerate(rows) if all(v is None for v in row)), None)
    return rows[0 if blank is None else blank + 1]


def as_text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return display(value.date())
    return display(value)


def assert_same_rows(html: str | bytes, content: bytes) -> list[list[Any]]:
    """The page and the workbook hold the same rows: count and first column. Returns the
    workbook's rows."""
    shown = page_rows(html)
    written = sheet_rows(content)
    assert len(shown) == len(written), (len(shown), len(written))
    assert [row[0] for row in shown] == [as_text(row[0]) for row in written]
    return written


def date_cells(content: bytes, column: int) -> list[Any]:
    """The cells of a date column (0-based) under the headings, as openpyxl reads them."""
    rows = list(sheet(content).iter_rows())
    values = [[c.value for c in row] for row in rows]
    blank = next((i for i, row in enumerate(values) if all(v is None for v in row)), None)
    start = 1 if blank is None else blank + 2
    return [row[column] for row in rows[start:]]
