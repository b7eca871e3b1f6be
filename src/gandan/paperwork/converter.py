"""A LibreOffice kept running for PDFs: one unoserver per data folder, shared by every process.

A cold `soffice --convert-to` spends about a second starting LibreOffice before it converts;
a running one converts the three-page plan in a few hundred milliseconds. The server is
unoserver (XML-RPC in front of LibreOffice), run by the system Python that has LibreOffice's
`uno` module (Debian python3-uno), with a private profile in `<data>/pdf-server/profile`.

- Started by `gandan pdf_server` (beside the worker and the web server: it checks the server's
  health and restarts it), or on demand by the first conversion of a process: that start runs
  in the background and the conversions meanwhile go cold, so no request waits for it. A server
  started on demand is stopped when its process exits (atexit), so test sessions leave none.
- Found through `<data>/pdf-server/server.json` (pid and port); one start at a time under an
  flock of `<data>/pdf-server/lock`, so web workers, the worker and tests never start two.
- Conversions are serialised by the server (one XML-RPC request at a time); each has a client
  timeout, and unoserver stops LibreOffice if one overruns CONVERSION_TIMEOUT_SECONDS.
- `convert` answers None whenever the server is not ready or fails: the caller
  (`rendering.render_pdf`) then converts cold. Failures are logged.
"""

import atexit
import contextlib
import fcntl
import http.client
import importlib.util
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import xmlrpc.client
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

logger = logging.getLogger(__name__)

CONVERSION_TIMEOUT_SECONDS = 60  # unoserver stops LibreOffice (and exits) past this
START_TIMEOUT_SECONDS = 60  # a server not answering this long after its start is broken
RESTART_BACKOFF_SECONDS = 30  # a server that died this soon after starting is not respawned
STOP_TIMEOUT_SECONDS = 10
PDF_FILTER = "writer_pdf_Export"

_children: dict[int, subprocess.Popen[bytes]] = {}  # servers this process started
_spawn_lock = threading.Lock()


@dataclass(frozen=True)
class ServerState:
    pid: int  # the unoserver process, leader of its own process group (LibreOffice inside)
    port: int  # its XML-RPC port on 127.0.0.1
    started_at: float  # time.time() of the start

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def folder() -> Path:
    path = Path(settings.DATA_DIR) / "pdf-server"
    path.mkdir(parents=True, exist_ok=True)
    return path


def auto_start() -> bool:
    """GANDAN_PDF_SERVER=off: never start a server on demand (conversions go cold unless
    `gandan pdf_server` runs)."""
    return os.environ.get("GANDAN_PDF_SERVER", "auto").strip().lower() not in {"off", "0", "no"}


def uno_python() -> str | None:
    """A Python that can import LibreOffice's `uno`: GANDAN_UNO_PYTHON, LibreOffice's own
    bundled one, or the system's (Debian: python3-uno)."""
    configured = os.environ.get("GANDAN_UNO_PYTHON")
    candidates = (
        [configured] if configured else ["/usr/lib/libreoffice/program/python", "/usr/bin/python3"]
    )
    return next((path for path in candidates if path and shutil.which(path)), None)


def _unoserver_path() -> str:
    """The folder holding the unoserver package (the project's venv), for the server's
    PYTHONPATH: the system Python runs the venv's pure-Python unoserver."""
    spec = importlib.util.find_spec("unoserver")
    if spec is None or spec.origin is None:
        raise RuntimeError("unoserver is not installed")
    return str(Path(spec.origin).resolve().parent.parent)


# The state file and the process.


def _state_file() -> Path:
    return folder() / "server.json"


def read_state() -> ServerState | None:
    try:
        return ServerState(**json.loads(_state_file().read_text()))
    except (OSError, ValueError, TypeError):
        return None


def _write_state(state: ServerState) -> None:
    temporary = _state_file().with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(state)))
    temporary.replace(_state_file())


def _forget(state: ServerState) -> None:
    if read_state() == state:
        _state_file().unlink(missing_ok=True)


def is_alive(pid: int) -> bool:
    child = _children.get(pid)
    if child is not None:
        return child.poll() is None
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    with contextlib.suppress(OSError):  # a zombie (dead, not yet reaped) is not alive
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    return True


@contextlib.contextmanager
def _folder_lock() -> Iterator[None]:
    with _spawn_lock, open(folder() / "lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _spawn(binary: str) -> ServerState | None:
    python = uno_python()
    if python is None:
        logger.warning("PDF server: no Python with LibreOffice's uno module; converting cold")
        return None
    profile = folder() / "profile"
    # A LibreOffice killed hard leaves its lock; no server runs now (we hold the folder lock).
    (profile / ".lock").unlink(missing_ok=True)
    port, uno_port = _free_port(), _free_port()
    command = [
        python,
        "-m",
        "unoserver.server",
        "--interface=127.0.0.1",
        "--uno-interface=127.0.0.1",
        f"--port={port}",
        f"--uno-port={uno_port}",
        f"--user-installation={profile}",
        f"--conversion-timeout={CONVERSION_TIMEOUT_SECONDS}",
        f"--executable={binary}",
        "--quiet",
    ]
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    environment["PYTHONPATH"] = _unoserver_path()
    with open(folder() / "server.log", "wb") as log:  # the last start only
        # A session of its own: stopping the group stops LibreOffice too.
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            cwd=folder(),
            env=environment,
            start_new_session=True,
        )
    _children[process.pid] = process
    logger.info("PDF server starting: pid %s, port %s", process.pid, port)
    return ServerState(pid=process.pid, port=port, started_at=time.time())


def start(binary: str, *, wait: bool = False, owned: bool = True) -> ServerState | None:
    """The running server of this data folder, started if none runs.

    `wait`: return only once it answers (None if it never does). `owned`: stop it when this
    process exits (the on-demand start); `gandan pdf_server` stops its own server itself.
    """
    with _folder_lock():
        state = read_state()
        if state is None or not is_alive(state.pid):
            if state is not None:
                _kill_group(state.pid)
            state = _spawn(binary)
            if state is None:
                return None
            _write_state(state)
            if owned:
                atexit.register(stop_started)
    if wait and not wait_ready(state):
        return None
    return state


def wait_ready(state: ServerState, timeout: float = START_TIMEOUT_SECONDS) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and is_alive(state.pid):
        if answers(state, timeout=2):
            return True
        time.sleep(0.2)
    return False


def answers(state: ServerState, *, timeout: float) -> bool:
    """The health check: the XML-RPC server lists its methods within `timeout` seconds."""
    try:
        methods = _proxy(state, timeout).system.listMethods()
    except (OSError, xmlrpc.client.Error):
        return False
    return isinstance(methods, list) and "convert" in methods


def _group_alive(pid: int) -> bool:
    try:
        os.killpg(pid, 0)
    except OSError:
        return False
    return True


def _kill_group(pid: int) -> None:
    """Stop unoserver and its LibreOffice (one process group): SIGTERM, then SIGKILL."""
    for signum in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(OSError):
            os.killpg(pid, signum)
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        while time.monotonic() < deadline and (is_alive(pid) or _group_alive(pid)):
            time.sleep(0.05)
        if not _group_alive(pid):
            break
    child = _children.pop(pid, None)
    if child is not None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=STOP_TIMEOUT_SECONDS)


def stop(state: ServerState) -> None:
    _kill_group(state.pid)
    _forget(state)


def stop_started() -> None:
    """Stop the servers this process started (atexit; the tests' session end)."""
    for pid in list(_children):
        state = read_state()
        _kill_group(pid)
        if state is not None and state.pid == pid:
            _forget(state)


# Conversions.


class _Transport(xmlrpc.client.Transport):
    def __init__(self, timeout: float) -> None:
        super().__init__()
        self._timeout = timeout

    def make_connection(self, host: Any) -> http.client.HTTPConnection:
        connection = super().make_connection(host)
        connection.timeout = self._timeout
        return connection


def _proxy(state: ServerState, timeout: float) -> xmlrpc.client.ServerProxy:
    return xmlrpc.client.ServerProxy(state.url, transport=_Transport(timeout), allow_none=True)


def ready_server(binary: str) -> ServerState | None:
    """The server if one runs for this data folder; otherwise start one in the background
    (unless GANDAN_PDF_SERVER=off or one died just after starting) and answer None."""
    state = read_state()
    if state is not None and is_alive(state.pid):
        return state
    if not auto_start():
        return None
    if state is not None and time.time() - state.started_at < RESTART_BACKOFF_SECONDS:
        return None
    start(binary)
    return None


def convert(docx: bytes, *, binary: str, timeout: float) -> bytes | None:
    """PDF bytes of the .docx from the running server, or None: no server ready, or it failed
    (logged), and the caller converts cold."""
    state = ready_server(binary)
    if state is None:
        return None
    try:
        result = _proxy(state, timeout).convert(
            None, xmlrpc.client.Binary(docx), None, "pdf", PDF_FILTER, [], False, None, None
        )
    except ConnectionRefusedError:
        if time.time() - state.started_at > START_TIMEOUT_SECONDS:
            logger.warning("PDF server pid %s does not answer; restarting it", state.pid)
            with _folder_lock():
                if read_state() == state:
                    stop(state)
            start(binary)
        return None  # still starting: this one goes cold
    except (OSError, xmlrpc.client.Error) as error:
        logger.warning("PDF server failed (%s); converting with a cold LibreOffice", error)
        return None
    data = getattr(result, "data", b"")
    if not data.startswith(b"%PDF-"):
        logger.warning("PDF server answered no PDF; converting with a cold LibreOffice")
        return None
    return data


def serve(binary: str, *, check_every: float = 5.0, stop_event: threading.Event) -> None:
    """Run the server until `stop_event` is set, restarting it when it dies or stops
    answering (`gandan pdf_server`)."""
    state = start(binary, wait=True, owned=False)
    failures = 0
    try:
        while not stop_event.wait(check_every):
            if state is not None and is_alive(state.pid):
                # A long conversion holds the server: only a run of silent checks restarts it.
                failures = 0 if answers(state, timeout=check_every) else failures + 1
                if failures < 3:
                    continue
                logger.warning("PDF server pid %s does not answer; restarting it", state.pid)
                stop(state)
            elif state is not None:
                logger.warning("PDF server pid %s died; restarting it", state.pid)
            failures = 0
            state = start(binary, wait=True, owned=False)
    finally:
        current = read_state()
        if current is not None and current.pid in _children:
            stop(current)
