from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "gandan.petitions"
    verbose_name = _("Tiếp công dân, đơn thư")
