"""Use cases of consultation (lấy ý kiến, Luật 10/2022/QH15 Điều 53–55): open a draft for
comments, revise it, comment, close, answer each comment, publish the summary.

Stored records (timelines, documents) are plain Vietnamese (ADR 1); messages are translated.
"""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.democracy import documents, events, notices
from gandan.democracy.electorate import is_consulted
from gandan.democracy.models import (
    Channel,
    Comment,
    Consultation,
    ConsultationAudience,
    ConsultationStatus,
    ConsultationSubject,
    Decision,
    DisclosureObligation,
    DraftParagraph,
    DraftVersion,
    EventKind,
)
from gandan.democracy.services import disclosures
from gandan.orgs.models import Organisation, User
from gandan.paperwork.rendering import render_docx
from gandan.paperwork.responses import DOCX_MIME, download_name
from gandan.paperwork.services import issue_document

# Luật 10/2022/QH15, Điều 46 k10: the summary of opinions and the head's explanation is disclosed.
SUMMARY_OBLIGATION = "noi-bo-tong-hop-y-kien"
MAX_PARAGRAPHS = 500


def split_paragraphs(text: str) -> list[str]:
    """The draft as paragraphs: one per non-empty line, inner spaces tidied."""
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def _wording(version: DraftVersion) -> list[str]:
    return list(version.paragraphs.order_by("order").values_list("text", flat=True))


def _add_version(consultation: Consultation, actor: User, text: str, note: str) -> DraftVersion:
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise ValidationError({"draft_text": _("Hãy nhập nội dung dự thảo.")})
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise ValidationError(
            {"draft_text": _("Dự thảo quá dài (tối đa %(n)d đoạn).") % {"n": MAX_PARAGRAPHS}}
        )
    latest = consultation.versions.order_by("-number").values_list("number", flat=True).first()
    version = DraftVersion.objects.create(
        consultation=consultation, number=(latest or 0) + 1, note=note.strip(), created_by=actor
    )
    DraftParagraph.objects.bulk_create(
        DraftParagraph(version=version, order=index, text=body)
        for index, body in enumerate(paragraphs, start=1)
    )
    return version


@in_vietnamese
@transaction.atomic
def open_consultation(
    *,
    organisation: Organisation,
    actor: User,
    title: str,
    subject: str,
    audience: str,
    draft_text: str,
    deadline: dt.date,
    description: str = "",
    allow_anonymous: bool = False,
    opens_on: dt.date | None = None,
) -> Consultation:
    """Put a draft to staff or parents until `deadline` (Điều 54: opinions on draft documents
    and through the internal information system). Precondition: the actor manages the school."""
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Hãy nhập tên dự thảo.")})
    if subject not in ConsultationSubject.values or audience not in ConsultationAudience.values:
        raise ValidationError(_("Nội dung hoặc đối tượng lấy ý kiến không hợp lệ."))
    today = timezone.localdate()
    opens_on = opens_on or today
    # Điều 55: the head plans the consultation with its deadline; a deadline already past
    # would leave no one time to answer.
    if deadline < today or deadline < opens_on:
        raise ValidationError({"deadline": _("Hạn góp ý phải từ hôm nay trở đi.")})
    # The same draft put again while its consultation is open (a resent form) is that one.
    running = Consultation.objects.filter(
        organisation=organisation,
        title=title[:300],
        subject=subject,
        audience=audience,
        deadline=deadline,
        status=ConsultationStatus.OPEN,
        created_by=actor,
    ).first()
    if running is not None and _wording(running.current_version()) == split_paragraphs(draft_text):
        return running
    consultation = Consultation.objects.create(
        organisation=organisation,
        title=title[:300],
        subject=subject,
        audience=audience,
        description=description.strip(),
        opens_on=opens_on,
        deadline=deadline,
        allow_anonymous=allow_anonymous,
        created_by=actor,
    )
    _add_version(consultation, actor, draft_text, "")
    events.record(
        organisation,
        EventKind.CONSULTATION_OPENED,
        f"Lấy ý kiến dự thảo “{consultation.title}” đến hết ngày {deadline:%d/%m/%Y}",
        actor,
        consultation=consultation,
    )
    notices.consultation_opened(consultation, actor)
    return consultation


@in_vietnamese
@transaction.atomic
def revise_draft(
    *, consultation: Consultation, actor: User, draft_text: str, note: str
) -> DraftVersion:
    """A new wording of the draft; earlier versions and their comments are kept."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.status == ConsultationStatus.PUBLISHED:
        raise ValidationError(_("Kết quả đã công khai; không chỉnh sửa dự thảo được nữa."))
    if not note.strip():
        raise ValidationError({"note": _("Hãy ghi tóm tắt nội dung chỉnh sửa.")})
    current = consultation.current_version()
    if _wording(current) == split_paragraphs(draft_text) and current.note == note.strip():
        return current  # the same revision sent twice
    version = _add_version(consultation, actor, draft_text, note)
    events.record(
        consultation.organisation,
        EventKind.CONSULTATION_REVISED,
        f"Chỉnh sửa dự thảo “{consultation.title}” (lần {version.number}): {note.strip()[:200]}",
        actor,
        consultation=consultation,
    )
    return version


@in_vietnamese
@transaction.atomic
def add_comment(
    *,
    consultation: Consultation,
    author: User,
    text: str,
    paragraph: DraftParagraph | None = None,
    anonymous: bool = False,
) -> Comment:
    """An opinion on a paragraph of the current draft, or on the whole draft."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if not consultation.is_accepting(timezone.localdate()):
        raise ValidationError(_("Đã hết thời gian góp ý cho dự thảo này."))
    if not is_consulted(author, consultation):
        raise ValidationError(_("Bạn không thuộc đối tượng được lấy ý kiến."))
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Hãy nhập ý kiến góp ý.")})
    if anonymous and not consultation.allow_anonymous:
        raise ValidationError(_("Cuộc lấy ý kiến này không cho phép góp ý ẩn tên."))
    version = consultation.current_version()
    if paragraph is not None and paragraph.version_id != version.pk:
        raise ValidationError(_("Đoạn này thuộc bản dự thảo cũ; hãy góp ý trên bản mới nhất."))
    # The same opinion on the same place sent twice (a double click) is one opinion.
    sent = Comment.objects.filter(
        consultation=consultation,
        version=version,
        paragraph=paragraph,
        author=author,
        is_anonymous=anonymous,
        text=text,
    ).first()
    if sent is not None:
        return sent
    comment = Comment.objects.create(
        consultation=consultation,
        version=version,
        paragraph=paragraph,
        author=author,
        is_anonymous=anonymous,
        text=text,
        created_at=timezone.now(),
    )
    where = f"đoạn {paragraph.order}" if paragraph else "toàn bộ dự thảo"
    who = "Một ý kiến ẩn tên" if anonymous else author.full_name
    events.record(
        consultation.organisation,
        EventKind.COMMENTED,
        f"{who} góp ý {where} dự thảo “{consultation.title}”",
        author,
        consultation=consultation,
        target=comment,
    )
    return comment


@in_vietnamese
@transaction.atomic
def close_consultation(*, consultation: Consultation, actor: User) -> Consultation:
    """Stop taking opinions (before or after the deadline) and start answering them."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.status != ConsultationStatus.OPEN:
        raise ValidationError(_("Cuộc lấy ý kiến đã kết thúc."))
    consultation.status = ConsultationStatus.CLOSED
    consultation.closed_at = timezone.now()
    consultation.save(update_fields=["status", "closed_at", "updated_at"])
    events.record(
        consultation.organisation,
        EventKind.CONSULTATION_CLOSED,
        f"Kết thúc lấy ý kiến dự thảo “{consultation.title}”: "
        f"{consultation.comments.count()} ý kiến",
        actor,
        consultation=consultation,
    )
    return consultation


@in_vietnamese
@transaction.atomic
def answer_comment(*, comment: Comment, actor: User, decision: str, reason: str) -> Comment:
    """The head's answer to one opinion: accepted, partly or not, always with the reason
    (Luật 10/2022/QH15, Điều 55: tiếp thu, giải trình)."""
    comment = (
        Comment.objects.select_for_update(of=("self",))
        .select_related("consultation")
        .get(pk=comment.pk)
    )
    consultation = comment.consultation
    if consultation.status != ConsultationStatus.CLOSED:
        raise ValidationError(
            _("Chỉ tiếp thu, giải trình sau khi kết thúc lấy ý kiến và trước khi công khai.")
        )
    if decision not in Decision.values:
        raise ValidationError({"decision": _("Hãy chọn tiếp thu, tiếp thu một phần hoặc không.")})
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Hãy ghi lý do, nội dung giải trình.")})
    if (comment.decision, comment.reason) == (decision, reason):
        return comment  # the same answer sent again
    comment.decision = decision
    comment.reason = reason
    comment.responded_by = actor
    comment.responded_at = timezone.now()
    comment.save(update_fields=["decision", "reason", "responded_by", "responded_at"])
    events.record(
        consultation.organisation,
        EventKind.COMMENT_ANSWERED,
        f"{documents.DECISION_TEXT[decision]} ý kiến góp ý "
        f"({documents.where_commented(comment).lower()})",
        actor,
        consultation=consultation,
        target=comment,
    )
    return comment


@in_vietnamese
@transaction.atomic
def publish_consultation(
    *, consultation: Consultation, actor: User, issued_on: dt.date | None = None
) -> Consultation:
    """Issue the summary of opinions with the head's explanations and disclose it to staff
    (Điều 46 k10, Điều 55). Precondition: closed, and every opinion answered."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.status != ConsultationStatus.CLOSED:
        raise ValidationError(_("Chỉ công khai được sau khi kết thúc lấy ý kiến."))
    waiting = consultation.comments.filter(decision="").count()
    if waiting:
        raise ValidationError(
            _("Còn %(n)d ý kiến chưa được tiếp thu, giải trình.") % {"n": waiting}
        )
    issued_on = issued_on or timezone.localdate()
    document = issue_document(
        organisation=consultation.organisation,
        spec=documents.consultation_summary_spec(consultation),
        issued_on=issued_on,
        source=f"democracy.consultation:{consultation.pk}:tong_hop",
        actor=actor,
    )
    consultation.summary_document = document
    fields = ["summary_document", "status", "published_at", "updated_at"]
    if consultation.audience == ConsultationAudience.STAFF:
        consultation.disclosure = _disclose(consultation, document, actor, issued_on)
        fields.append("disclosure")
    consultation.status = ConsultationStatus.PUBLISHED
    consultation.published_at = timezone.now()
    consultation.save(update_fields=fields)
    events.record(
        consultation.organisation,
        EventKind.CONSULTATION_PUBLISHED,
        f"Công khai tổng hợp ý kiến và tiếp thu, giải trình dự thảo “{consultation.title}” "
        f"(văn bản số {document.number_symbol})",
        actor,
        consultation=consultation,
    )
    return consultation


def _disclose(consultation: Consultation, document, actor: User, issued_on: dt.date):
    """Record the summary in the disclosure register and publish it on the internal system."""
    upload = SimpleUploadedFile(
        f"tong-hop-y-kien-{download_name(document.number_symbol, 'docx')}",
        render_docx(document.spec),
        content_type=DOCX_MIME,
    )
    item = disclosures.record_disclosure(
        organisation=consultation.organisation,
        obligation=DisclosureObligation.objects.get(code=SUMMARY_OBLIGATION),
        actor=actor,
        title=f"Tổng hợp ý kiến và tiếp thu, giải trình: {consultation.title}"[:300],
        body=document.summary,
        decision_reference=document.number_symbol,
        decision_date=issued_on,
        document=upload,
    )
    return disclosures.publish_disclosure(
        item=item, actor=actor, published_on=issued_on, channels=[Channel.INTRANET]
    )
