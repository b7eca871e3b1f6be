"""Receiving cases: validation, tracking codes, stored due dates, idempotency, attachments."""

import base64
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gandan.audit.models import AuditEvent
from gandan.petitions import services
from gandan.petitions.models import Case, CaseEvent, CaseKind, Channel
from gandan.petitions.services.intake import (
    TRACKING_ALPHABET,
    new_tracking_code,
    normalise_tracking_code,
)
from gandan.petitions.tests.conftest import RECEIVED, at, submit

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48


def test_feedback_gets_a_code_and_the_answer_date_of_the_law(feedback):
    # then: Luật Tiếp công dân 2013, Điều 28 k1: answer within 10 working days of receipt
    assert len(feedback.tracking_code) == 10
    assert set(feedback.tracking_code) <= set(TRACKING_ALPHABET)
    assert feedback.display_code == f"GD-{feedback.tracking_code[:5]}-{feedback.tracking_code[5:]}"
    assert feedback.next_due == dt.date(2026, 3, 16)  # Mon 02/3 + 10 working days
    assert feedback.next_step.startswith("Trả lời")
    steps = {row.step: row for row in feedback.deadlines.all()}
    assert steps["tra_loi"].due == dt.date(2026, 3, 16)
    assert steps["giai_quyet"].due is None  # counted from acceptance, not yet
    assert steps["giai_quyet"].is_internal_policy
    assert CaseEvent.objects.filter(case=feedback, kind="received").count() == 1


def test_complaint_due_dates_follow_the_rules_in_force_on_receipt(complaint):
    # Luật Khiếu nại 2011, Điều 27: thụ lý within 10 calendar days before 01/7/2026
    steps = {row.step: row for row in complaint.deadlines.all()}
    assert steps["thu_ly"].due == dt.date(2026, 3, 12)
    assert steps["thu_ly"].is_tracked
    assert not steps["thoi_hieu"].is_tracked  # the complainant's own time bar


def test_complaint_received_after_july_2026_gets_seven_working_days(school, deadline_rules):
    # NĐ 155/2026 (unverified row): thụ lý within 07 working days from 01/7/2026
    case = submit(school, CaseKind.COMPLAINT, received_at=at(dt.date(2026, 7, 6)))
    assert case.deadlines.get(step="thu_ly").due == dt.date(2026, 7, 15)


def test_anonymous_denunciation_is_information_without_deadlines(school, deadline_rules):
    # Luật Tố cáo 2018, Điều 25: not processed as a tố cáo
    case = submit(
        school,
        CaseKind.DENUNCIATION,
        anonymous=True,
        consent=False,
        denounced_person="Bảo vệ trường",
    )
    assert case.is_anonymous_information
    assert case.kind_label == "Thông tin tố cáo nặc danh (Điều 25 Luật Tố cáo)"
    assert case.deadlines.count() == 0
    assert case.next_due is None
    assert case.contact_name == ""


def test_anonymous_feedback_is_allowed_and_stores_no_contact(school, deadline_rules):
    case = submit(
        school,
        anonymous=True,
        consent=False,
        sender=services.Sender(name="Ai đó", phone="0900000000"),
    )
    assert case.is_anonymous and case.contact_name == "" and case.contact_phone == ""
    assert not case.consent_given
    assert case.next_due == dt.date(2026, 3, 16)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "  "}, "title"),
        ({"content": ""}, "content"),
        ({"consent": False}, "consent"),
        ({"sender": services.Sender(phone="0987654321")}, "name"),
        ({"sender": services.Sender(name="An")}, "phone"),
        ({"sender": services.Sender(name="An", phone="12ab")}, "phone"),
        ({"sender": services.Sender(name="An", email="khong-hop-le")}, "email"),
        ({"kind": CaseKind.DENUNCIATION}, "denounced_person"),
        ({"kind": CaseKind.INFORMATION_REQUEST}, "id_number"),
        ({"kind": CaseKind.INFORMATION_REQUEST, "anonymous": True}, "anonymous"),
        ({"kind": "khac"}, "kind"),
    ],
)
def test_invalid_submissions_are_refused_with_a_message_and_store_nothing(
    school, deadline_rules, changes, field
):
    # when
    with pytest.raises(ValidationError) as refused:
        submit(school, **changes)
    # then
    assert field in refused.value.message_dict
    assert all(message for message in refused.value.message_dict[field])
    assert Case.objects.count() == 0
    assert not AuditEvent.objects.filter(object_type="petitions.case").exists()


def test_information_request_needs_form_delivery_and_purpose(school, deadline_rules):
    sender = services.Sender(
        name="Ngô Văn Hỏi", address="Hải An", id_number="031088000111", email="hoi@example.com"
    )
    with pytest.raises(ValidationError) as refused:
        submit(school, CaseKind.INFORMATION_REQUEST, sender=sender)
    assert {"information_form", "delivery", "information_purpose"} <= set(
        refused.value.message_dict
    )
    # when complete, an online request follows Luật Tiếp cận thông tin 2016, Điều 30
    case = submit(
        school,
        CaseKind.INFORMATION_REQUEST,
        sender=sender,
        information_form="tep_dien_tu",
        delivery="email",
        information_purpose="Để biết các khoản thu đầu năm",
    )
    assert case.procedure == "dien_tu"
    assert case.deadlines.get(step="cung_cap").due == dt.date(2026, 3, 5)
    assert case.id_number_token and "031088000111" not in case.id_number_token


def test_walk_in_information_request_uses_the_in_person_procedure(school, deadline_rules):
    case = submit(
        school,
        CaseKind.INFORMATION_REQUEST,
        channel=Channel.WALK_IN,
        sender=services.Sender(name="Ngô Văn Hỏi", address="Hải An", id_number="031088000111"),
        information_form="ban_sao",
        delivery="pick_up",
        information_purpose="Xem kế hoạch năm học",
    )
    assert case.procedure == "truc_tiep"


def test_the_same_submission_twice_is_one_case(school, deadline_rules):
    # given: a double click sends the same form token twice
    first = submit(school, idempotency_key="tok-123")
    # when
    second = submit(school, idempotency_key="tok-123")
    # then
    assert second.pk == first.pk
    assert Case.objects.count() == 1
    assert CaseEvent.objects.filter(kind="received").count() == 1


def test_different_tokens_are_different_cases(school, deadline_rules):
    submit(school, idempotency_key="a")
    submit(school, idempotency_key="b")
    assert Case.objects.count() == 2


def test_attachments_are_judged_by_content_not_name(school, deadline_rules):
    # given: an executable renamed to .jpg
    fake = SimpleUploadedFile("anh.jpg", EXE, content_type="image/jpeg")
    with pytest.raises(ValidationError) as refused:
        submit(school, attachments=[fake])
    assert "attachments" in refused.value.message_dict
    assert Case.objects.count() == 0
    # when: a real PNG named .txt
    case = submit(school, attachments=[SimpleUploadedFile("anh.txt", PNG)])
    attachment = case.attachments.get()
    assert attachment.content_type == "image/png"
    assert attachment.original_name == "anh.txt"
    assert not attachment.is_identifying
    assert attachment.file.read() == PNG


def test_attachments_are_limited_in_number_and_size(school, deadline_rules, settings):
    files = [SimpleUploadedFile(f"a{i}.png", PNG) for i in range(6)]
    with pytest.raises(ValidationError) as refused:
        submit(school, attachments=files)
    assert "Đính kèm tối đa 5 tệp." in refused.value.message_dict["attachments"]
    big = SimpleUploadedFile("to.png", PNG + b"\x00" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError) as refused:
        submit(school, attachments=[big])
    assert "quá lớn" in refused.value.message_dict["attachments"][0]


def test_only_a_school_receives_cases(department, deadline_rules):
    # (and the ward, for the complaints against its own decisions: evaluation's appeals)
    with pytest.raises(ValidationError):
        submit(department)


def test_tracking_codes_are_random_and_normalised():
    codes = {new_tracking_code() for _ in range(200)}
    assert len(codes) == 200
    code = next(iter(codes))
    assert normalise_tracking_code(f"gd-{code[:5].lower()} {code[5:]}") == code
    assert normalise_tracking_code(code) == code
    assert normalise_tracking_code("GD-0000O-1111I") == ""
    assert normalise_tracking_code("ngắn") == ""


def test_received_date_is_the_local_date(school, deadline_rules):
    # 23:30 in Hồ Chí Minh city on 02/3 is still the 2nd, whatever UTC says
    case = submit(school, received_at=at(RECEIVED, 23))
    assert case.received_on == RECEIVED
