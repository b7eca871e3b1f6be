"""The year-end review: members' score cards, the council's result, the optional secret
ballot for the shortlist, the minutes, and the head's decision on recognition."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, TypedDict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.democracy import rules
from gandan.democracy.models import (
    Ballot,
    BallotMethod,
    BallotStatus,
    ElectorateKind,
    RulePreset,
    Secrecy,
)
from gandan.democracy.services import ballots
from gandan.emulation import documents
from gandan.emulation.events import record
from gandan.emulation.models import (
    Campaign,
    CampaignStatus,
    CouncilMember,
    Criterion,
    CriterionKind,
    EventKind,
    Recognition,
    RecognitionLevel,
    Registration,
    RegistrationStatus,
    Score,
)
from gandan.orgs.models import User
from gandan.paperwork.services import issue_document

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

# The council decides collectively, by a majority of its members: the shortlist ballot carries
# a registration with more than half of the members' votes, and a council result stands on
# the cards of more than half of the members who may score it [inference: no rule is known,
# LAW.md §9 open question 11; the same share as a board's decisions, NĐ 59/2023 Điều 20 k3].
COUNCIL_MAJORITY = rules.Rule(0, 1, 1, 2, True, rules.ELECTORATE, "")
CENT = Decimal("0.01")
REVIEWABLE = (
    RegistrationStatus.SUBMITTED,
    RegistrationStatus.REVIEWED,
    RegistrationStatus.RECOGNISED,
    RegistrationStatus.NOT_RECOGNISED,
)


def council_mean(total_points: int, scorers: int) -> Decimal | None:
    """The council's result: the mean of its members' totals, to the hundredth (half up).

    Every card is complete (score_registration takes all criteria at once), so the mean of
    the members' totals is the sum of all their points over the number of members.
    """
    if scorers <= 0:
        return None
    return (Decimal(total_points) / Decimal(scorers)).quantize(CENT, rounding=ROUND_HALF_UP)


def max_points_by_kind(campaign: Campaign) -> dict[str, int]:
    totals = dict.fromkeys(CriterionKind.values, 0)
    for row in campaign.criteria.values("kind").annotate(total=Sum("max_points")):
        totals[row["kind"]] = row["total"]
    return totals


class ScoreSums(TypedDict):
    points_total: int
    scorers: int


def scored(campaign: Campaign) -> "QuerySet[WithAnnotations[Registration, ScoreSums]]":
    """The campaign's reviewable registrations with their points and scorers summed in the
    database (one query, whatever the number of cards)."""
    return (
        Registration.objects.filter(campaign=campaign, status__in=REVIEWABLE)
        .select_related("registrant", "unit")
        .annotate(
            points_total=Coalesce(Sum("scores__points"), 0),
            scorers=Count("scores__member", distinct=True),
        )
    )


@dataclass(frozen=True)
class Standing:
    registration: Registration
    mean: Decimal | None
    max_points: int
    scorers: int
    eligible: int

    @property
    def has_majority(self) -> bool:
        return rules.share_reached(self.scorers, self.eligible, 1, 2, strict=True)


def standings(campaign: Campaign) -> list[Standing]:
    """Each reviewable registration's live result, best first (the stored one once concluded)."""
    maxima = max_points_by_kind(campaign)
    members = set(campaign.council.values_list("user_id", flat=True))
    rows = []
    for registration in scored(campaign):
        eligible = len(members - {registration.registrant_id})
        mean: Decimal | None
        if registration.council_score is not None:
            mean, top = registration.council_score, registration.max_score or 0
        else:
            mean = council_mean(registration.points_total, registration.scorers)
            top = maxima[registration.criterion_kind]
        rows.append(Standing(registration, mean, top, registration.scorers, eligible))
    return sorted(rows, key=lambda row: (-(row.mean or 0), row.registration.title))


@in_vietnamese
@transaction.atomic
def score_registration(
    *,
    registration: Registration,
    member: User,
    points: Mapping[int, int],
    comments: Mapping[int, str] | None = None,
) -> list[Score]:
    """A council member's complete card for one registration: points for every criterion of
    its kind. Scoring again replaces the member's card until the council concludes."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    campaign = registration.campaign
    # LAW.md §9: the review is at year end.
    if campaign.status != CampaignStatus.REVIEW or campaign.is_reviewed:
        raise ValidationError(
            _("Chỉ chấm điểm trong giai đoạn đánh giá, trước khi Hội đồng kết luận.")
        )
    if registration.status != RegistrationStatus.SUBMITTED:
        raise ValidationError(_("Hồ sơ này chưa được gửi đánh giá."))
    if not CouncilMember.objects.filter(campaign=campaign, user=member).exists():
        raise ValidationError(_("Chỉ thành viên Hội đồng chấm điểm."))
    if registration.registrant_id == member.pk:
        raise ValidationError(_("Thành viên Hội đồng không chấm hồ sơ của chính mình."))
    sheet = list(Criterion.objects.filter(campaign=campaign, kind=registration.criterion_kind))
    if set(points) != {criterion.pk for criterion in sheet}:
        raise ValidationError(_("Cần chấm đủ điểm cho mọi tiêu chí."))
    for criterion in sheet:
        given = points[criterion.pk]
        if not 0 <= given <= criterion.max_points:
            raise ValidationError(
                _("Điểm tiêu chí “%(text)s” phải từ 0 đến %(max)d.")
                % {"text": criterion.text, "max": criterion.max_points}
            )
    comments = comments or {}
    card = {
        criterion.pk: (points[criterion.pk], comments.get(criterion.pk, "").strip()[:500])
        for criterion in sheet
    }
    given_before = list(Score.objects.filter(registration=registration, member=member))
    if {score.criterion_id: (score.points, score.comment) for score in given_before} == card:
        return given_before  # the same card sent again
    Score.objects.filter(registration=registration, member=member).delete()
    cards = Score.objects.bulk_create(
        Score(
            registration=registration,
            member=member,
            criterion=criterion,
            points=points[criterion.pk],
            comment=comments.get(criterion.pk, "").strip()[:500],
        )
        for criterion in sheet
    )
    # The timeline is read by all staff: it says who scored, never the points.
    record(
        campaign,
        EventKind.SCORED,
        f"{member.full_name} (Hội đồng) chấm điểm “{registration.title}”",
        member,
        registration=registration,
    )
    return cards


@in_vietnamese
@transaction.atomic
def open_shortlist_ballot(
    *, campaign: Campaign, actor: User, seats: int | None = None, closes_at=None
) -> Ballot:
    """A secret ballot of the council on which submitted registrations to propose for
    recognition, run by democracy's ballots (each member chooses up to `seats`)."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != CampaignStatus.REVIEW or campaign.is_reviewed:
        raise ValidationError(_("Chỉ bỏ phiếu trong giai đoạn đánh giá, trước khi kết luận."))
    current = campaign.shortlist_ballot
    if current is not None and current.status != BallotStatus.CANCELLED:
        raise ValidationError(_("Hội đồng đã có cuộc bỏ phiếu chọn danh sách."))
    candidates = list(
        Registration.objects.filter(campaign=campaign, status=RegistrationStatus.SUBMITTED)
        .select_related("registrant", "unit")
        .order_by("title")
    )
    if not candidates:
        raise ValidationError(_("Chưa có hồ sơ nào gửi đánh giá."))
    seats = seats or len(candidates)
    if not 1 <= seats <= len(candidates):
        raise ValidationError(
            {"seats": _("Số hồ sơ được chọn từ 1 đến %(n)d.") % {"n": len(candidates)}}
        )
    members = [m.user for m in campaign.council.select_related("user")]
    labels = [
        f"{index}. {row.title} ({row.registrant_label})"[:300]
        for index, row in enumerate(candidates, start=1)
    ]
    ballot = ballots.create_ballot(
        organisation=campaign.organisation,
        actor=actor,
        title=f"Hội đồng chọn danh sách đề nghị công nhận “Dân vận khéo” {campaign.year_label}",
        description=(
            "Bỏ phiếu kín của Hội đồng xét công nhận; mỗi thành viên chọn không quá "
            f"{seats} hồ sơ. Hồ sơ được quá nửa số thành viên Hội đồng chọn thì được đề nghị."
        ),
        method=BallotMethod.ELECTION,
        secrecy=Secrecy.SECRET,
        electorate_kind=ElectorateKind.LISTED,
        listed=members,
        rule=RulePreset.CUSTOM,
        custom=COUNCIL_MAJORITY,
        options=labels,
        seats=seats,
        closes_at=closes_at,
    )
    ballot = ballots.open_ballot(ballot=ballot, actor=actor)
    for option, registration in zip(ballot.options.order_by("order"), candidates, strict=True):
        registration.ballot_option = option
        registration.shortlisted = None
        registration.save(update_fields=["ballot_option", "shortlisted", "updated_at"])
    campaign.shortlist_ballot = ballot
    campaign.save(update_fields=["shortlist_ballot", "updated_at"])
    record(
        campaign,
        EventKind.SHORTLIST_OPENED,
        f"Mở bỏ phiếu kín của Hội đồng chọn danh sách đề nghị ({len(candidates)} hồ sơ, "
        f"chọn không quá {seats})",
        actor,
        target=ballot,
    )
    return ballot


def _apply_shortlist(campaign: Campaign) -> None:
    """Copy a closed shortlist ballot's outcome onto the registrations (it may have been
    closed from democracy's own page)."""
    ballot = campaign.shortlist_ballot
    if ballot is None or ballot.status != BallotStatus.CLOSED:
        return
    chosen = {row["id"] for row in ballot.result.get("options", []) if row.get("elected")}
    for registration in Registration.objects.filter(campaign=campaign, ballot_option__isnull=False):
        registration.shortlisted = registration.ballot_option_id in chosen
        registration.save(update_fields=["shortlisted", "updated_at"])


@in_vietnamese
@transaction.atomic
def close_shortlist_ballot(*, campaign: Campaign, actor: User) -> Ballot:
    """Count the council's secret ballot and mark who is proposed."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    ballot = campaign.shortlist_ballot
    if ballot is None or ballot.status != BallotStatus.OPEN:
        raise ValidationError(_("Không có cuộc bỏ phiếu nào đang mở."))
    ballot = ballots.close_ballot(ballot=ballot, actor=actor)
    campaign.shortlist_ballot = ballot
    _apply_shortlist(campaign)
    chosen = Registration.objects.filter(campaign=campaign, shortlisted=True).count()
    record(
        campaign,
        EventKind.SHORTLIST_CLOSED,
        f"Kết thúc bỏ phiếu kín của Hội đồng: {chosen} hồ sơ được đề nghị",
        actor,
        target=ballot,
    )
    return ballot


@in_vietnamese
@transaction.atomic
def conclude_review(*, campaign: Campaign, actor: User, issued_on: dt.date) -> Campaign:
    """Fix each submitted registration's council result and issue the council's minutes."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != CampaignStatus.REVIEW:
        raise ValidationError(_("Phong trào chưa ở giai đoạn đánh giá."))
    if campaign.is_reviewed:
        raise ValidationError(_("Hội đồng đã kết luận."))
    ballot = campaign.shortlist_ballot
    if ballot is not None and ballot.status in (BallotStatus.DRAFT, BallotStatus.OPEN):
        raise ValidationError(_("Hãy kết thúc cuộc bỏ phiếu kín của Hội đồng trước khi kết luận."))
    _apply_shortlist(campaign)
    rows = [row for row in standings(campaign)]
    submitted = [row for row in rows if row.registration.status == RegistrationStatus.SUBMITTED]
    if not submitted:
        raise ValidationError(_("Chưa có hồ sơ nào gửi đánh giá."))
    for row in submitted:
        if not row.has_majority:
            raise ValidationError(
                _(
                    "Hồ sơ “%(title)s” mới có %(n)d/%(m)d thành viên chấm; cần quá nửa số thành "
                    "viên Hội đồng chấm."
                )
                % {"title": row.registration.title, "n": row.scorers, "m": row.eligible}
            )
    for row in submitted:
        registration = row.registration
        registration.council_score = row.mean
        registration.max_score = row.max_points
        registration.scorer_count = row.scorers
        registration.status = RegistrationStatus.REVIEWED
        registration.save(
            update_fields=["council_score", "max_score", "scorer_count", "status", "updated_at"]
        )
    members = list(campaign.council.select_related("user").order_by("role", "user__sort_key"))
    minutes = issue_document(
        organisation=campaign.organisation,
        spec=lambda _number, day: documents.minutes_spec(
            campaign,
            rows=[row.registration for row in submitted],
            criteria=list(campaign.criteria.all()),
            members=members,
            held_on=day,
        ),
        issued_on=issued_on,
        source=f"emulation.campaign:{campaign.pk}:minutes",
        actor=actor,
    )
    campaign.minutes = minutes
    campaign.review_concluded_at = timezone.now()
    campaign.save(update_fields=["minutes", "review_concluded_at", "updated_at"])
    record(
        campaign,
        EventKind.REVIEW_CONCLUDED,
        f"Hội đồng kết luận: {len(submitted)} hồ sơ được đánh giá; biên bản số "
        f"{minutes.number_symbol}",
        actor,
    )
    return campaign


@in_vietnamese
@transaction.atomic
def recognise_registration(
    *,
    registration: Registration,
    actor: User,
    level: str,
    issued_on: dt.date,
    story: str = "",
    publish: bool = False,
) -> Recognition:
    """The head's decision: recognise a reviewed registration, issued through the register."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.REVIEWED:
        raise ValidationError(_("Chỉ công nhận hồ sơ Hội đồng đã đánh giá và chưa có quyết định."))
    if registration.shortlisted is False:
        raise ValidationError(_("Hội đồng không bỏ phiếu đề nghị công nhận hồ sơ này."))
    if level not in RecognitionLevel.values:
        raise ValidationError({"level": _("Hãy chọn hình thức công nhận.")})
    story = story.strip()
    if publish and not story:
        raise ValidationError({"story": _("Cần viết câu chuyện trước khi đăng công khai.")})
    school = registration.campaign.organisation
    decision = issue_document(
        organisation=school,
        spec=documents.recognition_decision_spec(
            registration, level=level, signer=documents.decision_signer(school, actor)
        ),
        issued_on=issued_on,
        source=f"emulation.registration:{registration.pk}",
        actor=actor,
    )
    recognition = Recognition.objects.create(
        registration=registration,
        level=level,
        decision=decision,
        story=story,
        publish_publicly=publish,
        published_at=timezone.now() if publish else None,
        recognised_by=actor,
    )
    registration.status = RegistrationStatus.RECOGNISED
    registration.save(update_fields=["status", "updated_at"])
    public = "; câu chuyện đăng trên trang công khai" if publish else ""
    record(
        registration.campaign,
        EventKind.RECOGNISED,
        f"Công nhận “{registration.title}”: quyết định số {decision.number_symbol}{public}",
        actor,
        registration=registration,
    )
    return recognition


@in_vietnamese
@transaction.atomic
def decline_registration(*, registration: Registration, actor: User, reason: str) -> Registration:
    """The head does not recognise a reviewed registration; the reason is kept."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Cần ghi lý do.")})
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.REVIEWED:
        raise ValidationError(_("Chỉ quyết định với hồ sơ Hội đồng đã đánh giá."))
    registration.status = RegistrationStatus.NOT_RECOGNISED
    registration.outcome_note = reason
    registration.save(update_fields=["status", "outcome_note", "updated_at"])
    record(
        registration.campaign,
        EventKind.NOT_RECOGNISED,
        f"Không công nhận “{registration.title}”: {reason}",
        actor,
        registration=registration,
    )
    return registration


@in_vietnamese
@transaction.atomic
def update_story(
    *, recognition: Recognition, actor: User, story: str, publish: bool
) -> Recognition:
    """Rewrite the story of a recognition, and choose whether the public site shows it."""
    recognition = Recognition.objects.select_for_update().get(pk=recognition.pk)
    story = story.strip()
    if publish and not story:
        raise ValidationError({"story": _("Cần viết câu chuyện trước khi đăng công khai.")})
    if (recognition.story, recognition.publish_publicly) == (story, publish):
        return recognition  # the same story sent again
    was_public = recognition.publish_publicly
    recognition.story = story
    recognition.publish_publicly = publish
    if publish and not was_public:
        recognition.published_at = timezone.now()
    if not publish:
        recognition.published_at = None
    recognition.save(update_fields=["story", "publish_publicly", "published_at", "updated_at"])
    registration = recognition.registration
    state = "đăng trên trang công khai" if publish else "không đăng công khai"
    record(
        registration.campaign,
        EventKind.STORY_CHANGED,
        f"Sửa câu chuyện về “{registration.title}” ({state})",
        actor,
        registration=registration,
    )
    return recognition
