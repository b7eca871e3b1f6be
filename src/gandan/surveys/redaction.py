"""Free-text answers lose phone numbers and e-mail addresses before anyone reads them.

Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15: process only the data the purpose needs. A parent
who writes a phone number into an anonymous survey would make it identifiable; the survey
does not need the number, so it is removed when the answer is stored and again when shown.
The patterns err on the side of removing: a long number that looks like a phone goes too.
The markers are in the active language: Vietnamese when an answer is stored, since
`services.submit_response` runs under `@in_vietnamese` (ADR 1, addendum).
"""

import re

from django.utils.translation import gettext as _

_SEP = r"[\s.\-]?"
# Vietnamese numbers: 0 or +84 / 84 / (+84), then 9 digits (mobile 0xx xxx xxxx) or 10
# (landline 02xx xxxx xxxx), grouped by spaces, dots or dashes.
PHONE = re.compile(
    rf"(?<![\d+])(?:\(\s*\+?84\s*\)|\+?84|0){_SEP}\(?\d\)?(?:{_SEP}\d){{7,9}}(?!\d)",
)
EMAIL = re.compile(
    r"[\w.+\-]+\s*(?:@|\(at\)|\[at\])\s*[\w\-]+(?:\s*(?:\.|\(dot\)|\[dot\])\s*[\w\-]+)+",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """The text with e-mail addresses and Vietnamese phone numbers replaced by a marker."""
    text = EMAIL.sub(_("[đã ẩn thư điện tử]"), text)
    return PHONE.sub(_("[đã ẩn số điện thoại]"), text)
