"""Staff endpoints on cases: the list and a case as the HTML pages show them, and the first
workflow steps (accept, assign) through the same services.

Access is the petitions app's: `case_school` + `visible_cases` for the list, `access_case`
for one case (404 on refusal, so nothing reveals a case exists); the same parts decide what
the caller may do. A token acts with exactly its owner's rights.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router

from gandan.api.auth import STAFF_AUTH, caller
from gandan.api.errors import ApiError, Messages, from_django
from gandan.api.petitions.schemas import (
    AssignIn,
    CaseFilters,
    CaseOut,
    CasePageOut,
    CaseRowOut,
    ContactOut,
    DeadlineOut,
    ErrorsOut,
    EventOut,
    MessageOut,
    OrganisationRef,
    PersonOut,
)
from gandan.orgs.models import User
from gandan.petitions import access, services
from gandan.petitions.forms.staff import school_staff
from gandan.petitions.models import Case
from gandan.worktime.notices import provisional_warning

router = Router(tags=["Đơn thư (cán bộ)"], auth=STAFF_AUTH)
ERRORS = {401: MessageOut, 403: MessageOut, 404: MessageOut}
ACTION_ERRORS = ERRORS | {409: MessageOut, 422: ErrorsOut, 503: MessageOut}


def _person(user: User) -> PersonOut:
    return PersonOut(username=user.username, full_name=user.full_name)


def _row(case: Case, today: dt.date) -> dict[str, Any]:
    return {
        "id": str(case.public_id),
        "display_code": case.display_code,
        "kind": case.kind,
        "kind_label": case.kind_label,
        "title": case.title,
        "status": case.status,
        "status_label": case.get_status_display(),
        "received_on": case.received_on,
        "next_due": case.next_due,
        "next_due_provisional": provisional_warning(case.received_on, case.next_due),
        "next_step": case.next_step,
        "overdue": case.is_overdue(today),
        "handler": _person(case.handler) if case.handler else None,
    }


@router.get(
    "/cases",
    response={200: CasePageOut, **ERRORS},
    summary="Danh sách vụ việc người gọi được xem",
)
def case_list(request: HttpRequest, filters: Query[CaseFilters]):
    user = caller(request)
    school = access.case_school(user)
    cases = access.visible_cases(user, school)
    if filters.status == "open":
        cases = cases.open()
    elif filters.status:
        cases = cases.filter(status=filters.status)
    if filters.kind:
        cases = cases.filter(kind=filters.kind)
    start = (filters.page - 1) * filters.page_size
    rows = cases.select_related("handler").order_by("next_due", "-received_at", "-pk")
    today = timezone.localdate()
    return CasePageOut(
        count=cases.count(),
        page=filters.page,
        page_size=filters.page_size,
        items=[CaseRowOut(**_row(case, today)) for case in rows[start : start + filters.page_size]],
    )


def case_out(user: User, case: Case) -> CaseOut:
    """A case as its detail page shows it to this user (petitions/case_detail.html)."""
    today = timezone.localdate()
    parts = access.case_parts(user, case)
    reads = access.can(user, case, "content")  # not the inspection board (access.py)
    contact = None
    # As on the page: contacts for those who answer the sender, never a denouncer's.
    if access.can(user, case, "contact") and not case.is_denunciation and not case.is_anonymous:
        contact = ContactOut(
            name=case.contact_name,
            phone=case.contact_phone,
            email=case.contact_email,
            address=case.contact_address,
        )
    return CaseOut(
        **_row(case, today),
        organisation=OrganisationRef(slug=case.organisation.slug, name=case.organisation.name),
        procedure=case.procedure,
        procedure_label=case.get_procedure_display(),
        channel=case.channel,
        channel_label=case.get_channel_display(),
        content=case.content if reads else "",
        needs_redaction=case.needs_redaction,
        sender=access.sender_label(user, case),
        contact=contact,
        denounced_person=case.denounced_person if reads else "",
        received_at=timezone.localtime(case.received_at),
        accepted_on=case.accepted_on,
        closed_at=timezone.localtime(case.closed_at) if case.closed_at else None,
        verifiers=[_person(v) for v in case.verifiers.all()],
        public_answer=case.public_answer if reads else "",
        deadlines=[
            DeadlineOut(
                step=row.step,
                step_label=row.step_label,
                due=row.due,
                due_provisional=provisional_warning(case.received_on, row.due),
                projected_due=row.projected_due,
                limit=row.limit,
                unit=row.unit,
                citation=row.citation,
                is_internal_policy=row.is_internal_policy,
                needs_verification=row.needs_verification,
                tracked=row.is_tracked,
                done_on=row.done_on,
                moot=row.moot,
            )
            for row in case.deadlines.order_by("order")
        ],
        events=[
            EventOut(
                kind=line.kind,
                kind_label=line.kind_label,
                created_at=timezone.localtime(line.created_at),
                actor=line.actor_label,
                summary=line.summary,
                public=line.is_public,
            )
            for line in access.timeline(user, case)
        ],
        permissions=sorted(action for action, needs in access.ACTIONS.items() if parts & needs),
    )


@router.get(
    "/cases/{case_id}",
    response={200: CaseOut, **ERRORS},
    summary="Một vụ việc (không bao giờ có danh tính người tố cáo)",
)
def case_detail(request: HttpRequest, case_id: str):
    user = caller(request)
    return case_out(user, access.access_case(user, case_id))


@router.post(
    "/cases/{case_id}/accept",
    response={200: CaseOut, **ACTION_ERRORS},
    summary="Thụ lý (như nút Thụ lý trên trang vụ việc)",
)
def accept(request: HttpRequest, case_id: str):
    user = caller(request)
    case = access.access_case(user, case_id, action="manage")
    try:
        case = services.accept_case(case=case, actor=user)
    except ValidationError as error:
        raise from_django(error, {}) from error
    return case_out(user, access.access_case(user, case_id))


@router.post(
    "/cases/{case_id}/assign",
    response={200: CaseOut, **ACTION_ERRORS},
    summary="Phân công người giải quyết và người xác minh",
)
def assign(request: HttpRequest, case_id: str, payload: AssignIn):
    user = caller(request)
    case = access.access_case(user, case_id, action="manage")
    # As the page's AssignForm: people are chosen among the school's current staff.
    staff = {
        person.username: person
        for person in school_staff(case.organisation).filter(
            username__in=[payload.handler, *payload.verifiers]
        )
    }
    errors: dict[str, list[str]] = {}
    if payload.handler not in staff:
        errors["handler"] = [str(Messages.NOT_STAFF)]
    if any(name not in staff for name in payload.verifiers):
        errors["verifiers"] = [str(Messages.NOT_STAFF)]
    if errors:
        raise ApiError(422, Messages.INVALID, errors=errors)
    try:
        services.assign_case(
            case=case,
            actor=user,
            handler=staff[payload.handler],
            verifiers=[staff[name] for name in payload.verifiers],
        )
    except ValidationError as error:
        raise from_django(error, {}) from error
    return case_out(user, access.access_case(user, case_id))
