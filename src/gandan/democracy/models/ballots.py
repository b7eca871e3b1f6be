"""Votes and ballots: open (named) votes and secret ballots for a defined electorate.

Who voted and what was chosen are kept apart, and nothing stored lets a reader of the database
join them again: not a column, not the order of rows, not a transaction id, not the SQLite
write-ahead log, not a session, not a backup (tests/test_ballot_attacks.py plays each attack).

- `Participation` says only that a person voted: one row per voter and ballot (unique: a second
  submission, even a concurrent one, fails on the constraint), no time of voting.
- While the ballot is open, each paper is a `SealedPaper`: an envelope encrypted under a key
  derived from SECRET_KEY, which lives outside the database (democracy/sealing.py), padded so
  that every envelope of a ballot has the same size, with a random nonce and no time. It is
  written in the same transaction as the participation. That is deliberate: the vote is
  acknowledged (the receipt shown) only once both are durable, so an acknowledged vote
  survives a crash, and one person always has exactly one paper. The price is that the two
  rows are written together, so their storage order, PostgreSQL xmin and WAL frames do pair a
  voter with an envelope; what the pairing reaches is ciphertext that the database cannot
  open. Buffering papers elsewhere (in memory until k voters have voted) would break the
  pairing but lose acknowledged votes in a crash; buffering them durably in the database
  pairs them again. Encryption is what makes a durable pairing harmless.
- When the ballot closes, the envelopes are opened, counted, and written as `BallotPaper`
  rows in one transaction, in the order of fresh random keys (so storage order, row ids and
  xmin follow nothing), and the envelopes are deleted (SQLite secure_delete zeroes them). After
  the commit, SQLite's WAL is checkpointed and truncated, and PostgreSQL rewrites the envelope
  table (VACUUM FULL), so neither the log nor freed pages keep the envelopes. A cancelled
  ballot's envelopes are destroyed unopened.
- A paper keeps its receipt only as a keyed hash (HMAC under SECRET_KEY); an envelope keeps a
  differently keyed tag, so that an envelope and the paper it becomes share no value. The code
  itself is shown once, on the response to the vote, and stored nowhere (not in the session).
- No audit or timeline row is written per vote (it would carry the time and the audit sequence
  of each vote); the participation row records the vote, and the audit row at close gives the
  count.

What remains: whoever holds both a copy of the database taken while a ballot is open and
SECRET_KEY can open the envelopes and pair them with voters. That is the power of the running
server itself, which sees each vote as it is cast; keep SECRET_KEY out of database backups.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimeStampedModel


class BallotMethod(models.TextChoices):
    MOTION = "motion", _("Biểu quyết tán thành / không tán thành")
    ELECTION = "election", _("Bầu cử (chọn không quá số người được bầu)")
    APPROVAL = "approval", _("Tán thành từng phương án")


class BallotPurpose(models.TextChoices):
    GENERAL = "general", _("Biểu quyết thông thường")
    # Luật 10/2022/QH15, Điều 49 k1 and Điều 60: staff elect the inspection board.
    INSPECTION_BOARD = "inspection_board", _("Bầu Ban Thanh tra nhân dân")


class Secrecy(models.TextChoices):
    OPEN = "open", _("Biểu quyết công khai (ghi tên)")
    SECRET = "secret", _("Bỏ phiếu kín")


class ElectorateKind(models.TextChoices):
    ALL_STAFF = "all_staff", _("Toàn thể cán bộ, viên chức, người lao động")
    UNIT = "unit", _("Thành viên một tổ chức, ban trong trường")
    LISTED = "listed", _("Danh sách người được triệu tập (ví dụ đại biểu dự hội nghị)")


class RulePreset(models.TextChoices):
    CONFERENCE = "conference", _("Hội nghị cán bộ, viên chức (Luật 10/2022, Điều 51)")
    WRITTEN = "written", _("Lấy phiếu bằng văn bản toàn thể cán bộ (Luật 10/2022, Điều 50)")
    BOARD = "board", _("Biểu quyết trong ban, tổ (đa số thành viên)")
    CUSTOM = "custom", _("Tự đặt điều kiện")


class ThresholdBase(models.TextChoices):
    PRESENT = "present", _("Số người có mặt (tham dự)")
    ELECTORATE = "electorate", _("Tổng số người được triệu tập")


class BallotStatus(models.TextChoices):
    DRAFT = "draft", _("Đang chuẩn bị")
    OPEN = "open", _("Đang bỏ phiếu")
    CLOSED = "closed", _("Đã kết thúc")
    CANCELLED = "cancelled", _("Đã hủy")


class Motion(models.TextChoices):
    YES = "yes", _("Tán thành")
    NO = "no", _("Không tán thành")
    ABSTAIN = "abstain", _("Không biểu quyết")


class Ballot(TimeStampedModel):
    """One question put to an electorate. The rule numbers are copied in when it is created."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        related_name="ballots",
    )
    title = models.CharField(_("Nội dung biểu quyết"), max_length=300)
    description = models.TextField(_("Thuyết minh"), blank=True)
    method = models.CharField(_("Cách biểu quyết"), max_length=16, choices=BallotMethod.choices)
    purpose = models.CharField(
        _("Mục đích"), max_length=32, choices=BallotPurpose.choices, default=BallotPurpose.GENERAL
    )
    secrecy = models.CharField(_("Hình thức"), max_length=16, choices=Secrecy.choices)
    electorate_kind = models.CharField(
        _("Người biểu quyết"), max_length=16, choices=ElectorateKind.choices
    )
    electorate_unit = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Tổ chức, ban"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_written = models.BooleanField(
        _("Lấy phiếu bằng văn bản khi không tổ chức được hội nghị (Điều 50)"), default=False
    )
    rule = models.CharField(_("Điều kiện thông qua"), max_length=16, choices=RulePreset.choices)
    quorum_num = models.PositiveSmallIntegerField(_("Số người có mặt tối thiểu: tử số"), default=0)
    quorum_den = models.PositiveSmallIntegerField(_("mẫu số"), default=1)
    threshold_num = models.PositiveSmallIntegerField(_("Tỷ lệ thông qua: tử số"), default=1)
    threshold_den = models.PositiveSmallIntegerField(_("mẫu số"), default=2)
    threshold_strict = models.BooleanField(_("Phải vượt quá tỷ lệ (không tính bằng)"), default=True)
    threshold_base = models.CharField(
        _("Tính trên"), max_length=16, choices=ThresholdBase.choices, default=ThresholdBase.PRESENT
    )
    rule_citation = models.CharField(_("Căn cứ điều kiện"), max_length=300, blank=True)
    seats = models.PositiveSmallIntegerField(_("Số người được chọn tối đa"), null=True, blank=True)
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=BallotStatus.choices, default=BallotStatus.DRAFT
    )
    closes_at = models.DateTimeField(_("Dự kiến kết thúc"), null=True, blank=True)
    opened_at = models.DateTimeField(_("Bắt đầu lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("Kết thúc lúc"), null=True, blank=True)
    electorate_size = models.PositiveIntegerField(
        _("Số người được triệu tập"), null=True, blank=True
    )
    attendance = models.PositiveIntegerField(
        _("Số người có mặt (nếu biểu quyết tại hội nghị)"), null=True, blank=True
    )
    # The tally, written once by close_ballot; empty while the ballot is open.
    result = models.JSONField(default=dict, blank=True, editable=False)
    cancel_reason = models.TextField(_("Lý do hủy"), blank=True)
    # A vote taken at the staff conference: its electorate is who was present, its
    # electorate_size who was summoned (Luật 10/2022/QH15, Điều 51 k2c).
    agenda_item = models.ForeignKey(
        "democracy.AgendaItem",
        verbose_name=_("Nội dung hội nghị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ballots",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("cuộc biểu quyết")
        verbose_name_plural = _("cuộc biểu quyết")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(quorum_den__gt=0), name="ballot_quorum_den"),
            models.CheckConstraint(condition=Q(threshold_den__gt=0), name="ballot_threshold_den"),
            models.CheckConstraint(
                condition=~Q(method="election") | Q(seats__gte=1), name="ballot_election_seats"
            ),
            models.CheckConstraint(
                condition=~Q(electorate_kind="unit") | Q(electorate_unit__isnull=False),
                name="ballot_unit_electorate_has_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_secret(self) -> bool:
        return self.secrecy == Secrecy.SECRET

    @property
    def is_open(self) -> bool:
        return self.status == BallotStatus.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == BallotStatus.CLOSED


class BallotOption(models.Model):
    """A candidate (election) or an option (approval). Motions have none: yes / no / abstain."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="options")
    order = models.PositiveSmallIntegerField()
    label = models.CharField(_("Ứng cử viên, phương án"), max_length=300)
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["ballot", "order"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "order"], name="ballot_option_order")
        ]

    def __str__(self) -> str:
        return self.label


class Elector(models.Model):
    """A person entitled to vote, frozen when the ballot opens."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="electors")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["ballot", "user__sort_key"]
        constraints = [models.UniqueConstraint(fields=["ballot", "user"], name="elector_once")]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.ballot_id}"


class Participation(models.Model):
    """That a person voted, and nothing of when. One per person and ballot, enforced by the
    database."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="participations")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Only for open (named) votes: what this person chose. Always empty for a secret ballot.
    open_choices = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["ballot", "voter"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "voter"], name="one_person_one_ballot")
        ]

    def __str__(self) -> str:
        return f"{self.voter_id} @ {self.ballot_id}"


class SealedPaper(models.Model):
    """A paper in its envelope while the ballot is open: ciphertext and a keyed receipt tag.

    Nothing here is readable without SECRET_KEY, every envelope of a ballot has one size, and
    there is no time. Opened and deleted when the ballot closes (see the module docstring).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="sealed_papers")
    envelope = models.BinaryField()
    receipt_tag = models.CharField(max_length=64)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "receipt_tag"], name="sealed_receipt_once")
        ]

    def __str__(self) -> str:
        return str(self.id)


class BallotPaper(models.Model):
    """A counted paper: a choice and a keyed receipt hash, nothing that names a voter. Written
    only when the ballot closes, all at once, in the order of random keys drawn then."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="papers")
    choices = models.JSONField(default=list)
    receipt_hash = models.CharField(max_length=64)

    class Meta:
        # Deliberately no timestamp and no ordering by insertion.
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "receipt_hash"], name="paper_receipt_once")
        ]

    def __str__(self) -> str:
        return str(self.id)
