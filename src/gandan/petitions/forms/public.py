"""The public forms: sending a case from a phone, looking it up, rating and contesting it."""

import secrets

from django import forms
from django.utils.translation import gettext_lazy as _

from gandan.core.forms import MultipleFileField
from gandan.petitions.models import CaseKind, Delivery, InformationForm
from gandan.petitions.services.intake import (
    CONSENT_TEXT,
    MAX_CONTENT,
    MAX_TITLE,
    Sender,
    Submission,
)

# The kinds in plain words, to help a parent choose (Luật Tiếp công dân 2013, Điều 2;
# Luật Khiếu nại 2011, Điều 2; Luật Tố cáo 2018, Điều 2; Luật Tiếp cận thông tin 2016).
KIND_HELP = {
    CaseKind.FEEDBACK: _(
        "Báo cho nhà trường biết một việc chưa ổn để nhà trường xem xét, ví dụ: lớp học dột, "
        "cổng trường ùn tắc, bữa ăn bán trú chưa bảo đảm."
    ),
    CaseKind.RECOMMENDATION: _(
        "Đề xuất một cách làm tốt hơn, ví dụ: mở thêm lớp bán trú, đổi giờ đón trẻ."
    ),
    CaseKind.COMPLAINT: _(
        "Đề nghị xem xét lại một quyết định hoặc việc làm của nhà trường, của cán bộ, giáo viên "
        "mà ông (bà) cho là sai và ảnh hưởng trực tiếp đến quyền lợi của mình hoặc của con."
    ),
    CaseKind.DENUNCIATION: _(
        "Báo cho hiệu trưởng biết hành vi vi phạm pháp luật của cán bộ, giáo viên, nhân viên. "
        "Họ tên và địa chỉ của người tố cáo được giữ bí mật. Tố cáo không ghi tên chỉ được coi là "
        "thông tin để nhà trường kiểm tra."
    ),
    CaseKind.INFORMATION_REQUEST: _(
        "Đề nghị nhà trường cung cấp thông tin, tài liệu, ví dụ: kế hoạch năm học, các khoản "
        "thu. Cần ghi họ tên, nơi cư trú và số CCCD."
    ),
}
KIND_ORDER = [
    CaseKind.FEEDBACK,
    CaseKind.RECOMMENDATION,
    CaseKind.COMPLAINT,
    CaseKind.DENUNCIATION,
    CaseKind.INFORMATION_REQUEST,
]


class SubmissionFields(forms.Form):
    """What a case says and who sends it; shared by the public form and staff entry."""

    kind = forms.ChoiceField(
        label=_("Loại đơn"),
        choices=[(kind.value, kind.label) for kind in KIND_ORDER],
        widget=forms.RadioSelect,
        error_messages={"required": _("Hãy chọn loại đơn.")},
    )
    title = forms.CharField(
        label=_("Tóm tắt (một câu)"),
        max_length=MAX_TITLE,
        required=False,
        help_text=_("Ví dụ: Mái tôn lớp 2A bị dột khi mưa. Với tố cáo, đừng ghi tên mình ở đây."),
    )
    content = forms.CharField(
        label=_("Nội dung"),
        max_length=MAX_CONTENT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Sự việc ở đâu, khi nào, ai liên quan, ông (bà) đề nghị gì."),
    )
    denounced_person = forms.CharField(
        label=_("Người hoặc cơ quan bị tố cáo, bị khiếu nại"),
        max_length=255,
        required=False,
        help_text=_("Bắt buộc với tố cáo: họ tên, chức vụ hoặc đơn vị."),
    )
    attachments = MultipleFileField(
        label=_("Tệp đính kèm (ảnh, PDF, Word, Excel; tối đa 5 tệp, mỗi tệp 10 MB)"),
        required=False,
    )
    anonymous = forms.BooleanField(
        label=_("Gửi không ghi danh (nhà trường sẽ không thể trả lời riêng cho ông, bà)"),
        required=False,
    )
    name = forms.CharField(label=_("Họ và tên"), max_length=150, required=False)
    phone = forms.CharField(
        label=_("Điện thoại"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.CharField(
        label=_("Thư điện tử"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    address = forms.CharField(label=_("Địa chỉ, nơi cư trú"), max_length=255, required=False)
    id_number = forms.CharField(
        label=_("Số CCCD hoặc hộ chiếu"),
        max_length=20,
        required=False,
        help_text=_("Cần cho yêu cầu cung cấp thông tin; với tố cáo, số này được giữ bí mật."),
    )
    information_form = forms.ChoiceField(
        label=_("Hình thức nhận thông tin"),
        choices=[("", "—"), *InformationForm.choices],
        required=False,
    )
    delivery = forms.ChoiceField(
        label=_("Cách nhận thông tin"), choices=[("", "—"), *Delivery.choices], required=False
    )
    information_purpose = forms.CharField(
        label=_("Lý do, mục đích yêu cầu thông tin"), max_length=500, required=False
    )
    consent = forms.BooleanField(label=CONSENT_TEXT, required=False)

    def submission(self, *, channel: str) -> Submission:
        """The cleaned fields as the services take them (call after `is_valid`)."""
        data = self.cleaned_data
        return Submission(
            kind=data["kind"],
            title=data["title"],
            content=data["content"],
            sender=Sender(
                name=data["name"],
                phone=data["phone"],
                email=data["email"],
                address=data["address"],
                id_number=data["id_number"],
            ),
            channel=channel,
            anonymous=data["anonymous"],
            consent=data["consent"],
            attachments=data["attachments"],
            information_form=data["information_form"],
            delivery=data["delivery"],
            information_purpose=data["information_purpose"],
            denounced_person=data["denounced_person"],
        )

    @staticmethod
    def new_token() -> str:
        """A random token put in the form when it is rendered: a resubmission carries it."""
        return secrets.token_urlsafe(24)


class PublicSubmissionForm(SubmissionFields):
    """The public form. `token` makes a resubmission idempotent; `website` is a honeypot that
    people never see (hidden wrapper) and scripts fill in."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    website = forms.CharField(label=_("Trang web (để trống)"), required=False)


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Mã tra cứu"),
        max_length=20,
        help_text=_("Mã in trên giấy biên nhận, ví dụ GD-7K3MQ-9XPAB."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"}),
    )


class RateForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Mức độ hài lòng"),
        coerce=int,
        choices=[
            (5, _("5 – Rất hài lòng")),
            (4, _("4 – Hài lòng")),
            (3, _("3 – Bình thường")),
            (2, _("2 – Chưa hài lòng")),
            (1, _("1 – Rất không hài lòng")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Hãy chọn mức độ hài lòng.")},
    )
    comment = forms.CharField(
        label=_("Ý kiến thêm (không bắt buộc)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ContestForm(forms.Form):
    reason = forms.CharField(
        label=_("Vì sao ông (bà) chưa đồng ý với kết quả?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Hãy ghi lý do chưa đồng ý.")},
    )
