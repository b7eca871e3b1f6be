"""The plan page on a phone (390 px) and a desktop: nothing is wider than the screen, the
report button and the evidence link can be seen and tapped, the withdraw form stays folded."""

import datetime as dt
import os
from pathlib import Path

import pytest

from gandan.plans import services
from gandan.plans.models import Plan
from gandan.plans.tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Long names as people give them: a file name with no spaces, a long full task heading.
EVIDENCE_NAME = "bien-ban-hop-chi-bo-trien-khai-ke-hoach-dan-van-thang-9-2026-ban-chinh-thuc.pdf"
# Screenshots for a person to look at (GANDAN_SCREENSHOTS=/some/folder); none by default.
SHOTS = os.environ.get("GANDAN_SCREENSHOTS")


def _log_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/ban-lam-viec/")


def _shot(page, name: str, part=None) -> None:
    """The whole page, and the part to look at closely (a task), as PNGs in SHOTS."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)
        if part is not None:
            part.screenshot(path=str(Path(SHOTS) / f"{name}-part.png"))


def _inside_screen(page, locator) -> bool:
    """The element is shown and its whole box lies within the screen's width (not clipped by
    an overflowing table, not pushed off to the right)."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    width = page.evaluate("document.documentElement.clientWidth")
    return (
        locator.is_visible()
        and box is not None
        and box["x"] >= 0
        and box["x"] + box["width"] <= width
    )


@pytest.fixture
def reported_plan(school, principal, teacher, inspector, tmp_path, settings) -> Plan:
    """The seed plan issued; task 2 given to the teacher (who reported with a PDF) and to the
    inspector (who has not reported)."""
    settings.MEDIA_ROOT = tmp_path
    plan = factories.issue_seed(school, principal, issued_on=dt.date(2026, 9, 1))
    task = plan.tasks.get(number="2")
    mine = services.assign_task(
        task=task, actor=principal, assignee=teacher, due_date=dt.date(2030, 6, 3)
    )
    services.assign_task(
        task=task, actor=principal, assignee=inspector, due_date=dt.date(2030, 6, 3)
    )
    services.report_progress(
        assignment=mine,
        author=teacher,
        expected_version=mine.version,
        status="in_progress",
        percent=40,
        text="Đã họp chi bộ triển khai kế hoạch và phân công viết bản tin tuyên truyền tháng 9.",
        files=[factories.pdf(EVIDENCE_NAME)],
    )
    return plan


def test_plan_page_fits_a_phone_with_the_report_button_and_evidence_in_view(
    live_server, reported_plan, phone_page
):
    # given: the teacher on a 390 px phone
    page = phone_page
    _log_in(page, live_server.url, "giaovien")
    # when
    page.goto(f"{live_server.url}/ke-hoach/{reported_plan.public_id}/")
    # then: nothing is wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    task = page.locator(f"#task-{reported_plan.tasks.get(number='2').pk}")
    report = task.get_by_role("link", name="Báo cáo tiến độ")
    assert report.count() == 1  # her own assignment only, not the inspector's
    assert _inside_screen(page, report)
    # a button a thumb can hit (44 px, WCAG 2.5.5), on one line
    box = report.bounding_box()
    assert box is not None and 44 <= box["height"] < 60
    # the file name reads across the card, not in a column a few letters wide
    evidence = task.get_by_role("link", name=EVIDENCE_NAME)
    assert _inside_screen(page, evidence)
    box = evidence.bounding_box()
    assert box is not None and box["width"] >= 0.6 * 390
    _shot(page, "phone-plan-teacher", task)


def test_plan_page_for_the_head_on_phone_and_desktop(
    live_server, reported_plan, phone_page, desktop_page
):
    # given: the head, who may withdraw the issued plan
    for name, page, width in (("phone", phone_page, 390), ("desktop", desktop_page, 1280)):
        _log_in(page, live_server.url, "hieutruong")
        # when
        page.goto(f"{live_server.url}/ke-hoach/{reported_plan.public_id}/")
        # then: the withdraw form is folded until asked for
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        withdraw = page.locator("details.withdraw")
        assert not page.get_by_label("Lý do thu hồi").is_visible()
        withdraw.locator("summary").click()
        assert page.get_by_label("Lý do thu hồi").is_visible()
        task = page.locator(f"#task-{reported_plan.tasks.get(number='2').pk}")
        assert task.get_by_role("link", name="Báo cáo tiến độ").count() == 2
        assert _inside_screen(page, task.get_by_role("link", name=EVIDENCE_NAME))
        _shot(page, f"{name}-plan-head", task)
        withdraw.locator("summary").click()
        _shot(page, f"{name}-plan-head-folded", page.locator("main"))


def test_a_due_date_on_a_saturday_is_moved_to_the_next_working_day_in_one_click(
    live_server, reported_plan, inspector, phone_page
):
    # given: the head on a phone gives task 4 to the inspector, due on the next Saturday
    from django.utils import timezone

    from gandan.worktime import days

    today = timezone.localdate()
    saturday = today + dt.timedelta(days=(5 - today.weekday()) % 7 or 7)
    monday = days.next_working_day(saturday)
    page = phone_page
    _log_in(page, live_server.url, "hieutruong")
    task = reported_plan.tasks.get(number="4")
    page.goto(f"{live_server.url}/ke-hoach/{reported_plan.public_id}/")
    page.locator(f"#task-{task.pk}").get_by_role("link", name="Giao nhiệm vụ").click()
    page.get_by_label("Giao cho người").select_option(label=inspector.full_name)
    page.get_by_label("Hạn hoàn thành").fill(saturday.isoformat())
    page.get_by_label("Ghi chú").fill("Nộp bản tổng hợp cho văn thư.")
    page.get_by_role("button", name="Giao nhiệm vụ").click()
    # then: the question, with what she typed kept
    question = f"Ngày {saturday.day}/{saturday.month}/{saturday.year} là thứ Bảy"
    assert question in page.inner_text("main")
    assert page.get_by_label("Ghi chú").input_value() == "Nộp bản tổng hợp cho văn thư."
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _shot(page, "phone-assign-day-off", page.locator("main"))
    # when: one click on the next working day
    page.get_by_role(
        "button", name=f"Giao với hạn {monday.day}/{monday.month}/{monday.year}"
    ).click()
    # then: back at the task, given with Monday's date
    page.wait_for_url(f"**/ke-hoach/{reported_plan.public_id}/#task-{task.pk}")
    assignment = task.assignments.get()
    assert (assignment.assignee, assignment.due_date) == (inspector, monday)
