"""Staff pages of a registration: detail, updates with evidence, submission, score card,
recognition, and its documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.files import stored_file_response
from gandan.core.forms import add_service_error, error_text
from gandan.core.http import AuthenticatedRequest
from gandan.emulation import access, documents
from gandan.emulation.forms import (
    ReasonForm,
    RecognitionForm,
    ScoreForm,
    StoryForm,
    UpdateForm,
)
from gandan.emulation.models import CampaignStatus, Criterion, Recognition, RegistrationStatus
from gandan.emulation.services import registrations as services
from gandan.emulation.services import review
from gandan.paperwork.responses import document_response


def _cards(registration) -> list[dict]:
    """Each member's card: criterion points in sheet order, and the total."""
    cards: dict[int, dict] = {}
    for score in registration.scores.select_related("member", "criterion").order_by(
        "member__sort_key", "criterion__order"
    ):
        card = cards.setdefault(score.member_id, {"member": score.member, "scores": [], "total": 0})
        card["scores"].append(score)
        card["total"] += score.points
    return list(cards.values())


@login_required
def registration_detail(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    registration = access.access_registration(request.user, public_id)
    user = request.user
    campaign = registration.campaign
    school = campaign.organisation
    can_manage = access.can_manage(user, school)
    can_report = access.can_take_part(user, school) and access.is_responsible(user, registration)
    is_member = access.is_council_member(user, campaign)
    standing = None
    if access.can_see_results(user, campaign):
        standing = next(
            (row for row in review.standings(campaign) if row.registration.pk == registration.pk),
            None,
        )
    recognition = (
        Recognition.objects.filter(registration=registration).select_related("decision").first()
    )
    reviewed = registration.status == RegistrationStatus.REVIEWED
    return render(
        request,
        "emulation/registration_detail.html",
        {
            "registration": registration,
            "campaign": campaign,
            "updates": registration.updates.select_related("author").prefetch_related("evidence"),
            "can_report": can_report and registration.is_open,
            "can_submit": can_report
            and registration.is_open
            and campaign.status in (CampaignStatus.IMPLEMENTATION, CampaignStatus.REVIEW),
            "can_score": is_member
            and registration.registrant_id != user.pk
            and registration.status == RegistrationStatus.SUBMITTED
            and campaign.status == CampaignStatus.REVIEW
            and not campaign.is_reviewed,
            "can_see_evidence": access.can_see_evidence(user, registration),
            "cards": _cards(registration) if access.can_see_scores(user, campaign) else None,
            "standing": standing,
            "recognition": recognition,
            "can_recognise": can_manage and reviewed and registration.shortlisted is not False,
            "decline_form": ReasonForm() if can_manage and reviewed else None,
            "story_form": StoryForm(
                initial={"story": recognition.story, "publish": recognition.publish_publicly}
            )
            if can_manage and recognition is not None
            else None,
            "events": registration.events.select_related("actor")[:30],
        },
    )


@login_required
def registration_update(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    registration = access.access_registration(request.user, public_id, action="report")
    form = UpdateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_update(
                registration=registration,
                author=request.user,
                text=form.cleaned_data["text"],
                files=form.cleaned_data["files"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã cập nhật kết quả thực hiện."))
            return redirect("emulation:registration", public_id=registration.public_id)
    return render(
        request,
        "emulation/update_form.html",
        {"registration": registration, "form": form},
    )


@login_required
@require_POST
def registration_submit(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    registration = access.access_registration(request.user, public_id, action="report")
    try:
        services.submit_registration(registration=registration, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã gửi hồ sơ để Hội đồng đánh giá."))
    return redirect("emulation:registration", public_id=registration.public_id)


@login_required
def registration_score(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """A council member's score card for one registration."""
    registration = access.access_registration(request.user, public_id, action="score")
    sheet = Criterion.objects.filter(
        campaign=registration.campaign, kind=registration.criterion_kind
    )
    mine = {score.criterion_id: score for score in registration.scores.filter(member=request.user)}
    initial: dict[str, int | str] = {}
    for criterion_id, score in mine.items():
        initial[f"points_{criterion_id}"] = score.points
        initial[f"comment_{criterion_id}"] = score.comment
    form = ScoreForm(request.POST or None, criteria=sheet, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            review.score_registration(
                registration=registration,
                member=request.user,
                points=form.points(),
                comments=form.comments(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã lưu phiếu chấm điểm."))
            return redirect("emulation:campaign", public_id=registration.campaign.public_id)
    return render(
        request,
        "emulation/score_form.html",
        {
            "registration": registration,
            "form": form,
            "max_total": sum(c.max_points for c in form.criteria),
            "updates": registration.updates.select_related("author").prefetch_related("evidence"),
            "scored": bool(mine),
        },
    )


@login_required
def registration_recognise(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    registration = access.access_registration(request.user, public_id, action="manage")
    form = RecognitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            recognition = review.recognise_registration(
                registration=registration,
                actor=request.user,
                level=data["level"],
                issued_on=data["issued_on"],
                story=data["story"],
                publish=data["publish"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Đã ban hành quyết định công nhận số %(symbol)s.")
                % {"symbol": recognition.decision.number_symbol},
            )
            return redirect("emulation:registration", public_id=registration.public_id)
    return render(
        request,
        "emulation/recognition_form.html",
        {"registration": registration, "form": form},
    )


@login_required
@require_POST
def registration_decline(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    registration = access.access_registration(request.user, public_id, action="manage")
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Cần ghi lý do."))
        review.decline_registration(
            registration=registration, actor=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã ghi nhận không công nhận hồ sơ này."))
    return redirect("emulation:registration", public_id=registration.public_id)


@login_required
@require_POST
def registration_story(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    registration = access.access_registration(request.user, public_id, action="manage")
    recognition = Recognition.objects.filter(registration=registration).first()
    if recognition is None:
        raise Http404
    form = StoryForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Câu chuyện không hợp lệ."))
        review.update_story(
            recognition=recognition,
            actor=request.user,
            story=form.cleaned_data["story"],
            publish=form.cleaned_data["publish"],
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã lưu câu chuyện."))
    return redirect("emulation:registration", public_id=registration.public_id)


@login_required
def registration_form_download(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    registration = access.access_registration(request.user, public_id)
    return document_response(
        documents.registration_form_spec(registration), filename="phieu-dang-ky-dan-van-kheo.docx"
    )


@login_required
def decision_download(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    registration = access.access_registration(request.user, public_id)
    recognition = (
        Recognition.objects.filter(registration=registration).select_related("decision").first()
    )
    if recognition is None:
        raise Http404
    return document_response(
        recognition.decision.spec, filename="quyet-dinh-cong-nhan-dan-van-kheo.docx"
    )


@login_required
def evidence_download(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    evidence = access.access_evidence(request.user, public_id)
    return stored_file_response(evidence)
