"""The news in a real browser: the head writes a post on a desktop, uploads a photo and
publishes it; a parent on a phone finds it from the school's page and sees the photo."""

import pytest

from gandan.news.models import Post, PostImage
from gandan.news.tests.conftest import PNG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/ban-lam-viec/")


def test_the_head_publishes_a_post_with_a_photo_and_a_phone_reads_it(
    live_server, school, principal, desktop_page, phone_page, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "files"
    desk, phone = desktop_page, phone_page

    # given: the head writes a draft from the menu
    _log_in(desk, live_server.url, "hieutruong")
    desk.get_by_role("link", name="Tin tức", exact=True).click()
    desk.get_by_role("link", name="Viết bài mới").click()
    desk.get_by_label("Loại tin").select_option(label="Tin tức")
    desk.get_by_label("Tiêu đề").fill("Hội nghị cán bộ, viên chức năm học 2025–2026")
    desk.get_by_label("Nội dung").fill(
        "Sáng nay nhà trường tổ chức hội nghị.\n\n<script>alert(1)</script>Hội nghị thành công."
    )
    desk.get_by_role("button", name="Xem trước").click()
    assert "Hội nghị thành công." in desk.locator("#xem-truoc-bai").inner_text()
    with desk.expect_navigation():
        desk.get_by_role("button", name="Lưu bản nháp").click()
    post = Post.objects.get()
    assert post.status == "draft" and "script" not in post.body

    # when: she uploads a photo on the edit page and publishes
    desk.get_by_role("link", name="Sửa bài").click()
    photo = tmp_path / "hoi-nghi.png"
    photo.write_bytes(PNG)
    desk.locator("input[type=file]").set_input_files(str(photo))
    desk.get_by_label("Mô tả ảnh").fill("Toàn cảnh hội nghị")
    with desk.expect_navigation():
        desk.get_by_role("button", name="Tải ảnh lên và chèn vào bài").click()
    assert PostImage.objects.count() == 1
    with desk.expect_navigation():
        desk.get_by_role("button", name="Lưu bản nháp").click()
    with desk.expect_navigation():
        desk.get_by_role("button", name="Đăng lên trang của trường").click()
    assert "Đã đăng" in desk.locator("#tinh-trang").text_content()

    # then: a parent on a phone finds it from the school's page and sees the photo
    phone.goto(live_server.url + f"/truong/{school.slug}/")
    phone.get_by_role("link", name="Hội nghị cán bộ, viên chức năm học 2025–2026").click()
    phone.wait_for_url(f"**/tin-tuc/{post.public_id}/")
    assert "Hội nghị thành công." in phone.locator(".news-body").inner_text()
    image = phone.locator(".news-body figure img")
    image.wait_for()
    phone.wait_for_function("() => document.querySelector('.news-body figure img').complete")
    assert image.evaluate("img => img.naturalWidth") > 0
    assert phone.locator("figcaption").inner_text() == "Toàn cảnh hội nghị"
    og = phone.locator('meta[property="og:image"]').get_attribute("content")
    assert og is not None and og.startswith(live_server.url + f"/truong/{school.slug}/tin-tuc/anh/")
