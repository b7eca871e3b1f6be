"""Fixtures of the core tests: the petitions rules table, for the checks run through its forms."""

from gandan.petitions.tests.conftest import deadline_rules  # noqa: F401  (fixture)
