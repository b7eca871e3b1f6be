"""Vietnamese text conventions: official dates, numbers, name ordering and search folding."""

import datetime as dt
import unicodedata
from decimal import Decimal

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def official_date(day: dt.date) -> str:
    """'ngày 05 tháng 8 năm 2022'.

    Nghị định 30/2020, Phụ lục I, II.4b: days below 10 and the months 1 and 2 take a
    leading zero; other months do not.
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_and_date(place: str, day: dt.date) -> str:
    """'Hải Phòng, ngày 05 tháng 8 năm 2022' (Nghị định 30/2020, Phụ lục I, II.4)."""
    return f"{place}, {official_date(day)}"


def weekday_name(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()]


def format_number(value: int | float | Decimal, decimals: int = 0) -> str:
    """Vietnamese grouping: '1.234.567' and '12,5'."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


# The Vietnamese alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
# Letters with a shape mark (ă â đ ê ô ơ ư) are distinct letters that sort after their base;
# tone marks (huyền, hỏi, ngã, sắc, nặng) only break ties.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_SHAPES = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn


def _split_letter(char: str) -> tuple[str, int]:
    """('ê', 4) for 'ế': the letter with its shape mark, and its tone rank."""
    decomposed = unicodedata.normalize("NFD", char.lower())
    base = decomposed[0]
    tone = 0
    shape = ""
    for mark in decomposed[1:]:
        if mark in _TONES:
            tone = _TONES[mark]
        elif mark in _SHAPES:
            shape += mark
    return unicodedata.normalize("NFC", base + shape), tone


def collation_key(text: str) -> str:
    """A string that sorts Vietnamese words in dictionary order under plain byte comparison."""
    letters: list[str] = []
    tones: list[str] = []
    for char in text.strip():
        if char.isspace():
            letters.append(" ")
            continue
        letter, tone = _split_letter(char)
        rank = _LETTER_RANK.get(letter)
        letters.append(chr(0x100 + rank) if rank is not None else letter)
        tones.append(str(tone))
    return "".join(letters) + "\x01" + "".join(tones)


def split_name(full_name: str) -> tuple[str, str, str]:
    """('Nguyễn', 'Thị Thu', 'Hà'): family name, middle names, given name."""
    parts = full_name.split()
    if not parts:
        return "", "", ""
    if len(parts) == 1:
        return "", "", parts[0]
    return parts[0], " ".join(parts[1:-1]), parts[-1]


def name_sort_key(full_name: str) -> str:
    """Vietnamese lists sort people by given name, then family name, then middle names."""
    family, middle, given = split_name(full_name)
    return "\x02".join(collation_key(part) for part in (given, family, middle))


def fold(text: str) -> str:
    """Search form: lower case, tone and shape marks stripped, 'đ' as 'd'.

    'đ' has no Unicode decomposition, so stripping marks alone would never find 'Đảng'
    from 'dang'.
    """
    text = text.lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


ELLIPSIS = "…"
# Left at the end of a shortened text, these would dangle before the ellipsis.
_DANGLING = " \t\r\n,.;:-–—/(“\"'"


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut between words and ended with '…' when cut.

    Vietnamese writes one syllable per word, so a cut inside a word leaves a different
    word ('Kế hoạch thực hi…'); the cut goes back to the last space instead. A single
    word longer than the limit (an address, a code) is cut where it must be. Characters
    are counted in NFC, as a reader sees them: a letter with its marks is one.
    """
    text = unicodedata.normalize("NFC", str(text))
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS
    room = limit - 1  # the ellipsis takes one place
    cut = text[:room]
    if not text[room].isspace():
        space = max(cut.rfind(" "), cut.rfind("\n"), cut.rfind("\t"))
        if space > 0:
            cut = cut[:space]
    cut = cut.rstrip(_DANGLING)
    return f"{cut}{ELLIPSIS}" if cut else ELLIPSIS
