"""Forms parse and shape input only; the rules live in services."""

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.forms.models import ModelChoiceIterator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gandan.core.forms import MultipleFileField, VietnameseIntegerField
from gandan.core.uploads import check_archive
from gandan.core.vietnamese import collation_key, shorten
from gandan.orgs.models import INTERNAL_KINDS, Membership, Organisation, User
from gandan.plans.models import AssignmentStatus, Plan, PlanTask, TaskItem

MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024


class PersonChoiceField(forms.ModelChoiceField):
    """People by their full name."""

    def label_from_instance(self, obj: Any) -> str:
        return obj.full_name


class ItemChoiceField(forms.ModelChoiceField):
    """A task's bullets by the start of their text."""

    def label_from_instance(self, obj: Any) -> str:
        return shorten(obj.text, 120)


class ParentPlanChoiceField(forms.ModelMultipleChoiceField):
    """Plans of the authorities above, by number, issuer and title."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.number_symbol} — {obj.organisation.display_name}: {obj.title}"


def _choices(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """A declared model choice field of this form instance, to give it its rows."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{name} is not a model choice field")
    return field


class UploadPlanForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp kế hoạch (.docx hoặc .txt)"),
        help_text=_("Tệp Word (.docx) hoặc văn bản thuần (.txt, mã UTF-8), tối đa 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.txt"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".docx", ".txt")):
            raise forms.ValidationError(_("Chỉ nhận tệp .docx hoặc .txt."))
        if upload.size > MAX_PLAN_FILE_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn; giới hạn là 5 MB."))
        if name.endswith(".docx"):
            check_archive(upload, name=upload.name)  # before the importer parses its XML
        return upload


class PreviewForm(forms.Form):
    """The header fields the head may correct before saving; tasks are added per row."""

    payload = forms.CharField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Trích yếu (tên kế hoạch)"), max_length=500)
    number_symbol = forms.CharField(
        label=_("Số, ký hiệu (nếu đã có)"), max_length=64, required=False
    )
    place = forms.CharField(label=_("Địa danh"), max_length=128, required=False)
    date = forms.DateField(label=_("Ngày ban hành (nếu đã có)"), required=False)
    bases = forms.CharField(
        label=_("Căn cứ (mỗi dòng một căn cứ)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )

    def __init__(self, *args, task_count: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.task_count = task_count
        for index in range(task_count):
            self.fields[f"task_{index}_heading"] = forms.CharField(
                label=_("Nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 2})
            )
            self.fields[f"task_{index}_lead"] = forms.CharField(
                label=_("Cơ quan chủ trì"), max_length=500, required=False
            )
            self.fields[f"task_{index}_timeframe"] = forms.CharField(
                label=_("Thời gian thực hiện"), max_length=255, required=False
            )

    def task_rows(self):
        return [
            (
                index + 1,
                self[f"task_{index}_heading"],
                self[f"task_{index}_lead"],
                self[f"task_{index}_timeframe"],
            )
            for index in range(self.task_count)
        ]


class EditPlanForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Trích yếu (tên kế hoạch)"), max_length=500)
    place = forms.CharField(label=_("Địa danh"), max_length=128, required=False)
    signer_name = forms.CharField(label=_("Người ký"), max_length=150, required=False)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=150, required=False)


class IssueForm(forms.Form):
    issued_on = forms.DateField(label=_("Ngày ban hành"), initial=timezone.localdate)
    signer = forms.ChoiceField(
        label=_("Người ký"),
        choices=[("head", _("Hiệu trưởng ký")), ("deputy", _("Phó hiệu trưởng ký thay (KT.)"))],
    )

    def __init__(self, *args: Any, for_authority: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if for_authority:
            # The officer records who signs (the draft's signer); no school head to choose.
            field = self.fields["signer"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [("recorded", _("Người ký ghi ở dự thảo"))]
            field.initial = "recorded"


class _ByVietnameseName(ModelChoiceIterator):
    """The units in Vietnamese alphabetical order (Đằng Hải before Nam Hải), which the
    database's collation does not give."""

    def __iter__(self) -> Iterator[Any]:
        for unit in sorted(self.queryset, key=lambda unit: collation_key(unit.name)):
            yield self.choice(unit)


class UnitChoiceField(forms.ModelMultipleChoiceField):
    """Units below an authority, by name."""

    iterator = _ByVietnameseName

    def label_from_instance(self, obj: Any) -> str:
        return obj.name


class CascadeForm(forms.Form):
    """Send an authority's plan to units below it, with a due date for their plans."""

    organisations = UnitChoiceField(
        label=_("Đơn vị xây dựng kế hoạch thực hiện"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Hãy chọn ít nhất một đơn vị."),
            "invalid_choice": _("Đơn vị đã chọn không thuộc quyền quản lý của cơ quan."),
            "invalid_pk_value": _("Đơn vị đã chọn không hợp lệ."),
        },
    )
    due_on = forms.DateField(
        label=_("Hạn ban hành kế hoạch thực hiện"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Hãy nhập hạn ban hành kế hoạch thực hiện."),
            "invalid": _("Ngày không hợp lệ; hãy nhập theo dạng ngày/tháng/năm."),
        },
    )

    def __init__(self, *args: Any, units: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "organisations").queryset = units

    def clean_due_on(self) -> dt.date:
        due = self.cleaned_data["due_on"]
        if due < timezone.localdate():
            raise forms.ValidationError(_("Hạn ban hành không được ở trong quá khứ."))
        return due


class AssignForm(forms.Form):
    assignee = PersonChoiceField(
        label=_("Giao cho người"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("— không chọn —"),
    )
    unit = forms.ModelChoiceField(
        label=_("hoặc giao cho đơn vị"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— không chọn —"),
    )
    item = ItemChoiceField(
        label=_("Nội dung cụ thể (để trống: cả nhiệm vụ)"),
        queryset=TaskItem.objects.none(),
        required=False,
        empty_label=_("— cả nhiệm vụ —"),
    )
    due_date = forms.DateField(
        label=_("Hạn hoàn thành"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    working_days = forms.IntegerField(
        label=_("hoặc số ngày làm việc kể từ hôm nay"),
        min_value=1,
        max_value=365,
        required=False,
        help_text=_("Hạn được tính theo lịch làm việc chính thức (trừ ngày nghỉ, ngày lễ)."),
    )
    note = forms.CharField(
        label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, task: PlanTask, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        school = task.plan.organisation
        # An authority's own staff only: the schools below it are reached by sending them the
        # plan (services.cascade_plan), not by giving their people tasks.
        members = (
            Membership.objects.current().filter(organisation=school)
            if school.is_authority
            else Membership.objects.current().filter(organisation__path__startswith=school.path)
        )
        _choices(self, "assignee").queryset = User.objects.filter(
            is_active=True, pk__in=members.values("user_id")
        ).order_by("sort_key")
        _choices(self, "unit").queryset = Organisation.objects.filter(
            parent=school, kind__in=INTERNAL_KINDS, is_active=True
        ).order_by("name")
        _choices(self, "item").queryset = task.items.all()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("assignee") and not data.get("unit"):
            raise forms.ValidationError(_("Cần chọn người hoặc đơn vị thực hiện."))
        if data.get("assignee") and data.get("unit"):
            raise forms.ValidationError(_("Chỉ chọn một: người hoặc đơn vị."))
        due = data.get("due_date")
        if not due and not data.get("working_days"):
            raise forms.ValidationError(
                _("Cần nhập hạn hoàn thành, hoặc số ngày làm việc để tính hạn.")
            )
        if due and due < timezone.localdate() - dt.timedelta(days=0):
            self.add_error("due_date", _("Hạn hoàn thành không được ở trong quá khứ."))
        return data


class ProgressForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Tình trạng"), choices=AssignmentStatus.choices)
    percent = VietnameseIntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)
    text = forms.CharField(
        label=_("Đã làm được gì"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Added here, not declared: a class attribute named "files" would hide (for the type
        # checker) the form's uploaded files, which Django keeps in `self.files`.
        self.fields["files"] = MultipleFileField(
            label=_("Minh chứng (ảnh, PDF, Word, Excel; tối đa 5 tệp, mỗi tệp 10 MB)"),
            required=False,
        )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do thu hồi"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )


class ParentPlansForm(forms.Form):
    parents = ParentPlanChoiceField(
        label=_("Kế hoạch cấp trên mà kế hoạch này thực hiện"),
        queryset=Plan.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, candidates: QuerySet[Plan], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "parents").queryset = candidates
