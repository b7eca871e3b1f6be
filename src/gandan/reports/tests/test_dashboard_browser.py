"""The ward officer on a phone (390 px): the dashboard's table scrolls sideways with the unit's
name kept in view, the drill-down into Thành Tô reads on the phone, the .xlsx downloads, and the
6-month report Thành Tô submitted shows as received on time (Đằng Hải's, submitted after the due
date, as late)."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from gandan.reports import exports, services
from gandan.reports.models import ReportKind, UnitReport
from gandan.reports.refresh import refresh_indicators
from gandan.reports.tests.indicators_data import three_cases

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, base_url: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(base_url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/ban-lam-viec/")


def _six_month_reports(ward, school, other_school, principal, other_principal, officer) -> None:
    """The ward's request of 15/6/2026 due 16/6; Thành Tô submits on 16/6, Đằng Hải on 18/6."""
    request = services.request_report(
        authority=ward,
        actor=officer,
        kind=ReportKind.SIX_MONTHS,
        year=2026,
        due_on=dt.date(2026, 6, 16),
        on=dt.date(2026, 6, 15),
    )
    for unit, head, sent in (
        (school, principal, dt.date(2026, 6, 16)),
        (other_school, other_principal, dt.date(2026, 6, 18)),
    ):
        report = UnitReport.objects.get(request=request, organisation=unit)
        services.draft_report(report=report, actor=head, on=dt.date(2026, 6, 15))
        services.issue_report(report=report, actor=head, on=sent)
        services.submit_report(report=report, actor=head, on=sent)


def test_the_ward_officer_reads_the_dashboard_on_a_phone(
    live_server,
    phone_page,
    ward,
    school,
    other_school,
    principal,
    other_school_principal,
    authority_officer,
):
    # given: Thành Tô's cases of March 2026, the 6-month reports, the tables refreshed
    three_cases(school, principal)
    _six_month_reports(
        ward, school, other_school, principal, other_school_principal, authority_officer
    )
    refresh_indicators()
    phone = phone_page
    _log_in(phone, live_server.url, "canbophuong")
    # when: the officer opens the dashboard for the year 2026
    phone.goto(live_server.url + "/bao-cao/?ky=nam-2026")
    # then: the page fits the phone; the table scrolls inside its frame
    assert phone.viewport_size["width"] == 390
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    frame = phone.locator(".indicator-wrap")
    assert frame.evaluate("el => el.scrollWidth > el.clientWidth")
    name = phone.locator("tbody th", has_text="Trường Tiểu học Thành Tô")
    left_before = name.bounding_box()["x"]
    frame.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    phone.wait_for_timeout(100)
    # the unit's name stays where it was while the figures scroll under it
    assert abs(name.bounding_box()["x"] - left_before) < 2
    assert name.is_visible()
    row = phone.locator("tbody tr", has_text="Trường Tiểu học Thành Tô")
    assert row.locator("td").first.inner_text() == "4"
    # when: she drills into Thành Tô
    name.get_by_role("link").click()
    phone.wait_for_url("**/bao-cao/don-vi/th-thanh-to/**")
    main = phone.inner_text("main")
    assert "Đơn thư của đơn vị" in main and "Khiếu nại" in main
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    # and downloads the table
    phone.go_back()
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Tải bảng (.xlsx)").click()
    with open(download.value.path(), "rb") as handle:  # a temporary name without ".xlsx"
        sheet = load_workbook(handle).worksheets[0]
    names = [row[0] for row in sheet.iter_rows(min_row=exports.HEADER_ROW + 1, values_only=True)]
    assert names[:-1] == ["Trường Tiểu học Đằng Hải", "Trường Tiểu học Thành Tô"]
    # and, from the menu, finds the 6-month report of Thành Tô received on time, Đằng Hải's late
    phone.goto(live_server.url + "/bao-cao/yeu-cau/")
    phone.get_by_role("link", name=services.default_title(ReportKind.SIX_MONTHS, 2026)).click()
    received = phone.locator("tbody tr", has_text="Trường Tiểu học Thành Tô")
    assert "Đúng hạn" in received.inner_text()
    assert "Quá hạn" in phone.locator("tbody tr", has_text="Trường Tiểu học Đằng Hải").inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    # the register of incoming documents holds it with its arrival number
    phone.goto(live_server.url + "/bao-cao/van-ban-den/")
    register = phone.locator("tbody tr", has_text="Trường Tiểu học Thành Tô")
    assert "Đúng hạn" in register.inner_text()
