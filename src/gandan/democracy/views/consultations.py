"""Consultation pages: the list, a draft with its paragraphs and comments, the head's answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.forms import add_service_error, error_text
from gandan.core.http import AuthenticatedRequest
from gandan.democracy import access, documents
from gandan.democracy.electorate import is_consulted
from gandan.democracy.forms import (
    CommentAnswerForm,
    CommentForm,
    ConsultationForm,
    RevisionForm,
)
from gandan.democracy.models import ConsultationStatus, DraftParagraph
from gandan.democracy.services import consultations as services
from gandan.paperwork.responses import (
    DOCX_MIME,
    document_response,
    download_name,
    file_response,
)
from gandan.paperwork.services import export_document
from gandan.worktime import days


@login_required
def consultation_list(request: AuthenticatedRequest) -> HttpResponse:
    school = access.consultation_school(request.user, request.GET.get("truong"))
    consultations = (
        access.visible_consultations(request.user, school)
        .annotate(
            comment_count=Count("comments"),
            waiting=Count("comments", filter=Q(comments__decision="")),
        )
        .order_by("-opens_on", "-created_at")
    )
    return render(
        request,
        "democracy/consultations.html",
        {
            "school": school,
            "consultations": consultations,
            "today": timezone.localdate(),
            "can_manage": access.can_manage(request.user, school),
            "staff_nav": access.can_read(request.user, school),
        },
    )


@login_required
def consultation_new(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for(request.user, request.GET.get("truong"))
    if not access.can_manage(request.user, school):
        raise Http404
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            consultation = services.open_consultation(
                organisation=school,
                actor=request.user,
                title=data["title"],
                subject=data["subject"],
                audience=data["audience"],
                draft_text=data["draft_text"],
                deadline=data["deadline"],
                description=data["description"],
                allow_anonymous=data["allow_anonymous"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã mở lấy ý kiến dự thảo."))
            return redirect("democracy:consultation", public_id=consultation.public_id)
    return render(request, "democracy/consultation_form.html", {"form": form, "school": school})


def _comment_rows(comments, user, *, show_answers: bool, answering: bool) -> list[dict]:
    return [
        {
            "comment": comment,
            "author": comment.author.full_name if access.can_see_author(user, comment) else None,
            "mine": comment.author_id == user.pk,
            "show_answer": show_answers and comment.is_answered,
            "answer_form": CommentAnswerForm(
                initial={"decision": comment.decision, "reason": comment.reason},
                prefix=str(comment.public_id),
            )
            if answering
            else None,
        }
        for comment in comments
    ]


@login_required
def consultation_detail(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    consultation = access.access_consultation(request.user, public_id)
    school = consultation.organisation
    today = timezone.localdate()
    can_manage = access.can_manage(request.user, school)
    published = consultation.status == ConsultationStatus.PUBLISHED
    answering = can_manage and consultation.status == ConsultationStatus.CLOSED
    version = consultation.current_version()
    comments = list(
        consultation.comments.select_related("author", "paragraph", "version", "consultation")
    )
    rows = _comment_rows(
        comments, request.user, show_answers=published or can_manage, answering=answering
    )
    by_paragraph: dict[int | None, list[dict]] = {}
    earlier = []
    for row in rows:
        comment = row["comment"]
        if comment.version_id != version.pk:
            earlier.append(row)
        else:
            by_paragraph.setdefault(comment.paragraph_id, []).append(row)
    can_comment = consultation.is_accepting(today) and is_consulted(request.user, consultation)
    paragraphs = [
        {"paragraph": paragraph, "comments": by_paragraph.get(paragraph.pk, [])}
        for paragraph in version.paragraphs.all()
    ]
    context = {
        "consultation": consultation,
        "school": school,
        "version": version,
        "versions": list(consultation.versions.order_by("-number")),
        "paragraphs": paragraphs,
        "general": by_paragraph.get(None, []),
        "earlier": earlier,
        "can_manage": can_manage,
        "can_comment": can_comment,
        "comment_form": CommentForm() if can_comment else None,
        "answering": answering,
        "waiting": sum(1 for comment in comments if not comment.is_answered),
        "comment_count": len(comments),
        "today": today,
        "working_days_left": days.working_days_between(today, consultation.deadline)
        if consultation.is_accepting(today)
        else None,
        "events": consultation.events.select_related("actor")[:30],
    }
    return render(request, "democracy/consultation_detail.html", context)


@login_required
@require_POST
def comment_add(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    consultation = access.access_consultation(request.user, public_id, action="comment")
    form = CommentForm(request.POST)
    url = reverse("democracy:consultation", args=[consultation.public_id])
    if not form.is_valid():
        messages.error(request, _("Hãy nhập ý kiến góp ý."))
        return redirect(url)
    paragraph = None
    if form.cleaned_data["paragraph"]:
        paragraph = DraftParagraph.objects.filter(
            pk=form.cleaned_data["paragraph"], version__consultation=consultation
        ).first()
        if paragraph is None:
            raise Http404
    try:
        comment = services.add_comment(
            consultation=consultation,
            author=request.user,
            text=form.cleaned_data["text"],
            paragraph=paragraph,
            anonymous=form.cleaned_data["anonymous"],
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect(url)
    messages.success(request, _("Đã gửi ý kiến góp ý. Cảm ơn bạn."))
    return redirect(f"{url}#y-kien-{comment.public_id}")


@login_required
def consultation_revise(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    consultation = access.access_consultation(request.user, public_id, action="manage")
    current = consultation.current_version()
    initial = {"draft_text": "\n".join(p.text for p in current.paragraphs.all())}
    form = RevisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.revise_draft(
                consultation=consultation,
                actor=request.user,
                draft_text=form.cleaned_data["draft_text"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã lưu bản dự thảo mới."))
            return redirect("democracy:consultation", public_id=consultation.public_id)
    return render(
        request,
        "democracy/consultation_revise.html",
        {"consultation": consultation, "form": form, "version": current},
    )


@login_required
@require_POST
def consultation_close(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    consultation = access.access_consultation(request.user, public_id, action="manage")
    try:
        services.close_consultation(consultation=consultation, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, _("Đã kết thúc lấy ý kiến. Hãy tiếp thu, giải trình từng ý kiến.")
        )
    return redirect("democracy:consultation", public_id=consultation.public_id)


@login_required
@require_POST
def comment_answer(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    comment = access.access_comment(request.user, public_id)
    form = CommentAnswerForm(request.POST, prefix=str(comment.public_id))
    url = reverse("democracy:consultation", args=[comment.consultation.public_id])
    if not form.is_valid():
        messages.error(request, _("Hãy chọn mức tiếp thu và ghi lý do."))
        return redirect(f"{url}#y-kien-{comment.public_id}")
    try:
        services.answer_comment(
            comment=comment,
            actor=request.user,
            decision=form.cleaned_data["decision"],
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã ghi nội dung tiếp thu, giải trình."))
    return redirect(f"{url}#y-kien-{comment.public_id}")


@login_required
@require_POST
def consultation_publish(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    consultation = access.access_consultation(request.user, public_id, action="manage")
    try:
        services.publish_consultation(consultation=consultation, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, _("Đã ban hành và công khai báo cáo tổng hợp ý kiến, tiếp thu, giải trình.")
        )
    return redirect("democracy:consultation", public_id=consultation.public_id)


@login_required
def consultation_summary(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """The summary as .docx: the issued one for everyone who reads the consultation once it is
    published; before that, a draft without a number for the head and deputies."""
    consultation = access.access_consultation(request.user, public_id)
    issued = consultation.summary_document
    if issued is not None:
        return file_response(
            export_document(issued, "docx"),
            filename=f"tong-hop-y-kien-{download_name(issued.number_symbol, 'docx')}",
            content_type=DOCX_MIME,
        )
    if not access.can_manage(request.user, consultation.organisation):
        raise Http404
    return document_response(
        documents.consultation_summary_spec(consultation), filename="tong-hop-y-kien-du-thao.docx"
    )
