"""What an official document says, independent of any database or file format.

A `DocumentSpec` holds every component of Nghị định 30/2020, Điều 8 k2 as plain text;
`gandan.paperwork.rendering` turns it into .docx and PDF, and the register stores it as
JSON so that an issued document can be rendered again exactly as it was issued.
"""

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gandan.core.vietnamese import official_date


class DocType(models.TextChoices):
    """Administrative document types (Nghị định 30/2020, Điều 7).

    The stored value is the Phụ lục III abbreviation, except công văn and thư công, which
    have none: their values are only keys and never print.
    """

    RESOLUTION = "NQ", gettext_lazy("Nghị quyết")
    DECISION = "QĐ", gettext_lazy("Quyết định")
    DIRECTIVE = "CT", gettext_lazy("Chỉ thị")
    REGULATION = "QC", gettext_lazy("Quy chế")
    RULE = "QyĐ", gettext_lazy("Quy định")
    COMMUNIQUE = "TC", gettext_lazy("Thông cáo")
    NOTICE = "TB", gettext_lazy("Thông báo")
    GUIDANCE = "HD", gettext_lazy("Hướng dẫn")
    PROGRAMME = "CTr", gettext_lazy("Chương trình")
    PLAN = "KH", gettext_lazy("Kế hoạch")
    SCHEME = "PA", gettext_lazy("Phương án")
    PROPOSAL = "ĐA", gettext_lazy("Đề án")
    PROJECT = "DA", gettext_lazy("Dự án")
    REPORT = "BC", gettext_lazy("Báo cáo")
    MINUTES = "BB", gettext_lazy("Biên bản")
    SUBMISSION = "TTr", gettext_lazy("Tờ trình")
    CONTRACT = "HĐ", gettext_lazy("Hợp đồng")
    TELEGRAM = "CĐ", gettext_lazy("Công điện")
    MEMORANDUM = "BGN", gettext_lazy("Bản ghi nhớ")
    AGREEMENT = "BTT", gettext_lazy("Bản thỏa thuận")
    AUTHORISATION = "GUQ", gettext_lazy("Giấy ủy quyền")
    INVITATION = "GM", gettext_lazy("Giấy mời")
    INTRODUCTION = "GGT", gettext_lazy("Giấy giới thiệu")
    LEAVE = "GNP", gettext_lazy("Giấy nghỉ phép")
    DISPATCH_SLIP = "PG", gettext_lazy("Phiếu gửi")
    TRANSFER_SLIP = "PC", gettext_lazy("Phiếu chuyển")
    NOTICE_SLIP = "PB", gettext_lazy("Phiếu báo")
    OFFICIAL_LETTER = "CV", gettext_lazy("Công văn")
    PUBLIC_LETTER = "THU", gettext_lazy("Thư công")

    @property
    def abbreviation(self) -> str:
        """The type part of the symbol (Phụ lục III); empty for công văn and thư công."""
        # Nghị định 30/2020, Phụ lục III: "CV" is not an official abbreviation.
        if self in _WITHOUT_ABBREVIATION:
            return ""
        return self.value

    @property
    def heading(self) -> str:
        """The type name as printed above the summary (Phụ lục I, II.5a): 'KẾ HOẠCH'."""
        if self in _WITHOUT_ABBREVIATION:
            return ""
        # The type name is law text: Vietnamese whatever the reader's interface language.
        with translation.override("vi"):
            return str(self.label).upper()

    @property
    def is_letter(self) -> bool:
        """Công văn layout: 'V/v …' under the number, no type name (Phụ lục I, II.5b)."""
        return self in _WITHOUT_ABBREVIATION


_WITHOUT_ABBREVIATION = {DocType.OFFICIAL_LETTER, DocType.PUBLIC_LETTER}


class SignerPrefix(models.TextChoices):
    """Signing authority (Nghị định 30/2020, Điều 13; Phụ lục I, II.7a)."""

    NONE = "", gettext_lazy("Người đứng đầu ký")
    ON_BEHALF_OF_BODY = "TM.", gettext_lazy("Thay mặt (TM.)")
    DEPUTY = "KT.", gettext_lazy("Ký thay (KT.)")
    ACTING = "Q.", gettext_lazy("Quyền (Q.)")
    BY_ORDER = "TL.", gettext_lazy("Thừa lệnh (TL.)")
    BY_AUTHORISATION = "TUQ.", gettext_lazy("Thừa ủy quyền (TUQ.)")


# These prefixes sign for someone else, whose title prints on the line above.
_NEEDS_PRINCIPAL = {
    SignerPrefix.ON_BEHALF_OF_BODY,
    SignerPrefix.DEPUTY,
    SignerPrefix.BY_ORDER,
    SignerPrefix.BY_AUTHORISATION,
}


@dataclass(frozen=True)
class Signer:
    """Who signs, and for whom.

    `title` is the signer's own title ('PHÓ HIỆU TRƯỞNG'); `on_behalf_of` the head or body
    signed for ('HIỆU TRƯỞNG', 'HỘI ĐỒNG'), required with KT., TM., TL. and TUQ.
    `for_body` names the collective body of a unit that works as one (an Ủy ban nhân dân): its
    head or deputy signs "TM." for it on the first line (Nghị định 30/2020, Điều 13 k2; Phụ lục
    I, II.7a: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH").
    """

    name: str
    title: str
    prefix: str = SignerPrefix.NONE
    on_behalf_of: str = ""
    for_body: str = ""

    def __post_init__(self) -> None:
        if self.prefix not in SignerPrefix.values:
            raise ValueError(_("Quyền hạn ký không hợp lệ: %(prefix)s") % {"prefix": self.prefix})
        # Nghị định 30/2020, Điều 13 k1-k4: KT./TM./TL./TUQ. name the head or body signed for.
        if self.prefix in _NEEDS_PRINCIPAL and not self.on_behalf_of.strip():
            raise ValueError(
                _("Ký %(prefix)s phải ghi chức vụ của người đứng đầu hoặc tập thể được ký thay.")
                % {"prefix": self.prefix}
            )

    def title_lines(self) -> list[str]:
        """'KT. HIỆU TRƯỞNG' / 'PHÓ HIỆU TRƯỞNG'; 'Q. HIỆU TRƯỞNG'; 'HIỆU TRƯỞNG'."""
        title = self.title.strip().upper()
        body = [f"{SignerPrefix.ON_BEHALF_OF_BODY} {self.for_body.strip().upper()}"]
        lines = body if self.for_body.strip() else []
        if self.prefix in _NEEDS_PRINCIPAL:
            return [*lines, f"{self.prefix} {self.on_behalf_of.strip().upper()}", title]
        if self.prefix == SignerPrefix.ACTING:
            return [*lines, f"{self.prefix} {title}"]
        return [*lines, title]


# Body blocks. Each is a small frozen record; `kind` tags it in JSON.


@dataclass(frozen=True)
class BasisLine:
    """'Căn cứ …;' (italic; the last one ends with '.'), Phụ lục I, II.6b."""

    text: str
    kind: str = field(default="basis", init=False)


@dataclass(frozen=True)
class Heading:
    """'I. MỤC ĐÍCH, YÊU CẦU' (level 1), '1. Mục đích' (level 2), 'a) …' (level 3).

    An integer number at level 1 prints in Roman numerals (Phụ lục I, II.6c).
    """

    level: int
    number: int | str
    title: str
    kind: str = field(default="heading", init=False)

    def __post_init__(self) -> None:
        if self.level not in (1, 2, 3):
            raise ValueError(_("Cấp đề mục phải là 1, 2 hoặc 3."))

    def label(self) -> str:
        number = self.number
        if isinstance(number, int):
            number = roman(number) if self.level == 1 else str(number)
        title = self.title.upper() if self.level == 1 else self.title
        if not number:
            return title
        if number.endswith(")"):
            return f"{number} {title}"
        return f"{number}. {title}"


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: str = field(default="paragraph", init=False)


@dataclass(frozen=True)
class Bullet:
    """A '- …' item of a list in the body."""

    text: str
    kind: str = field(default="bullet", init=False)


@dataclass(frozen=True)
class Article:
    """'Điều 1. …' of a decision (bold label, Phụ lục I, II.6d)."""

    number: int
    text: str
    kind: str = field(default="article", init=False)


@dataclass(frozen=True)
class CentredLine:
    """A centred bold line such as 'QUYẾT ĐỊNH:' or 'HIỆU TRƯỞNG TRƯỜNG …'."""

    text: str
    bold: bool = True
    kind: str = field(default="centred", init=False)


@dataclass(frozen=True)
class Table:
    """A grid in the body; the first row is the header when `header` is set."""

    rows: tuple[tuple[str, ...], ...]
    header: bool = True
    kind: str = field(default="table", init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rows", tuple(tuple(str(cell) for cell in r) for r in self.rows))
        widths = {len(row) for row in self.rows}
        if len(widths) > 1:
            raise ValueError(_("Các dòng của bảng phải có cùng số cột."))


Block = BasisLine | Heading | Paragraph | Bullet | Article | CentredLine | Table
_BLOCK_KINDS: dict[str, type] = {
    "basis": BasisLine,
    "heading": Heading,
    "paragraph": Paragraph,
    "bullet": Bullet,
    "article": Article,
    "centred": CentredLine,
    "table": Table,
}

ARCHIVE_LINE = "Lưu: VT."


@dataclass(frozen=True)
class DocumentSpec:
    """One official document, every component as it prints.

    `number_symbol` ('07/KH-THTT') and `date` are empty on a draft and set by the register
    when the document is issued (`gandan.paperwork.services.issue_document`).
    """

    managing_body: str
    issuing_body: str
    doc_type: DocType
    summary: str
    place: str
    signer: Signer
    body: tuple[Block, ...] = ()
    recipients: tuple[str, ...] = ()
    kinh_gui: tuple[str, ...] = ()
    number_symbol: str = ""
    date: dt.date | None = None
    co_signer: Signer | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "doc_type", DocType(self.doc_type))
        object.__setattr__(self, "body", tuple(self.body))
        object.__setattr__(self, "recipients", tuple(self.recipients))
        object.__setattr__(self, "kinh_gui", tuple(self.kinh_gui))

    def number_line(self) -> str:
        """'Số: 07/KH-THTT' (Phụ lục I, II.3); blank number on a draft."""
        return f"Số: {self.number_symbol or DRAFT_NUMBER}"

    def date_line(self) -> str:
        """'Hải Phòng, ngày 05 tháng 8 năm 2022' (Phụ lục I, II.4); blanks on a draft."""
        if self.date is None:
            return f"{self.place}, ngày     tháng     năm     "
        return f"{self.place}, {official_date(self.date)}"

    def summary_line(self) -> str:
        """Công văn summaries start with 'V/v' (Phụ lục I, II.5b)."""
        summary = self.summary.strip()
        if self.doc_type.is_letter and summary and not summary.startswith("V/v"):
            return f"V/v {summary[0].lower()}{summary[1:]}"
        return summary

    def recipient_lines(self) -> list[str]:
        """'- Như trên;' … '- Lưu: VT.' (Phụ lục I, II.9b): the archive line always last."""
        items = [item.strip().lstrip("-").strip().rstrip(";.").strip() for item in self.recipients]
        items = [item for item in items if item]
        archive = [item for item in items if item.startswith("Lưu")]
        others = [item for item in items if not item.startswith("Lưu")]
        last = archive[-1] + "." if archive else ARCHIVE_LINE
        return [f"- {item};" for item in others] + [f"- {last}"]

    def issued(self, *, number_symbol: str, date: dt.date) -> "DocumentSpec":
        return dataclasses.replace(self, number_symbol=number_symbol, date=date)


DRAFT_NUMBER = "\u00a0" * 6 + "/"


def roman(number: int) -> str:
    """1 → 'I', 4 → 'IV', 14 → 'XIV'."""
    if number < 1:
        raise ValueError(_("Số La Mã phải lớn hơn 0."))
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    result = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        result.append(letters * count)
    return "".join(result)


def number_symbol(number: int | None, type_abbr: str, org_symbol: str, unit: str = "") -> str:
    """'07/KH-THTT'; công văn (no type abbreviation) '05/THTT' or '05/THTT-VP'.

    Nghị định 30/2020, Phụ lục I, II.3a: numbers below 10 take a leading zero; '/' between
    number and symbol, '-' between the groups, no spaces. II.3b: a typed document's symbol is
    type + issuing body; a công văn's is issuing body + drafting unit or field.
    A number of None leaves the number blank for a draft ('      /KH-THTT').
    """
    org_symbol = org_symbol.strip().upper()
    type_abbr = type_abbr.strip()
    unit = unit.strip().upper()
    if not org_symbol:
        raise ValueError(_("Tổ chức chưa có chữ viết tắt dùng trong ký hiệu văn bản."))
    if type_abbr and unit:
        raise ValueError(_("Văn bản có tên loại không ghi đơn vị soạn thảo trong ký hiệu."))
    if number is not None and number < 1:
        raise ValueError(_("Số văn bản phải từ 01 trở lên."))
    groups = [type_abbr, org_symbol] if type_abbr else [org_symbol, unit]
    symbol = "-".join(group for group in groups if group)
    prefix = DRAFT_NUMBER[:-1] if number is None else f"{number:02d}"
    return f"{prefix}/{symbol}"


# JSON round trip, for the register's stored copy.


def _signer_to_json(signer: Signer | None) -> dict[str, str] | None:
    return None if signer is None else dataclasses.asdict(signer)


def _signer_from_json(data: dict[str, Any] | None) -> Signer | None:
    return None if data is None else Signer(**data)


def _block_to_json(block: Block) -> dict[str, Any]:
    data = dataclasses.asdict(block)
    if isinstance(block, Table):
        data["rows"] = [list(row) for row in block.rows]
    return data


def _block_from_json(data: dict[str, Any]) -> Block:
    data = dict(data)
    kind = data.pop("kind")
    if kind not in _BLOCK_KINDS:
        raise ValueError(_("Loại khối nội dung không hợp lệ: %(kind)s") % {"kind": kind})
    return _BLOCK_KINDS[kind](**data)


def spec_to_json(spec: DocumentSpec) -> dict[str, Any]:
    """A JSON-ready dict; `spec_from_json` gives back an equal spec."""
    return {
        "managing_body": spec.managing_body,
        "issuing_body": spec.issuing_body,
        "doc_type": spec.doc_type.value,
        "summary": spec.summary,
        "place": spec.place,
        "signer": _signer_to_json(spec.signer),
        "co_signer": _signer_to_json(spec.co_signer),
        "body": [_block_to_json(block) for block in spec.body],
        "recipients": list(spec.recipients),
        "kinh_gui": list(spec.kinh_gui),
        "number_symbol": spec.number_symbol,
        "date": spec.date.isoformat() if spec.date else None,
    }


def spec_from_json(data: dict[str, Any]) -> DocumentSpec:
    return DocumentSpec(
        managing_body=data["managing_body"],
        issuing_body=data["issuing_body"],
        doc_type=DocType(data["doc_type"]),
        summary=data["summary"],
        place=data["place"],
        signer=Signer(**data["signer"]),
        co_signer=_signer_from_json(data.get("co_signer")),
        body=tuple(_block_from_json(block) for block in data.get("body", [])),
        recipients=tuple(data.get("recipients", [])),
        kinh_gui=tuple(data.get("kinh_gui", [])),
        number_symbol=data.get("number_symbol", ""),
        date=dt.date.fromisoformat(data["date"]) if data.get("date") else None,
    )
