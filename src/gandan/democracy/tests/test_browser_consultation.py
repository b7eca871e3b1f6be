"""A consultation in real browsers: the head puts a draft to staff, a teacher comments on one
paragraph from her phone, the head closes, answers with the reason and publishes, and the
teacher then reads the reasoned answer next to her comment."""

import datetime as dt
import importlib

import pytest
from django.apps import apps

from gandan.democracy.models import Comment, Consultation, Decision, DisclosureObligation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
TITLE = "Quy chế chi tiêu nội bộ năm 2027"
DRAFT = "\n".join(
    [
        "Điều 1. Phạm vi điều chỉnh.",
        "Điều 2. Công tác phí: 150.000 đồng/ngày.",
        "Điều 3. Hỗ trợ giáo viên dạy buổi chiều: 50.000 đồng/tiết.",
    ]
)
COMMENT = "Đề nghị nâng mức hỗ trợ lên 60.000 đồng/tiết như các trường bạn."
REASON = "Nâng lên 55.000 đồng/tiết từ học kỳ II, phù hợp với nguồn thu của trường."


@pytest.fixture
def obligations(transactional_db):
    """The disclosure register the summary is recorded in (a transactional test flushed it)."""
    if not DisclosureObligation.objects.exists():
        module = "gandan.democracy.migrations.0002_seed_disclosure_obligations"
        importlib.import_module(module).seed(apps, None)


def _log_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/ban-lam-viec/")


def test_teacher_comments_on_a_paragraph_and_later_reads_the_heads_reasoned_answer(
    live_server, chromium, desktop_page, principal, teacher, union_officer, obligations, media
):
    head = desktop_page
    # given: the head puts the draft to staff for a week
    _log_in(head, live_server.url, "hieutruong")
    head.goto(live_server.url + "/dan-chu/lay-y-kien/")
    head.get_by_role("link", name="Lấy ý kiến dự thảo mới").click()
    head.get_by_label("Tên dự thảo").fill(TITLE)
    head.get_by_label("Nội dung lấy ý kiến (Điều 53)").select_option(
        label="Dự thảo quy chế chi tiêu nội bộ"
    )
    head.get_by_label("Hạn góp ý (hết ngày)").fill(
        (dt.date.today() + dt.timedelta(days=7)).isoformat()
    )
    head.get_by_label("Nội dung dự thảo").fill(DRAFT)
    head.get_by_role("button", name="Mở lấy ý kiến").click()
    head.wait_for_selector("#cac-doan")
    consultation = Consultation.objects.get(title=TITLE)
    url = f"{live_server.url}/dan-chu/lay-y-kien/{consultation.public_id}/"

    # when: the teacher, on her phone, finds the draft on her desk and comments on paragraph 3
    context = chromium.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    phone = context.new_page()
    _log_in(phone, live_server.url, "giaovien")
    assert TITLE in phone.locator("#du-thao-cho-gop-y").inner_text()
    phone.get_by_role("link", name=TITLE).click()
    paragraph = phone.locator("#doan-3")
    paragraph.get_by_text("Góp ý đoạn 3").click()
    paragraph.get_by_label("Ý kiến của bạn").fill(COMMENT)
    paragraph.get_by_role("button", name="Gửi góp ý").click()
    phone.wait_for_url("**#y-kien-*")
    # then: her comment sits under the paragraph, with no answer yet
    assert COMMENT in phone.locator("#doan-3").inner_text()
    assert "Cảm ơn bạn" in phone.locator(".messages").inner_text()
    comment = Comment.objects.get()
    assert comment.paragraph is not None
    assert (comment.author, comment.paragraph.order) == (teacher, 3)

    # when: the head closes the consultation, answers with the reason and publishes
    head.goto(url)
    head.get_by_role("button", name="Kết thúc lấy ý kiến").click()
    answer = head.locator(f"#y-kien-{comment.public_id}")
    answer.get_by_label("Tiếp thu một phần", exact=True).check()
    answer.get_by_label("Lý do, nội dung giải trình").fill(REASON)
    answer.get_by_role("button", name="Ghi tiếp thu, giải trình").click()
    head.wait_for_url("**#y-kien-*")
    # not yet for the teacher: answers are made known when published
    phone.goto(url)
    assert REASON not in phone.inner_text("main")
    head.get_by_role("button", name="Ban hành và công khai kết quả").click()
    head.wait_for_selector("#ket-qua-tiep-thu")

    # then: the teacher reads the reasoned answer next to her comment
    phone.goto(url)
    mine = phone.locator(f"#y-kien-{comment.public_id}").inner_text()
    assert COMMENT in mine and "Tiếp thu một phần" in mine and REASON in mine
    assert "Đã công khai kết quả tiếp thu, giải trình." in phone.inner_text("main")
    comment.refresh_from_db()
    assert comment.decision == Decision.PARTLY
    consultation.refresh_from_db()
    assert consultation.summary_document is not None
    assert consultation.summary_document.number_symbol.endswith("/BC-THTT")
    assert consultation.disclosure is not None
    assert consultation.disclosure.published_on is not None
    context.close()
