"""Inspection board pages: the board and its term, programmes, inspections, recommendations,
the report to the conference, and the read-only oversight page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.forms import error_text
from gandan.core.http import AuthenticatedRequest
from gandan.democracy import access, documents, oversight
from gandan.democracy.forms import (
    ConclusionForm,
    FollowUpForm,
    InspectionForm,
    ProgrammeForm,
    RecommendationAnswerForm,
)
from gandan.democracy.models import (
    AgendaKind,
    Ballot,
    BallotPurpose,
    BallotStatus,
    BoardTerm,
    EventKind,
    RecommendationStatus,
)
from gandan.democracy.services import inspection as services
from gandan.orgs.models import User
from gandan.paperwork.responses import document_response

BOARD_EVENTS = [
    EventKind.BOARD_CONSTITUTED,
    EventKind.BOARD_RECOGNISED,
    EventKind.PROGRAMME_ADDED,
    EventKind.INSPECTION_NOTIFIED,
    EventKind.INSPECTION_CONCLUDED,
    EventKind.RECOMMENDATION_ANSWERED,
    EventKind.RECOMMENDATION_FOLLOWED,
]


def _pending_elections(school) -> list[dict]:
    """Closed board elections whose result has not been recorded yet, with those elected."""
    rows = []
    ballots = Ballot.objects.filter(
        organisation=school,
        purpose=BallotPurpose.INSPECTION_BOARD,
        status=BallotStatus.CLOSED,
        board_term__isnull=True,
    ).prefetch_related("options__candidate")
    for ballot in ballots:
        ids = {row["id"] for row in ballot.result.get("options", []) if row.get("elected")}
        elected = [o.candidate for o in ballot.options.all() if o.pk in ids and o.candidate]
        rows.append({"ballot": ballot, "elected": elected})
    return rows


@login_required
def board_home(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for(request.user, request.GET.get("truong"))
    today = timezone.localdate()
    term = services.current_term(school, today)
    member = access.is_board_member(request.user, school)
    overseeing = access.can_oversee(request.user, school)
    can_manage = access.can_manage(request.user, school)
    context = {
        "school": school,
        "today": today,
        "term": term,
        "members": list(term.members.select_related("user")) if term else [],
        "terms": BoardTerm.objects.filter(organisation=school).order_by("-starts_on"),
        "programmes": list(term.programmes.all()) if term else [],
        "is_member": member,
        "overseeing": overseeing,
        "can_manage": can_manage,
        "can_recognise": term is not None
        and term.recognised_on is None
        and access.is_union_officer(request.user, school),
        "pending": _pending_elections(school) if can_manage else [],
        "programme_form": ProgrammeForm() if member and term else None,
        "inspection_form": InspectionForm(initial={"notified_on": today})
        if member and term
        else None,
    }
    if overseeing and term:
        context["inspections"] = list(term.inspections.prefetch_related("recommendations"))
        # Recommendations the head has not answered, soonest due first (Điều 63 k1c).
        context["awaiting_answer"] = list(
            access.recommendations_awaiting_answer(request.user, school)
        )
        context["events"] = list(
            term.events.filter(kind__in=BOARD_EVENTS).select_related("actor")[:30]
        )
    return render(request, "democracy/board.html", context)


def _home(anchor: str = "") -> HttpResponse:
    url = reverse("democracy:board")
    return redirect(f"{url}#{anchor}" if anchor else url)


@login_required
@require_POST
def board_constitute(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    ballot = access.access_ballot(request.user, public_id, action="manage")
    school = ballot.organisation
    try:
        head = User.objects.get(pk=int(request.POST.get("head", "")))
        deputies = list(User.objects.filter(pk__in=request.POST.getlist("deputies")))
    except (ValueError, User.DoesNotExist):
        messages.error(request, _("Hãy chọn trưởng ban trong số người trúng cử."))
        return _home("ghi-nhan")
    try:
        services.constitute_board(ballot=ballot, actor=request.user, head=head, deputies=deputies)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return _home("ghi-nhan")
    messages.success(
        request, _("Đã ghi nhận Ban Thanh tra nhân dân; chờ Công đoàn công nhận kết quả bầu.")
    )
    return redirect(reverse("democracy:board") + f"?truong={school.slug}")


@login_required
@require_POST
def board_recognise(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    term = access.access_board_term(request.user, public_id, action="recognise")
    try:
        services.recognise_board(term=term, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Công đoàn đã công nhận kết quả bầu."))
    return _home()


@login_required
@require_POST
def programme_add(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    term = access.access_board_term(request.user, public_id, action="work")
    form = ProgrammeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập đủ kỳ, thời gian và nội dung chương trình."))
        return _home("chuong-trinh")
    try:
        services.add_programme(term=term, actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã lưu chương trình hoạt động."))
    return _home("chuong-trinh")


@login_required
@require_POST
def inspection_new(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    term = access.access_board_term(request.user, public_id, action="work")
    form = InspectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập đủ nội dung, đối tượng và ngày kiểm tra."))
        return _home("kiem-tra")
    try:
        inspection = services.notify_inspection(term=term, actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return _home("kiem-tra")
    messages.success(request, _("Đã ghi thông báo kiểm tra."))
    return redirect("democracy:inspection", public_id=inspection.public_id)


@login_required
def inspection_detail(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    inspection = access.access_inspection(request.user, public_id)
    school = inspection.term.organisation
    member = access.is_board_member(request.user, school)
    can_manage = access.can_manage(request.user, school)
    today = timezone.localdate()
    recommendations = [
        {
            "rec": rec,
            "overdue": rec.is_overdue(today),
            "answer_form": RecommendationAnswerForm(prefix=str(rec.public_id))
            if can_manage and rec.status == RecommendationStatus.OPEN
            else None,
            "follow_form": FollowUpForm(prefix=str(rec.public_id))
            if member and rec.status == RecommendationStatus.ANSWERED
            else None,
        }
        for rec in inspection.recommendations.select_related("answered_by")
    ]
    return render(
        request,
        "democracy/inspection_detail.html",
        {
            "inspection": inspection,
            "school": school,
            "recommendations": recommendations,
            "conclusion_form": ConclusionForm() if member and not inspection.findings else None,
            "events": inspection.events.select_related("actor")[:30],
        },
    )


def _back(inspection, anchor: str = "") -> HttpResponse:
    url = reverse("democracy:inspection", args=[inspection.public_id])
    return redirect(f"{url}#{anchor}" if anchor else url)


@login_required
@require_POST
def inspection_conclude(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    inspection = access.access_inspection(request.user, public_id, action="work")
    form = ConclusionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi kết quả kiểm tra."))
        return _back(inspection)
    try:
        services.conclude_inspection(
            inspection=inspection,
            actor=request.user,
            findings=form.cleaned_data["findings"],
            recommendations=form.lines(),
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã ghi kết luận và kiến nghị."))
    return _back(inspection)


@login_required
@require_POST
def recommendation_answer(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    rec = access.access_recommendation(request.user, public_id, action="answer")
    form = RecommendationAnswerForm(request.POST, prefix=str(rec.public_id))
    if form.is_valid():
        try:
            services.answer_recommendation(
                recommendation=rec, actor=request.user, answer=form.cleaned_data["answer"]
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Đã gửi trả lời kiến nghị."))
    else:
        messages.error(request, _("Hãy ghi nội dung trả lời."))
    return _back(rec.inspection, f"kien-nghi-{rec.order}")


@login_required
@require_POST
def recommendation_follow_up(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    rec = access.access_recommendation(request.user, public_id, action="follow_up")
    form = FollowUpForm(request.POST, prefix=str(rec.public_id))
    if form.is_valid():
        try:
            services.follow_up_recommendation(
                recommendation=rec,
                actor=request.user,
                implemented=form.cleaned_data["implemented"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Đã ghi kết quả theo dõi."))
    else:
        messages.error(request, _("Hãy chọn kết quả và ghi nội dung theo dõi."))
    return _back(rec.inspection, f"kien-nghi-{rec.order}")


@login_required
def board_report(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """The board's report (a draft .docx) for the union and the conference."""
    term = access.access_board_term(request.user, public_id)
    if not access.can_oversee(request.user, term.organisation):
        raise Http404
    return document_response(
        documents.board_report_spec(term, until=timezone.localdate()),
        filename="bao-cao-ban-thanh-tra-nhan-dan.docx",
    )


@login_required
@require_POST
def board_report_attach(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """Put the board's report before a conference (point đ) of Điều 51 k4)."""
    conference = access.access_conference(request.user, public_id)
    school = conference.organisation
    if not (
        access.is_board_member(request.user, school) or access.can_manage(request.user, school)
    ):
        raise Http404
    term = services.current_term(school, conference.held_on)
    item = get_object_or_404(conference.agenda, kind=AgendaKind.BOARD_REPORT)
    url = reverse("democracy:conference", args=[conference.public_id]) + f"#muc-{item.order}"
    if term is None:
        messages.error(request, _("Chưa có Ban Thanh tra nhân dân trong nhiệm kỳ."))
        return redirect(url)
    try:
        services.attach_board_report(item=item, actor=request.user, term=term)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã đính kèm báo cáo của Ban Thanh tra nhân dân."))
    return redirect(url)


@login_required
def board_oversight(request: AuthenticatedRequest) -> HttpResponse:
    """Open and overdue work of the school, as counts and titles (read only)."""
    school = access.school_for(request.user, request.GET.get("truong"))
    if not access.can_oversee(request.user, school):
        raise Http404
    today = timezone.localdate()
    return render(
        request,
        "democracy/board_oversight.html",
        {"school": school, "today": today, "overview": oversight.school_overview(school, today)},
    )
