"""Campaigns: the default criteria of LAW.md §9, editing them, the council, the phases."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from gandan.audit.models import AuditEvent
from gandan.emulation import criteria
from gandan.emulation.models import (
    Campaign,
    CouncilMember,
    Criterion,
    CriterionKind,
    EmulationEvent,
)
from gandan.emulation.services import campaigns, review
from gandan.emulation.tests.conftest import TITLE, full_card


def test_a_new_campaign_has_the_collective_and_individual_criteria_of_law_9(campaign):
    # then: five collective and five individual criteria, in the order of LAW.md §9
    collective = list(campaign.criteria.filter(kind=CriterionKind.COLLECTIVE))
    individual = list(campaign.criteria.filter(kind=CriterionKind.INDIVIDUAL))
    assert [c.order for c in collective] == [1, 2, 3, 4, 5]
    assert [c.text for c in collective] == [d.text for d in criteria.COLLECTIVE_CRITERIA]
    assert [c.text for c in individual] == [d.text for d in criteria.INDIVIDUAL_CRITERIA]
    assert "bền vững" in collective[-1].text
    assert "tự nguyện" in collective[1].text
    assert "Gia đình văn hóa" in individual[-1].text
    assert sum(c.max_points for c in collective) == sum(c.max_points for c in individual) == 100
    assert campaign.status == "registration"
    event = EmulationEvent.objects.get(campaign=campaign)
    assert event.summary == f"Tạo phong trào “{TITLE}” (10 tiêu chí)"
    assert AuditEvent.objects.filter(object_type="emulation.campaign").count() == 1


def test_campaign_is_refused_without_a_title_or_with_dates_backwards(school, principal):
    with pytest.raises(ValidationError):
        campaigns.create_campaign(
            organisation=school,
            actor=principal,
            title="  ",
            year_label="năm học 2025–2026",
            starts_on=dt.date(2025, 9, 5),
            ends_on=dt.date(2026, 5, 31),
        )
    with pytest.raises(ValidationError):
        campaigns.create_campaign(
            organisation=school,
            actor=principal,
            title=TITLE,
            year_label="năm học 2025–2026",
            starts_on=dt.date(2026, 5, 31),
            ends_on=dt.date(2025, 9, 5),
        )
    assert not Campaign.objects.exists() and not Criterion.objects.exists()


def test_a_second_campaign_with_the_same_title_is_refused(campaign, school, principal):
    with pytest.raises(ValidationError):
        campaigns.create_campaign(
            organisation=school,
            actor=principal,
            title=TITLE,
            year_label="năm học 2025–2026",
            starts_on=dt.date(2025, 9, 5),
            ends_on=dt.date(2026, 5, 31),
        )
    assert Campaign.objects.count() == 1


def test_criteria_are_editable_until_a_member_scores(campaign, principal, submitted, inspector):
    # given: the head rewords one, adds one and removes one
    first = campaign.criteria.filter(kind=CriterionKind.INDIVIDUAL).first()
    campaigns.update_criterion(
        criterion=first, actor=principal, text="Gương mẫu chấp hành pháp luật", max_points=25
    )
    added = campaigns.add_criterion(
        campaign=campaign,
        actor=principal,
        kind="individual",
        text="Được phụ huynh tín nhiệm",
        max_points=10,
    )
    assert added.order == 6
    campaigns.remove_criterion(criterion=added, actor=principal)
    first.refresh_from_db()
    assert (first.text, first.max_points) == ("Gương mẫu chấp hành pháp luật", 25)
    # when: a council member has scored
    review.score_registration(
        registration=submitted, member=inspector, points=full_card(submitted, 10)
    )
    # then: the sheet is fixed
    before = list(Criterion.objects.values_list("pk", "text", "max_points"))
    with pytest.raises(ValidationError, match="không sửa được tiêu chí"):
        campaigns.update_criterion(criterion=first, actor=principal, text="Khác", max_points=5)
    with pytest.raises(ValidationError):
        campaigns.add_criterion(
            campaign=campaign, actor=principal, kind="collective", text="Mới", max_points=5
        )
    with pytest.raises(ValidationError):
        campaigns.remove_criterion(criterion=first, actor=principal)
    assert list(Criterion.objects.values_list("pk", "text", "max_points")) == before


@pytest.mark.parametrize("max_points", [0, 101])
def test_criterion_points_stay_between_1_and_100(campaign, principal, max_points):
    with pytest.raises(ValidationError):
        campaigns.add_criterion(
            campaign=campaign, actor=principal, kind="collective", text="X", max_points=max_points
        )
    assert campaign.criteria.count() == 10


def test_the_last_criterion_of_a_kind_cannot_be_removed(campaign, principal):
    rows = list(campaign.criteria.filter(kind=CriterionKind.COLLECTIVE))
    for criterion in rows[:-1]:
        campaigns.remove_criterion(criterion=criterion, actor=principal)
    with pytest.raises(ValidationError):
        campaigns.remove_criterion(criterion=rows[-1], actor=principal)
    assert campaign.criteria.filter(kind=CriterionKind.COLLECTIVE).count() == 1


def test_council_is_staff_of_the_school_with_one_chair(
    campaign, principal, inspector, clerk, union_officer, other_school_principal
):
    # when
    campaigns.set_council(
        campaign=campaign,
        actor=principal,
        chair=inspector,
        secretary=clerk,
        members=[union_officer, clerk],
    )
    # then
    roles = dict(CouncilMember.objects.values_list("user__username", "role"))
    assert roles == {"thanhtra": "chair", "vanthu": "secretary", "congdoan": "member"}
    # and someone from another school is refused, leaving the council as it was
    with pytest.raises(ValidationError):
        campaigns.set_council(
            campaign=campaign,
            actor=principal,
            chair=inspector,
            members=[other_school_principal],
        )
    assert dict(CouncilMember.objects.values_list("user__username", "role")) == roles


def test_phases_run_forward_and_review_needs_a_council(campaign, principal, inspector):
    campaign = campaigns.advance_campaign(campaign=campaign, actor=principal)
    assert campaign.status == "implementation"
    with pytest.raises(ValidationError, match="Hội đồng"):
        campaigns.advance_campaign(campaign=campaign, actor=principal)
    assert Campaign.objects.get().status == "implementation"
    campaigns.set_council(campaign=campaign, actor=principal, chair=inspector)
    campaign = campaigns.advance_campaign(campaign=campaign, actor=principal)
    assert campaign.status == "review"
    # closing needs the council's conclusion
    with pytest.raises(ValidationError, match="chưa kết luận"):
        campaigns.advance_campaign(campaign=campaign, actor=principal)
    assert Campaign.objects.get().status == "review"
    summaries = list(
        EmulationEvent.objects.filter(kind="phase_changed")
        .order_by("pk")
        .values_list("summary", flat=True)
    )
    assert summaries == [
        "Chuyển phong trào sang giai đoạn “Đang triển khai”",
        "Chuyển phong trào sang giai đoạn “Đang đánh giá cuối năm”",
    ]
