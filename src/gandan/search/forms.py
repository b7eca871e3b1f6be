from django import forms
from django.utils.translation import gettext_lazy as _

QUERY_MAX = 200


class SearchForm(forms.Form):
    # forms.CharField refuses control characters in plain Vietnamese (core/text.py).
    q = forms.CharField(
        label=_("Từ cần tìm"),
        max_length=QUERY_MAX,
        required=False,
        strip=True,
        error_messages={"max_length": _("Từ cần tìm dài quá: tối đa %(limit_value)d ký tự.")},
    )
