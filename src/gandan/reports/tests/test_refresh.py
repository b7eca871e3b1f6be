"""The refresh is incremental: it recomputes the schools touched since the last one (audit log,
or a due date passing), never the others; it is safe to rerun; the dashboard runs it when the
watermark is behind."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gandan.orgs import services as org_services
from gandan.orgs.models import OrgKind
from gandan.reports.models import RefreshState, UnitMonth, UnitStatus
from gandan.reports.refresh import is_behind, refresh_indicators
from gandan.reports.tests.indicators_data import more_schools, seed_deadline_rules, submit

pytestmark = pytest.mark.django_db


def at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


DAY = dt.date(2026, 3, 10)


@pytest.fixture
def twelve(ward, department, school, other_school):
    seed_deadline_rules()
    return [school, other_school, *more_schools(ward, department, 10)]


def _stamps() -> dict[int, dt.datetime]:
    return dict(UnitStatus.objects.values_list("organisation_id", "refreshed_at"))


def test_the_first_run_computes_every_school(twelve):
    with time_machine.travel(at(DAY, 8), tick=False):
        result = refresh_indicators()
    assert (result.schools, result.full) == (12, True)
    assert set(_stamps()) == {school.pk for school in twelve}


def test_only_the_touched_schools_are_recomputed(twelve):
    # given: everything refreshed at 8:00
    with time_machine.travel(at(DAY, 8), tick=False):
        refresh_indicators()
    before = _stamps()
    # when: at 9:00 a case reaches school 3 and school 5 creates an internal unit (tổ)
    with time_machine.travel(at(DAY, 9), tick=False):
        submit(twelve[3])
        org_services.create_organisation(
            actor=None,
            parent=twelve[5],
            slug="to-2-truong-5",
            kind=OrgKind.SUBJECT_GROUP,
            name="Tổ chuyên môn khối 2",
        )
        result = refresh_indicators()
    # then: only those two were recomputed; the ten others keep their rows untouched
    after = _stamps()
    assert (result.schools, result.full) == (2, False)
    touched = {twelve[3].pk, twelve[5].pk}
    assert {pk for pk in after if after[pk] != before[pk]} == touched
    assert UnitMonth.objects.get(organisation=twelve[3]).received_feedback == 1
    # and a rerun with nothing new recomputes nothing
    with time_machine.travel(at(DAY, 10), tick=False):
        assert refresh_indicators().schools == 0
    assert _stamps() == after


def test_a_due_date_passing_recomputes_that_school_alone(twelve):
    # given: on 10/3 a complaint (acceptance due 20/3: 10 days, Luật KN 2011 Điều 27) at school 0
    with time_machine.travel(at(DAY, 8), tick=False):
        submit(twelve[0], "khieu_nai", received_at=at(DAY, 8))
        refresh_indicators()
    assert UnitStatus.objects.get(organisation=twelve[0]).cases_overdue == 0
    before = _stamps()
    # when: on 21/3, with nothing audited in between
    with time_machine.travel(at(dt.date(2026, 3, 21), 8), tick=False):
        assert is_behind()
        result = refresh_indicators()
    # then: the complaint is overdue, and no other school was recomputed
    assert result.schools == 1
    assert UnitStatus.objects.get(organisation=twelve[0]).cases_overdue == 1
    changed = {pk for pk, stamp in _stamps().items() if stamp != before[pk]}
    assert changed == {twelve[0].pk}


def test_a_new_year_recomputes_everything(twelve):
    with time_machine.travel(at(dt.date(2026, 12, 31), 8), tick=False):
        refresh_indicators()
    with time_machine.travel(at(dt.date(2027, 1, 2), 8), tick=False):
        result = refresh_indicators()
    assert (result.schools, result.full) == (12, True)
    assert UnitStatus.objects.filter(plan_year=2027).count() == 12


def test_full_recomputes_everything_and_gives_the_same_rows(twelve):
    with time_machine.travel(at(DAY, 8), tick=False):
        submit(twelve[0])
        refresh_indicators()
        rows = list(UnitMonth.objects.values_list("organisation_id", "month", "received_feedback"))
        result = refresh_indicators(full=True)
    assert (result.schools, result.full) == (12, True)
    assert rows == list(
        UnitMonth.objects.values_list("organisation_id", "month", "received_feedback")
    )


def test_the_command_is_safe_to_rerun(twelve, capsys):
    with time_machine.travel(at(DAY, 8), tick=False):
        call_command("refresh_indicators")
        call_command("refresh_indicators")
        call_command("refresh_indicators", "--full")
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Đã cập nhật 12 đơn vị (toàn bộ)")
    assert out[1].startswith("Đã cập nhật 0 đơn vị trong")
    assert out[2].startswith("Đã cập nhật 12 đơn vị (toàn bộ)")
    assert RefreshState.objects.get().last_date == DAY


def test_the_dashboard_refreshes_when_behind_and_only_then(twelve, authority_officer):
    client = Client()
    with time_machine.travel(at(DAY, 8), tick=False):
        client.force_login(authority_officer)
        refresh_indicators()
        # when: a case arrives after the last refresh
        submit(twelve[1])
        response = client.get(reverse("reports:dashboard"))
        # then: the page already counts it
        assert response.status_code == 200
        assert UnitMonth.objects.get(organisation=twelve[1]).received_feedback == 1
        assert not is_behind()
        # and when nothing changed, the page only checks the watermark (two reads, no write)
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("reports:dashboard"))
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []


def test_an_open_surveys_answers_dated_at_its_first_day_are_counted_the_next_day(twelve):
    """An anonymous answer carries its survey's first day, not its own: the school is recomputed
    on the next day's refresh because its survey is open."""
    from gandan.surveys.models import Audience, Mode, Response, Survey, SurveyStatus

    school = twelve[2]
    opened = DAY - dt.timedelta(days=20)
    survey = Survey.objects.create(
        organisation=school,
        title="Khảo sát cha mẹ học sinh",
        audience=Audience.PARENTS,
        mode=Mode.values[0],
        status=SurveyStatus.OPEN,
    )
    with time_machine.travel(at(DAY, 8), tick=False):
        refresh_indicators()
    before = _stamps()
    # when: answers given that day after the refresh, dated at the survey's first day
    Response.objects.create(survey=survey, created_on=opened, score=80.0)
    Response.objects.create(survey=survey, created_on=opened, score=60.0)
    with time_machine.travel(at(DAY + dt.timedelta(days=1), 8), tick=False):
        result = refresh_indicators()
    # then: the school was recomputed with its new answers
    assert not result.full
    assert _stamps()[school.pk] != before[school.pk]
    month = UnitMonth.objects.filter(organisation=school, survey_responses__gt=0).get()
    assert (month.survey_responses, month.survey_score_sum) == (2, 140.0)


def test_the_worker_keeps_the_tables_fresh_without_a_command(twelve):
    from gandan.notify import schedule

    # given: the worker's first tick of the day computes every school (the first run is full)
    with time_machine.travel(at(DAY, 8), tick=False):
        assert "reports.refresh" in schedule.run_due()
    assert set(_stamps()) == {school.pk for school in twelve}
    # when: a case reaches school 2, and the next minute's tick runs
    with time_machine.travel(at(DAY, 9), tick=False):
        submit(twelve[2])
        assert "reports.refresh" in schedule.run_due()
        assert "reports.refresh" not in schedule.run_due()  # once per minute
    # then: its figures hold the case
    assert UnitMonth.objects.get(organisation=twelve[2]).received_feedback == 1
    # and the night's full refresh recomputes every school
    before = _stamps()
    with time_machine.travel(at(DAY + dt.timedelta(days=1), 1), tick=False):
        assert "reports.refresh_full" in schedule.run_due()
    after = _stamps()
    assert all(after[pk] != before[pk] for pk in before)
