"""A staff vote in real browsers: the head opens a secret ballot, three teachers vote on phones,
nobody sees a result until it closes, then everyone sees the same tally."""

import contextlib
import re

import pytest
from playwright.sync_api import Error as PlaywrightError

from gandan.democracy.models import Ballot, BallotPaper, Participation, SealedPaper

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
TITLE = "Thông qua mức chi hỗ trợ giáo viên dạy thêm buổi chiều"


def _log_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/ban-lam-viec/")


def _phone(chromium):
    context = chromium.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    return context, context.new_page()


def _tally(page) -> str:
    return page.locator("#khu-ket-qua").inner_text()


def test_head_opens_teachers_vote_on_phones_results_only_after_close(
    live_server, chromium, desktop_page, principal, teacher, union_officer, inspector
):
    head = desktop_page
    # given: the head creates and opens a secret ballot of all staff (4 people)
    _log_in(head, live_server.url, "hieutruong")
    head.goto(live_server.url + "/dan-chu/bieu-quyet/")
    head.get_by_role("link", name="Tạo cuộc biểu quyết").click()
    head.get_by_label("Nội dung biểu quyết").fill(TITLE)
    head.get_by_label("Hình thức").select_option(label="Bỏ phiếu kín")
    head.get_by_role("button", name="Tạo cuộc biểu quyết").click()
    head.get_by_role("button", name="Mở bỏ phiếu").click()
    head.wait_for_selector("#khu-bo-phieu")
    ballot = Ballot.objects.get(title=TITLE)
    assert ballot.electorate_size == 4
    ballot_url = f"{live_server.url}/dan-chu/bieu-quyet/{ballot.public_id}/"

    # when: three teachers vote on phones, each from the list of ballots
    phones = []
    receipts = {}
    votes = [("giaovien", "Tán thành"), ("congdoan", "Tán thành"), ("thanhtra", "Không tán thành")]
    for username, choice in votes:
        context, page = _phone(chromium)
        phones.append((context, page))
        _log_in(page, live_server.url, username)
        page.goto(live_server.url + "/dan-chu/bieu-quyet/")
        assert "Chờ phiếu của bạn" in page.inner_text("main")
        page.get_by_role("link", name=TITLE).click()
        assert page.locator("#khu-ket-qua").count() == 0
        page.get_by_label(choice, exact=True).check()
        page.get_by_role("button", name="Gửi phiếu").click()
        # the receipt is the answer to the vote itself: no redirect, nothing kept to show later
        page.wait_for_selector("#ma-bien-nhan")
        assert page.url.endswith("/bo-phieu/")
        code = page.locator("#ma-bien-nhan").inner_text()
        assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
        receipts[username] = code
        # the receipt is shown once only: not on the ballot's page, and going back does not
        # bring it back (the browser was told not to keep the page: net::ERR_CACHE_MISS)
        page.goto(ballot_url)
        assert page.locator("#ma-bien-nhan").count() == 0
        with contextlib.suppress(PlaywrightError):
            page.go_back()
        assert page.locator("#ma-bien-nhan").count() == 0
        # then: nobody, the head included, sees a result while it is open
        head.goto(ballot_url)
        assert head.locator("#khu-ket-qua").count() == 0
        assert "người đã bỏ phiếu" in head.locator("#so-nguoi-da-bo").inner_text()
        page.goto(ballot_url)
        assert page.locator("#khu-ket-qua").count() == 0
        assert "Bạn đã bỏ phiếu." in page.inner_text("main")
    assert "3/4 người đã bỏ phiếu" in head.locator("#so-nguoi-da-bo").inner_text()
    assert Participation.objects.filter(ballot=ballot).count() == 3
    # while open, the papers are sealed envelopes; none is readable
    assert SealedPaper.objects.filter(ballot=ballot).count() == 3
    assert BallotPaper.objects.filter(ballot=ballot).count() == 0

    # when: the head closes the vote
    head.get_by_role("button", name="Kết thúc và kiểm phiếu").click()
    head.wait_for_selector("#khu-ket-qua")

    # then: everyone sees the same tally: 2 for of 3 present (quorum 3/4 ≥ 2/3), adopted
    tally = _tally(head)
    assert BallotPaper.objects.filter(ballot=ballot).count() == 3
    assert SealedPaper.objects.filter(ballot=ballot).count() == 0
    assert "Tán thành: 2" in tally and "Không tán thành: 1" in tally
    assert "Được thông qua" in tally
    for _context, page in phones:
        page.goto(ballot_url)
        assert _tally(page) == tally
    # and a teacher checks that her paper was counted, on her phone
    page = phones[0][1]
    page.get_by_role("link", name="Kiểm tra phiếu của tôi đã được kiểm").click()
    page.get_by_label("Mã biên nhận phiếu").fill(receipts["giaovien"])
    page.get_by_role("button", name="Kiểm tra").click()
    assert "đã được kiểm" in page.locator("#ket-qua-kiem-tra").inner_text()
    for context, _page in phones:
        context.close()
