"""The head opens the site, logs in and reaches the staff desk: on a phone and on a desktop."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/")
    page.get_by_role("link", name="Đăng nhập cho cán bộ").click()
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    page.get_by_role("button", name="Đăng nhập").click()


@pytest.mark.parametrize("page_fixture", ["phone_page", "desktop_page"])
def test_head_logs_in_and_sees_the_desk(request, live_server, principal, page_fixture):
    # given
    page = request.getfixturevalue(page_fixture)
    # when
    _log_in(page, live_server.url, "hieutruong")
    # then
    page.wait_for_url("**/ban-lam-viec/")
    assert page.get_by_role("heading", level=1).inner_text() == "Xin chào, Nguyễn Thị Thu Hà"
    assert page.locator("html").get_attribute("lang") == "vi"
    assert "Trường Tiểu học Thành Tô" in page.content()
    page.get_by_role("link", name="Nhật ký hệ thống").click()
    page.wait_for_url("**/nhat-ky/")
    assert "Nguyễn Thị Thu Hà đăng nhập" in page.inner_text("main")


def test_wrong_password_shows_a_vietnamese_error(live_server, principal, phone_page):
    phone_page.goto(live_server.url + "/dang-nhap/")
    phone_page.get_by_label("Tên đăng nhập").fill("hieutruong")
    phone_page.get_by_label("Mật khẩu").fill("khong-dung")
    phone_page.get_by_role("button", name="Đăng nhập").click()
    assert (
        phone_page.get_by_role("alert")
        .inner_text()
        .startswith("Tên đăng nhập hoặc mật khẩu chưa đúng")
    )
