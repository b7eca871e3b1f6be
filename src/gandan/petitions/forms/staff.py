"""Staff forms: entry on the citizen's behalf, the actions on a case, reception."""

from typing import cast

from django import forms
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gandan.orgs.models import Membership, Organisation, OrgKind, User
from gandan.petitions.forms.public import KIND_ORDER, SubmissionFields
from gandan.petitions.models import CaseKind, Channel, MinutesKind, Procedure
from gandan.petitions.services.resolution import Complexity

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _text(label, *, rows: int = 3, required: bool = True, max_length: int = 5000):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def school_staff(school: Organisation):
    """People holding a current staff role in the school or one of its internal units.

    Not the parents' board: its members are parents, not staff (orgs.access gives them no
    standing in the school), so they never resolve, verify or host a reception.
    """
    ids = (
        Membership.objects.current()
        .filter(organisation__path__startswith=school.path, user__is_active=True)
        .exclude(organisation__kind=OrgKind.PARENTS_BOARD)
        .values_list("user_id", flat=True)
    )
    return User.objects.filter(pk__in=ids).order_by("sort_key")


def _full_name(person: Model) -> str:
    return person.full_name if isinstance(person, User) else str(person)


class PersonChoiceField(forms.ModelChoiceField):
    """A person of the school, shown by full name."""

    def label_from_instance(self, obj: Model) -> str:
        return _full_name(obj)


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    """People of the school, shown by full name."""

    def label_from_instance(self, obj: Model) -> str:
        return _full_name(obj)


class WalkInForm(SubmissionFields):
    """A case entered by staff for a citizen who came, phoned or wrote."""

    channel = forms.ChoiceField(
        label=_("Kênh tiếp nhận"),
        choices=[c for c in Channel.choices if c[0] != Channel.WEB],
        initial=Channel.WALK_IN,
    )
    received_on = forms.DateField(label=_("Ngày tiếp nhận"), widget=DATE)
    register = forms.BooleanField(
        label=_("Ghi vào sổ tiếp công dân (công dân đến trực tiếp)"), required=False, initial=True
    )
    people_count = forms.IntegerField(
        label=_("Số người cùng nội dung"), min_value=1, max_value=500, initial=1
    )
    # Makes a resubmission (double click, retry) return the case already entered.
    token = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)
    # The order of the page: the error summary on top lists them in this order.
    field_order = ["kind", "channel", "received_on", "people_count", "register"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["token"].initial = self.new_token()
        self.fields["consent"].label = _(
            "Công dân đã đồng ý cho nhà trường xử lý thông tin cá nhân để giải quyết vụ việc này"
        )
        self.fields["received_on"].initial = timezone.localdate()
        self.fields["kind"].widget = forms.Select(
            choices=[(kind.value, kind.label) for kind in KIND_ORDER]
        )

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Ngày tiếp nhận không được ở tương lai."))
        return day


class ClassifyForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại đơn"), choices=CaseKind.choices)
    procedure = forms.ChoiceField(label=_("Thủ tục"), choices=Procedure.choices)
    is_remote = forms.BooleanField(label=_("Vùng sâu, vùng xa đi lại khó khăn"), required=False)


class SplitForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại của nội dung tách ra"), choices=CaseKind.choices)
    title = forms.CharField(label=_("Tóm tắt"), max_length=200)
    content = _text(_("Nội dung tách ra"))


class ReasonForm(forms.Form):
    reason = _text(_("Lý do"), rows=2)


class TransferForm(forms.Form):
    to_body = forms.CharField(label=_("Cơ quan có thẩm quyền"), max_length=255)
    reason = _text(_("Vì sao không thuộc thẩm quyền của trường"), rows=2)


class AssignForm(forms.Form):
    handler = PersonChoiceField(label=_("Người giải quyết"), queryset=User.objects.none())
    verifiers = PeopleChoiceField(
        label=_("Người xác minh"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, school: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        staff = school_staff(school)
        cast(PersonChoiceField, self.fields["handler"]).queryset = staff
        cast(PeopleChoiceField, self.fields["verifiers"]).queryset = staff


class RedactForm(forms.Form):
    content = _text(_("Nội dung tố cáo, đã che tên, địa chỉ, bút tích người tố cáo"), rows=6)


class MinutesForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại biên bản"), choices=MinutesKind.choices)
    held_on = forms.DateField(label=_("Ngày"), widget=DATE)
    place = forms.CharField(label=_("Địa điểm"), max_length=255, required=False)
    participants = _text(_("Thành phần tham dự"), rows=2)
    content = _text(_("Nội dung"), rows=4)
    result = _text(_("Kết quả, ý kiến các bên"), rows=3, required=False)


class ExtendForm(forms.Form):
    step = forms.ChoiceField(label=_("Bước cần gia hạn"))
    complexity = forms.ChoiceField(
        label=_("Mức độ phức tạp"),
        required=False,
        choices=[
            (Complexity.NONE, _("Giữ nguyên")),
            (Complexity.COMPLEX, _("Vụ việc phức tạp")),
            (Complexity.VERY_COMPLEX, _("Vụ việc đặc biệt phức tạp")),
        ],
    )
    days = forms.IntegerField(
        label=_("Số ngày gia hạn (để trống: tối đa theo quy định)"),
        min_value=1,
        max_value=90,
        required=False,
    )
    reason = _text(_("Lý do gia hạn"), rows=2)

    def __init__(self, *args, steps=(), **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["step"]).choices = [
            (row.step, row.step_label) for row in steps
        ]


class ResolveForm(forms.Form):
    outcome = _text(
        _("Kết luận, căn cứ giải quyết (nội bộ; ghi vào quyết định, kết luận)"), required=False
    )
    public_answer = _text(_("Trả lời người gửi (hiện trên trang tra cứu)"), rows=4)
    # Luật Khiếu nại 2011, Điều 29 k1, 30 k1: deciding without them needs its recorded reason.
    no_verification_reason = _text(
        _("Lý do không xác minh riêng (khi chưa có biên bản xác minh)"), rows=2, required=False
    )
    no_dialogue_reason = _text(
        _("Lý do không đối thoại (khiếu nại lần đầu, khi chưa có biên bản đối thoại)"),
        rows=2,
        required=False,
    )


class PublishForm(forms.Form):
    how = forms.CharField(
        label=_("Hình thức công khai"),
        max_length=255,
        help_text=_("Ví dụ: niêm yết tại trụ sở 15 ngày; đăng trang thông tin điện tử."),
    )


class WithdrawForm(forms.Form):
    note = forms.CharField(label=_("Đơn rút của người gửi (ngày, hình thức)"), max_length=500)


class ApologyForm(forms.Form):
    new_date = forms.DateField(label=_("Ngày hẹn trả kết quả mới"), widget=DATE)
    reason = _text(_("Lý do chậm trễ"), rows=2)


class SessionForm(forms.Form):
    host = PersonChoiceField(label=_("Người tiếp"), queryset=User.objects.none())
    date = forms.DateField(label=_("Ngày tiếp"), widget=DATE)
    start_time = forms.TimeField(label=_("Từ giờ"), widget=TIME)
    end_time = forms.TimeField(label=_("Đến giờ"), widget=TIME)
    place = forms.CharField(label=_("Địa điểm"), max_length=255)
    participants = forms.CharField(label=_("Thành phần cùng tiếp"), max_length=500, required=False)
    expected_content = forms.CharField(label=_("Nội dung dự kiến"), max_length=500, required=False)

    def __init__(self, *args, school: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        cast(PersonChoiceField, self.fields["host"]).queryset = school_staff(school)


class PostponeForm(forms.Form):
    new_date = forms.DateField(label=_("Ngày tiếp mới"), widget=DATE)
    reason = forms.CharField(label=_("Lý do hoãn"), max_length=500)


class EntryForm(forms.Form):
    received_on = forms.DateField(label=_("Ngày tiếp"), widget=DATE)
    name = forms.CharField(label=_("Họ tên công dân"), max_length=150)
    address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)
    id_number = forms.CharField(label=_("Số CCCD/hộ chiếu"), max_length=20, required=False)
    content_summary = _text(_("Tóm tắt nội dung vụ việc"), rows=3)
    kind = forms.ChoiceField(
        label=_("Phân loại"),
        choices=[("", _("Khác (chỉ hỏi, hướng dẫn)")), *CaseKind.choices],
        required=False,
    )
    people_count = forms.IntegerField(label=_("Số người"), min_value=1, max_value=500, initial=1)
    previously_resolved_by = forms.CharField(
        label=_("Cơ quan đã giải quyết"), max_length=255, required=False
    )
    within_competence = forms.BooleanField(
        label=_("Thuộc thẩm quyền của trường"), required=False, initial=True
    )
    guidance = forms.CharField(
        label=_("Hướng dẫn đến cơ quan có thẩm quyền (số văn bản)"), max_length=500, required=False
    )
    handled_by = forms.CharField(label=_("Cơ quan, đơn vị thụ lý"), max_length=255, required=False)
    follow_up = forms.CharField(label=_("Theo dõi kết quả"), max_length=500, required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_on"].initial = timezone.localdate()
