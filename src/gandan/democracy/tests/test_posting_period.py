"""How long a staff disclosure stays up (Luật 10/2022/QH15, Điều 47 k2, Điều 48 k2).

Where the unit has an internal information system, the item is kept on it for at least 20
consecutive days; the exemption for a written notice to all staff applies only to a unit that
has none. Gần Dân is the school's internal system: the 20 days always apply. The rule texts
the register stores are Vietnamese whatever the screen language (ADR 1)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gandan.core.stored_language import english_fragments
from gandan.democracy import deadlines
from gandan.democracy.deadlines import Status
from gandan.democracy.models import Channel, DisclosureItem, DisclosureObligation
from gandan.democracy.services import disclosures

D = dt.date


@pytest.fixture
def obligation(db) -> DisclosureObligation:
    return DisclosureObligation.objects.get(code="noi-bo-ke-hoach-cong-tac")


def _published(obligation, school, principal, channels) -> DisclosureItem:
    with time_machine.travel(dt.datetime(2026, 11, 2, 3, tzinfo=dt.UTC)):
        item = disclosures.record_disclosure(
            organisation=school,
            obligation=obligation,
            actor=principal,
            title="Kế hoạch công tác tháng 11",
            body="Kế hoạch công tác tháng 11 của nhà trường.",
            decision_date=D(2026, 10, 30),
        )
        return disclosures.publish_disclosure(
            item=item, actor=principal, published_on=D(2026, 11, 2), channels=channels
        )


@pytest.mark.parametrize(
    "channels",
    [
        [Channel.WRITTEN_NOTICE, Channel.NOTICE_BOARD],
        [Channel.WRITTEN_NOTICE, Channel.INTRANET],
        [Channel.WRITTEN_NOTICE],
    ],
)
def test_a_written_notice_does_not_shorten_the_twenty_days(obligation, school, principal, channels):
    # given: also notified in writing to all staff
    item = _published(obligation, school, principal, channels)
    # when: taken down the next day
    item.taken_down_on = D(2026, 11, 3)
    found = deadlines.item_compliance(item, D(2026, 12, 31))
    # then: still up for 20 days, through 22/11
    assert deadlines.posting_required(item)
    assert found.posting_ends == D(2026, 11, 22)
    assert found.status == Status.TAKEN_DOWN_EARLY


def test_kept_up_twenty_days_with_a_written_notice_is_on_time(obligation, school, principal):
    item = _published(obligation, school, principal, [Channel.WRITTEN_NOTICE, Channel.INTRANET])
    item.taken_down_on = D(2026, 11, 23)
    found = deadlines.item_compliance(item, D(2026, 12, 31))
    assert (found.status, found.taken_down_early) == (Status.ON_TIME, False)


def test_the_item_page_asks_for_twenty_days_after_a_written_notice(
    client, obligation, school, principal
):
    item = _published(obligation, school, principal, [Channel.WRITTEN_NOTICE])
    client.force_login(principal)
    with time_machine.travel(dt.datetime(2026, 11, 5, 3, tzinfo=dt.UTC)):
        page = client.get(reverse("democracy:item", args=[item.public_id])).content.decode()
    assert "Phải niêm yết đến hết ngày 22/11/2026 (ít nhất 20 ngày liên tục)" in page


def test_the_register_no_longer_offers_the_written_notice_exemption(client, school, principal):
    client.force_login(principal)
    page = client.get(reverse("democracy:register")).content.decode()
    assert "trừ khi đã thông báo bằng văn bản" not in page
    assert "kể cả khi đã thông báo bằng văn bản đến toàn thể cán bộ" in page


def _english(text: str) -> list[str]:
    return [fragment for fragment in english_fragments() if fragment in text]


def test_the_rule_texts_are_vietnamese_on_an_english_screen(obligation, english_screen):
    # when: counted while the screen is in English
    _due, staff_rule = deadlines.due_date(
        obligation, decision_date=D(2026, 11, 2), year=None, is_update=False
    )
    _due, conference_rule = deadlines.conference_due_by(D(2026, 6, 30))
    _due, check_rule = deadlines.resolution_check_due(D(2026, 10, 12), 1)
    # then
    assert staff_rule == "5 ngày làm việc kể từ 02/11/2026"
    assert conference_rule.startswith("3 tháng kể từ ngày kết thúc năm công tác 30/06/2026")
    assert check_rule == "6 tháng kể từ ngày hội nghị 12/10/2026"
    for text in (staff_rule, conference_rule, check_rule):
        assert _english(text) == []


def test_the_stored_due_rule_is_vietnamese_on_an_english_screen(
    obligation, school, principal, english_screen
):
    with time_machine.travel(dt.datetime(2026, 11, 2, 3, tzinfo=dt.UTC)):
        item = disclosures.record_disclosure(
            organisation=school,
            obligation=obligation,
            actor=principal,
            title="Kế hoạch công tác tháng 11",
            decision_date=D(2026, 11, 2),
        )
    assert DisclosureItem.objects.get(pk=item.pk).due_rule == "5 ngày làm việc kể từ 02/11/2026"
