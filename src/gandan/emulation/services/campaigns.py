"""Campaigns: create one (with the default criteria), edit its criteria, name its council,
move it through its phases."""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.democracy.electorate import staff_of
from gandan.emulation import criteria as defaults
from gandan.emulation.events import record
from gandan.emulation.models import (
    CAMPAIGN_PHASES,
    Campaign,
    CampaignStatus,
    CouncilMember,
    CouncilRole,
    Criterion,
    CriterionKind,
    EventKind,
    Score,
)
from gandan.orgs.models import Organisation, OrgKind, User
from gandan.plans.models import Plan

MAX_CRITERION_POINTS = 100


@in_vietnamese
@transaction.atomic
def create_campaign(
    *,
    organisation: Organisation,
    actor: User,
    title: str,
    year_label: str,
    starts_on: dt.date,
    ends_on: dt.date,
    theme: str = "",
    plan: Plan | None = None,
) -> Campaign:
    """A campaign at a school, open for registration, with the criteria of LAW.md §9."""
    title, year_label = title.strip(), year_label.strip()
    if organisation.kind != OrgKind.SCHOOL:
        raise ValidationError(_("Phong trào được tổ chức ở cấp trường."))
    if not title:
        raise ValidationError({"title": _("Cần nhập tên phong trào.")})
    if not year_label:
        raise ValidationError({"year_label": _("Cần ghi năm học, năm hoặc chủ đề.")})
    if ends_on <= starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    if plan is not None and plan.organisation_id != organisation.pk:
        raise ValidationError({"plan": _("Chỉ chọn được kế hoạch của nhà trường.")})
    if Campaign.objects.filter(organisation=organisation, title=title).exists():
        raise ValidationError({"title": _("Nhà trường đã có phong trào cùng tên.")})
    campaign = Campaign.objects.create(
        organisation=organisation,
        title=title[:300],
        year_label=year_label[:100],
        theme=theme.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        plan=plan,
        created_by=actor,
    )
    orders: dict[str, int] = {}
    rows = []
    for default in defaults.DEFAULT_CRITERIA:
        orders[default.kind] = orders.get(default.kind, 0) + 1
        rows.append(
            Criterion(
                campaign=campaign,
                kind=default.kind,
                order=orders[default.kind],
                text=default.text,
                max_points=default.max_points,
            )
        )
    Criterion.objects.bulk_create(rows)
    record(
        campaign,
        EventKind.CAMPAIGN_CREATED,
        f"Tạo phong trào “{campaign.title}” ({len(rows)} tiêu chí)",
        actor,
    )
    return campaign


def _check_criteria_editable(campaign: Campaign) -> None:
    # The sheet is fixed once a member has scored on it: changing it would change the meaning
    # of the points already given.
    if campaign.is_reviewed or Score.objects.filter(registration__campaign=campaign).exists():
        raise ValidationError(_("Hội đồng đã chấm điểm: không sửa được tiêu chí nữa."))


def _check_criterion(text: str, max_points: int) -> str:
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Cần nhập nội dung tiêu chí.")})
    if not 1 <= max_points <= MAX_CRITERION_POINTS:
        raise ValidationError(
            {"max_points": _("Điểm tối đa từ 1 đến %(n)d.") % {"n": MAX_CRITERION_POINTS}}
        )
    return text[:500]


@in_vietnamese
@transaction.atomic
def add_criterion(
    *, campaign: Campaign, actor: User, kind: str, text: str, max_points: int
) -> Criterion:
    """Add a criterion at the end of its list; refused once scoring has started."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    _check_criteria_editable(campaign)
    if kind not in CriterionKind.values:
        raise ValidationError({"kind": _("Loại tiêu chí không hợp lệ.")})
    text = _check_criterion(text, max_points)
    added = campaign.criteria.filter(kind=kind, text=text, max_points=max_points).first()
    if added is not None:
        return added  # the same criterion sent twice (a double click) is one criterion
    last = campaign.criteria.filter(kind=kind).aggregate(last=Max("order"))["last"] or 0
    criterion = Criterion.objects.create(
        campaign=campaign, kind=kind, order=last + 1, text=text, max_points=max_points
    )
    record(
        campaign,
        EventKind.CRITERIA_CHANGED,
        f"Thêm tiêu chí “{text}” ({max_points} điểm)",
        actor,
        target=campaign,
    )
    return criterion


@in_vietnamese
@transaction.atomic
def update_criterion(*, criterion: Criterion, actor: User, text: str, max_points: int) -> Criterion:
    """Reword a criterion or change its points; refused once scoring has started."""
    campaign = Campaign.objects.select_for_update().get(pk=criterion.campaign_id)
    _check_criteria_editable(campaign)
    text = _check_criterion(text, max_points)
    if (criterion.text, criterion.max_points) == (text, max_points):
        return criterion  # the same wording sent again
    before = f"“{criterion.text}” ({criterion.max_points} điểm)"
    criterion.text, criterion.max_points = text, max_points
    criterion.save(update_fields=["text", "max_points"])
    record(
        campaign,
        EventKind.CRITERIA_CHANGED,
        f"Sửa tiêu chí {before} thành “{text}” ({max_points} điểm)",
        actor,
    )
    return criterion


@in_vietnamese
@transaction.atomic
def remove_criterion(*, criterion: Criterion, actor: User) -> None:
    """Remove a criterion; the last one of its kind stays. Refused once scoring has started."""
    campaign = Campaign.objects.select_for_update().get(pk=criterion.campaign_id)
    _check_criteria_editable(campaign)
    if campaign.criteria.filter(kind=criterion.kind).count() <= 1:
        raise ValidationError(_("Mỗi loại phải còn ít nhất một tiêu chí."))
    text = criterion.text
    criterion.delete()
    record(campaign, EventKind.CRITERIA_CHANGED, f"Bỏ tiêu chí “{text}”", actor)


@in_vietnamese
@transaction.atomic
def set_council(
    *,
    campaign: Campaign,
    actor: User,
    chair: User,
    secretary: User | None = None,
    members: Sequence[User] = (),
) -> list[CouncilMember]:
    """Name the review council: a chair, an optional secretary, members; all staff of the
    school. Refused once a member has scored."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.is_reviewed or Score.objects.filter(registration__campaign=campaign).exists():
        raise ValidationError(_("Hội đồng đã chấm điểm: không thay đổi thành phần được nữa."))
    if secretary is not None and secretary.pk == chair.pk:
        raise ValidationError({"secretary": _("Thư ký và Chủ tịch Hội đồng phải là hai người.")})
    staff = set(staff_of(campaign.organisation).values_list("pk", flat=True))
    seats = {chair.pk: (chair, CouncilRole.CHAIR)}
    if secretary is not None:
        seats[secretary.pk] = (secretary, CouncilRole.SECRETARY)
    for member in members:
        seats.setdefault(member.pk, (member, CouncilRole.MEMBER))
    if any(pk not in staff for pk in seats):
        raise ValidationError({"members": _("Thành viên Hội đồng phải là cán bộ của trường.")})
    seated = list(campaign.council.all())
    if {(row.user_id, row.role) for row in seated} == {
        (user.pk, role) for user, role in seats.values()
    }:
        return seated  # the same council named again
    campaign.council.all().delete()
    rows = CouncilMember.objects.bulk_create(
        CouncilMember(campaign=campaign, user=user, role=role) for user, role in seats.values()
    )
    names = ", ".join(user.full_name for user, _role in seats.values())
    record(
        campaign,
        EventKind.COUNCIL_SET,
        f"Thành lập Hội đồng xét công nhận ({len(rows)} thành viên): {names}; "
        f"Chủ tịch: {chair.full_name}",
        actor,
    )
    return rows


@in_vietnamese
@transaction.atomic
def advance_campaign(
    *, campaign: Campaign, actor: User, from_status: str | None = None
) -> Campaign:
    """Move to the next phase: registration → implementation → review → closed.

    `from_status` is the phase the page was read in: sent again once the campaign has moved
    on from it, the request is answered with the campaign as it is (a double click moves one
    phase), and from a page older than that it is refused.
    """
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    index = CAMPAIGN_PHASES.index(campaign.status)
    if from_status is not None and from_status != campaign.status:
        if from_status in CAMPAIGN_PHASES and CAMPAIGN_PHASES.index(from_status) == index - 1:
            return campaign
        raise ValidationError(
            _("Phong trào đã chuyển sang giai đoạn “%(phase)s”; hãy xem lại trang.")
            % {"phase": campaign.get_status_display()}
        )
    if index + 1 >= len(CAMPAIGN_PHASES):
        raise ValidationError(_("Phong trào đã tổng kết."))
    following = CAMPAIGN_PHASES[index + 1]
    if (
        following == CampaignStatus.REVIEW
        and not campaign.council.filter(role=CouncilRole.CHAIR).exists()
    ):
        raise ValidationError(_("Cần thành lập Hội đồng (có Chủ tịch) trước khi đánh giá."))
    if following == CampaignStatus.CLOSED and not campaign.is_reviewed:
        raise ValidationError(_("Hội đồng chưa kết luận; chưa tổng kết phong trào được."))
    campaign.status = following
    campaign.save(update_fields=["status", "updated_at"])
    record(
        campaign,
        EventKind.PHASE_CHANGED,
        f"Chuyển phong trào sang giai đoạn “{CampaignStatus(following).label}”",
        actor,
    )
    return campaign
