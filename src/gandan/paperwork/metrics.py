"""Approximate printed widths of Times New Roman text, to size the short rules under headings.

Nghị định 30/2020, Phụ lục I, II.2b and II.5a: the line under the issuing body and under the
summary is 1/3 to 1/2 of the text's length. Word has no "underline part of this" feature, so
the line is a paragraph border whose length we choose from these widths (Adobe's Times AFM
widths in thousandths of an em; Liberation Serif, used on Linux, has the same metrics).
A Vietnamese letter is as wide as its base letter: the marks sit above or below it.
"""

import unicodedata

_UPPER_REGULAR = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        (722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667,
         556, 611, 722, 722, 944, 722, 722, 611),
        strict=True,
    )
)  # fmt: skip
_LOWER_REGULAR = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        (444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333,
         389, 278, 500, 500, 722, 500, 500, 444),
        strict=True,
    )
)  # fmt: skip
_UPPER_BOLD = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        (722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722,
         556, 667, 722, 722, 1000, 722, 722, 667),
        strict=True,
    )
)  # fmt: skip
_LOWER_BOLD = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        (500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444,
         389, 333, 556, 500, 722, 500, 500, 444),
        strict=True,
    )
)  # fmt: skip
_OTHER = {" ": 250, "-": 333, "/": 278, ".": 250, ",": 250, ":": 333, "&": 833, "(": 333, ")": 333}
_DIGIT = 500
_UNKNOWN = 500
POINT_MM = 25.4 / 72


def _base_letter(char: str) -> str:
    if char in "đĐ":
        return "d" if char == "đ" else "D"
    return unicodedata.normalize("NFD", char)[0]


def text_width_pt(text: str, size_pt: float, *, bold: bool = False) -> float:
    """Width in points of one line of text at this size."""
    upper = _UPPER_BOLD if bold else _UPPER_REGULAR
    lower = _LOWER_BOLD if bold else _LOWER_REGULAR
    total = 0
    for char in text:
        base = _base_letter(char)
        if base in upper:
            total += upper[base]
        elif base in lower:
            total += lower[base]
        elif base.isdigit():
            total += _DIGIT
        else:
            total += _OTHER.get(base, _UNKNOWN)
    return total * size_pt / 1000


def text_width_mm(text: str, size_pt: float, *, bold: bool = False) -> float:
    return text_width_pt(text, size_pt, bold=bold) * POINT_MM


def balanced_lines(text: str, size_pt: float, available_mm: float, *, bold: bool = False) -> str:
    """The text with '\\n' at word breaks so that it takes the fewest lines, of even lengths.

    Headings in official documents are broken by hand into lines of similar length
    ('TRƯỜNG TIỂU HỌC' / 'NGUYỄN BỈNH KHIÊM') rather than leaving one word alone on the last
    line. Text already containing line breaks is returned unchanged.
    """
    if "\n" in text or text_width_mm(text, size_pt, bold=bold) <= available_mm:
        return text
    words = text.split()
    count = len(words)

    def width(start: int, end: int) -> float:
        return text_width_mm(" ".join(words[start:end]), size_pt, bold=bold)

    for lines in range(2, count + 1):
        # best[i][k]: the smallest possible longest line when words[:i] fill k lines.
        best: dict[tuple[int, int], tuple[float, list[int]]] = {(0, 0): (0.0, [])}
        for k in range(1, lines + 1):
            for end in range(k, count + 1):
                options = [
                    (max(best[start, k - 1][0], width(start, end)), [*best[start, k - 1][1], end])
                    for start in range(k - 1, end)
                    if (start, k - 1) in best and width(start, end) <= available_mm
                ]
                if options:
                    best[end, k] = min(options, key=lambda option: option[0])
        if (count, lines) in best:
            breaks = best[count, lines][1]
            starts = [0, *breaks[:-1]]
            return "\n".join(" ".join(words[a:b]) for a, b in zip(starts, breaks, strict=True))
    return text
