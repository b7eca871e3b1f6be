"""Reading the outgoing-document register (sổ đăng ký văn bản đi) for its page and workbook.

Nghị định 30/2020, Điều 16 and Phụ lục IV, I (Mẫu sổ đăng ký văn bản đi): the register records
each document's number and symbol, date, kind and summary, signer and recipients. Secret documents
are numbered and registered apart (Điều 15 k1; Luật Bảo vệ bí mật nhà nước 2018): they are
never read here. One query gives any number of rows: the recipients come out of the stored
content with a JSON key lookup, not by loading each document's whole text.
"""

import datetime as dt
import io
from dataclasses import dataclass

from django.db.models import F, QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from gandan.core.text import strip_forbidden
from gandan.orgs.models import Organisation
from gandan.paperwork.document import DocType
from gandan.paperwork.models import OutgoingDocument

PAGE_SIZE = 50


@dataclass(frozen=True)
class RegisterFilter:
    """One year's register, of one kind of document or of all."""

    year: int
    kind: str = ""  # a DocType value, or "" for every kind

    @classmethod
    def parse(cls, year: str | None, kind: str | None, *, default_year: int) -> "RegisterFilter":
        """From the page's query string: a year out of range or an unknown kind is ignored."""
        try:
            number = int(year or default_year)
        except ValueError:
            number = default_year
        if not 2000 <= number <= 2100:
            number = default_year
        return cls(year=number, kind=kind if kind in DocType.values else "")


def register_rows(organisation: Organisation, chosen: RegisterFilter) -> QuerySet[OutgoingDocument]:
    """The year's public documents of the organisation, newest number first."""
    rows = OutgoingDocument.objects.filter(
        organisation=organisation, year=chosen.year, is_secret=False
    )
    if chosen.kind:
        rows = rows.filter(doc_type=chosen.kind)
    return (
        rows.defer("spec_json")
        .annotate(
            stored_recipients=F("spec_json__recipients"), stored_kinh_gui=F("spec_json__kinh_gui")
        )
        .order_by("-number")
    )


def registered_document(
    organisation: Organisation, year: int, number: int
) -> OutgoingDocument | None:
    """A public document of the register by its year and number (its natural key)."""
    return OutgoingDocument.objects.filter(
        organisation=organisation, year=year, number=number, is_secret=False
    ).first()


def register_years(organisation: Organisation, current: int) -> list[int]:
    """The years with a public document, and the current year, newest first."""
    years = (
        OutgoingDocument.objects.filter(organisation=organisation, is_secret=False)
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted({current, *years}, reverse=True)


def register_kinds(organisation: Organisation, year: int) -> list[tuple[str, str]]:
    """The kinds of document issued in the year, as (value, label) in the decree's order."""
    used = set(
        OutgoingDocument.objects.filter(organisation=organisation, year=year, is_secret=False)
        .values_list("doc_type", flat=True)
        .distinct()
    )
    return [(value, str(label)) for value, label in DocType.choices if value in used]


def recipients(document: OutgoingDocument) -> list[str]:
    """Whom the document went to: 'Kính gửi' and 'Nơi nhận', without the archive line ('Lưu:
    VT', the organisation's own copy) and 'Như trên' (Phụ lục I, II.9b)."""
    stored = [
        *(getattr(document, "stored_kinh_gui", None) or []),
        *(getattr(document, "stored_recipients", None) or []),
    ]
    names = []
    for item in stored:
        name = str(item).strip().lstrip("-").strip().rstrip(";.").strip()
        # "Như trên" points back at the "Kính gửi" names, already listed.
        if name and not name.startswith("Lưu") and name != "Như trên" and name not in names:
            names.append(name)
    return names


def signer(document: OutgoingDocument) -> str:
    """'KT. Trần Văn Minh, PHÓ HIỆU TRƯỞNG': the signing prefix, name and title; a name not
    recorded (an authority's document drafted before its head was entered) leaves the title."""
    who = ", ".join(part for part in (document.signer_name.strip(), document.signer_title) if part)
    return f"{document.signer_prefix} {who}" if document.signer_prefix else who


def register_workbook(organisation: Organisation, chosen: RegisterFilter) -> bytes:
    """The register as the page filters it, in the book's order (number ascending), as .xlsx."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Sổ văn bản đi")[:31])
    for letter, width in zip("ABCDEFGH", (10, 18, 12, 16, 60, 36, 48, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    title = _("Sổ đăng ký văn bản đi năm %(year)d: %(name)s") % {
        "year": chosen.year,
        "name": strip_forbidden(organisation.name),
    }
    heading = WriteOnlyCell(sheet, value=title)
    heading.font = Font(bold=True, size=13)
    sheet.append([heading])
    if chosen.kind:
        sheet.append([_("Loại văn bản: %(kind)s") % {"kind": DocType(chosen.kind).label}])
    sheet.append([])
    header = [
        _("Số thứ tự"),
        _("Số, ký hiệu"),
        _("Ngày ban hành"),
        _("Loại văn bản"),
        _("Trích yếu nội dung"),
        _("Người ký"),
        _("Nơi nhận"),
        _("Tình trạng"),
    ]
    cells = []
    for value in header:
        cell = WriteOnlyCell(sheet, value=value)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cells.append(cell)
    sheet.append(cells)
    for document in register_rows(organisation, chosen).order_by("number"):
        status = document.get_status_display()
        if document.withdrawn_on:
            status = _("Đã thu hồi ngày %(day)s") % {
                "day": document.withdrawn_on.strftime("%d/%m/%Y")
            }
        issued_on = WriteOnlyCell(sheet, value=dt.datetime.combine(document.issued_on, dt.time()))
        issued_on.number_format = "DD/MM/YYYY"
        sheet.append(
            [
                document.number,
                document.number_symbol,
                issued_on,
                str(DocType(document.doc_type).label),
                # Stored before the input check, a summary may hold what a workbook cannot.
                strip_forbidden(document.summary),
                strip_forbidden(signer(document)),
                strip_forbidden("; ".join(recipients(document))),
                status,
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
