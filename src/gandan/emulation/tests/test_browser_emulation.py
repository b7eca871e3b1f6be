"""The movement in a real browser: a teacher registers a model on her phone and reports on it
with a photo; the head, chairing the council on a desktop, scores it and recognises it; the
story reaches the school's public page."""

from pathlib import Path

import pytest

from gandan.emulation.models import Evidence, Recognition, Registration
from gandan.emulation.services import campaigns
from gandan.emulation.tests.conftest import PNG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/ban-lam-viec/")


def test_teacher_registers_and_reports_the_head_scores_and_recognises(
    live_server, campaign, principal, teacher, phone_page, desktop_page, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "files"
    campaigns.set_council(campaign=campaign, actor=principal, chair=principal)
    phone, desk = phone_page, desktop_page

    # given: the teacher registers a model from her phone
    _log_in(phone, live_server.url, "giaovien")
    phone.get_by_role("link", name="Phong trào “Dân vận khéo”").click()
    phone.get_by_role("link", name=campaign.title).click()
    phone.get_by_role("link", name="Đăng ký mô hình, điển hình").click()
    phone.get_by_label("Mô hình “Dân vận khéo”").check()
    phone.get_by_label("Tên mô hình, điển hình").fill("Góc đọc sách cùng cha mẹ")
    phone.get_by_label("Lĩnh vực").select_option(label="Văn hóa – xã hội")
    phone.get_by_label("Thực trạng, vấn đề cần giải quyết").fill("Học sinh ít đọc sách ở nhà.")
    phone.get_by_label("Mục tiêu").fill("Mỗi gia đình lớp 1A1 đọc cùng con 15 phút mỗi tối.")
    phone.get_by_label("Cách thức tuyên truyền, vận động").fill(
        "Mời cha mẹ đọc mẫu trong giờ sinh hoạt lớp; cho mượn sách về nhà."
    )
    phone.get_by_label("Kết quả dự kiến").fill("30/35 gia đình duy trì thói quen đọc.")
    phone.get_by_role("button", name="Gửi đăng ký").click()
    phone.wait_for_url("**/dan-van-kheo/mo-hinh/*/")
    registration = Registration.objects.get()
    assert registration.registrant == teacher and registration.status == "registered"

    # and the head closes registration for the year
    _log_in(desk, live_server.url, "hieutruong")
    desk.goto(live_server.url + f"/dan-van-kheo/phong-trao/{campaign.public_id}/")
    with desk.expect_navigation():
        desk.get_by_role("button", name="Kết thúc đăng ký, chuyển sang triển khai").click()
    assert "Đang triển khai" in desk.locator("#giai-doan").text_content()

    # when: she reports with a photo and submits
    phone.reload()
    phone.get_by_role("link", name="Cập nhật kết quả").click()
    phone.get_by_label("Đã làm được gì").fill("Góc đọc đã có 120 cuốn sách; 28 gia đình tham gia.")
    photo = tmp_path / "goc-doc-sach.png"
    photo.write_bytes(PNG)
    phone.locator("input[type=file]").set_input_files(str(photo))
    phone.get_by_role("button", name="Gửi cập nhật").click()
    phone.wait_for_url(f"**/dan-van-kheo/mo-hinh/{registration.public_id}/")
    assert "28 gia đình tham gia" in phone.locator("#ket-qua-thuc-hien").inner_text()
    with phone.expect_navigation():
        phone.get_by_role("button", name="Gửi hồ sơ đánh giá").click()
    assert "Đã gửi đánh giá" in phone.locator("#tinh-trang").text_content()

    # and the head moves to the review, scores it and concludes
    with desk.expect_navigation():
        desk.get_by_role("button", name="Chuyển sang đánh giá cuối năm").click()
    desk.locator("#can-cham-diem").get_by_role("link", name="Góc đọc sách cùng cha mẹ").click()
    points = desk.locator("input[type=number]")
    assert points.count() == 5
    for index, value in enumerate((18, 17, 19, 16, 18)):
        points.nth(index).fill(str(value))
    with desk.expect_navigation():
        desk.get_by_role("button", name="Lưu phiếu chấm").click()
    with desk.expect_navigation():
        desk.get_by_role("button", name="Kết luận và lập biên bản").click()
    assert "88/100" in desk.locator("#ket-qua-danh-gia").inner_text()
    with desk.expect_download() as minutes:
        desk.get_by_role("link", name="Biên bản họp Hội đồng").click()
    assert minutes.value.suggested_filename == "bien-ban-hoi-dong-dan-van-kheo.docx"

    # then: she recognises it with the school's giấy khen and publishes the story
    desk.locator("#ket-qua-danh-gia").get_by_role("link", name="Góc đọc sách cùng cha mẹ").click()
    with desk.expect_download() as download:
        desk.get_by_role("link", name="goc-doc-sach.png").click()
    assert Path(download.value.path()).read_bytes() == PNG
    desk.get_by_role("link", name="Công nhận").click()
    desk.get_by_label("Công nhận và tặng Giấy khen của Hiệu trưởng").check()
    desk.get_by_label("Câu chuyện về mô hình, điển hình").fill(
        "Góc đọc sách lớp 1A1 đưa 28 gia đình vào thói quen đọc cùng con mỗi tối."
    )
    desk.get_by_label("Đăng trên trang công khai của trường").check()
    desk.get_by_role("button", name="Ban hành quyết định").click()
    desk.wait_for_url(f"**/dan-van-kheo/mo-hinh/{registration.public_id}/")
    recognition = Recognition.objects.get()
    assert recognition.decision.number_symbol == "02/QĐ-THTT"
    assert "02/QĐ-THTT" in desk.locator("#da-cong-nhan").inner_text()
    assert Evidence.objects.get().original_name == "goc-doc-sach.png"

    # and anyone reads the story on the school's public page
    phone.goto(live_server.url + "/truong/th-thanh-to/")
    phone.get_by_role("link", name="Mô hình, điển hình “Dân vận khéo”").click()
    phone.get_by_role("link", name="Góc đọc sách cùng cha mẹ").click()
    assert "28 gia đình vào thói quen đọc" in phone.locator("main").inner_text()
