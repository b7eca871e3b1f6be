"""Forms parse and shape input only; the rules live in services and rules.py."""

from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gandan.democracy.models import (
    BallotMethod,
    BallotPurpose,
    Channel,
    ConferenceKind,
    ConsultationAudience,
    ConsultationSubject,
    Decision,
    DisclosureObligation,
    ElectorateKind,
    Motion,
    ProgrammePeriod,
    RequestReason,
    RulePreset,
    Secrecy,
    ThresholdBase,
)
from gandan.orgs.models import INTERNAL_KINDS, Organisation, User

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ObligationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: DisclosureObligation) -> str:
        return f"{obj.get_audience_display()} — {obj.title}"


def next_annual_year(obligations, today) -> int:
    """The year whose yearly disclosures are the next to fall due: this year until its fixed
    day (30 June, Thông tư 09/2024 Điều 15 k1) has passed, then the next. Defaulting to the
    calendar year made every yearly item entered from July on overdue the moment it was saved."""
    days = [
        due
        for obligation in obligations
        if (due := obligation.annual_due_date(today.year)) is not None
    ]
    if days and today > max(days):
        return today.year + 1
    return today.year


class DisclosureForm(forms.Form):
    obligation = ObligationChoiceField(
        label=_("Nội dung phải công khai"), queryset=DisclosureObligation.objects.none()
    )
    title = forms.CharField(label=_("Tiêu đề"), max_length=300)
    body = forms.CharField(
        label=_("Nội dung (hoặc tóm tắt)"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    decision_reference = forms.CharField(
        label=_("Số, ký hiệu văn bản gốc"), max_length=100, required=False
    )
    decision_date = forms.DateField(
        label=_("Ngày ban hành quyết định, văn bản (hoặc ngày thông tin thay đổi)"),
        widget=DATE,
        required=False,
        help_text=_("Hạn công khai được tính từ ngày này theo lịch làm việc chính thức."),
    )
    year = forms.IntegerField(
        label=_("Năm công khai (nội dung công khai hằng năm)"),
        min_value=2000,
        max_value=2100,
        required=False,
    )
    is_update = forms.BooleanField(
        label=_("Đây là cập nhật thông tin đã thay đổi (hạn 10 ngày làm việc)"), required=False
    )
    document = forms.FileField(label=_("Tệp văn bản (PDF, Word, ảnh)"), required=False)
    # Shown only once the view has warned that the due date is already past.
    late_confirmed = forms.BooleanField(
        label=_("Tôi đã kiểm tra: ghi nhận muộn, sau hạn công khai"), required=False
    )

    def __init__(self, *args, on=None, **kwargs):
        super().__init__(*args, **kwargs)
        today = on or timezone.localdate()
        obligations = DisclosureObligation.objects.in_force(today)
        cast(forms.ModelChoiceField, self.fields["obligation"]).queryset = obligations
        if not self.is_bound:
            self.fields["year"].initial = next_annual_year(obligations, today)


class PublishForm(forms.Form):
    published_on = forms.DateField(label=_("Ngày công khai"), widget=DATE)
    channels = forms.MultipleChoiceField(
        label=_("Hình thức công khai"),
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    proof_url = forms.URLField(label=_("Đường dẫn trên cổng thông tin"), required=False)
    proof_photo = forms.FileField(label=_("Ảnh chụp bảng tin (JPG, PNG, PDF)"), required=False)
    body = forms.CharField(
        label=_("Nội dung công khai"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("Nội dung được ghi nhận chưa có văn bản: nhập nội dung hoặc đính kèm tệp."),
    )
    document = forms.FileField(label=_("Tệp văn bản (PDF, Word, ảnh)"), required=False)

    def __init__(self, *args, needs_content: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not needs_content:
            del self.fields["body"]
            del self.fields["document"]


class TakeDownForm(forms.Form):
    taken_down_on = forms.DateField(label=_("Ngày gỡ xuống"), widget=DATE)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class InformationRequestForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Trường hợp"), choices=RequestReason.choices, widget=forms.RadioSelect
    )
    obligation = ObligationChoiceField(
        label=_("Thuộc nội dung phải công khai (nếu biết)"),
        queryset=DisclosureObligation.objects.none(),
        required=False,
    )
    text = forms.CharField(
        label=_("Thông tin cần được cung cấp"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(
            forms.ModelChoiceField, self.fields["obligation"]
        ).queryset = DisclosureObligation.objects.in_force(timezone.localdate()).filter(
            audience="staff"
        )


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Trả lời"), widget=forms.Textarea(attrs={"rows": 4}))
    declined = forms.BooleanField(
        label=_("Từ chối cung cấp (ghi rõ lý do, ví dụ bí mật nhà nước)"), required=False
    )


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.full_name


class BallotForm(forms.Form):
    title = forms.CharField(label=_("Nội dung biểu quyết"), max_length=300)
    description = forms.CharField(
        label=_("Thuyết minh"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    purpose = forms.ChoiceField(label=_("Mục đích"), choices=BallotPurpose.choices)
    method = forms.ChoiceField(label=_("Cách biểu quyết"), choices=BallotMethod.choices)
    secrecy = forms.ChoiceField(
        label=_("Hình thức"), choices=Secrecy.choices, initial=Secrecy.SECRET
    )
    electorate_kind = forms.ChoiceField(label=_("Người biểu quyết"), choices=ElectorateKind.choices)
    electorate_unit = forms.ModelChoiceField(
        label=_("Tổ chức, ban (khi chọn thành viên một tổ chức)"),
        queryset=Organisation.objects.none(),
        required=False,
    )
    listed = PersonChoiceField(
        label=_("Người được triệu tập (khi chọn theo danh sách)"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_written = forms.BooleanField(
        label=_("Lấy phiếu bằng văn bản vì không tổ chức được hội nghị (Điều 50)"), required=False
    )
    rule = forms.ChoiceField(label=_("Điều kiện thông qua"), choices=RulePreset.choices)
    options = forms.CharField(
        label=_("Phương án hoặc ứng cử viên (mỗi dòng một)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    candidates = PersonChoiceField(
        label=_("Ứng cử viên là cán bộ của trường"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    seats = forms.IntegerField(
        label=_("Số người được chọn tối đa (bầu chọn)"), min_value=1, max_value=99, required=False
    )
    closes_at = forms.DateTimeField(
        label=_("Dự kiến kết thúc"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        required=False,
    )
    quorum_num = forms.IntegerField(
        label=_("Có mặt tối thiểu: tử số"), min_value=0, initial=2, required=False
    )
    quorum_den = forms.IntegerField(
        label=_("Có mặt tối thiểu: mẫu số"), min_value=1, initial=3, required=False
    )
    threshold_num = forms.IntegerField(
        label=_("Tỷ lệ thông qua: tử số"), min_value=0, initial=1, required=False
    )
    threshold_den = forms.IntegerField(
        label=_("Tỷ lệ thông qua: mẫu số"), min_value=1, initial=2, required=False
    )
    threshold_strict = forms.BooleanField(
        label=_("Phải vượt quá tỷ lệ (bằng tỷ lệ thì không thông qua)"),
        initial=True,
        required=False,
    )
    threshold_base = forms.ChoiceField(
        label=_("Tỷ lệ tính trên"), choices=ThresholdBase.choices, required=False
    )

    def __init__(self, *args, school: Organisation, staff, **kwargs):
        super().__init__(*args, **kwargs)
        cast(
            forms.ModelChoiceField, self.fields["electorate_unit"]
        ).queryset = Organisation.objects.filter(
            parent=school, kind__in=INTERNAL_KINDS, is_active=True
        )
        cast(forms.ModelChoiceField, self.fields["listed"]).queryset = staff
        cast(forms.ModelChoiceField, self.fields["candidates"]).queryset = staff

    def option_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("options", "").splitlines()]


class MotionVoteForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Ý kiến của tôi"), choices=Motion.choices, widget=forms.RadioSelect
    )

    def choices(self) -> list[str]:
        return [self.cleaned_data["choice"]]

    def needs_blank_confirmation(self) -> bool:
        # "Không biểu quyết" is a choice of its own; a motion paper is never blank.
        return False


class OptionsVoteForm(forms.Form):
    picked = forms.MultipleChoiceField(
        label=_("Lựa chọn của tôi"), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, ballot, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["picked"]).choices = [
            (str(o.pk), o.label) for o in ballot.options.all()
        ]
        if ballot.method == BallotMethod.ELECTION:
            self.fields["picked"].help_text = _(
                "Chọn tối đa %(n)d người. Không chọn ai là phiếu trắng."
            ) % {"n": ballot.seats}

    # Set only by the second step of a blank vote: the voter saw that nothing was chosen and
    # said so (views/ballots.py).
    blank_confirmed = forms.BooleanField(
        label=_("Xác nhận phiếu trắng"), required=False, widget=forms.HiddenInput
    )

    def choices(self) -> list[str]:
        return list(self.cleaned_data["picked"])

    def needs_blank_confirmation(self) -> bool:
        """Nothing chosen and not yet confirmed as a blank vote: a slip of the thumb on a phone
        looks exactly like a blank paper, so it is asked about before it goes in the box."""
        return not self.cleaned_data["picked"] and not self.cleaned_data["blank_confirmed"]


class CloseBallotForm(forms.Form):
    attendance = forms.IntegerField(
        label=_("Số người có mặt tại hội nghị (để trống nếu chỉ bỏ phiếu trên hệ thống)"),
        min_value=0,
        required=False,
    )


class ReceiptForm(forms.Form):
    code = forms.CharField(label=_("Mã biên nhận phiếu"), max_length=32)


# Consultations.


class ConsultationForm(forms.Form):
    title = forms.CharField(
        label=_("Tên dự thảo"),
        max_length=300,
        help_text=_("Ví dụ: Quy chế chi tiêu nội bộ năm 2027."),
    )
    subject = forms.ChoiceField(
        label=_("Nội dung lấy ý kiến (Điều 53)"), choices=ConsultationSubject.choices
    )
    audience = forms.ChoiceField(label=_("Lấy ý kiến của"), choices=ConsultationAudience.choices)
    deadline = forms.DateField(label=_("Hạn góp ý (hết ngày)"), widget=DATE)
    allow_anonymous = forms.BooleanField(
        label=_("Cho phép góp ý ẩn tên với đồng nghiệp (hiệu trưởng vẫn thấy tên)"),
        required=False,
    )
    description = forms.CharField(
        label=_("Mục đích, cách thức lấy ý kiến"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    draft_text = forms.CharField(
        label=_("Nội dung dự thảo"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Mỗi dòng là một đoạn; người góp ý chọn từng đoạn để góp ý."),
    )


class RevisionForm(forms.Form):
    note = forms.CharField(
        label=_("Tóm tắt nội dung chỉnh sửa"), widget=forms.Textarea(attrs={"rows": 2})
    )
    draft_text = forms.CharField(
        label=_("Nội dung dự thảo mới"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Mỗi dòng là một đoạn."),
    )


class CommentForm(forms.Form):
    paragraph = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(label=_("Ý kiến của bạn"), widget=forms.Textarea(attrs={"rows": 3}))
    anonymous = forms.BooleanField(
        label=_("Ẩn tên với đồng nghiệp (hiệu trưởng vẫn thấy tên người góp ý)"), required=False
    )


class CommentAnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Tiếp thu"), choices=Decision.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Lý do, nội dung giải trình"), widget=forms.Textarea(attrs={"rows": 2})
    )


# The staff conference.


class NamedPersonField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.full_name


class ConveneForm(forms.Form):
    field_order = ["kind", "matters"]
    kind = forms.ChoiceField(label=_("Loại hội nghị"), choices=ConferenceKind.choices)
    work_year_label = forms.CharField(
        label=_("Năm công tác"), max_length=64, initial=_("năm học 2025–2026")
    )
    work_year_ends = forms.DateField(
        label=_("Ngày kết thúc năm công tác"),
        widget=DATE,
        required=False,
        help_text=_(
            "Hội nghị thường niên họp chậm nhất 3 tháng sau ngày này (Điều 51 khoản 1); hệ thống "
            "tính hạn theo lịch làm việc."
        ),
    )
    held_on = forms.DateField(label=_("Ngày họp"), widget=DATE)
    starts_at = forms.TimeField(
        label=_("Giờ bắt đầu"), widget=forms.TimeInput(attrs={"type": "time"}), required=False
    )
    place = forms.CharField(label=_("Địa điểm"), max_length=255)
    union_chair = NamedPersonField(
        label=_("Chủ tịch Công đoàn (phối hợp tổ chức)"), queryset=User.objects.none()
    )
    secretary = NamedPersonField(
        label=_("Thư ký hội nghị"), queryset=User.objects.none(), required=False
    )
    matters = forms.CharField(
        label=_("Nội dung hội nghị bất thường (mỗi dòng một)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_(
            "Chỉ ghi cho hội nghị bất thường: chương trình gồm đúng các nội dung được đề nghị "
            "đưa ra hội nghị (Điều 51 khoản 1), rồi thông qua nghị quyết. Hội nghị thường niên "
            "có chương trình theo Điều 51 khoản 4, được lập sẵn."
        ),
    )

    def matter_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["matters"].splitlines() if line.strip()]

    def __init__(self, *args, staff, union_officers, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["union_chair"]).queryset = union_officers
        cast(forms.ModelChoiceField, self.fields["secretary"]).queryset = staff


class AgendaNotesForm(forms.Form):
    presenter = forms.CharField(label=_("Người trình bày"), max_length=255, required=False)
    notes = forms.CharField(
        label=_("Diễn biến, kết luận"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class AgendaDocumentForm(forms.Form):
    file = forms.FileField(label=_("Tài liệu (PDF, Word, ảnh)"))


class ConferenceVoteForm(forms.Form):
    title = forms.CharField(label=_("Nội dung biểu quyết"), max_length=300)
    purpose = forms.ChoiceField(label=_("Mục đích"), choices=BallotPurpose.choices)
    method = forms.ChoiceField(label=_("Cách biểu quyết"), choices=BallotMethod.choices)
    secrecy = forms.ChoiceField(label=_("Hình thức"), choices=Secrecy.choices, initial=Secrecy.OPEN)
    options = forms.CharField(
        label=_("Phương án (mỗi dòng một)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    candidates = PersonChoiceField(
        label=_("Ứng cử viên"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    seats = forms.IntegerField(
        label=_("Số người được bầu"), min_value=1, max_value=99, required=False
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["candidates"]).queryset = staff

    def option_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("options", "").splitlines()]


class ResolutionPointsForm(forms.Form):
    points = forms.CharField(
        label=_("Nhiệm vụ, chỉ tiêu của nghị quyết (mỗi dòng một nội dung)"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["points"].splitlines() if line.strip()]


class ResolutionCheckForm(forms.Form):
    done_on = forms.DateField(label=_("Ngày kiểm tra"), widget=DATE)
    findings = forms.CharField(
        label=_("Kết quả kiểm tra, đánh giá"), widget=forms.Textarea(attrs={"rows": 4})
    )


# The inspection board.


class ProgrammeForm(forms.Form):
    period = forms.ChoiceField(label=_("Kỳ"), choices=ProgrammePeriod.choices)
    label = forms.CharField(label=_("Tên kỳ"), max_length=64, help_text=_("Ví dụ: Quý I năm 2027."))
    starts_on = forms.DateField(label=_("Từ ngày"), widget=DATE)
    ends_on = forms.DateField(label=_("Đến ngày"), widget=DATE)
    content = forms.CharField(
        label=_("Nội dung chương trình"), widget=forms.Textarea(attrs={"rows": 4})
    )


class InspectionForm(forms.Form):
    subject = forms.CharField(label=_("Nội dung kiểm tra, giám sát"), max_length=300)
    target = forms.CharField(label=_("Đối tượng, bộ phận được kiểm tra"), max_length=255)
    requested_by = forms.CharField(
        label=_("Theo đề nghị của (nếu có)"), max_length=255, required=False
    )
    notified_on = forms.DateField(label=_("Ngày thông báo"), widget=DATE)
    starts_on = forms.DateField(
        label=_("Ngày bắt đầu kiểm tra"),
        widget=DATE,
        help_text=_("Thông báo trước ít nhất 05 ngày làm việc (Nghị định 59/2023, Điều 22)."),
    )


class ConclusionForm(forms.Form):
    findings = forms.CharField(
        label=_("Kết quả kiểm tra"), widget=forms.Textarea(attrs={"rows": 5})
    )
    recommendations = forms.CharField(
        label=_("Kiến nghị với thủ trưởng (mỗi dòng một kiến nghị)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def lines(self) -> list[str]:
        text = self.cleaned_data.get("recommendations", "")
        return [line.strip() for line in text.splitlines() if line.strip()]


class RecommendationAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Trả lời của thủ trưởng"), widget=forms.Textarea(attrs={"rows": 3})
    )


class FollowUpForm(forms.Form):
    implemented = forms.TypedChoiceField(
        label=_("Kết quả"),
        choices=[("1", _("Đã thực hiện")), ("0", _("Chưa thực hiện, tiếp tục theo dõi"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Kết quả theo dõi của Ban"), widget=forms.Textarea(attrs={"rows": 2})
    )
