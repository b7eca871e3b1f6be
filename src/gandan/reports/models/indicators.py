"""Indicator summary tables, refreshed by reports.refresh (never edited by hand)."""

__all__: list[str] = []
