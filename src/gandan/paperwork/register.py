"""Reading the outgoing-document register (sổ đăng ký văn bản đi) for its page and workbook.

Nghị định 30/2020, Điều 16 and Phụ lục IV, I (Mẫu sổ đăng ký văn bản đi): the register records
each document's number and symbol, date, kind and summary, signer and recipients. Secret documents
are numbered and registered apart (Điều 15 k1; Luật Bảo vệ bí mật nhà nước 2018): they are
never read here. One query gives any number of rows: the recipients come out of the stored
content with a JSON key lookup, not by loading each document's whole text.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gandan.orgs.models import Organisation
from gandan.paperwork import registers
from gandan.paperwork.document import DocType
from gandan.paperwork.models import OutgoingDocument
from gandan.paperwork.registers import Cell, Column, Register, keeper

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


def _signer_html(document: OutgoingDocument) -> SafeString:
    prefix = format_html("{} ", document.signer_prefix) if document.signer_prefix else ""
    name = format_html("{}<br>", document.signer_name) if document.signer_name else ""
    return format_html(
        '<span>{}{}<span class="muted">{}</span></span>', prefix, name, document.signer_title
    )


def _status(document: OutgoingDocument) -> Cell:
    if not document.withdrawn_on:
        status = str(document.get_status_display())
        return Cell(status, format_html("{}", status))
    day = document.withdrawn_on.strftime("%d/%m/%Y")
    return Cell(
        _("Đã thu hồi ngày %(day)s") % {"day": day},
        format_html(
            '<span class="badge badge-bad">{}</span><br><span class="muted">{}</span>',
            _("Đã thu hồi"),
            _("ngày %(day)s") % {"day": day},
        ),
    )


def _files(organisation: Organisation, document: OutgoingDocument) -> Cell:
    links = []
    for fmt, label in (("docx", "Word"), ("pdf", "PDF")):
        url = reverse(
            "paperwork:document", args=[organisation.slug, document.year, document.number, fmt]
        )
        links.append(
            format_html(
                '<a href="{}" aria-label="{}">{}</a>',
                url,
                _("Tải văn bản %(symbol)s (%(label)s)")
                % {"symbol": document.number_symbol, "label": label},
                label,
            )
        )
    return Cell("", format_html("<span>{} · {}</span>", *links))


COLUMNS = (
    Column(gettext_lazy("Số thứ tự"), 10, "number"),
    Column(gettext_lazy("Số, ký hiệu"), 18),
    Column(gettext_lazy("Ngày ban hành"), 12, "date"),
    Column(gettext_lazy("Loại văn bản"), 16),
    Column(gettext_lazy("Trích yếu nội dung"), 60),
    Column(gettext_lazy("Người ký"), 36),
    Column(gettext_lazy("Nơi nhận"), 48),
    Column(gettext_lazy("Tình trạng"), 16),
    Column(gettext_lazy("Văn bản"), 12, screen_only=True),
)


def as_register(
    organisation: Organisation, chosen: RegisterFilter, documents: Iterable[OutgoingDocument]
) -> Register:
    """The register's definition for `documents` (rows of `register_rows`, in any order)."""
    rows: list[list[registers.Value | Cell]] = []
    for document in documents:
        names = "; ".join(recipients(document))
        rows.append(
            [
                document.number,
                Cell(
                    document.number_symbol,
                    format_html('<strong class="symbol">{}</strong>', document.number_symbol),
                ),
                document.issued_on,
                str(DocType(document.doc_type).label),
                document.summary,
                Cell(signer(document), _signer_html(document)),
                Cell(names, format_html("{}", names or "—")),
                _status(document),
                _files(organisation, document),
            ]
        )
    suffix = f"-{chosen.kind.lower()}" if chosen.kind else ""
    return Register(
        title=_("Sổ đăng ký văn bản đi năm %(year)d") % {"year": chosen.year},
        **keeper(organisation),
        columns=COLUMNS,
        rows=rows,
        notes=[_("Loại văn bản: %(kind)s") % {"kind": DocType(chosen.kind).label}]
        if chosen.kind
        else [],
        sheet_name=_("Sổ văn bản đi"),
        empty=_("Năm này chưa có văn bản nào thuộc loại đã chọn.")
        if chosen.kind
        else _(
            "Sổ chưa có văn bản đi nào trong năm. Văn bản ban hành qua Gần Dân (kế hoạch, "
            "thông báo, biên bản, báo cáo…) được vào sổ tại đây."
        ),
        filename=f"so-van-ban-di-{organisation.slug}-{chosen.year}{suffix}.xlsx",
    )


def register_workbook(organisation: Organisation, chosen: RegisterFilter) -> bytes:
    """The register as the page filters it, in the book's order (number ascending), as .xlsx."""
    documents = register_rows(organisation, chosen).order_by("number")
    return registers.register_workbook(as_register(organisation, chosen, documents))
