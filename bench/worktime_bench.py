"""Benchmark: 100,000 due dates from `gandan.worktime.days`, in bulk and one by one.

Run: .venv/bin/python bench/worktime_bench.py

Uses a throw-away data folder with a migrated SQLite database (the seeded 2024–2026 notices).
The bare baseline, measured in the same run, is plain date arithmetic with no calendar at all
(event + n days): the floor any calendar-aware computation is compared with.
"""

import datetime as dt
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

COUNT = 100_000
ROUNDS = 3


def best_of(rounds, work):
    """Best wall time in seconds of `rounds` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(rounds):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    data_dir = tempfile.mkdtemp(prefix="gandan-bench-")
    try:
        run(data_dir)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def run(data_dir: str) -> None:
    os.environ["GANDAN_DATA_DIR"] = data_dir
    os.environ.setdefault("GANDAN_LOCAL", "1")  # a throw-away data folder: keys made there
    os.environ["DJANGO_SETTINGS_MODULE"] = "gandan.settings"

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", "worktime", verbosity=0)

    from gandan.worktime import days

    rng = random.Random(2026)
    first = dt.date(2024, 1, 1)
    events = [first + dt.timedelta(days=rng.randrange(3 * 366)) for _ in range(COUNT)]
    # A realistic mix of statutory periods: 3, 5, 10, 15, 30, 45, 60 and 90 days.
    amounts = [rng.choice((3, 5, 10, 15, 30, 45, 60, 90)) for _ in range(COUNT)]
    pairs = list(zip(events, amounts, strict=True))

    days.current_calendar()  # load the adjustments once, as a running server would have

    bare, _ = best_of(ROUNDS, lambda: [e + dt.timedelta(days=n) for e, n in pairs])

    figures = {}
    for name, one, bulk in [
        ("calendar days", days.add_calendar_days, days.add_calendar_days_bulk),
        ("working days", days.add_working_days, days.add_working_days_bulk),
    ]:
        # A fresh calendar for each form, so neither inherits the other's per-year tables.
        days.clear_calendar_cache()
        one_time, one_result = best_of(ROUNDS, lambda one=one: [one(e, n) for e, n in pairs])
        days.clear_calendar_cache()
        bulk_time, bulk_result = best_of(ROUNDS, lambda bulk=bulk: bulk(events, amounts))
        assert one_result == bulk_result, f"{name}: bulk and one-by-one disagree"
        figures[name] = (one_time, bulk_time)

    print(f"worktime: {COUNT:,} due dates, events in 2024–2026, best of {ROUNDS} rounds")
    print(f"  bare baseline (event + n, no calendar):  {bare * 1000:8.1f} ms")
    for name, (one_time, bulk_time) in figures.items():
        print(f"  {name}:")
        print(
            f"    one by one   {one_time * 1000:8.1f} ms  "
            f"({one_time / COUNT * 1e6:5.2f} µs each, {one_time / bare:5.1f}× bare)"
        )
        print(
            f"    bulk         {bulk_time * 1000:8.1f} ms  "
            f"({bulk_time / COUNT * 1e6:5.2f} µs each, {bulk_time / bare:5.1f}× bare)"
        )
        print(f"    bulk is {one_time / bulk_time:.1f}× faster than one by one")


if __name__ == "__main__":
    main()
