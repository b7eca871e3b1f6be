import datetime as dt

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gandan.core.vietnamese import weekday_name
from gandan.worktime import days, notices, services
from gandan.worktime.models import CalendarAdjustment, CalendarYear


class YearFilter(admin.SimpleListFilter):
    title = _("Năm")
    parameter_name = "nam"

    def lookups(self, request, model_admin):
        years = CalendarAdjustment.objects.dates("date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        year = self.value()
        if year and year.isdigit():
            return queryset.filter(date__year=int(year))
        return queryset


@admin.register(CalendarAdjustment)
class CalendarAdjustmentAdmin(admin.ModelAdmin):
    list_display = ["date", "weekday", "kind", "reason", "document", "needs_verification"]
    list_filter = [YearFilter, "kind", "needs_verification"]
    date_hierarchy = "date"
    search_fields = ["reason", "document", "note"]
    fields = ["date", "kind", "reason", "document", "needs_verification", "note"]
    change_list_template = "admin/worktime/calendaradjustment/change_list.html"

    def changelist_view(self, request: HttpRequest, extra_context=None):
        return super().changelist_view(request, {**(extra_context or {}), **_calendar_notes()})

    @admin.display(description=_("Thứ"))
    def weekday(self, adjustment: CalendarAdjustment) -> str:
        return weekday_name(adjustment.date)

    # Every change goes through the services, which make the calendar reload.
    def save_model(self, request: HttpRequest, obj, form, change) -> None:
        services.save_calendar_adjustment(adjustment=obj, actor=request.user, request=request)

    def delete_model(self, request: HttpRequest, obj) -> None:
        services.delete_calendar_adjustment(adjustment=obj, actor=request.user, request=request)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for adjustment in queryset:
            services.delete_calendar_adjustment(
                adjustment=adjustment, actor=request.user, request=request
            )


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = [
        "year",
        "announced",
        "document",
        "needs_verification",
        "entered_by",
        "entered_on",
    ]
    list_filter = ["announced", "needs_verification"]
    fields = [
        "year",
        "announced",
        "document",
        "needs_verification",
        "note",
        "entered_by",
        "entered_on",
    ]
    readonly_fields = ["entered_by", "entered_on"]
    change_list_template = "admin/worktime/calendaryear/change_list.html"

    def changelist_view(self, request: HttpRequest, extra_context=None):
        return super().changelist_view(request, {**(extra_context or {}), **_calendar_notes()})

    def save_model(self, request: HttpRequest, obj, form, change) -> None:
        services.save_calendar_year(calendar_year=obj, actor=request.user, request=request)

    def delete_model(self, request: HttpRequest, obj) -> None:
        services.delete_calendar_year(calendar_year=obj, actor=request.user, request=request)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for calendar_year in queryset:
            services.delete_calendar_year(
                calendar_year=calendar_year, actor=request.user, request=request
            )


def _calendar_notes() -> dict:
    """What the administrator must see above both calendar lists: the years not announced
    (BLLĐ 2019 Điều 112 k3) and the open question of 24/11 while it is not recorded."""
    today = timezone.localdate()
    this_year = today.year
    recorded = notices.culture_day_recorded(this_year)
    return {
        "unannounced_years": days.provisional_years_between(
            dt.date(this_year, 1, 1), dt.date(this_year + 1, 1, 1)
        ),
        "culture_day_question": "" if recorded else notices.culture_day_open_question(),
        "culture_day_recorded": recorded,
    }
