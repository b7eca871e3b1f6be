"""{{ text|highlight:words }}: the words of a search marked in a title or summary."""

import re
import unicodedata

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from gandan.core.vietnamese import fold
from gandan.search.backends import PREFIX_FROM

register = template.Library()


def marked_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where in `text` (NFC) the folded words stand, as the search matched them: at the start
    of a word, shorter words whole. Merged, in order."""
    # Folded one character at a time, so each folded position leads back to its character.
    folded_chars = [fold(char) for char in text]
    origin = [index for index, chars in enumerate(folded_chars) for _ in chars]
    folded = "".join(folded_chars)
    spans: list[tuple[int, int]] = []
    for word in words:
        end = "" if len(word) >= PREFIX_FROM else r"(?![^\W_])"
        for match in re.finditer(rf"(?<![^\W_]){re.escape(word)}{end}", folded):
            spans.append((origin[match.start()], origin[match.end() - 1] + 1))
    merged: list[tuple[int, int]] = []
    for start, stop in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(stop, merged[-1][1]))
        else:
            merged.append((start, stop))
    return merged


@register.filter
def highlight(text: str, words: list[str]) -> SafeString:
    text = unicodedata.normalize("NFC", str(text))
    parts: list[str] = []
    last = 0
    for start, stop in marked_spans(text, list(words or [])):
        parts.append(escape(text[last:start]))
        parts.append(f"<mark>{escape(text[start:stop])}</mark>")
        last = stop
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))
