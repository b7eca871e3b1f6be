"""Public pages on a phone: first contentful paint and HTML size, against a bare page.

Run: .venv/bin/python bench/page_bench.py [--runs N] [--max-seconds S] [--no-throttle]

What it does, all on 127.0.0.1 and in a throw-away data folder (SQLite, WAL):
1. prepares the demo database as bench/intake_bench.py does (`gandan demo --no-serve`);
2. starts granian with the flags of `gandan serve` and bench/bench_settings.py, whose URLs add
   /bench/blank/: a bare page (one heading, one paragraph, no stylesheet) through the same
   server and middleware, the baseline;
3. opens each public page N times in Debian's Chromium (Playwright), each time in a fresh
   browser context (an empty cache, as a citizen arriving from a link), with a phone profile:
   390 × 844 CSS pixels at 3× density, touch, a phone's user agent, the CPU slowed 4× and a 4G
   network (40 ms round trip, 10 Mbit/s down, 5 up) through the DevTools protocol;
4. prints per page the median and worst first contentful paint (the browser's own
   `first-contentful-paint` entry), the HTML size, and the ratio to the bare page; then the
   budget lines: FCP under 1.0 s (half Decidim's CI budget of 2.0 s) and HTML under 200 KB.

Figures, not a test: nothing fails when a budget is missed, the line says so.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from intake_bench import child_env, free_port, start_server, stop_server, wait_until_up  # noqa: E402

FCP_BUDGET_S = 1.0
HTML_BUDGET_BYTES = 200 * 1024
CHROMIUM = "/usr/bin/chromium"
PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Mobile Safari/537.36"
)
BARE = "/bench/blank/"


def public_pages(base: str) -> list[tuple[str, str]]:
    """The pages a citizen opens, found from the demo school's home page."""
    school = "th-thanh-to"
    pages = [
        ("bare page (baseline)", BARE),
        ("home", "/"),
        ("school page", f"/truong/{school}/"),
        ("public disclosures", f"/truong/{school}/cong-khai/"),
        ("send a petition", f"/gui-y-kien/{school}/"),
        ("track a case", "/tra-cuu/"),
        ("Dân vận khéo stories", f"/truong/{school}/dan-van-kheo/"),
        ("news", f"/truong/{school}/tin-tuc/"),
    ]
    return pages


def prepare_and_serve(data_dir: str):
    env = child_env(data_dir)
    subprocess.run(
        [sys.executable, str(BENCH_DIR / "intake_bench.py"), "--prepare"],
        env=env,
        cwd=BENCH_DIR,
        check=True,
        timeout=600,
    )
    port = free_port()
    server = start_server(env, port, 2)
    wait_until_up(port, server, timeout=30)
    return server, port


def measure(browser, url: str, throttle: bool) -> tuple[float | None, int, int]:
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=3,
        is_mobile=True,
        has_touch=True,
        user_agent=PHONE_UA,
        locale="vi-VN",
    )
    page = context.new_page()
    if throttle:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": 40,
                "downloadThroughput": 10 * 1024 * 1024 / 8,
                "uploadThroughput": 5 * 1024 * 1024 / 8,
            },
        )
    response = page.goto(url, wait_until="load")
    status = response.status if response else 0
    size = len(response.body()) if response else 0
    page.wait_for_timeout(50)
    fcp = page.evaluate(
        "() => { const e = performance.getEntriesByName('first-contentful-paint')[0];"
        " return e ? e.startTime : null; }"
    )
    context.close()
    return (fcp / 1000 if fcp is not None else None), size, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--max-seconds", type=float, default=600)
    parser.add_argument("--no-throttle", action="store_true", help="no CPU or network slowdown")
    args = parser.parse_args()
    if not os.path.exists(CHROMIUM):
        raise SystemExit("Debian's Chromium is needed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    data_dir = tempfile.mkdtemp(prefix="gandan-pages-")
    deadline = time.monotonic() + args.max_seconds
    server = None
    try:
        server, port = prepare_and_serve(data_dir)
        base = f"http://127.0.0.1:{port}"
        rows = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
            for label, path in public_pages(base):
                measure(browser, base + path, False)  # warm the server's code path, not the cache
                fcps, size, status = [], 0, 0
                for _ in range(args.runs):
                    if time.monotonic() > deadline:
                        break
                    fcp, size, status = measure(browser, base + path, not args.no_throttle)
                    if fcp is not None:
                        fcps.append(fcp)
                rows.append((label, path, status, size, fcps))
            browser.close()
        profile = "no throttling" if args.no_throttle else "CPU 4× slower, 4G (40 ms, 10 Mbit/s)"
        print(f"phone profile: 390×844 @3×, {profile}; {args.runs} cold loads per page")
        bare_fcp = statistics.median(rows[0][4]) if rows[0][4] else None
        worst_fcp, worst_size = 0.0, 0
        for label, path, status, size, fcps in rows:
            if status != 200 or not fcps:
                print(f"  {label:<24} {path:<34} HTTP {status}, no paint measured")
                continue
            p50, worst = statistics.median(fcps), max(fcps)
            ratio = f"{p50 / bare_fcp:.2f}× bare" if bare_fcp else ""
            print(
                f"  {label:<24} {path:<34} FCP p50 {p50 * 1000:6.0f} ms  max {worst * 1000:6.0f}"
                f" ms  HTML {size / 1024:6.1f} KB  {ratio}"
            )
            if path != BARE:
                worst_fcp, worst_size = max(worst_fcp, p50), max(worst_size, size)
        verdict = "within" if worst_fcp < FCP_BUDGET_S else "OVER"
        print(f"budget: slowest public page FCP p50 {worst_fcp * 1000:.0f} ms ({verdict} 1000 ms)")
        verdict = "within" if worst_size < HTML_BUDGET_BYTES else "OVER"
        print(f"budget: largest public page HTML {worst_size / 1024:.1f} KB ({verdict} 200 KB)")
    finally:
        if server is not None:
            stop_server(server)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
