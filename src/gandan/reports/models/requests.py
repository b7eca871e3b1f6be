"""Periodic reports requested by an authority and submitted by the units below it."""

__all__: list[str] = []
