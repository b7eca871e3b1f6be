"""Citizen cases (vụ việc): what was received, where it stands, what is due, what happened.

A case belongs to one school. The citizen follows it with `tracking_code` (mã tra cứu), staff
reach it by `public_id`; sequential ids never appear in a URL. Due dates are computed by
`gandan.petitions.deadlines` when the clock starts or changes and stored in `CaseDeadline`
(one row per step), so that "overdue" is a plain indexed query.

Who sent a denunciation is not stored on the case: `DenouncerIdentity` holds it sealed
(`gandan.petitions.secrecy`), readable only through `access.access_denouncer_identity`.
"""

import datetime as dt
import hashlib
import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gandan.core import salutation as address_forms
from gandan.core.models import StoredFile, TimelineEvent, TimeStampedModel
from gandan.core.salutation import Salutation
from gandan.petitions.models.rules import CaseKind, DayUnit, Procedure

if TYPE_CHECKING:
    from gandan.orgs.models import User

TRACKING_PREFIX = "GD"


class CaseStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    ACCEPTED = "accepted", _("Đã thụ lý")
    IN_PROGRESS = "in_progress", _("Đang giải quyết")
    SUSPENDED = "suspended", _("Tạm đình chỉ giải quyết")
    RESOLVED = "resolved", _("Đã giải quyết")
    CLOSED_UNRESOLVED = "closed_unresolved", _("Đã kết thúc, không giải quyết")
    TRANSFERRED = "transferred", _("Đã chuyển cơ quan có thẩm quyền")
    REFUSED = "refused", _("Không thụ lý")
    WITHDRAWN = "withdrawn", _("Người gửi đã rút")


OPEN_STATUSES = (
    CaseStatus.RECEIVED,
    CaseStatus.ACCEPTED,
    CaseStatus.IN_PROGRESS,
    CaseStatus.SUSPENDED,
)
CLOSED_STATUSES = tuple(status for status in CaseStatus if status not in OPEN_STATUSES)


class Channel(models.TextChoices):
    WEB = "web", _("Gửi trực tuyến")
    WALK_IN = "walk_in", _("Trực tiếp tại trường")
    PHONE = "phone", _("Qua điện thoại")
    MAIL = "mail", _("Qua bưu chính")
    EMAIL = "email", _("Qua thư điện tử")


class InformationForm(models.TextChoices):
    """Luật Tiếp cận thông tin 2016, Điều 24 k2 and Điều 29–31: how the information is given."""

    READ_ON_SITE = "xem_tai_truong", _("Đọc, xem, nghe, ghi chép tại trường")
    COPY = "ban_sao", _("Bản sao, bản chụp")
    ELECTRONIC = "tep_dien_tu", _("Tệp điện tử")


class Delivery(models.TextChoices):
    EMAIL = "email", _("Gửi qua thư điện tử")
    POST = "post", _("Gửi qua bưu chính")
    PICK_UP = "pick_up", _("Nhận trực tiếp tại trường")


class CaseQuerySet(models.QuerySet["Case"]):
    def open(self) -> "CaseQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: dt.date) -> "CaseQuerySet":
        return self.filter(next_due__lt=today)

    def due_soon(self, today: dt.date, until: dt.date) -> "CaseQuerySet":
        return self.filter(next_due__gte=today, next_due__lte=until)

    def awaiting_admission(self) -> "CaseQuerySet":
        """Received and not yet accepted, refused or transferred."""
        return self.filter(status=CaseStatus.RECEIVED)

    def worked_on_by(self, user: "User") -> "CaseQuerySet":
        """Cases the user resolves or verifies."""
        return self.filter(Q(handler=user) | Q(verifiers=user)).distinct()


class Case(TimeStampedModel):
    """One application (đơn) or oral submission, from receipt to closure."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    tracking_code = models.CharField(_("Mã tra cứu"), max_length=10, unique=True, editable=False)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Đơn vị tiếp nhận"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    kind = models.CharField(_("Loại đơn"), max_length=20, choices=CaseKind.choices)
    procedure = models.CharField(_("Thủ tục"), max_length=20, choices=Procedure.choices)
    # Luật Tố cáo 2018, Điều 25: a denunciation without a (verifiable) name is information
    # that may lead to an inspection, not a tố cáo; anonymous feedback is simply unsigned.
    is_anonymous = models.BooleanField(_("Không ghi danh"), default=False)
    channel = models.CharField(_("Kênh tiếp nhận"), max_length=10, choices=Channel.choices)
    title = models.CharField(_("Tóm tắt"), max_length=200)
    content = models.TextField(_("Nội dung"), blank=True)
    # Luật Tố cáo 2018, Điều 56: the original application stays sealed with the identity; the
    # resolver writes a version without the denouncer's name, address or handwriting.
    needs_redaction = models.BooleanField(
        _("Chờ biên tập che thông tin người tố cáo"), default=False
    )
    status = models.CharField(
        _("Tình trạng"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.RECEIVED
    )
    received_at = models.DateTimeField(_("Thời điểm tiếp nhận"), default=timezone.now)
    received_on = models.DateField(_("Ngày tiếp nhận"), db_index=True)
    accepted_on = models.DateField(_("Ngày thụ lý"), null=True, blank=True)
    resolved_on = models.DateField(_("Ngày ban hành kết quả giải quyết"), null=True, blank=True)
    sent_on = models.DateField(_("Ngày gửi kết quả"), null=True, blank=True)
    published_on = models.DateField(_("Ngày công khai kết quả"), null=True, blank=True)
    closed_at = models.DateTimeField(_("Thời điểm kết thúc"), null=True, blank=True)
    is_complex = models.BooleanField(_("Vụ việc phức tạp"), default=False)
    is_very_complex = models.BooleanField(_("Vụ việc đặc biệt phức tạp"), default=False)
    is_remote = models.BooleanField(_("Vùng sâu, vùng xa đi lại khó khăn"), default=False)
    next_due = models.DateField(_("Hạn gần nhất"), null=True, blank=True, db_index=True)
    next_step = models.CharField(_("Bước đến hạn gần nhất"), max_length=255, blank=True)
    promised_on = models.DateField(_("Ngày hẹn mới (thư xin lỗi)"), null=True, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người giải quyết"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handled_cases",
    )
    verifiers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người xác minh"),
        blank=True,
        related_name="verified_cases",
    )
    # Contact of the sender, for every kind except a denunciation (whose sender is sealed).
    contact_name = models.CharField(_("Họ và tên"), max_length=150, blank=True)
    contact_phone = models.CharField(_("Điện thoại"), max_length=32, blank=True)
    contact_email = models.EmailField(_("Thư điện tử"), blank=True)
    contact_address = models.CharField(_("Địa chỉ"), max_length=255, blank=True)
    salutation = models.CharField(
        _("Cách xưng hô"), max_length=8, choices=Salutation.choices, blank=True
    )
    # Luật Tiếp cận thông tin 2016, Điều 24 k2: an information request states an ID number.
    id_number_token = models.TextField(blank=True, editable=False)
    information_form = models.CharField(
        _("Hình thức cung cấp thông tin"),
        max_length=20,
        choices=InformationForm.choices,
        blank=True,
    )
    delivery = models.CharField(
        _("Cách nhận thông tin"), max_length=10, choices=Delivery.choices, blank=True
    )
    information_purpose = models.CharField(_("Lý do, mục đích yêu cầu"), max_length=500, blank=True)
    denounced_person = models.CharField(
        _("Người, cơ quan bị tố cáo hoặc bị khiếu nại"), max_length=255, blank=True
    )
    # Luật Bảo vệ dữ liệu cá nhân 2025 (91/2025/QH15): consent is explicit, per purpose, dated.
    consent_given = models.BooleanField(_("Đồng ý xử lý dữ liệu cá nhân"), default=False)
    consent_at = models.DateTimeField(null=True, blank=True)
    consent_version = models.CharField(max_length=16, blank=True)
    idempotency_key = models.CharField(max_length=64, blank=True, editable=False)
    parent_case = models.ForeignKey(
        "self",
        verbose_name=_("Tách từ vụ việc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="split_cases",
    )
    outcome = models.TextField(_("Kết quả, lý do (nội bộ)"), blank=True)
    public_answer = models.TextField(_("Trả lời công khai cho người gửi"), blank=True)
    transferred_to = models.CharField(_("Chuyển đến"), max_length=255, blank=True)
    satisfaction = models.PositiveSmallIntegerField(_("Mức hài lòng"), null=True, blank=True)
    satisfaction_comment = models.TextField(_("Ý kiến của người gửi"), blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)
    contested = models.BooleanField(_("Người gửi không đồng ý với kết quả"), default=False)
    contest_reason = models.TextField(_("Lý do không đồng ý"), blank=True)
    contested_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Cán bộ nhập"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("vụ việc")
        verbose_name_plural = _("vụ việc")
        ordering = ["-received_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "status"], name="petitions_case_org_status"),
            models.Index(fields=["organisation", "next_due"], name="petitions_case_org_due"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="petitions_case_one_per_submission",
            ),
            models.CheckConstraint(
                condition=Q(satisfaction__isnull=True)
                | (Q(satisfaction__gte=1) & Q(satisfaction__lte=5)),
                name="petitions_case_satisfaction_range",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=CaseKind.values), name="petitions_case_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=CaseStatus.values), name="petitions_case_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_code} — {self.title}"

    @property
    def display_code(self) -> str:
        """'GD-7K3MQ-9XPAB': the tracking code as printed on receipts."""
        code = self.tracking_code
        return f"{TRACKING_PREFIX}-{code[:5]}-{code[5:]}" if code else ""

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def is_denunciation(self) -> bool:
        return self.kind == CaseKind.DENUNCIATION

    @property
    def is_anonymous_information(self) -> bool:
        """Luật Tố cáo 2018, Điều 25: anonymous 'denunciations' are only information."""
        return self.kind == CaseKind.DENUNCIATION and self.is_anonymous

    @property
    def kind_label(self) -> str:
        if self.is_anonymous_information:
            return str(_("Thông tin tố cáo nặc danh (Điều 25 Luật Tố cáo)"))
        return self.get_kind_display()

    @property
    def pseudonym(self) -> str:
        """'Người tố cáo K-4821': how everyone but the resolver names the denouncer.

        Derived from the case's public id (never from the identity), stable for the case.
        """
        digest = hashlib.sha256(f"denouncer:{self.public_id}".encode()).digest()
        letter = chr(ord("A") + digest[0] % 26)
        number = int.from_bytes(digest[1:3], "big") % 9000 + 1000
        return str(_("Người tố cáo %(letter)s-%(number)s")) % {"letter": letter, "number": number}

    @property
    def sender_label(self) -> str:
        """The sender as staff pages and documents name them: never a denouncer's name."""
        if self.is_denunciation:
            return str(_("Người gửi thông tin nặc danh")) if self.is_anonymous else self.pseudonym
        if self.is_anonymous or not self.contact_name:
            return str(_("Người gửi không ghi danh"))
        return self.contact_name

    def form_of_address(self, *, capitalised: bool = True) -> str:
        """'Bà' (a letter's first word, a list of recipients) or 'bà' (inside a sentence); the
        neutral 'Ông/Bà' when nothing was chosen."""
        return address_forms.form_of_address(self.salutation, capitalised=capitalised)

    def addressed_as(self, *, capitalised: bool = True) -> str:
        """'Bà Lê Thị Hoa' after "Kính gửi:", 'bà Lê Thị Hoa' inside a sentence."""
        return address_forms.addressed_as(
            self.salutation, self.contact_name, capitalised=capitalised
        )

    @property
    def can_receive_letters(self) -> bool:
        """A letter needs someone to address: not an anonymous sender."""
        return not self.is_anonymous

    def is_overdue(self, today: dt.date) -> bool:
        return self.next_due is not None and self.next_due < today


class CaseDeadline(models.Model):
    """One step's due date for one case, as computed from the rules in force at receipt.

    `is_tracked` steps are the school's own duties (reminders, dashboard, next due date);
    the others (the citizen's time limits, dates a decision becomes final) are shown only.
    A step is `done_on` when the action that fulfils it happened, `moot` when the case ended
    without it being needed.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deadlines")
    step = models.SlugField(max_length=50)
    step_label = models.CharField(max_length=255)
    order = models.PositiveSmallIntegerField(default=0)
    due = models.DateField(null=True, blank=True, db_index=True)
    last_day = models.DateField(null=True, blank=True)
    projected_due = models.DateField(null=True, blank=True)
    unit = models.CharField(max_length=12, choices=DayUnit.choices)
    limit = models.PositiveSmallIntegerField()
    citation = models.CharField(max_length=255)
    needs_verification = models.BooleanField(default=False)
    is_internal_policy = models.BooleanField(default=False)
    is_tracked = models.BooleanField(default=True)
    suspended = models.BooleanField(default=False)
    done_on = models.DateField(null=True, blank=True)
    moot = models.BooleanField(default=False)

    class Meta:
        ordering = ["case", "order", "step"]
        constraints = [
            models.UniqueConstraint(fields=["case", "step"], name="petitions_deadline_one_per_step")
        ]
        indexes = [
            models.Index(fields=["due", "done_on"], name="petitions_deadline_due_open"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.step} → {self.due}"

    @property
    def is_pending(self) -> bool:
        return self.is_tracked and self.done_on is None and not self.moot

    def is_overdue(self, today: dt.date) -> bool:
        return self.is_pending and self.due is not None and self.due < today

    def was_on_time(self) -> bool | None:
        if self.done_on is None or self.due is None:
            return None
        return self.done_on <= self.due


class CaseExtension(models.Model):
    """One extension granted by a written decision (Luật Tố cáo 2018, Điều 30 k2, k4)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="extensions")
    step = models.SlugField(max_length=50)
    days = models.PositiveSmallIntegerField(null=True, blank=True)
    decision = models.CharField(max_length=64)
    reason = models.TextField()
    granted_on = models.DateField()

    class Meta:
        ordering = ["case", "granted_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.step} +{self.days} ({self.decision})"


class CaseSuspension(models.Model):
    """A suspension interval: the clock of suspendable steps stops (Luật Tố cáo 2018, Điều 34)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="suspensions")
    suspended_on = models.DateField()
    resumed_on = models.DateField(null=True, blank=True)
    reason = models.TextField()

    class Meta:
        ordering = ["case", "suspended_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(resumed_on__isnull=True) | Q(resumed_on__gte=models.F("suspended_on")),
                name="petitions_suspension_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.suspended_on} – {self.resumed_on or '…'}"


class CaseEventKind(models.TextChoices):
    RECEIVED = "received", _("Tiếp nhận")
    ACKNOWLEDGED = "acknowledged", _("Thông báo tiếp nhận")
    CLASSIFIED = "classified", _("Phân loại")
    SPLIT = "split", _("Tách đơn")
    ACCEPTED = "accepted", _("Thụ lý")
    REFUSED = "refused", _("Không thụ lý")
    TRANSFERRED = "transferred", _("Chuyển đơn")
    ASSIGNED = "assigned", _("Phân công")
    REDACTED = "redacted", _("Biên tập che thông tin người tố cáo")
    VERIFICATION = "verification", _("Xác minh")
    DIALOGUE = "dialogue", _("Đối thoại")
    EXTENDED = "extended", _("Gia hạn")
    SUSPENDED = "suspended", _("Tạm đình chỉ")
    RESUMED = "resumed", _("Tiếp tục giải quyết")
    RESOLVED = "resolved", _("Giải quyết")
    SENT = "sent", _("Gửi kết quả")
    PUBLISHED = "published", _("Công khai")
    CLOSED = "closed", _("Kết thúc")
    WITHDRAWN = "withdrawn", _("Rút đơn")
    APOLOGISED = "apologised", _("Thư xin lỗi")
    THANKED = "thanked", _("Thư cảm ơn")
    RATED = "rated", _("Đánh giá mức hài lòng")
    CONTESTED = "contested", _("Không đồng ý với kết quả")
    DEADLINES = "deadlines", _("Tính lại thời hạn")


class CaseEvent(TimelineEvent):
    """One line of a case's timeline; append-only. `public_summary` is what the citizen sees.

    Unlike the shared base, the time is set by default (a test or the demo may date an event)
    and indexed, and the timeline reads oldest first.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=CaseEventKind.choices)
    actor_label = models.CharField(max_length=150, blank=True)
    public_summary = models.CharField(max_length=500, blank=True)
    document = models.ForeignKey(
        "paperwork.OutgoingDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}: {self.summary}"

    @property
    def is_public(self) -> bool:
        return bool(self.public_summary)


class MinutesKind(models.TextChoices):
    # Luật Khiếu nại 2011, Điều 29 k4 (báo cáo kết quả xác minh), Điều 30 (biên bản đối thoại);
    # Luật Tố cáo 2018, Điều 31 (xác minh nội dung tố cáo).
    VERIFICATION = "verification", _("Biên bản, báo cáo xác minh")
    DIALOGUE = "dialogue", _("Biên bản đối thoại")


class CaseMinutes(models.Model):
    """The record of a verification or a dialogue, kept in the case file (Luật KN Điều 34)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="minutes")
    kind = models.CharField(max_length=20, choices=MinutesKind.choices)
    held_on = models.DateField(_("Ngày"))
    place = models.CharField(_("Địa điểm"), max_length=255, blank=True)
    participants = models.TextField(_("Thành phần tham dự"))
    content = models.TextField(_("Nội dung"))
    result = models.TextField(_("Kết quả, ý kiến các bên"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.held_on}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    # A random stored name: the citizen's file name is a column, never a path.
    return f"petitions/{instance.case.organisation_id}/{uuid.uuid4().hex}"


IDENTIFYING_FILE_NAME = "tep-dinh-kem"


class Attachment(StoredFile):
    """A file sent with a case; stored outside the web root, served after an access check.

    `is_identifying` files (a denunciation's scans: handwriting, signature) are stored sealed
    and are served only to the person who may see the denouncer's identity. Their name is
    sealed too (a file is often named after its sender, "don-to-cao-Nguyen-Van-A.pdf"):
    `name_token` holds it, `original_name` only a neutral name such as "tep-dinh-kem.pdf"
    (Luật Tố cáo 2018, Điều 47 k2).
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path)
    is_identifying = models.BooleanField(default=False)
    name_token = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "pk"]


class DenouncerIdentity(models.Model):
    """Who denounced, sealed at rest (Luật Tố cáo 2018, Điều 47 k2, Điều 56).

    Every field holds a Fernet token (`gandan.petitions.secrecy`); nothing here is plaintext.
    Read it only through `access.access_denouncer_identity`, which checks and logs the view.
    """

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="denouncer")
    name_token = models.TextField()
    address_token = models.TextField(blank=True)
    phone_token = models.TextField(blank=True)
    email_token = models.TextField(blank=True)
    id_number_token = models.TextField(blank=True)
    original_content_token = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("thông tin người tố cáo (được bảo mật)")

    def __str__(self) -> str:
        return f"{self.case_id}: ***"
