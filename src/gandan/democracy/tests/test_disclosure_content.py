"""A disclosure marked published must have something to read: a text or a document. An item
recorded empty takes its text or file when it is published; with neither it is refused and
nothing changes. The demo's public disclosures each carry their own content."""

import base64
import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gandan.audit.models import AuditEvent
from gandan.democracy.models import (
    Audience,
    Channel,
    DemocracyEvent,
    DisclosureItem,
    DisclosureObligation,
)
from gandan.democracy.services import disclosures

D = dt.date
NOW = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def empty_item(school, principal):
    """Recorded from the decision alone: no text, no file yet."""
    return disclosures.record_disclosure(
        organisation=school,
        obligation=DisclosureObligation.objects.get(code="noi-bo-noi-quy-quy-che"),
        actor=principal,
        title="Quy chế chi tiêu nội bộ năm 2026",
        decision_reference="12/QĐ-THTT",
        decision_date=D(2026, 11, 16),
    )


def _state():
    return (
        tuple(
            DisclosureItem.objects.order_by("pk").values_list(
                "published_on", "channels", "body", "document"
            )
        ),
        DemocracyEvent.objects.count(),
        AuditEvent.objects.count(),
    )


def test_publishing_an_item_with_nothing_to_read_is_refused(empty_item, principal):
    # given
    before = _state()
    # when
    with pytest.raises(ValidationError) as refused:
        disclosures.publish_disclosure(
            item=empty_item,
            actor=principal,
            published_on=D(2026, 11, 18),
            channels=[Channel.NOTICE_BOARD],
            body="   ",
        )
    # then: a Vietnamese reason on the content, and nothing changed
    assert "Chưa có gì để công khai" in refused.value.message_dict["body"][0]
    assert _state() == before
    assert DisclosureItem.objects.get(pk=empty_item.pk).published_on is None


def test_the_text_given_when_publishing_fills_an_empty_item(empty_item, principal):
    # when
    item = disclosures.publish_disclosure(
        item=empty_item,
        actor=principal,
        published_on=D(2026, 11, 18),
        channels=[Channel.NOTICE_BOARD],
        body="  Điều 1. Mức chi hỗ trợ dạy buổi chiều: 30.000 đồng/tiết.  ",
    )
    # then
    stored = DisclosureItem.objects.get(pk=item.pk)
    assert stored.published_on == D(2026, 11, 18)
    assert stored.body == "Điều 1. Mức chi hỗ trợ dạy buổi chiều: 30.000 đồng/tiết."


def test_a_document_alone_is_enough_and_an_existing_text_is_kept(
    school, principal, empty_item, media
):
    # given: an item with its own text
    with_text = disclosures.record_disclosure(
        organisation=school,
        obligation=DisclosureObligation.objects.get(code="noi-bo-noi-quy-quy-che"),
        actor=principal,
        title="Nội quy cơ quan năm 2026",
        body="Giờ làm việc: sáng 7 giờ 15, chiều 13 giờ 45.",
        decision_date=D(2026, 11, 16),
    )
    # when: the empty one gets a file; the other is sent a different text
    disclosures.publish_disclosure(
        item=empty_item,
        actor=principal,
        published_on=D(2026, 11, 18),
        channels=[Channel.NOTICE_BOARD],
        document=SimpleUploadedFile("quy-che.png", PNG, content_type="image/png"),
    )
    disclosures.publish_disclosure(
        item=with_text,
        actor=principal,
        published_on=D(2026, 11, 18),
        channels=[Channel.NOTICE_BOARD],
        body="Văn bản khác",
    )
    # then
    filed = DisclosureItem.objects.get(pk=empty_item.pk)
    assert filed.published_on == D(2026, 11, 18)
    assert filed.document and filed.document_name == "quy-che.png"
    assert DisclosureItem.objects.get(pk=with_text.pk).body == (
        "Giờ làm việc: sáng 7 giờ 15, chiều 13 giờ 45."
    )


def test_the_page_asks_for_the_content_and_refuses_without_it(client, empty_item, principal):
    # given
    client.force_login(principal)
    page = client.get(reverse("democracy:item", args=[empty_item.public_id]))
    assert 'name="body"' in page.content.decode()
    before = _state()
    url = reverse("democracy:publish", args=[empty_item.public_id])
    form = {"published_on": "2026-11-18", "channels": [Channel.NOTICE_BOARD]}
    # when: sent with no content
    refused = client.post(url, form, follow=True)
    # then
    assert "Chưa có gì để công khai" in refused.content.decode()
    assert _state() == before
    # when: sent with the text
    client.post(url, {**form, "body": "Điều 1. Phạm vi áp dụng."})
    # then
    stored = DisclosureItem.objects.get(pk=empty_item.pk)
    assert stored.published_on == D(2026, 11, 18)
    assert stored.body == "Điều 1. Phạm vi áp dụng."


def test_the_demo_public_disclosures_each_have_their_own_content(db, settings, tmp_path):
    # given
    from gandan.democracy import demo
    from gandan.orgs import demo as orgs_demo

    settings.MEDIA_ROOT = tmp_path / "files"
    school = orgs_demo.build()
    # when
    demo.build(school)
    # then: every public obligation in force has a published item with real text
    obligations = DisclosureObligation.objects.in_force(D(2026, 11, 20)).filter(
        audience=Audience.PUBLIC
    )
    items = DisclosureItem.objects.filter(
        organisation=school, obligation__audience=Audience.PUBLIC
    ).published()
    assert items.count() == obligations.count() == 13
    bodies = [item.body for item in items]
    assert len(set(bodies)) == 13
    for item in items.select_related("obligation"):
        assert item.has_content
        assert item.body not in {item.obligation.title, item.obligation.description}
        assert len(item.body) > 200
