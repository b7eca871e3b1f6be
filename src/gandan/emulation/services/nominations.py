"""Good examples (gương người tốt, việc tốt): a colleague nominates, the nominee consents,
the staff vote by secret ballot (democracy's ballots), the head recognises."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.democracy import rules
from gandan.democracy.electorate import is_staff_of
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
    EventKind,
    Nomination,
    NominationStatus,
)
from gandan.orgs.models import User
from gandan.paperwork.services import issue_document

# The staff's vote carries with more than half of the papers returned [inference: no rule is
# known for this vote (LAW.md §9, open question 11); it is the share of Luật 10/2022/QH15,
# Điều 51 k2c, taken over those who voted].
STAFF_MAJORITY = rules.Rule(0, 1, 1, 2, True, rules.PRESENT, "")


@in_vietnamese
@transaction.atomic
def nominate(*, campaign: Campaign, nominator: User, nominee: User, deed: str) -> Nomination:
    """A colleague nominates a member of staff for a good deed; the nominee is asked first."""
    school = campaign.organisation
    if campaign.status == CampaignStatus.CLOSED:
        raise ValidationError(_("Phong trào đã tổng kết."))
    if not is_staff_of(nominator, school):
        raise ValidationError(_("Chỉ cán bộ của trường đề cử được."))
    if not is_staff_of(nominee, school):
        raise ValidationError({"nominee": _("Người được đề cử phải là cán bộ của trường.")})
    if nominee.pk == nominator.pk:
        raise ValidationError({"nominee": _("Không tự đề cử mình.")})
    deed = deed.strip()
    if not deed:
        raise ValidationError({"deed": _("Hãy kể việc tốt của người được đề cử.")})
    # The same nomination sent twice (a double click) is one nomination.
    sent = Nomination.objects.filter(
        campaign=campaign,
        nominee=nominee,
        nominator=nominator,
        deed=deed,
        status=NominationStatus.AWAITING_CONSENT,
    ).first()
    if sent is not None:
        return sent
    nomination = Nomination.objects.create(
        campaign=campaign, nominee=nominee, nominator=nominator, deed=deed
    )
    # The names stay out of the shared timeline until the nominee agrees: the audit log (read
    # by the head) has them through the target.
    record(
        campaign,
        EventKind.NOMINATED,
        "Có một đề cử gương “Người tốt, việc tốt” đang chờ người được đề cử đồng ý",
        nominator,
        nomination=nomination,
    )
    return nomination


@in_vietnamese
@transaction.atomic
def answer_nomination(*, nomination: Nomination, user: User, consent: bool) -> Nomination:
    """The nominee agrees (or not) to be put to the staff's vote. Only the nominee answers."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if user.pk != nomination.nominee_id:
        raise ValidationError(_("Chỉ người được đề cử trả lời đề cử."))
    if nomination.status != NominationStatus.AWAITING_CONSENT:
        raise ValidationError(_("Đề cử này đã được trả lời."))
    now = timezone.now()
    if consent:
        nomination.status = NominationStatus.CONSENTED
        nomination.consent_given_at = now
        summary = f"{user.full_name} đồng ý được đề cử gương “Người tốt, việc tốt”"
        kind = EventKind.CONSENTED
    else:
        nomination.status = NominationStatus.DECLINED
        nomination.declined_at = now
        summary = "Người được đề cử không đồng ý; đề cử khép lại"
        kind = EventKind.DECLINED
    nomination.save(update_fields=["status", "consent_given_at", "declined_at", "updated_at"])
    record(nomination.campaign, kind, summary, user, nomination=nomination)
    return nomination


@in_vietnamese
@transaction.atomic
def open_nomination_vote(
    *, nomination: Nomination, actor: User, closes_at: dt.datetime | None = None
) -> Ballot:
    """Put a consented nomination to all staff by secret ballot."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    # No vote about a person without their consent.
    if nomination.consent_given_at is None or nomination.status != NominationStatus.CONSENTED:
        raise ValidationError(_("Người được đề cử chưa đồng ý; chưa đưa ra bỏ phiếu được."))
    campaign = nomination.campaign
    nominee = nomination.nominee
    ballot = ballots.create_ballot(
        organisation=campaign.organisation,
        actor=actor,
        title=f"Công nhận {nominee.full_name} là gương “Người tốt, việc tốt” {campaign.year_label}",
        description=nomination.deed,
        method=BallotMethod.MOTION,
        secrecy=Secrecy.SECRET,
        electorate_kind=ElectorateKind.ALL_STAFF,
        rule=RulePreset.CUSTOM,
        custom=STAFF_MAJORITY,
        closes_at=closes_at,
    )
    ballot = ballots.open_ballot(ballot=ballot, actor=actor)
    nomination.ballot = ballot
    nomination.status = NominationStatus.VOTING
    nomination.save(update_fields=["ballot", "status", "updated_at"])
    record(
        campaign,
        EventKind.VOTE_OPENED,
        f"Mở bỏ phiếu kín toàn thể cán bộ về gương “Người tốt, việc tốt” {nominee.full_name}",
        actor,
        nomination=nomination,
    )
    return ballot


@in_vietnamese
@transaction.atomic
def close_nomination_vote(*, nomination: Nomination, actor: User) -> Ballot:
    """Count the staff's vote (it may also be closed from democracy's own page)."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    ballot = nomination.ballot
    if ballot is None or ballot.status != BallotStatus.OPEN:
        raise ValidationError(_("Không có cuộc bỏ phiếu nào đang mở."))
    ballot = ballots.close_ballot(ballot=ballot, actor=actor)
    verdict = "tán thành" if ballot.result.get("adopted") else "không tán thành"
    record(
        nomination.campaign,
        EventKind.VOTE_CLOSED,
        f"Kết thúc bỏ phiếu về {nomination.nominee.full_name}: tập thể {verdict}",
        actor,
        nomination=nomination,
    )
    return ballot


@in_vietnamese
@transaction.atomic
def recognise_nomination(*, nomination: Nomination, actor: User, issued_on: dt.date) -> Nomination:
    """The head recognises a good example the staff voted for; the decision is registered."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if nomination.status != NominationStatus.VOTING:
        raise ValidationError(_("Đề cử này chưa qua bỏ phiếu hoặc đã có quyết định."))
    ballot = nomination.ballot
    if ballot is None or ballot.status != BallotStatus.CLOSED:
        raise ValidationError(_("Cuộc bỏ phiếu chưa kết thúc."))
    if not ballot.result.get("adopted"):
        raise ValidationError(_("Tập thể không tán thành; không công nhận được."))
    school = nomination.campaign.organisation
    decision = issue_document(
        organisation=school,
        spec=documents.nomination_decision_spec(
            nomination, signer=documents.decision_signer(school, actor)
        ),
        issued_on=issued_on,
        source=f"emulation.nomination:{nomination.pk}",
        actor=actor,
    )
    nomination.decision = decision
    nomination.status = NominationStatus.RECOGNISED
    nomination.save(update_fields=["decision", "status", "updated_at"])
    record(
        nomination.campaign,
        EventKind.RECOGNISED,
        f"Công nhận gương “Người tốt, việc tốt” {nomination.nominee.full_name}: quyết định số "
        f"{decision.number_symbol}",
        actor,
        nomination=nomination,
    )
    return nomination


@in_vietnamese
@transaction.atomic
def decline_nomination(*, nomination: Nomination, actor: User, reason: str) -> Nomination:
    """The head closes a nomination without recognition (the vote failed, or another reason)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Cần ghi lý do.")})
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if nomination.status not in (NominationStatus.CONSENTED, NominationStatus.VOTING):
        raise ValidationError(_("Đề cử này chưa đến bước quyết định hoặc đã có quyết định."))
    if nomination.ballot is not None and nomination.ballot.status == BallotStatus.OPEN:
        raise ValidationError(_("Hãy kết thúc bỏ phiếu trước."))
    nomination.status = NominationStatus.NOT_RECOGNISED
    nomination.outcome_note = reason
    nomination.save(update_fields=["status", "outcome_note", "updated_at"])
    record(
        nomination.campaign,
        EventKind.NOT_RECOGNISED,
        f"Không công nhận gương “Người tốt, việc tốt” {nomination.nominee.full_name}: {reason}",
        actor,
        nomination=nomination,
    )
    return nomination
