"""A school's report upward, drafted from live data: the figures and the first text of each
section, which the head then edits.

The numbers are the authority's own indicators (`reports.indicators`, the same registry and
method the dashboards use) over the report months of the requested period, recomputed for this
school at drafting time (`reports.refresh.recompute_schools`), so that the report says what the
dashboard says. The plan section adds the school's issued plans task by task, from one GROUP BY
over the plans app's assignments. Nothing personal enters the report: counts and distributions
only (no citizen, no denouncer, no person's evaluation).

Called inside the use case (`services.draft_report`, under `@in_vietnamese`): the text is
stored Vietnamese.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Count, Q, Sum

from gandan.core.vietnamese import format_number
from gandan.orgs.models import Organisation
from gandan.plans.models import Assignment, AssignmentStatus, Plan, PlanStatus
from gandan.reports import refresh
from gandan.reports.indicators import (
    INDICATORS,
    KIND_INDICATORS,
    MONTH_COLUMNS,
    Indicator,
    Value,
    months_between,
    report_month,
)
from gandan.reports.models import ReportRequest, UnitMonth, UnitStatus

# Part I (results) has one section per capability; II–IV are the usual closing parts of a
# "báo cáo kết quả" (đánh giá chung; phương hướng; kiến nghị).
RESULTS_PART = "KẾT QUẢ THỰC HIỆN"
SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("chi_dao", "I", "Công tác lãnh đạo, chỉ đạo, ban hành và thực hiện kế hoạch"),
    ("don_thu", "I", "Công tác tiếp công dân, giải quyết đơn thư"),
    ("dan_chu", "I", "Thực hiện dân chủ ở cơ sở"),
    ("dan_van_kheo", "I", "Phong trào thi đua “Dân vận khéo”"),
    ("danh_gia", "I", "Đánh giá, xếp loại viên chức"),
    ("hai_long", "I", "Mức độ hài lòng của cha mẹ học sinh và người dân"),
    ("danh_gia_chung", "II", "ĐÁNH GIÁ CHUNG"),
    ("phuong_huong", "III", "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"),
    ("kien_nghi", "IV", "KIẾN NGHỊ, ĐỀ XUẤT"),
)
SECTION_KEYS = tuple(key for key, _part, _title in SECTIONS)

# Which indicators feed which section (codes of reports.indicators.INDICATORS).
SECTION_CODES: dict[str, tuple[str, ...]] = {
    "chi_dao": ("plan_issued", "plan_parent", "progress", "tasks_on_time", "tasks_overdue"),
    "don_thu": (
        "cases_received",
        "cases_answered",
        "cases_on_time",
        "cases_open",
        "cases_overdue",
        "cases_contested",
        "cases_rating",
    ),
    "dan_chu": (
        "disclosures_on_time",
        "disclosures_late",
        "disclosures_missing",
        "disclosures_yearly_missing",
        "conference",
        "board",
        "recommendations",
    ),
    "dan_van_kheo": ("emulation_registered", "emulation_recognised"),
    "danh_gia": ("evaluation", "evaluation_levels", "evaluation_quota"),
    "hai_long": ("satisfaction_index", "satisfaction_n", "satisfaction_interval"),
}


@dataclass(frozen=True)
class Draft:
    sections: list[dict[str, str]]
    figures: list[dict[str, Any]]
    as_of: dt.date


def report_months(start: dt.date, end: dt.date) -> list[dt.date]:
    """The report months (15th – 14th) that cover the period: exactly its months for the
    periods of Nghị định 09/2019 Điều 12, the months it touches for a thematic one."""
    return months_between(report_month(start), report_month(end))


def unit_values(school: Organisation, months: list[dt.date]) -> dict[str, Value]:
    """Every indicator of the school over these report months, from its summary rows."""
    sums = UnitMonth.objects.filter(organisation=school, month__in=months).aggregate(
        **{column: Sum(column) for column in MONTH_COLUMNS}
    )
    clean = {column: value or 0 for column, value in sums.items()}
    status = UnitStatus.objects.filter(organisation=school).first()
    return {
        indicator.code: indicator.compute(clean, status)
        for indicator in [*INDICATORS, *KIND_INDICATORS]
    }


def _figure(indicator: Indicator, value: Value) -> dict[str, Any]:
    return {
        "code": indicator.code,
        "group": str(indicator.group),
        "label": str(indicator.label),
        "text": value.text,
        "flag": value.flag,
        "basis": indicator.basis,
    }


def _line(values: dict[str, Value], labels: dict[str, str], code: str) -> str:
    return f"- {labels[code]}: {values[code].text}."


def plan_lines(school: Organisation, as_of: dt.date) -> tuple[list[str], list[str]]:
    """(results, next steps) of the school's issued plans, task by task (one GROUP BY)."""
    plans = {
        plan.pk: plan
        for plan in Plan.objects.filter(organisation=school, status=PlanStatus.ISSUED)
        .only("pk", "number_symbol", "issued_on", "title")
        .order_by("issued_on", "pk")
    }
    rows = (
        Assignment.objects.filter(task__plan_id__in=list(plans))
        .values("task__plan_id", "task__order", "task__number", "task__heading")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status=AssignmentStatus.DONE)),
            overdue=Count("pk", filter=~Q(status=AssignmentStatus.DONE) & Q(due_date__lt=as_of)),
            mean=Avg("percent"),
        )
        .order_by("task__plan_id", "task__order")
    )
    results: list[str] = []
    next_steps: list[str] = []
    current_plan = None
    for row in rows:
        plan = plans[row["task__plan_id"]]
        if plan.pk != current_plan:
            current_plan = plan.pk
            cited = f"Kế hoạch số {plan.number_symbol}" if plan.number_symbol else "Kế hoạch"
            day = f" ngày {plan.issued_on:%d/%m/%Y}" if plan.issued_on else ""
            results.append(f"Thực hiện {cited}{day} về {plan.title[:1].lower()}{plan.title[1:]}:")
        heading = row["task__heading"].rstrip(".;:")
        results.append(
            f"- Nhiệm vụ {row['task__number']} ({heading}): hoàn thành "
            f"{format_number(row['done'])}/{format_number(row['total'])} nội dung, tiến độ "
            f"bình quân {format_number(round(row['mean'] or 0))}%"
            + (f", {format_number(row['overdue'])} nội dung quá hạn." if row["overdue"] else ".")
        )
        if row["done"] < row["total"]:
            next_steps.append(f"- Tiếp tục thực hiện nhiệm vụ {row['task__number']}: {heading}.")
    return results, next_steps


def draft_sections(request: ReportRequest, school: Organisation, *, as_of: dt.date) -> Draft:
    """Figures and first text of every section, from the school's data now."""
    refresh.recompute_schools([school.pk], today=as_of)
    values = unit_values(school, report_months(request.period_start, request.period_end))
    indicators = {indicator.code: indicator for indicator in [*INDICATORS, *KIND_INDICATORS]}
    labels = {code: str(indicator.label) for code, indicator in indicators.items()}
    texts: dict[str, list[str]] = {key: [] for key in SECTION_KEYS}

    plan_results, next_steps = plan_lines(school, as_of)
    texts["chi_dao"] = [
        *(_line(values, labels, code) for code in SECTION_CODES["chi_dao"]),
        *plan_results,
    ]
    kinds = [
        f"{labels[indicator.code].lower()} {values[indicator.code].text}"
        for indicator in KIND_INDICATORS
        if values[indicator.code].number
    ]
    received = values["cases_received"]
    texts["don_thu"] = [
        f"Trong kỳ, nhà trường tiếp nhận {received.text} đơn thư"
        + (f" ({'; '.join(kinds)})" if kinds else "")
        + "."
        if received.number
        else "Trong kỳ, nhà trường không tiếp nhận đơn thư nào.",
        *(_line(values, labels, code) for code in SECTION_CODES["don_thu"][1:]),
    ]
    for key in ("dan_chu", "dan_van_kheo", "danh_gia", "hai_long"):
        texts[key] = [_line(values, labels, code) for code in SECTION_CODES[key]]

    good = [
        f"{labels[code]} ({values[code].text})"
        for code in _section_codes()
        if values[code].flag is True
    ]
    weak = [
        f"{labels[code]} ({values[code].text})"
        for code in _section_codes()
        if values[code].flag is False
    ]
    weak_lines = [f"- {item}." for item in weak] or ["- Không có chỉ tiêu chưa đạt."]
    texts["danh_gia_chung"] = (
        ["1. Ưu điểm", *(f"- {item}." for item in good), "2. Hạn chế", *weak_lines]
        if good
        else ["Hạn chế:", *weak_lines]
    )
    texts["phuong_huong"] = next_steps or ["- Duy trì kết quả đã đạt được."]
    texts["kien_nghi"] = ["Không."]

    sections = [
        {"key": key, "part": part, "title": title, "text": "\n".join(texts[key])}
        for key, part, title in SECTIONS
    ]
    figures = [
        _figure(indicators[code], values[code]) for code in _section_codes() if code in values
    ] + [_figure(indicator, values[indicator.code]) for indicator in KIND_INDICATORS]
    return Draft(sections=sections, figures=figures, as_of=as_of)


def _section_codes() -> list[str]:
    return [code for codes in SECTION_CODES.values() for code in codes]
