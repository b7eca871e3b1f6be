"""Text cut for display: between words, with '…' (Vietnamese has one syllable per word)."""

import pathlib
import unicodedata

import pytest
from django.template import Context, Template

from gandan.core.vietnamese import shorten

TITLE = "Kế hoạch thực hiện quy chế dân chủ ở cơ sở năm học 2025–2026"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        # short enough: unchanged, no ellipsis
        (TITLE, len(TITLE), TITLE),
        ("Kế hoạch", 80, "Kế hoạch"),
        # a cut inside "thực" goes back to the space before it (Django's gives "Kế hoạch t…")
        (TITLE, 12, "Kế hoạch…"),
        # a cut just before a space keeps the whole last word
        (TITLE, 9, "Kế hoạch…"),
        # the comma before the cut does not dangle
        ("Thông báo, kế hoạch", 12, "Thông báo…"),
        # one word longer than the limit is cut where it must be
        ("https://thanhto.edu.vn/ke-hoach", 10, "https://t…"),
        (TITLE, 1, "…"),
    ],
)
def test_shorten_cuts_between_words(text, limit, expected):
    # when
    result = shorten(text, limit)
    # then
    assert result == expected
    assert len(result) <= limit


def test_shorten_counts_letters_as_a_reader_sees_them():
    # given: the same title typed with combining marks (NFD: "ế" is three code points)
    decomposed = unicodedata.normalize("NFD", TITLE)
    assert len(decomposed) > len(TITLE)
    # when / then: nothing cut, and no letter split from its marks
    assert shorten(decomposed, len(TITLE)) == TITLE
    assert shorten(decomposed, 12) == "Kế hoạch…"


def test_rut_gon_filter():
    template = Template("{% load vietnamese %}{{ title|rut_gon:20 }}|{{ none|rut_gon:20 }}")
    assert template.render(Context({"title": TITLE, "none": None})) == "Kế hoạch thực hiện…|"


def test_no_template_outside_petitions_cuts_inside_a_word():
    # given: every template of the project (petitions' own are its team's)
    root = pathlib.Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.html")
        if "petitions" not in path.parts and "|truncatechars" in path.read_text(encoding="utf-8")
    ]
    # then
    assert offenders == []
