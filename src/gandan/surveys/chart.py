"""The index over time as an SVG line chart drawn on the server (no script, no library).

Presentation attributes only (fill, stroke): the site's content security policy refuses
inline style. Series differ by dash pattern and marker shape as well as colour, so the chart
reads in black and white; a <title> on each point gives the exact figures to screen readers
and on hover, and pages show the same figures in a table.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from gandan.core.vietnamese import format_number
from gandan.surveys.index import IndexValue, Series

WIDTH, HEIGHT = 720, 340
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 96
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM


@dataclass(frozen=True)
class Style:
    colour: str
    dash: str  # stroke-dasharray, "" for solid
    marker: str  # circle, square, diamond


STYLES = {
    "survey": Style("#b3261e", "", "circle"),
    "surveys": Style("#b3261e", "", "circle"),
    "cases": Style("#1f5fa8", "6 4", "square"),
    "combined": Style("#2e6b30", "2 3", "diamond"),
}
DEFAULT_STYLE = Style("#444444", "", "circle")


def month_label(month: dt.date) -> str:
    return f"{month.month}/{month.year}"


def month_range(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month from first to last: a month without answers keeps its place on the axis."""
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def _y(value: float) -> float:
    return TOP + (100 - value) / 100 * PLOT_H


def _fmt(value: float | None) -> str:
    return "" if value is None else format_number(value, 1)


def point_text(month: dt.date, value: IndexValue) -> str:
    """'10/2025: 72,5 (n = 18; khoảng tin cậy 95 %: 65,1–79,9)'."""
    if value.low is None:
        return _("%(month)s: %(mean)s (n = %(n)s)") % {
            "month": month_label(month),
            "mean": _fmt(value.mean),
            "n": format_number(value.n),
        }
    return _("%(month)s: %(mean)s (n = %(n)s; khoảng tin cậy 95 %%: %(low)s–%(high)s)") % {
        "month": month_label(month),
        "mean": _fmt(value.mean),
        "n": format_number(value.n),
        "low": _fmt(value.low),
        "high": _fmt(value.high),
    }


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


def _axes(months: list[dt.date], x_of) -> list[str]:
    parts = []
    for tick in (0, 25, 50, 75, 100):
        y = _y(tick)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + PLOT_W}" y2="{y:.1f}" '
            f'stroke="#d9d3c7" stroke-width="1"/>'
            f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#333333">{format_number(tick)}</text>'
        )
    step = 1 if len(months) <= 12 else 2
    for i, month in enumerate(months):
        if i % step:
            continue
        parts.append(
            f'<text x="{x_of(i):.1f}" y="{TOP + PLOT_H + 18}" text-anchor="middle" '
            f'font-size="12" fill="#333333">{escape(month_label(month))}</text>'
        )
    # The axis titles are translated outside the f-strings, where makemessages finds them.
    month_axis = _("Tháng")
    index_axis = _("Chỉ số hài lòng (0–100)")
    parts.append(
        f'<line x1="{LEFT}" y1="{TOP + PLOT_H}" x2="{LEFT + PLOT_W}" y2="{TOP + PLOT_H}" '
        f'stroke="#555555" stroke-width="1"/>'
        f'<text x="{LEFT + PLOT_W / 2:.1f}" y="{TOP + PLOT_H + 38}" text-anchor="middle" '
        f'font-size="12" fill="#333333">{escape(month_axis)}</text>'
        f'<text transform="translate(14 {TOP + PLOT_H / 2:.1f}) rotate(-90)" text-anchor="middle" '
        f'font-size="12" fill="#333333">{escape(index_axis)}</text>'
    )
    return parts


def _series_marks(series: Series, style: Style, index_of: dict, x_of) -> list[str]:
    parts = []
    segment: list[str] = []
    previous = None
    segments = []
    for month, value in series.points:
        if value.mean is None:
            continue
        i = index_of[month]
        x, y = x_of(i), _y(value.mean)
        if previous is not None and i != previous + 1:
            segments.append(segment)
            segment = []
        segment.append(f"{x:.1f},{y:.1f}")
        previous = i
        if value.low is not None and value.high is not None:
            parts.append(
                f'<line x1="{x:.1f}" y1="{_y(value.high):.1f}" x2="{x:.1f}" '
                f'y2="{_y(value.low):.1f}" stroke="{style.colour}" stroke-width="1.5" '
                f'stroke-opacity="0.45"/>'
            )
        # Translators: a point's tooltip, the series' name then the month's figures.
        tooltip = _("%(series)s, %(point)s") % {
            "series": series.label,
            "point": point_text(month, value),
        }
        parts.append(_marker(style, x, y, tooltip))
    segments.append(segment)
    dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
    lines = [
        f'<polyline points="{" ".join(s)}" fill="none" stroke="{style.colour}" '
        f'stroke-width="2.5"{dash}/>'
        for s in segments
        if len(s) > 1
    ]
    return lines + parts


def _legend(series_list: list[Series]) -> list[str]:
    parts = []
    y = HEIGHT - 30
    for row, series in enumerate(series_list):
        style = STYLES.get(series.key, DEFAULT_STYLE)
        x = LEFT + (row % 2) * (PLOT_W / 2)
        line_y = y + (row // 2) * 18
        dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
        parts.append(
            f'<line x1="{x:.1f}" y1="{line_y}" x2="{x + 28:.1f}" y2="{line_y}" '
            f'stroke="{style.colour}" stroke-width="2.5"{dash}/>'
            + _marker(style, x + 14, line_y, series.label)
            + f'<text x="{x + 36:.1f}" y="{line_y + 4}" font-size="12" fill="#222222">'
            f"{escape(series.label)}</text>"
        )
    return parts


def index_chart(series_list: list[Series], *, chart_id: str, title: str) -> SafeString:
    """The chart, or an empty string when no series has a point."""
    with_data = sorted({month for series in series_list for month, _value in series.points})
    if not with_data:
        return mark_safe("")
    months = month_range(with_data[0], with_data[-1])
    index_of = {month: i for i, month in enumerate(months)}
    slot = PLOT_W / len(months)

    def x_of(i: int) -> float:
        return LEFT + (i + 0.5) * slot

    description = _(
        "Chỉ số hài lòng theo tháng, thang 0–100, từ %(first)s đến %(last)s; vạch dọc mờ là "
        "khoảng tin cậy 95 %%. Các con số có trong bảng dưới biểu đồ."
    ) % {"first": month_label(months[0]), "last": month_label(months[-1])}
    parts = [
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" class="index-chart" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="sans-serif">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        *_axes(months, x_of),
    ]
    for series in series_list:
        style = STYLES.get(series.key, DEFAULT_STYLE)
        parts.extend(_series_marks(series, style, index_of, x_of))
    parts.extend(_legend(series_list))
    parts.append("</svg>")
    # Every text above went through escape(); the rest are numbers and fixed attributes.
    return mark_safe("".join(parts))
