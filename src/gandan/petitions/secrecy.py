"""Sealing personal data at rest: the denouncer's identity, ID numbers, identifying scans.

Luật Tố cáo 2018, Điều 47 k2 and Điều 56 give the denouncer the right to secrecy of name,
address, handwriting and other identifying data; Luật Tiếp công dân 2013, Điều 25 k1 asks the
same of the citizen's identity at reception. Sealed values are Fernet tokens (AES-128-CBC with
HMAC-SHA256, from `cryptography`): a stolen database or backup reveals nothing without the key.

The sealing itself (the key, rotation) is `gandan.core.sealing`, shared with the outbox.
"""

from gandan.core.sealing import (
    KEY_ENV,
    KEY_FILE,
    reset_key_cache,
    seal,
    seal_bytes,
    unseal,
    unseal_bytes,
)

__all__ = ["KEY_ENV", "KEY_FILE", "reset_key_cache", "seal", "seal_bytes", "unseal", "unseal_bytes"]
