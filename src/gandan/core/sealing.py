"""Sealing personal data at rest with the identity key: Fernet tokens (AES-128-CBC with
HMAC-SHA256, from `cryptography`). A stolen database or backup reveals nothing without the key.

Used for the denouncer's identity (petitions.secrecy, which explains the law) and for every
outgoing message's address and text (notify.models.OutboxMessage).

The key, loaded by `gandan.core.keys` (the one place for secrets kept outside the database):
  GANDAN_IDENTITY_KEY   one or more Fernet keys, comma-separated; the first seals, all unseal
                        (rotation: put the new key first, re-seal, then drop the old one);
  <data folder>/identity_key   otherwise; generated once only in local mode (demo, tests,
                        DEBUG): elsewhere a missing key stops the server at start-up.
Keep the key out of database backups: whoever holds both can read every identity.
"""

import functools

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.core.exceptions import ImproperlyConfigured

from gandan.core import keys

KEY_ENV = keys.IDENTITY_KEY.env
KEY_FILE = keys.IDENTITY_KEY.file


@functools.cache
def _fernet() -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys.identity_keys()])
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"{KEY_ENV}: each key must be 32 url-safe base64-encoded bytes (Fernet.generate_key())"
        ) from exc


def reset_key_cache() -> None:
    """Forget the loaded key (tests, key rotation)."""
    _fernet.cache_clear()


def seal(text: str) -> str:
    """The token of `text`; the empty string stays empty (nothing to hide)."""
    if not text:
        return ""
    return _fernet().encrypt(text.encode()).decode()


def unseal(token: str) -> str:
    """The text of a token; raises ImproperlyConfigured when the key cannot read it."""
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(f"{KEY_ENV}: the key cannot read a sealed value") from exc


def seal_bytes(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def unseal_bytes(token: bytes) -> bytes:
    try:
        return _fernet().decrypt(token)
    except InvalidToken as exc:
        raise ImproperlyConfigured(f"{KEY_ENV}: the key cannot read a sealed file") from exc
