"""Every secret kept outside the database, loaded in one place.

  SECRET_KEY (file secret_key): sessions, password-reset links, the keyed hashes of ballot
      receipts and survey respondents (salted_hmac);
  GANDAN_IDENTITY_KEY (file identity_key): denouncers' identities and identifying scans
      (Fernet; comma-separated for rotation: the first seals, all unseal);
  GANDAN_AUDIT_KEY (file audit_key): the audit log's HMAC chain and its signed checkpoints
      (ADR 3).

A key comes from its environment variable, else from its file. A missing key is generated (once,
mode 600) only in local mode: DEBUG=1, GANDAN_DEMO=1, GANDAN_LOCAL=1, the test runner, or
`gandan demo`. Anywhere else a missing key stops the process when the settings load, naming the
variable and the file: a server that silently made a new key would leave every identity sealed
under the old one unreadable and the audit chain unverifiable. `python -m gandan.core.keys`
makes the missing files on purpose, for a first installation.

Backups (`gandan backup`) never hold the keys; their manifest holds only fingerprints, which
`gandan restore` checks before it writes anything. Keep the keys apart from the backups: whoever
holds both can read every identity and rewrite the audit log.
"""

import base64
import binascii
import hashlib
import hmac
import os
import secrets
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from gandan.core.env import data_dir, env_bool

LOCAL_ENV = "GANDAN_LOCAL"


@dataclass(frozen=True)
class Key:
    name: str
    env: str
    file: str
    purpose: str  # Vietnamese: shown to the operator
    generate: Callable[[], str]


def _django_secret() -> str:
    from django.core.management.utils import get_random_secret_key

    return get_random_secret_key()


def _random_32_bytes() -> str:
    # The Fernet key format (32 url-safe base64-encoded bytes) serves both the identity key and
    # the audit key, so one recipe makes either.
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


SECRET_KEY = Key(
    name="SECRET_KEY",
    env="SECRET_KEY",
    file="secret_key",
    purpose="phiên đăng nhập, mã biên nhận phiếu bầu, mã băm người trả lời khảo sát",
    generate=_django_secret,
)
IDENTITY_KEY = Key(
    name="khóa bảo mật danh tính",
    env="GANDAN_IDENTITY_KEY",
    file="identity_key",
    purpose="danh tính người tố cáo và tệp đính kèm nhận diện (niêm phong)",
    generate=_random_32_bytes,
)
AUDIT_KEY = Key(
    name="khóa nhật ký",
    env="GANDAN_AUDIT_KEY",
    file="audit_key",
    purpose="chuỗi HMAC của nhật ký hệ thống và các điểm kiểm tra đã ký",
    generate=_random_32_bytes,
)
ALL_KEYS = (SECRET_KEY, IDENTITY_KEY, AUDIT_KEY)

_cache: dict[Path, str] = {}


class MissingKeys(ImproperlyConfigured):
    """One or more keys are neither in the environment nor in the data folder."""


def local_mode() -> bool:
    """True where a missing key may be generated: a developer's machine, the demo, the tests.

    GANDAN_LOCAL=0 forces the production behaviour even there; GANDAN_LOCAL=1 asks for local
    mode explicitly. `gandan demo` is local by definition (it sets GANDAN_DEMO=1 for its server
    only after the settings have loaded), and so are the test runner and the type checker
    (django-stubs loads the settings to read the models; it never serves).
    """
    if os.environ.get(LOCAL_ENV) is not None:
        return env_bool(LOCAL_ENV, False)
    if "pytest" in sys.modules:
        # The processes a test starts are local too; one that plays production says
        # GANDAN_LOCAL=0 (or leaves the variable out of its environment).
        os.environ[LOCAL_ENV] = "1"
        return True
    return (
        env_bool("DEBUG", False)
        or env_bool("GANDAN_DEMO", False)
        or "mypy" in sys.modules
        or sys.argv[1:2] == ["demo"]
    )


def _folder(folder: Path | None) -> Path:
    if folder is not None:
        return folder
    from django.conf import settings

    return Path(settings.DATA_DIR)


def key_path(key: Key, folder: Path | None = None) -> Path:
    return _folder(folder) / key.file


def find(key: Key, folder: Path | None = None) -> str | None:
    """The key's value from the environment or its file, never generating one."""
    from_env = os.environ.get(key.env, "").strip()
    if from_env:
        return from_env
    path = key_path(key, folder)
    if path in _cache:
        return _cache[path]
    if not path.exists():
        return None
    value = path.read_text(encoding="ascii").strip()
    if not value:
        return None
    _cache[path] = value
    return value


def create(key: Key, folder: Path | None = None) -> bool:
    """Write a new key file unless one exists; True when this call wrote it.

    Written under a temporary name and linked into place, so two processes starting at once
    (the demo's two workers) agree on one key and nobody reads a half-written file.
    """
    path = key_path(key, folder)
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{key.file}.{secrets.token_hex(8)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key.generate())
        handle.flush()
        os.fsync(handle.fileno())
    try:
        os.link(temporary, path)
    except FileExistsError:
        return False
    finally:
        temporary.unlink()
    return True


def load(key: Key, folder: Path | None = None) -> str:
    """The key's value; generated once in local mode, otherwise MissingKeys."""
    value = find(key, folder)
    if value is None and local_mode():
        create(key, folder)
        value = find(key, folder)
    if value is None:
        raise MissingKeys(missing_message([key], _folder(folder)))
    return value


def missing(folder: Path | None = None) -> list[Key]:
    return [key for key in ALL_KEYS if find(key, folder) is None]


def missing_message(keys: list[Key], folder: Path) -> str:
    lines = ["Gần Dân không khởi động: thiếu khóa bí mật (các khóa không nằm trong cơ sở dữ liệu)."]
    for key in keys:
        lines.append(
            f"  - {key.name} ({key.purpose}): đặt biến môi trường {key.env} "
            f"hoặc chép tệp {folder / key.file} (quyền 600)."
        )
    lines.append(
        "Khi khôi phục: dùng đúng các khóa đã giữ riêng lúc sao lưu. Cài đặt lần đầu: "
        "`python -m gandan.core.keys` tạo các tệp còn thiếu. Trên máy cá nhân: GANDAN_LOCAL=1."
    )
    return "\n".join(lines)


def require_all(folder: Path) -> None:
    """Outside local mode, stop (MissingKeys) unless every key is present; else do nothing."""
    if local_mode():
        return
    absent = missing(folder)
    if absent:
        raise MissingKeys(missing_message(absent, folder))


def reset_cache() -> None:
    """Forget the key files read (tests, a restore that placed new files)."""
    _cache.clear()


def secret_key(folder: Path) -> str:
    return load(SECRET_KEY, folder)


def identity_keys() -> list[str]:
    """The Fernet keys, first the one that seals."""
    raw = load(IDENTITY_KEY)
    return [part.strip() for part in raw.split(",") if part.strip()]


def audit_key() -> bytes:
    """The HMAC key of the audit chain: 32 bytes or more, url-safe base64."""
    raw = load(AUDIT_KEY)
    try:
        value = base64.urlsafe_b64decode(raw.encode())
    except (binascii.Error, ValueError) as exc:
        raise ImproperlyConfigured(
            f"{AUDIT_KEY.env}: khóa phải là 32 byte mã hóa base64 an toàn cho URL"
        ) from exc
    if len(value) < 32:
        raise ImproperlyConfigured(f"{AUDIT_KEY.env}: khóa phải dài ít nhất 32 byte")
    return value


def parts(key: Key, value: str) -> list[str]:
    """The separate keys inside one value (the identity key may list several)."""
    if key is IDENTITY_KEY:
        return [part.strip() for part in value.split(",") if part.strip()]
    return [value]


def fingerprint(value: str) -> str:
    """A short public name of a key: tells two keys apart, reveals nothing of either."""
    digest = hmac.new(value.encode(), b"gandan key fingerprint", hashlib.sha256).hexdigest()
    return digest[:16]


def fingerprints(key: Key, folder: Path | None = None) -> list[str]:
    value = find(key, folder)
    return [] if value is None else [fingerprint(part) for part in parts(key, value)]


def main() -> int:
    """`python -m gandan.core.keys`: write the missing key files of the data folder."""
    folder = data_dir()
    for key in ALL_KEYS:
        if os.environ.get(key.env, "").strip():
            print(f"{key.env}: đã có trong biến môi trường.")
        elif create(key, folder):
            print(f"{key.env}: đã tạo tệp {folder / key.file}.")
        else:
            print(f"{key.env}: đã có tệp {folder / key.file}, giữ nguyên.")
    print(
        "Hãy cất bản sao các khóa ở nơi riêng, không cùng bản sao lưu dữ liệu: "
        "mất khóa là mất danh tính đã niêm phong và không kiểm tra được nhật ký."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
