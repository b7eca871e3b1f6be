"""The LibreOffice kept running for PDFs (converter.py): warm conversions, the cold fallback,
restarts, and no server left behind by the process that started it."""

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from gandan.paperwork import converter, rendering
from gandan.paperwork.rendering import render_docx, render_pdf
from gandan.paperwork.samples import sample_plan

needs_server = pytest.mark.skipif(
    rendering.libreoffice_binary() is None or converter.uno_python() is None,
    reason="LibreOffice and python3-uno are needed for the PDF server",
)


@pytest.fixture
def own_folder(settings, tmp_path):
    """A data folder of the test's own: its own server, stopped at the end."""
    settings.DATA_DIR = tmp_path
    yield tmp_path / "pdf-server"
    converter.stop_started()


@pytest.fixture
def cold_calls(monkeypatch) -> list[int]:
    calls: list[int] = []
    original = rendering.render_pdf_cold

    def counting(docx_bytes, **options):
        calls.append(1)
        return original(docx_bytes, **options)

    monkeypatch.setattr(rendering, "render_pdf_cold", counting)
    return calls


def binary() -> str:
    found = rendering.libreoffice_binary()
    assert found is not None
    return found


@needs_server
def test_a_running_server_converts_without_a_cold_start(own_folder, cold_calls):
    # given
    state = converter.start(binary(), wait=True)
    assert state is not None
    content = render_docx(sample_plan())
    # when
    pdfs = [render_pdf(content) for _ in range(3)]
    # then
    assert cold_calls == []
    assert all(pdf.startswith(b"%PDF-") for pdf in pdfs)
    assert converter.read_state() == state
    assert (own_folder / "profile").is_dir()  # the private profile in the data folder
    # when the session ends
    converter.stop_started()
    # then nothing is left: neither unoserver nor its LibreOffice
    assert not converter.is_alive(state.pid)
    assert subprocess.run(["pgrep", "-g", str(state.pid)], capture_output=True).stdout == b""
    assert converter.read_state() is None


@needs_server
def test_the_first_conversion_starts_the_server_in_the_background_and_goes_cold(
    own_folder, cold_calls
):
    # given: no server
    assert converter.read_state() is None
    # when
    pdf = render_pdf(sample_plan())
    # then: this one was converted cold, a server is starting for the next ones
    assert pdf.startswith(b"%PDF-")
    assert cold_calls == [1]
    state = converter.read_state()
    assert state is not None and converter.is_alive(state.pid)
    assert converter.wait_ready(state)
    render_pdf(sample_plan())
    assert cold_calls == [1]


def test_a_failing_server_falls_back_to_a_cold_conversion(monkeypatch, caplog):
    # given: a server that answers with an error
    state = converter.ServerState(pid=os.getpid(), port=1, started_at=time.time())
    monkeypatch.setattr(converter, "ready_server", lambda binary: state)

    class Broken:
        def convert(self, *args):
            raise OSError("connection reset")

    monkeypatch.setattr(converter, "_proxy", lambda state, timeout: Broken())
    # when
    with caplog.at_level(logging.WARNING, logger="gandan.paperwork.converter"):
        result = converter.convert(b"docx", binary="soffice", timeout=5)
    # then
    assert result is None
    assert "converting with a cold LibreOffice" in caplog.text


def test_without_a_server_and_auto_start_off_nothing_is_started(own_folder, monkeypatch):
    # given
    monkeypatch.setenv("GANDAN_PDF_SERVER", "off")
    # when
    result = converter.convert(b"docx", binary="soffice", timeout=5)
    # then
    assert result is None
    assert converter.read_state() is None


def test_without_a_python_for_uno_the_conversion_goes_cold(own_folder, monkeypatch):
    # given
    monkeypatch.setenv("GANDAN_UNO_PYTHON", "/nonexistent/python3")
    # when
    result = converter.convert(b"docx", binary="soffice", timeout=5)
    # then
    assert result is None
    assert converter.read_state() is None


@needs_server
def test_a_dead_server_is_started_again(own_folder, monkeypatch):
    # given
    monkeypatch.setattr(converter, "RESTART_BACKOFF_SECONDS", 0)
    first = converter.start(binary(), wait=True)
    assert first is not None
    os.killpg(first.pid, signal.SIGKILL)
    converter._children[first.pid].wait()
    # when: the next conversion finds it dead
    assert converter.convert(render_docx(sample_plan()), binary=binary(), timeout=30) is None
    # then: a new one is starting
    second = converter.read_state()
    assert second is not None and second.pid != first.pid
    assert converter.wait_ready(second)


@needs_server
def test_the_pdf_server_command_restarts_a_dead_server_and_stops_it_at_the_end(own_folder):
    # given
    stop = threading.Event()
    thread = threading.Thread(
        target=converter.serve, args=(binary(),), kwargs={"check_every": 0.5, "stop_event": stop}
    )
    thread.start()
    try:
        first = _wait_for(lambda: _ready_state())
        # when LibreOffice dies
        os.killpg(first.pid, signal.SIGKILL)
        # then the command starts another one
        second = _wait_for(lambda: (s := _ready_state()) and s.pid != first.pid and s)
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not thread.is_alive()
    assert not converter.is_alive(second.pid)
    assert converter.read_state() is None


@needs_server
def test_a_process_that_started_a_server_stops_it_when_it_exits(tmp_path):
    # given: a process rendering two PDFs with a data folder of its own
    script = (
        "import django; django.setup()\n"
        "from gandan.paperwork import converter\n"
        "from gandan.paperwork.rendering import render_pdf, libreoffice_binary\n"
        "from gandan.paperwork.samples import sample_plan\n"
        "state = converter.start(libreoffice_binary(), wait=True)\n"
        "render_pdf(sample_plan())\n"
        "print(state.pid)\n"
    )
    environment = {**os.environ, "GANDAN_DATA_DIR": str(tmp_path), "GANDAN_LOCAL": "1"}
    environment.setdefault("DJANGO_SETTINGS_MODULE", "gandan.settings")
    # when
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    # then
    pid = int(done.stdout.split()[-1])
    assert subprocess.run(["pgrep", "-g", str(pid)], capture_output=True).stdout == b""
    assert not Path(tmp_path / "pdf-server" / "server.json").exists()


def _ready_state() -> converter.ServerState | None:
    state = converter.read_state()
    if state is not None and converter.is_alive(state.pid) and converter.answers(state, timeout=2):
        return state
    return None


def _wait_for(probe, timeout: float = 90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("timed out")
