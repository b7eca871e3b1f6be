"""The sealed envelope of a paper while its ballot is open, and the keyed receipt hashes.

Both are keyed by SECRET_KEY, which lives outside the database (the environment or a file in
the data folder, never in a backup of the database): a reader of the database, its WAL or a
backup can neither open an envelope nor find a paper from a receipt code. SECRET_KEY_FALLBACKS
are tried too, so rotating the key while a ballot is open loses no vote and no receipt.

An envelope is AES-256-GCM (from `cryptography`) with a random nonce, over a plaintext padded
to one length per ballot: its bytes say nothing of the choice, not even through its size. Not
Fernet: a Fernet token carries its creation time in clear, which would date each vote.
"""

import hashlib
import json
import os
from collections.abc import Sequence
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.utils.crypto import salted_hmac

# Changing a salt breaks every receipt and envelope made under it (migration 0006 repeats the
# paper salt: migrations do not import app code).
PAPER_RECEIPT_SALT = "gandan.democracy.ballot-paper.receipt"
ENVELOPE_RECEIPT_SALT = "gandan.democracy.sealed-paper.receipt"
ENVELOPE_KEY_SALT = "gandan.democracy.sealed-paper.key"
NONCE_BYTES = 12


class EnvelopeUnreadable(Exception):
    """No key in SECRET_KEY or SECRET_KEY_FALLBACKS opens this envelope."""


def _secrets() -> list[str | bytes]:
    return [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]


def _receipt_digest(public_id: UUID, code: str) -> str:
    # The unkeyed digest, never stored: papers written before receipts were keyed held exactly
    # this, which let migration 0006 key them without knowing the codes.
    normalised = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(f"{public_id}:{normalised}".encode()).hexdigest()


def _keyed(salt: str, public_id: UUID, code: str) -> list[str]:
    digest = _receipt_digest(public_id, code)
    return [
        salted_hmac(salt, digest, secret=secret, algorithm="sha256").hexdigest()
        for secret in _secrets()
    ]


def paper_receipt_hashes(public_id: UUID, code: str) -> list[str]:
    """The hash a counted paper stores for this code: under the current key first, then under
    each fallback key (a paper sealed before the key was rotated)."""
    return _keyed(PAPER_RECEIPT_SALT, public_id, code)


def envelope_receipt_tags(public_id: UUID, code: str) -> list[str]:
    """The tag a sealed envelope stores for this code (a different key than the paper's hash,
    so that an envelope and the paper it becomes share no value)."""
    return _keyed(ENVELOPE_RECEIPT_SALT, public_id, code)


def _cipher(public_id: UUID, secret: str | bytes) -> AESGCM:
    key = salted_hmac(ENVELOPE_KEY_SALT, str(public_id), secret=secret, algorithm="sha256")
    return AESGCM(key.digest())


def _plaintext(choices: Sequence, receipt_hash: str) -> bytes:
    return json.dumps({"c": list(choices), "h": receipt_hash}, separators=(",", ":")).encode()


def seal(*, public_id: UUID, choices: Sequence, receipt_hash: str, widest: Sequence) -> bytes:
    """The envelope of one paper. `widest` is the longest paper the ballot allows (every
    option, or the longest motion answer): every envelope of the ballot is padded to it."""
    width = len(_plaintext(widest, receipt_hash))
    plain = _plaintext(choices, receipt_hash)
    if len(plain) > width:
        raise ValueError("a paper longer than the widest paper of its ballot")
    nonce = os.urandom(NONCE_BYTES)
    padded = plain + b" " * (width - len(plain))
    return nonce + _cipher(public_id, _secrets()[0]).encrypt(nonce, padded, str(public_id).encode())


def unseal(*, public_id: UUID, envelope: bytes | memoryview) -> tuple[list, str]:
    """(choices, receipt hash) of an envelope of this ballot."""
    envelope = bytes(envelope)
    nonce, body = envelope[:NONCE_BYTES], envelope[NONCE_BYTES:]
    for secret in _secrets():
        try:
            plain = _cipher(public_id, secret).decrypt(nonce, body, str(public_id).encode())
        except InvalidTag:
            continue
        paper = json.loads(plain)
        return list(paper["c"]), str(paper["h"])
    raise EnvelopeUnreadable(str(public_id))
