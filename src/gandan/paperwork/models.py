"""The outgoing-document register (sổ đăng ký văn bản đi) and its yearly number sequences."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import StoredFile, TimeStampedModel
from gandan.paperwork.document import DocType, DocumentSpec, SignerPrefix, spec_from_json


class NumberSequence(models.Model):
    """The last number given in one register: per organisation, year and secrecy.

    Nghị định 30/2020, Điều 15 k1: numbers run from 01 on 1 January to 31 December, and
    secret documents have a sequence of their own. The row is locked while a number is taken.
    """

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Tổ chức"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    is_secret = models.BooleanField(_("Văn bản mật"), default=False)
    last_number = models.PositiveIntegerField(_("Số cuối cùng đã cấp"), default=0)

    class Meta:
        verbose_name = _("dãy số văn bản")
        verbose_name_plural = _("dãy số văn bản")
        ordering = ["organisation", "year", "is_secret"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "is_secret"], name="paperwork_sequence_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.year}: {self.last_number}"


class DocumentStatus(models.TextChoices):
    ISSUED = "issued", _("Đã ban hành")
    WITHDRAWN = "withdrawn", _("Đã thu hồi")


class OutgoingDocumentQuerySet(models.QuerySet["OutgoingDocument"]):
    def register(self, organisation, year: int, *, is_secret: bool = False):
        """One year's register of an organisation, in number order."""
        return self.filter(organisation=organisation, year=year, is_secret=is_secret).order_by(
            "number"
        )


class OutgoingDocument(TimeStampedModel):
    """One issued document, as it was issued: its number and the full content to re-render it."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="outgoing_documents",
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    is_secret = models.BooleanField(_("Văn bản mật"), default=False)
    number = models.PositiveIntegerField(_("Số"))
    doc_type = models.CharField(_("Loại văn bản"), max_length=8, choices=DocType.choices)
    number_symbol = models.CharField(_("Số, ký hiệu"), max_length=64)
    issued_on = models.DateField(_("Ngày ban hành"))
    summary = models.CharField(_("Trích yếu"), max_length=500)
    signer_name = models.CharField(_("Người ký"), max_length=150)
    signer_title = models.CharField(_("Chức vụ người ký"), max_length=150)
    signer_prefix = models.CharField(
        _("Quyền hạn ký"), max_length=8, choices=SignerPrefix.choices, blank=True
    )
    spec_json = models.JSONField(_("Nội dung văn bản"))
    source = models.CharField(
        _("Nguồn"), max_length=128, blank=True, help_text=_("Ví dụ: plans.plan:12")
    )
    status = models.CharField(
        _("Trạng thái"),
        max_length=16,
        choices=DocumentStatus.choices,
        default=DocumentStatus.ISSUED,
    )
    withdrawn_on = models.DateField(_("Ngày thu hồi"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("Lý do thu hồi"), blank=True)

    objects = OutgoingDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản đi")
        verbose_name_plural = _("sổ văn bản đi")
        ordering = ["organisation", "-year", "is_secret", "number"]
        constraints = [
            # Nghị định 30/2020, Điều 15 k1: a number is given once in a year's register.
            models.UniqueConstraint(
                fields=["organisation", "year", "is_secret", "number"],
                name="paperwork_document_number_unique",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="paperwork_number_positive"),
            models.CheckConstraint(
                condition=~Q(status=DocumentStatus.WITHDRAWN) | ~Q(withdrawal_reason=""),
                name="paperwork_withdrawal_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["source"], name="paperwork_document_source")]

    def __str__(self) -> str:
        return f"{self.number_symbol} — {self.summary}"

    @property
    def spec(self) -> DocumentSpec:
        """The document exactly as issued, ready for `render_docx` / `render_pdf`."""
        return spec_from_json(self.spec_json)

    @property
    def is_withdrawn(self) -> bool:
        return self.status == DocumentStatus.WITHDRAWN


def rendering_path(instance: "RenderedDocument", filename: str) -> str:
    # Under the files folder, so backups copy it (core/backups.py); a random stored name.
    return f"paperwork/{instance.document.organisation_id}/{uuid.uuid4().hex}.pdf"


class RenderedDocument(StoredFile):
    """An issued document's PDF, rendered once from its stored content and served from then on.

    Keyed by the document and the hash of its stored content (`spec_json`): a corrected
    content is rendered again, the issued one never changes under a reader.
    """

    document = models.ForeignKey(
        OutgoingDocument,
        verbose_name=_("Văn bản"),
        on_delete=models.CASCADE,
        related_name="renderings",
    )
    content_hash = models.CharField(_("Mã băm nội dung"), max_length=64)
    file = models.FileField(upload_to=rendering_path)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta(StoredFile.Meta):
        verbose_name = _("bản PDF của văn bản đi")
        verbose_name_plural = _("bản PDF của văn bản đi")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "content_hash"], name="paperwork_rendering_unique"
            )
        ]
