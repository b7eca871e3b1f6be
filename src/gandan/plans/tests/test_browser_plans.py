"""The plan journey in a real browser: the head imports and assigns, a teacher reports."""

import base64
from pathlib import Path

import pytest

from gandan.plans.models import Assignment, Evidence, Plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ke-hoach-dan-van-2022-thanh-to.txt"
# A 1×1 PNG: the evidence photo.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _log_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/ban-lam-viec/")


def test_head_imports_assigns_and_teacher_reports(
    live_server, principal, teacher, desktop_page, phone_page, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    page = desktop_page
    # given: the head imports the seed plan
    _log_in(page, live_server.url, "hieutruong")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Kế hoạch"
    ).click()
    page.get_by_role("link", name="Nhập kế hoạch từ tệp").click()
    page.get_by_label("Tệp kế hoạch (.docx hoặc .txt)").set_input_files(str(SEED))
    page.get_by_role("button", name="Đọc tệp và xem trước").click()
    # when: the preview shows what was found, and the head corrects it before saving
    assert "Thông tư 36/2017/TT-BGDĐT đã được thay thế" in page.inner_text("main")
    page.get_by_label("Trích yếu (tên kế hoạch)").fill(
        "Thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở năm học 2026–2027"
    )
    page.locator("#id_task_4_lead").fill("Ban giám hiệu, Công đoàn trường")
    page.get_by_role("button", name="Lưu kế hoạch").click()
    page.wait_for_url("**/ke-hoach/*/")
    plan = Plan.objects.get()
    assert plan.title.endswith("năm học 2026–2027")
    assert plan.tasks.get(number="5").lead == "Ban giám hiệu, Công đoàn trường"
    # and assigns task 2 to the teacher, due in 5 working days
    task_two = f"#task-{plan.tasks.get(number='2').pk}"
    page.locator(task_two).get_by_role("link", name="Giao nhiệm vụ").click()
    page.get_by_label("Giao cho người").select_option(label="Lê Thị Hồng Nhung")
    page.get_by_label("hoặc số ngày làm việc kể từ hôm nay").fill("5")
    page.get_by_role("button", name="Giao nhiệm vụ").click()
    page.wait_for_url(f"**/ke-hoach/{plan.public_id}/{task_two}")
    assert Assignment.objects.get().assignee == teacher

    # when: the teacher, on a phone, reports progress with a photo
    _log_in(phone_page, live_server.url, "giaovien")
    phone_page.get_by_role("link", name="Đẩy mạnh công tác tuyên truyền", exact=False).click()
    phone_page.get_by_label("Tình trạng").select_option(label="Đã hoàn thành")
    phone_page.get_by_label("Tiến độ (%)").fill("100")
    phone_page.get_by_label("Đã làm được gì").fill("Đã đăng bản tin tuyên truyền lên bảng tin.")
    photo = tmp_path / "bang-tin.png"
    photo.write_bytes(PNG)
    phone_page.locator("input[type=file]").set_input_files(str(photo))
    phone_page.get_by_role("button", name="Gửi báo cáo").click()
    # the teacher lands at the task reported on, not at the top of the long plan page
    phone_page.wait_for_url(f"**/ke-hoach/{plan.public_id}/{task_two}")
    assert phone_page.locator(task_two).is_visible()
    assert phone_page.evaluate("window.scrollY") > 0

    # then: the head sees the report and its evidence on the plan page
    page.reload()
    task = page.locator(task_two)
    assert "Đã đăng bản tin tuyên truyền lên bảng tin." in task.inner_text()
    assert "Đã hoàn thành · 100%" in task.inner_text()
    assert Evidence.objects.get().original_name == "bang-tin.png"
    with page.expect_download() as download:
        task.get_by_role("link", name="bang-tin.png").click()
    assert Path(download.value.path()).read_bytes() == PNG
