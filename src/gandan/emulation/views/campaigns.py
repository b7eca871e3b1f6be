"""Staff pages of a campaign: list, creation, criteria, council, phases, the review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.forms import add_service_error, error_text
from gandan.core.http import AuthenticatedRequest
from gandan.emulation import access
from gandan.emulation.forms import (
    CampaignForm,
    ConcludeForm,
    CouncilForm,
    CriterionForm,
    NewCriterionForm,
    RegistrationForm,
    ShortlistForm,
)
from gandan.emulation.models import (
    CampaignStatus,
    CouncilRole,
    Criterion,
    CriterionKind,
    RegistrationStatus,
    Score,
)
from gandan.emulation.services import campaigns as services
from gandan.emulation.services import registrations, review
from gandan.paperwork.responses import document_response


@login_required
def campaign_list(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for(request.user, request.GET.get("truong"))
    rows = access.visible_campaigns(request.user, school).annotate(
        registration_count=Count("registrations", distinct=True)
    )
    return render(
        request,
        "emulation/campaigns.html",
        {
            "school": school,
            "campaigns": rows,
            "can_manage": access.can_manage(request.user, school),
        },
    )


@login_required
def campaign_new(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for(request.user)
    if not access.can_manage(request.user, school):
        raise Http404
    form = CampaignForm(request.POST or None, school=school)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campaign = services.create_campaign(
                organisation=school,
                actor=request.user,
                title=data["title"],
                year_label=data["year_label"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                theme=data["theme"],
                plan=data["plan"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã tạo phong trào; tiêu chí mặc định đã được thêm."))
            return redirect("emulation:campaign", public_id=campaign.public_id)
    return render(request, "emulation/campaign_form.html", {"form": form, "school": school})


@login_required
def campaign_detail(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    campaign = access.access_campaign(request.user, public_id)
    user = request.user
    school = campaign.organisation
    rows = list(
        campaign.registrations.select_related("registrant", "unit")
        .annotate(update_count=Count("updates"))
        .order_by("title")
    )
    council = list(campaign.council.select_related("user").order_by("role", "user__sort_key"))
    is_member = access.is_council_member(user, campaign)
    scored_ids = (
        set(
            Score.objects.filter(registration__campaign=campaign, member=user).values_list(
                "registration_id", flat=True
            )
        )
        if is_member
        else set()
    )
    to_score = [
        row
        for row in rows
        if is_member
        and row.status == RegistrationStatus.SUBMITTED
        and row.registrant_id != user.pk
        and campaign.status == CampaignStatus.REVIEW
        and not campaign.is_reviewed
    ]
    can_manage = access.can_manage(user, school)
    can_review = access.can_run_review(user, campaign)
    ballot = campaign.shortlist_ballot
    return render(
        request,
        "emulation/campaign_detail.html",
        {
            "campaign": campaign,
            "criteria": _criteria_by_kind(campaign),
            "council": council,
            "registrations": rows,
            "to_score": to_score,
            "scored_ids": scored_ids,
            "standings": review.standings(campaign)
            if access.can_see_results(user, campaign)
            else None,
            "nominations": access.visible_nominations(user, campaign).select_related("nominee"),
            "events": campaign.events.filter(nomination__isnull=True).select_related("actor")[:20],
            "can_manage": can_manage,
            "can_review": can_review,
            "can_register": campaign.status == CampaignStatus.REGISTRATION
            and access.can_take_part(user, school),
            "is_member": is_member,
            "ballot": ballot,
            "shortlist_form": ShortlistForm()
            if can_review
            and campaign.status == CampaignStatus.REVIEW
            and not campaign.is_reviewed
            and (ballot is None or ballot.status == "cancelled")
            else None,
            "conclude_form": ConcludeForm()
            if can_review and campaign.status == CampaignStatus.REVIEW and not campaign.is_reviewed
            else None,
        },
    )


def _criteria_by_kind(campaign) -> list[dict]:
    rows = list(campaign.criteria.all())
    return [
        {
            "kind": kind,
            "label": CriterionKind(kind).label,
            "rows": [c for c in rows if c.kind == kind],
            "total": sum(c.max_points for c in rows if c.kind == kind),
        }
        for kind in CriterionKind.values
    ]


@login_required
def criteria_edit(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """The scoring sheet: edit, add, remove criteria (managers, until scoring starts)."""
    campaign = access.access_campaign(request.user, public_id, action="manage")
    adding = request.method == "POST" and "criterion" not in request.POST
    new_form = NewCriterionForm(request.POST if adding else None, prefix="new")
    if request.method == "POST":
        try:
            if "criterion" in request.POST:
                criterion = Criterion.objects.filter(
                    campaign=campaign, pk=request.POST["criterion"]
                ).first()
                if criterion is None:
                    raise Http404
                if "remove" in request.POST:
                    services.remove_criterion(criterion=criterion, actor=request.user)
                else:
                    form = CriterionForm(request.POST, prefix=f"c{criterion.pk}")
                    if not form.is_valid():
                        raise ValidationError(_("Tiêu chí cần có nội dung và điểm từ 1 đến 100."))
                    services.update_criterion(
                        criterion=criterion,
                        actor=request.user,
                        text=form.cleaned_data["text"],
                        max_points=form.cleaned_data["max_points"],
                    )
            elif new_form.is_valid():
                services.add_criterion(
                    campaign=campaign,
                    actor=request.user,
                    kind=new_form.cleaned_data["kind"],
                    text=new_form.cleaned_data["text"],
                    max_points=new_form.cleaned_data["max_points"],
                )
            else:
                raise ValidationError(_("Tiêu chí cần có nội dung và điểm từ 1 đến 100."))
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Đã lưu tiêu chí."))
            return redirect("emulation:criteria", public_id=campaign.public_id)
    groups = _criteria_by_kind(campaign)
    for group in groups:
        group["forms"] = [
            (
                criterion,
                CriterionForm(
                    prefix=f"c{criterion.pk}",
                    initial={"text": criterion.text, "max_points": criterion.max_points},
                ),
            )
            for criterion in group["rows"]
        ]
    return render(
        request,
        "emulation/criteria.html",
        {"campaign": campaign, "groups": groups, "new_form": new_form},
    )


@login_required
def council_edit(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    campaign = access.access_campaign(request.user, public_id, action="manage")
    current = {m.role: m.user for m in campaign.council.select_related("user")}
    form = CouncilForm(
        request.POST or None,
        school=campaign.organisation,
        initial={
            "chair": current.get(CouncilRole.CHAIR),
            "secretary": current.get(CouncilRole.SECRETARY),
            "members": list(
                campaign.council.filter(role=CouncilRole.MEMBER).values_list("user", flat=True)
            ),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.set_council(
                campaign=campaign,
                actor=request.user,
                chair=data["chair"],
                secretary=data["secretary"],
                members=list(data["members"]),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã lưu thành phần Hội đồng."))
            return redirect("emulation:campaign", public_id=campaign.public_id)
    return render(request, "emulation/council_form.html", {"campaign": campaign, "form": form})


@login_required
@require_POST
def campaign_advance(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    campaign = access.access_campaign(request.user, public_id, action="manage")
    try:
        campaign = services.advance_campaign(
            campaign=campaign,
            actor=request.user,
            from_status=request.POST.get("from_status") or None,
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("Phong trào chuyển sang giai đoạn “%(phase)s”.")
            % {"phase": campaign.get_status_display()},
        )
    return redirect("emulation:campaign", public_id=campaign.public_id)


@login_required
def registration_new(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    campaign = access.access_campaign(request.user, public_id)
    if not access.can_take_part(request.user, campaign.organisation):
        raise Http404
    form = RegistrationForm(request.POST or None, school=campaign.organisation, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = registrations.register(
                campaign=campaign,
                registrant=request.user,
                kind=data["kind"],
                title=data["title"],
                field=data["field"],
                problem=data["problem"],
                goals=data["goals"],
                mobilisation=data["mobilisation"],
                expected_results=data["expected_results"],
                unit=data["unit"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã đăng ký. Bạn có thể cập nhật kết quả thực hiện."))
            return redirect("emulation:registration", public_id=registration.public_id)
    return render(request, "emulation/registration_form.html", {"campaign": campaign, "form": form})


@login_required
@require_POST
def shortlist_open(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    campaign = access.access_campaign(request.user, public_id, action="review")
    form = ShortlistForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Số hồ sơ được chọn không hợp lệ."))
        return redirect("emulation:campaign", public_id=campaign.public_id)
    try:
        ballot = review.open_shortlist_ballot(
            campaign=campaign, actor=request.user, seats=form.cleaned_data["seats"]
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("emulation:campaign", public_id=campaign.public_id)
    messages.success(request, _("Đã mở bỏ phiếu kín; các thành viên Hội đồng bỏ phiếu tại đây."))
    return redirect("democracy:ballot", public_id=ballot.public_id)


@login_required
@require_POST
def shortlist_close(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    campaign = access.access_campaign(request.user, public_id, action="review")
    try:
        review.close_shortlist_ballot(campaign=campaign, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã kết thúc bỏ phiếu kín của Hội đồng."))
    return redirect("emulation:campaign", public_id=campaign.public_id)


@login_required
@require_POST
def review_conclude(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    campaign = access.access_campaign(request.user, public_id, action="review")
    form = ConcludeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập ngày lập biên bản hợp lệ."))
        return redirect("emulation:campaign", public_id=campaign.public_id)
    try:
        campaign = review.conclude_review(
            campaign=campaign, actor=request.user, issued_on=form.cleaned_data["issued_on"]
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        minutes = campaign.minutes
        assert minutes is not None  # conclude_review has just issued them
        messages.success(
            request,
            _("Hội đồng đã kết luận; biên bản số %(symbol)s.") % {"symbol": minutes.number_symbol},
        )
    return redirect("emulation:campaign", public_id=campaign.public_id)


@login_required
def minutes_download(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    campaign = access.access_campaign(request.user, public_id)
    if campaign.minutes is None:
        raise Http404
    return document_response(campaign.minutes.spec, filename="bien-ban-hoi-dong-dan-van-kheo.docx")
