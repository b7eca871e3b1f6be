"""Forms parse and shape input only; the rules live in services."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gandan.core.forms import MultipleFileField, MultipleFileInput, VietnameseIntegerField
from gandan.democracy.electorate import staff_of
from gandan.emulation.models import (
    Criterion,
    CriterionKind,
    Field,
    RecognitionLevel,
    RegistrationKind,
)
from gandan.orgs.models import Membership, Organisation, User
from gandan.plans.models import Plan


class StaffChoiceField(forms.ModelChoiceField):
    """Members of staff by their full name."""

    def label_from_instance(self, obj: Any) -> str:
        return obj.full_name


class StaffMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Members of staff by their full name."""

    def label_from_instance(self, obj: Any) -> str:
        return obj.full_name


class UnitChoiceField(forms.ModelChoiceField):
    """Internal units (tổ, đơn vị) by their name."""

    def label_from_instance(self, obj: Any) -> str:
        return obj.name


def _choices(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """A declared model choice field of this form instance, to give it its rows."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{name} is not a model choice field")
    return field


class CampaignForm(forms.Form):
    title = forms.CharField(label=_("Tên phong trào"), max_length=300)
    year_label = forms.CharField(
        label=_("Năm học, năm hoặc chủ đề"),
        max_length=100,
        help_text=_("Ví dụ: năm học 2026–2027."),
    )
    starts_on = forms.DateField(
        label=_("Bắt đầu"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    ends_on = forms.DateField(
        label=_("Kết thúc"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    theme = forms.CharField(
        label=_("Chủ đề, nội dung trọng tâm"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    plan = forms.ModelChoiceField(
        label=_("Kế hoạch thực hiện (nếu có)"),
        queryset=Plan.objects.none(),
        required=False,
        empty_label=_("— không chọn —"),
    )

    def __init__(self, *args: Any, school: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "plan").queryset = Plan.objects.filter(organisation=school)


class CriterionForm(forms.Form):
    text = forms.CharField(label=_("Tiêu chí"), max_length=500)
    max_points = VietnameseIntegerField(label=_("Điểm tối đa"), min_value=1, max_value=100)


class NewCriterionForm(CriterionForm):
    kind = forms.ChoiceField(label=_("Áp dụng cho"), choices=CriterionKind.choices)


class CouncilForm(forms.Form):
    chair = StaffChoiceField(label=_("Chủ tịch Hội đồng"), queryset=User.objects.none())
    secretary = StaffChoiceField(
        label=_("Thư ký"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("— không chọn —"),
    )
    members = StaffMultipleChoiceField(
        label=_("Thành viên"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, school: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        staff = staff_of(school)
        for name in ("chair", "secretary", "members"):
            _choices(self, name).queryset = staff


class RegistrationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Đăng ký"), choices=RegistrationKind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(label=_("Tên mô hình, điển hình"), max_length=300)
    unit = UnitChoiceField(
        label=_("Đăng ký cho tập thể"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— cá nhân tôi đăng ký —"),
        help_text=_("Chọn tổ, đơn vị nếu đăng ký cho tập thể; tiêu chí chấm theo tập thể."),
    )
    field = forms.ChoiceField(label=_("Lĩnh vực"), choices=Field.choices)
    problem = forms.CharField(
        label=_("Thực trạng, vấn đề cần giải quyết"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )
    goals = forms.CharField(
        label=_("Mục tiêu"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    mobilisation = forms.CharField(
        label=_("Cách thức tuyên truyền, vận động"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )
    expected_results = forms.CharField(
        label=_("Kết quả dự kiến"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )

    def __init__(self, *args: Any, school: Organisation, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = (
            Membership.objects.current()
            .filter(user=user, organisation__parent=school, organisation__is_active=True)
            .values("organisation_id")
        )
        _choices(self, "unit").queryset = Organisation.objects.filter(pk__in=units)


class UpdateForm(forms.Form):
    text = forms.CharField(
        label=_("Đã làm được gì"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Added here, not declared: a declared "files" would hide BaseForm.files to type checkers.
        self.fields["files"] = MultipleFileField(
            label=_("Ảnh, minh chứng (ảnh, PDF, Word, Excel; tối đa 5 tệp, mỗi tệp 10 MB)"),
            required=False,
            widget=MultipleFileInput(attrs={"accept": "image/*,.pdf,.docx,.xlsx"}),
        )


class ScoreForm(forms.Form):
    """One points field (and a comment) per criterion of the registration's kind."""

    def __init__(self, *args: Any, criteria: Iterable[Criterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"points_{criterion.pk}"] = VietnameseIntegerField(
                label=_("%(text)s (tối đa %(max)d điểm)")
                % {"text": criterion.text, "max": criterion.max_points},
                min_value=0,
                max_value=criterion.max_points,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Nhận xét"), max_length=500, required=False
            )

    def rows(self) -> list[tuple[Criterion, forms.BoundField, forms.BoundField]]:
        return [
            (criterion, self[f"points_{criterion.pk}"], self[f"comment_{criterion.pk}"])
            for criterion in self.criteria
        ]

    def points(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"points_{c.pk}"] for c in self.criteria}

    def comments(self) -> dict[int, str]:
        return {c.pk: self.cleaned_data[f"comment_{c.pk}"] for c in self.criteria}


class ShortlistForm(forms.Form):
    seats = forms.IntegerField(
        label=_("Mỗi thành viên chọn không quá (để trống: chọn tùy ý)"),
        min_value=1,
        required=False,
    )


class RecognitionForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Hình thức"), choices=RecognitionLevel.choices, widget=forms.RadioSelect
    )
    issued_on = forms.DateField(
        label=_("Ngày ký quyết định"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    story = forms.CharField(
        label=_("Câu chuyện về mô hình, điển hình"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        required=False,
        help_text=_("Viết cho phụ huynh và người dân đọc; không nêu thông tin riêng của học sinh."),
    )
    publish = forms.BooleanField(label=_("Đăng trên trang công khai của trường"), required=False)


class StoryForm(forms.Form):
    story = RecognitionForm.base_fields["story"]
    publish = RecognitionForm.base_fields["publish"]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )


class ConcludeForm(forms.Form):
    issued_on = forms.DateField(
        label=_("Ngày lập biên bản"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class NominationForm(forms.Form):
    nominee = StaffChoiceField(label=_("Người được đề cử"), queryset=User.objects.none())
    deed = forms.CharField(
        label=_("Việc tốt của người được đề cử"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3000,
    )

    def __init__(self, *args: Any, school: Organisation, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "nominee").queryset = staff_of(school).exclude(pk=user.pk)


class DecisionForm(forms.Form):
    issued_on = forms.DateField(
        label=_("Ngày ký quyết định"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
