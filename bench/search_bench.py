"""Benchmark: search.query.search over 100,000 index entries, against bare baselines.

Run: .venv/bin/python bench/search_bench.py [--database-url postgres://postgres@127.0.0.1:5432/gandan_search_bench]

Without --database-url: a throw-away data folder with a fresh SQLite database (FTS5).
With it: that PostgreSQL database (throw-away: it is migrated and its index table filled; the
database must exist). 100,000 register entries (paperwork.document) are written in bulk
across ten schools; the queries are "dang" (in about 5 % of the entries), "nguyen van a"
(three words, about 1 %), a rare word (one entry) and a common one ("ke hoach", about half).
Each query is run for the ward's officer (who reads every school's register) and for one
school's head (a tenth of it). The baselines, in the same run: a bare `SELECT 1`, and one
LIKE on the folded column with the newest 20 first and no access filter at all.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

COUNT = 100_000
SCHOOLS = 10
QUERIES = ["dang", "nguyen van a", "thuy tinh", "ke hoach"]


def timed(work, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return times


def p(times: list[float], percent: int) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))] * 1000


def line(label: str, times: list[float], baseline: list[float]) -> str:
    return (
        f"  {label:<34} p50 {p(times, 50):8.2f} ms   p99 {p(times, 99):8.2f} ms"
        f"   {statistics.median(times) / statistics.median(baseline):7.0f}× SELECT 1"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    data_dir = tempfile.mkdtemp(prefix="gandan-bench-")
    try:
        run(data_dir, args.runs, args.database_url)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def build(rng: random.Random):
    """Ten schools under a ward, their heads, the ward's officer, 100,000 entries."""
    from django.db import transaction
    from django.utils import timezone

    from gandan.orgs import services
    from gandan.orgs.models import OrgKind, Role
    from gandan.search.backends import folded_words
    from gandan.search.models import SearchEntry

    ward = services.create_organisation(
        actor=None,
        parent=None,
        slug="bench-phuong",
        kind=OrgKind.COMMUNE_COMMITTEE,
        name="UBND phường Thử",
    )
    officer = services.create_person(
        actor=None, username="bench-canbo", full_name="Lê Văn Cán", password=None
    )
    services.grant_role(
        actor=None, user=officer, organisation=ward, role=Role.AUTHORITY_OFFICER, title="Cán bộ"
    )
    schools = [
        services.create_organisation(
            actor=None,
            parent=ward,
            slug=f"bench-truong-{n}",
            kind=OrgKind.SCHOOL,
            name=f"Trường Tiểu học Thử {n}",
        )
        for n in range(SCHOOLS)
    ]
    head = services.create_person(
        actor=None, username="bench-ht", full_name="Trần Thị Hiệu", password=None
    )
    services.grant_role(
        actor=None, user=head, organisation=schools[0], role=Role.HEAD, title="Hiệu trưởng"
    )
    subjects = ["tuyển sinh", "bán trú", "thư viện", "phòng cháy", "chuyển đổi số", "an toàn"]
    words = ["năm học", "học kỳ I", "tháng", "lớp", "tổ chuyên môn", "phụ huynh", "giáo viên"]
    now = timezone.now()
    rows = []
    for n in range(COUNT):
        parts = ["Kế hoạch" if rng.random() < 0.5 else "Báo cáo", rng.choice(subjects)]
        parts += rng.sample(words, 3)
        if rng.random() < 0.05:
            parts.append("thực hiện Nghị quyết của Đảng ủy")
        if rng.random() < 0.01:
            parts.append("khen thưởng thầy Nguyễn Văn A")
        if n == COUNT // 2:
            parts.append("sửa mái thủy tinh")
        title = " ".join(parts)
        symbol = f"{n % 999 + 1:02d}/KH-THT{n % SCHOOLS}"
        rows.append(
            SearchEntry(
                kind="paperwork.document",
                object_key=f"paperwork.document:{n + 1}",
                access_pk=n + 1,
                organisation_id=schools[n % SCHOOLS].pk,
                title=title,
                summary=symbol,
                title_folded=folded_words(title),
                folded=folded_words(f"{title} {symbol} Kế hoạch"),
                links={"staff": ["paperwork:register", [schools[n % SCHOOLS].slug]]},
                updated_at=now - rng.random() * (now - now.replace(year=now.year - 3)),
            )
        )
    started = time.perf_counter()
    with transaction.atomic():
        SearchEntry.objects.bulk_create(rows, batch_size=2000)
    return officer, head, time.perf_counter() - started


def run(data_dir: str, runs: int, database_url: str) -> None:
    os.environ["GANDAN_DATA_DIR"] = data_dir
    os.environ.setdefault("GANDAN_LOCAL", "1")  # a throw-away data folder: keys made there
    os.environ["DJANGO_SETTINGS_MODULE"] = "gandan.settings"
    if database_url:
        os.environ["DATABASE_URL"] = database_url

    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    from gandan.search import backends
    from gandan.search.models import SearchEntry
    from gandan.search.query import search

    SearchEntry.objects.all().delete()
    vendor = connection.vendor
    how = "FTS5" if backends.uses_fts5("default") else "LIKE on the folded column"
    if vendor == "postgresql":
        how = "LIKE on the folded column, pg_trgm GIN index"
    print(f"search: {COUNT:,} entries on {vendor} ({how}), {runs} runs per figure")
    print(f"setup: migrated in {time.perf_counter() - started:.1f} s")
    officer, head, bulk = build(random.Random(2026))
    print(f"setup: {COUNT:,} entries written in bulk in {bulk:.1f} s")
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")

    def select_one() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchall()

    def bare_like(word: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, title FROM search_searchentry WHERE folded LIKE %s "
                "ORDER BY updated_at DESC LIMIT 20",
                [f"% {word}%"],
            )
            cursor.fetchall()

    baseline = timed(select_one, runs)
    print(f"  {'bare SELECT 1':<34} p50 {p(baseline, 50):8.2f} ms   p99 {p(baseline, 99):8.2f} ms")
    for text in QUERIES:
        first = backends.terms(text)[0]
        by_officer = search(officer, text, limit=20).total
        by_head = search(head, text, limit=20).total
        print(f"“{text}”: {by_officer:,} found by the ward's officer, {by_head:,} by a head")
        times = timed(lambda first=first: bare_like(first), runs)
        print(line(f"bare LIKE '% {first}%' newest 20", times, baseline))
        people = (("ward officer (10 schools)", officer), ("school head (1 school)", head))
        for label, user in (*people, ("the public (none public)", None)):
            times = timed(lambda user=user, text=text: search(user, text, limit=20), runs)
            print(line(f"search(), {label}", times, baseline))
    SearchEntry.objects.all().delete()


if __name__ == "__main__":
    main()
