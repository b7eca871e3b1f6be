"""Time the official-document renderer: .docx in-process, PDF through LibreOffice headless.

Run: .venv/bin/python bench/paperwork_bench.py [--docx-runs N] [--pdf-runs N] [--cold-runs N]

The document is the three-page specimen plan (gandan.paperwork.samples.sample_plan). The
baseline is python-docx saving an empty document in the same run, so the .docx figure reads
as "so many empty saves". The PDF figures, in the same run and a throw-away data folder:
`render_pdf` through the LibreOffice kept running (paperwork.converter: unoserver, started
once here and stopped at the end; what the server and the worker use), and the cold fallback
(`render_pdf_cold`: a LibreOffice started with a fresh profile for one document, what every
conversion paid before).
"""

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
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
    parser.add_argument("--pdf-runs", type=int, default=20)
    parser.add_argument("--cold-runs", type=int, default=3)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="gandan-bench-pdf-")
    os.environ["GANDAN_DATA_DIR"] = data_dir
    try:
        run(args)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def run(args: argparse.Namespace) -> None:
    import django

    django.setup()
    from gandan.paperwork import converter
    from gandan.paperwork.rendering import (
        PDF_TIMEOUT_SECONDS,
        libreoffice_binary,
        render_docx,
        render_pdf,
        render_pdf_cold,
    )
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

    binary = libreoffice_binary()
    if binary is None:
        print("render_pdf: skipped, LibreOffice (soffice) is not installed")
        return
    started = time.perf_counter()
    state = converter.start(binary, wait=True)
    if state is None:
        print("render_pdf: the converter (unoserver) did not start; only the cold figure")
    else:
        print(f"converter: unoserver ready in {time.perf_counter() - started:.1f} s (once)")
    try:
        pdf = render_pdf(content)  # the first conversion loads the fonts and filters
        page_count = "?"
        if shutil.which("pdfinfo"):
            info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True).stdout
            page_count = next(
                (
                    line.split()[-1]
                    for line in info.decode().splitlines()
                    if line.startswith("Pages:")
                ),
                "?",
            )
        print(f"PDF: {len(pdf)} bytes, {page_count} pages")
        cold = timed(
            lambda: render_pdf_cold(content, binary=binary, timeout=PDF_TIMEOUT_SECONDS),
            args.cold_runs,
        )
        print(describe("render_pdf_cold (soffice started)", cold))
        if state is not None:
            warm = timed(lambda: render_pdf(content), args.pdf_runs)
            print(describe("render_pdf (converter running)", warm))
            print(
                f"PDF median {statistics.median(warm) * 1000:.0f} ms; cold / running: "
                f"{statistics.median(cold) / statistics.median(warm):.1f}×; running / "
                f"render_docx: {statistics.median(warm) / statistics.median(docx_times):.0f}×"
            )
    finally:
        converter.stop_started()


if __name__ == "__main__":
    main()
