"""The body's sanitiser: every attack stripped for every writer (the head too, through the
service), allowed formatting kept, sanitising sanitised text changes nothing."""

import pytest

from gandan.news.models import Post
from gandan.news.sanitising import sanitise
from gandan.news.tests.conftest import write

IMAGE = "/truong/th-thanh-to/tin-tuc/anh/12345678-1234-4234-9234-123456789abc/"

ATTACKS = [
    ("<script>alert('xss')</script><p>Tin</p>", "<p>Tin</p>"),
    ("<p>Ảnh</p><img src=x onerror=alert(1)>", "<p>Ảnh</p><img>"),
    ('<p onclick="alert(1)">Bấm</p>', "<p>Bấm</p>"),
    ('<a href="javascript:alert(1)">Xem</a>', '<p><a rel="noopener noreferrer">Xem</a></p>'),
    ('<a href="JaVaScRiPt:alert(1)">Xem</a>', '<p><a rel="noopener noreferrer">Xem</a></p>'),
    ('<a href=" javascript:alert(1)">Xem</a>', '<p><a rel="noopener noreferrer">Xem</a></p>'),
    ('<p style="background:url(x)">Tin</p>', "<p>Tin</p>"),
    ("<style>body{display:none}</style><p>Tin</p>", "<p>Tin</p>"),
    ('<iframe src="https://evil.example"></iframe><p>Tin</p>', "<p>Tin</p>"),
    ("<svg><script>alert(1)</script><circle/></svg><p>Tin</p>", "<p>Tin</p>"),
    ('<svg onload="alert(1)"></svg><p>Tin</p>', "<p>Tin</p>"),
    ('<img src="data:image/png;base64,iVBOR">', "<p><img></p>"),
    (
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        '<p><a rel="noopener noreferrer">x</a></p>',
    ),
    ('<img src="https://evil.example/a.png">', "<p><img></p>"),
    (f'<img src="//evil.example{IMAGE}">', "<p><img></p>"),
    ('<a href="/dang-nhap/">Đăng nhập</a>', '<p><a rel="noopener noreferrer">Đăng nhập</a></p>'),
    ("<object data=x></object><embed src=x><p>Tin</p>", "<p>Tin</p>"),
    ("<form action=x><input name=a></form><p>Tin</p>", "<p>Tin</p>"),
    ("<!-- <script>x</script> --><p>Tin</p>", "<p>Tin</p>"),
    ("<scr<script>ipt>alert(1)</script>", "<p>ipt&gt;alert(1)</p>"),
]


@pytest.mark.parametrize(("attack", "stored"), ATTACKS)
def test_attacks_are_stripped(attack, stored):
    assert sanitise(attack) == stored
    assert sanitise(stored) == stored


KEPT = [
    "<p><strong>Đậm</strong>, <em>nghiêng</em>, <u>gạch</u>, <s>xóa</s><br>dòng mới</p>",
    "<h2>Mục</h2><h3>Mục nhỏ</h3><ul><li>Một</li></ul><ol><li>Hai</li></ol>",
    "<blockquote><p>Trọng dân, gần dân.</p></blockquote>",
    '<p><a href="https://thanhto.edu.vn/" rel="noopener noreferrer">Trang trường</a></p>',
    '<p><a href="mailto:c2thanhto@haiphong.edu.vn" rel="noopener noreferrer">Thư</a></p>',
    f'<figure><img src="{IMAGE}" alt="Hội nghị"><figcaption>Hội nghị</figcaption></figure>',
    "<table><thead><tr><th>Ngày</th></tr></thead><tbody><tr><td>Thứ Năm</td></tr></tbody></table>",
]


@pytest.mark.parametrize("html", KEPT)
def test_allowed_formatting_is_kept_as_written(html):
    assert sanitise(html) == html


def test_links_get_noopener_and_lose_other_attributes():
    cleaned = sanitise('<a href="https://x.vn" target="_blank" rel="opener" id="a">x</a>')
    assert cleaned == '<p><a href="https://x.vn" rel="noopener noreferrer">x</a></p>'


def test_plain_text_becomes_paragraphs_and_is_escaped():
    text = "Dòng một\nDòng hai\n\nĐoạn hai: 3 < 5 & <b>đậm</b>"
    cleaned = sanitise(text)
    assert cleaned == "<p>Dòng một<br>Dòng hai</p><p>Đoạn hai: 3 &lt; 5 &amp; đậm</p>"
    assert sanitise(cleaned) == cleaned


@pytest.mark.parametrize(("attack", "stored"), ATTACKS[:12])
def test_the_head_cannot_store_script_either(school, principal, attack, stored):
    post = write(school, principal, body=attack)
    assert Post.objects.get(pk=post.pk).body == stored
    for needle in ("script", "onerror", "javascript:", "style", "iframe", "svg", "data:"):
        assert needle not in post.body.lower()
