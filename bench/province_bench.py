"""The authority tier at province scale on PostgreSQL: the Sở's dashboard at two sizes.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python \
         bench/province_bench.py [--sizes 100000,1000000] [--requests 200] [--warmup 20]
         [--schools 1500] [--wards 100] [--staff-per-school 40] [--months 24] [--touch 5]
         [--database gandan_bench] [--keep]

DATABASE_URL names the PostgreSQL server and the credentials; its own database is never
touched. For each size, in order, the benchmark:
1. drops and creates its dedicated database (`--database`, a name starting with
   "gandan_bench") on that server, and runs a child process on it;
2. the child migrates, builds the synthetic province (`gandan.reports.province`, COPY: Hải
   Phòng's shape, 1,500 schools under 100 wards and one Sở, 40 staff each, the cases of the
   size over 24 months), times a full indicator refresh, then touches `--touch` schools
   through the real intake service (one new case each, audited) and times the incremental
   refresh that follows: it recomputes those schools only, so its time follows the touched
   schools, never the untouched rows;
3. measures through Django's test Client (the whole middleware stack, one thread, no
   network), after `--warmup` requests each, `--requests` GETs of: the Sở's dashboard
   (/bao-cao/, every school of the province), one ward's dashboard, one school's drill-down,
   and the baseline: a signed-in page that runs `SELECT 1` (same middleware, session and
   user lookup), in interleaved rounds so that none gets the warmer cache.
It prints each size's figures, the ratios, and ends with
`rollup p50 <ms> ms at <cases> cases, size ratio <r>` (the Sở's p50 at the largest size,
and that p50 divided by the one at the smallest size). The database is dropped at the end
unless `--keep`.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
SRC_DIR = BENCH_DIR.parent / "src"
DATABASE_PATTERN = re.compile(r"^gandan_bench[a-z0-9_]{0,40}$")
BASELINE_PATH = "/bench/select-1/"
ROUNDS = 4


# The parent: the dedicated database, one child per size, the summary.


def server_url(url: str) -> str:
    """The DATABASE_URL, refused unless PostgreSQL (the goal is measured there)."""
    scheme = urlsplit(url).scheme if url else ""
    if scheme not in {"postgres", "postgresql", "pgsql"}:
        raise SystemExit(
            "province_bench measures PostgreSQL only: set DATABASE_URL to a PostgreSQL server, "
            "e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres "
            f"(got {'SQLite, the default' if not url else scheme + '://'})."
        )
    return url


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def recreate_database(url: str, name: str, *, drop_only: bool = False) -> None:
    """Drop (and create) the benchmark's own database, from the server's maintenance one."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        if not drop_only:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def child_env(url: str, data_dir: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_REPLICA_URL"}
    env.update(
        DATABASE_URL=url,
        GANDAN_DATA_DIR=data_dir,
        DJANGO_SETTINGS_MODULE="gandan.settings",
        PYTHONPATH=os.pathsep.join([str(SRC_DIR), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        DEBUG="0",
        # Local mode: the keys are generated in the throw-away data folder, and the test
        # Client speaks plain HTTP (no HTTPS redirect); nothing else changes.
        GANDAN_LOCAL="1",
    )
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="100000,1000000",
        help="cases, comma-separated (smallest first; the ratio is last / first)",
    )
    parser.add_argument("--requests", type=int, default=200, help="per page and size")
    parser.add_argument("--warmup", type=int, default=20, help="per page and size")
    parser.add_argument("--schools", type=int, default=1500)
    parser.add_argument("--wards", type=int, default=100)
    parser.add_argument("--staff-per-school", type=int, default=40)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--touch", type=int, default=5, help="schools touched before the delta")
    parser.add_argument("--database", default="gandan_bench")
    parser.add_argument("--keep", action="store_true", help="keep the last size's database")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    url = server_url(os.environ.get("DATABASE_URL", ""))
    if not DATABASE_PATTERN.match(args.database):
        raise SystemExit("--database: a name starting with gandan_bench (it is dropped)")
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    if not sizes or min(sizes) < 0 or args.requests < 2:
        raise SystemExit("--sizes: one or more case counts ≥ 0; --requests ≥ 2")
    results = []
    with tempfile.TemporaryDirectory(prefix="gandan-province-bench-") as data_dir:
        try:
            for cases in sizes:
                recreate_database(url, args.database)
                out = Path(data_dir) / f"result-{cases}.json"
                command = [sys.executable, __file__, "--child", str(out), f"--sizes={cases}"]
                for flag in (
                    "requests",
                    "warmup",
                    "schools",
                    "wards",
                    "staff_per_school",
                    "months",
                    "touch",
                ):
                    command.append(f"--{flag.replace('_', '-')}={getattr(args, flag)}")
                subprocess.run(
                    command,
                    env=child_env(with_database(url, args.database), data_dir),
                    cwd=BENCH_DIR,
                    check=True,
                )
                results.append(json.loads(out.read_text()))
        finally:
            if not args.keep:
                recreate_database(url, args.database, drop_only=True)
    summarise(results)


def summarise(results: list[dict]) -> None:
    print()
    print("summary (p50 / p99 in ms; refresh in s)")
    header = f"{'cases':>10} {'Sở':>15} {'ward':>15} {'school':>15} {'baseline':>15}"
    print(header + f" {'full refresh':>13} {'incremental':>12}")
    for r in results:
        pages = "".join(
            f" {r['pages'][name]['p50']:7.1f}/{r['pages'][name]['p99']:<7.1f}"
            for name in ("department", "ward", "school", "baseline")
        )
        print(
            f"{r['cases']:>10,}{pages} {r['refresh_full_s']:13.1f} "
            f"{r['refresh_incremental_s']:12.2f}"
        )
    first, last = results[0], results[-1]
    ratio = last["pages"]["department"]["p50"] / first["pages"]["department"]["p50"]
    ward_ratio = last["pages"]["ward"]["p50"] / first["pages"]["ward"]["p50"]
    # The baseline grows as much as any page when the machine is busy: the Sở's time in
    # baselines at each size shows what the size alone did.
    relative = [r["pages"]["department"]["p50"] / r["pages"]["baseline"]["p50"] for r in results]
    print(
        f"ratios {last['cases']:,} / {first['cases']:,} cases: Sở p50 {ratio:.2f}×, "
        f"ward p50 {ward_ratio:.2f}×, baseline p50 "
        f"{last['pages']['baseline']['p50'] / first['pages']['baseline']['p50']:.2f}×; "
        f"Sở / baseline: {relative[0]:.0f}× → {relative[-1]:.0f}× "
        f"(size ratio in baselines {relative[-1] / relative[0]:.2f})"
    )
    loads = ", ".join(f"{r['load']:.1f}" for r in results)
    print(f"load average during the requests: {loads} on {os.cpu_count()} cores")
    print(
        f"rollup p50 {last['pages']['department']['p50']:.1f} ms at {last['cases']} cases, "
        f"size ratio {ratio:.2f}"
    )


# The child: one size, on the database the parent made.


def percentile_ms(times: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(times, n=100)
    return {"p50": statistics.median(times) * 1000, "p99": cuts[98] * 1000, "n": len(times)}


def install_baseline_urls() -> None:
    """The project's URLs plus the baseline page, as the URLconf of this process."""
    from django.contrib.auth.decorators import login_required
    from django.db import connection
    from django.http import HttpRequest, HttpResponse
    from django.test.utils import override_settings
    from django.urls import path

    from gandan import urls as project_urls

    @login_required
    def select_one(request: HttpRequest) -> HttpResponse:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return HttpResponse("1", content_type="text/plain")

    module = types.ModuleType("province_bench_urls")
    module.urlpatterns = [path(BASELINE_PATH.strip("/") + "/", select_one)]  # type: ignore[attr-defined]
    module.urlpatterns += project_urls.urlpatterns  # type: ignore[attr-defined]
    for name in ("handler400", "handler403", "handler404", "handler500"):
        setattr(module, name, getattr(project_urls, name))
    sys.modules[module.__name__] = module
    override_settings(ROOT_URLCONF=module.__name__).enable()


def touch_schools(schools: list, now) -> None:
    """One new case per school through the public intake use case (audited, as in real use)."""
    from gandan.petitions.models import CaseKind, Channel
    from gandan.petitions.services import Sender, Submission, submit_case

    for school in schools:
        submit_case(
            organisation=school,
            submission=Submission(
                kind=CaseKind.FEEDBACK,
                title="Đèn hành lang tầng 2 không sáng",
                content="Hành lang tầng 2 tối từ 17 giờ, học sinh về muộn đi lại khó.",
                channel=Channel.WEB,
                sender=Sender(name="Trần Văn Phụ Huynh", phone="0987654321"),
                consent=True,
                received_at=now,
            ),
        )


def child(args: argparse.Namespace) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from gandan.orgs.models import Organisation, User
    from gandan.reports.province import ProvinceSpec, build_province
    from gandan.reports.refresh import refresh_indicators

    cases = int(args.sizes)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"[{cases:,} cases] migrated a fresh database in {time.perf_counter() - started:.1f} s")
    spec = ProvinceSpec(
        prefix="hp",
        schools=args.schools,
        wards=args.wards,
        cases=cases,
        staff_per_school=args.staff_per_school,
        months=args.months,
    )
    built = build_province(spec=spec, refresh=False, progress=lambda line: None)
    phases = ", ".join(
        f"{name} {seconds:.1f} s" for name, seconds in built.timings.items() if name != "total"
    )
    print(f"[{cases:,} cases] built in {built.timings['total']:.1f} s ({phases})")
    print(
        f"[{cases:,} cases] "
        + ", ".join(
            f"{name} {built.counts[name]:,}"
            for name in ("organisations", "users", "cases", "case_deadlines", "disclosure_items")
        )
    )

    started = time.perf_counter()
    full = refresh_indicators(full=True)
    full_s = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    department = Organisation.objects.get(slug=built.department_slug)
    ward = Organisation.objects.get(slug=built.ward_slugs[0])
    schools = list(Organisation.objects.schools_below(department).order_by("slug")[: args.touch])
    touch_schools(schools, timezone.now())
    started = time.perf_counter()
    delta = refresh_indicators()
    delta_s = time.perf_counter() - started
    started = time.perf_counter()
    idle = refresh_indicators()
    idle_s = time.perf_counter() - started
    print(
        f"[{cases:,} cases] full refresh: {full.schools:,} schools in {full_s:.1f} s; "
        f"after touching {len(schools)} schools: {delta.schools} recomputed in "
        f"{delta_s * 1000:.0f} ms ({delta_s / full_s:.2%} of the full one; "
        f"{delta_s / max(1, delta.schools) * 1000:.0f} ms per school, "
        f"full: {full_s / max(1, full.schools) * 1000:.0f} ms per school); "
        f"nothing new: {idle.schools} schools in {idle_s * 1000:.0f} ms"
    )

    install_baseline_urls()
    school = Organisation.objects.schools_below(ward).order_by("slug").first()
    assert school is not None
    officers = {
        "department": User.objects.get(username=built.department_officer),
        "ward": User.objects.get(username=built.ward_officers[0]),
    }
    pages = {
        "department": (officers["department"], "/bao-cao/"),
        "ward": (officers["ward"], "/bao-cao/"),
        "school": (officers["ward"], f"/bao-cao/don-vi/{school.slug}/"),
        "baseline": (officers["department"], BASELINE_PATH),
    }
    clients = {}
    queries = {}
    for name, (user, url) in pages.items():
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        clients[name] = client
        for _ in range(args.warmup):
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url} as {user.username}: HTTP {response.status_code}")
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries[name] = len(captured)
    load_before = os.getloadavg()[0]
    times: dict[str, list[float]] = {name: [] for name in pages}
    per_round = max(1, args.requests // ROUNDS)
    for _ in range(ROUNDS):
        for name, (_user, url) in pages.items():
            client = clients[name]
            for _ in range(per_round):
                began = time.perf_counter()
                client.get(url)
                times[name].append(time.perf_counter() - began)
    figures = {
        name: {**percentile_ms(values), "queries": queries[name]} for name, values in times.items()
    }
    load = (load_before + os.getloadavg()[0]) / 2
    units = {
        "department": Organisation.objects.schools_below(department).count(),
        "ward": Organisation.objects.schools_below(ward).count(),
        "school": 1,
        "baseline": 0,
    }
    print(
        f"[{cases:,} cases] load average during the requests: about {load:.1f} "
        f"({os.cpu_count()} cores)"
    )
    for name, figure in figures.items():
        print(
            f"[{cases:,} cases] {name:<10} {units[name]:>5} units  n={figure['n']:<4} "
            f"p50 {figure['p50']:7.1f} ms  p99 {figure['p99']:7.1f} ms  "
            f"{figure['queries']} queries"
        )
    Path(args.child).write_text(
        json.dumps(
            {
                "cases": cases,
                "build_s": built.timings["total"],
                "refresh_full_s": full_s,
                "refresh_incremental_s": delta_s,
                "refresh_incremental_schools": delta.schools,
                "pages": figures,
                "load": load,
            }
        )
    )


if __name__ == "__main__":
    main()
