"""The feedback journey in a real browser: a parent files on a phone and gets a tracking code,
the head assigns it, a teacher answers, the parent reads the answer and rates it."""

import pytest

from gandan.petitions.models import Case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, base_url: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(base_url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/ban-lam-viec/")


def test_parent_files_feedback_head_assigns_teacher_answers_parent_rates(
    live_server, school, principal, teacher, deadline_rules, phone_page, desktop_page
):
    # given: a parent on a phone, no account
    phone = phone_page
    phone.goto(live_server.url + "/gui-y-kien/th-thanh-to/")
    phone.get_by_label("Phản ánh", exact=True).check()
    phone.get_by_label("Tóm tắt (một câu)").fill("Cổng trường ùn tắc giờ tan học")
    phone.get_by_label("Nội dung", exact=True).fill(
        "Xe máy đỗ tràn ra lòng đường trước cổng trường lúc 16 giờ 30, rất nguy hiểm."
    )
    phone.get_by_label("Họ và tên", exact=True).fill("Trần Văn Bình")
    phone.get_by_label("Điện thoại", exact=True).fill("0912 345 678")
    phone.locator("#id_consent").check()
    # when: she sends it (a double tap must not make two cases)
    phone.get_by_role("button", name="Gửi đến nhà trường").dblclick()
    phone.wait_for_url("**/bien-nhan/")
    # then: a receipt with the tracking code and the date the school must answer by
    code = phone.locator(".tracking-code").get_attribute("data-code")
    case = Case.objects.get()
    assert code == case.tracking_code
    receipt = phone.inner_text("main")
    assert case.display_code in receipt
    assert case.next_due is not None and case.next_due.strftime("%d/%m/%Y") in receipt
    assert phone.viewport_size["width"] == 390
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390

    # when: the head opens it from the list and assigns it to the teacher
    head = desktop_page
    _log_in(head, live_server.url, "hieutruong")
    head.goto(live_server.url + "/don-thu/")
    head.get_by_role("link", name=case.display_code).click()
    assign = head.locator("#thao-tac-phan-cong")
    assign.get_by_label("Người giải quyết").select_option(label="Lê Thị Hồng Nhung")
    assign.get_by_role("button", name="Phân công").click()
    head.wait_for_url(f"**/don-thu/{case.public_id}/")
    assert "Đã phân công." in head.inner_text("main")
    case.refresh_from_db()
    assert case.handler == teacher

    # and the teacher answers from her desk
    _log_in(head, live_server.url, "giaovien")
    head.get_by_role("link", name=case.display_code, exact=False).first.click()
    answer = head.locator("#thao-tac-giai-quyet")
    answer.get_by_label("Trả lời người gửi (hiện trên trang tra cứu)").fill(
        "Nhà trường đã đề nghị Công an phường bố trí phân luồng trước cổng từ 16 giờ 15."
    )
    answer.get_by_role("button", name="Giải quyết, trả lời").click()
    head.wait_for_url(f"**/don-thu/{case.public_id}/")
    case.refresh_from_db()
    assert case.status == "resolved" and case.is_closed

    # then: the parent looks the code up, reads the answer and rates it
    phone.goto(live_server.url + "/tra-cuu/")
    phone.get_by_label("Mã tra cứu").fill(case.display_code.lower())
    phone.get_by_role("button", name="Tra cứu").click()
    phone.wait_for_url(f"**/tra-cuu/{code}/")
    assert "bố trí phân luồng trước cổng từ 16 giờ 15" in phone.inner_text("main")
    phone.get_by_label("5 – Rất hài lòng").check()
    phone.get_by_label("Ý kiến thêm (không bắt buộc)").fill("Cảm ơn nhà trường.")
    phone.get_by_role("button", name="Gửi đánh giá").click()
    phone.wait_for_url(f"**/tra-cuu/{code}/")
    assert "Ông (bà) đã đánh giá 5/5" in phone.inner_text("main")
    case.refresh_from_db()
    assert case.satisfaction == 5
    assert Case.objects.count() == 1
