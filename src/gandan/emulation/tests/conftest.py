"""Fixtures of the movement's tests, on top of the shared cast (src/gandan/conftest.py).

The review council of the campaign: inspector (chair) and clerk (secretary); the principal
manages but does not sit on it. The teacher registers; union_officer is "another teacher".
"""

import base64
import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gandan.emulation.models import Campaign, Registration
from gandan.emulation.services import campaigns, registrations, review

# A 1×1 PNG: the evidence photo.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
TITLE = "Phong trào thi đua “Dân vận khéo” năm học 2025–2026"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    return settings.MEDIA_ROOT


def photo(name: str = "anh-hop-phu-huynh.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


@pytest.fixture
def campaign(school, principal) -> Campaign:
    return campaigns.create_campaign(
        organisation=school,
        actor=principal,
        title=TITLE,
        year_label="năm học 2025–2026",
        starts_on=dt.date(2025, 9, 5),
        ends_on=dt.date(2026, 5, 31),
    )


@pytest.fixture
def council(campaign, principal, inspector, clerk):
    return campaigns.set_council(
        campaign=campaign, actor=principal, chair=inspector, secretary=clerk
    )


def register(campaign, person, title="Zalo “Phụ huynh đồng hành”", unit=None) -> Registration:
    return registrations.register(
        campaign=campaign,
        registrant=person,
        kind="model",
        title=title,
        field="culture_society",
        problem="Phụ huynh ít nắm được việc học của con.",
        goals="100% phụ huynh lớp 1A1 tham gia nhóm.",
        mobilisation="Gặp từng gia đình, hướng dẫn cài đặt.",
        expected_results="Phụ huynh phối hợp đều đặn với giáo viên.",
        unit=unit,
    )


def advance_to(campaign: Campaign, actor, status: str) -> Campaign:
    while campaign.status != status:
        campaign = campaigns.advance_campaign(campaign=campaign, actor=actor)
    return campaign


@pytest.fixture
def submitted(campaign, council, principal, teacher) -> Registration:
    """The teacher's model, reported on and submitted; the campaign in review."""
    registration = register(campaign, teacher)
    advance_to(campaign, principal, "implementation")
    registrations.add_update(
        registration=registration, author=teacher, text="Đã lập nhóm, 32/35 gia đình tham gia."
    )
    registrations.submit_registration(registration=registration, actor=teacher)
    advance_to(Campaign.objects.get(pk=campaign.pk), principal, "review")
    return Registration.objects.get(pk=registration.pk)


def full_card(registration: Registration, each: int) -> dict[int, int]:
    return {
        c.pk: each for c in registration.campaign.criteria.filter(kind=registration.criterion_kind)
    }


@pytest.fixture
def reviewed(submitted, inspector, clerk, principal) -> Registration:
    """Scored by both council members (80 and 90 of 100) and concluded."""
    review.score_registration(
        registration=submitted, member=inspector, points=full_card(submitted, 16)
    )
    review.score_registration(registration=submitted, member=clerk, points=full_card(submitted, 18))
    review.conclude_review(
        campaign=submitted.campaign, actor=inspector, issued_on=dt.date(2026, 11, 28)
    )
    return Registration.objects.get(pk=submitted.pk)
