"""Linking parsed references to the register, and warning about superseded documents."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from gandan.legal.models import DocumentStatus, LegalDocument
from gandan.legal.references import Reference, cited_documents, document_key, normalised_key


@dataclass(frozen=True)
class ReplacementWarning:
    """A cited document that no longer applies, and what applies instead."""

    reference: Reference  # its first citation in the text
    document: LegalDocument
    replacement: LegalDocument | None
    current: LegalDocument | None  # end of the replacement chain
    message: str


@dataclass(frozen=True)
class UncheckedDocument:
    """A cited document whose status nobody has checked: in the register as "unknown", or absent."""

    reference: Reference  # its first citation in the text
    document: LegalDocument | None  # None: not in the register at all
    message: str


def link_reference(ref: Reference) -> LegalDocument | None:
    """The register entry `ref` cites, or None if the register has none or several fit."""
    return _Register.for_references([ref]).find(ref)


def link_references(refs: Iterable[Reference]) -> list[LegalDocument | None]:
    """link_reference for many references at once, with one query."""
    refs = list(refs)
    register = _Register.for_references(refs)
    return [register.find(ref) for ref in refs]


def replacement_warnings(refs: Iterable[Reference]) -> list[ReplacementWarning]:
    """One warning per cited document that is replaced or repealed, in order of first citation."""
    refs = list(refs)
    register = _Register.for_references(refs)
    warnings: list[ReplacementWarning] = []
    warned: set[int] = set()
    for ref in refs:
        document = register.find(ref)
        if document is None or not document.is_superseded or document.pk in warned:
            continue
        warned.add(document.pk)
        current = document.current_successor()
        warnings.append(
            ReplacementWarning(
                reference=ref,
                document=document,
                replacement=document.replaced_by,
                current=current,
                message=_warning_message(document, current),
            )
        )
    return warnings


def unchecked_documents(refs: Iterable[Reference]) -> list[UncheckedDocument]:
    """One "not checked" mark per cited document of unknown status, in order of first citation.

    A document the register marks "unknown", or does not hold, may be replaced or repealed
    without anyone knowing: the reader is told so instead of seeing nothing. Citations of one
    document (with and without its date, see `cited_documents`) get one mark.
    """
    refs = list(refs)
    register = _Register.for_references(refs)
    marks: list[UncheckedDocument] = []
    seen: set[int] = set()
    for cited in cited_documents(refs):
        found = [doc for ref in cited.references if (doc := register.find(ref)) is not None]
        document = found[0] if found else None
        if document is not None:
            if document.pk in seen or not document.is_unchecked:
                seen.add(document.pk)
                continue
            seen.add(document.pk)
            message = _("%(citation)s: chưa kiểm tra tình trạng hiệu lực.") % {
                "citation": document.citation
            }
        else:
            message = _(
                "%(citation)s: chưa có trong danh mục văn bản, chưa kiểm tra tình trạng hiệu lực."
            ) % {"citation": cited.citation}
        marks.append(UncheckedDocument(reference=cited.first, document=document, message=message))
    return marks


@transaction.atomic
def register_reference(*, reference: Reference) -> LegalDocument:
    """The register entry for `reference`, created with status "unknown" if there is none.

    Precondition: the reference has a number, or is a law cited by name.
    """
    found = link_reference(reference)
    if found is not None:
        return found
    if reference.number is None and not reference.is_law_by_name:
        raise ValueError(f"cannot register a reference without a number: {reference.text!r}")
    document = LegalDocument(
        type=reference.type,
        number=reference.number or "",
        year=reference.year,
        symbol=reference.symbol or "",
        date=reference.date,
        issuer=reference.issuer or "",
        # A law by name is registered under its name without the year ("Luật Hộ tịch"), so that
        # its name key matches every citation of it; the year stays in its own field.
        title=f"{reference.type} {reference.name}" if reference.is_law_by_name else "",
        status=DocumentStatus.UNKNOWN,
    )
    document.full_clean()
    document.save()
    return document


def _warning_message(document: LegalDocument, current: LegalDocument | None) -> str:
    replacement = document.replaced_by
    scope = f" ({document.replacement_scope})" if document.replacement_scope else ""
    if document.status == DocumentStatus.REPLACED and replacement is not None:
        message = _("%(old)s đã được thay thế bởi %(new)s%(scope)s.") % {
            "old": document.citation,
            "new": replacement.citation,
            "scope": scope,
        }
    elif replacement is not None:
        message = _("%(old)s đã hết hiệu lực; văn bản thay thế: %(new)s%(scope)s.") % {
            "old": document.citation,
            "new": replacement.citation,
            "scope": scope,
        }
    else:
        message = _("%(old)s đã hết hiệu lực.") % {"old": document.citation}
    if current is not None and current != replacement:
        message += " " + _("Văn bản đang áp dụng: %(current)s.") % {"current": current.citation}
    return message


def _number_variants(number: str) -> set[str]:
    """'4' is cited as '04' and '004' too: the register keeps the number as written."""
    bare = number.lstrip("0") or "0"
    return {number, bare, bare.zfill(2), bare.zfill(3)}


def _is_law_by_name(ref: Reference) -> bool:
    return ref.is_law_by_name


def _compatible(document: LegalDocument, ref: Reference) -> bool:
    """Nothing the reference states contradicts the entry (a missing year or symbol is fine)."""
    if document.type != ref.type:
        return False
    if ref.year is not None and document.year is not None and ref.year != document.year:
        return False
    if ref.date is not None and document.date is not None and ref.date != document.date:
        return False
    if ref.symbol is not None and document.symbol:
        ours = document_key(ref.type, None, None, ref.symbol)
        return ours == document_key(document.type, None, None, document.symbol)
    return True


class _Register:
    """The register entries that may match a batch of references, fetched in one query."""

    def __init__(self, documents: list[LegalDocument]):
        self.documents = documents
        self.by_key = {doc.match_key: doc for doc in documents if doc.number}

    @classmethod
    def for_references(cls, refs: list[Reference]) -> "_Register":
        condition = Q(pk__in=[])
        for ref in refs:
            if _is_law_by_name(ref):
                condition |= Q(name_key=normalised_key(ref))
            elif ref.number is not None:
                condition |= Q(type=ref.type, number__in=_number_variants(ref.number))
            elif ref.symbol is not None and ref.date is not None:
                condition |= Q(type=ref.type, date=ref.date)
        documents = LegalDocument.objects.filter(condition).select_related(
            "replaced_by", "replaced_by__replaced_by"
        )
        return cls(list(documents))

    def find(self, ref: Reference) -> LegalDocument | None:
        if _is_law_by_name(ref):
            return self._find_by_name(ref)
        exact = self.by_key.get(normalised_key(ref))
        if exact is not None:
            return exact
        if ref.number is not None:
            variants = _number_variants(ref.number)
            candidates = [
                doc for doc in self.documents if doc.number in variants and _compatible(doc, ref)
            ]
        elif ref.symbol is not None and ref.date is not None:
            # "Kế hoạch số/KH-SGDĐT ngày 10/01/2022": no number, but symbol and date identify it.
            candidates = [
                doc for doc in self.documents if doc.date == ref.date and _compatible(doc, ref)
            ]
        else:
            candidates = []
        return candidates[0] if len(candidates) == 1 else None

    def _find_by_name(self, ref: Reference) -> LegalDocument | None:
        key = normalised_key(ref)
        named = [doc for doc in self.documents if doc.name_key == key]
        if ref.year is not None:
            named = [doc for doc in named if doc.year == ref.year]
        if len(named) > 1:
            # "Bộ luật Lao động" without a year means the code that applies now.
            named = [doc for doc in named if not doc.is_superseded]
        return named[0] if len(named) == 1 else None
