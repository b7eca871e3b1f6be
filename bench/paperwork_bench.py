"""Time the official-document renderer: .docx in-process, PDF through LibreOffice headless.

Run: .venv/bin/python bench/paperwork_bench.py [--docx-runs N] [--pdf-runs N]

The document is the three-page specimen plan (gandan.paperwork.samples.sample_plan). The
baseline is python-docx saving an empty document in the same run, so the .docx figure reads
as "so many empty saves"; the PDF figure includes starting LibreOffice with a fresh profile,
which is what every conversion pays.
"""

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gandan.settings")
os.environ.setdefault("GANDAN_LOCAL", "1")  # a benchmark runs on a throw-away machine


def timed(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def empty_docx() -> bytes:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def describe(label: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return (
        f"{label:<34} n={len(ms):<4} median {statistics.median(ms):8.1f} ms"
        f"   min {min(ms):8.1f} ms   max {max(ms):8.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docx-runs", type=int, default=50)
    parser.add_argument("--pdf-runs", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from gandan.paperwork.rendering import libreoffice_binary, render_docx, render_pdf
    from gandan.paperwork.samples import sample_plan

    spec = sample_plan()
    content = render_docx(spec)
    render_docx(spec)  # warm imports and caches

    baseline = timed(empty_docx, args.docx_runs)
    docx_times = timed(lambda: render_docx(spec), args.docx_runs)
    print(f"specimen: {spec.number_symbol}, {len(spec.body)} blocks, .docx {len(content)} bytes")
    print(describe("baseline: empty python-docx save", baseline))
    print(describe("render_docx (3-page plan)", docx_times))
    ratio = statistics.median(docx_times) / statistics.median(baseline)
    print(f"render_docx / baseline: {ratio:.1f}×")

    if libreoffice_binary() is None:
        print("render_pdf: skipped, LibreOffice (soffice) is not installed")
        return
    pdf = render_pdf(content)
    page_count = "?"
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True).stdout.decode()
        page_count = next(
            (line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?"
        )
    pdf_times = timed(lambda: render_pdf(content), args.pdf_runs)
    print(describe("render_pdf from .docx (soffice)", pdf_times))
    print(f"PDF: {len(pdf)} bytes, {page_count} pages")
    pdf_ratio = statistics.median(pdf_times) / statistics.median(docx_times)
    print(f"render_pdf / render_docx: {pdf_ratio:.0f}×")


if __name__ == "__main__":
    main()
