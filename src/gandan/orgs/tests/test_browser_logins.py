"""The head's first login on a phone: password, then the enrolment of an authenticator app
(the key read from the page, as a person types it into the app), the recovery codes, the desk;
the next login asks for a code."""

import base64
import time

import pytest
from django_otp.oath import TOTP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _code(secret: str, *, ahead: int = 0) -> str:
    """What an authenticator app shows for this key (`ahead` steps later)."""
    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    totp = TOTP(key)
    totp.time = time.time() + 30 * ahead
    return str(totp.token()).zfill(6)


def _password(page, base_url: str) -> None:
    page.goto(base_url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("hieutruong")
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    page.get_by_role("button", name="Đăng nhập").click()


def test_the_head_enrols_on_first_login_then_is_asked_for_a_code(
    live_server, principal, phone_page, settings
):
    settings.SECOND_FACTOR_ENFORCED = True  # off by default in other features' browser tests
    page = phone_page
    # when: the password
    _password(page, live_server.url)
    # then: the enrolment, with its QR code and the key
    page.wait_for_url("**/tai-khoan/xac-thuc-hai-lop/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Bật xác thực hai lớp"
    assert page.locator("figure svg").count() == 1
    secret = page.locator("figcaption code").inner_text()
    # when: the code the app shows
    page.get_by_label("Mã xác thực").fill(_code(secret))
    page.get_by_role("button", name="Xác nhận và bật").click()
    # then: ten recovery codes, once; then the desk
    assert page.get_by_role("heading", level=1).inner_text() == "Mã dự phòng"
    assert page.get_by_role("list", name="Mã dự phòng").locator("li").count() == 10
    page.get_by_role("link", name="Tôi đã cất các mã, tiếp tục").click()
    page.wait_for_url("**/ban-lam-viec/")
    assert page.get_by_role("heading", level=1).inner_text() == "Xin chào, Nguyễn Thị Thu Hà"
    # when: logged out and in again
    page.context.clear_cookies()
    _password(page, live_server.url)
    # then: the verification step; a wrong code is refused in Vietnamese, the next one opens
    page.wait_for_url("**/dang-nhap/xac-thuc/**")
    page.get_by_label("Mã xác thực").fill("000000")
    page.get_by_role("button", name="Xác nhận").click()
    assert "Mã chưa đúng hoặc đã hết hạn" in page.inner_text("main")
    time.sleep(1.1)  # django-otp's back-off after one wrong code
    page.get_by_label("Mã xác thực").fill(_code(secret, ahead=1))
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_url("**/ban-lam-viec/")
