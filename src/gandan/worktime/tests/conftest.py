import pytest

from gandan.worktime.days import clear_calendar_cache


@pytest.fixture(autouse=True)
def fresh_calendar():
    # The calendar is cached per process; a test's rows are rolled back after it, the cache is not.
    clear_calendar_cache()
    yield
    clear_calendar_cache()
