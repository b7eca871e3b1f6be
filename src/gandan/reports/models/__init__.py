"""Indicator summary tables (indicators.py) and periodic reports upward (requests.py)."""

from gandan.reports.models.indicators import *  # noqa: F403
from gandan.reports.models.requests import *  # noqa: F403
