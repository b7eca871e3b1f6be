"""The demo surveys: built through the services, deterministic, idempotent."""

import datetime as dt

from django.urls import reverse

from gandan.orgs import demo as orgs_demo
from gandan.orgs.models import User
from gandan.surveys import demo, index
from gandan.surveys.models import (
    MIN_ANONYMOUS_RESULTS,
    Answer,
    Participation,
    Response,
    Survey,
    SurveyStatus,
)


def test_demo_surveys_are_realistic_and_idempotent(client, db):
    # given
    school = orgs_demo.build()
    # when: built twice
    term1, term2, staff, meals = demo.build(school)
    counts = (Survey.objects.count(), Response.objects.count(), Answer.objects.count())
    demo.build(school)
    # then
    assert counts == (Survey.objects.count(), Response.objects.count(), Answer.objects.count())
    # the two terms: closed, anonymous, 150 answers in all, each in its term's first month
    assert all(t.status == SurveyStatus.CLOSED and t.is_anonymous for t in (term1, term2))
    assert term1.responses.count() + term2.responses.count() == 150
    assert term1.responses.count() == sum(count for _m, count, _mean in demo.MONTHS[:4])
    assert sorted(index.survey_months(term1)) == [dt.date(2025, 10, 1)]
    assert sorted(index.survey_months(term2)) == [dt.date(2026, 2, 1)]
    first, last = index.survey_index(term1), index.survey_index(term2)
    assert first.mean is not None and last.mean is not None and last.mean > first.mean
    # the school's index of the year moves from one term to the next (the meals survey of
    # this year comes after)
    surveys_series, _cases, _combined = index.school_series(school)
    school_year = [
        month
        for month, _v in surveys_series.points
        if dt.date(2025, 9, 1) <= month < dt.date(2026, 9, 1)
    ]
    assert school_year == [dt.date(2025, 10, 1), dt.date(2026, 2, 1)]
    year = index.summarise(index.survey_moments(term1) + index.survey_moments(term2))
    assert year.mean is not None and year.high is not None and year.low is not None
    assert year.n == 150 and 55 < year.mean < 85 and year.high - year.low < 10
    # free texts were stored without the phone number and e-mail address some parents wrote
    texts = set(
        Answer.objects.filter(response__survey__in=[term1, term2])
        .exclude(text="")
        .values_list("text", flat=True)
    )
    assert any("[đã ẩn số điện thoại]" in text for text in texts)
    assert not any("0912 345 678" in text or "@gmail.com" in text for text in texts)
    # the staff survey: closed, anonymous, answered once by each member, the markers forgotten
    assert staff.status == SurveyStatus.CLOSED and staff.protects_signed_in_respondents
    assert staff.responses.count() >= MIN_ANONYMOUS_RESULTS
    assert not Participation.objects.exists()
    assert staff.results_withheld(staff.responses.count()) is None
    # the meals survey is open now, identified, one answer per family
    assert meals.is_accepting() and meals.responses.exclude(respondent_hash="").count() == 18
    # and the head reads the chart and the staff survey's results
    client.force_login(User.objects.get(username="hieutruong"))
    page = client.get(reverse("surveys:results", args=[term2.public_id])).content.decode()
    assert "bieu-do-khao-sat" in page and ">2/2026<" in page
    page = client.get(reverse("surveys:results", args=[staff.public_id])).content.decode()
    assert "Lịch họp nên thông báo trước ít nhất hai ngày." in page


def test_the_demo_is_the_same_every_time(db):
    school = orgs_demo.build()
    surveys = demo.build(school)

    def scores(survey_list):
        return sorted(
            Response.objects.filter(survey__in=survey_list[:3]).values_list("created_on", "score")
        )

    before = scores(surveys)
    Answer.objects.all().delete()  # answers protect their questions
    Survey.objects.all().delete()
    assert scores(demo.build(school)) == before
