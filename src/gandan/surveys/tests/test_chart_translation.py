"""Every sentence of the chart is one gettext message a translator can reorder."""

import datetime as dt
import xml.etree.ElementTree as ET

from gandan.surveys import chart
from gandan.surveys.index import IndexValue, Series

NOV = dt.date(2025, 11, 1)
# A catalogue that puts the figures before the series' name, as another language may.
CATALOGUE = {"%(series)s, %(point)s": "%(point)s [%(series)s]"}


def test_a_points_tooltip_is_one_message_a_translator_can_reorder(monkeypatch):
    # given: a language whose tooltip reads figures first
    monkeypatch.setattr(chart, "_", lambda message: CATALOGUE.get(message, message))
    value = IndexValue(mean=50.0, n=1, low=None, high=None)
    series = Series("survey", "Phụ huynh", [(NOV, value)], value)
    # when
    root = ET.fromstring(chart.index_chart([series], chart_id="c", title="T"))
    # then: the marker's title follows the translated order
    titles = [element.findtext("title") for element in root.iter("circle")]
    assert "11/2025: 50,0 (n = 1) [Phụ huynh]" in titles
