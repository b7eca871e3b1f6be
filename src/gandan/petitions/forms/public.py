"""The public forms: sending a case from a phone, looking it up, rating and contesting it."""

import secrets
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gandan.core.forms import MultipleFileField
from gandan.core.salutation import Salutation
from gandan.petitions.models import CaseKind, Delivery, InformationForm
from gandan.petitions.services.intake import (
    COMPLAINT_IDENTITY_FIELDS,
    CONSENT_TEXT,
    MAX_CONTENT,
    MAX_TITLE,
    Sender,
    Submission,
    check_submission,
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
        "mà ông (bà) cho là sai và ảnh hưởng trực tiếp đến quyền lợi của mình hoặc của con. "
        "Khiếu nại cần ghi họ tên và địa chỉ của người khiếu nại."
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


# The button a refused unsigned complaint offers: send the same text as a phản ánh.
AS_FEEDBACK = "as_feedback"
AS_FEEDBACK_ANCHOR = "as-feedback"


class SubmissionFields(forms.Form):
    """What a case says and who sends it; shared by the public form and staff entry.

    A form sent with AS_FEEDBACK is read as a phản ánh when it says khiếu nại: the sender,
    told that a complaint needs a name and address (Luật Khiếu nại 2011, Điều 8), chose to send
    the text as feedback. Every problem the service would find is shown at once, at the top."""

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
    salutation = forms.ChoiceField(
        label=_("Nhà trường xưng hô trong thư trả lời"),
        choices=[("", _("Không chọn (thư ghi “Ông/Bà”)")), *Salutation.choices],
        widget=forms.RadioSelect,
        required=False,
    )
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

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get(AS_FEEDBACK) and data.get("kind") == CaseKind.COMPLAINT:
            data = data.copy()
            data["kind"] = CaseKind.FEEDBACK
        super().__init__(data, *args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # The service's own check on what parsed, so that an empty form lists every problem
        # the first time, not one more each time it is sent. Files are checked by the service.
        submission = Submission(
            kind=data.get("kind") or "",
            title=data.get("title") or "",
            content=data.get("content") or "",
            sender=self._sender(data),
            anonymous=bool(data.get("anonymous")),
            consent=bool(data.get("consent")),
            information_form=data.get("information_form") or "",
            delivery=data.get("delivery") or "",
            information_purpose=data.get("information_purpose") or "",
            denounced_person=data.get("denounced_person") or "",
        ).with_clean_sender()
        for field, messages in check_submission(submission).items():
            if field in self.fields and field not in self.errors:
                for message in messages:
                    self.add_error(field, message)
        return data

    @staticmethod
    def _sender(data: dict[str, Any]) -> Sender:
        return Sender(
            name=data.get("name") or "",
            phone=data.get("phone") or "",
            email=data.get("email") or "",
            address=data.get("address") or "",
            id_number=data.get("id_number") or "",
            salutation=data.get("salutation") or "",
        )

    @property
    def offers_feedback(self) -> bool:
        """A complaint refused for want of a name or address: offer to send it as feedback."""
        return (
            self.is_bound
            and self.data.get("kind") == CaseKind.COMPLAINT
            and any(field in self.errors for field in COMPLAINT_IDENTITY_FIELDS)
        )

    def error_links(self) -> list[tuple[str, str]]:
        """(anchor, message) of every error in the order of the page, for the summary on top;
        the anchor is the field's input ("" for an error of the whole form)."""
        links = [("", str(message)) for message in self.non_field_errors()]
        for bound in self:
            if bound.is_hidden:
                continue
            if isinstance(bound.field.widget, forms.RadioSelect):
                anchor = f"{bound.auto_id}_0"  # the first choice: what the label points at
            else:
                anchor = bound.id_for_label or bound.auto_id
            links += [(anchor, str(message)) for message in bound.errors]
        return links

    def submission(self, *, channel: str) -> Submission:
        """The cleaned fields as the services take them (call after `is_valid`)."""
        data = self.cleaned_data
        return Submission(
            kind=data["kind"],
            title=data["title"],
            content=data["content"],
            sender=self._sender(data),
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


class _SharedFields(dict):
    """A form's fields that its instances share: BaseForm deep-copies `base_fields` for each
    instance so that a page may change its own; a form that is never rendered or changed
    need not pay that copy (about a fifth of a millisecond here, on every public intake)."""

    def __deepcopy__(self, memo: dict) -> "_SharedFields":
        return self


class ApiSubmissionForm(PublicSubmissionForm):
    """The public form as the API runs it (api/petitions/public.py): the same fields, checks
    and messages, never rendered, its fields shared between requests (_SharedFields)."""


ApiSubmissionForm.base_fields = _SharedFields(ApiSubmissionForm.base_fields)


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
