"""An e-mail whose Vietnamese subject arrives with every space in place.

Python's e-mail package folds a long non-ASCII subject into several encoded words and may
leave the space between two words as the fold itself ("chính quyền" / "và"): RFC 2047, 6.2
says the white space between two encoded words is ignored, so every reader shows
"quyềnvà". Seen with Django's file and SMTP backends on the plan's report titles (CPython's
folding; the same family as python/cpython#144156).

`VietnameseEmail` writes the subject itself: its UTF-8 bytes cut at character boundaries into
base64 encoded words of 64 characters, one per folded line, so every space is inside a
word and the text decodes exactly. An ASCII subject is left to the e-mail package.
"""

import base64
import email.policy
from email.message import EmailMessage as MIMEMessage
from typing import Any

from django.core.mail import EmailMessage

# 39 bytes → 52 base64 letters → a 64-letter encoded word: with "Subject: " in front the
# first line stays within the policies' 78, so they keep the lines as written (a longer line
# would be refolded, and the space lost again).
CHUNK_BYTES = 39


def encoded_words(text: str) -> list[str]:
    """The text as base64 encoded words, each whole characters of at most CHUNK_BYTES bytes."""
    words, chunk = [], b""
    for character in text:
        data = character.encode()
        if len(chunk) + len(data) > CHUNK_BYTES:
            words.append(chunk)
            chunk = b""
        chunk += data
    if chunk:
        words.append(chunk)
    return [f"=?utf-8?b?{base64.b64encode(word).decode('ascii')}?=" for word in words]


class VietnameseEmail(EmailMessage):
    def message(self, *, policy: Any = email.policy.default) -> MIMEMessage:
        message = super().message(policy=policy)
        subject = str(self.subject)
        if not subject.isascii():
            del message["Subject"]
            # Stored raw: each line is short, so the policy writes it as it is (no refolding).
            message.set_raw("Subject", (policy.linesep + " ").join(encoded_words(subject)))
        return message
