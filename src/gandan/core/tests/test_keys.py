"""Secrets kept outside the database (issue 11, point 5): generated once in local mode, never
silently elsewhere; outside local mode a missing one stops the server, naming the variable and
the file. The production-like cases run the settings in a child process with a clean env."""

import base64
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from gandan.core import keys

STRIPPED = (
    "SECRET_KEY",
    "GANDAN_IDENTITY_KEY",
    "GANDAN_AUDIT_KEY",
    "DEBUG",
    "GANDAN_DEMO",
    "GANDAN_LOCAL",
)
IMPORT_SETTINGS = "import gandan.settings as s; print(s.SECRET_KEY)"


def child(data: Path, code: str = IMPORT_SETTINGS, **env: str) -> subprocess.CompletedProcess[str]:
    """Python in a production-like environment: no key, no DEBUG, no demo, not the tests."""
    clean = {name: value for name, value in os.environ.items() if name not in STRIPPED}
    clean.update(GANDAN_DATA_DIR=str(data), DJANGO_SETTINGS_MODULE="gandan.settings", **env)
    return subprocess.run(
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, timeout=120
    )


def all_keys() -> dict[str, str]:
    return {
        "SECRET_KEY": "k" * 60,
        "GANDAN_IDENTITY_KEY": Fernet.generate_key().decode(),
        "GANDAN_AUDIT_KEY": base64.urlsafe_b64encode(os.urandom(32)).decode(),
    }


def test_outside_local_mode_missing_keys_stop_the_settings_naming_variable_and_file(tmp_path):
    # when
    result = child(tmp_path)
    # then
    assert result.returncode != 0
    assert "MissingKeys" in result.stderr and "Gần Dân không khởi động" in result.stderr
    for key in keys.ALL_KEYS:
        assert f"biến môi trường {key.env}" in result.stderr
        assert str(tmp_path / key.file) in result.stderr
    # and nothing was made up
    assert sorted(path.name for path in tmp_path.iterdir()) == []


@pytest.mark.parametrize("absent", [keys.SECRET_KEY, keys.IDENTITY_KEY, keys.AUDIT_KEY])
def test_each_key_alone_is_required(tmp_path, absent):
    # given: every key but one
    env = {name: value for name, value in all_keys().items() if name != absent.env}
    # when
    result = child(tmp_path, **env)
    # then: the message names only the missing one
    assert result.returncode != 0
    assert absent.env in result.stderr
    for other in set(keys.ALL_KEYS) - {absent}:
        assert f"biến môi trường {other.env}" not in result.stderr
    assert not (tmp_path / absent.file).exists()


def test_the_server_does_not_start_without_its_keys(tmp_path):
    # given: a free port, and a production-like environment without keys
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # when
    result = child(
        tmp_path,
        f"import sys; sys.argv = ['gandan', 'serve', '--port', '{port}'];"
        " from gandan.__main__ import main; main()",
    )
    # then: the message alone, no traceback burying it
    assert result.returncode == 2
    assert "GANDAN_IDENTITY_KEY" in result.stderr and "SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_keys_from_the_environment_suffice_and_write_nothing(tmp_path):
    # when
    env = all_keys()
    result = child(tmp_path, **env)
    # then
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == env["SECRET_KEY"]
    assert not any((tmp_path / key.file).exists() for key in keys.ALL_KEYS)


def test_keys_from_the_data_folder_suffice(tmp_path):
    # given: the files an operator placed
    for key in keys.ALL_KEYS:
        (tmp_path / key.file).write_text(key.generate())
    # when
    result = child(tmp_path)
    # then
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (tmp_path / "secret_key").read_text()


@pytest.mark.parametrize("switch", [{"GANDAN_DEMO": "1"}, {"DEBUG": "1"}, {"GANDAN_LOCAL": "1"}])
def test_local_mode_generates_each_key_once_on_first_use(tmp_path, switch):
    # given
    code = (
        "import django; django.setup(); from django.conf import settings;"
        " from gandan.core import keys; from gandan.petitions import secrecy;"
        " print(settings.SECRET_KEY); print(keys.audit_key().hex());"
        " print(secrecy.unseal(secrecy.seal('bí mật')))"
    )
    # when: run twice
    first = child(tmp_path, code, **switch)
    second = child(tmp_path, code, **switch)
    # then: generated once, mode 600, the same keys the second time
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert first.stdout.splitlines()[2] == "bí mật"
    for key in keys.ALL_KEYS:
        path = tmp_path / key.file
        assert path.exists() and path.stat().st_mode & 0o777 == 0o600


def test_a_settings_import_in_local_mode_makes_only_the_secret_key(tmp_path):
    # when: settings load; nothing sealed or audited yet
    result = child(tmp_path, GANDAN_LOCAL="1")
    # then: the identity and audit keys wait for their first use
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "secret_key").exists()
    assert not (tmp_path / "identity_key").exists() and not (tmp_path / "audit_key").exists()


def test_gandan_local_0_forces_production_behaviour(tmp_path):
    result = child(tmp_path, GANDAN_LOCAL="0", DEBUG="1")
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_local_mode_switches(monkeypatch):
    # the test runner is local; GANDAN_LOCAL decides over everything
    for name in STRIPPED:
        monkeypatch.delenv(name, raising=False)
    assert keys.local_mode()
    monkeypatch.setenv("GANDAN_LOCAL", "0")
    monkeypatch.setenv("DEBUG", "1")
    assert not keys.local_mode()
    monkeypatch.setenv("GANDAN_LOCAL", "peut-être")
    with pytest.raises(ImproperlyConfigured):
        keys.local_mode()


def test_the_key_command_makes_the_missing_files_and_keeps_the_others(tmp_path):
    # given: an operator's own secret key file
    (tmp_path / "secret_key").write_text("của-người-vận-hành")
    # when
    result = child(tmp_path, "from gandan.core.keys import main; main()")
    # then
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "secret_key").read_text() == "của-người-vận-hành"
    assert Fernet((tmp_path / "identity_key").read_text().encode())
    assert len(base64.urlsafe_b64decode((tmp_path / "audit_key").read_text())) == 32
    assert (tmp_path / "audit_key").stat().st_mode & 0o777 == 0o600
    assert "Hãy cất bản sao các khóa ở nơi riêng" in result.stdout


def test_a_short_audit_key_is_refused(monkeypatch):
    monkeypatch.setenv(keys.AUDIT_KEY.env, base64.urlsafe_b64encode(b"short").decode())
    with pytest.raises(ImproperlyConfigured, match=keys.AUDIT_KEY.env):
        keys.audit_key()


def test_fingerprints_tell_keys_apart_and_reveal_nothing(monkeypatch):
    first, second = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv(keys.IDENTITY_KEY.env, f"{first},{second}")
    found = keys.fingerprints(keys.IDENTITY_KEY)
    assert found == [keys.fingerprint(first), keys.fingerprint(second)]
    assert len(set(found)) == 2 and all(first not in item and len(item) == 16 for item in found)


def test_a_second_creator_keeps_the_first_key(tmp_path):
    # when: two creators in turn (the demo's two workers starting together)
    created = [keys.create(keys.AUDIT_KEY, tmp_path), keys.create(keys.AUDIT_KEY, tmp_path)]
    # then: one wrote it, no temporary file is left
    assert created == [True, False]
    assert [path.name for path in tmp_path.iterdir()] == ["audit_key"]
