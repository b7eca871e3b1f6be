"""Forms parse and shape input only; the rules live in services."""

import datetime as dt
import secrets

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gandan.surveys.models import Audience, Mode, Question, QuestionKind
from gandan.surveys.services import AnswerValue, field_name

# The same scale, in the same words, as the rating of a resolved case: both feed one index.
LIKERT_CHOICES = [
    (5, _("5 – Rất hài lòng")),
    (4, _("4 – Hài lòng")),
    (3, _("3 – Bình thường")),
    (2, _("2 – Chưa hài lòng")),
    (1, _("1 – Rất không hài lòng")),
]

# Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15: what is collected, why, by whom, what is kept,
# and the respondent's rights, in plain words, agreed to separately from anything else.
DEFAULT_CONSENT = _(
    "Nhà trường đề nghị ông (bà) cho biết số điện thoại hoặc địa chỉ thư điện tử chỉ để bảo "
    "đảm mỗi người trả lời một lần. Hệ thống không lưu số điện thoại hay địa chỉ đó, chỉ lưu "
    "một mã băm một chiều không dùng để liên lạc được. Câu trả lời chỉ dùng để tổng hợp mức độ "
    "hài lòng; Ban giám hiệu và Ban thanh tra nhân dân đọc kết quả. Ông (bà) có quyền rút lại "
    "sự đồng ý và đề nghị xóa câu trả lời bằng cách liên hệ nhà trường (Luật Bảo vệ dữ liệu "
    "cá nhân số 91/2025/QH15)."
)


def _start_of(day: dt.date | None) -> dt.datetime | None:
    if day is None:
        return None
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Tên khảo sát"), max_length=255)
    intro = forms.CharField(
        label=_("Lời giới thiệu (hiện đầu phiếu)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    audience = forms.ChoiceField(label=_("Đối tượng"), choices=Audience.choices)
    mode = forms.ChoiceField(
        label=_("Cách trả lời"), choices=Mode.choices, widget=forms.RadioSelect
    )
    consent_text = forms.CharField(
        label=_("Nội dung đồng ý xử lý dữ liệu cá nhân (khảo sát có định danh)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Người trả lời đọc và tự đánh dấu đồng ý; không dùng cho khảo sát ẩn danh."),
    )
    opens_on = forms.DateField(
        label=_("Bắt đầu từ ngày (để trống: từ khi mở)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    closes_on = forms.DateField(
        label=_("Nhận trả lời đến hết ngày (để trống: đến khi kết thúc)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    @classmethod
    def initial_for(cls, survey=None) -> dict:
        if survey is None:
            return {
                "audience": Audience.PARENTS,
                "mode": Mode.ANONYMOUS,
                "consent_text": DEFAULT_CONSENT,
            }
        closes_on = None
        if survey.closes_at:
            closes_on = timezone.localtime(survey.closes_at).date() - dt.timedelta(days=1)
        return {
            "title": survey.title,
            "intro": survey.intro,
            "audience": survey.audience,
            "mode": survey.mode,
            "consent_text": survey.consent_text or DEFAULT_CONSENT,
            "opens_on": timezone.localtime(survey.opens_at).date() if survey.opens_at else None,
            "closes_on": closes_on,
        }

    def service_arguments(self) -> dict:
        """Keyword arguments of create_survey / update_survey; "until the end of" a day is the
        start of the next."""
        data = self.cleaned_data
        closes_on = data["closes_on"]
        return {
            "title": data["title"],
            "intro": data["intro"],
            "audience": data["audience"],
            "mode": data["mode"],
            "consent_text": data["consent_text"] if data["mode"] == Mode.IDENTIFIED else "",
            "opens_at": _start_of(data["opens_on"]),
            "closes_at": _start_of(closes_on + dt.timedelta(days=1)) if closes_on else None,
        }


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại câu hỏi"), choices=QuestionKind.choices)
    text = forms.CharField(label=_("Câu hỏi"), max_length=500)
    options = forms.CharField(
        label=_("Các phương án (mỗi dòng một phương án; chỉ cho câu hỏi lựa chọn)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    required = forms.BooleanField(label=_("Bắt buộc trả lời"), required=False, initial=True)

    def option_list(self) -> list[str]:
        return [line for line in self.cleaned_data["options"].splitlines() if line.strip()]


class ResponseForm(forms.Form):
    """The answer sheet, one field per question (q<pk>). Fields are optional here: which
    questions must be answered is the service's rule, and its errors come back per field."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)
    identifier = forms.CharField(
        label=_("Số điện thoại hoặc thư điện tử"),
        max_length=254,
        required=False,
        help_text=_("Chỉ để bảo đảm mỗi người trả lời một lần; không được lưu lại."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "text"}),
    )
    consent = forms.BooleanField(
        label=_("Tôi đã đọc và đồng ý với nội dung xử lý dữ liệu cá nhân nêu trên."),
        required=False,
    )

    def __init__(
        self, *args, questions: list[Question], identified: bool, ask_identifier: bool, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.questions = questions
        if not identified:
            del self.fields["consent"]
        if not (identified and ask_identifier):
            del self.fields["identifier"]
        for question in questions:
            self.fields[field_name(question)] = self._field(question)

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(24)

    @staticmethod
    def _field(question: Question) -> forms.Field:
        label = question.text
        invalid = {"invalid_choice": _("Hãy chọn trong các phương án đã cho.")}
        if question.kind == QuestionKind.LIKERT:
            return forms.TypedChoiceField(
                label=label,
                choices=LIKERT_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                error_messages=invalid,
            )
        choices = list(enumerate(question.options))
        if question.kind == QuestionKind.SINGLE:
            return forms.TypedChoiceField(
                label=label,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                error_messages=invalid,
            )
        if question.kind == QuestionKind.MULTIPLE:
            return forms.TypedMultipleChoiceField(
                label=label,
                choices=choices,
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages=invalid,
            )
        return forms.CharField(
            label=label, required=False, widget=forms.Textarea(attrs={"rows": 4})
        )

    def answers(self) -> dict[int, AnswerValue]:
        return {q.pk: self.cleaned_data.get(field_name(q)) for q in self.questions}

    def question_fields(self):
        """(question, bound field) in the survey's order, for the template."""
        return [(q, self[field_name(q)]) for q in self.questions]


class EraseForm(forms.Form):
    identifier = forms.CharField(
        label=_("Số điện thoại hoặc thư điện tử người đề nghị đã dùng khi trả lời"),
        max_length=254,
    )
