"""The school's own work besides cases: disclosures (democracy register items with their
stored due dates), one implementing plan per school (of the Sở's plan) with tasks, assignments
and progress reports, and a small anonymous parents' survey."""

import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any

from gandan.democracy.models import DisclosureItem, DisclosureObligation, Timing
from gandan.plans.models import (
    Assignment,
    AssignmentStatus,
    Plan,
    PlanSection,
    PlanStatus,
    PlanTask,
    ProgressUpdate,
    SectionKind,
)
from gandan.reports.province.context import Province
from gandan.reports.province.rows import RowWriter
from gandan.reports.province.vocabulary import PLAN_TASKS, SURVEY_QUESTIONS
from gandan.surveys.index import respondent_score
from gandan.surveys.models import (
    Answer,
    Audience,
    Mode,
    Question,
    QuestionKind,
    Response,
    Survey,
    SurveyStatus,
    new_public_id,
    new_salt,
)


def build_disclosures(ctx: Province) -> None:
    rng, today, days = ctx.rng, ctx.today, ctx.days
    obligations = list(DisclosureObligation.objects.filter(is_active=True))
    writer = RowWriter(
        DisclosureItem,
        ["public_id", "organisation_id", "obligation_id", "title", "decision_reference",
         "decision_date", "year", "is_update", "due_date", "due_rule", "published_on",
         "channels", "created_at", "updated_at"],
    )  # fmt: skip
    years = range(ctx.first_day.year, today.year + 1)
    annual = [o for o in obligations if o.timing == Timing.ANNUAL]
    on_decision = [o for o in obligations if o.timing == Timing.ON_DECISION]

    def published(due: dt.date, earliest: dt.date, q: float) -> dt.date | None:
        roll = rng.random()
        if roll < q:
            day = days.working_between(earliest, due, rng) if due > earliest else due
        elif roll < q + (1 - q) * 0.7:
            day = days.add_working(due, rng.randint(1, 15))
        else:
            return None
        return day if day <= today else None

    def rows() -> Iterator[tuple[Any, ...]]:
        for school in ctx.schools:
            for year in years:
                for obligation in annual:
                    due = obligation.annual_due_date(year)
                    if due is None or not obligation.valid_from <= due or due < ctx.first_day:
                        continue
                    on = published(due, due - dt.timedelta(days=60), school.quality)
                    stamp = ctx.at(min(on or today, today), 9)
                    title = f"{obligation.title} năm {year}"
                    rule = f"Hạn hằng năm {due:%d/%m/%Y}"
                    channels = obligation.channels if on else []
                    yield (uuid.uuid4(), school.pk, obligation.pk, title, "", None, year,
                           False, due, rule, on, channels, stamp, stamp)  # fmt: skip
                for number in range(rng.randint(4, 10)):
                    obligation = rng.choice(on_decision)
                    low = max(dt.date(year, 1, 1), ctx.first_day)
                    decided = days.working_between(low, min(dt.date(year, 12, 31), today), rng)
                    if decided < low:
                        continue
                    n = obligation.deadline_working_days
                    due = days.add_working(decided, n)
                    on = published(due, decided, school.quality)
                    stamp = ctx.at(decided, 10)
                    title = f"{obligation.title} ({number + 1})"
                    reference = f"{number + 1:02d}/QĐ-{school.symbol}"
                    rule = f"{n} ngày làm việc kể từ {decided:%d/%m/%Y}"
                    channels = ["notice_board", "intranet"] if on else []
                    yield (uuid.uuid4(), school.pk, obligation.pk, title, reference, decided,
                           year, False, due, rule, on, channels, stamp, stamp)  # fmt: skip

    writer.write(rows())
    ctx.result.counts["disclosure_items"] = writer.count


def build_plans(ctx: Province) -> None:
    rng, today, days, year = ctx.rng, ctx.today, ctx.days, ctx.today.year
    title = f"Kế hoạch thực hiện công tác dân vận chính quyền và quy chế dân chủ ở cơ sở năm {year}"
    department_issued = min(dt.date(year, 1, 15), today)
    plans = RowWriter(
        Plan,
        ["public_id", "organisation_id", "title", "number_symbol", "place", "issued_on",
         "year", "status", "signer_name", "signer_title", "recipients", "created_at",
         "updated_at"],
    )  # fmt: skip
    stamp = ctx.at(department_issued, 9)
    issued: dict[int, dt.date | None] = {}

    def plan_rows() -> Iterator[tuple[Any, ...]]:
        yield (
            uuid.uuid4(), ctx.department.pk, title, "81/KH-SGDĐT", "Hải Phòng",
            department_issued, year, PlanStatus.ISSUED, "", "Giám đốc", [], stamp, stamp,
        )  # fmt: skip
        row: tuple[Any, ...]
        for school in ctx.schools:
            day = min(department_issued + dt.timedelta(days=rng.randint(5, 25)), today)
            if rng.random() < 0.04 + (1 - school.quality) / 2:
                issued[school.pk] = None
                row = ("", school.place, None, year, PlanStatus.DRAFT, "", "", [])
            else:
                issued[school.pk] = day
                number = f"{rng.randint(1, 40):02d}/KH-{school.symbol}"
                row = (
                    number,
                    school.place,
                    day,
                    year,
                    PlanStatus.ISSUED,
                    "",
                    "Hiệu trưởng",
                    [],
                )
            at = ctx.at(day, 14)
            yield (uuid.uuid4(), school.pk, title, *row, at, at)

    plans.write(plan_rows())
    plan_of = dict(
        Plan.objects.filter(organisation__in=[ctx.department.pk, *issued], year=year).values_list(
            "organisation_id", "pk"
        )
    )
    parent = plan_of[ctx.department.pk]
    links = RowWriter(Plan.parents.through, ["from_plan_id", "to_plan_id"])
    links.write((plan_of[pk], parent) for pk, day in issued.items() if day is not None)
    sections = RowWriter(PlanSection, ["plan_id", "order", "number", "title", "kind",
                                       "paragraphs"])  # fmt: skip
    sections.write((pk, 0, "II", "Nhiệm vụ trọng tâm", SectionKind.TASKS, []) for pk in
                   plan_of.values())  # fmt: skip
    section_of = dict(
        PlanSection.objects.filter(plan__in=plan_of.values()).values_list("plan_id", "pk")
    )
    tasks = RowWriter(
        PlanTask, ["plan_id", "section_id", "order", "number", "heading", "lead", "timeframe",
                   "start", "end"],
    )  # fmt: skip

    def task_rows() -> Iterator[tuple[Any, ...]]:
        for pk in plan_of.values():
            for order, heading in enumerate(PLAN_TASKS):
                start = dt.date(year, 1 + 2 * order, 1)
                end = dt.date(year, 2 + 2 * order, 28)
                frame = f"Tháng {start.month}–{end.month}/{year}"
                yield (pk, section_of[pk], order, str(order + 1), heading, "Hiệu trưởng",
                       frame, start, end)  # fmt: skip

    tasks.write(task_rows())
    task_ids: dict[int, list[tuple[int, dt.date]]] = {}
    for plan_id, pk, end in PlanTask.objects.filter(plan__in=plan_of.values()).values_list(
        "plan_id", "pk", "end"
    ):
        task_ids.setdefault(plan_id, []).append((pk, end or dt.date(year, 12, 31)))
    schools = {school.pk: school for school in ctx.schools}
    assignments = RowWriter(
        Assignment,
        ["task_id", "assignee_id", "due_date", "due_rule", "status", "percent",
         "last_reported_at", "assigned_by_id", "created_at", "updated_at"],
    )  # fmt: skip
    reports: list[tuple[int, dt.datetime, str, int]] = []

    def assignment_rows() -> Iterator[tuple[Any, ...]]:
        for org_id, day in issued.items():
            if day is None:
                continue
            school = schools[org_id]
            for task_id, end in sorted(task_ids[plan_of[org_id]]):
                due = days.on_or_after(end)
                assignee = rng.choice([school.deputy, *school.staff[3:6]])
                at = ctx.at(day, 15)
                if due < today and rng.random() < school.quality:
                    done = days.working_between(due - dt.timedelta(days=20), due, rng)
                    status, percent, reported = AssignmentStatus.DONE, 100, done
                elif due < today and rng.random() < 0.5:
                    done = days.add_working(due, rng.randint(1, 10))
                    if done > today:
                        status, percent, reported = AssignmentStatus.IN_PROGRESS, 70, today
                    else:
                        status, percent, reported = AssignmentStatus.DONE, 100, done
                elif day < today:
                    status = AssignmentStatus.IN_PROGRESS
                    percent, reported = rng.choice([20, 40, 60, 80]), today
                else:
                    status, percent, reported = AssignmentStatus.NOT_STARTED, 0, None
                when = ctx.at(reported, 16) if reported else None
                if when is not None:
                    reports.append((task_id, when, status, percent))
                yield (task_id, assignee, due, "Theo kế hoạch", status, percent, when,
                       school.head, at, when or at)  # fmt: skip

    assignments.write(assignment_rows())
    assignment_of = dict(
        Assignment.objects.filter(task__plan__in=plan_of.values()).values_list("task_id", "pk")
    )
    author_of = dict(
        Assignment.objects.filter(task__plan__in=plan_of.values()).values_list("pk", "assignee_id")
    )
    updates = RowWriter(
        ProgressUpdate,
        ["assignment_id", "author_id", "created_at", "status", "percent", "text"],
    )
    updates.write(
        (
            assignment_of[task_id],
            author_of[assignment_of[task_id]],
            when,
            status,
            percent,
            "Đã hoàn thành nhiệm vụ." if status == AssignmentStatus.DONE else "Đang thực hiện.",
        )
        for task_id, when, status, percent in reports
    )
    ctx.result.counts["plans"] = plans.count
    ctx.result.counts["plan_tasks"] = tasks.count
    ctx.result.counts["assignments"] = assignments.count
    ctx.result.counts["progress_updates"] = updates.count


def build_surveys(ctx: Province) -> None:
    rng, today = ctx.rng, ctx.today
    opens = today - dt.timedelta(days=150)
    closes = opens + dt.timedelta(days=30)
    surveys = RowWriter(
        Survey,
        ["organisation_id", "public_id", "title", "audience", "mode", "status", "opens_at",
         "closes_at", "salt", "created_by_id", "created_at", "updated_at"],
    )  # fmt: skip
    stamp = ctx.at(opens - dt.timedelta(days=3), 9)
    surveys.write(
        (
            school.pk,
            new_public_id(),
            f"Khảo sát mức độ hài lòng của cha mẹ học sinh ({opens:%m/%Y})",
            Audience.PARENTS,
            Mode.ANONYMOUS,
            SurveyStatus.CLOSED,
            ctx.at(opens, 7),
            ctx.at(closes, 17),
            new_salt(),
            school.head,
            stamp,
            ctx.at(closes, 17),
        )
        for school in ctx.schools
    )
    survey_of = dict(
        Survey.objects.filter(organisation__in=[s.pk for s in ctx.schools]).values_list(
            "organisation_id", "pk"
        )
    )
    questions = RowWriter(Question, ["survey_id", "order", "kind", "text", "required",
                                     "options"])  # fmt: skip
    questions.write(
        (pk, order, QuestionKind.LIKERT, text, True, [])
        for pk in survey_of.values()
        for order, text in enumerate(SURVEY_QUESTIONS)
    )
    question_ids: dict[int, list[int]] = {}
    for survey_id, pk in (
        Question.objects.filter(survey__in=survey_of.values())
        .order_by("survey_id", "order")
        .values_list("survey_id", "pk")
    ):
        question_ids.setdefault(survey_id, []).append(pk)
    responses = RowWriter(Response, ["id", "survey_id", "created_on", "score"])
    answers: list[tuple[uuid.UUID, int, int]] = []

    def response_rows() -> Iterator[tuple[Any, ...]]:
        for school in ctx.schools:
            survey = survey_of[school.pk]
            centre = 2.2 + 2.5 * school.quality
            for _ in range(rng.randint(15, 40)):
                key = uuid.uuid4()
                values = [min(5, max(1, round(rng.gauss(centre, 0.8)))) for _ in range(3)]
                for question, value in zip(question_ids[survey], values, strict=True):
                    answers.append((key, question, value))
                day = opens + dt.timedelta(days=rng.randint(0, 29))
                yield (key, survey, day, respondent_score(values))

    responses.write(response_rows())
    answer_writer = RowWriter(Answer, ["response_id", "question_id", "value"])
    answer_writer.write(answers)
    ctx.result.counts["surveys"] = surveys.count
    ctx.result.counts["survey_responses"] = responses.count
    ctx.result.counts["survey_answers"] = answer_writer.count
