from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from gandan.core.vietnamese import weekday_name
from gandan.worktime import services
from gandan.worktime.models import CalendarAdjustment


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
