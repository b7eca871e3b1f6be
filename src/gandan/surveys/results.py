"""Per-question results of a survey, counted by the database (a few grouped queries in all)."""

from dataclasses import dataclass, field

from django.db.models import Count

from gandan.surveys.index import IndexValue, Moments, likert_to_score, summarise
from gandan.surveys.models import LIKERT_MAX, LIKERT_MIN, Answer, Question, QuestionKind, Survey
from gandan.surveys.redaction import redact

TEXTS_SHOWN = 200


@dataclass
class Row:
    label: str
    count: int
    percent: float  # of the respondents who answered the question


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    rows: list[Row] = field(default_factory=list)
    index: IndexValue | None = None  # Likert items: the item's own mean on 0–100
    texts: list[str] = field(default_factory=list)


def _percent(count: int, total: int) -> float:
    return 100 * count / total if total else 0.0


def question_results(
    survey: Survey, *, with_texts: bool, likert_labels: dict
) -> list[QuestionResult]:
    """Counts per option (and per level for Likert items), respondents per question, and, when
    asked for, the free-text answers with phone numbers and e-mail addresses removed."""
    questions = list(survey.questions.all())
    pks = [question.pk for question in questions]
    counts: dict[int, dict[int | None, int]] = {}
    # question_id IN (…) rather than a join on the question: one pass over the (question,
    # value) index. A text answer counts under value None.
    for row in (
        Answer.objects.filter(question_id__in=pks)
        .values("question_id", "value")
        .annotate(n=Count("*"))
        .order_by()
    ):
        counts.setdefault(row["question_id"], {})[row["value"]] = row["n"]
    # One row per respondent and question, except multiple choice: count those respondents.
    answered = {pk: sum(by_value.values()) for pk, by_value in counts.items()}
    multiple = [q.pk for q in questions if q.kind == QuestionKind.MULTIPLE]
    if multiple:
        answered.update(
            Answer.objects.filter(question_id__in=multiple)
            .values("question_id")
            .annotate(n=Count("response_id", distinct=True))
            .order_by()
            .values_list("question_id", "n")
        )
    results = []
    for question in questions:
        result = QuestionResult(question, answered.get(question.pk, 0))
        by_value = counts.get(question.pk, {})
        if question.kind == QuestionKind.LIKERT:
            levels = range(LIKERT_MAX, LIKERT_MIN - 1, -1)
            result.rows = [
                Row(
                    str(likert_labels[v]),
                    by_value.get(v, 0),
                    _percent(by_value.get(v, 0), result.answered),
                )
                for v in levels
            ]
            levels_given = {v: count for v, count in by_value.items() if v is not None}
            result.index = summarise(_likert_moments(levels_given))
        elif question.has_options:
            result.rows = [
                Row(option, by_value.get(i, 0), _percent(by_value.get(i, 0), result.answered))
                for i, option in enumerate(question.options)
            ]
        elif with_texts:
            result.texts = [
                redact(text)
                for text in Answer.objects.filter(question=question)
                .exclude(text="")
                # Alphabetical: neither the order of answering nor that of storage.
                .order_by("text")
                .values_list("text", flat=True)[:TEXTS_SHOWN]
            ]
        results.append(result)
    return results


def _likert_moments(by_value: dict[int, int]) -> Moments:
    """Moments from the five level counts (five numbers, whatever the number of answers)."""
    n = sum(by_value.values())
    total = sum(count * likert_to_score(v) for v, count in by_value.items())
    total_sq = sum(count * likert_to_score(v) ** 2 for v, count in by_value.items())
    return Moments(n, total, total_sq)
