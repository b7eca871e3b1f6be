"""Time importing the seed plan and rendering it as .docx and PDF.

Run: .venv/bin/python bench/plans_bench.py [--runs N] [--pdf-runs N]

Uses a throw-away data folder with a migrated SQLite database and the demo organisations
(gandan.orgs.demo.build). Measured, each as median/min/max over its runs:
- parsing the seed .txt (gandan.plans.importer), against reading the file as the baseline;
- saving the parsed plan (save_imported_plan: rows, register links, version, events), each
  run in a transaction that is rolled back so every run starts from the same database;
- parsing a .docx of the plan (the browser's .docx upload);
- render_docx of the issued plan, against an empty python-docx save as the baseline;
- render_pdf (LibreOffice headless, a fresh profile per conversion).
"""

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def timed(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def describe(label: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return (
        f"{label:<40} n={len(ms):<4} median {statistics.median(ms):8.1f} ms"
        f"   min {min(ms):8.1f} ms   max {max(ms):8.1f} ms"
    )


def ratio(label: str, times: list[float], baseline: list[float]) -> str:
    return f"  {label}: {statistics.median(times) / statistics.median(baseline):.0f}×"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--pdf-runs", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    data_dir = tempfile.mkdtemp(prefix="gandan-bench-")
    try:
        run(data_dir, args.runs, args.pdf_runs)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def run(data_dir: str, runs: int, pdf_runs: int) -> None:
    os.environ["GANDAN_DATA_DIR"] = data_dir
    os.environ.setdefault("GANDAN_LOCAL", "1")  # a throw-away data folder: keys made there
    os.environ["DJANGO_SETTINGS_MODULE"] = "gandan.settings"

    import django
    from django.core.management import call_command

    django.setup()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"setup: migrated a fresh database in {time.perf_counter() - started:.1f} s")

    import docx
    from django.db import transaction
    from django.utils import timezone

    from gandan.orgs import demo as org_demo
    from gandan.orgs.models import User
    from gandan.paperwork.rendering import libreoffice_binary, render_docx, render_pdf
    from gandan.paperwork.signing import head_signer
    from gandan.plans import documents, services
    from gandan.plans.demo import SEED
    from gandan.plans.importer import parse_plan_file

    school = org_demo.build()
    head = User.objects.get(username="hieutruong")
    parsed = parse_plan_file(SEED)  # warm imports and compiled patterns

    def save_and_roll_back() -> None:
        with transaction.atomic():
            services.save_imported_plan(
                organisation=school, parsed=parse_plan_file(SEED), user=head, source_name=SEED.name
            )
            transaction.set_rollback(True)

    save_and_roll_back()
    read_times = timed(lambda: SEED.read_text(encoding="utf-8-sig"), runs)
    parse_times = timed(lambda: parse_plan_file(SEED), runs)
    import_times = timed(save_and_roll_back, runs)

    plan = services.save_imported_plan(organisation=school, parsed=parsed, user=head)
    plan = services.issue_plan(
        plan=plan,
        actor=head,
        issued_on=timezone.localdate(),
        signer=head_signer(school),
    )
    spec = documents.plan_spec(plan)
    content = render_docx(spec)
    docx_path = Path(data_dir) / "ke-hoach.docx"
    docx_path.write_bytes(content)

    def empty_docx() -> bytes:
        buffer = io.BytesIO()
        docx.Document().save(buffer)
        return buffer.getvalue()

    empty_times = timed(empty_docx, runs)
    docx_parse_times = timed(lambda: parse_plan_file(docx_path), runs)
    render_times = timed(lambda: render_docx(documents.plan_spec(plan)), runs)

    print(
        f"seed: {SEED.name}, {len(parsed.sections)} sections, {len(parsed.tasks)} tasks, "
        f"{len(parsed.legal_refs)} citations; plan {plan.number_symbol}, "
        f".docx {len(content):,} bytes"
    )
    print(describe("baseline: read the seed .txt", read_times))
    print(describe("parse the seed .txt", parse_times))
    print(describe("parse + save_imported_plan (rolled back)", import_times))
    print(describe("parse the plan's .docx", docx_parse_times))
    print(describe("baseline: empty python-docx save", empty_times))
    print(describe("plan_spec + render_docx", render_times))
    print("ratios:")
    print(ratio("parse .txt / read", parse_times, read_times))
    print(ratio("parse .txt + save / read", import_times, read_times))
    print(ratio("render_docx / empty save", render_times, empty_times))

    if libreoffice_binary() is None:
        print("render_pdf: skipped, LibreOffice (soffice) is not installed")
        return
    pdf = render_pdf(content)
    pdf_times = timed(lambda: render_pdf(content), pdf_runs)
    print(describe("render_pdf from .docx (soffice)", pdf_times))
    print(f"PDF: {len(pdf):,} bytes")
    print(ratio("render_pdf / render_docx", pdf_times, render_times))


if __name__ == "__main__":
    main()
