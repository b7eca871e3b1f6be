from django import forms
from django.utils.translation import gettext_lazy as _

from gandan.notify.models import STAFF_TOPICS, EmailChoice
from gandan.notify.services import email_choices_of


class PreferencesForm(forms.Form):
    """One choice per topic: at once, in the daily digest (the default), or never by e-mail."""

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        current = email_choices_of(user)
        for topic in STAFF_TOPICS:
            self.fields[topic.value] = forms.ChoiceField(
                label=topic.label,
                choices=EmailChoice.choices,
                initial=current[topic.value],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Hãy chọn một cách nhận thư."),
                    "invalid_choice": _("Lựa chọn không hợp lệ."),
                },
            )

    def choices(self) -> dict[str, str]:
        return {topic.value: self.cleaned_data[topic.value] for topic in STAFF_TOPICS}
