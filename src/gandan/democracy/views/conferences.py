"""Staff conference pages: convening, attendance, the order of business with its votes and
documents, closing with the minutes and the resolution, the six-monthly checks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.forms import add_service_error, error_text
from gandan.core.http import AuthenticatedRequest
from gandan.democracy import access
from gandan.democracy.electorate import staff_memberships, staff_of
from gandan.democracy.forms import (
    AgendaDocumentForm,
    AgendaNotesForm,
    ConferenceVoteForm,
    ConveneForm,
    ResolutionCheckForm,
    ResolutionPointsForm,
)
from gandan.democracy.models import (
    AgendaItem,
    AgendaKind,
    BallotMethod,
    ConferenceStatus,
    ResolutionCheck,
)
from gandan.democracy.services import conferences as services
from gandan.orgs.models import OrgKind, Role, User
from gandan.paperwork.responses import DOCX_MIME, download_name, file_response
from gandan.paperwork.services import export_document


def _back(conference, anchor: str = "") -> HttpResponse:
    url = reverse("democracy:conference", args=[conference.public_id])
    return redirect(f"{url}#{anchor}" if anchor else url)


@login_required
def conference_list(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for(request.user, request.GET.get("truong"))
    return render(
        request,
        "democracy/conferences.html",
        {
            "school": school,
            "conferences": school.conferences.select_related("chair").order_by("-held_on"),
            "can_manage": access.can_manage(request.user, school),
        },
    )


@login_required
def conference_new(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for(request.user, request.GET.get("truong"))
    if not access.can_manage(request.user, school):
        raise Http404
    union_ids = (
        staff_memberships(school)
        .filter(organisation__kind=OrgKind.UNION, role=Role.UNION_OFFICER)
        .values("user_id")
    )
    form = ConveneForm(
        request.POST or None,
        staff=staff_of(school),
        union_officers=User.objects.filter(pk__in=union_ids).order_by("sort_key"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            conference = services.convene_conference(
                organisation=school,
                actor=request.user,
                kind=data["kind"],
                work_year_label=data["work_year_label"],
                work_year_ends=data["work_year_ends"],
                held_on=data["held_on"],
                starts_at=data["starts_at"],
                place=data["place"],
                union_chair=data["union_chair"],
                secretary=data["secretary"],
                matters=form.matter_lines(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã triệu tập hội nghị."))
            return _back(conference)
    return render(request, "democracy/conference_form.html", {"form": form, "school": school})


@login_required
def conference_detail(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    conference = access.access_conference(request.user, public_id)
    school = conference.organisation
    can_manage = access.can_manage(request.user, school)
    can_record = can_manage or request.user.pk in {
        conference.secretary_id,
        conference.union_chair_id,
    }
    in_session = conference.status == ConferenceStatus.IN_SESSION
    editable = conference.status != ConferenceStatus.CLOSED
    items = list(conference.agenda.prefetch_related("documents", "ballots"))
    context = {
        "conference": conference,
        "school": school,
        "items": [
            {
                "item": item,
                "form": AgendaNotesForm(
                    initial={"notes": item.notes, "presenter": item.presenter},
                    prefix=f"i{item.pk}",
                )
                if can_record and editable
                else None,
                "is_resolution": item.kind == AgendaKind.RESOLUTION,
                "can_vote_here": can_manage
                and in_session
                and item.kind in {AgendaKind.DECISIONS, AgendaKind.RESOLUTION},
            }
            for item in items
        ],
        "quorum": services.quorum(conference),
        "absent": conference.attendees.filter(present=False).select_related("user"),
        "can_manage": can_manage,
        "can_record": can_record and editable,
        "can_attach_board_report": editable
        and (can_manage or access.is_board_member(request.user, school)),
        "document_form": AgendaDocumentForm() if can_record and editable else None,
        "vote_form": ConferenceVoteForm(staff=staff_of(school))
        if can_manage and in_session
        else None,
        "points_form": ResolutionPointsForm(
            initial={"points": "\n".join(conference.resolution_points)}
        )
        if can_manage and editable
        else None,
        "resolution_vote": services.resolution_vote(conference),
        "checks": list(conference.checks.select_related("checked_by")),
        "check_form": ResolutionCheckForm(initial={"done_on": timezone.localdate()})
        if can_manage
        else None,
        "today": timezone.localdate(),
        "events": conference.events.select_related("actor")[:40],
    }
    return render(request, "democracy/conference_detail.html", context)


@login_required
def conference_attendance(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    conference = access.access_conference(request.user, public_id, action="manage")
    attendees = list(conference.attendees.select_related("user"))
    if request.method == "POST":
        present = {
            attendee.user_id
            for attendee in attendees
            if request.POST.get(f"co-mat-{attendee.user_id}") == "on"
        }
        reasons = {
            attendee.user_id: request.POST.get(f"ly-do-{attendee.user_id}", "")
            for attendee in attendees
        }
        try:
            services.record_attendance(
                conference=conference,
                actor=request.user,
                present=present,
                absence_reasons=reasons,
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            found = services.quorum(conference)
            if found["met"]:
                messages.success(
                    request,
                    _("Đã điểm danh: %(present)d/%(summoned)d người có mặt, đủ 2/3.") % found,
                )
            else:
                messages.warning(
                    request,
                    _(
                        "Đã điểm danh: %(present)d/%(summoned)d người có mặt, chưa đủ 2/3 "
                        "(cần %(required)d người)."
                    )
                    % found,
                )
            return _back(conference, "diem-danh")
    return render(
        request,
        "democracy/conference_attendance.html",
        {"conference": conference, "attendees": attendees},
    )


def _run(
    request: AuthenticatedRequest, conference, call, success: str, anchor: str = ""
) -> HttpResponse:
    try:
        call()
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, success)
    return _back(conference, anchor)


@login_required
@require_POST
def conference_open(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    conference = access.access_conference(request.user, public_id, action="manage")
    return _run(
        request,
        conference,
        lambda: services.open_conference(conference=conference, actor=request.user),
        _("Hội nghị đã khai mạc."),
    )


def _item(conference, item_id: int) -> AgendaItem:
    return get_object_or_404(AgendaItem, pk=item_id, conference=conference)


@login_required
@require_POST
def agenda_record(request: AuthenticatedRequest, public_id: str, item_id: int) -> HttpResponse:
    conference = access.access_conference(request.user, public_id, action="record")
    item = _item(conference, item_id)
    form = AgendaNotesForm(request.POST, prefix=f"i{item.pk}")
    if not form.is_valid():
        messages.error(request, _("Nội dung ghi chưa hợp lệ."))
        return _back(conference, f"muc-{item.order}")
    return _run(
        request,
        conference,
        lambda: services.record_agenda_item(
            item=item,
            actor=request.user,
            notes=form.cleaned_data["notes"],
            presenter=form.cleaned_data["presenter"],
        ),
        _("Đã ghi diễn biến."),
        f"muc-{item.order}",
    )


@login_required
@require_POST
def agenda_attach(request: AuthenticatedRequest, public_id: str, item_id: int) -> HttpResponse:
    conference = access.access_conference(request.user, public_id, action="record")
    item = _item(conference, item_id)
    form = AgendaDocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn tệp tài liệu."))
        return _back(conference, f"muc-{item.order}")
    return _run(
        request,
        conference,
        lambda: services.attach_document(
            item=item, actor=request.user, upload=form.cleaned_data["file"]
        ),
        _("Đã đính kèm tài liệu."),
        f"muc-{item.order}",
    )


@login_required
def agenda_document(request: AuthenticatedRequest, public_id: str) -> FileResponse:
    document = access.access_agenda_document(request.user, public_id)
    response = FileResponse(
        document.file.open("rb"),
        content_type=document.content_type,
        as_attachment=True,
        filename=document.name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def conference_vote(request: AuthenticatedRequest, public_id: str, item_id: int) -> HttpResponse:
    conference = access.access_conference(request.user, public_id, action="manage")
    item = _item(conference, item_id)
    form = ConferenceVoteForm(request.POST, staff=staff_of(conference.organisation))
    if not form.is_valid():
        messages.error(request, _("Hãy nhập nội dung biểu quyết."))
        return _back(conference, f"muc-{item.order}")
    data = form.cleaned_data
    method = BallotMethod.MOTION if item.kind == AgendaKind.RESOLUTION else data["method"]
    try:
        ballot = services.open_conference_vote(
            item=item,
            actor=request.user,
            title=data["title"],
            method=method,
            secrecy=data["secrecy"],
            purpose=data["purpose"],
            options=form.option_lines(),
            candidates=list(data["candidates"]),
            seats=data["seats"],
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
        return _back(conference, f"muc-{item.order}")
    messages.success(request, _("Đã mở biểu quyết; người có mặt bỏ phiếu trên điện thoại."))
    return redirect("democracy:ballot", public_id=ballot.public_id)


@login_required
@require_POST
def conference_resolution(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    conference = access.access_conference(request.user, public_id, action="manage")
    form = ResolutionPointsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi nội dung nghị quyết."))
        return _back(conference, "nghi-quyet")
    return _run(
        request,
        conference,
        lambda: services.set_resolution_points(
            conference=conference, actor=request.user, points=form.lines()
        ),
        _("Đã lưu dự thảo nghị quyết."),
        "nghi-quyet",
    )


@login_required
@require_POST
def conference_close(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    conference = access.access_conference(request.user, public_id, action="manage")
    return _run(
        request,
        conference,
        lambda: services.close_conference(conference=conference, actor=request.user),
        _("Hội nghị đã bế mạc; biên bản và nghị quyết đã được ban hành, nghị quyết đã công khai."),
    )


@login_required
def conference_document(request: AuthenticatedRequest, public_id: str, kind: str) -> HttpResponse:
    """The issued minutes or resolution as .docx, re-rendered from the register."""
    conference = access.access_conference(request.user, public_id)
    document = {
        "bien-ban": conference.minutes_document,
        "nghi-quyet": conference.resolution_document,
    }.get(kind)
    if document is None:
        raise Http404
    return file_response(
        export_document(document, "docx"),
        filename=f"{kind}-{download_name(document.number_symbol, 'docx')}",
        content_type=DOCX_MIME,
    )


@login_required
@require_POST
def resolution_check(request: AuthenticatedRequest, public_id: str, check_id: int) -> HttpResponse:
    conference = access.access_conference(request.user, public_id, action="manage")
    check = get_object_or_404(ResolutionCheck, pk=check_id, conference=conference)
    form = ResolutionCheckForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập ngày và kết quả kiểm tra."))
        return _back(conference, "kiem-tra")
    return _run(
        request,
        conference,
        lambda: services.record_resolution_check(
            check=check,
            actor=request.user,
            findings=form.cleaned_data["findings"],
            done_on=form.cleaned_data["done_on"],
        ),
        _("Đã ghi kết quả kiểm tra và thông báo đến cán bộ."),
        "kiem-tra",
    )
