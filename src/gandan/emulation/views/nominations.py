"""Staff pages of good-example nominations: nominate, consent, vote, decide."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.forms import add_service_error, error_text
from gandan.core.http import AuthenticatedRequest
from gandan.emulation import access
from gandan.emulation.forms import DecisionForm, NominationForm, ReasonForm
from gandan.emulation.models import NominationStatus
from gandan.emulation.services import nominations as services
from gandan.paperwork.responses import document_response


@login_required
def nomination_new(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    campaign = access.access_campaign(request.user, public_id)
    school = campaign.organisation
    if not access.can_take_part(request.user, school):
        raise Http404
    form = NominationForm(request.POST or None, school=school, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            nomination = services.nominate(
                campaign=campaign,
                nominator=request.user,
                nominee=form.cleaned_data["nominee"],
                deed=form.cleaned_data["deed"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Đã gửi đề cử. Đề cử được đưa ra bỏ phiếu khi người được đề cử đồng ý."),
            )
            return redirect("emulation:nomination", public_id=nomination.public_id)
    return render(request, "emulation/nomination_form.html", {"campaign": campaign, "form": form})


@login_required
def nomination_detail(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    nomination = access.access_nomination(request.user, public_id)
    user = request.user
    can_manage = access.can_manage(user, nomination.campaign.organisation)
    ballot = nomination.ballot
    status = nomination.status
    return render(
        request,
        "emulation/nomination_detail.html",
        {
            "nomination": nomination,
            "campaign": nomination.campaign,
            "ballot": ballot,
            "is_nominee": nomination.nominee_id == user.pk,
            "can_answer": nomination.nominee_id == user.pk
            and status == NominationStatus.AWAITING_CONSENT,
            "can_manage": can_manage,
            "can_open_vote": can_manage and status == NominationStatus.CONSENTED,
            "can_close_vote": can_manage
            and status == NominationStatus.VOTING
            and ballot is not None
            and ballot.status == "open",
            "decision_form": DecisionForm()
            if can_manage
            and status == NominationStatus.VOTING
            and ballot is not None
            and ballot.status == "closed"
            and ballot.result.get("adopted")
            else None,
            "decline_form": ReasonForm()
            if can_manage
            and status in (NominationStatus.CONSENTED, NominationStatus.VOTING)
            and (ballot is None or ballot.status != "open")
            else None,
            "events": nomination.events.select_related("actor")[:20],
        },
    )


@login_required
@require_POST
def nomination_answer(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    nomination = access.access_nomination(request.user, public_id, action="consent")
    consent = request.POST.get("answer") == "yes"
    try:
        services.answer_nomination(nomination=nomination, user=request.user, consent=consent)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("Cảm ơn bạn đã đồng ý; đề cử sẽ được đưa ra bỏ phiếu.")
            if consent
            else _("Đã ghi nhận bạn không đồng ý; đề cử khép lại."),
        )
    return redirect("emulation:nomination", public_id=nomination.public_id)


@login_required
@require_POST
def nomination_open_vote(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    nomination = access.access_nomination(request.user, public_id, action="manage")
    try:
        ballot = services.open_nomination_vote(nomination=nomination, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("emulation:nomination", public_id=nomination.public_id)
    messages.success(request, _("Đã mở bỏ phiếu kín toàn thể cán bộ."))
    return redirect("democracy:ballot", public_id=ballot.public_id)


@login_required
@require_POST
def nomination_close_vote(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    nomination = access.access_nomination(request.user, public_id, action="manage")
    try:
        services.close_nomination_vote(nomination=nomination, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã kết thúc bỏ phiếu."))
    return redirect("emulation:nomination", public_id=nomination.public_id)


@login_required
@require_POST
def nomination_recognise(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    nomination = access.access_nomination(request.user, public_id, action="manage")
    form = DecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Hãy nhập ngày ký quyết định hợp lệ."))
        nomination = services.recognise_nomination(
            nomination=nomination, actor=request.user, issued_on=form.cleaned_data["issued_on"]
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        decision = nomination.decision
        assert decision is not None  # recognise_nomination has just issued it
        messages.success(
            request,
            _("Đã ban hành quyết định công nhận số %(symbol)s.")
            % {"symbol": decision.number_symbol},
        )
    return redirect("emulation:nomination", public_id=nomination.public_id)


@login_required
@require_POST
def nomination_decline(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    nomination = access.access_nomination(request.user, public_id, action="manage")
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Cần ghi lý do."))
        services.decline_nomination(
            nomination=nomination, actor=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã ghi nhận không công nhận."))
    return redirect("emulation:nomination", public_id=nomination.public_id)


@login_required
def nomination_decision(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    nomination = access.access_nomination(request.user, public_id)
    if nomination.decision is None:
        raise Http404
    return document_response(
        nomination.decision.spec, filename="quyet-dinh-guong-nguoi-tot-viec-tot.docx"
    )
