"""Adjustments as data: validation, the services, the cache, the admin, and a new year."""

import datetime as dt

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import RequestFactory

from gandan.worktime import days, services
from gandan.worktime.admin import CalendarAdjustmentAdmin
from gandan.worktime.models import AdjustmentKind, CalendarAdjustment

pytestmark = pytest.mark.django_db

D = dt.date


def test_seed_rows_cite_their_documents():
    # given the seeded rows
    rows = {row.date: row for row in CalendarAdjustment.objects.all()}
    # when / then
    assert {day.year for day in rows} == {2024, 2025, 2026}
    assert rows[D(2024, 5, 4)].kind == AdjustmentKind.WORKING_DAY
    assert rows[D(2024, 5, 4)].document == "Công văn 2450/VPCP-KGVX"
    assert rows[D(2025, 1, 27)].document == "Thông báo 6150/TB-BLĐTBXH"
    assert rows[D(2025, 4, 26)].kind == AdjustmentKind.WORKING_DAY
    assert rows[D(2025, 5, 2)].kind == AdjustmentKind.DAY_OFF
    assert rows[D(2026, 1, 2)].needs_verification
    assert rows[D(2026, 1, 10)].needs_verification
    assert rows[D(2026, 8, 22)].kind == AdjustmentKind.WORKING_DAY
    assert rows[D(2026, 8, 31)].kind == AdjustmentKind.DAY_OFF
    assert D(2025, 2, 8) not in rows  # TB 6150 sets no working Saturday for Tết 2025
    for row in rows.values():
        row.full_clean()
        assert row.document and row.reason


def test_a_new_year_needs_no_code_change():
    # given a 2027 notice: hypothetically Thu 11/02/2027 off, Sat 20/02/2027 worked
    assert days.add_working_days(D(2027, 2, 3), 1) == D(2027, 2, 11)
    assert not days.is_working_day(D(2027, 2, 20))
    document = "Thông báo 1/TB-BNV (giả định cho kiểm thử)"
    reason = "Hoán đổi ngày làm việc dịp Tết Âm lịch 2027"
    # when
    services.add_calendar_adjustment(
        date=D(2027, 2, 11), kind=AdjustmentKind.DAY_OFF, reason=reason, document=document
    )
    services.add_calendar_adjustment(
        date=D(2027, 2, 20), kind=AdjustmentKind.WORKING_DAY, reason=reason, document=document
    )
    # then
    assert days.add_working_days(D(2027, 2, 3), 1) == D(2027, 2, 12)
    assert days.is_working_day(D(2027, 2, 20))
    assert days.add_working_days(D(2027, 2, 19), 1) == D(2027, 2, 20)


def test_culture_day_can_be_added_once_enacted():
    # given 24/11/2026 a working day
    assert days.add_calendar_days(D(2026, 11, 14), 10) == D(2026, 11, 24)
    # when
    services.add_calendar_adjustment(
        date=D(2026, 11, 24),
        kind=AdjustmentKind.DAY_OFF,
        reason="Ngày Văn hóa Việt Nam",
        document="(số văn bản khi ban hành)",
        needs_verification=True,
    )
    # then
    assert not days.is_working_day(D(2026, 11, 24))
    assert days.add_calendar_days(D(2026, 11, 14), 10) == D(2026, 11, 25)


def test_deleting_an_adjustment_takes_effect():
    # given the seeded working Saturday 26/04/2025
    adjustment = CalendarAdjustment.objects.get(date=D(2025, 4, 26))
    assert days.is_working_day(D(2025, 4, 26))
    # when
    services.delete_calendar_adjustment(adjustment=adjustment)
    # then
    assert not days.is_working_day(D(2025, 4, 26))


def test_editing_an_adjustment_takes_effect():
    # given the seeded day off Fri 02/05/2025
    adjustment = CalendarAdjustment.objects.get(date=D(2025, 5, 2))
    # when: the admin moves the day off to Tue 29/04/2025
    adjustment.date = D(2025, 4, 29)
    services.save_calendar_adjustment(adjustment=adjustment)
    # then
    assert not days.is_working_day(D(2025, 4, 29))
    assert days.is_working_day(D(2025, 5, 2))


@pytest.mark.parametrize(
    ("date", "kind"),
    [
        (D(2026, 3, 7), AdjustmentKind.DAY_OFF),  # a Saturday is already off
        (D(2026, 3, 4), AdjustmentKind.WORKING_DAY),  # a Wednesday is already working
        (D(2026, 3, 4), AdjustmentKind.NOT_HOLIDAY),  # no holiday to remove
        (D(2026, 11, 24), AdjustmentKind.NOT_HOLIDAY),  # 24/11 is not in the baseline
    ],
)
def test_adjustments_that_change_nothing_are_refused(date, kind):
    # given
    before = CalendarAdjustment.objects.count()
    # when / then
    with pytest.raises(ValidationError) as refused:
        services.add_calendar_adjustment(date=date, kind=kind, reason="x", document="y")
    assert "date" in refused.value.message_dict
    assert CalendarAdjustment.objects.count() == before


def test_an_adjustment_needs_reason_and_document():
    # given / when / then
    with pytest.raises(ValidationError) as refused:
        services.add_calendar_adjustment(
            date=D(2026, 3, 4), kind=AdjustmentKind.DAY_OFF, reason="", document=""
        )
    assert set(refused.value.message_dict) == {"reason", "document"}


def test_removing_a_statutory_holiday_is_accepted():
    # given Mon 27/04/2026, nghỉ bù of Giỗ Tổ
    # when
    services.add_calendar_adjustment(
        date=D(2026, 4, 27), kind=AdjustmentKind.NOT_HOLIDAY, reason="x", document="y"
    )
    # then
    assert days.is_working_day(D(2026, 4, 27))


def test_one_row_per_date():
    # given the seeded day off 02/01/2026
    # when / then
    with pytest.raises(IntegrityError), transaction.atomic():
        CalendarAdjustment.objects.create(
            date=D(2026, 1, 2), kind=AdjustmentKind.NOT_HOLIDAY, reason="x", document="y"
        )


def test_unknown_kind_is_refused_by_the_database():
    # given / when / then
    with pytest.raises(IntegrityError), transaction.atomic():
        CalendarAdjustment.objects.create(date=D(2026, 3, 4), kind="x", reason="x", document="y")


def test_calendar_is_cached_between_calls(django_assert_num_queries):
    # given a loaded calendar
    days.is_working_day(D(2026, 3, 4))
    # when / then: later calls in the same process read no table
    with django_assert_num_queries(0):
        days.add_working_days(D(2026, 3, 4), 10)
        days.add_working_days_bulk([D(2026, 3, 4)] * 1000, 10)


def test_other_processes_see_a_change_after_the_recheck_interval(monkeypatch):
    # given a calendar loaded at t=0
    now = [1000.0]
    monkeypatch.setattr(days, "_clock", lambda: now[0])
    days.clear_calendar_cache()
    assert not days.is_working_day(D(2026, 1, 17))
    # when another process adds a working Saturday (no service call here)
    CalendarAdjustment.objects.create(
        date=D(2026, 1, 17), kind=AdjustmentKind.WORKING_DAY, reason="x", document="y"
    )
    # then: not before the interval, then yes
    now[0] += days.RECHECK_SECONDS - 1
    assert not days.is_working_day(D(2026, 1, 17))
    now[0] += 2
    assert days.is_working_day(D(2026, 1, 17))


def test_admin_changes_go_through_the_services(admin_user):
    # given
    model_admin = admin.site._registry[CalendarAdjustment]
    assert isinstance(model_admin, CalendarAdjustmentAdmin)
    request = RequestFactory().post("/")
    request.user = admin_user
    adjustment = CalendarAdjustment(
        date=D(2026, 3, 4), kind=AdjustmentKind.DAY_OFF, reason="x", document="y"
    )
    assert days.is_working_day(D(2026, 3, 4))
    # when
    model_admin.save_model(request, adjustment, form=None, change=False)
    # then
    assert not days.is_working_day(D(2026, 3, 4))
    # when
    model_admin.delete_queryset(request, CalendarAdjustment.objects.filter(date=D(2026, 3, 4)))
    # then
    assert days.is_working_day(D(2026, 3, 4))
    assert model_admin.weekday(adjustment) == "Thứ Tư"


def test_admin_lists_adjustments_by_year(admin_client):
    # given the seeded rows
    # when
    response = admin_client.get("/quan-tri/worktime/calendaradjustment/", {"nam": "2025"})
    # then
    assert response.status_code == 200
    page = response.content.decode()
    assert "Thông báo 6150/TB-BLĐTBXH" in page
    assert "Công văn 2450/VPCP-KGVX" not in page
    assert "Thứ Bảy" in page


def test_admin_form_adds_an_adjustment(admin_client):
    # given
    assert days.is_working_day(D(2027, 4, 29))
    # when
    response = admin_client.post(
        "/quan-tri/worktime/calendaradjustment/add/",
        {
            "date": "29/04/2027",
            "kind": AdjustmentKind.DAY_OFF,
            "reason": "Hoán đổi ngày làm việc dịp 30/4 – 1/5/2027",
            "document": "Thông báo 2/TB-BNV (giả định cho kiểm thử)",
            "note": "",
        },
    )
    # then
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not days.is_working_day(D(2027, 4, 29))


def test_admin_form_shows_refusals_in_vietnamese(admin_client):
    # given / when: a Wednesday as a working Saturday
    response = admin_client.post(
        "/quan-tri/worktime/calendaradjustment/add/",
        {"date": "03/03/2027", "kind": AdjustmentKind.WORKING_DAY, "reason": "x", "document": "y"},
    )
    # then
    assert response.status_code == 200
    assert "Ngày làm việc bù phải là thứ Bảy hoặc Chủ nhật." in response.content.decode()
    assert not CalendarAdjustment.objects.filter(date=D(2027, 3, 3)).exists()


def test_adjustment_changes_are_audited(db):
    import datetime as dt

    from gandan.audit.models import Action, AuditEvent
    from gandan.worktime import services
    from gandan.worktime.models import AdjustmentKind

    # when
    adjustment = services.add_calendar_adjustment(
        date=dt.date(2027, 11, 24),
        kind=AdjustmentKind.DAY_OFF,
        reason="Ngày Văn hóa Việt Nam",
        document="Văn bản thử nghiệm",
    )
    services.delete_calendar_adjustment(adjustment=adjustment)
    # then
    actions = list(
        AuditEvent.objects.filter(object_type="worktime.calendaradjustment")
        .order_by("sequence")
        .values_list("action", flat=True)
    )
    assert actions == [Action.CREATE, Action.WITHDRAW]
