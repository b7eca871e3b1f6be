"""Public endpoints, no account: send a case (as the web form does), follow it by its code.

POST /public/cases runs the public form's own validation (ApiSubmissionForm) and then
`submit_case`, under the same rate limits (petitions.throttle: by address, by the sender's
phone and e-mail) and honeypot as /gui-y-kien/<school>/, so the API
and the page accept, refuse and word their refusals alike. No CSRF token: these endpoints
carry no session authority (ninja checks CSRF only for cookie authentication).
"""

import logging
from dataclasses import replace

from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Router, Status

from gandan.api.errors import ApiError, field_errors, from_django
from gandan.api.petitions.schemas import (
    ErrorsOut,
    LetterOut,
    MessageOut,
    OrganisationRef,
    PublicCaseIn,
    PublicCaseOut,
    PublicEventOut,
    ReceiptOut,
    SplitCaseOut,
)
from gandan.orgs.access import active_school_or_404
from gandan.orgs.models import Organisation
from gandan.petitions import access, services, throttle
from gandan.petitions.forms.public import ApiSubmissionForm
from gandan.petitions.models import Case, CaseStatus, Channel
from gandan.worktime.notices import provisional_warning

logger = logging.getLogger(__name__)
router = Router(tags=["Công khai"])

# The API's field names for the form's (and check_submission's) fields.
API_NAMES = {
    "name": "contact_name",
    "phone": "contact_phone",
    "email": "contact_email",
    "address": "contact_address",
    "token": "client_token",
    "attachments": "__all__",
}
UNKNOWN_SCHOOL = _("Không tìm thấy trường với mã này.")
UNKNOWN_CODE = _("Không tìm thấy vụ việc với mã này. Hãy kiểm tra lại các chữ và số.")
AUTOMATED = _(
    "Đơn có dấu hiệu được gửi tự động nên không được lưu. Trường “website” phải để trống."
)


def _limited(refusal: throttle.Refusal) -> ApiError:
    return ApiError(429, refusal.message, headers={"Retry-After": str(refusal.retry_after)})


def public_school(slug: str, *, with_parent: bool = True) -> Organisation:
    """The active school with this slug; an unknown one is a 404 that says so."""
    try:
        return active_school_or_404(slug, with_parent=with_parent)
    except Http404 as error:
        raise ApiError(404, UNKNOWN_SCHOOL) from error


def _form_data(payload: PublicCaseIn, token: str) -> dict:
    return {
        "kind": payload.kind,
        "title": payload.title,
        "content": payload.content,
        "name": payload.contact_name or "",
        "salutation": payload.salutation or "",
        "phone": payload.contact_phone or "",
        "email": payload.contact_email or "",
        "address": payload.contact_address or "",
        "id_number": payload.id_number or "",
        "anonymous": payload.anonymous,
        "consent": payload.consent,
        "denounced_person": payload.denounced_person or "",
        "information_form": payload.information_form or "",
        "delivery": payload.delivery or "",
        "information_purpose": payload.information_purpose or "",
        "token": token,
    }


@router.post(
    "/cases",
    response={
        200: ReceiptOut,
        201: ReceiptOut,
        400: MessageOut,
        404: MessageOut,
        422: ErrorsOut,
        429: MessageOut,
        503: MessageOut,
    },
    summary="Gửi ý kiến, phản ánh, kiến nghị, đơn thư",
    description=(
        "Như biểu mẫu công khai của trường: cùng quy tắc, cùng thông báo lỗi (tiếng Việt), "
        "cùng giới hạn số lần gửi. 201: đã lưu vụ việc mới; 200: lần gửi lại với cùng "
        "client_token/Idempotency-Key, trả lại vụ việc đã lưu."
    ),
)
def submit(request: HttpRequest, response: HttpResponse, payload: PublicCaseIn):
    school = public_school(payload.organisation, with_parent=False)
    if payload.website:
        # The honeypot: left empty by people and well-behaved clients. Nothing is stored.
        throttle.record_rejected(request)
        raise ApiError(400, AUTOMATED)
    token = (
        request.headers.get("Idempotency-Key")
        or payload.client_token
        or ApiSubmissionForm.new_token()
    )
    form = ApiSubmissionForm(_form_data(payload, token.strip()))
    if not form.is_valid():
        raise field_errors(form.errors, API_NAMES)
    data = form.cleaned_data
    sender = {"phone": data["phone"], "email": data["email"]}
    refusal = throttle.check_intake(request, **sender)
    if refusal is not None:
        raise _limited(refusal)
    started = timezone.now()
    try:
        case = services.submit_case(
            organisation=school,
            submission=replace(form.submission(channel=Channel.WEB), received_at=started),
            idempotency_key=data["token"],
        )
    except ValidationError as error:
        raise from_django(error, API_NAMES) from error
    except DatabaseError:
        logger.exception("API public intake failed for %s", school.slug)
        raise
    # For a repeated token submit_case returns the case stored then, received at another time.
    created = case.received_at == started
    if created:
        throttle.record_intake(request, **sender)
    response["Location"] = request.build_absolute_uri(f"{request.path}/{case.tracking_code}")
    return Status(201 if created else 200, _receipt(case))


def _receipt(case: Case) -> ReceiptOut:
    return ReceiptOut(
        tracking_code=case.tracking_code,
        display_code=case.display_code,
        status=case.status,
        received_at=timezone.localtime(case.received_at),
        due=case.next_due,
        due_provisional=provisional_warning(case.received_on, case.next_due),
    )


@router.get(
    "/cases/{tracking_code}",
    response={200: PublicCaseOut, 404: MessageOut, 429: MessageOut},
    summary="Tra cứu vụ việc bằng mã tra cứu",
    description="Như trang Tra cứu: chỉ những gì dòng thời gian đánh dấu công khai.",
)
def tracked(request: HttpRequest, tracking_code: str):
    code = services.normalise_tracking_code(tracking_code)
    refusal = throttle.check_lookup(request, code)
    if refusal is not None:
        raise _limited(refusal)
    try:
        case = access.access_tracked_case(code)
    except Http404 as error:
        # A wrong code counts against the address: guessing codes is limited.
        throttle.record_miss(request)
        raise ApiError(404, UNKNOWN_CODE) from error
    return public_view(case)


def public_view(case: Case) -> PublicCaseOut:
    """The tracking page's facts (petitions/track.html), as data."""
    today = timezone.localdate()
    open_due = case.next_due if not case.is_closed else None
    events = case.events.exclude(public_summary="").order_by("created_at", "pk")
    return PublicCaseOut(
        tracking_code=case.tracking_code,
        display_code=case.display_code,
        organisation=OrganisationRef(slug=case.organisation.slug, name=case.organisation.name),
        kind=case.kind,
        kind_label=case.kind_label,
        received_on=case.received_on,
        status=case.status,
        status_label=case.get_status_display(),
        next_due=open_due,
        next_due_provisional=provisional_warning(case.received_on, open_due),
        next_step=case.next_step if open_due else "",
        overdue=open_due is not None and open_due < today,
        promised_on=case.promised_on if not case.is_closed else None,
        public_answer=case.public_answer if case.status == CaseStatus.RESOLVED else "",
        events=[
            PublicEventOut(date=timezone.localdate(event.created_at), summary=event.public_summary)
            for event in events
        ],
        letters=[
            LetterOut(
                number_symbol=letter.number_symbol,
                summary=letter.summary,
                issued_on=letter.issued_on,
                pdf=reverse("petitions:letter", args=[case.tracking_code, letter.pk]),
                docx=reverse("petitions:letter", args=[case.tracking_code, letter.pk])
                + "?dinh-dang=docx",
            )
            for letter in access.citizen_letters(case, today)
        ],
        split_cases=[
            SplitCaseOut(
                tracking_code=child.tracking_code,
                display_code=child.display_code,
                kind_label=child.kind_label,
            )
            for child in case.split_cases.all()
        ],
    )
