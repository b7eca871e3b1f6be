"""The staff page /tim-kiem/ and the public page /tim-kiem-cong-khai/ through HTTP."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.search.tests.conftest import make_document, make_plan

pytestmark = pytest.mark.django_db

STAFF = reverse("search:staff")
PUBLIC = reverse("search:public")


def test_the_staff_page_needs_a_login(client):
    response = client.get(STAFF, {"q": "ke hoach"})
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_staff_results_carry_their_kind_a_link_and_the_words_marked(client, school, principal):
    plan = make_plan(school, "Kế hoạch thực hiện Nghị quyết của Đảng ủy")
    make_document(school, "Báo cáo sơ kết công tác Đảng", number=4)
    client.force_login(principal)
    # when
    response = client.get(STAFF, {"q": "dang"})
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 kết quả cho “dang”" in html
    assert "Kế hoạch thực hiện Nghị quyết của <mark>Đảng</mark> ủy" in html
    assert f'href="/ke-hoach/{plan.public_id}/"' in html
    assert 'href="/so-van-ban-di/th-thanh-to/?nam=2026"' in html
    assert ">Kế hoạch</span>" in html and ">Văn bản đi</span>" in html
    assert "search/search.css" in html


def test_empty_short_and_unmatched_queries_say_so_in_vietnamese(client, school, principal):
    client.force_login(principal)
    assert "Gõ không dấu cũng được" in client.get(STAFF).content.decode()
    assert "Từ cần tìm ngắn quá" in client.get(STAFF, {"q": "a"}).content.decode()
    unmatched = client.get(STAFF, {"q": "xyzt"}).content.decode()
    assert "Không tìm thấy kết quả nào cho “xyzt”" in unmatched


def test_a_control_character_is_refused_with_a_clear_error(client, school, principal):
    client.force_login(principal)
    response = client.get(STAFF, {"q": "ke\x00hoach"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    response = client.get(PUBLIC, {"q": "x" * 201})
    assert response.status_code == 400 and "tối đa 200 ký tự" in response.content.decode()


def test_pages_of_twenty_with_the_query_kept(client, school, principal):
    for number in range(45):
        make_plan(school, f"Kế hoạch phòng dịch số {number}")
    client.force_login(principal)
    first = client.get(STAFF, {"q": "phong dich"}).content.decode()
    third = client.get(STAFF, {"q": "phong dich", "trang": "3"}).content.decode()
    assert first.count('class="search-result"') == 20
    assert "Trang 1/3" in first and "?q=phong%20dich&amp;trang=2" in first
    assert third.count('class="search-result"') == 5
    assert client.get(STAFF, {"q": "phong dich", "trang": "x"}).status_code == 200


def test_the_public_page_shows_only_what_anyone_may_read(client, school, public_disclosure):
    make_plan(school, "Kế hoạch thu chi nội bộ")
    response = client.get(PUBLIC, {"q": "thu chi"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 kết quả" in html
    assert "Công khai <mark>thu</mark> <mark>chi</mark> tài <mark>chí</mark>nh" in html
    assert "nội bộ" not in html


def test_the_staff_page_query_count_does_not_grow(client, school, principal):
    client.force_login(principal)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(STAFF, {"q": "khuyen hoc"}).status_code == 200
        return len(captured)

    for number in range(2):
        make_plan(school, f"Kế hoạch khuyến học {number}")
    small = queries()
    for number in range(2, 30):
        make_plan(school, f"Kế hoạch khuyến học {number}")
    assert queries() == small


def test_the_menus_link_to_the_search_pages(client, school, principal):
    assert f'href="{PUBLIC}"' in client.get(PUBLIC).content.decode()
    client.force_login(principal)
    assert f'href="{STAFF}"' in client.get(STAFF).content.decode()
