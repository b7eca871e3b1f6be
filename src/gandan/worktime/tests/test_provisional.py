"""A year whose official schedule is not entered: every date counted across it is provisional.

BLLĐ 2019 Điều 112 k3: the Prime Minister decides each year's Tết days and the day next to
Quốc khánh; 2024–2026 are entered (migrations 0002, 0004), 2027 is not.
"""

import datetime as dt
import sys
from io import StringIO

import pytest
from django.contrib import admin
from django.core import checks
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.test import RequestFactory

from gandan.audit.models import Action, AuditEvent
from gandan.orgs import desk
from gandan.worktime import days, notices, services
from gandan.worktime.admin import CalendarYearAdmin
from gandan.worktime.checks import check_calendar_open_questions
from gandan.worktime.desk import calendar_panel
from gandan.worktime.models import AdjustmentKind, CalendarYear

pytestmark = pytest.mark.django_db

D = dt.date


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("deadline", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def announce(year: int, actor=None) -> CalendarYear:
    return services.save_calendar_year(
        calendar_year=CalendarYear(
            year=year, announced=True, document="Thông báo 1/TB-BNV (giả định cho kiểm thử)"
        ),
        actor=actor,
    )


# -- the seeded years --------------------------------------------------------------------------


def test_2024_to_2026_are_announced_and_2027_is_not():
    # given the migrations
    # when / then
    assert {2024, 2025, 2026} <= days.announced_years()
    assert not days.is_announced(2027)
    assert CalendarYear.objects.get(year=2026).needs_verification


# -- the command -------------------------------------------------------------------------------


def test_command_warns_on_stderr_when_the_period_crosses_2027():
    # given 2027 without its notice: Tết computed by rule only
    # when
    out, err = run("--from", "2027-02-03", "--working-days", "1")
    # then the date is still printed alone, and the warning says why it is provisional
    assert out == "2027-02-11\n"
    assert "tạm tính" in err
    assert "2027" in err
    assert "Bộ luật Lao động 2019 Điều 112 k3" in err


def test_command_warns_when_a_2026_period_runs_into_2027():
    # given / when: 10 working days from 28/12/2026 end in January 2027
    out, err = run("--from", "2026-12-28", "--working-days", "10")
    # then
    assert out.startswith("2027-01-")
    assert "năm 2027" in err


def test_command_is_silent_within_announced_years():
    # given / when
    out, err = run("--from", "2026-02-13", "--working-days", "5")
    # then
    assert out == "2026-02-27\n"
    assert err == ""


def test_command_is_silent_once_2027_is_announced():
    # given
    announce(2027)
    # when
    out, err = run("--from", "2027-02-03", "--working-days", "1")
    # then
    assert out == "2027-02-11\n"
    assert err == ""


# -- days and notices --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        (D(2026, 2, 13), D(2026, 2, 27), []),
        (D(2026, 12, 28), D(2027, 1, 12), [2027]),
        (D(2027, 1, 12), D(2026, 12, 28), [2027]),  # either order
        (D(2026, 6, 1), D(2028, 3, 1), [2027, 2028]),
        (D(2023, 12, 1), D(2024, 1, 5), [2023]),  # before the first recorded year too
    ],
)
def test_provisional_years_between(start, end, years):
    # given the seeded years
    # when / then
    assert days.provisional_years_between(start, end) == years
    assert days.is_provisional(start, end) is bool(years)
    assert bool(notices.provisional_warning(start, end)) is bool(years)


def test_recording_and_removing_a_year_takes_effect_at_once():
    # given a loaded calendar
    assert days.is_provisional(D(2027, 2, 3), D(2027, 2, 11))
    # when
    calendar_year = announce(2027)
    # then
    assert not days.is_provisional(D(2027, 2, 3), D(2027, 2, 11))
    # when
    services.delete_calendar_year(calendar_year=calendar_year)
    # then
    assert days.is_provisional(D(2027, 2, 3), D(2027, 2, 11))


def test_other_processes_see_a_recorded_year_after_the_recheck_interval(monkeypatch):
    # given a calendar loaded at t=0
    now = [1000.0]
    monkeypatch.setattr(days, "_clock", lambda: now[0])
    days.clear_calendar_cache()
    assert not days.is_announced(2027)
    # when another process records 2027 (no service call here)
    CalendarYear.objects.create(year=2027, announced=True, document="x")
    # then: not before the interval, then yes
    now[0] += days.RECHECK_SECONDS - 1
    assert not days.is_announced(2027)
    now[0] += 2
    assert days.is_announced(2027)


def test_a_year_not_announced_stays_provisional_even_with_a_row():
    # given a row that only notes the year, without its notice
    services.save_calendar_year(calendar_year=CalendarYear(year=2027, announced=False))
    # when / then
    assert days.is_provisional(D(2027, 2, 3), D(2027, 2, 11))


def test_announcing_a_year_needs_its_document_and_a_refusal_changes_nothing():
    # given
    events = AuditEvent.objects.count()
    # when / then
    with pytest.raises(ValidationError) as refused:
        services.save_calendar_year(calendar_year=CalendarYear(year=2027, announced=True))
    assert "Cần ghi văn bản công bố" in str(refused.value)
    with pytest.raises(ValidationError, match="Năm phải từ"):
        services.save_calendar_year(
            calendar_year=CalendarYear(year=1900, announced=True, document="x")
        )
    assert not CalendarYear.objects.filter(year__in=[1900, 2027]).exists()
    assert AuditEvent.objects.count() == events
    assert days.is_provisional(D(2027, 2, 3), D(2027, 2, 11))


def test_the_database_refuses_an_announced_year_without_document():
    # given / when / then
    with pytest.raises(IntegrityError), transaction.atomic():
        CalendarYear.objects.create(year=2027, announced=True, document="")


def test_recording_a_year_is_audited_with_who_entered_it(principal):
    # when
    calendar_year = announce(2027, actor=principal)
    # then
    assert calendar_year.entered_by == principal
    assert calendar_year.entered_on is not None
    event = AuditEvent.objects.filter(object_type="worktime.calendaryear").latest("sequence")
    assert event.action == Action.CREATE
    assert "Năm 2027: đã nhập lịch chính thức" in event.summary


# -- the template tag --------------------------------------------------------------------------


def render(source: str, **context) -> str:
    return Template("{% load worktime %}" + source).render(Context(context))


def test_template_tag_shows_the_note_across_2027_and_nothing_in_2026():
    # given / when
    across = render("{% provisional_note a b %}", a=D(2026, 12, 28), b=D(2027, 1, 12))
    within = render("{% provisional_note a b %}", a=D(2026, 2, 13), b=D(2026, 2, 27))
    # then
    assert 'class="notice provisional"' in across
    assert "Ngày tạm tính" in across and "2027" in across
    assert within == ""


def test_template_tag_takes_one_date_a_datetime_or_nothing():
    # given / when / then
    assert "tạm tính" in render("{% provisional_note d %}", d=D(2027, 3, 1))
    assert render("{% provisional_note d %}", d=D(2026, 3, 1)) == ""
    aware = dt.datetime(2027, 3, 1, 3, tzinfo=dt.UTC)
    assert "tạm tính" in render("{% provisional_note d %}", d=aware)
    assert render("{% provisional_note d %}", d=None) == ""
    assert render("{% provisional_note d %}", d="2027-03-01") == ""


def test_template_tag_compact_form_for_a_table_cell():
    # given / when
    mark = render("{% provisional_note d compact=True %}", d=D(2027, 3, 1))
    # then: the short mark, the full reason in its title
    assert mark.startswith('<span class="provisional" title="Ngày tạm tính')
    assert "(tạm tính)</span>" in mark


# -- the head's desk ---------------------------------------------------------------------------


def panels_for(user, today: dt.date) -> str:
    request = RequestFactory().get("/ban-lam-viec/")
    request.user = user
    return "".join(desk.render_panels(request, today))


def test_head_is_told_from_1_october_that_next_years_schedule_is_missing(principal):
    # given 2026 entered, 2027 not
    # when / then
    assert "m-worktime" not in panels_for(principal, D(2026, 9, 30))
    page = panels_for(principal, D(2026, 10, 1))
    assert "m-worktime" in page
    assert "chưa nhập lịch nghỉ chính thức của năm" in page
    assert "2027" in page
    # a head without the admin is told whom to ask
    assert "người quản trị" in page


def test_head_is_told_all_year_when_the_current_years_schedule_is_missing(principal):
    # given / when
    page = panels_for(principal, D(2027, 3, 1))
    # then
    assert "Chưa nhập lịch nghỉ chính thức năm 2027" in page


def test_the_reminder_goes_once_the_year_is_entered(principal):
    # given
    announce(2027)
    # when / then
    assert "m-worktime" not in panels_for(principal, D(2026, 10, 1))
    assert notices.year_to_enter(D(2026, 12, 31)) is None


def test_only_the_head_gets_the_reminder(teacher, deputy):
    # given / when / then
    assert "m-worktime" not in panels_for(teacher, D(2026, 10, 1))
    assert "m-worktime" not in panels_for(deputy, D(2026, 10, 1))


def test_a_head_who_may_edit_the_calendar_gets_the_admin_link(principal):
    # given a head who is also staff with the permission
    from django.contrib.auth.models import Permission

    principal.is_staff = True
    principal.save()
    principal.user_permissions.add(Permission.objects.get(codename="add_calendaryear"))
    principal = type(principal).objects.get(pk=principal.pk)  # fresh permission cache
    # when
    context = calendar_panel(principal, D(2026, 10, 1))
    # then
    assert context["year"] == 2027
    assert context["admin_url"] == "/quan-tri/worktime/calendaryear/add/?year=2027"


# -- the administrator -------------------------------------------------------------------------


def test_admin_calendar_lists_show_the_24_11_open_question(admin_client):
    # given no 24/11 adjustment
    for url in ("/quan-tri/worktime/calendaradjustment/", "/quan-tri/worktime/calendaryear/"):
        # when
        response = admin_client.get(url)
        # then
        page = response.content.decode()
        assert response.status_code == 200
        assert "Ngày Văn hóa Việt Nam 24/11" in page
        assert "Câu hỏi mở" in page
        assert "Bộ luật Lao động 2019 Điều 112 k3" in page  # next year not entered


def test_24_11_stays_a_working_day_until_recorded_then_the_admin_says_so(admin_client):
    # given: Tue 24/11/2026 is a working day while its enactment is not recorded
    assert days.is_working_day(D(2026, 11, 24))
    # when an administrator records it
    services.add_calendar_adjustment(
        date=D(2026, 11, 24),
        kind=AdjustmentKind.DAY_OFF,
        reason="Ngày Văn hóa Việt Nam",
        document="Luật thử nghiệm (giả định cho kiểm thử)",
    )
    # then
    assert not days.is_working_day(D(2026, 11, 24))
    page = admin_client.get("/quan-tri/worktime/calendaradjustment/").content.decode()
    assert "Câu hỏi mở" not in page
    assert "đã được ghi là ngày nghỉ theo Luật thử nghiệm" in page


def test_admin_form_records_a_year_through_the_services(admin_client, admin_user):
    # given
    assert isinstance(admin.site._registry[CalendarYear], CalendarYearAdmin)
    # when
    response = admin_client.post(
        "/quan-tri/worktime/calendaryear/add/",
        {"year": "2027", "announced": "on", "document": "Thông báo 1/TB-BNV", "note": ""},
    )
    # then
    assert response.status_code == 302, response.content.decode()[:2000]
    assert days.is_announced(2027)
    assert CalendarYear.objects.get(year=2027).entered_by == admin_user


def test_admin_form_refuses_an_announced_year_without_document(admin_client):
    # given / when
    response = admin_client.post(
        "/quan-tri/worktime/calendaryear/add/", {"year": "2027", "announced": "on"}
    )
    # then
    assert response.status_code == 200
    assert "Cần ghi văn bản công bố" in response.content.decode()
    assert not CalendarYear.objects.filter(year=2027).exists()


# -- gandan check --------------------------------------------------------------------------------


def test_check_reports_the_open_questions_as_info_only(monkeypatch):
    # given `gandan check` is the running command
    monkeypatch.setattr(sys, "argv", ["gandan", "check"])
    # when
    found = check_calendar_open_questions()
    # then
    assert {message.id for message in found} >= {"worktime.I001"}
    assert all(message.level == checks.INFO for message in found)
    assert any("Ngày Văn hóa Việt Nam 24/11" in message.msg for message in found)
    # and CI's fail level is not reached
    call_command(
        "check",
        "--fail-level",
        "WARNING",
        "--database",
        "default",
        stdout=StringIO(),
        stderr=StringIO(),
    )


def test_check_names_a_missing_year(monkeypatch):
    # given
    monkeypatch.setattr(sys, "argv", ["gandan", "check"])
    monkeypatch.setattr(notices, "year_to_enter", lambda today: 2027)
    # when
    found = {message.id: message for message in check_calendar_open_questions()}
    # then
    assert "năm 2027" in found["worktime.I002"].msg


def test_other_commands_do_not_print_the_notes(monkeypatch):
    # given a cron job, not `gandan check`
    monkeypatch.setattr(sys, "argv", ["gandan", "case_reminders"])
    # when / then
    assert check_calendar_open_questions() == []
