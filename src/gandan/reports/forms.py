"""Forms of the reports upward: they parse and shape input; the services decide."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gandan.core.forms import VietnameseIntegerField
from gandan.reports.drafting import SECTIONS
from gandan.reports.models import ReportKind, UnitReport
from gandan.worktime import days

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại báo cáo"), choices=ReportKind.choices)
    year = VietnameseIntegerField(
        label=_("Năm báo cáo"), min_value=2020, max_value=2100, grouping=False
    )
    title = forms.CharField(
        label=_("Tên báo cáo"),
        max_length=300,
        required=False,
        help_text=_("Để trống với báo cáo 6 tháng, năm: tên theo loại báo cáo."),
    )
    period_start = forms.DateField(
        label=_("Số liệu từ ngày (báo cáo chuyên đề)"), required=False, widget=DATE_INPUT
    )
    period_end = forms.DateField(
        label=_("Số liệu đến ngày (báo cáo chuyên đề)"),
        required=False,
        widget=DATE_INPUT,
        help_text=_(
            "Báo cáo 6 tháng, năm: thời gian chốt số liệu theo Nghị định 09/2019/NĐ-CP, Điều 12."
        ),
    )
    due_on = forms.DateField(label=_("Hạn gửi báo cáo"), widget=DATE_INPUT)
    instructions = forms.CharField(
        label=_("Nội dung, đề cương yêu cầu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["year"].initial = today.year
        # Provinces often give 02 working days after the cut-off (LAW.md §11, unverified):
        # only a suggestion, the authority sets its own.
        self.fields["due_on"].initial = days.add_working_days(today, 2)


class SectionsForm(forms.Form):
    """One textarea per section of the report, and the version the editor loaded."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, report: UnitReport, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        texts = {section["key"]: section.get("text", "") for section in report.sections()}
        titles = {section["key"]: section["title"] for section in report.sections()}
        self.fields["version"].initial = report.version
        for key, part, title in SECTIONS:
            if key not in texts:
                continue
            label = f"{part}. {titles.get(key, title)}" if part != "I" else titles.get(key, title)
            self.fields[key] = forms.CharField(
                label=label,
                required=False,
                initial=texts[key],
                widget=forms.Textarea(attrs={"rows": 8}),
            )

    def section_texts(self) -> dict[str, str]:
        return {key: value for key, value in self.cleaned_data.items() if key != "version"}


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("Ý kiến khi trả lại"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )


class ReminderForm(forms.Form):
    message = forms.CharField(
        label=_("Nội dung nhắc (để trống: nội dung mặc định)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
