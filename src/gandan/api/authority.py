"""Read-only endpoints for the level above the schools: a ward's or a Sở's officer (a person
signed in, or a script holding one of their tokens) reads the indicators of the units it
oversees, the reports it received, and its own plans with each unit's implementing plan
(`plans.cascade`), so that a province's figures can be rolled up further.

Access is `reports.access.access_dashboard`: only an officer of the authority named by
`authority` (404 to anyone else, as everywhere in this API). The figures are the dashboard's
own (`reports.rollup.unit_table`, after `reports.refresh.refresh_if_behind`, as the dashboard
view does): same rows, same values, same texts. Nothing personal is answered: no sender, no
denouncer, no contact, no person's evaluation; only units, documents and counts.
"""

import datetime as dt

from django.db.models import Count
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema

from gandan.api import paging
from gandan.api.auth import STAFF_AUTH, caller
from gandan.api.errors import ApiError, Messages
from gandan.api.petitions.schemas import ErrorsOut, MessageOut, OrganisationRef
from gandan.orgs.models import Organisation
from gandan.plans import cascade
from gandan.plans.models import Plan, PlanStatus, PlanTask
from gandan.reports import access, rollup
from gandan.reports.indicators import INDICATORS, PERIOD_BASIS, Period, Value
from gandan.reports.models import IncomingDocument, ReportStatus
from gandan.reports.refresh import refresh_if_behind

router = Router(tags=["Cấp trên (cơ quan quản lý)"], auth=STAFF_AUTH)
ERRORS = {401: MessageOut, 404: MessageOut, 422: ErrorsOut}

BAD_PERIOD = gettext_lazy(
    "Kỳ không hợp lệ. Dùng 6-thang-<năm>, nam-<năm> hoặc thang-<năm>-<tháng>, ví dụ 6-thang-2026."
)


class AuthorityQuery(Schema):
    authority: str = Field(
        description="Mã (slug) của cơ quan (UBND xã/phường hoặc Sở GD&ĐT) mà người gọi là cán bộ.",
        max_length=100,
    )
    limit: int = paging.limit_field()
    offset: int = paging.offset_field()


class UnitsQuery(AuthorityQuery):
    period: str | None = Field(
        None,
        description=(
            "Kỳ báo cáo: 6-thang-2026 (6 tháng đầu năm), nam-2026 (cả năm) hoặc thang-2026-03 "
            "(một tháng báo cáo). Mặc định: kỳ chứa ngày hôm nay."
        ),
        max_length=20,
    )
    sort: str | None = Field(
        None,
        description=(
            "Sắp xếp như bảng trên trang: mã chỉ số, thêm dấu - để giảm dần; mặc định theo tên."
        ),
        max_length=40,
    )


class PlansQuery(AuthorityQuery):
    year: int | None = Field(None, ge=2000, le=2100, description="Chỉ kế hoạch của năm này.")


class PeriodOut(Schema):
    key: str = Field(description="Mã kỳ, dùng lại được ở tham số period.")
    label: str = Field(description="Tên kỳ.")
    starts_on: dt.date = Field(description="Số liệu từ ngày.")
    ends_on: dt.date = Field(description="Số liệu đến ngày.")
    basis: str = Field(description="Căn cứ thời gian chốt số liệu.")


class IndicatorOut(Schema):
    code: str
    label: str
    short: str = Field(description="Tiêu đề cột trên bảng.")
    unit: str = Field(description="Đơn vị tính.")
    group: str
    method: str = Field(description="Cách tính.")
    basis: str = Field(description="Căn cứ pháp lý, nếu có.")
    monthly: bool = Field(description="Tính theo các tháng của kỳ (sai: số liệu tại lần cập nhật).")


class ValueOut(Schema):
    code: str = Field(description="Mã chỉ số.")
    number: float | None = Field(description="Giá trị số (như trong tệp .xlsx), nếu có.")
    text: str = Field(description="Giá trị như trên bảng của trang tổng hợp.")
    flag: bool | None = Field(description="Đúng: đạt; sai: có vấn đề; rỗng: không đánh giá.")


class UnitRowOut(Schema):
    unit: OrganisationRef
    values: list[ValueOut]


class UnitsOut(Schema):
    authority: OrganisationRef
    period: PeriodOut
    refreshed_at: dt.datetime | None = Field(description="Lần cập nhật số liệu cũ nhất.")
    indicators: list[IndicatorOut]
    count: int = Field(description="Tổng số đơn vị.")
    limit: int
    offset: int
    items: list[UnitRowOut]
    total: list[ValueOut] = Field(description="Dòng tổng của toàn bộ đơn vị (không chỉ trang này).")


class RequestRef(Schema):
    id: str
    title: str
    kind: str
    kind_label: str
    year: int
    due_on: dt.date = Field(description="Hạn gửi báo cáo.")


class IncomingReportOut(Schema):
    request: RequestRef
    school: OrganisationRef
    arrival_number: int = Field(description="Số đến trong sổ văn bản đến của năm.")
    number_symbol: str = Field(description="Số, ký hiệu văn bản của trường.")
    issued_on: dt.date = Field(description="Ngày văn bản.")
    received_on: dt.date = Field(description="Ngày cơ quan nhận.")
    late: bool = Field(description="Lần nhận đầu tiên sau hạn gửi.")
    status: str
    status_label: str


class IncomingReportsOut(Schema):
    authority: OrganisationRef
    count: int
    limit: int
    offset: int
    items: list[IncomingReportOut]


class PlanRef(Schema):
    id: str
    organisation: OrganisationRef
    title: str
    number_symbol: str
    issued_on: dt.date | None
    year: int


class ProgressOut(Schema):
    assignments: int = Field(description="Số phần việc đã giao của kế hoạch thực hiện.")
    done_on_time: int = Field(
        description="Hoàn thành, có báo cáo hoàn thành không muộn hơn hạn (theo ngày báo cáo)."
    )
    done_late: int = Field(description="Hoàn thành sau hạn.")
    overdue: int = Field(description="Chưa hoàn thành, đã quá hạn vào hôm nay.")
    open: int = Field(description="Chưa hoàn thành, chưa đến hạn.")
    mean_percent: int | None = Field(description="Tiến độ bình quân (%), nếu đã giao việc.")


class ImplementingUnitOut(Schema):
    unit: OrganisationRef
    due_on: dt.date = Field(description="Hạn ban hành kế hoạch thực hiện đã giao.")
    plan: PlanRef | None = Field(
        description="Kế hoạch đã ban hành đầu tiên của đơn vị thực hiện kế hoạch này, nếu có."
    )
    status: str = Field(description="not_yet, on_time, late hoặc overdue.")
    status_label: str
    progress: ProgressOut


class AuthorityPlanOut(Schema):
    plan: PlanRef
    tasks: int = Field(description="Số nhiệm vụ của kế hoạch.")
    units: list[ImplementingUnitOut] = Field(
        description="Các đơn vị được giao xây dựng kế hoạch thực hiện, theo tên."
    )


class AuthorityPlansOut(Schema):
    authority: OrganisationRef
    count: int
    limit: int
    offset: int
    items: list[AuthorityPlanOut]


def _ref(organisation: Organisation) -> OrganisationRef:
    return OrganisationRef(slug=organisation.slug, name=organisation.name)


def _value(code: str, value: Value) -> ValueOut:
    number = float(value.number) if value.number is not None else None
    return ValueOut(code=code, number=number, text=value.text, flag=value.flag)


def _authority(request: HttpRequest, slug: str) -> Organisation:
    authority, _authorities = access.access_dashboard(caller(request), slug)
    return authority


@router.get(
    "/authority/units",
    response={200: UnitsOut, **ERRORS},
    summary="Chỉ số của các đơn vị trực thuộc trong một kỳ",
    description=(
        "Đúng bảng của trang tổng hợp (cùng đơn vị, cùng số liệu, cùng cách trình bày) cho cán "
        "bộ của cơ quan quản lý hoặc Sở GD&ĐT; người khác nhận 404."
    ),
)
def units(request: HttpRequest, query: Query[UnitsQuery]):
    authority = _authority(request, query.authority)
    if query.period:
        period = Period.parse(query.period)
        if period is None:
            raise ApiError(422, Messages.INVALID, errors={"period": [str(BAD_PERIOD)]})
    else:
        period = Period.containing(timezone.localdate())
    refresh_if_behind()
    table = rollup.unit_table(authority, period, sort=query.sort)
    codes = [indicator.code for indicator in table.columns]
    page = table.rows[query.offset : query.offset + query.limit]
    return UnitsOut(
        authority=_ref(authority),
        period=PeriodOut(
            key=period.key,
            label=period.label,
            starts_on=period.starts_on,
            ends_on=period.ends_on,
            basis=PERIOD_BASIS,
        ),
        refreshed_at=timezone.localtime(table.refreshed_at) if table.refreshed_at else None,
        indicators=[
            IndicatorOut(
                code=i.code,
                label=str(i.label),
                short=str(i.short),
                unit=str(i.unit),
                group=str(i.group),
                method=str(i.method),
                basis=i.basis,
                monthly=i.monthly,
            )
            for i in INDICATORS
        ],
        count=len(table.rows),
        limit=query.limit,
        offset=query.offset,
        items=[
            UnitRowOut(
                unit=OrganisationRef(slug=row.unit.slug, name=row.unit.name),
                values=[_value(code, cell) for code, cell in zip(codes, row.cells, strict=True)],
            )
            for row in page
        ],
        total=[_value(code, cell) for code, cell in zip(codes, table.total, strict=True)],
    )


@router.get(
    "/authority/reports",
    response={200: IncomingReportsOut, **ERRORS},
    summary="Báo cáo các đơn vị đã gửi lên (sổ văn bản đến)",
    description=(
        "Các báo cáo định kỳ, chuyên đề cơ quan đã nhận, mới nhất trước: yêu cầu, trường, số "
        "ký hiệu, ngày văn bản, ngày nhận, đúng hạn hay quá hạn, tình trạng hiện tại."
    ),
)
def reports(request: HttpRequest, query: Query[AuthorityQuery]):
    authority = _authority(request, query.authority)
    rows = IncomingDocument.objects.filter(authority=authority, unit_report__isnull=False)
    page = rows.select_related("sender", "unit_report__request").order_by(
        "-received_on", "-year", "-arrival_number"
    )[query.offset : query.offset + query.limit]
    statuses = dict(ReportStatus.choices)
    items = []
    for row in page:
        report = row.unit_report
        assert report is not None  # filtered above
        items.append(
            IncomingReportOut(
                request=RequestRef(
                    id=str(report.request.public_id),
                    title=report.request.title,
                    kind=report.request.kind,
                    kind_label=report.request.get_kind_display(),
                    year=report.request.year,
                    due_on=report.request.due_on,
                ),
                school=_ref(row.sender),
                arrival_number=row.arrival_number,
                number_symbol=row.number_symbol,
                issued_on=row.issued_on,
                received_on=row.received_on,
                late=report.is_late,
                status=report.status,
                status_label=str(statuses[report.status]),
            )
        )
    return IncomingReportsOut(
        authority=_ref(authority),
        count=rows.count(),
        limit=query.limit,
        offset=query.offset,
        items=items,
    )


def _plan_ref(plan: Plan) -> PlanRef:
    return PlanRef(
        id=str(plan.public_id),
        organisation=_ref(plan.organisation),
        title=plan.title,
        number_symbol=plan.number_symbol,
        issued_on=plan.issued_on,
        year=plan.year,
    )


@router.get(
    "/authority/plans",
    response={200: AuthorityPlansOut, **ERRORS},
    summary="Kế hoạch của cơ quan và việc các đơn vị thực hiện",
    description=(
        "Mỗi kế hoạch đã ban hành của cơ quan (ví dụ Kế hoạch 81/KH-SGDĐT), với từng đơn vị "
        "được giao: hạn ban hành kế hoạch thực hiện, kế hoạch thực hiện của đơn vị (số, ngày), "
        "đúng hạn, muộn hay quá hạn (theo ngày đã lưu, không theo tự khai) và tiến độ các phần "
        "việc của kế hoạch đó."
    ),
)
def plans(request: HttpRequest, query: Query[PlansQuery]):
    authority = _authority(request, query.authority)
    rows = Plan.objects.filter(organisation=authority, status=PlanStatus.ISSUED)
    if query.year is not None:
        rows = rows.filter(year=query.year)
    page = list(
        rows.select_related("organisation").order_by("-year", "-issued_on", "-pk")[
            query.offset : query.offset + query.limit
        ]
    )
    tasks = dict(
        PlanTask.objects.filter(plan__in=[plan.pk for plan in page])
        .values("plan_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("plan_id", "n")
    )
    units = cascade.unit_rows(page, timezone.localdate())
    return AuthorityPlansOut(
        authority=_ref(authority),
        count=rows.count(),
        limit=query.limit,
        offset=query.offset,
        items=[
            AuthorityPlanOut(
                plan=_plan_ref(plan),
                tasks=tasks.get(plan.pk, 0),
                units=[_unit_out(row) for row in units[plan.pk]],
            )
            for plan in page
        ],
    )


def _unit_out(row: cascade.UnitRow) -> ImplementingUnitOut:
    progress = row.progress
    return ImplementingUnitOut(
        unit=_ref(row.unit),
        due_on=row.request.due_on,
        plan=_plan_ref(row.plan) if row.plan is not None else None,
        status=row.status,
        status_label=row.status_label,
        progress=ProgressOut(
            assignments=progress.total,
            done_on_time=progress.done_on_time,
            done_late=progress.done_late,
            overdue=progress.overdue,
            open=progress.open,
            mean_percent=progress.mean_percent,
        ),
    )
