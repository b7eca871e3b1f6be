"""The register page and the 404 page on a phone (390 px) and a desktop: nothing wider than the
screen, each row's files in reach, the menu kept on the 404."""

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest

from gandan.conftest import other_school, school, ward  # noqa: F401  (the tree with the Sở)
from gandan.paperwork.samples import sample_letter, sample_plan
from gandan.paperwork.services import issue_document, withdraw_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Screenshots for a person to look at (GANDAN_SCREENSHOTS=/some/folder); none by default.
SHOTS = os.environ.get("GANDAN_SCREENSHOTS")
LONG_SUMMARY = (
    "Thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở, tiếp công dân, "
    "giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh năm học 2025–2026"
)


def _log_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/ban-lam-viec/")


def _shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.fixture
def register(school):  # noqa: F811
    year = dt.date.today().year
    plan = dataclasses.replace(sample_plan(), number_symbol="", date=None, summary=LONG_SUMMARY)
    letter = dataclasses.replace(
        sample_letter(),
        number_symbol="",
        date=None,
        kinh_gui=("Ủy ban nhân dân phường Hải An", "Sở Giáo dục và Đào tạo Hải Phòng"),
    )
    issue_document(organisation=school, spec=plan, issued_on=dt.date(year, 1, 5))
    sent = issue_document(organisation=school, spec=letter, issued_on=dt.date(year, 1, 6))
    withdraw_document(document=sent, reason="Ban hành nhầm", withdrawn_on=dt.date(year, 1, 7))
    return year


@pytest.mark.parametrize(("fixture", "width"), [("phone_page", 390), ("desktop_page", 1280)])
def test_the_register_fits_the_screen_with_its_files_in_reach(
    live_server, register, clerk, request, fixture, width
):
    # given: the clerk signed in
    page = request.getfixturevalue(fixture)
    _log_in(page, live_server.url, "vanthu")
    # when: she opens the register from the menu
    page.get_by_role("link", name="Văn bản đi").first.click()
    page.wait_for_url("**/so-van-ban-di/th-thanh-to/")
    _shot(page, f"so-van-ban-di-{width}")
    # then: nothing is wider than the screen, and each row's Word file can be tapped
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    word = page.get_by_role("link", name="Tải văn bản 01/KH-THTT (Word)")
    word.scroll_into_view_if_needed()
    box = word.bounding_box()
    assert word.is_visible() and box is not None and box["x"] + box["width"] <= width
    assert page.get_by_text("Đã thu hồi", exact=True).is_visible()


@pytest.mark.parametrize(("fixture", "width"), [("phone_page", 390), ("desktop_page", 1280)])
def test_the_404_page_keeps_the_menu_on_every_screen(live_server, teacher, request, fixture, width):
    # given
    page = request.getfixturevalue(fixture)
    _log_in(page, live_server.url, "giaovien")
    # when
    response = page.goto(f"{live_server.url}/khong-co-trang-nay/")
    _shot(page, f"404-{width}")
    # then
    assert response is not None and response.status == 404
    assert page.get_by_role("link", name="Đơn thư").is_visible()
    assert page.get_by_role("link", name="Về bàn làm việc").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # the message and its button stand in the middle of the screen, not at the left
    button = page.get_by_role("link", name="Về bàn làm việc").bounding_box()
    assert button is not None
    assert abs(button["x"] + button["width"] / 2 - width / 2) < 0.05 * width
