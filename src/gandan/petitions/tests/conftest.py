import pytest

from gandan.worktime.days import clear_calendar_cache


@pytest.fixture(autouse=True)
def fresh_calendar():
    # The calendar is cached per process; another test's adjustments are rolled back, the
    # cache is not.
    clear_calendar_cache()
    yield
    clear_calendar_cache()
