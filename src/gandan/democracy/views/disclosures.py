"""Staff pages of disclosure: the register, an item, acknowledgements, information requests."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.forms import add_service_error, error_text
from gandan.core.http import AuthenticatedRequest
from gandan.democracy import access, deadlines
from gandan.democracy.electorate import is_staff_of, staff_of
from gandan.democracy.forms import (
    AnswerForm,
    DisclosureForm,
    InformationRequestForm,
    PublishForm,
    ReasonForm,
    TakeDownForm,
)
from gandan.democracy.models import (
    Acknowledgement,
    Audience,
    DisclosureObligation,
    RequestStatus,
)
from gandan.democracy.services import disclosures as services
from gandan.orgs import access as org_access


@login_required
def register(request: AuthenticatedRequest) -> HttpResponse:
    """The register: every obligation in force, what was disclosed, what is late or missing."""
    school = access.school_for(request.user, request.GET.get("truong"))
    today = timezone.localdate()
    items = (
        access.visible_items(request.user, school)
        .select_related("obligation")
        .annotate(ack_count=Count("acknowledgements"))
        .order_by("-due_date", "-created_at")
    )
    obligations = DisclosureObligation.objects.in_force(today)
    rows = deadlines.build_register(obligations, items, today)
    supervising = access.can_supervise(request.user, school) or org_access.is_authority_over(
        request.user, school
    )
    acknowledged = set(
        Acknowledgement.objects.filter(user=request.user, item__organisation=school).values_list(
            "item_id", flat=True
        )
    )
    return render(
        request,
        "democracy/register.html",
        {
            "school": school,
            "today": today,
            "staff_rows": [row for row in rows if row.obligation.audience == Audience.STAFF],
            "public_rows": [row for row in rows if row.obligation.audience == Audience.PUBLIC],
            "problems": deadlines.problem_counts(rows) if supervising else None,
            "supervising": supervising,
            "can_manage": access.can_manage(request.user, school),
            "staff_count": staff_of(school).count(),
            "acknowledged": acknowledged,
        },
    )


@login_required
def item_new(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for(request.user, request.GET.get("truong"))
    if not access.can_manage(request.user, school):
        raise Http404
    form = DisclosureForm(request.POST or None, request.FILES or None)
    late_warning = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not data["late_confirmed"]:
            late_warning = services.late_recording_warning(
                data["obligation"],
                decision_date=data["decision_date"],
                year=data["year"],
                is_update=data["is_update"],
                today=timezone.localdate(),
            )
    if late_warning is not None:
        form.add_error("late_confirmed", late_warning)
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = services.record_disclosure(
                organisation=school,
                obligation=data["obligation"],
                actor=request.user,
                title=data["title"],
                body=data["body"],
                decision_reference=data["decision_reference"],
                decision_date=data["decision_date"],
                year=data["year"],
                is_update=data["is_update"],
                document=data["document"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Đã ghi nhận. Hạn công khai: %(due)s.")
                % {"due": item.due_date.strftime("%d/%m/%Y")},
            )
            return redirect("democracy:item", public_id=item.public_id)
    return render(request, "democracy/item_form.html", {"form": form, "school": school})


@login_required
def item_detail(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    item = access.access_disclosure(request.user, public_id)
    school = item.organisation
    today = timezone.localdate()
    can_manage = access.can_manage(request.user, school)
    is_staff_item = item.obligation.audience == Audience.STAFF
    acknowledged = Acknowledgement.objects.filter(item=item, user=request.user).first()
    context = {
        "item": item,
        "school": school,
        "compliance": deadlines.item_compliance(item, today),
        "posting_required": deadlines.posting_required(item),
        "can_manage": can_manage,
        "supervising": access.can_supervise(request.user, school)
        or org_access.is_authority_over(request.user, school),
        "is_staff_item": is_staff_item,
        "acknowledged": acknowledged,
        "can_acknowledge": is_staff_item
        and item.is_published
        and acknowledged is None
        and is_staff_of(request.user, school),
        "ack_count": item.acknowledgements.count(),
        "staff_count": staff_of(school).count() if is_staff_item else None,
        "events": item.events.select_related("actor")[:20],
    }
    if can_manage and not item.withdrawn:
        if item.published_on is None:
            context["publish_form"] = PublishForm(
                initial={"published_on": today}, needs_content=not item.has_content
            )
        elif item.taken_down_on is None:
            context["take_down_form"] = TakeDownForm(initial={"taken_down_on": today})
        context["withdraw_form"] = ReasonForm()
    return render(request, "democracy/item_detail.html", context)


@login_required
@require_POST
def item_publish(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    item = access.access_disclosure(request.user, public_id, for_write=True)
    form = PublishForm(request.POST, request.FILES, needs_content=not item.has_content)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập ngày công khai và chọn ít nhất một hình thức."))
        return redirect("democracy:item", public_id=item.public_id)
    data = form.cleaned_data
    try:
        services.publish_disclosure(
            item=item,
            actor=request.user,
            published_on=data["published_on"],
            channels=data["channels"],
            proof_url=data["proof_url"],
            proof_photo=data["proof_photo"],
            body=data.get("body") or "",
            document=data.get("document"),
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã ghi nhận việc công khai."))
    return redirect("democracy:item", public_id=item.public_id)


@login_required
@require_POST
def item_take_down(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    item = access.access_disclosure(request.user, public_id, for_write=True)
    form = TakeDownForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập ngày gỡ xuống hợp lệ."))
        return redirect("democracy:item", public_id=item.public_id)
    try:
        services.take_down_disclosure(
            item=item, actor=request.user, taken_down_on=form.cleaned_data["taken_down_on"]
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã ghi nhận ngày gỡ xuống."))
    return redirect("democracy:item", public_id=item.public_id)


@login_required
@require_POST
def item_withdraw(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    item = access.access_disclosure(request.user, public_id, for_write=True)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Cần ghi lý do thu hồi."))
        return redirect("democracy:item", public_id=item.public_id)
    try:
        services.withdraw_disclosure(
            item=item, actor=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã thu hồi nội dung công khai."))
    return redirect("democracy:item", public_id=item.public_id)


@login_required
@require_POST
def item_acknowledge(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    item = access.access_disclosure(request.user, public_id)
    if not is_staff_of(request.user, item.organisation):
        raise Http404
    try:
        services.acknowledge_disclosure(item=item, user=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Cảm ơn, đã ghi nhận bạn đã đọc nội dung này."))
    return redirect("democracy:item", public_id=item.public_id)


@login_required
def item_unacknowledged(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    """The head's list of staff who have not yet confirmed reading a staff disclosure."""
    item = access.access_acknowledgement_roster(request.user, public_id)
    acknowledgements = {ack.user_id: ack for ack in Acknowledgement.objects.filter(item=item)}
    staff = list(staff_of(item.organisation))
    return render(
        request,
        "democracy/unacknowledged.html",
        {
            "item": item,
            "missing": [person for person in staff if person.pk not in acknowledgements],
            "done": [
                (person, acknowledgements[person.pk])
                for person in staff
                if person.pk in acknowledgements
            ],
        },
    )


def _file(field, name: str, content_type: str) -> FileResponse:
    response = FileResponse(
        field.open("rb"), content_type=content_type, as_attachment=True, filename=name
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def item_document(request: AuthenticatedRequest, public_id: str) -> FileResponse:
    item = access.access_document(request.user, public_id)
    return _file(item.document, item.document_name or "van-ban", item.document_type)


@login_required
def item_proof(request: AuthenticatedRequest, public_id: str) -> FileResponse:
    item = access.access_proof(request.user, public_id)
    return _file(item.proof_photo, "anh-niem-yet", item.proof_photo_type)


@login_required
def request_list(request: AuthenticatedRequest) -> HttpResponse:
    """Information requests (Điều 48 k4): staff file one; managers and supervisors see all."""
    school = access.school_for(request.user, request.GET.get("truong"))
    if not is_staff_of(request.user, school):
        raise Http404
    form = InformationRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.request_information(
                organisation=school,
                requester=request.user,
                reason=data["reason"],
                text=data["text"],
                obligation=data["obligation"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã gửi yêu cầu tới thủ trưởng đơn vị."))
            return redirect("democracy:request", public_id=created.public_id)
    requests = (
        access.visible_requests(request.user, school)
        .select_related("requester", "obligation")
        .order_by("-created_at")
    )
    return render(
        request,
        "democracy/requests.html",
        {
            "school": school,
            "form": form,
            "requests": requests,
            "open_count": requests.filter(status=RequestStatus.OPEN).count(),
        },
    )


@login_required
def request_detail(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    info_request = access.access_information_request(request.user, public_id)
    can_answer = access.can_manage(request.user, info_request.organisation)
    form = AnswerForm(request.POST or None) if can_answer else None
    if request.method == "POST":
        info_request = access.access_information_request(request.user, public_id, for_answer=True)
        if form is not None and form.is_valid():
            try:
                services.answer_information_request(
                    request=info_request,
                    actor=request.user,
                    answer=form.cleaned_data["answer"],
                    declined=form.cleaned_data["declined"],
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Đã gửi trả lời."))
                return redirect("democracy:request", public_id=info_request.public_id)
    return render(
        request,
        "democracy/request_detail.html",
        {
            "info_request": info_request,
            "form": form if info_request.status == RequestStatus.OPEN else None,
            "events": info_request.events.select_related("actor")[:20],
        },
    )
