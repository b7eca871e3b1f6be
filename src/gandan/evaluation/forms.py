"""Forms only parse and shape input; the rules live in services and rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gandan.core.forms import VietnameseDecimalField, VietnameseIntegerField
from gandan.evaluation.documents import points_text
from gandan.evaluation.models import Disqualification
from gandan.evaluation.periods import PeriodType
from gandan.evaluation.rules import LeaveReason, Level
from gandan.petitions.models import CaseKind
from gandan.petitions.services import CONSENT_TEXT

SCORE_DIGITS, SCORE_DECIMALS = 5, 2
LEVEL_CHOICES = [("", "—"), *Level.choices]


def _score_field(label, maximum, required=True):
    return VietnameseDecimalField(
        label=label,
        max_value=maximum,
        required=required,
        widget=forms.NumberInput(attrs={"step": "0.25", "inputmode": "decimal"}),
        max_digits=SCORE_DIGITS,
        decimal_places=SCORE_DECIMALS,
        min_value=0,
    )


class OpenCycleForm(forms.Form):
    period_type = forms.ChoiceField(label=_("Kỳ"), choices=PeriodType.choices)
    year = VietnameseIntegerField(
        label=_("Năm công tác (năm bắt đầu)"),
        min_value=2020,
        max_value=2100,
        grouping=False,
        help_text=_("Năm học 2026–2027 ghi 2026."),
    )
    number = VietnameseIntegerField(
        label=_("Số thứ tự kỳ"),
        min_value=1,
        max_value=12,
        initial=1,
        help_text=_("Quý I–IV ghi 1–4; tháng thứ mấy của năm công tác; kỳ năm ghi 1."),
    )


class SelfAssessmentForm(forms.Form):
    comment = forms.CharField(
        label=_("Báo cáo tự đánh giá kết quả công tác"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
    )

    def __init__(self, *args, cycle, **kwargs):
        super().__init__(*args, **kwargs)
        rule_set = cycle.rule_set
        if cycle.scores_entered:
            self.fields["general"] = _score_field(
                _("Tự chấm tiêu chí chung (tối đa %(n)s điểm)")
                % {"n": points_text(rule_set.general_max)},
                rule_set.general_max,
            )
            self.fields["task"] = _score_field(
                _("Tự chấm kết quả thực hiện nhiệm vụ (tối đa %(n)s điểm)")
                % {"n": points_text(rule_set.task_max)},
                rule_set.task_max,
            )
            self.fields["task_reason"] = forms.CharField(
                label=_("Lý do nếu khác điểm gợi ý"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=2000,
            )
        else:
            self.fields["level"] = forms.ChoiceField(
                label=_("Tự nhận mức xếp loại"), choices=LEVEL_CHOICES
            )
        self.order_fields(["general", "task", "task_reason", "level", "comment"])


class GroupOpinionForm(forms.Form):
    meeting_on = forms.DateField(
        label=_("Ngày họp"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    minutes = forms.CharField(
        label=_("Ý kiến tại cuộc họp (ghi như biên bản đã thông qua)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=8000,
    )
    level = forms.ChoiceField(
        label=_("Mức cuộc họp đề nghị"), choices=LEVEL_CHOICES, required=False
    )
    party_opinion = forms.CharField(
        label=_("Ý kiến của cấp ủy (với viên chức quản lý)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )

    def __init__(self, *args, cycle, evaluation, **kwargs):
        super().__init__(*args, **kwargs)
        if cycle.scores_entered:
            del self.fields["level"]
        if not evaluation.is_manager:
            del self.fields["party_opinion"]
        self.fields["meeting_on"].initial = timezone.localdate()


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do điều chỉnh (nếu khác đề nghị)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    months_worked = VietnameseDecimalField(
        label=_("Số tháng làm việc trong năm"),
        max_digits=3,
        decimal_places=1,
        min_value=0,
        max_value=12,
    )
    months_absent = VietnameseDecimalField(
        label=_("Số tháng nghỉ không tham gia công tác"),
        max_digits=3,
        decimal_places=1,
        min_value=0,
        max_value=12,
        required=False,
    )
    leave_reason = forms.ChoiceField(
        label=_("Lý do nghỉ"), choices=LeaveReason.choices, required=False
    )
    disqualification = forms.ChoiceField(
        label=_("Trường hợp không hoàn thành nhiệm vụ (Điều 12 khoản 4)"),
        choices=Disqualification.choices,
        required=False,
    )
    disqualification_note = forms.CharField(
        label=_("Căn cứ (số, ngày quyết định kỷ luật, kết luận)"), required=False, max_length=2000
    )
    decision_reference = forms.CharField(
        label=_("Số, ngày văn bản quyết định của cơ quan quản lý (nếu có)"),
        required=False,
        max_length=200,
    )
    note = forms.CharField(
        label=_("Nhận xét của cấp có thẩm quyền"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )

    def __init__(self, *args, cycle, evaluation, levels, **kwargs):
        super().__init__(*args, **kwargs)
        rule_set = cycle.rule_set
        if cycle.scores_entered:
            self.fields["general"] = _score_field(
                _("Điểm tiêu chí chung (tối đa %(n)s)") % {"n": points_text(rule_set.general_max)},
                rule_set.general_max,
            )
            self.fields["task"] = _score_field(
                _("Điểm kết quả thực hiện nhiệm vụ (tối đa %(n)s)")
                % {"n": points_text(rule_set.task_max)},
                rule_set.task_max,
            )
            for name in (
                "months_absent",
                "leave_reason",
                "disqualification",
                "disqualification_note",
            ):
                del self.fields[name]
            self.fields["months_worked"].required = False
        else:
            self.fields["level"] = forms.ChoiceField(
                label=_("Mức xếp loại"),
                choices=[(value, Level(value).label) for value in levels] or LEVEL_CHOICES,
                required=False,
            )
        if not evaluation.decided_above:
            del self.fields["decision_reference"]
        self.order_fields(["general", "task", "level", "reason"])


class UnitLevelForm(forms.Form):
    level = forms.ChoiceField(label=_("Mức xếp loại của đơn vị"), choices=Level.choices)
    reference = forms.CharField(
        label=_("Văn bản công nhận (số, ngày, cơ quan)"),
        max_length=200,
        help_text=_("NĐ 233/2026, Điều 8 k7: Chủ tịch UBND cấp xã công nhận với trường tiểu học."),
    )


class DateForm(forms.Form):
    day = forms.DateField(
        label=_("Ngày"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


class AppealForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại đơn"),
        choices=[
            (CaseKind.COMPLAINT, _("Khiếu nại (kết quả trái quy định, xâm phạm quyền lợi)")),
            (CaseKind.RECOMMENDATION, _("Kiến nghị xem xét lại kết quả")),
        ],
        initial=CaseKind.COMPLAINT,
    )
    text = forms.CharField(
        label=_("Nội dung không đồng ý và lý do"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=8000,
    )
    consent = forms.BooleanField(label=CONSENT_TEXT, required=False)
