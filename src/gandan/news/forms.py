"""The news forms: the post editor (with its image upload), withdrawal, delegation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gandan.news.models import BODY_MAX, SUMMARY_MAX, TITLE_MAX, PostImage, PostKind
from gandan.orgs.models import User


class PostForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại tin"), choices=PostKind.choices)
    title = forms.CharField(
        label=_("Tiêu đề"), max_length=TITLE_MAX, required=False, widget=forms.TextInput()
    )
    summary = forms.CharField(
        label=_("Tóm tắt"),
        max_length=SUMMARY_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Một hai câu, hiện trong danh sách tin và khi chia sẻ lên mạng xã hội. Để trống: "
            "lấy đoạn đầu của nội dung."
        ),
    )
    body = forms.CharField(
        label=_("Nội dung"),
        max_length=BODY_MAX,
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "true"}),
    )
    cover = forms.ModelChoiceField(
        label=_("Ảnh đại diện"),
        queryset=PostImage.objects.none(),
        required=False,
        empty_label=_("(không có)"),
    )
    image = forms.FileField(
        label=_("Tải ảnh lên (JPG, PNG, tối đa 5 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    alt = forms.CharField(
        label=_("Mô tả ảnh"),
        max_length=200,
        required=False,
        help_text=_("Một câu tả ảnh, cho người đọc không nhìn được ảnh; hiện làm chú thích."),
    )

    def __init__(self, *args, images=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if images is None:
            for name in ("cover", "image", "alt"):
                del self.fields[name]
        else:
            self.fields["cover"].queryset = images  # type: ignore[attr-defined]

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Hãy nhập tiêu đề của bài."))
        return title


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do gỡ xuống"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DelegationForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Cán bộ, giáo viên, nhân viên"), queryset=User.objects.none()
    )

    def __init__(self, *args, candidates=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if candidates is not None:
            self.fields["user"].queryset = candidates  # type: ignore[attr-defined]
        self.fields["user"].label_from_instance = lambda user: user.full_name  # type: ignore[attr-defined]
