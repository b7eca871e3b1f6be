"""Registering a model at the start of the year, reporting on it with evidence, submitting it."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gandan.emulation.models import EmulationEvent, Evidence, Registration, Update
from gandan.emulation.services import registrations
from gandan.emulation.tests.conftest import PNG, advance_to, photo, register


def _state() -> tuple:
    return (
        tuple(Registration.objects.order_by("pk").values_list("status", "title")),
        Update.objects.count(),
        Evidence.objects.count(),
        EmulationEvent.objects.count(),
    )


def test_teacher_registers_a_model_for_herself(campaign, teacher):
    # when
    registration = register(campaign, teacher)
    # then
    assert registration.status == "registered"
    assert registration.criterion_kind == "individual"
    assert registration.registrant_label == "Lê Thị Hồng Nhung"
    event = EmulationEvent.objects.get(registration=registration)
    assert event.summary == (
        "Lê Thị Hồng Nhung đăng ký mô hình “Zalo “Phụ huynh đồng hành”” (Lê Thị Hồng Nhung)"
    )


def test_registering_for_her_subject_group_uses_the_collective_criteria(
    campaign, teacher, subject_group
):
    registration = register(campaign, teacher, unit=subject_group)
    assert registration.criterion_kind == "collective"
    assert registration.registrant_label == "Tổ chuyên môn khối 1"


def test_a_unit_one_does_not_belong_to_is_refused(campaign, union_officer, subject_group):
    before = _state()
    with pytest.raises(ValidationError):
        register(campaign, union_officer, unit=subject_group)
    assert _state() == before


def test_registration_closes_after_the_start_of_the_year(campaign, principal, teacher):
    # LAW.md §9: models are registered at the start of the year.
    advance_to(campaign, principal, "implementation")
    before = _state()
    with pytest.raises(ValidationError, match="hết thời gian nhận đăng ký"):
        register(campaign, teacher)
    assert _state() == before


def test_outsiders_and_empty_forms_are_refused(campaign, outsider, teacher):
    before = _state()
    with pytest.raises(ValidationError):
        register(campaign, outsider)
    with pytest.raises(ValidationError) as error:
        registrations.register(
            campaign=campaign,
            registrant=teacher,
            kind="model",
            title="Mô hình",
            field="economy",
            problem="",
            goals=" ",
            mobilisation="Có",
            expected_results="Có",
        )
    assert set(error.value.message_dict) == {"problem", "goals"}
    assert _state() == before


def test_an_update_with_a_photo_starts_the_model(campaign, teacher, media):
    # given
    registration = register(campaign, teacher)
    # when
    update = registrations.add_update(
        registration=registration,
        author=teacher,
        text="Họp phụ huynh đầu năm, 30 gia đình tham gia.",
        files=[photo()],
    )
    # then
    registration.refresh_from_db()
    assert registration.status == "in_progress"
    evidence = update.evidence.get()
    assert (evidence.original_name, evidence.content_type, evidence.size) == (
        "anh-hop-phu-huynh.png",
        "image/png",
        len(PNG),
    )
    assert evidence.file.name is not None
    assert evidence.file.name.startswith(f"emulation/{campaign.organisation_id}/")
    assert "anh-hop" not in evidence.file.name
    latest = EmulationEvent.objects.filter(registration=registration).first()
    assert latest is not None
    assert latest.summary == (
        "Lê Thị Hồng Nhung cập nhật kết quả thực hiện “Zalo “Phụ huynh đồng hành”” "
        "(1 tệp minh chứng)"
    )


def test_a_file_that_is_not_a_photo_or_document_is_refused(campaign, teacher, media):
    registration = register(campaign, teacher)
    before = _state()
    fake = SimpleUploadedFile("anh.png", b"MZ\x90\x00 not an image", content_type="image/png")
    with pytest.raises(ValidationError):
        registrations.add_update(registration=registration, author=teacher, text="X", files=[fake])
    assert _state() == before


def test_submission_needs_a_report_and_the_implementation_phase(campaign, principal, teacher):
    registration = register(campaign, teacher)
    # not during registration
    registrations.add_update(registration=registration, author=teacher, text="Đã lập nhóm.")
    with pytest.raises(ValidationError):
        registrations.submit_registration(registration=registration, actor=teacher)
    assert Registration.objects.get().status == "in_progress"
    # nor without a report
    other = register(campaign, teacher, title="Mô hình thứ hai")
    advance_to(campaign, principal, "implementation")
    with pytest.raises(ValidationError, match="ít nhất một lần"):
        registrations.submit_registration(registration=other, actor=teacher)
    assert Registration.objects.get(pk=other.pk).status == "registered"
    # then it goes
    registration = registrations.submit_registration(registration=registration, actor=teacher)
    assert registration.status == "submitted" and registration.submitted_at is not None


def test_a_submitted_registration_takes_no_more_updates(submitted, teacher):
    before = _state()
    with pytest.raises(ValidationError):
        registrations.add_update(registration=submitted, author=teacher, text="Thêm")
    with pytest.raises(ValidationError):
        registrations.submit_registration(registration=submitted, actor=teacher)
    assert _state() == before
