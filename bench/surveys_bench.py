"""Time the satisfaction index of a survey with 100,000 answers.

Run: .venv/bin/python bench/surveys_bench.py [--answers N] [--likert K] [--runs R]

Uses a throw-away data folder with a migrated SQLite database (or DATABASE_URL if set: then
the survey is created there and deleted at the end). The survey has K Likert questions
(default 5); N answers (default 100,000) means N / K respondents, created with bulk_create, each
with its stored score (index.respondent_score, as submit_response stores it). Measured, each as
median/min/max over R runs:
- survey_index: the index with its 95 % interval (COUNT, SUM, SUM of squares over responses);
- survey_months: the same per month (GROUP BY month);
- question_results: the per-question counts over every answer row (GROUP BY question, value);
against the baseline of a bare COUNT(*) of the survey's answers. Each is also checked against
the same figures computed in Python from the generated values.
"""

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
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
        f"{label:<38} n={len(ms):<4} median {statistics.median(ms):8.1f} ms"
        f"   min {min(ms):8.1f} ms   max {max(ms):8.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--likert", type=int, default=5)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    data_dir = tempfile.mkdtemp(prefix="gandan-bench-")
    try:
        run(data_dir, args.answers, args.likert, args.runs)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def run(data_dir: str, answers: int, likert: int, runs: int) -> None:
    os.environ["GANDAN_DATA_DIR"] = data_dir
    os.environ.setdefault("GANDAN_LOCAL", "1")  # a throw-away data folder: keys made there
    os.environ["DJANGO_SETTINGS_MODULE"] = "gandan.settings"

    import django
    from django.core.management import call_command

    django.setup()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"setup: migrated a fresh database in {time.perf_counter() - started:.1f} s")

    from django.db import connection, transaction
    from django.utils import timezone

    from gandan.orgs import demo as org_demo
    from gandan.orgs.models import User
    from gandan.surveys import index, services
    from gandan.surveys.forms import LIKERT_CHOICES
    from gandan.surveys.models import Answer, QuestionKind, Response
    from gandan.surveys.results import question_results

    school = org_demo.build()
    head = User.objects.get(username="hieutruong")
    survey = services.create_survey(
        organisation=school,
        actor=head,
        title="Khảo sát đo thời gian",
        opens_at=timezone.make_aware(dt.datetime(2025, 9, 1, 7, 0)),
    )
    questions = [
        services.add_question(
            survey=survey, actor=head, kind=QuestionKind.LIKERT, text=f"Câu {number + 1}"
        )
        for number in range(likert)
    ]
    survey = services.open_survey(survey=survey, actor=head)

    rng = random.Random(2026)
    respondents = answers // likert
    first_day = dt.date(2025, 9, 1)
    started = time.perf_counter()
    scores = []
    with transaction.atomic():
        responses, rows = [], []
        for _ in range(respondents):
            values = [min(5, max(1, round(rng.gauss(3.9, 0.9)))) for _ in questions]
            score = index.respondent_score(values)
            scores.append(score)
            response = Response(
                survey=survey,
                created_on=first_day + dt.timedelta(days=rng.randrange(270)),
                score=score,
            )
            responses.append(response)
            rows.extend(
                Answer(response=response, question=q, value=v)
                for q, v in zip(questions, values, strict=True)
            )
        Response.objects.bulk_create(responses, batch_size=2000)
        Answer.objects.bulk_create(rows, batch_size=5000)
    count = Answer.objects.filter(question__survey=survey).count()
    print(
        f"setup: {respondents:,} respondents, {count:,} answers "
        f"({likert} Likert items each) in {time.perf_counter() - started:.1f} s "
        f"on {connection.vendor}"
    )

    # the figures, checked against Python's own arithmetic over the generated values
    value = index.survey_index(survey)
    expected = index.summarise(index.Moments.of(scores))
    assert value.n == expected.n == respondents
    assert abs(value.mean - expected.mean) < 1e-6 and abs(value.low - expected.low) < 1e-6
    print(
        f"index: {value.mean:.2f} (n = {value.n:,}; 95 % interval "
        f"{value.low:.2f}–{value.high:.2f}), {len(index.survey_months(survey))} months"
    )

    labels = dict(LIKERT_CHOICES)
    baseline = timed(lambda: Answer.objects.filter(question__survey=survey).count(), runs)
    measured = [
        ("survey_index", timed(lambda: index.survey_index(survey), runs)),
        ("survey_months", timed(lambda: index.survey_months(survey), runs)),
        (
            "question_results (every answer row)",
            timed(lambda: question_results(survey, with_texts=False, likert_labels=labels), runs),
        ),
    ]
    print(describe("baseline: COUNT(*) of the answers", baseline))
    for label, times in measured:
        print(describe(label, times))
    for label, times in measured:
        print(
            f"  {label} / COUNT(*): {statistics.median(times) / statistics.median(baseline):.2f}×"
        )

    if connection.vendor != "sqlite":
        Answer.objects.filter(question__survey=survey).delete()
        Response.objects.filter(survey=survey).delete()


if __name__ == "__main__":
    main()
