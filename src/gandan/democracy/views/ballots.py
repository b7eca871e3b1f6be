"""Staff pages of votes and ballots. Templates receive a tally only once a ballot is closed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gandan.core.forms import add_service_error, error_text
from gandan.core.http import AuthenticatedRequest
from gandan.democracy import access, rules
from gandan.democracy.electorate import staff_of
from gandan.democracy.forms import (
    BallotForm,
    CloseBallotForm,
    MotionVoteForm,
    OptionsVoteForm,
    ReasonForm,
    ReceiptForm,
)
from gandan.democracy.models import (
    BallotMethod,
    BallotStatus,
    Elector,
    EventKind,
    Participation,
    RulePreset,
)
from gandan.democracy.services import ballots as services


@login_required
def ballot_list(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for(request.user, request.GET.get("truong"))
    ballots = list(access.visible_ballots(request.user, school).order_by("-created_at"))
    voted = set(
        Participation.objects.filter(voter=request.user, ballot__in=ballots).values_list(
            "ballot_id", flat=True
        )
    )
    electorate = set(
        Elector.objects.filter(user=request.user, ballot__in=ballots).values_list(
            "ballot_id", flat=True
        )
    )
    return render(
        request,
        "democracy/ballots.html",
        {
            "school": school,
            "ballots": ballots,
            "voted": voted,
            "electorate": electorate,
            "can_manage": access.can_manage(request.user, school),
        },
    )


@login_required
def ballot_new(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for(request.user, request.GET.get("truong"))
    if not access.can_manage(request.user, school):
        raise Http404
    form = BallotForm(request.POST or None, school=school, staff=staff_of(school))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        custom = None
        if data["rule"] == RulePreset.CUSTOM:
            custom = rules.Rule(
                data["quorum_num"] or 0,
                data["quorum_den"] or 1,
                data["threshold_num"] or 0,
                data["threshold_den"] or 1,
                data["threshold_strict"],
                data["threshold_base"] or rules.PRESENT,
                "",
            )
        try:
            ballot = services.create_ballot(
                organisation=school,
                actor=request.user,
                title=data["title"],
                description=data["description"],
                purpose=data["purpose"],
                method=data["method"],
                secrecy=data["secrecy"],
                electorate_kind=data["electorate_kind"],
                electorate_unit=data["electorate_unit"],
                listed=list(data["listed"]),
                options=form.option_lines(),
                candidates=list(data["candidates"]),
                seats=data["seats"],
                closes_at=data["closes_at"],
                is_written=data["is_written"],
                rule=data["rule"],
                custom=custom,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã tạo cuộc biểu quyết. Kiểm tra lại rồi mở bỏ phiếu."))
            return redirect("democracy:ballot", public_id=ballot.public_id)
    return render(request, "democracy/ballot_form.html", {"form": form, "school": school})


@login_required
def ballot_detail(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    ballot = access.access_ballot(request.user, public_id)
    school = ballot.organisation
    can_manage = access.can_manage(request.user, school)
    is_elector = access.is_elector(request.user, ballot)
    voted = services.has_voted(ballot, request.user)
    context = {
        "ballot": ballot,
        "options": list(ballot.options.all()),
        "can_manage": can_manage,
        "is_elector": is_elector,
        "voted": voted,
        "turnout": ballot.participations.count(),
        # Who may vote: everyone summoned, or at a conference those present (Điều 51 k2c).
        "electors": ballot.electors.count(),
        # Who voted when is a sign-in sheet, not news: kept in the audit log, not shown here.
        "events": ballot.events.exclude(kind=EventKind.BALLOT_CAST).select_related("actor")[:30],
    }
    if ballot.status == BallotStatus.CLOSED:
        # The only path by which a tally reaches a template.
        context["results"] = services.ballot_results(ballot)
        context["named_votes"] = services.named_votes(ballot)
    elif ballot.status == BallotStatus.OPEN and is_elector and not voted:
        context["vote_form"] = _vote_form(ballot)
    if can_manage and ballot.status == BallotStatus.OPEN:
        context["close_form"] = CloseBallotForm()
    if can_manage and ballot.status in {BallotStatus.DRAFT, BallotStatus.OPEN}:
        context["cancel_form"] = ReasonForm()
    if ballot.status == BallotStatus.DRAFT:
        context["listed"] = ballot.electors.select_related("user")
    return render(request, "democracy/ballot_detail.html", context)


def _vote_form(ballot, data=None):
    if ballot.method == BallotMethod.MOTION:
        return MotionVoteForm(data)
    return OptionsVoteForm(data, ballot=ballot)


@login_required
@require_POST
def ballot_open(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    ballot = access.access_ballot(request.user, public_id, action="manage")
    try:
        services.open_ballot(ballot=ballot, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã mở bỏ phiếu."))
    return redirect("democracy:ballot", public_id=ballot.public_id)


@never_cache
@login_required
@require_POST
def ballot_vote(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    ballot = access.access_ballot(request.user, public_id, action="vote")
    form = _vote_form(ballot, request.POST)
    if not form.is_valid():
        messages.error(request, _("Phiếu chưa hợp lệ: hãy chọn lại."))
        return redirect("democracy:ballot", public_id=ballot.public_id)
    if form.needs_blank_confirmation():
        # Nothing is written: the voter is asked whether a blank paper is meant; the second,
        # explicit confirmation posts the same empty choice with blank_confirmed set.
        return render(request, "democracy/ballot_blank_confirm.html", {"ballot": ballot})
    try:
        code = services.cast_ballot(ballot=ballot, voter=request.user, choices=form.choices())
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("democracy:ballot", public_id=ballot.public_id)
    # The receipt is shown on this response and nowhere else: not kept in the session beside
    # the user id, not carried by a redirect, not cached by the browser. The server keeps only
    # its keyed hash (models/ballots.py).
    return render(request, "democracy/ballot_cast.html", {"ballot": ballot, "code": code})


@login_required
@require_POST
def ballot_close(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    ballot = access.access_ballot(request.user, public_id, action="manage")
    form = CloseBallotForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Số người có mặt không hợp lệ."))
        return redirect("democracy:ballot", public_id=ballot.public_id)
    try:
        services.close_ballot(
            ballot=ballot, actor=request.user, attendance=form.cleaned_data["attendance"]
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã kết thúc bỏ phiếu và công bố kết quả."))
    return redirect("democracy:ballot", public_id=ballot.public_id)


@login_required
@require_POST
def ballot_cancel(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    ballot = access.access_ballot(request.user, public_id, action="manage")
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Cần ghi lý do hủy."))
        return redirect("democracy:ballot", public_id=ballot.public_id)
    try:
        services.cancel_ballot(
            ballot=ballot, actor=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã hủy cuộc biểu quyết."))
    return redirect("democracy:ballot", public_id=ballot.public_id)


@login_required
def receipt_check(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """ "Is my paper counted?": the electorate checks a receipt code; the choice is never shown."""
    ballot = access.access_ballot(request.user, public_id, action="receipt")
    form = ReceiptForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        found = services.verify_receipt(ballot=ballot, code=form.cleaned_data["code"])
    return render(
        request, "democracy/receipt_check.html", {"ballot": ballot, "form": form, "found": found}
    )
