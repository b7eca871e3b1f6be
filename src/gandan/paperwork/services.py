"""Issuing and withdrawing official documents, and exporting registered ones."""

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.core.language import check_vietnamese
from gandan.orgs.models import Organisation
from gandan.paperwork.conventions import arrange
from gandan.paperwork.document import DocType, DocumentSpec, number_symbol, spec_to_json
from gandan.paperwork.models import (
    DocumentStatus,
    NumberSequence,
    OutgoingDocument,
    RenderedDocument,
)
from gandan.paperwork.rendering import render_docx, render_pdf
from gandan.paperwork.responses import PDF_MIME, download_name
from gandan.paperwork.signing import drafting_unit

# Builds the content once the number is known: (number, issued_on) -> DocumentSpec.
SpecBuilder = Callable[[int, dt.date], DocumentSpec]
EXPORT_FORMATS = ("docx", "pdf")

logger = logging.getLogger(__name__)


def _next_number(organisation: Organisation, year: int, is_secret: bool) -> int:
    """Take the next number of a register; call inside a transaction."""
    NumberSequence.objects.get_or_create(organisation=organisation, year=year, is_secret=is_secret)
    # The row lock makes concurrent issuers queue (PostgreSQL); SQLite's IMMEDIATE
    # transactions already serialise writers.
    sequence = NumberSequence.objects.select_for_update().get(
        organisation=organisation, year=year, is_secret=is_secret
    )
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


def issue_document(
    *,
    organisation: Organisation,
    spec: DocumentSpec | SpecBuilder,
    issued_on: dt.date,
    source: str = "",
    unit: str = "",
    is_secret: bool = False,
    actor=None,
) -> OutgoingDocument:
    """Give the document the next number of its organisation's register and record it.

    `spec` is a DocumentSpec, or a function (number, issued_on) -> DocumentSpec for content
    that quotes its own number. The register sets the number, symbol and date.
    `unit` is the drafting unit or field in a công văn's symbol ('05/THTT-VP'); left empty,
    the organisation's office (`signing.drafting_unit`).
    Precondition: the organisation has a symbol (Organisation.symbol). `source` names the
    record the document belongs to, as "<app>.<model>:<pk>[:<part>]" (e.g. "plans.plan:12",
    "democracy.conference:3:bien_ban"), so that the
    register links back to it; the caller runs under `core.language.in_vietnamese`.
    """
    check_vietnamese("issue_document")
    if not organisation.symbol.strip():
        raise ValidationError(
            _("Tổ chức “%(name)s” chưa có chữ viết tắt dùng trong ký hiệu văn bản.")
            % {"name": organisation.name}
        )
    # Nghị định 30/2020, Điều 15 k1: numbering restarts at 01 each calendar year.
    year = issued_on.year
    with transaction.atomic():
        # Taken first: the sequence row's lock also guards the date check below.
        number = _next_number(organisation, year, is_secret)
        latest = (
            OutgoingDocument.objects.register(organisation, year, is_secret=is_secret)
            .order_by("-number")
            .values_list("issued_on", flat=True)
            .first()
        )
        # Điều 15 k1: numbers follow the order of issue, so dates cannot go backwards.
        if latest is not None and issued_on < latest:
            raise ValidationError(
                _(
                    "Ngày ban hành %(day)s trước ngày của văn bản đã cấp số gần nhất "
                    "(%(latest)s): số văn bản phải theo thứ tự thời gian ban hành."
                )
                % {"day": issued_on.strftime("%d/%m/%Y"), "latest": latest.strftime("%d/%m/%Y")}
            )
        content = spec(number, issued_on) if callable(spec) else spec
        if content.doc_type == DocType.OFFICIAL_LETTER and not unit.strip():
            unit = drafting_unit(organisation)
        symbol = number_symbol(number, content.doc_type.abbreviation, organisation.symbol, unit)
        final = content.issued(number_symbol=symbol, date=issued_on)
        document = OutgoingDocument.objects.create(
            organisation=organisation,
            year=year,
            is_secret=is_secret,
            number=number,
            doc_type=final.doc_type.value,
            number_symbol=symbol,
            issued_on=issued_on,
            # The register writes the summary as the document prints it (conventions.py).
            summary=arrange(final).summary_line()[:500],
            signer_name=final.signer.name,
            signer_title=final.signer.title,
            signer_prefix=final.signer.prefix,
            spec_json=spec_to_json(final),
            source=source,
        )
        record_event(
            action=Action.CREATE,
            summary=_("Ban hành văn bản số %(symbol)s: %(summary)s")
            % {"symbol": symbol, "summary": document.summary},
            actor=actor,
            organisation=organisation,
            target=document,
        )
    return document


def withdraw_document(
    *,
    document: OutgoingDocument,
    reason: str,
    withdrawn_on: dt.date | None = None,
    actor=None,
) -> OutgoingDocument:
    """Mark an issued document withdrawn. It keeps its number: nothing official is deleted.

    Precondition: the document is issued (not yet withdrawn) and a reason is given.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Phải ghi lý do thu hồi văn bản."))
    with transaction.atomic():
        locked = OutgoingDocument.objects.select_for_update().get(pk=document.pk)
        if locked.is_withdrawn:
            raise ValidationError(
                _("Văn bản số %(symbol)s đã được thu hồi trước đó.")
                % {"symbol": locked.number_symbol}
            )
        locked.status = DocumentStatus.WITHDRAWN
        locked.withdrawn_on = withdrawn_on or timezone.localdate()
        locked.withdrawal_reason = reason
        locked.save(update_fields=["status", "withdrawn_on", "withdrawal_reason", "updated_at"])
        record_event(
            action=Action.WITHDRAW,
            summary=_("Thu hồi văn bản số %(symbol)s: %(reason)s")
            % {"symbol": locked.number_symbol, "reason": reason},
            actor=actor,
            organisation=locked.organisation,
            target=locked,
        )
    return locked


def export_document(document: OutgoingDocument, fmt: str) -> bytes:
    """The registered document from its stored content: the .docx rendered again (it is fast),
    the PDF rendered once and then served from storage (`stored_pdf`)."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(_("Định dạng không hỗ trợ: %(fmt)s (chọn docx hoặc pdf).") % {"fmt": fmt})
    return render_docx(document.spec) if fmt == "docx" else stored_pdf(document)


def content_hash(document: OutgoingDocument) -> str:
    """SHA-256 of the document's stored content, the key of its stored PDF."""
    canonical = json.dumps(
        document.spec_json, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def stored_pdf(document: OutgoingDocument) -> bytes:
    """The document's PDF: the stored rendering of its current content, else rendered now and
    stored (a file under the files folder, so backups keep it). A stored row whose file is
    gone is rendered again."""
    digest = content_hash(document)
    stored = RenderedDocument.objects.filter(document=document, content_hash=digest).first()
    if stored is not None:
        try:
            with stored.file.open("rb") as handle:
                return handle.read()
        except OSError:
            logger.warning("Stored PDF %s of document %s is missing", stored.file, document.pk)
            stored.delete()
    pdf = render_pdf(document.spec)
    rendering = RenderedDocument(
        document=document,
        content_hash=digest,
        original_name=download_name(document.number_symbol, "pdf"),
        content_type=PDF_MIME,
        size=len(pdf),
        sha256=hashlib.sha256(pdf).hexdigest(),
    )
    rendering.file.save("document.pdf", ContentFile(pdf), save=False)
    try:
        with transaction.atomic():
            rendering.save()
    except IntegrityError:
        # Two first downloads at once: the other one's file is the stored one.
        rendering.file.delete(save=False)
    return pdf
