"""The dashboards' charts as SVG drawn on the server, in the house style of surveys/chart.py.

Presentation attributes only (the content security policy refuses inline style). Series differ
by dash pattern and marker shape as well as colour, so a chart reads in black and white; each
point has a <title> with its exact figure, the <desc> says what the chart shows, and every page
prints the same figures in a table under the chart.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from gandan.core.vietnamese import format_number
from gandan.reports.rollup import MonthFigures
from gandan.surveys.chart import index_chart
from gandan.surveys.index import Series

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 96
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM


@dataclass(frozen=True)
class Style:
    colour: str
    dash: str
    marker: str


RATE_SERIES = [
    ("cases_on_time", Style("#1f5fa8", "", "circle")),
    ("disclosures_on_time", Style("#b3261e", "6 4", "square")),
    ("tasks_on_time", Style("#2e6b30", "2 3", "diamond")),
]


def month_label(month: dt.date) -> str:
    return f"{month.month}/{month.year}"


def _y(value: float) -> float:
    return TOP + (100 - value) / 100 * PLOT_H


def _marker(style: Style, x: float, y: float, tooltip: str) -> str:
    title = f"<title>{escape(tooltip)}</title>"
    common = f'fill="{style.colour}" stroke="#ffffff" stroke-width="1"'
    if style.marker == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" {common}>{title}</rect>'
    if style.marker == "diamond":
        corners = [(x, y - 5.5), (x + 5.5, y), (x, y + 5.5), (x - 5.5, y)]
        points = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in corners)
        return f'<polygon points="{points}" {common}>{title}</polygon>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" {common}>{title}</circle>'


def rate_chart(months: list[MonthFigures], *, chart_id: str, title: str) -> SafeString:
    """On-time rates (%) by report month: cases, disclosures, plan tasks. Empty when no month
    has a rate."""
    from gandan.reports.indicators import BY_CODE

    if not months or not any(
        m.value(code).sort is not None for m in months for code, _s in RATE_SERIES
    ):
        return mark_safe("")
    slot = PLOT_W / len(months)

    def x_of(i: int) -> float:
        return LEFT + (i + 0.5) * slot

    description = _(
        "Tỷ lệ đúng hạn theo tháng báo cáo (từ ngày 15 tháng trước đến ngày 14), thang 0–100 "
        "%%, từ %(first)s đến %(last)s. Các con số có trong bảng dưới biểu đồ."
    ) % {"first": month_label(months[0].month), "last": month_label(months[-1].month)}
    parts = [
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" class="index-chart" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="sans-serif">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    ]
    for tick in (0, 25, 50, 75, 100):
        y = _y(tick)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + PLOT_W}" y2="{y:.1f}" '
            f'stroke="#d9d3c7" stroke-width="1"/>'
            f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#333333">{format_number(tick)}</text>'
        )
    step = 1 if len(months) <= 12 else 2
    for i, figures in enumerate(months):
        if i % step:
            continue
        parts.append(
            f'<text x="{x_of(i):.1f}" y="{TOP + PLOT_H + 18}" text-anchor="middle" '
            f'font-size="12" fill="#333333">{escape(month_label(figures.month))}</text>'
        )
    month_axis = _("Tháng báo cáo")
    rate_axis = _("Tỷ lệ đúng hạn (%)")
    parts.append(
        f'<line x1="{LEFT}" y1="{TOP + PLOT_H}" x2="{LEFT + PLOT_W}" y2="{TOP + PLOT_H}" '
        f'stroke="#555555" stroke-width="1"/>'
        f'<text x="{LEFT + PLOT_W / 2:.1f}" y="{TOP + PLOT_H + 38}" text-anchor="middle" '
        f'font-size="12" fill="#333333">{escape(month_axis)}</text>'
        f'<text transform="translate(14 {TOP + PLOT_H / 2:.1f}) rotate(-90)" '
        f'text-anchor="middle" font-size="12" fill="#333333">{escape(rate_axis)}</text>'
    )
    for row, (code, style) in enumerate(RATE_SERIES):
        label = str(BY_CODE[code].label)
        segments: list[list[str]] = [[]]
        marks = []
        previous = None
        for i, figures in enumerate(months):
            value = figures.value(code)
            if value.sort is None:
                continue
            x, y = x_of(i), _y(value.sort)
            if previous is not None and i != previous + 1:
                segments.append([])
            segments[-1].append(f"{x:.1f},{y:.1f}")
            previous = i
            marks.append(
                _marker(style, x, y, f"{label}, {month_label(figures.month)}: {value.text}")
            )
        dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
        parts.extend(
            f'<polyline points="{" ".join(s)}" fill="none" stroke="{style.colour}" '
            f'stroke-width="2.5"{dash}/>'
            for s in segments
            if len(s) > 1
        )
        parts.extend(marks)
        legend_y = HEIGHT - 42 + row * 16
        parts.append(
            f'<line x1="{LEFT}" y1="{legend_y}" x2="{LEFT + 28}" y2="{legend_y}" '
            f'stroke="{style.colour}" stroke-width="2.5"{dash}/>'
            + _marker(style, LEFT + 14, legend_y, label)
            + f'<text x="{LEFT + 36}" y="{legend_y + 4}" font-size="12" fill="#222222">'
            f"{escape(label)}</text>"
        )
    parts.append("</svg>")
    # Every text above went through escape(); the rest are numbers and fixed attributes.
    return mark_safe("".join(parts))


def satisfaction_chart(months: list[MonthFigures], *, chart_id: str, title: str) -> SafeString:
    """The pooled satisfaction index by report month, drawn by the surveys chart."""
    from gandan.reports.indicators import satisfaction_index

    points = [(m.month, satisfaction_index(m.sums)) for m in months]
    points = [(month, value) for month, value in points if value.mean is not None]
    if not points:
        return mark_safe("")
    label = _("Chỉ số hài lòng (khảo sát và đánh giá đơn thư)")
    series = Series("combined", label, points, points[-1][1])
    return index_chart([series], chart_id=chart_id, title=title)
