"""Disclosure use cases: each writes its timeline row and audit event; refusals change nothing."""

import base64
import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gandan.audit.models import AuditEvent
from gandan.democracy.models import (
    Acknowledgement,
    Channel,
    DemocracyEvent,
    DisclosureItem,
    DisclosureObligation,
    EventKind,
    RequestReason,
    RequestStatus,
)
from gandan.democracy.services import disclosures

D = dt.date
NOW = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture
def obligation(db):
    return DisclosureObligation.objects.get(code="noi-bo-noi-quy-quy-che")


@pytest.fixture
def item(school, principal, obligation):
    with time_machine.travel(NOW):
        return disclosures.record_disclosure(
            organisation=school,
            obligation=obligation,
            actor=principal,
            title="Quy chế chi tiêu nội bộ năm 2026",
            body="Nội dung đã công khai để mọi người đọc.",
            decision_reference="12/QĐ-THTT",
            decision_date=D(2026, 11, 16),
        )


def _state():
    return (
        DisclosureItem.objects.count(),
        tuple(
            DisclosureItem.objects.order_by("pk").values_list(
                "published_on", "taken_down_on", "withdrawn", "channels"
            )
        ),
        Acknowledgement.objects.count(),
        DemocracyEvent.objects.count(),
        AuditEvent.objects.count(),
    )


def test_recording_stores_the_due_date_and_writes_events(item, principal):
    # then: Monday 16/11/2026 + 5 working days
    assert item.due_date == D(2026, 11, 23)
    assert item.due_rule == "5 ngày làm việc kể từ 16/11/2026"
    event = DemocracyEvent.objects.get(item=item)
    assert event.kind == EventKind.DISCLOSURE_RECORDED
    assert event.actor == principal
    audit = AuditEvent.objects.latest("sequence")
    assert audit.object_id == str(item.pk)
    assert "hạn công khai 23/11/2026" in audit.summary


def test_staff_item_needs_the_decision_date(school, principal, obligation):
    before = _state()
    with pytest.raises(ValidationError):
        disclosures.record_disclosure(
            organisation=school, obligation=obligation, actor=principal, title="Quy chế"
        )
    assert _state() == before


@time_machine.travel(NOW)
def test_publish_with_a_photo_of_the_notice_board(item, principal, media):
    # when
    photo = SimpleUploadedFile("bang-tin.png", PNG, content_type="image/png")
    published = disclosures.publish_disclosure(
        item=item,
        actor=principal,
        published_on=D(2026, 11, 18),
        channels=[Channel.NOTICE_BOARD, "not-a-channel"],
        proof_photo=photo,
    )
    # then
    published.refresh_from_db()
    assert published.published_on == D(2026, 11, 18)
    assert published.channels == [Channel.NOTICE_BOARD]
    assert published.proof_photo_type == "image/png"
    assert published.proof_photo.read() == PNG
    published_event = DemocracyEvent.objects.get(item=item, kind=EventKind.DISCLOSURE_PUBLISHED)
    assert "Công khai đúng hạn" in published_event.summary


@time_machine.travel(NOW)
@pytest.mark.parametrize(
    ("day", "channels"),
    [
        (D(2026, 11, 21), [Channel.NOTICE_BOARD]),  # in the future (today is 20/11)
        (D(2026, 11, 15), [Channel.NOTICE_BOARD]),  # before the decision
        (D(2026, 11, 18), []),  # no channel
    ],
)
def test_publish_refusals_change_nothing(item, principal, day, channels):
    before = _state()
    with pytest.raises(ValidationError):
        disclosures.publish_disclosure(
            item=item, actor=principal, published_on=day, channels=channels
        )
    assert _state() == before


@time_machine.travel(NOW)
def test_an_executable_is_refused_as_proof(item, principal, media):
    before = _state()
    fake = SimpleUploadedFile("anh.png", b"MZ\x90\x00" + b"\x00" * 60)
    with pytest.raises(ValidationError):
        disclosures.publish_disclosure(
            item=item,
            actor=principal,
            published_on=D(2026, 11, 18),
            channels=[Channel.NOTICE_BOARD],
            proof_photo=fake,
        )
    assert _state() == before


@time_machine.travel(dt.datetime(2026, 12, 20, 9, tzinfo=dt.UTC))
def test_taking_down_too_early_is_recorded_in_the_timeline(item, principal):
    # given
    disclosures.publish_disclosure(
        item=item, actor=principal, published_on=D(2026, 11, 18), channels=[Channel.NOTICE_BOARD]
    )
    # when: down on 1/12, where the notice had to stay through 8/12
    disclosures.take_down_disclosure(item=item, actor=principal, taken_down_on=D(2026, 12, 1))
    # then
    summary = DemocracyEvent.objects.get(item=item, kind=EventKind.DISCLOSURE_TAKEN_DOWN).summary
    assert "trước thời hạn niêm yết (đến hết 08/12/2026)" in summary


def test_cannot_take_down_what_was_never_published(item, principal):
    before = _state()
    with pytest.raises(ValidationError):
        disclosures.take_down_disclosure(item=item, actor=principal, taken_down_on=D(2026, 11, 20))
    assert _state() == before


@time_machine.travel(NOW)
def test_acknowledgement_once_per_person(item, principal, teacher):
    # given
    item = disclosures.publish_disclosure(
        item=item, actor=principal, published_on=D(2026, 11, 18), channels=[Channel.INTRANET]
    )
    # when: twice
    first = disclosures.acknowledge_disclosure(item=item, user=teacher)
    second = disclosures.acknowledge_disclosure(item=item, user=teacher)
    # then
    assert first.pk == second.pk
    assert Acknowledgement.objects.filter(item=item).count() == 1
    assert DemocracyEvent.objects.filter(item=item, kind=EventKind.ACKNOWLEDGED).count() == 1


def test_unpublished_item_cannot_be_acknowledged(item, teacher):
    before = _state()
    with pytest.raises(ValidationError):
        disclosures.acknowledge_disclosure(item=item, user=teacher)
    assert _state() == before


def test_withdrawal_keeps_the_item_with_its_reason(item, principal):
    disclosures.withdraw_disclosure(item=item, actor=principal, reason="Ghi nhầm văn bản.")
    item.refresh_from_db()
    assert item.withdrawn and item.withdrawn_reason == "Ghi nhầm văn bản."
    with pytest.raises(ValidationError):
        disclosures.withdraw_disclosure(item=item, actor=principal, reason="Lần nữa.")


def test_information_request_is_tracked_until_answered(school, teacher, principal, obligation):
    # when: Luật 10/2022/QH15, Điều 48 k4
    request = disclosures.request_information(
        organisation=school,
        requester=teacher,
        reason=RequestReason.NOT_DISCLOSED,
        text="Đề nghị cung cấp dự toán ngân sách năm 2026.",
        obligation=obligation,
    )
    assert request.status == RequestStatus.OPEN
    answered = disclosures.answer_information_request(
        request=request, actor=principal, answer="Đã niêm yết bổ sung ngày 25/11."
    )
    # then
    assert answered.status == RequestStatus.ANSWERED
    assert answered.answered_by == principal
    kinds = list(DemocracyEvent.objects.filter(request=request).values_list("kind", flat=True))
    assert sorted(kinds) == [EventKind.REQUEST_ANSWERED, EventKind.REQUEST_SUBMITTED]
    with pytest.raises(ValidationError):
        disclosures.answer_information_request(request=request, actor=principal, answer="Lại.")


def test_information_request_needs_a_reason_of_article_48(school, teacher):
    with pytest.raises(ValidationError):
        disclosures.request_information(
            organisation=school, requester=teacher, reason="other", text="Xin thông tin."
        )
