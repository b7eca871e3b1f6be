"""Legal references in Vietnamese text: find every cited document and normalise it.

Two shapes of "số, ký hiệu" occur:

- state style (Nghị định 30/2020/NĐ-CP, Phụ lục I, II.3): number, "/", optional year, "/",
  then the type abbreviation and the issuer joined by "-": "676/QĐ-UBND", "04/2015/NĐ-CP",
  "10/2022/QH15";
- Party style (Văn phòng Trung ương Đảng rules on Party document format): number, "-", type
  abbreviation, "/", issuer: "52-KH/BDVTU-BCSĐUBNDTP", "23-QĐ/TW".

Real documents are damaged by typing and conversion ("29- CT/TU", "149/2018/NĐ- CP",
"số/KH-SGDĐT", "NĐ–CP"); the parser accepts that damage and normalises it away, but keeps the
number as written ("08") and the span exactly as it appears in the text.

Pure module: no Django, no database.
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from gandan.core.vietnamese import fold

# Canonical type names. Longer names come first so that "Kế hoạch liên tịch" wins over "Kế hoạch".
DOCUMENT_TYPES = (
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Nghị quyết liên tịch",
    "Nghị quyết",
    "Nghị định",
    "Thông tư liên tịch",
    "Thông tư",
    "Quyết định",
    "Chỉ thị",
    "Kế hoạch liên tịch",
    "Kế hoạch",
    "Hướng dẫn",
    "Công văn",
    "Công điện",
    "Kết luận",
    "Chương trình phối hợp",
    "Chương trình hành động",
    "Chương trình",
    "Quy chế phối hợp",
    "Quy chế",
    "Quy định",
    "Thông báo",
    "Thông tri",
    "Văn bản hợp nhất",
)
LAW_TYPES = ("Bộ luật", "Luật", "Pháp lệnh")

# Type abbreviations (NĐ 30/2020, Phụ lục III; Party practice adds "QĐi" for Quy định).
# "CV" is not official (công văn carries no type abbreviation) but is common in citations.
TYPE_ABBREVIATIONS = {
    "NĐ": "Nghị định",
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "KH": "Kế hoạch",
    "KHLT": "Kế hoạch liên tịch",
    "HD": "Hướng dẫn",
    "KL": "Kết luận",
    "CTr": "Chương trình",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "QĐi": "Quy định",
    "TB": "Thông báo",
    "PL": "Pháp lệnh",
    "VBHN": "Văn bản hợp nhất",
    "CĐ": "Công điện",
    "CV": "Công văn",
}

# Laws commonly cited by name alone ("Luật tiếp cận thông tin"). Longest first.
LAW_NAMES = {
    "Bộ luật": (
        "Tố tụng dân sự",
        "Tố tụng hình sự",
        "Dân sự",
        "Hình sự",
        "Lao động",
        "Hàng hải",
    ),
    "Luật": (
        "Thực hiện dân chủ ở cơ sở",
        "Tiếp cận thông tin",
        "Tiếp công dân",
        "Khiếu nại",
        "Tố cáo",
        "Giáo dục đại học",
        "Giáo dục nghề nghiệp",
        "Giáo dục",
        "Nhà giáo",
        "Viên chức",
        "Cán bộ, công chức",
        "Phòng, chống tham nhũng",
        "Thực hành tiết kiệm, chống lãng phí",
        "Tổ chức chính quyền địa phương",
        "Tổ chức Chính phủ",
        "Ban hành văn bản quy phạm pháp luật",
        "Bảo vệ dữ liệu cá nhân",
        "Bảo vệ bí mật nhà nước",
        "An ninh mạng",
        "Công đoàn",
        "Thi đua, khen thưởng",
        "Lưu trữ",
        "Trẻ em",
        "Thanh niên",
        "Ngân sách nhà nước",
        "Xử lý vi phạm hành chính",
        "Thanh tra",
        "Giao dịch điện tử",
        "Công nghệ thông tin",
        "Bình đẳng giới",
        "Người khuyết tật",
        "Phòng, chống bạo lực gia đình",
        "Hòa giải ở cơ sở",
        "Phổ biến, giáo dục pháp luật",
        "Bảo hiểm xã hội",
        "Bảo hiểm y tế",
        "Đầu tư công",
        "Đấu thầu",
        "Quản lý, sử dụng tài sản công",
        "Tố tụng hành chính",
        "Trách nhiệm bồi thường của Nhà nước",
        "Kế toán",
        "Thống kê",
        "Mặt trận Tổ quốc Việt Nam",
        "Phòng cháy và chữa cháy",
        "An toàn thực phẩm",
        "Bảo vệ môi trường",
        "Đất đai",
        "Cư trú",
        "Căn cước",
        "Hộ tịch",
    ),
    "Pháp lệnh": ("Thực hiện dân chủ ở xã, phường, thị trấn",),
}


@dataclass(frozen=True)
class Reference:
    """One citation of a document, normalised; `text` is `source[start:end]` exactly."""

    type: str
    number: str | None
    year: int | None
    symbol: str | None
    date: dt.date | None
    issuer: str | None
    text: str
    start: int
    end: int
    name: str | None = None  # the law's name when cited by name ("Tiếp cận thông tin")

    def as_dict(self) -> dict[str, object]:
        return {
            "type": self.type,
            "number": self.number,
            "year": self.year,
            "symbol": self.symbol,
            "date": self.date.isoformat() if self.date else None,
            "issuer": self.issuer,
            "text": self.text,
        }

    @property
    def is_law_by_name(self) -> bool:
        """A law cited by its name, with or without its year ("Luật Hộ tịch năm 2014")."""
        return self.number is None and self.symbol is None and bool(self.name)

    @property
    def citation(self) -> str:
        """'Thông tư 36/2017/TT-BGDĐT', 'Kế hoạch 52-KH/BDVTU', 'Luật Hộ tịch năm 2014'."""
        if self.is_law_by_name:
            year = f" năm {self.year}" if self.year else ""
            return f"{self.type} {self.name}{year}"
        return citation(self.type, self.number, self.year, self.symbol)


def full_symbol(number: str | None, year: int | None, symbol: str | None) -> str:
    """The 'số, ký hiệu' as it is printed: '04/2015/NĐ-CP', '52-KH/BDVTU-BCSĐUBNDTP'."""
    if symbol and "/" in symbol:  # Party style: the type abbreviation is before the slash
        return f"{number}-{symbol}" if number else symbol
    parts = [number or ""]
    if year:
        parts.append(str(year))
    if symbol:
        parts.append(symbol)
    return "/".join(parts) if len(parts) > 1 else parts[0]


def citation(type_: str, number: str | None, year: int | None, symbol: str | None) -> str:
    return f"{type_} {full_symbol(number, year, symbol)}".strip()


def document_key(type_: str, number: str | None, year: int | None, symbol: str | None) -> str:
    """Matching key: type + number + year + symbol, insensitive to accents, case, zeros, spaces."""
    number_part = (number.lstrip("0") or "0") if number else ""
    symbol_part = re.sub(r"\s+", "", fold(symbol or ""))
    return f"{fold(type_)}|{number_part}|{year or ''}|{symbol_part}"


def law_name_key(title: str) -> str:
    """Matching key for a law cited by name: 'luat tiep can thong tin'."""
    return " ".join(fold(title).split())


def normalised_key(ref: Reference) -> str:
    """The register key of a reference (see `document_key`); by name for a law cited by name.

    A law's year is left out of its name key: "Luật Hộ tịch năm 2014" and "Luật Hộ tịch" are
    one document (the register tells the codes of different years apart by their year).
    """
    if ref.is_law_by_name:
        assert ref.name is not None
        return law_name_key(f"{ref.type} {ref.name}")
    return document_key(ref.type, ref.number, ref.year, ref.symbol)


@dataclass(frozen=True)
class CitedDocument:
    """One document and every citation of it in a text, the details of each citation merged."""

    references: tuple[Reference, ...]

    @property
    def first(self) -> Reference:
        return self.references[0]

    @property
    def type(self) -> str:
        return self.first.type

    @property
    def number(self) -> str | None:
        return self.first.number

    @property
    def symbol(self) -> str | None:
        return self.first.symbol

    @property
    def name(self) -> str | None:
        return self.first.name

    @property
    def year(self) -> int | None:
        return next((ref.year for ref in self.references if ref.year), None)

    @property
    def date(self) -> dt.date | None:
        return next((ref.date for ref in self.references if ref.date), None)

    @property
    def issuer(self) -> str | None:
        return next((ref.issuer for ref in self.references if ref.issuer), None)

    @property
    def citation(self) -> str:
        if self.first.is_law_by_name:
            year = f" năm {self.year}" if self.year else ""
            return f"{self.type} {self.name}{year}"
        return citation(self.type, self.number, self.year, self.symbol)


def cited_documents(refs: list[Reference]) -> list[CitedDocument]:
    """The documents `refs` cite, in order of first citation: a document cited once with its
    date and once without ("Quyết định số 676/QĐ-UBND ngày 03/3/2022" … "Quyết định 676/QĐ-UBND")
    is one document.

    Citations of the same type, number and symbol are merged unless they contradict each other
    (two different dates, or years). A citation that states less (no date, no year) joins the
    one document it fits; when several fit, nothing tells them apart and it stays on its own.
    """
    groups: list[list[Reference]] = []

    def fits(group: list[Reference], ref: Reference) -> bool:
        return _identity(group[0]) == _identity(ref) and all(_agree(ref, other) for other in group)

    # Most specific first, so that the order of the text does not decide where a vague one goes.
    for specificity in (2, 1, 0):
        for ref in refs:
            if (ref.date is not None) + (ref.year is not None) != specificity:
                continue
            candidates = [group for group in groups if fits(group, ref)]
            if len(candidates) == 1:
                candidates[0].append(ref)
            else:
                vague = [g for g in candidates if all(_specificity(r) == 0 for r in g)]
                if specificity == 0 and len(vague) == 1:
                    vague[0].append(ref)  # undated and ambiguous: together with its like
                else:
                    groups.append([ref])
    ordered = [sorted(group, key=lambda ref: ref.start) for group in groups]
    ordered.sort(key=lambda group: group[0].start)
    return [CitedDocument(tuple(group)) for group in ordered]


def _specificity(ref: Reference) -> int:
    return (ref.date is not None) + (ref.year is not None)


def _identity(ref: Reference) -> tuple[str, str, str]:
    if ref.is_law_by_name:
        return ("name", normalised_key(ref), "")
    number = (ref.number.lstrip("0") or "0") if ref.number else ""
    return (fold(ref.type), number, re.sub(r"\s+", "", fold(ref.symbol or "")))


def _agree(one: Reference, other: Reference) -> bool:
    """Nothing one citation states contradicts the other."""
    if one.date and other.date and one.date != other.date:
        return False
    years = {ref.year or (ref.date.year if ref.date else None) for ref in (one, other)}
    return len(years - {None}) <= 1


# ---------------------------------------------------------------------------------------------
# Patterns

_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_H = r"[ \t\u00a0]*"  # stray horizontal space, never a line break
_DASH_CHARS = "\\-‐‑‒–—−"
_DASH = f"[{_DASH_CHARS}]"
# One group of a symbol: "UBND", "SGD&CĐGD", "QH15"; one lower-case letter is allowed for
# "CTr", "TTr", "QĐi", "QyĐ" and damaged "CTg".
_SEG = rf"[{_UPPER}][{_UPPER}0-9&]*(?:[a-z][{_UPPER}0-9&]*)?(?![\w&])"
# After a dash followed by a space ("NĐ- CP") only a plain upper-case group is accepted, so that
# "- Xây dựng" never extends a symbol.
_STRICT_SEG = rf"[{_UPPER}][{_UPPER}0-9&]+(?![\w&])"
_SYMBOL_TAIL = rf"(?:{_H}{_DASH}(?:{_SEG}|[ \t\u00a0]+{_STRICT_SEG}))*"
_STATE_SYMBOL = rf"{_SEG}{_SYMBOL_TAIL}"
_PARTY_SYMBOL = rf"{_SEG}{_H}/{_H}{_SEG}{_SYMBOL_TAIL}"
_NUM = r"(?P<number>\d{1,5})"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"
_PLACEHOLDER = r"[.…_ \t]*"

_PARTY = re.compile(rf"{_NUM}{_H}{_DASH}{_H}(?P<symbol>{_PARTY_SYMBOL})")
_STATE = re.compile(rf"{_NUM}{_H}/{_H}(?:{_YEAR}{_H}/{_H})?(?P<symbol>{_STATE_SYMBOL})")
_STATE_NO_SYMBOL = re.compile(rf"{_NUM}{_H}/{_H}{_YEAR}(?!{_H}/)(?!\w)")
_MISSING_STATE = re.compile(rf"{_PLACEHOLDER}/{_H}(?:{_YEAR}{_H}/{_H})?(?P<symbol>{_STATE_SYMBOL})")
_MISSING_PARTY = re.compile(rf"{_PLACEHOLDER}{_DASH}{_H}(?P<symbol>{_PARTY_SYMBOL})")
_NUMBER_ONLY = re.compile(rf"{_NUM}(?![\w/])(?!{_H}{_DASH})")

# The document's own "số, ký hiệu" in its header (NĐ 30/2020, Phụ lục I: "Số: 21/KH-UBND"), or
# in a law-text site's metadata ("Số hiệu: 21/KH-UBND"): a line that starts with the word.
_OWN_NUMBER = re.compile(
    r"(?:^|\n)[ \t\u00a0]*(?i:số)(?:[ \t\u00a0]+(?i:hiệu))?[ \t\u00a0]*[:.]?[ \t\u00a0]*$"
)
_SO = re.compile(r"(?i:số)(?![^\W\d_])[ \t\u00a0]*[:.]?[ \t\u00a0]*")
_GAP = re.compile(r"\s+")


def _words_pattern(phrase: str) -> str:
    words = [re.escape(word) for word in phrase.split()]
    words = ["Qu[yi]" if word == "Quy" else word for word in words]
    return r"\s+".join(words)


_TYPE_BY_KEY = {fold(name): name for name in DOCUMENT_TYPES}
_TYPE_WORDS = "|".join(_words_pattern(name) for name in DOCUMENT_TYPES)
_ABBREVIATIONS = "|".join(
    re.escape(abbr) for abbr in sorted(TYPE_ABBREVIATIONS, key=len, reverse=True)
)
_HEAD = re.compile(rf"(?<!\w)(?:(?P<type>(?i:{_TYPE_WORDS}))|(?P<abbr>{_ABBREVIATIONS}))(?!\w)")
_LAW_NAME = {
    law_type: re.compile(
        r"\s+(?P<name>(?i:"
        + "|".join(_words_pattern(name) for name in sorted(names, key=len, reverse=True))
        + r"))(?!\w)"
    )
    for law_type, names in LAW_NAMES.items()
}
_LAW_NAME_CANONICAL = {
    law_type: {fold(name): name for name in names} for law_type, names in LAW_NAMES.items()
}
_LAW_YEAR = re.compile(r"\s+(?i:năm)\s+(?P<year>(?:19|20)\d{2})(?!\d)")
_BARE = re.compile(rf"(?<![\w/.,{_DASH_CHARS}])(?=\d)")

_DATE = re.compile(
    r",?\s+(?i:ngày)\s+(?:"
    r"(?P<d1>\d{1,2}|[.…_]*)\s*[/.-]\s*(?P<m1>\d{1,2}|[.…_]*)\s*[/.-]\s*(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2}|[.…_]*)\s+(?i:tháng)\s+(?P<m2>\d{1,2}|[.…_]*)\s+(?i:năm)\s+(?P<y2>\d{4})"
    r")(?!\d)"
    r"|\s*\((?P<d3>\d{1,2})/(?P<m3>\d{1,2})/(?P<y3>\d{4})\)"
)
_OF = re.compile(r"\s+(?i:của)\s+")
_ISSUER_STOP = re.compile(
    r"[,;:()\[\]{}“”\"«»!?]"
    r"|\.(?=\s|$)"
    r"|\s[-–—]\s"
    r"|\n"
    r"|(?<!\w)(?i:về|v/v|ban\s+hành|thực\s+hiện|hướng\s+dẫn|phê\s+duyệt|qu[yi]\s+định"
    r"|qu[yi]\s+chế|triển\s+khai|tiếp\s+tục|ngày|số|nhằm|để|đã|được|theo|trong|cho|với"
    r"|đối\s+với|tại|là|năm|giai\s+đoạn|gồm|sửa\s+đổi|bổ\s+sung|kèm\s+theo)(?!\w)"
)
# "UBND TP. Hải Phòng": a full stop after these is part of the name.
_ABBREVIATED_PLACES = {"TP", "Tp", "tp", "TX", "Q", "P", "TT"}
_TRAILING_CONNECTOR = re.compile(r"(?:\s+(?:và|cùng|với|&))+$", re.IGNORECASE)
_LINE_START_BULLET = re.compile(r"[\d·•\-–—+*IVX]+[.)]?\s")


# ---------------------------------------------------------------------------------------------
# Parsing


@dataclass
class _Core:
    """A citation's head and number, before its date and issuer are attached."""

    start: int
    end: int
    type: str
    number: str | None
    year: int | None
    symbol: str | None
    name: str | None = None
    law_by_name: bool = False


def find_references(text: str) -> list[Reference]:
    """Every document cited in `text`, in order of appearance, spans exact.

    Text is normalised to NFC first; spans index the normalised text (identical for any text
    produced by a normal editor).

    The document's own number in its header ("Số: 21/KH-UBND") is not a citation, and neither
    is any later mention of that same number (the plan naming itself, a site's page title).
    """
    text = unicodedata.normalize("NFC", text)
    cores = _resolve_overlaps(_typed_cores(text) + _bare_cores(text))
    own: set[str] = set()
    references = []
    for index, core in enumerate(cores):
        limit = cores[index + 1].start if index + 1 < len(cores) else len(text)
        reference = _complete(text, core, limit)
        if _OWN_NUMBER.search(text, max(0, core.start - 40), core.start):
            own.add(normalised_key(reference))
        references.append(reference)
    return [reference for reference in references if normalised_key(reference) not in own]


def _typed_cores(text: str) -> list[_Core]:
    cores = []
    for head in _HEAD.finditer(text):
        if head.group("type"):
            type_ = _TYPE_BY_KEY[fold(" ".join(head.group("type").split())).replace("qui", "quy")]
            core = _after_type_word(text, head.start(), head.end(), type_)
        else:
            core = _after_abbreviation(text, head.start(), head.end(), head.group("abbr"))
        if core:
            cores.append(core)
    return cores


def _after_type_word(text: str, start: int, pos: int, type_: str) -> _Core | None:
    name = None
    if type_ in LAW_TYPES and not re.search(r"(?i:pháp)\s+$", text[max(0, start - 8) : start]):
        named = _LAW_NAME[type_].match(text, pos)
        if named:
            key = fold(" ".join(named.group("name").split())).replace("qui", "quy")
            name = _LAW_NAME_CANONICAL[type_].get(key, " ".join(named.group("name").split()))
            pos = named.end()
    gap = _GAP.match(text, pos)
    if gap:
        so = _SO.match(text, gap.end())
        body = _body(text, so.end() if so else gap.end(), numbered=so is not None)
        if body:
            number, year, symbol, end = body
            return _Core(start, end, type_, number, year, symbol, name)
    if name:
        year = None
        law_year = _LAW_YEAR.match(text, pos)
        if law_year:
            year = int(law_year.group("year"))
            pos = law_year.end()
        return _Core(start, pos, type_, None, year, None, name, law_by_name=True)
    return None


def _after_abbreviation(text: str, start: int, pos: int, abbr: str) -> _Core | None:
    gap = _GAP.match(text, pos)
    if not gap:
        return None
    so = _SO.match(text, gap.end())
    body = _body(text, so.end() if so else gap.end(), numbered=False)
    if not body or body[0] is None:
        return None
    number, year, symbol, end = body
    return _Core(start, end, TYPE_ABBREVIATIONS[abbr], number, year, symbol)


def _body(
    text: str, pos: int, *, numbered: bool
) -> tuple[str | None, int | None, str | None, int] | None:
    """(number, year, symbol, end) of the 'số, ký hiệu' starting at `pos`.

    `numbered` is true after the word "số": only then may the number be missing
    ("số/KH-SGDĐT") or stand alone ("Kế hoạch số 81").
    """
    for pattern in (_PARTY, _STATE, _STATE_NO_SYMBOL):
        match = pattern.match(text, pos)
        if match:
            return _fields(match)
    if numbered:
        for pattern in (_MISSING_PARTY, _MISSING_STATE, _NUMBER_ONLY):
            match = pattern.match(text, pos)
            if match:
                return _fields(match)
    return None


def _fields(match: re.Match[str]) -> tuple[str | None, int | None, str | None, int]:
    groups = match.groupdict()
    symbol = groups.get("symbol")
    year = groups.get("year")
    return (
        groups.get("number"),
        int(year) if year else None,
        _clean_symbol(symbol) if symbol else None,
        match.end(),
    )


def _clean_symbol(symbol: str) -> str:
    return re.sub(_DASH, "-", re.sub(r"\s+", "", symbol))


def _bare_cores(text: str) -> list[_Core]:
    """Symbols cited without a type word ("… và 48/2023/NĐ-CP"): the type comes from the symbol."""
    cores = []
    for anchor in _BARE.finditer(text):
        pos = anchor.start()
        for pattern in (_PARTY, _STATE):
            match = pattern.match(text, pos)
            if not match:
                continue
            number, year, symbol, end = _fields(match)
            type_ = TYPE_ABBREVIATIONS.get(re.split(r"[-/]", symbol or "")[0])
            if type_:
                cores.append(_Core(pos, end, type_, number, year, symbol))
            break
    return cores


def _resolve_overlaps(cores: list[_Core]) -> list[_Core]:
    """Earliest start wins, then the longest; a type word beats a bare symbol inside it."""
    kept: list[_Core] = []
    for core in sorted(cores, key=lambda c: (c.start, -c.end)):
        if kept and core.start < kept[-1].end:
            continue
        kept.append(core)
    return kept


def _complete(text: str, core: _Core, limit: int) -> Reference:
    """Attach the date and the issuer that follow the number, without crossing `limit`."""
    end = core.end
    day = None
    dated = _match_date(text, end, limit)
    if dated:
        day, end = dated
    issuer = None
    if not core.law_by_name:
        of = _OF.match(text, end)
        if of and of.end() < limit:
            found = _issuer(text, of.end(), limit)
            if found:
                issuer, end = found
                if not dated:
                    dated = _match_date(text, end, limit)
                    if dated:
                        day, end = dated
    return Reference(
        type=core.type,
        number=core.number,
        year=core.year,
        symbol=core.symbol,
        date=day,
        issuer=issuer,
        text=text[core.start : end],
        start=core.start,
        end=end,
        name=core.name,
    )


def _match_date(text: str, pos: int, limit: int) -> tuple[dt.date | None, int] | None:
    match = _DATE.match(text, pos)
    if not match or match.end() > limit:
        return None
    for suffix in "123":
        year = match.group(f"y{suffix}")
        if year is None:
            continue
        day, month = match.group(f"d{suffix}"), match.group(f"m{suffix}")
        try:
            return dt.date(int(year), int(month), int(day)), match.end()
        except ValueError:  # a blank "ngày …/…/2022" or an impossible date
            return None, match.end()
    return None


def _issuer(text: str, start: int, limit: int) -> tuple[str, int] | None:
    """The issuer after "của", as written, up to its natural end; (issuer, end offset)."""
    pos = start
    end = limit
    lines_joined = 0
    while True:
        stop = _ISSUER_STOP.search(text, pos, limit)
        if not stop:
            break
        token = stop.group(0)
        if token == "." and _word_before(text, stop.start()) in _ABBREVIATED_PLACES:
            pos = stop.end()
            continue
        if token == "\n" and lines_joined == 0 and _continues(text, start, stop.start()):
            lines_joined += 1
            pos = stop.end()
            continue
        end = stop.start()
        break
    raw = _TRAILING_CONNECTOR.sub("", text[start:end].rstrip())
    if not raw.strip():
        return None
    return " ".join(raw.split()), start + len(raw)


def _word_before(text: str, pos: int) -> str:
    match = re.search(r"(\w+)$", text[max(0, pos - 10) : pos])
    return match.group(1) if match else ""


def _continues(text: str, issuer_start: int, newline: int) -> bool:
    """Is a line break inside an issuer a conversion artefact ("của BTV⏎Thành ủy ban hành")?"""
    rest = text[newline + 1 : newline + 200].lstrip(" \t")
    if not rest or rest[0] == "\n" or _LINE_START_BULLET.match(rest):
        return False
    if rest[0].islower():
        return True
    words = text[issuer_start:newline].split()
    last = words[-1] if words else ""
    return len(last) >= 2 and last.isupper() and rest[0].isupper()
