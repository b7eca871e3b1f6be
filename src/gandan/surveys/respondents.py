"""Who answered an identified survey, reduced to what "one answer per person" needs.

The phone number or e-mail address the respondent types is normalised and hashed with a key
derived from the server's secret and the survey's own salt; only the hash is stored (Luật Bảo
vệ dữ liệu cá nhân 91/2025/QH15: minimal data). The same person gets the same hash within one
survey, unrelated hashes across surveys, and a database alone cannot be searched by number.
"""

import hashlib
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

HASH_PURPOSE = "gandan.surveys.respondent"
_PHONE_NOISE = re.compile(r"[\s.\-()]")
_PHONE = re.compile(r"0\d{9,10}")


def normalise_identifier(raw: str) -> str:
    """'phone:0912345678' or 'email:ten@example.vn'; ValidationError when it is neither."""
    text = (raw or "").strip()
    if "@" in text:
        email = text.lower()
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ValidationError(_("Địa chỉ thư điện tử không hợp lệ.")) from exc
        return f"email:{email}"
    digits = _PHONE_NOISE.sub("", text)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if not _PHONE.fullmatch(digits):
        raise ValidationError(
            _("Cần số điện thoại (ví dụ 0912 345 678) hoặc địa chỉ thư điện tử hợp lệ.")
        )
    return f"phone:{digits}"


def account_identifier(user) -> str:
    """Staff surveys identify the signed-in account instead of a typed number."""
    return f"user:{user.pk}"


def respondent_hash(survey, identifier: str) -> str:
    """The keyed hash stored on the response (64 hex characters)."""
    return salted_hmac(HASH_PURPOSE, f"{survey.salt}|{identifier}", algorithm="sha256").hexdigest()


def consent_version(text: str) -> str:
    """A short fingerprint of the consent text the respondent agreed to."""
    return hashlib.sha256(text.strip().encode()).hexdigest()[:16]
