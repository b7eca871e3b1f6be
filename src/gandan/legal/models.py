"""The register of cited documents: what each one is, and whether it still applies."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimeStampedModel
from gandan.legal.references import DOCUMENT_TYPES, LAW_TYPES, citation, document_key, law_name_key

KEY_FIELDS = ("type", "number", "year", "symbol", "title")


class DocumentStatus(models.TextChoices):
    IN_FORCE = "in_force", _("Còn hiệu lực")
    REPLACED = "replaced", _("Đã được thay thế")
    REPEALED = "repealed", _("Đã hết hiệu lực")
    UNKNOWN = "unknown", _("Chưa xác định")


class LegalDocument(TimeStampedModel):
    """A legal or directive document that plans cite, with its status and its successor."""

    type = models.CharField(
        _("Loại văn bản"), max_length=40, choices=[(name, name) for name in DOCUMENT_TYPES]
    )
    number = models.CharField(_("Số"), max_length=20, blank=True, help_text=_("Như khi viết: 08"))
    year = models.PositiveSmallIntegerField(
        _("Năm"), null=True, blank=True, help_text=_("Năm ghi trong số, ký hiệu (04/2015/NĐ-CP)")
    )
    symbol = models.CharField(
        _("Ký hiệu"), max_length=80, blank=True, help_text=_("Không gồm số và năm: NĐ-CP, QĐ/TW")
    )
    date = models.DateField(_("Ngày ban hành"), null=True, blank=True)
    issuer = models.CharField(_("Cơ quan ban hành"), max_length=255, blank=True)
    title = models.CharField(_("Tên, trích yếu"), max_length=500, blank=True)
    status = models.CharField(
        _("Tình trạng hiệu lực"),
        max_length=20,
        choices=DocumentStatus.choices,
        default=DocumentStatus.UNKNOWN,
    )
    effective_from = models.DateField(_("Có hiệu lực từ"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("Văn bản thay thế"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaces",
    )
    replacement_scope = models.CharField(
        _("Phạm vi thay thế"),
        max_length=200,
        blank=True,
        help_text=_("Khi chỉ thay thế một phần, ví dụ: đối với viên chức"),
    )
    source = models.TextField(
        _("Nguồn ghi nhận"),
        blank=True,
        help_text=_("Căn cứ xác định tình trạng hiệu lực: văn bản, điều khoản, nguồn tham khảo"),
    )
    match_key = models.CharField(_("Khóa đối chiếu"), max_length=200, editable=False, db_index=True)
    name_key = models.CharField(
        _("Khóa đối chiếu theo tên"), max_length=200, editable=False, blank=True, db_index=True
    )

    class Meta:
        verbose_name = _("Văn bản")
        verbose_name_plural = _("Danh mục văn bản")
        ordering = ["type", "year", "number"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=DocumentStatus.REPLACED) | Q(replaced_by__isnull=False),
                name="legal_replaced_names_its_replacement",
                violation_error_message=_("Văn bản đã được thay thế phải có văn bản thay thế."),
            ),
            models.UniqueConstraint(
                fields=["match_key"],
                condition=~Q(number=""),
                name="legal_unique_numbered_document",
                violation_error_message=_("Văn bản này đã có trong danh mục."),
            ),
        ]

    def __str__(self) -> str:
        return self.citation

    @property
    def citation(self) -> str:
        """'Thông tư 36/2017/TT-BGDĐT'; a law without a number is named by its title."""
        if not self.number and not self.symbol and self.title:
            return self.title
        return citation(self.type, self.number or None, self.year, self.symbol or None)

    def derive_keys(self) -> None:
        self.match_key = document_key(self.type, self.number or None, self.year, self.symbol)
        # Laws are also cited by name alone ("Luật tiếp cận thông tin").
        self.name_key = law_name_key(self.title) if self.type in LAW_TYPES and self.title else ""

    def save(self, *args, **kwargs) -> None:
        self.derive_keys()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) & set(KEY_FIELDS):
            kwargs["update_fields"] = {*update_fields, "match_key", "name_key"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        self.derive_keys()
        if self.replaced_by_id is None:
            return
        if self.pk is not None and self.replaced_by_id == self.pk:
            raise ValidationError({"replaced_by": _("Văn bản không thể thay thế chính nó.")})
        seen = {self.pk}
        successor = self.replaced_by
        while successor is not None:
            if successor.pk in seen:
                raise ValidationError({"replaced_by": _("Chuỗi thay thế tạo thành vòng lặp.")})
            seen.add(successor.pk)
            successor = successor.replaced_by

    @property
    def is_superseded(self) -> bool:
        return self.status in (DocumentStatus.REPLACED, DocumentStatus.REPEALED)

    @property
    def is_unchecked(self) -> bool:
        """Nobody has recorded whether it still applies: shown as "chưa kiểm tra", never hidden."""
        return self.status == DocumentStatus.UNKNOWN

    def current_successor(self) -> "LegalDocument | None":
        """The end of the replacement chain: the text that applies now (None if none is known)."""
        successor = self.replaced_by
        seen = {self.pk}
        while successor is not None and successor.replaced_by_id and successor.pk not in seen:
            seen.add(successor.pk)
            successor = successor.replaced_by
        return successor
