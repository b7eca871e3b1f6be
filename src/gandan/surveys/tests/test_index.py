"""The index: the pure arithmetic (table-driven) and the database aggregates that feed it."""

import datetime as dt
import math
import statistics

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gandan.surveys import index, services
from gandan.surveys.index import IndexValue, Moments, likert_to_score, respondent_score, summarise
from gandan.surveys.tests.conftest import answer_map, build_survey, identified_answer


@pytest.mark.parametrize(
    ("value", "score"), [(1, 0.0), (2, 25.0), (3, 50.0), (4, 75.0), (5, 100.0)]
)
def test_likert_maps_onto_0_to_100(value, score):
    assert likert_to_score(value) == score


@pytest.mark.parametrize("value", [0, 6, -1])
def test_likert_outside_1_to_5_is_refused(value):
    with pytest.raises(ValueError):
        likert_to_score(value)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], None),
        ([5], 100.0),
        ([1], 0.0),
        ([4, 5], 87.5),
        ([1, 3, 5], 50.0),
        ([2, 2, 3], 100 / 3),
    ],
)
def test_respondent_score_is_the_mean_of_mapped_answers(values, expected):
    result = respondent_score(values)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected)


def _reference(scores: list[float]) -> IndexValue:
    """The same interval by the textbook route, for comparison."""
    mean = statistics.fmean(scores)
    margin = 1.96 * statistics.stdev(scores) / math.sqrt(len(scores))
    return IndexValue(len(scores), mean, max(0, mean - margin), min(100, mean + margin))


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        # n = 0: nothing to say
        ([], IndexValue(0, None, None, None)),
        # n = 1: a mean but no interval (no sample standard deviation)
        ([75.0], IndexValue(1, 75.0, None, None)),
        # all equal: an interval of width 0
        ([75.0, 75.0, 75.0], IndexValue(3, 75.0, 75.0, 75.0)),
        ([100 / 3] * 7, IndexValue(7, 100 / 3, 100 / 3, 100 / 3)),
        # two answers 50 and 100: mean 75, s = 35.355…, margin 1.96 × 35.355 / √2 = 49
        ([50.0, 100.0], IndexValue(2, 75.0, 26.0, 100.0)),
        # margin 1.96 × 100/3: clipped at 0 below, and at 100 above
        ([0.0, 0.0, 100.0], IndexValue(3, 100 / 3, 0.0, 296 / 3)),
        ([100.0, 100.0, 0.0], IndexValue(3, 200 / 3, 4 / 3, 100.0)),
    ],
)
def test_summarise_table(scores, expected):
    result = summarise(Moments.of(scores))
    assert result.n == expected.n
    for field in ("mean", "low", "high"):
        got, want = getattr(result, field), getattr(expected, field)
        assert (got is None) == (want is None), field
        if want is not None:
            assert got == pytest.approx(want, abs=1e-9), field


@pytest.mark.parametrize(
    "scores",
    [
        [0, 25, 50, 75, 100],
        [75, 75, 100, 50, 75, 100, 100, 25],
        [62.5, 87.5, 100, 75, 50, 91.7, 83.3],
    ],
)
def test_summarise_agrees_with_the_textbook_formula(scores):
    result = summarise(Moments.of(scores))
    reference = _reference(scores)
    assert result.mean == pytest.approx(reference.mean)
    assert result.low == pytest.approx(reference.low)
    assert result.high == pytest.approx(reference.high)


def test_pooling_moments_is_pooling_the_samples():
    # given
    a, b = [0.0, 50.0, 100.0], [75.0, 75.0]
    # when
    pooled = summarise(Moments.of(a) + Moments.of(b))
    # then
    assert pooled == summarise(Moments.of(a + b))
    assert pooled.n == 5 and pooled.mean == pytest.approx(60.0)


def test_pooled_months_adds_month_by_month():
    # given
    october, november = dt.date(2025, 10, 1), dt.date(2025, 11, 1)
    surveys = {october: Moments(2, 150.0, 12500.0)}
    cases = {october: Moments(1, 100.0, 10000.0), november: Moments(1, 0.0, 0.0)}
    # when
    pooled = index.pooled_months(surveys, cases)
    # then
    assert pooled == {october: Moments(3, 250.0, 22500.0), november: Moments(1, 0.0, 0.0)}


def test_survey_index_is_computed_per_respondent_by_the_database(parent_survey):
    # given: three respondents: (5,5,5) → 100; (1,1,1) → 0; (3,4,5) → 75
    for likert in [(5, 5, 5), (1, 1, 1), (3, 4, 5)]:
        services.submit_response(survey=parent_survey, answers=answer_map(parent_survey, likert))
    # when: one query, whatever the number of answers
    with CaptureQueriesContext(connection) as queries:
        value = index.survey_index(parent_survey)
    # then
    assert len(queries) == 1
    assert value == summarise(Moments.of([100.0, 0.0, 75.0]))
    assert value.n == 3 and value.mean == pytest.approx(175 / 3)


def test_a_respondent_skipping_every_likert_item_is_not_counted(school, principal):
    # given: a survey whose Likert items are optional
    survey = build_survey(school, principal, open_it=False)
    for question in survey.questions.filter(kind="likert"):
        question.required = False
        question.save(update_fields=["required"])
    survey = services.open_survey(survey=survey, actor=principal)
    q = {question.kind: question for question in survey.questions.all()}
    # when
    services.submit_response(survey=survey, answers={q["single"].pk: 2})
    services.submit_response(survey=survey, answers=answer_map(survey, (4, 4, 4)))
    # then
    assert survey.responses.count() == 2
    assert index.survey_index(survey).n == 1
    assert index.survey_index(survey).mean == 75.0


def test_months_group_answers_by_their_day(identified_last_autumn):
    # given: paper forms of an identified survey entered with their dates
    survey = identified_last_autumn
    days_and_answers = [
        (dt.date(2025, 10, 3), (5, 5, 5)),
        (dt.date(2025, 10, 28), (3, 3, 3)),
        (dt.date(2025, 12, 1), (4, 4, 4)),
    ]
    for number, (on, likert) in enumerate(days_and_answers):
        identified_answer(survey, number, answers=answer_map(survey, likert), on=on)
    # when
    months = index.survey_months(survey)
    # then: no November row; October pools its two respondents
    assert months == {
        dt.date(2025, 10, 1): Moments(2, 150.0, 12500.0),
        dt.date(2025, 12, 1): Moments(1, 75.0, 5625.0),
    }


def test_an_anonymous_survey_counts_in_the_month_its_period_starts(opened_last_autumn):
    # given: answers of an anonymous survey given in October and December
    survey = opened_last_autumn
    for on, likert in [(dt.date(2025, 10, 3), (5, 5, 5)), (dt.date(2025, 12, 1), (4, 4, 4))]:
        services.submit_response(survey=survey, answers=answer_map(survey, likert), on=on)
    # when
    months = index.survey_months(survey)
    # then: one month, the survey's first (its answers keep no day of their own)
    assert months == {dt.date(2025, 10, 1): Moments(2, 175.0, 15625.0)}


def test_case_ratings_feed_a_series_and_the_combined_index(school, principal, parent_survey):
    # given: two survey respondents (100 and 50) and two rated cases (5 → 100, 2 → 25)
    from gandan.petitions.models import Case

    services.submit_response(survey=parent_survey, answers=answer_map(parent_survey, (5, 5, 5)))
    services.submit_response(survey=parent_survey, answers=answer_map(parent_survey, (3, 3, 3)))
    rated = timezone.make_aware(dt.datetime(2026, 3, 10, 9, 0))
    for number, score in enumerate([5, 2]):
        Case.objects.create(
            organisation=school,
            kind="phan_anh",
            title=f"Phản ánh {number}",
            tracking_code=f"TESTCASE{number}",
            received_on=dt.date(2026, 3, 2),
            satisfaction=score,
            rated_at=rated,
            closed_at=rated,
        )
    # when
    surveys, cases, combined = index.school_series(school)
    # then
    assert cases.overall == summarise(Moments.of([100.0, 25.0]))
    assert cases.points == [(dt.date(2026, 3, 1), summarise(Moments.of([100.0, 25.0])))]
    assert surveys.overall == summarise(Moments.of([100.0, 50.0]))
    assert combined.overall == summarise(Moments.of([100.0, 50.0, 100.0, 25.0]))
    assert combined.overall.mean == pytest.approx(68.75)


def test_staff_surveys_stay_out_of_the_school_index(school, principal, teacher):
    # given: a staff survey with one very unhappy answer
    from gandan.surveys.models import Audience

    survey = build_survey(school, principal, audience=Audience.STAFF, title="Khảo sát nội bộ")
    services.submit_response(survey=survey, answers=answer_map(survey, (1, 1, 1)), account=teacher)
    # when
    surveys, _cases, combined = index.school_series(school)
    # then: the survey's own index counts it, the school's does not
    assert index.survey_index(survey).n == 1
    assert surveys.overall.n == 0 and combined.overall.n == 0
