"""How a query's words meet the folded text: one rule, served by each database's own index.

The rule: every word of the query must be found in the entry, a word of three letters or more
at the start of a word of the entry ("dang" finds "Đảng" and "đăng ký"), a shorter one as a
whole word ("a" of "Nguyễn Văn A" does not find every "anh"). Entries store their text folded
(core.vietnamese.fold) as single-spaced words with a space at each end, so the rule is a LIKE
pattern on the folded column (" dang" / " a ") on any database. SQLite answers it from an
FTS5 table (migration 0002) when its library has FTS5; PostgreSQL from a pg_trgm index on the
same column, so the LIKE itself is the query there.
"""

import functools
import re
import sqlite3

from django.db import connections
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import Combinable, RawSQL

from gandan.core.vietnamese import fold

WORD = re.compile(r"[^\W_]+")
PREFIX_FROM = 3  # letters: shorter words match whole words only
MAX_TERMS = 8


def folded_words(text: str) -> str:
    """' dang uy xa ': the folded words of `text`, padded for the patterns of `pattern`."""
    words = WORD.findall(fold(text))
    return f" {' '.join(words)} " if words else " "


def terms(text: str) -> list[str]:
    """The query's folded words, each once, in order (at most MAX_TERMS)."""
    seen: list[str] = []
    for word in WORD.findall(fold(text)):
        if word not in seen:
            seen.append(word)
    return seen[:MAX_TERMS]


def pattern(term: str) -> str:
    return f" {term}" if len(term) >= PREFIX_FROM else f" {term} "


@functools.cache
def fts5_available() -> bool:
    """Whether the SQLite library has FTS5 (migration 0002 probes the same way)."""
    try:
        with sqlite3.connect(":memory:") as probe:
            probe.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
    except sqlite3.OperationalError:
        return False
    return True


def uses_fts5(alias: str) -> bool:
    return connections[alias].vendor == "sqlite" and fts5_available()


def _fts5_expression(words: list[str]) -> str:
    # The words are letters and digits only (WORD), so quoting them is enough.
    return " ".join(f'"{word}"*' if len(word) >= PREFIX_FROM else f'"{word}"' for word in words)


def matching[T: QuerySet](entries: T, words: list[str]) -> T:
    """The entries holding every word (see the module docstring)."""
    if uses_fts5(entries.db):
        return entries.filter(
            pk__in=RawSQL(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [_fts5_expression(words)]
            )
        )
    condition = Q()
    for word in words:
        condition &= Q(folded__contains=pattern(word))
    return entries.filter(condition)


def _score(condition: Q, points: int) -> Combinable:
    return Case(When(condition, then=Value(points)), default=Value(0), output_field=IntegerField())


def relevance(words: list[str]) -> Combinable:
    """The first key of the ranking: what was asked, as it was asked, counts most.

    The words side by side as typed ("dan chu" in "... dân chủ ...") in the title: 6, in the
    text: 3; then each word of the title that is the word asked (2) or starts with it (1).
    So "dân chủ" comes before "đánh giá ... chuẩn", which the prefix rule also finds."""
    total: Combinable = Value(0)
    if len(words) > 1:
        phrase = f" {' '.join(words)} "
        total = total + _score(Q(title_folded__contains=phrase), 6)
        total = total + _score(Q(folded__contains=phrase), 3)
    for word in words:
        total = total + _score(Q(title_folded__contains=f" {word} "), 1)
        total = total + _score(Q(title_folded__contains=pattern(word)), 1)
    return total
