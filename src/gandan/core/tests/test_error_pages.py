"""Error pages keep the way back: a signed-in person's menu, a visitor's public menu; and the
icon browsers ask for at /favicon.ico answers."""

from pathlib import Path

from django.conf import settings
from django.test import Client

STATIC_ICON = Path(__file__).resolve().parents[1] / "static" / "gandan" / "favicon.svg"


def _nav(html: str) -> str:
    return html.split('<nav class="topnav"', 1)[1].split("</nav>", 1)[0]


def test_a_staff_member_keeps_her_menu_on_a_404(teacher):
    # given
    client = Client()
    client.force_login(teacher)
    for url in ("/khong-co-trang-nay/", "/so-van-ban-di/truong-khac/"):
        # when: an unknown address, and a page the view itself refuses
        response = client.get(url)
        # then
        assert response.status_code == 404
        nav = _nav(response.content.decode())
        assert 'href="/don-thu/"' in nav and 'href="/so-van-ban-di/th-thanh-to/"' in nav
        assert "Đăng xuất" in nav and "Lê Thị Hồng Nhung" in nav
        assert "Đăng nhập cho cán bộ" not in nav


def test_a_visitor_sees_the_public_menu_on_a_404(client, db):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    nav = _nav(response.content.decode())
    assert "Tra cứu hồ sơ" in nav and "Đăng nhập cho cán bộ" in nav
    assert "Đăng xuất" not in nav and 'href="/don-thu/"' not in nav


def test_favicon_ico_answers_with_the_sites_icon(client, db):
    # when
    response = client.get("/favicon.ico")
    # then: a permanent redirect to the static icon, which exists
    assert response.status_code == 301
    assert response["Location"] == f"{settings.STATIC_URL}gandan/favicon.svg"
    assert STATIC_ICON.read_text(encoding="utf-8").lstrip().startswith("<svg")
