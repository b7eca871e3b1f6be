"""How an official letter addresses a person: "Kính gửi: Bà Lê Thị Hoa", and "bà Lê Thị Hoa"
inside a sentence. The form of address is the person's choice, recorded where we meet them (a
citizen at intake, a member of staff on their account); when nothing was chosen a letter says
the neutral "Ông/Bà", never "Ông (bà)" of a form left unfilled. "Anh/Chị" only where chosen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Salutation(models.TextChoices):
    ONG = "ong", _("Ông")
    BA = "ba", _("Bà")
    ANH_CHI = "anh_chi", _("Anh/Chị")


NEUTRAL_SALUTATION = _("Ông/Bà")


def form_of_address(value: str, *, capitalised: bool = True) -> str:
    """'Bà' (a letter's first word, a list of recipients) or 'bà' (inside a sentence)."""
    word = str(Salutation(value).label if value else NEUTRAL_SALUTATION)
    return word if capitalised else word.lower()


def addressed_as(value: str, name: str, *, capitalised: bool = True) -> str:
    """'Bà Lê Thị Hoa' after "Kính gửi:", 'bà Lê Thị Hoa' inside a sentence."""
    return f"{form_of_address(value, capitalised=capitalised)} {name}".strip()
