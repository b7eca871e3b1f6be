"""Accent folding as the search reads it (core.vietnamese.fold) and the marks on results."""

import pytest

from gandan.core.vietnamese import fold
from gandan.search.backends import folded_words, terms
from gandan.search.templatetags.search_tags import highlight


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đảng", "dang"),
        ("ĐẢNG ỦY", "dang uy"),
        ("đường", "duong"),
        ("Nguyễn Văn A", "nguyen van a"),
        ("Dân vận khéo", "dan van kheo"),
        ("Trường Tiểu học Thành Tô", "truong tieu hoc thanh to"),
    ],
)
def test_fold_strips_tones_and_shapes_and_reads_đ_as_d(text, folded):
    assert fold(text) == folded


def test_the_stored_form_is_single_spaced_words_padded_for_prefix_patterns():
    assert folded_words("Kế hoạch số 07/KH-THTT, “Đảng ủy”") == " ke hoach so 07 kh thtt dang uy "
    assert folded_words("") == " "


def test_query_words_are_folded_once_each_control_marks_aside():
    assert terms("  Đảng  dang ĐẢNG ủy ") == ["dang", "uy"]
    assert terms("!!! ...") == []


def test_highlight_marks_the_original_letters_of_a_folded_match():
    html = highlight("Nghị quyết của Đảng ủy <b>", ["dang", "uy"])
    assert html == "Nghị quyết của <mark>Đảng</mark> <mark>ủy</mark> &lt;b&gt;"


def test_highlight_marks_short_words_only_whole():
    assert highlight("Nguyễn Văn A và anh Ba", ["a"]) == "Nguyễn Văn <mark>A</mark> và anh Ba"
