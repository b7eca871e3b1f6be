"""Public intake throughput: POST /api/v1/public/cases against a bare Django view doing one
INSERT, both through the same granian server in the same run.

Run: .venv/bin/python bench/intake_bench.py [--requests N] [--clients C] [--max-seconds S]
     [--database-url postgres://postgres@127.0.0.1:5432/gandan_intake_bench]

What it does, all on 127.0.0.1 and in a throw-away data folder (SQLite, WAL; or, with
--database-url, that PostgreSQL database, dropped and created afresh: it must be a throw-away
name on a server where the URL's user may create databases):
1. `--prepare` in a child process: migrate, demo data (`gandan demo --no-serve`: Thành Tô),
   and the baseline's own table bench_bare_insert (bench/bare_urls.py);
2. starts granian with the flags of `gandan serve` (WSGI, 2 workers × 1 blocking thread) on a
   free port, with bench/bench_settings.py: the project's settings, the bare view's URL, and
   the public rate limit lifted (GANDAN_BENCH_UNLIMITED_INTAKE=1; see that file);
3. sends N requests to each endpoint from C keep-alive clients (threads), alternating the
   two endpoints in rounds so neither gets the warmer or the emptier database;
4. prints requests/s, p50 and p99 per endpoint and the ratios, then stops the server it
   started and deletes the folder. Every phase is bounded by --max-seconds.

The intake is the whole use case: form validation, submit_case (case row, due dates from
the rules and the working calendar, timeline event, hash-chained audit row) in one
transaction. The baseline is one autocommit INSERT of the same JSON body.
"""

import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
SRC_DIR = BENCH_DIR.parent / "src"
HOST = "127.0.0.1"
INTAKE_PATH = "/api/v1/public/cases"
BARE_PATH = "/bench/bare/"
ROUNDS = 4


def intake_body(n: int) -> bytes:
    return json.dumps(
        {
            "organisation": "th-thanh-to",
            "kind": "phan_anh",
            "title": f"Cổng trường ùn tắc giờ tan học ({n})",
            "content": "Xe máy đỗ tràn ra lòng đường trước cổng trường lúc 16 giờ 30.",
            "contact_name": "Trần Văn Phụ Huynh",
            "contact_phone": "0987 654 321",
            "anonymous": False,
            "consent": True,
            "client_token": uuid.uuid4().hex,
        },
        ensure_ascii=False,
    ).encode()


def child_env(data_dir: str, database_url: str = "") -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(
        GANDAN_DATA_DIR=data_dir,
        GANDAN_LOCAL="1",  # a throw-away data folder: keys made there
        DJANGO_SETTINGS_MODULE="bench_settings",
        GANDAN_BENCH_UNLIMITED_INTAKE="1",
        PYTHONPATH=os.pathsep.join([str(BENCH_DIR), str(SRC_DIR)]),
        LOG_LEVEL="ERROR",
        DEBUG="0",
    )
    return env


def prepare() -> None:
    """Child process: the database of the run (never the project's own data folder)."""
    import django

    django.setup()
    from bare_urls import CREATE_BARE_TABLE
    from django.core.management import call_command
    from django.db import connection

    with open(os.devnull, "w") as quiet:
        call_command("demo", no_serve=True, stdout=quiet)
    with connection.cursor() as cursor:
        cursor.execute(CREATE_BARE_TABLE)


def fresh_postgres(database_url: str) -> str:
    """Drop and create the benchmark's PostgreSQL database; returns its name."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    if not name or name in {"postgres", "template0", "template1"}:
        raise SystemExit("--database-url must name a throw-away database")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return name


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def granian_binary() -> str:
    local = Path(sys.executable).with_name("granian")
    return str(local) if local.exists() else (shutil.which("granian") or "granian")


def start_server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    # The flags of gandan.core.management.commands.serve.exec_server.
    command = [
        granian_binary(),
        "--interface",
        "wsgi",
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--blocking-threads",
        "1",
        "--no-ws",
        "gandan.wsgi:application",
    ]
    return subprocess.Popen(
        command,
        env=env,
        cwd=BENCH_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own group: stopped below with its workers, by its id
    )


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


def wait_until_up(port: int, server: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"granian stopped: {server.stderr.read().decode()[-2000:]}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/api/v1/organisations/th-thanh-to")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("granian did not answer in time")


class Results:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.errors: dict[int, int] = {}
        self.elapsed = 0.0
        self.lock = threading.Lock()

    def add(self, seconds: float, status: int, expected: int) -> None:
        with self.lock:
            if status == expected:
                self.latencies.append(seconds)
            else:
                self.errors[status] = self.errors.get(status, 0) + 1


def drive(port: int, path: str, count: int, clients: int, deadline: float, results: Results):
    """`count` POSTs to `path` from `clients` keep-alive connections, stopped at `deadline`."""
    lock = threading.Lock()
    remaining = [count]

    def next_number() -> int | None:
        with lock:
            if remaining[0] <= 0 or time.monotonic() > deadline:
                return None
            remaining[0] -= 1
            return remaining[0]

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        headers = {"Content-Type": "application/json"}
        while (number := next_number()) is not None:
            body = intake_body(number)
            started = time.perf_counter()
            try:
                connection.request("POST", path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except OSError:
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
                status = 0
            results.add(time.perf_counter() - started, status, 201)
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.elapsed += time.perf_counter() - started


def describe(label: str, results: Results) -> tuple[float, float, float]:
    done = len(results.latencies)
    if done < 2:
        print(f"{label:<34} too few successful requests ({done}); errors {results.errors}")
        return 0.0, 0.0, 0.0
    rate = done / results.elapsed
    cuts = statistics.quantiles(results.latencies, n=100)
    p50, p99 = statistics.median(results.latencies) * 1000, cuts[98] * 1000
    errors = f"   errors {results.errors}" if results.errors else ""
    print(
        f"{label:<34} n={done:<6} {rate:8.1f} req/s   p50 {p50:7.1f} ms   p99 {p99:7.1f} ms{errors}"
    )
    return rate, p50, p99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="per endpoint")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-seconds", type=float, default=240, help="whole run, bounded")
    parser.add_argument("--database-url", default="", help="a throw-away PostgreSQL database")
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        prepare()
        return
    data_dir = tempfile.mkdtemp(prefix="gandan-bench-")
    started = time.monotonic()
    deadline = started + args.max_seconds
    server = None
    try:
        if args.database_url:
            fresh_postgres(args.database_url)
        env = child_env(data_dir, args.database_url)
        subprocess.run(
            [sys.executable, __file__, "--prepare"],
            env=env,
            cwd=BENCH_DIR,
            check=True,
            timeout=max(10.0, deadline - time.monotonic()),
        )
        print(
            f"setup: migrated, demo data and baseline table in {time.monotonic() - started:.1f} s"
        )
        port = free_port()
        server = start_server(env, port, args.workers)
        wait_until_up(port, server, timeout=30)
        warm = Results()
        for path in (BARE_PATH, INTAKE_PATH):
            drive(port, path, 50, args.clients, deadline, warm)
        if warm.errors:
            raise SystemExit(f"warm-up failed: statuses {warm.errors}")
        intake, bare = Results(), Results()
        per_round = max(1, args.requests // ROUNDS)
        for _ in range(ROUNDS):
            drive(port, BARE_PATH, per_round, args.clients, deadline, bare)
            drive(port, INTAKE_PATH, per_round, args.clients, deadline, intake)
        if time.monotonic() > deadline:
            print(f"note: stopped at --max-seconds {args.max_seconds:.0f}; fewer requests sent")
        database = "PostgreSQL" if args.database_url else "SQLite (WAL)"
        print(
            f"server: granian, {args.workers} workers × 1 thread, {database}; "
            f"{args.clients} keep-alive clients, loopback"
        )
        bare_rate, bare_p50, bare_p99 = describe("baseline: bare view, one INSERT", bare)
        rate, p50, p99 = describe("POST /api/v1/public/cases", intake)
        if bare_rate and rate:
            print("ratios (intake / baseline):")
            print(
                f"  throughput {rate / bare_rate:.2f}×  (baseline {bare_rate / rate:.1f}× faster)"
            )
            print(f"  p50 {p50 / bare_p50:.1f}×   p99 {p99 / bare_p99:.1f}×")
    finally:
        if server is not None:
            stop_server(server)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
