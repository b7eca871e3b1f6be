"""The satisfaction index and its method (also on the page "Cách tính chỉ số").

1. Each Likert answer v (1 = rất không hài lòng … 5 = rất hài lòng) is mapped to 0–100:
   score(v) = (v − 1) / 4 × 100, so 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100.
2. A respondent's score is the mean of their mapped Likert answers (questions they skipped do
   not count). The unit of the index is the respondent, not the answer: one parent answering
   six Likert questions is one observation, not six (their answers are not independent, and
   counting them apart would make the interval look narrower than it is). Respondents with no
   Likert answer are left out.
3. The index of a group of respondents is the mean of their scores; n is their number.
4. The 95 % confidence interval is the normal approximation mean ± 1.96 × s / √n, with s the
   sample standard deviation (denominator n − 1), clipped to 0–100. None when n < 2. Below
   about 30 respondents it is only indicative.
5. Ratings given after a case is resolved (đơn thư, 1–5 stars) are mapped the same way; each
   rated case is one observation.
6. The combined index pools the observations: every survey respondent (parents' and citizens'
   surveys; staff surveys are not counted) and every rated case weighs the same. It is computed
   from the pooled n, Σx and Σx², so its interval is that of the pooled sample.
7. Over time, observations are grouped by calendar month: for an anonymous survey, the month
   its period starts (its answers keep no day of their own: models.py); for an identified
   survey, the day of the answer; for cases, the day of the rating (Asia/Ho_Chi_Minh).

Everything is computed by the database as n, Σx and Σx² (COUNT and SUM work on every engine;
SQLite has no STDDEV), per survey, per day or per month; Python only adds those triples up
(days into months, series into the combined index) and derives the mean and interval.
"""

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, ExpressionWrapper, F, FloatField, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from gandan.petitions.models import Case
from gandan.surveys.models import LIKERT_MAX, LIKERT_MIN, Audience, Response, Survey

Z_95 = 1.96


def likert_to_score(value: int) -> float:
    """(v − 1) / 4 × 100: 1 → 0, 3 → 50, 5 → 100."""
    if not LIKERT_MIN <= value <= LIKERT_MAX:
        raise ValueError(f"Likert value out of range: {value}")
    return (value - LIKERT_MIN) / (LIKERT_MAX - LIKERT_MIN) * 100


def respondent_score(values: Iterable[int]) -> float | None:
    """The mean of one respondent's mapped Likert answers; None when there are none."""
    scores = [likert_to_score(value) for value in values]
    return math.fsum(scores) / len(scores) if scores else None


@dataclass(frozen=True)
class Moments:
    """Sufficient statistics of a sample: n, Σx, Σx². Adding two pools the samples."""

    n: int = 0
    total: float = 0.0
    total_sq: float = 0.0

    def __add__(self, other: "Moments") -> "Moments":
        return Moments(self.n + other.n, self.total + other.total, self.total_sq + other.total_sq)

    @classmethod
    def of(cls, values: Iterable[float]) -> "Moments":
        items = list(values)
        return cls(len(items), math.fsum(items), math.fsum(x * x for x in items))

    @classmethod
    def from_row(cls, n, total, total_sq) -> "Moments":
        return cls(int(n or 0), float(total or 0), float(total_sq or 0))


@dataclass(frozen=True)
class IndexValue:
    n: int
    mean: float | None
    low: float | None
    high: float | None

    @property
    def margin(self) -> float | None:
        """Half the width of the interval (before clipping)."""
        if self.low is None or self.high is None or self.mean is None:
            return None
        return max(self.mean - self.low, self.high - self.mean)


def summarise(moments: Moments) -> IndexValue:
    """Mean and 95 % interval from n, Σx, Σx² (method: module docstring, points 3–4)."""
    n = moments.n
    if n == 0:
        return IndexValue(0, None, None, None)
    mean = moments.total / n
    if n == 1:
        return IndexValue(1, mean, None, None)
    variance = (moments.total_sq - moments.total * moments.total / n) / (n - 1)
    # Σx² − (Σx)²/n cancels to rounding noise when every score is equal.
    if variance < 1e-9 * max(1.0, mean * mean):
        variance = 0.0
    margin = Z_95 * math.sqrt(variance / n)
    return IndexValue(n, mean, max(0.0, mean - margin), min(100.0, mean + margin))


# Database side: every function below runs aggregates, never a loop over rows.

_SCORE_SQ = ExpressionWrapper(F("score") * F("score"), output_field=FloatField())


def _response_moments(queryset) -> Moments:
    row = queryset.filter(score__isnull=False).aggregate(
        n=Count("score"), total=Sum("score"), total_sq=Sum(_SCORE_SQ)
    )
    return Moments.from_row(row["n"], row["total"], row["total_sq"])


def _response_months(queryset) -> dict[dt.date, Moments]:
    # Grouped by day on the (survey, created_on) index, then days are pooled into months
    # (at most 31 small rows per month): cheaper than truncating every row to its month,
    # which SQLite does in a Python function.
    rows = (
        queryset.filter(score__isnull=False)
        .values("created_on")
        .annotate(n=Count("score"), total=Sum("score"), total_sq=Sum(_SCORE_SQ))
        .order_by()
    )
    months: dict[dt.date, Moments] = {}
    for row in rows:
        month = row["created_on"].replace(day=1)
        day = Moments.from_row(row["n"], row["total"], row["total_sq"])
        months[month] = months.get(month, Moments()) + day
    return months


def survey_moments(survey: Survey) -> Moments:
    return _response_moments(Response.objects.filter(survey=survey))


def survey_index(survey: Survey) -> IndexValue:
    """The survey's index over all its scored responses."""
    return summarise(survey_moments(survey))


def survey_months(survey: Survey) -> dict[dt.date, Moments]:
    """First day of month → moments of the survey's responses given that month."""
    return _response_months(Response.objects.filter(survey=survey))


def public_responses(organisation):
    # Point 6: parents' and citizens' surveys feed the school's index; staff surveys do not.
    return Response.objects.filter(
        survey__organisation=organisation,
        survey__audience__in=[Audience.PARENTS, Audience.CITIZENS],
    )


def _rated_cases(organisation):
    # Read-only: the ratings the cases issue stores on Case.satisfaction (1–5).
    return Case.objects.filter(organisation=organisation, satisfaction__isnull=False)


# Point 5: the same mapping as likert_to_score, written as SQL.
_CASE_SCORE = ExpressionWrapper(
    (F("satisfaction") - LIKERT_MIN) * 100.0 / (LIKERT_MAX - LIKERT_MIN),
    output_field=FloatField(),
)


def _case_aggregates() -> dict:
    return {
        "n": Count("satisfaction"),
        "total": Sum(_CASE_SCORE),
        "total_sq": Sum(ExpressionWrapper(_CASE_SCORE * _CASE_SCORE, output_field=FloatField())),
    }


def case_moments(organisation) -> Moments:
    row = _rated_cases(organisation).aggregate(**_case_aggregates())
    return Moments.from_row(row["n"], row["total"], row["total_sq"])


def case_months(organisation) -> dict[dt.date, Moments]:
    rows = (
        _rated_cases(organisation)
        .annotate(month=TruncMonth("rated_at"))
        .values("month")
        .annotate(**_case_aggregates())
        .order_by("month")
    )
    return {_as_date(r["month"]): Moments.from_row(r["n"], r["total"], r["total_sq"]) for r in rows}


def _as_date(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    points: list[tuple[dt.date, IndexValue]]
    overall: IndexValue


def _series(key: str, label: str, months: dict[dt.date, Moments], overall: Moments) -> Series:
    points = [(month, summarise(moments)) for month, moments in sorted(months.items())]
    return Series(key, label, points, summarise(overall))


def pooled_months(*parts: dict[dt.date, Moments]) -> dict[dt.date, Moments]:
    """Point 6 per month: the moments of several series added month by month."""
    pooled: dict[dt.date, Moments] = {}
    for part in parts:
        for month, moments in part.items():
            pooled[month] = pooled.get(month, Moments()) + moments
    return pooled


SERIES_LABELS = {
    "surveys": _("Khảo sát cha mẹ học sinh và người dân"),
    "cases": _("Đánh giá sau giải quyết đơn thư"),
    "combined": _("Chỉ số chung"),
}


def school_series(organisation) -> list[Series]:
    """The school's three series: surveys, case ratings, and the two pooled (point 6)."""
    survey_m = _response_months(public_responses(organisation))
    survey_all = _response_moments(public_responses(organisation))
    case_m = case_months(organisation)
    case_all = case_moments(organisation)
    return [
        _series("surveys", str(SERIES_LABELS["surveys"]), survey_m, survey_all),
        _series("cases", str(SERIES_LABELS["cases"]), case_m, case_all),
        _series(
            "combined",
            str(SERIES_LABELS["combined"]),
            pooled_months(survey_m, case_m),
            survey_all + case_all,
        ),
    ]
