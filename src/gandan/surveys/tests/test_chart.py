"""The server-drawn chart: accessible SVG, Vietnamese figures, gaps where a month is empty."""

import datetime as dt
import xml.etree.ElementTree as ET

from gandan.surveys.chart import index_chart, point_text
from gandan.surveys.index import IndexValue, Moments, Series, summarise

OCT, NOV, DEC = dt.date(2025, 10, 1), dt.date(2025, 11, 1), dt.date(2025, 12, 1)


def _series(key, points):
    values = [(month, summarise(Moments.of(scores))) for month, scores in points]
    return Series(key, f"Chuỗi <{key}>", values, summarise(Moments()))


def test_no_point_no_chart():
    assert index_chart([_series("survey", [])], chart_id="c", title="T") == ""


def test_the_chart_is_well_formed_accessible_svg():
    # given
    series = _series("survey", [(OCT, [75.0, 100.0]), (NOV, [50.0])])
    # when
    svg = index_chart([series], chart_id="bd", title="Chỉ số & xu hướng")
    root = ET.fromstring(svg)
    # then: an image named by its title and description, text escaped
    assert root.get("role") == "img" and root.get("aria-labelledby") == "bd-title bd-desc"
    assert root.findtext("title") == "Chỉ số & xu hướng"
    assert "10/2025 đến 11/2025" in root.findtext("desc", "")
    assert "Chuỗi <survey>" in svg.replace("&lt;", "<").replace("&gt;", ">")
    # axis labels 0–100 and the two months
    texts = [element.text for element in root.iter("text")]
    assert texts[:5] == ["0", "25", "50", "75", "100"]
    assert "10/2025" in texts and "11/2025" in texts
    # one line through both points, one interval whisker (October has n = 2)
    assert len(root.findall("polyline")) == 1
    titles = [element.findtext("title") for element in root.iter("circle")]
    assert "Chuỗi <survey>, 10/2025: 87,5 (n = 2; khoảng tin cậy 95 %: 63,0–100,0)" in titles
    assert "Chuỗi <survey>, 11/2025: 50,0 (n = 1)" in titles


def test_a_month_without_answers_breaks_the_line():
    # given: October and December for one series; November only in the other
    survey = _series("surveys", [(OCT, [75.0]), (DEC, [50.0])])
    cases = _series("cases", [(NOV, [100.0])])
    # when
    root = ET.fromstring(index_chart([survey, cases], chart_id="c", title="T"))
    # then: no line bridges the missing November of the first series
    assert root.findall("polyline") == []
    assert len(root.findall("circle")) == 2 + 1  # two points and the legend's marker
    assert len(root.findall("rect")) == 1 + 1  # the case rating and its legend marker


def test_point_text_uses_vietnamese_decimals():
    value = IndexValue(1234, 72.456, 70.0, 74.912)
    assert point_text(OCT, value) == ("10/2025: 72,5 (n = 1.234; khoảng tin cậy 95 %: 70,0–74,9)")


def test_months_without_answers_keep_their_place_on_the_axis():
    # given: May and November 2026, nothing between
    may, november = dt.date(2026, 5, 1), dt.date(2026, 11, 1)
    series = _series("survey", [(may, [75.0]), (november, [50.0])])
    # when
    root = ET.fromstring(index_chart([series], chart_id="c", title="T"))
    # then: seven months on the axis, and no line across the empty ones
    labels = [t.text for t in root.iter("text") if t.text and "/" in t.text]
    assert labels == ["5/2026", "6/2026", "7/2026", "8/2026", "9/2026", "10/2026", "11/2026"]
    assert root.findall("polyline") == []
