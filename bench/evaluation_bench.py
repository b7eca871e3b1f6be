"""Time a 60-person school's year of staff evaluation (NĐ 233/2026: four quarters → the year).

Run: .venv/bin/python bench/evaluation_bench.py [--runs N] [--people N]

Uses a throw-away data folder with a migrated SQLite database (set DATABASE_URL for PostgreSQL)
and the demo organisations (gandan.orgs.demo.build), plus N staff (default 60) in three tổ.
Setup (not timed): the school's quy chế, four quarters opened through the service, every
quarter's scores stored and closed in bulk, the year opened and every form reviewed.
Measured, each as median/min/max over its runs, inside a transaction rolled back after each run
so that every run starts from the same database:
- baseline: reading the 4 × N quarter scores and averaging them in Python;
- compute_year_scores: the year's scores from the quarters (one aggregate query, then one
  update and the history rows per person whose score changes);
- quota_report + problems: what the head's cycle page computes;
- the whole year: compute, decide every person (levels, quota lowering), close.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path


def timed(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def describe(label: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return (
        f"{label:<44} n={len(ms):<4} median {statistics.median(ms):8.1f} ms"
        f"   min {min(ms):8.1f} ms   max {max(ms):8.1f} ms"
    )


def ratio(label: str, times: list[float], baseline: list[float]) -> str:
    return f"  {label}: {statistics.median(times) / statistics.median(baseline):.0f}×"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--people", type=int, default=60)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    data_dir = tempfile.mkdtemp(prefix="gandan-bench-")
    try:
        run(data_dir, args.runs, args.people)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def run(data_dir: str, runs: int, people: int) -> None:
    os.environ["GANDAN_DATA_DIR"] = data_dir
    os.environ.setdefault("GANDAN_LOCAL", "1")  # a throw-away data folder: keys made there
    os.environ["DJANGO_SETTINGS_MODULE"] = "gandan.settings"

    import django
    from django.core.management import call_command

    django.setup()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"setup: migrated a fresh database in {time.perf_counter() - started:.1f} s")

    import datetime as dt

    from django.db import transaction

    from gandan.evaluation.models import (
        CycleStatus,
        Evaluation,
        EvaluationCycle,
        EvaluationRuleSet,
        EvaluationStatus,
        UnitRules,
    )
    from gandan.evaluation.rules import Level
    from gandan.evaluation.services import assessment, cycles, results
    from gandan.orgs import demo as org_demo
    from gandan.orgs import services as org_services
    from gandan.orgs.models import Organisation, OrgKind, Role, User

    started = time.perf_counter()
    school = org_demo.build()
    head = User.objects.get(username="hieutruong")
    units = list(
        Organisation.objects.filter(parent=school, kind=OrgKind.SUBJECT_GROUP).order_by("pk")
    )
    existing = set(school.memberships.values_list("user_id", flat=True))
    for n in range(max(0, people - len(existing))):
        user = org_services.create_person(
            actor=None, username=f"bench{n}", full_name=f"Giáo viên Thử {n:02d}", password=None
        )
        org_services.grant_role(
            actor=None, user=user, organisation=school, role=Role.STAFF, title="Giáo viên"
        )
        org_services.grant_role(
            actor=None, user=user, organisation=units[n % len(units)], role=Role.STAFF, title=""
        )
    UnitRules.objects.create(
        organisation=school,
        rule_set=EvaluationRuleSet.objects.get(code="nd-233-2026-vien-chuc"),
        title="Quy chế đánh giá (bench)",
        issued_on=dt.date(2026, 8, 25),
        valid_from=dt.date(2026, 9, 1),
        tracking="quarter",
        year_start_month=9,
    )
    rng = random.Random(2026)
    for number in range(1, 5):
        quarter = cycles.open_cycle(
            organisation=school, actor=head, period_type="quarter", year=2026, number=number
        )
        rows = list(quarter.evaluations.all())
        for row in rows:
            row.general_score = Decimal(rng.randint(22, 30))
            row.task_score = Decimal(rng.randint(45, 70)) + Decimal(rng.choice(["0", "0.5"]))
            row.score = row.general_score + row.task_score
            row.status = EvaluationStatus.DECIDED
        Evaluation.objects.bulk_update(rows, ["general_score", "task_score", "score", "status"])
        EvaluationCycle.objects.filter(pk=quarter.pk).update(status=CycleStatus.DECIDED)
    year = cycles.open_cycle(organisation=school, actor=head, period_type="year", year=2026)
    cycles.record_unit_level(cycle=year, actor=head, level=Level.GOOD, reference="bench")
    year.evaluations.update(status=EvaluationStatus.REVIEWED, decision_reference="bench")
    size = year.evaluations.count()
    print(
        f"setup: {size} people, 4 quarters ({4 * size} scores), year opened, "
        f"{time.perf_counter() - started:.1f} s"
    )
    deputy = User.objects.get(username="phohieutruong")

    def baseline() -> None:
        scores = Evaluation.objects.filter(cycle__period_type="quarter").values_list(
            "person_id", "score"
        )
        by_person: dict[int, list] = {}
        for person, score in scores:
            by_person.setdefault(person, []).append(score)
        {person: sum(values) / len(values) for person, values in by_person.items()}

    def rolled_back(function) -> None:
        with transaction.atomic():
            function()
            transaction.set_rollback(True)

    def compute() -> None:
        results.compute_year_scores(cycle=year, actor=head)

    def computed_then_quota() -> None:
        compute()
        fresh = EvaluationCycle.objects.get(pk=year.pk)
        rows = list(fresh.evaluations.select_related("person"))
        results.quota_report(fresh, rows)
        results.problems(fresh, rows)

    def whole_year() -> None:
        compute()
        fresh = EvaluationCycle.objects.select_related("rule_set").get(pk=year.pk)
        rows = list(fresh.evaluations.select_related("person").order_by("-score", "-task_score"))
        allowed = {group.group: group.result.allowed for group in results.quota_report(fresh, rows)}
        excellent = 0
        for row in rows:
            levels = assessment.allowed_levels(row, fresh)
            level = levels[0]
            if level == Level.EXCELLENT:
                excellent += 1
                if excellent > allowed.get("", 0):
                    level = Level.GOOD
            assessment.decide_evaluation(
                evaluation=row,
                actor=deputy if row.person_id == head.pk else head,
                level=level,
                reason="" if level == levels[0] else "Giới hạn tỷ lệ.",
                decision_reference="bench",
            )
        results.finalise_cycle(cycle=fresh, actor=head)

    rolled_back(whole_year)  # warm caches and check that the year closes
    base_times = timed(baseline, runs)
    compute_times = timed(lambda: rolled_back(compute), runs)
    quota_times = timed(lambda: rolled_back(computed_then_quota), runs)
    year_times = timed(lambda: rolled_back(whole_year), max(1, runs // 2))
    print(describe(f"baseline: read {4 * size} scores, mean in Python", base_times))
    print(describe("compute_year_scores", compute_times))
    print(describe("compute + quota_report + problems", quota_times))
    print(describe("whole year: compute, decide all, close", year_times))
    print("ratios:")
    print(ratio("compute_year_scores / baseline", compute_times, base_times))
    print(ratio("whole year / baseline", year_times, base_times))
    per_person = statistics.median(year_times) / size * 1000
    print(f"  whole year per person: {per_person:.1f} ms")


if __name__ == "__main__":
    main()
