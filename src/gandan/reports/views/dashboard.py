"""The authority's dashboard, its .xlsx export, a unit's drill-down and the method page.

Each view: parse → `reports.access` → refresh if behind (documented in reports.refresh) → the
read queries of `reports.rollup` → render. A refused request is a 404 before anything runs.
The pages that read the summary tables are `read_only_request` (core.db_router): with a
replica configured, those rows come from it, unless the refresh just wrote them.
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

from gandan.core.db_router import read_only_request
from gandan.core.http import AuthenticatedRequest
from gandan.orgs.models import Organisation
from gandan.paperwork.responses import XLSX_MIME, file_response
from gandan.petitions.models import CaseKind, CaseStatus
from gandan.reports import access, charts, exports, rollup
from gandan.reports.indicators import (
    BY_CODE,
    INDICATORS,
    KIND_INDICATORS,
    PERIOD_BASIS,
    Period,
    Value,
    evaluation_distribution,
    satisfaction_index,
)
from gandan.reports.models import UnitStatus
from gandan.reports.refresh import refresh_if_behind

# The columns of the month-by-month tables under the charts (the charts' text alternative).
MONTH_TABLE = ["cases_received", "cases_on_time", "disclosures_on_time", "tasks_on_time"]


def _period(request: AuthenticatedRequest) -> Period:
    return Period.parse(request.GET.get("ky")) or Period.containing(timezone.localdate())


def _choices(period: Period) -> list[Period]:
    """The periods offered, with the one shown even when it is older than the list."""
    choices = Period.choices(timezone.localdate())
    return choices if period in choices else [period, *choices]


def _table(request: AuthenticatedRequest) -> rollup.Table:
    authority, _authorities = access.access_dashboard(request.user, request.GET.get("co-quan"))
    refresh_if_behind()
    return rollup.unit_table(authority, _period(request), sort=request.GET.get("sort"))


def table_body(table: rollup.Table, period: Period) -> SafeString:
    """The table's rows as HTML, built here rather than in the template: a Sở's table has
    1,500 rows of 28 cells, which the template engine renders ten times slower. Every text is
    escaped; a problem cell is marked for the eye (class) and for every reader (its text)."""
    base = reverse("reports:unit", args=["__slug__"])
    query = f"?ky={period.key}"
    seen: dict[tuple[str, bool], str] = {}

    def td(cell: Value) -> str:
        key = (cell.text, cell.flag is False)
        html = seen.get(key)
        if html is None:
            opening = '<td class="is-bad">' if key[1] else "<td>"
            html = seen[key] = opening + escape(cell.text) + "</td>"
        return html

    parts = []
    for row in table.rows:
        href = escape(base.replace("__slug__", row.unit.slug) + query)
        cells = "".join(td(cell) for cell in row.cells)
        parts.append(
            f'<tr><th scope="row"><a href="{href}">{escape(row.unit.name)}</a></th>{cells}</tr>'
        )
    return mark_safe("".join(parts))


def _month_rows(months: list[rollup.MonthFigures]) -> list[dict]:
    rows = []
    for figures in months:
        index = satisfaction_index(figures.sums)
        rows.append(
            {
                "month": figures.month,
                "cells": [figures.value(code) for code in MONTH_TABLE],
                "index": index,
            }
        )
    return rows


@login_required
@read_only_request
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    """One table of every school the officer's authority oversees, a league table, charts."""
    authority, authorities = access.access_dashboard(request.user, request.GET.get("co-quan"))
    refresh_if_behind()
    today = timezone.localdate()
    period = _period(request)
    table = rollup.unit_table(authority, period, sort=request.GET.get("sort"))
    best, worst = rollup.league(table.rows)
    first, last = rollup.chart_window(period, today)
    months = rollup.monthly_series(Organisation.objects.schools_below(authority), first, last)
    base = {"co-quan": authority.slug, "ky": period.key}
    heads = [
        {
            "code": code,
            "label": label,
            "title": title,
            "href": "?" + urlencode({**base, "sort": table.sort_link(code)}),
            "sorted": table.sort == code,
            "descending": table.descending,
        }
        for code, label, title in [(rollup.NAME, _("Đơn vị"), _("Tên đơn vị"))]
        + [(i.code, str(i.short), str(i.label)) for i in INDICATORS]
    ]
    context = {
        "authority": authority,
        "authorities": authorities,
        "period": period,
        "periods": _choices(period),
        "period_basis": PERIOD_BASIS,
        "table": table,
        "table_body": table_body(table, period),
        "heads": heads,
        "best": best,
        "worst": worst,
        "rate_chart": charts.rate_chart(
            months, chart_id="ty-le-dung-han", title=_("Tỷ lệ đúng hạn theo tháng báo cáo")
        ),
        "satisfaction_chart": charts.satisfaction_chart(
            months, chart_id="chi-so-hai-long", title=_("Chỉ số hài lòng theo tháng báo cáo")
        ),
        "month_heads": [BY_CODE[code] for code in MONTH_TABLE],
        "month_rows": _month_rows(months),
        "indicators": INDICATORS,
        "xlsx_query": urlencode({**base, "sort": request.GET.get("sort", "")}),
        "sort": request.GET.get("sort", ""),
    }
    return render(request, "reports/dashboard.html", context)


@login_required
@read_only_request
def dashboard_xlsx(request: AuthenticatedRequest) -> HttpResponse:
    """Exactly the table of the dashboard with the same parameters, as .xlsx."""
    table = _table(request)
    name = f"chi-so-{slugify(table.authority.slug)}-{table.period.key}.xlsx"
    return file_response(exports.table_workbook(table), filename=name, content_type=XLSX_MIME)


def _status_facts(status: UnitStatus | None) -> list[tuple[str, str]]:
    if status is None:
        return []
    facts = []
    for code in (
        "cases_open",
        "cases_overdue",
        "disclosures_yearly_missing",
        "plan_issued",
        "plan_parent",
        "tasks_overdue",
        "progress",
        "conference",
        "board",
        "recommendations",
        "emulation_registered",
        "emulation_recognised",
        "evaluation",
        "evaluation_quota",
    ):
        facts.append((str(BY_CODE[code].label), BY_CODE[code].compute({}, status).text))
    if status.evaluation_year is not None:
        facts.append((str(BY_CODE["evaluation_levels"].label), evaluation_distribution(status)))
    return facts


def _labelled(page: Page) -> Page:
    kinds, statuses = dict(CaseKind.choices), dict(CaseStatus.choices)
    anonymous = _("Thông tin tố cáo nặc danh")
    page.object_list = [
        {
            **case,
            "kind_label": anonymous
            if case["kind"] == CaseKind.DENUNCIATION and case["is_anonymous"]
            else kinds[case["kind"]],
            "status_label": statuses[case["status"]],
        }
        for case in page.object_list
    ]
    return page


@login_required
@read_only_request
def unit(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    """One school's indicators over time, plan progress and cases, read only."""
    school = access.access_unit(request.user, slug)
    refresh_if_behind()
    today = timezone.localdate()
    period = _period(request)
    status = UnitStatus.objects.filter(organisation=school).first()
    first, last = rollup.chart_window(period, today)
    schools = Organisation.objects.filter(pk=school.pk)
    months = rollup.monthly_series(schools, first, last)
    period_sums: dict[str, float] = {}
    for figures in rollup.monthly_series(schools, period.first, period.last):
        for key, value in figures.sums.items():
            period_sums[key] = period_sums.get(key, 0) + (value or 0)
    monthly = [i for i in INDICATORS if i.monthly]
    context = {
        "school": school,
        "period": period,
        "periods": _choices(period),
        "period_basis": PERIOD_BASIS,
        "status": status,
        "facts": _status_facts(status),
        "period_values": [(i, i.compute(period_sums, status)) for i in monthly],
        "kind_values": [(i, i.compute(period_sums, status)) for i in KIND_INDICATORS],
        "rate_chart": charts.rate_chart(
            months, chart_id="ty-le-dung-han", title=_("Tỷ lệ đúng hạn theo tháng báo cáo")
        ),
        "satisfaction_chart": charts.satisfaction_chart(
            months, chart_id="chi-so-hai-long", title=_("Chỉ số hài lòng theo tháng báo cáo")
        ),
        "month_heads": [BY_CODE[code] for code in MONTH_TABLE],
        "month_rows": _month_rows(months),
        "plans": rollup.unit_plans(school, today),
        "cases": _labelled(rollup.unit_cases(school, today, request.GET.get("trang"))),
        "indicators": INDICATORS,
        "today": today,
        "query": urlencode({"ky": period.key}),
    }
    return render(request, "reports/unit.html", context)


@login_required
def method(request: AuthenticatedRequest) -> HttpResponse:
    """How each indicator is computed and on what legal basis (no data: any signed-in user)."""
    return render(
        request,
        "reports/dashboard_method.html",
        {"indicators": INDICATORS, "kinds": KIND_INDICATORS, "period_basis": PERIOD_BASIS},
    )
