"""The demo surveys: built through the services, deterministic, idempotent."""

import datetime as dt

from django.urls import reverse

from gandan.orgs import demo as orgs_demo
from gandan.orgs.models import User
from gandan.surveys import demo, index
from gandan.surveys.models import Answer, Response, Survey, SurveyStatus


def test_demo_surveys_are_realistic_and_idempotent(client, db):
    # given
    school = orgs_demo.build()
    # when: built twice
    year, meals = demo.build(school)
    counts = (Survey.objects.count(), Response.objects.count(), Answer.objects.count())
    demo.build(school)
    # then
    assert counts == (Survey.objects.count(), Response.objects.count(), Answer.objects.count())
    # the year's survey: closed, about 150 answers over eight months, an index that improves
    assert year.status == SurveyStatus.CLOSED and year.is_anonymous
    assert year.responses.count() == sum(count for _month, count, _mean in demo.MONTHS) == 150
    months = index.survey_months(year)
    assert sorted(months) == [dt.date(y, m, 1) for (y, m), _c, _mean in demo.MONTHS]
    first, last = (
        index.summarise(months[dt.date(2025, 10, 1)]),
        index.summarise(months[dt.date(2026, 5, 1)]),
    )
    assert last.mean is not None and first.mean is not None
    assert last.mean > first.mean
    overall = index.survey_index(year)
    assert overall.mean is not None and overall.high is not None and overall.low is not None
    assert overall.n == 150 and 55 < overall.mean < 85 and overall.high - overall.low < 10
    # free texts were stored without the phone number and e-mail address some parents wrote
    texts = set(
        Answer.objects.filter(response__survey=year).exclude(text="").values_list("text", flat=True)
    )
    assert any("[đã ẩn số điện thoại]" in text for text in texts)
    assert not any("0912 345 678" in text or "@gmail.com" in text for text in texts)
    # the meals survey is open now, identified, one answer per family
    assert meals.is_accepting() and meals.responses.exclude(respondent_hash="").count() == 18
    # and the head reads the chart
    client.force_login(User.objects.get(username="hieutruong"))
    page = client.get(reverse("surveys:results", args=[year.public_id])).content.decode()
    assert "bieu-do-khao-sat" in page and ">5/2026<" in page


def test_the_demo_is_the_same_every_time(db):
    school = orgs_demo.build()
    year, _meals = demo.build(school)
    scores = sorted(Response.objects.filter(survey=year).values_list("created_on", "score"))
    Answer.objects.all().delete()  # answers protect their questions
    Survey.objects.all().delete()
    year_again, _meals = demo.build(school)
    again = sorted(Response.objects.filter(survey=year_again).values_list("created_on", "score"))
    assert scores == again
