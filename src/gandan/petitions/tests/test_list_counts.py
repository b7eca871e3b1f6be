"""Counts on the petitions pages agree with the lists they summarise (a badge counts every row,
not the rows shown), the dashboard's figures lead to lists of as many cases, and a title cut
for a list ends between words with "…"."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from gandan.petitions import desk, services
from gandan.petitions.models import CaseKind
from gandan.petitions.tests.conftest import RECEIVED, submit
from gandan.petitions.views import cases as case_views
from gandan.petitions.views import reception

pytestmark = pytest.mark.django_db

ROW = 'data-label="Mã"'
# Django's truncatechars would cut it inside a word at 80, 90 and (twice over) 200 letters.
LONG_TITLE = (
    "Các phụ huynh đề nghị nhà trường xem xét lại việc thu các khoản tiền quỹ lớp, tiền nước "
    "uống, tiền học thêm buổi chiều và tiền đồng phục của học sinh khối bốn năm học này"
)


@pytest.fixture
def three_cases(school, principal, deadline_rules):
    found = []
    for n in range(3):
        case = submit(school, title=f"Phản ánh số {n + 1}", idempotency_key=f"k{n}")
        found.append(services.assign_case(case=case, actor=principal, handler=principal))
    return found


def test_the_desk_badge_counts_all_my_cases_not_the_ones_shown(
    client, principal, three_cases, monkeypatch
):
    # given: the panel shows two
    monkeypatch.setattr(desk, "MY_CASES", 2)
    client.force_login(principal)
    # when
    html = client.get(reverse("desk")).content.decode()
    # then
    panel = html[html.index('id="m-cases"') :]
    panel = panel[: panel.index("</ul>")]  # my cases, not the notices below them
    assert re.search(r'id="m-cases">[^<]*<span class="count">3</span>', html)
    assert panel.count("Phản ánh số") == 2
    assert "Xem tất cả 3 vụ việc (đang hiện 2)" in html


def test_the_case_list_says_how_many_cases_and_how_many_it_shows(
    client, principal, three_cases, monkeypatch
):
    client.force_login(principal)
    # when: all fit
    html = client.get(reverse("petitions:list")).content.decode()
    assert "3 vụ việc." in html and html.count(ROW) == 3
    # when: the page holds two
    monkeypatch.setattr(case_views, "PAGE_SIZE", 2)
    html = client.get(reverse("petitions:list")).content.decode()
    # then
    assert "3 vụ việc; đang hiện 2 vụ việc có hạn gần nhất." in html
    assert html.count(ROW) == 2


def test_the_dashboard_counts_every_overdue_step_and_links_to_lists_of_as_many(
    client, school, principal, deadline_rules, monkeypatch
):
    # given: three feedbacks and a complaint, all past their first due date
    for n in range(3):
        submit(school, title=f"Phản ánh số {n + 1}", idempotency_key=f"k{n}")
    submit(school, CaseKind.COMPLAINT, idempotency_key="kn", denounced_person="Ông A")
    monkeypatch.setattr(reception, "DASHBOARD_ROWS", 1)
    with time_machine.travel(dt.datetime(2026, 6, 1, 2, tzinfo=dt.UTC), tick=False):
        client.force_login(principal)
        # when
        html = client.get(reverse("petitions:dashboard")).content.decode()
        # then: the heading counts every overdue step, the list shows one and says so
        overdue = html[html.index('id="overdue"') :]
        badge = re.search(r'<span class="count">(\d+)</span>', overdue)
        assert badge is not None
        count = int(badge[1])
        assert count >= 4
        assert overdue[: overdue.index("</section>")].count("<li") == 1
        assert "Đang hiện 1 bước quá hạn lâu nhất." in overdue
        # and each figure of the table leads to a list of as many cases
        links = re.findall(r'<a href="(/don-thu/\?tinh-trang=[^"]+)">(\d+)</a>', html)
        assert {(url.replace("&amp;", "&"), n) for url, n in links} >= {
            ("/don-thu/?tinh-trang=mo&loai=phan_anh", "3"),
            ("/don-thu/?tinh-trang=received&loai=phan_anh", "3"),
            ("/don-thu/?tinh-trang=tat-ca&loai=phan_anh", "3"),
            ("/don-thu/?tinh-trang=mo&loai=khieu_nai", "1"),
        }
        for url, n in links:
            listed = client.get(url.replace("&amp;", "&")).content.decode()
            assert listed.count(ROW) == int(n), url


def _cut_at_a_word(shown: str) -> None:
    assert shown.endswith("…") and len(shown) < len(LONG_TITLE)
    kept = shown.removesuffix("…").rstrip()
    assert LONG_TITLE.startswith(kept)
    assert not LONG_TITLE[len(kept)].isalnum(), f"cut inside a word: {shown!r}"


def test_long_titles_are_cut_between_words_in_the_list_and_on_the_desk(
    client, school, principal, deadline_rules
):
    # given: a title longer than both lists show
    assert len(LONG_TITLE) > 90
    case = submit(school, title=LONG_TITLE)
    services.assign_case(case=case, actor=principal, handler=principal)
    client.force_login(principal)
    # when
    listed = client.get(reverse("petitions:list")).content.decode()
    desk_html = client.get(reverse("desk")).content.decode()
    # then
    link = reverse("petitions:detail", args=[case.public_id])
    in_list = re.findall(rf'<a href="{link}">([^<]+)</a>', listed)
    _cut_at_a_word(in_list[-1])
    on_desk = re.search(rf'<a href="{link}">{case.display_code} · ([^<]+)</a>', desk_html)
    assert on_desk is not None
    _cut_at_a_word(on_desk[1])


def test_long_minutes_are_cut_between_words_on_the_case_page(
    client, complaint, principal, deadline_rules
):
    # given: verification minutes of more than 200 letters
    services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    content = " ".join([LONG_TITLE, LONG_TITLE])
    services.record_minutes(
        case=complaint,
        actor=principal,
        kind="verification",
        held_on=RECEIVED,
        participants="Tổ xác minh",
        content=content,
    )
    client.force_login(principal)
    # when
    html = client.get(reverse("petitions:detail", args=[complaint.public_id])).content.decode()
    # then
    shown = re.search(r"<strong>Biên bản, báo cáo xác minh</strong> [\d/]+: ([^<]+) <span", html)
    assert shown is not None
    kept = shown[1].removesuffix("…").rstrip()
    assert shown[1].endswith("…") and content.startswith(kept)
    assert not content[len(kept)].isalnum()
