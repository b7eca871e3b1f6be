from django.apps import AppConfig

from gandan.core.text import install_form_check

# Every forms.CharField refuses control characters and lone surrogates (core/text.py). Done
# when this module is imported (the first phase of apps.populate, before any app's models or
# ready()), not in ready(): django.contrib.admin's ready() comes first in INSTALLED_APPS and
# its autodiscover imports admin modules that declare form fields.
install_form_check()


class CoreConfig(AppConfig):
    name = "gandan.core"
    verbose_name = "Nền tảng"
