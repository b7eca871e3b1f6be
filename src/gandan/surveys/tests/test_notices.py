"""The surveys past their deadline close on the worker's schedule (no command typed by hand),
and their owner is told the answers are in, with a link to the results that opens for them;
nobody else is told, a second run closes and tells nothing twice, and a survey closed by hand
tells nobody."""

import datetime as dt

import time_machine
from django.test import Client
from django.utils import timezone

from gandan.notify import schedule
from gandan.notify.models import Notification
from gandan.surveys import services
from gandan.surveys.models import Audience, Survey, SurveyStatus
from gandan.surveys.tests.conftest import build_survey


def opens(user, url: str) -> int:
    client = Client()
    client.force_login(user)
    return client.get(url).status_code


def test_the_schedule_closes_a_survey_at_its_deadline_and_tells_its_owner(
    school, principal, deputy, teacher
):
    now = timezone.now()
    survey = build_survey(school, principal, title="Hết hạn", opens_at=now - dt.timedelta(days=7))
    Survey.objects.filter(pk=survey.pk).update(closes_at=now + dt.timedelta(minutes=5))
    by_hand = build_survey(school, principal, title="Kết thúc tay")
    services.close_survey(survey=by_hand, actor=principal)
    assert "surveys.close_due" in schedule.JOBS
    # when: the worker ticks a quarter of an hour later, twice
    with time_machine.travel(now + dt.timedelta(minutes=16), tick=False):
        assert "surveys.close_due" in schedule.run_due()
        assert "surveys.close_due" not in schedule.run_due()
        assert services.close_due_surveys() == 0
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.CLOSED
    # then: the owner alone, once, with the results' link
    notices = list(Notification.objects.filter(kind="surveys.closed"))
    assert [n.recipient for n in notices] == [principal]
    assert "Khảo sát “Hết hạn” đã hết hạn nhận trả lời với 0 phiếu" in notices[0].title
    assert opens(principal, notices[0].url) == 200


def test_an_anonymous_staff_survey_below_the_minimum_says_its_results_stay_withheld(
    school, principal
):
    now = timezone.now()
    survey = build_survey(
        school,
        principal,
        title="Ý kiến của viên chức",
        audience=Audience.STAFF,
        opens_at=now - dt.timedelta(days=7),
    )
    Survey.objects.filter(pk=survey.pk).update(closes_at=now - dt.timedelta(minutes=1))
    assert services.close_due_surveys() == 1
    notice = Notification.objects.get(kind="surveys.closed")
    assert "chưa đủ 5 phiếu" in notice.title
    assert opens(principal, notice.url) == 200


def test_the_closing_notice_is_stored_in_vietnamese(
    school, principal, assert_stored_vietnamese, english_screen
):
    now = timezone.now()
    survey = build_survey(school, principal, title="Hết hạn", opens_at=now - dt.timedelta(days=7))
    Survey.objects.filter(pk=survey.pk).update(closes_at=now - dt.timedelta(minutes=1))
    assert services.close_due_surveys() == 1
    assert Notification.objects.filter(kind="surveys.closed").count() == 1
    assert_stored_vietnamese()
