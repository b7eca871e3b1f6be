"""Reads a kế hoạch from .txt or .docx into plain dataclasses; nothing here touches the database.

Official documents follow Nghị định 30/2020/NĐ-CP, Phụ lục I: a header (issuing body, "Số: …",
"<place>, ngày … tháng … năm …"), the document type and its summary, the legal bases
("Căn cứ …"), the body in Roman-numbered sections, then the closing and the signature block.
Text converted from Word carries debris (bookmarks, page numbers, wrapped lines) that is
removed here so that the structure, not the conversion, is what gets saved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from gandan.core.vietnamese import fold
from gandan.legal.references import Reference, find_references, normalised_key

SUPPORTED_SUFFIXES = (".txt", ".docx")

_DEBRIS = re.compile(r"\[(?:bookmark|anchor|image)\s*:[^\]]*\]", re.IGNORECASE)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\xad\f\v"))
_PAGE_NUMBER = re.compile(r"(?:trang\s+)?[-–]?\s*\d{1,3}\s*[-–]?(?:\s*/\s*\d{1,3})?", re.I)
_BULLET = re.compile(r"^(?:[·•●◦▪►❖➢\uf0b7\uf0a7\uf0d8\uf076*]|[-–—+](?!\s*\d))\s*")
_ROMAN_HEADING = re.compile(
    r"^(?P<number>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))\s*[.:)]\s*(?P<title>\S.*)$"
)
_TASK_HEADING = re.compile(r"^(?P<number>\d{1,2})\s*[.)]\s*(?!\d)(?P<heading>\S.*)$")
# "1Quán triệt…": the space after the number lost in conversion; an upper-case letter, then a
# lower-case one, follows the number directly (never a year or "5G").
_GLUED_TASK_HEADING = re.compile(r"^(?P<number>\d{1,2})(?P<heading>[^\W\d_][^\W\d_].*)$")
# "2.1. Số hóa hồ sơ": a task inside a section numbered in Arabic numerals.
_SUB_HEADING = re.compile(r"^(?P<number>\d{1,2}\.\d{1,2})\.?\s+(?P<heading>\S.*)$")
_DOC_TYPE = re.compile(
    r"^(?:KẾ HOẠCH|CHƯƠNG TRÌNH|QUYẾT ĐỊNH|HƯỚNG DẪN|BÁO CÁO|THÔNG BÁO|QUY CHẾ|ĐỀ ÁN|"
    r"NGHỊ QUYẾT|CHỈ THỊ|PHƯƠNG ÁN)(?: (?:LIÊN TỊCH|PHỐI HỢP|HÀNH ĐỘNG))?$"
)
_MOTTO = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|"
    r"Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc",
    re.I,
)
_NUMBER_SYMBOL = re.compile(r"Số\s*:?\s*(?P<value>[^\s,]*(?:\s*[/\-–]\s*[^\s,]+)*)", re.I)
_PLACE_DATE = re.compile(
    r"(?:(?P<place>[^,:;\d]+?)\s*,\s*)?ngày\s*(?P<day>\d{1,2})\s*tháng\s*(?P<month>\d{1,2})"
    r"\s*năm\s*(?P<year>\d{4})",
    re.I,
)
_SIGNER_TITLE = re.compile(
    r"^(?:(?:KT|TM|TL|TUQ|Q)\.\s*)?(?:PHÓ\s+)?(?:HIỆU TRƯỞNG|CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|"
    r"BÍ THƯ|TRƯỞNG PHÒNG|THỦ TRƯỞNG)"
)
_ISSUER_IN_PREAMBLE = re.compile(r"^(?P<issuer>[^,;:]{3,80}?)\s+ban hành\s+kế hoạch", re.I)
# Field lines under a task, matched on folded text ("co quan chu tri:").
_FIELDS = (
    ("lead", re.compile(r"^(?:(?:co quan|don vi|bo phan)\s+)?chu tri\s*:")),
    ("coordinating", re.compile(r"^(?:(?:co quan|don vi|bo phan)\s+)?phoi hop\s*:")),
    ("person_in_charge", re.compile(r"^(?:nguoi\s+)?phu trach\s*:")),
    ("timeframe", re.compile(r"^thoi (?:gian|han)(?:\s+(?:thuc hien|hoan thanh))?\s*:")),
)
_OPENERS = ("can cu", "tren day", "noi nhan")  # folded starts of lines that never continue
_TERMINAL = (".", ";", ":", "!", "?", "…", "”", '"', ")")


# ---------------------------------------------------------------- time frames


@dataclass(frozen=True)
class TimeFrame:
    start: dt.date | None = None
    end: dt.date | None = None
    recurring_from_year: int | None = None


_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_RECURRING = (
    re.compile(r"(?:nam\s+)?(\d{4})\s*(?:va|den|,)?\s*(?:cac|nhung)\s+nam\s+(?:tiep theo|sau)"),
    re.compile(r"(?:nam\s+)?(\d{4})\s+tro\s+(?:di|ve sau)"),
    re.compile(r"hang\s+nam\D*?(?:tu\s+)?(?:nam\s+)?(\d{4})"),
)


def _month_span(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def _year_of(written: str | None, default: int | None) -> int | None:
    """The year written in the period, else the plan's year (None when neither is known)."""
    if written:
        return int(written)
    return default or None


def _period(text: str, year: int | None = None) -> tuple[dt.date, dt.date] | None:
    """The first and last day of one folded period: a day, month, quarter, half or year."""
    text = text.strip()
    if m := re.fullmatch(
        r"(?:ngay\s*)?(\d{1,2})\s*(?:/|thang)\s*(\d{1,2})(?:\s*(?:/|nam)\s*(\d{4}))?", text
    ):
        if (in_year := _year_of(m[3], year)) is None:
            return None
        day = dt.date(in_year, int(m[2]), int(m[1]))
        return day, day
    if m := re.fullmatch(r"thang\s*(\d{1,2})(?:\s*(?:/|nam)\s*(\d{4}))?", text):
        if (in_year := _year_of(m[2], year)) is None or not 1 <= int(m[1]) <= 12:
            return None
        return _month_span(in_year, int(m[1]), int(m[1]))
    if m := re.fullmatch(r"quy\s*(iv|iii|ii|i|[1-4])(?:\s*(?:/|nam)\s*(\d{4}))?", text):
        if (in_year := _year_of(m[2], year)) is None:
            return None
        quarter = _QUARTERS[m[1]]
        return _month_span(in_year, 3 * quarter - 2, 3 * quarter)
    if m := re.fullmatch(r"(?:6|sau)\s+thang\s+(dau|cuoi)\s+nam\s*(\d{4})", text):
        return _month_span(int(m[2]), 1, 6) if m[1] == "dau" else _month_span(int(m[2]), 7, 12)
    if m := re.fullmatch(r"(?:nam\s*)?(\d{4})", text):
        return _month_span(int(m[1]), 1, 12)
    return None


def _range(first: str, last: str) -> TimeFrame | None:
    end = _period(last)
    if end is None:
        return None
    start = _period(first, end[1].year)
    if start is None:
        return None
    if start[0] > end[1] and not re.search(r"\d{4}", first):
        # "Từ tháng 9 đến tháng 5/2023": the start without a year lies in the year before.
        start = _period(first, end[1].year - 1)
    return TimeFrame(start[0], end[1]) if start else None


def parse_timeframe(text: str | None) -> TimeFrame:
    """Dates for a time frame as written; an empty TimeFrame when it names no dates."""
    if not text:
        return TimeFrame()
    folded = re.sub(r"\s+", " ", fold(text)).strip().rstrip(".;,")
    folded = re.sub(r"^(?:trong|ca|suot)\s+", "", folded)
    for pattern in _RECURRING:
        if m := pattern.search(folded):
            return TimeFrame(recurring_from_year=int(m[1]))
    try:
        return _parse_dated_timeframe(folded)
    except ValueError:  # a day or month that does not exist, e.g. "ngày 31/4/2022"
        return TimeFrame()


def _parse_dated_timeframe(folded: str) -> TimeFrame:
    if m := re.fullmatch(
        r"(?:tu\s+)?thang\s*(\d{1,2})\s*(?:-|–|,|den)\s*(?:thang\s*)?(\d{1,2})\s*(?:/|nam)\s*(\d{4})",
        folded,
    ):
        first, last, year = int(m[1]), int(m[2]), int(m[3])
        if 1 <= first <= last <= 12:
            return TimeFrame(*_month_span(year, first, last))
    years = r"(?:giai doan\s+|tu\s+)?(?:nam\s+)?(\d{4})\s*(?:-|–|den)\s*(?:nam\s+)?(\d{4})"
    if (m := re.fullmatch(years, folded)) and int(m[1]) <= int(m[2]):
        return TimeFrame(dt.date(int(m[1]), 1, 1), dt.date(int(m[2]), 12, 31))
    if m := re.fullmatch(r"(?:tu\s+)?(.+?)\s+(?:den|toi)\s+(?:het\s+)?(.+)", folded):
        return _range(m[1], m[2]) or TimeFrame()
    if m := re.fullmatch(r"truoc\s+(.+)", folded):
        # "Trước ngày 15/9/2022" is read literally: the last day allowed is the day before.
        period = _period(m[1])
        return TimeFrame(end=period[0] - dt.timedelta(days=1)) if period else TimeFrame()
    if m := re.fullmatch(r"(?:cham nhat|han chot|hoan thanh)\s+(?:trong\s+|truoc\s+)?(.+)", folded):
        period = _period(m[1])
        return TimeFrame(end=period[1]) if period else TimeFrame()
    if period := _period(folded):
        return TimeFrame(*period)
    return TimeFrame()


# ---------------------------------------------------------------- results


@dataclass
class ParsedTask:
    number: str
    heading: str
    section: str = ""
    items: list[str] = field(default_factory=list)
    lead: str | None = None
    coordinating: list[str] | None = None
    person_in_charge: str | None = None
    timeframe: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    recurring_from_year: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "number": self.number,
            "heading": self.heading,
            "items": list(self.items),
            "lead": self.lead,
            "coordinating": list(self.coordinating) if self.coordinating is not None else None,
            "person_in_charge": self.person_in_charge,
            "timeframe": self.timeframe,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "recurring_from_year": self.recurring_from_year,
        }


@dataclass
class ParsedSection:
    number: str
    title: str
    kind: str = "other"  # "purposes", "tasks", "organisation" or "other"
    paragraphs: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "kind": self.kind,
            "paragraphs": list(self.paragraphs),
        }


@dataclass
class ParsedPlan:
    issuer_parent: str | None = None
    issuer: str | None = None
    number_symbol: str | None = None
    place: str | None = None
    date: dt.date | None = None
    doc_type_title: str | None = None
    title: str = ""
    bases: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    sections: list[ParsedSection] = field(default_factory=list)
    tasks: list[ParsedTask] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    signer_title: str | None = None
    signer_name: str | None = None
    recipients: list[str] = field(default_factory=list)
    legal_refs: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what could not be read, for the person

    @property
    def purposes(self) -> list[str]:
        """Mục đích, yêu cầu: the paragraphs of the purposes section(s)."""
        return [p for s in self.sections if s.kind == "purposes" for p in s.paragraphs]

    @property
    def organisation_section(self) -> str:
        """Tổ chức thực hiện: the organisation section's paragraphs, one per line."""
        return "\n".join(p for s in self.sections if s.kind == "organisation" for p in s.paragraphs)

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "doc_type_title": self.doc_type_title,
            "number_symbol": self.number_symbol,
            "issuer_parent": self.issuer_parent,
            "issuer": self.issuer,
            "place": self.place,
            "date": self.date.isoformat() if self.date else None,
            "bases": list(self.bases),
            "preamble": list(self.preamble),
            "purposes": self.purposes,
            "sections": [section.as_dict() for section in self.sections],
            "tasks": [task.as_dict() for task in self.tasks],
            "organisation_section": self.organisation_section,
            "closing": list(self.closing),
            "signer_title": self.signer_title,
            "signer_name": self.signer_name,
            "recipients": list(self.recipients),
            "legal_refs": [dict(ref) for ref in self.legal_refs],
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParsedPlan:
        """The inverse of as_dict (computed keys are ignored): a preview travels as JSON."""

        def day(value: str | None) -> dt.date | None:
            return dt.date.fromisoformat(value) if value else None

        tasks = [
            ParsedTask(**{**task, "start": day(task.get("start")), "end": day(task.get("end"))})
            for task in data.get("tasks", [])
        ]
        plain = {
            key: data.get(key)
            for key in (
                "issuer_parent",
                "issuer",
                "number_symbol",
                "place",
                "doc_type_title",
                "signer_title",
                "signer_name",
            )
        }
        return cls(
            **plain,
            date=day(data.get("date")),
            title=data.get("title") or "",
            bases=list(data.get("bases", [])),
            preamble=list(data.get("preamble", [])),
            sections=[ParsedSection(**section) for section in data.get("sections", [])],
            tasks=tasks,
            closing=list(data.get("closing", [])),
            recipients=list(data.get("recipients", [])),
            legal_refs=list(data.get("legal_refs", [])),
            notes=list(data.get("notes", [])),
        )


# ---------------------------------------------------------------- lines and debris


@dataclass
class _Line:
    text: str  # cleaned, single-spaced; "" for a blank line
    segments: list[str]  # parts separated by tabs or wide gaps, for header and signature cells
    wraps: bool  # may continue the previous line (a wrapped paragraph)


def clean_text(text: str) -> str:
    """One line without conversion debris, in NFC, with single spaces."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _DEBRIS.sub("", text)
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def _make_line(raw: str, *, wraps: bool) -> _Line:
    text = clean_text(raw)
    if _PAGE_NUMBER.fullmatch(text):
        text = ""  # a stray page number left by the conversion
    parts = re.split(r"\t|\s{3,}|\xa0{2,}", _DEBRIS.sub("", raw))
    segments = [clean_text(part) for part in parts if clean_text(part)] if text else []
    return _Line(text, segments, wraps)


def _text_lines(text: str) -> list[_Line]:
    return [_make_line(raw, wraps=True) for raw in re.split(r"\r\n|\r|\n|\f", text)]


def _docx_lines(path: Path) -> list[_Line]:
    """Body paragraphs and table cells in document order (the header is usually a table)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as error:
        raise ValueError(f"not a readable .docx file: {path.name}") from error
    lines: list[_Line] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell repeats in row.cells
                        continue
                    seen.add(id(cell._tc))
                    for paragraph in cell.paragraphs:
                        lines += [_make_line(p, wraps=False) for p in paragraph.text.split("\n")]
            continue
        parts = block.text.split("\n")
        style = block.style.name if block.style is not None else ""
        if "Bullet" in style and parts[0].strip() and not _BULLET.match(parts[0].strip()):
            parts[0] = "• " + parts[0]
        lines += [_make_line(part, wraps=index > 0) for index, part in enumerate(parts)]
    return lines


def _is_upper(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


# ---------------------------------------------------------------- header


def _read_header(plan: ParsedPlan, lines: list[_Line]) -> None:
    issuers: list[str] = []
    pieces = [p.strip(" -–_*") for line in lines for s in line.segments for p in _MOTTO.split(s)]
    for index, piece in enumerate(pieces):
        if not any(char.isalpha() for char in piece):
            continue
        following = pieces[index + 1] if index + 1 < len(pieces) else ""
        if re.fullmatch(r"S[ốỐ]\s*:?", piece) and following.startswith("/"):
            # "Số:      /KH-THTT": a draft's blank number leaves a wide gap before the symbol
            piece, pieces[index + 1] = f"{piece} {following}", ""
        if m := _NUMBER_SYMBOL.match(piece):
            value = re.sub(r"\s+", "", m["value"]).replace("–", "-")
            plan.number_symbol = value or None
            piece = piece[m.end() :].strip()
        if m := _PLACE_DATE.search(piece):
            plan.place = (m["place"] or "").strip() or None
            try:
                plan.date = dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
            except ValueError:
                plan.date = None
            piece = piece[: m.start()].strip()
        if piece and _is_upper(piece):
            issuers.append(piece)
    if issuers:
        plan.issuer = issuers[-1]
        plan.issuer_parent = " ".join(issuers[:-1]) or None


# ---------------------------------------------------------------- body


class _Block:
    """A paragraph being assembled; wrapped lines are appended to it."""

    def __init__(self, text: str, *, heading: bool = False) -> None:
        self.text = text
        self.heading = heading


class _BodyReader:
    def __init__(self, plan: ParsedPlan) -> None:
        self.plan = plan
        self.bases: list[_Block] = []
        self.preamble: list[_Block] = []
        self.closing: list[_Block] = []
        self.paragraphs: dict[int, list[_Block]] = {}
        self.items: dict[int, list[_Block]] = {}
        self.fields: dict[int, dict[str, _Block]] = {}
        self.headings: dict[int, _Block] = {}
        self.section: ParsedSection | None = None
        self.task: ParsedTask | None = None
        self.last: _Block | None = None
        self.blank_since_last = False
        self.in_tail = False
        self.in_recipients = False
        self.signer_titles: list[str] = []
        self.task_kinds: tuple[str, ...] = ("tasks",)
        # Sections numbered "1.", "2.": id of the heading line → (number, title)
        self.arabic_headings: dict[int, tuple[str, str]] = {}

    def read(self, lines: list[_Line]) -> None:
        roman = [m for x in lines if (m := _ROMAN_HEADING.match(x.text))]
        kinds = {_section_kind(m["title"]) for m in roman}
        if not roman:
            self.arabic_headings = _arabic_section_lines(lines)
            kinds = {_section_kind(title) for _number, title in self.arabic_headings.values()}
        # Numbered headings are tasks in the tasks section; in other sections only when the
        # plan has no section named for its tasks ("IV. CHẾ ĐỘ BÁO CÁO" lists are not tasks).
        self.task_kinds = ("tasks",) if "tasks" in kinds else ("tasks", "other")
        for line in lines:
            if not line.text:
                self.blank_since_last = True
                continue
            if self._continues(line):
                assert self.last is not None
                self.last.text = f"{self.last.text} {line.text}"
            elif self.in_tail or self._starts_tail(line.text):
                self.in_tail = True
                self._tail(line)
            elif id(line) in self.arabic_headings:
                self._open_section(*self.arabic_headings[id(line)])
            else:
                self._body(line.text)
            self.blank_since_last = False
        self._finish()

    def _continues(self, line: _Line) -> bool:
        text = line.text
        if not line.wraps or self.last is None or self.in_recipients:
            return False
        if _BULLET.match(text) or _ROMAN_HEADING.match(text) or _task_heading(text):
            return False
        if _SUB_HEADING.match(text):
            return False
        if _field_name(text) or fold(_strip_bullet(text)).startswith(_OPENERS):
            return False
        if text[0].islower():
            return True
        last = self.last
        return not (self.blank_since_last or last.heading or last.text.endswith(_TERMINAL))

    def _starts_tail(self, text: str) -> bool:
        if self.section is None:
            return False
        folded = fold(text)
        signer = bool(_SIGNER_TITLE.match(text)) and _is_upper(text)
        return folded.startswith(("tren day", "noi nhan")) or signer

    def _add(self, target: list[_Block], text: str, *, heading: bool = False) -> None:
        self.last = _Block(text, heading=heading)
        target.append(self.last)

    def _open_section(self, number: str, title: str) -> None:
        self.section = ParsedSection(number, title, _section_kind(title))
        self.plan.sections.append(self.section)
        self.task = None
        self.last = self.headings[id(self.section)] = _Block(title, heading=True)

    def _body(self, text: str) -> None:
        if not self.arabic_headings and (m := _ROMAN_HEADING.match(text)):
            self._open_section(m["number"], m["title"])
            return
        content = _strip_bullet(text)
        if self.section is None:
            bases = fold(content).startswith("can cu")
            self._add(self.bases if bases else self.preamble, content if bases else text)
            return
        if self.section.kind in self.task_kinds and (found := self._task_heading(text)):
            number, heading = found
            self.task = ParsedTask(number, heading, self.section.number)
            self.plan.tasks.append(self.task)
            self.last = self.headings[id(self.task)] = _Block(heading, heading=True)
            return
        if self.task is not None and (name := _field_name(content)):
            self.last = _Block(content.split(":", 1)[1])
            self.fields.setdefault(id(self.task), {})[name] = self.last
            return
        if self.task is not None:
            self._add(self.items.setdefault(id(self.task), []), content)
        else:
            self._add(self.paragraphs.setdefault(id(self.section), []), content)

    def _task_heading(self, text: str) -> tuple[str, str] | None:
        """(number, heading) when `text` opens a task of the current section."""
        if not self.arabic_headings:
            return _task_heading(text)
        # Sections "1.", "2.": their tasks are "2.1.", "2.2." (a "1." inside is a list item).
        m = _SUB_HEADING.match(text)
        assert self.section is not None
        if m and m["number"].split(".")[0] == self.section.number:
            return m["number"], m["heading"]
        return None

    def _tail(self, line: _Line) -> None:
        for segment in line.segments if len(line.segments) > 1 else [line.text]:
            folded = fold(segment)
            bullet = _BULLET.match(segment)
            if folded.startswith("noi nhan"):
                self.in_recipients = True
                rest = segment.split(":", 1)[1].strip() if ":" in segment else ""
                if rest:
                    self.plan.recipients.append(_strip_item(rest))
            elif self.in_recipients and bullet:
                self.plan.recipients.append(_strip_item(segment[bullet.end() :]))
            elif segment.startswith("(") and segment.endswith(")"):
                continue  # "(Đã ký)", "(Ký, ghi rõ họ tên)"
            elif _is_upper(segment):
                self.signer_titles.append(segment)
            elif self.signer_titles and _looks_like_name(segment):
                self.plan.signer_name = segment
            elif not self.signer_titles and not self.in_recipients:
                self._add(self.closing, segment)
                continue
            self.last = None

    def _finish(self) -> None:
        plan = self.plan
        plan.bases = [_strip_bullet(b.text) for b in self.bases]
        plan.preamble = [b.text for b in self.preamble]
        plan.closing = [b.text for b in self.closing]
        plan.signer_title = "\n".join(self.signer_titles) or None
        for section in plan.sections:
            section.title = self.headings[id(section)].text.strip()
            section.paragraphs = [b.text for b in self.paragraphs.get(id(section), [])]
        for task in plan.tasks:
            task.heading = self.headings[id(task)].text.strip()
            task.items = [b.text for b in self.items.get(id(task), [])]
            fields = self.fields.get(id(task), {})
            values = {name: _field_value(block.text) for name, block in fields.items()}
            task.lead = values.get("lead")
            task.person_in_charge = values.get("person_in_charge")
            if "coordinating" in values:
                parts = re.split(r"\s*[;,]\s*", values["coordinating"] or "")
                task.coordinating = [part for part in parts if part]
            task.timeframe = values.get("timeframe")
            frame = parse_timeframe(task.timeframe)
            task.start, task.end = frame.start, frame.end
            task.recurring_from_year = frame.recurring_from_year


def _task_heading(text: str) -> tuple[str, str] | None:
    """(number, heading) of "1. Chuẩn bị hội nghị" or of "1Quán triệt…" (the space lost)."""
    if m := _TASK_HEADING.match(text):
        return m["number"], m["heading"]
    glued = _GLUED_TASK_HEADING.match(text)
    if glued and glued["heading"][0].isupper() and glued["heading"][1].islower():
        return glued["number"], glued["heading"]
    return None


def _arabic_section_lines(lines: list[_Line]) -> dict[int, tuple[str, str]]:
    """The lines heading sections numbered "1.", "2.", … in a plan without Roman numerals.

    A heading is short and ends without a full stop or semicolon ("1. Mục đích yêu cầu"); the
    numbers run 1, 2, 3 in order; at least one title names a part of a plan (purposes, tasks,
    organisation), so that a plain numbered list is never taken for the sections.
    """
    found: dict[int, tuple[str, str]] = {}
    for line in lines:
        m = _TASK_HEADING.match(line.text)
        if not m or int(m["number"]) != len(found) + 1:
            continue
        title = m["heading"]
        if len(title.split()) > 12 or title.endswith((".", ";", ",")):
            continue
        found[id(line)] = (m["number"], title)
    if all(_section_kind(title) == "other" for _number, title in found.values()):
        return {}
    return found


def _section_kind(title: str) -> str:
    folded = fold(title)
    if "to chuc thuc hien" in folded:
        return "organisation"
    if "muc dich" in folded or "yeu cau" in folded:
        return "purposes"
    if any(word in folded for word in ("nhiem vu", "noi dung", "giai phap", "hoat dong")):
        return "tasks"
    return "other"


def _field_name(text: str) -> str | None:
    folded = fold(_strip_bullet(text))
    return next((name for name, pattern in _FIELDS if pattern.match(folded)), None)


def _field_value(text: str) -> str | None:
    return text.strip().rstrip(".;,").strip() or None


def _strip_bullet(text: str) -> str:
    bullet = _BULLET.match(text)
    return text[bullet.end() :] if bullet else text


def _strip_item(text: str) -> str:
    return text.strip().rstrip(";,.").strip()


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 6 and all(word[0].isupper() and word.isalpha() for word in words)


# ---------------------------------------------------------------- entry points


def _split_title(plan: ParsedPlan, lines: list[_Line]) -> list[_Line]:
    """Reads header, document type and summary; returns the lines of the body."""
    doc_type = next((i for i, line in enumerate(lines) if _DOC_TYPE.match(line.text)), None)
    if doc_type is None:
        return lines
    _read_header(plan, _without_chrome(lines[:doc_type]))
    plan.doc_type_title = lines[doc_type].text
    title: list[str] = []
    index = doc_type + 1
    while index < len(lines):
        text = lines[index].text
        if not any(char.isalnum() for char in text):
            if title:
                break
        elif fold(text).startswith("can cu") or _ROMAN_HEADING.match(text) or text.endswith(":"):
            break
        else:
            title.append(text)
        index += 1
    plan.title = " ".join(title)
    rest = lines[index:]
    while rest and not any(char.isalnum() for char in rest[0].text):
        rest = rest[1:]
    return rest


def _without_chrome(header: list[_Line]) -> list[_Line]:
    """The header without what a web page or a law-text site prints above it.

    The header (NĐ 30/2020, Phụ lục I) is the issuing body in capitals beside the Quốc hiệu and
    Tiêu ngữ, with "Số: …" and the place and date. Anything above the issuing body (the page's
    title, "Lượt xem", a site's metadata) is not part of the plan.
    """
    motto = next((i for i, line in enumerate(header) if _MOTTO.search(line.text)), None)
    if motto is None:
        return header
    start = motto
    while start > 0 and _may_be_in_header(header[start - 1]):
        start -= 1
    return header[start:]


def _may_be_in_header(line: _Line) -> bool:
    text = line.text.strip(" |-–_*")
    if not text or _is_upper(text) or _MOTTO.search(text):
        return True
    return bool(re.match(r"S[ốỐ]\s*:", text) or _PLACE_DATE.search(text))


def _structure_notes(plan: ParsedPlan) -> list[str]:
    """Say what could not be read, rather than show an empty plan."""
    if plan.sections:
        return []
    if plan.doc_type_title is None:
        return [
            _(
                "Không nhận ra cấu trúc kế hoạch: không thấy dòng tên loại văn bản (KẾ HOẠCH…) "
                "và không thấy mục nào đánh số (I., II. hoặc 1., 2.). Hãy kiểm tra tệp hoặc "
                "nhập tay."
            )
        ]
    return [
        _(
            "Không thấy mục nào đánh số (I., II. hoặc 1., 2.): toàn bộ nội dung được để ở phần "
            "mở đầu."
        )
    ]


def _parse_lines(lines: list[_Line]) -> ParsedPlan:
    plan = ParsedPlan()
    body = _split_title(plan, lines)
    _BodyReader(plan).read(body)
    plan.notes = _structure_notes(plan)
    # No header (the seed has none): the preamble names the issuer, "<X> ban hành Kế hoạch".
    if plan.issuer is None and plan.preamble and (m := _ISSUER_IN_PREAMBLE.match(plan.preamble[0])):
        plan.issuer = m["issuer"].strip()
    plan.legal_refs = find_legal_refs(plan)
    return plan


def iter_references(plan: ParsedPlan) -> list[tuple[str, Reference]]:
    """Every citation in the plan, in document order, with where it was found."""
    texts: list[tuple[str, str]] = [("title", plan.title)]
    texts += [("bases", text) for text in plan.bases]
    texts += [("preamble", text) for text in plan.preamble]
    for section in plan.sections:
        texts += [(f"section:{section.number}", text) for text in section.paragraphs]
        for task in (t for t in plan.tasks if t.section == section.number):
            where = f"task:{task.number}"
            texts += [(where, text) for text in [task.heading, *task.items] if text]
    texts += [("closing", text) for text in plan.closing]
    # The plan naming its own number ("báo cáo kết quả thực hiện Kế hoạch số 21/KH-UBND") cites
    # nothing: its number is in the header, which is not read for citations.
    own = {normalised_key(ref) for ref in find_references(plan.number_symbol or "")}
    return [
        (where, reference)
        for where, text in texts
        for reference in find_references(text)
        if normalised_key(reference) not in own
    ]


def find_legal_refs(plan: ParsedPlan) -> list[dict[str, Any]]:
    """Every citation in the plan as JSON-ready dicts, each with where it was found."""
    return [
        {**reference.as_dict(), "citation": reference.citation, "found_in": where}
        for where, reference in iter_references(plan)
    ]


def parse_plan_text(text: str) -> ParsedPlan:
    """The structure of a plan given as plain text (one paragraph per line)."""
    return _parse_lines(_text_lines(text))


def parse_plan_file(path: str | Path) -> ParsedPlan:
    """The structure of a plan read from a .txt (UTF-8) or .docx file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return parse_plan_text(path.read_text(encoding="utf-8-sig"))
    if suffix == ".docx":
        return _parse_lines(_docx_lines(path))
    raise ValueError(f"unsupported file type: {path.suffix or path.name}")
