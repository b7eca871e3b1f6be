"""Good examples (gương người tốt, việc tốt): nominated by colleagues, with the nominee's
consent."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimeStampedModel
from gandan.emulation.models.campaigns import Campaign


class NominationStatus(models.TextChoices):
    AWAITING_CONSENT = "awaiting_consent", _("Chờ người được đề cử đồng ý")
    DECLINED = "declined", _("Người được đề cử không đồng ý")
    CONSENTED = "consented", _("Người được đề cử đã đồng ý")
    VOTING = "voting", _("Đang bỏ phiếu")
    RECOGNISED = "recognised", _("Được công nhận")
    NOT_RECOGNISED = "not_recognised", _("Không được công nhận")


# Until the nominee agrees, a nomination is between the nominee, the nominator and the head.
PRIVATE_STATUSES = {NominationStatus.AWAITING_CONSENT, NominationStatus.DECLINED}


class Nomination(TimeStampedModel):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="nominations")
    nominee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người được đề cử"),
        on_delete=models.PROTECT,
        related_name="emulation_nominations",
    )
    nominator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người đề cử"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    deed = models.TextField(_("Việc tốt"))
    status = models.CharField(
        _("Tình trạng"),
        max_length=20,
        choices=NominationStatus.choices,
        default=NominationStatus.AWAITING_CONSENT,
    )
    consent_given_at = models.DateTimeField(_("Đồng ý lúc"), null=True, blank=True)
    declined_at = models.DateTimeField(_("Từ chối lúc"), null=True, blank=True)
    ballot = models.OneToOneField(
        "democracy.Ballot",
        verbose_name=_("Bỏ phiếu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="emulation_nomination",
    )
    decision = models.OneToOneField(
        "paperwork.OutgoingDocument",
        verbose_name=_("Quyết định công nhận"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="emulation_nomination",
    )
    outcome_note = models.TextField(_("Lý do không công nhận"), blank=True)

    class Meta:
        verbose_name = _("đề cử gương người tốt, việc tốt")
        verbose_name_plural = _("đề cử gương người tốt, việc tốt")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(nominee=models.F("nominator")), name="emulation_no_self_nomination"
            ),
            # No vote without the nominee's recorded consent.
            models.CheckConstraint(
                condition=Q(ballot__isnull=True) | Q(consent_given_at__isnull=False),
                name="emulation_vote_needs_consent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nominee} — {self.deed[:60]}"

    @property
    def is_private(self) -> bool:
        return self.status in PRIVATE_STATUSES
