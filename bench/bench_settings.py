"""Settings of bench/intake_bench.py: the project's own, plus two bench-only changes.

- ROOT_URLCONF is bench/bare_urls.py: the project's URLs plus the bare baseline view.
- GANDAN_BENCH_UNLIMITED_INTAKE=1 lifts the public rate limit, which would otherwise stop a
  loopback client after five submissions. gandan.petitions.throttle has no setting for its
  limits; it counts hits in the `ratelimit` cache, and the dummy cache remembers none.

Never used outside the benchmark's throw-away data folder.
"""

import os

from gandan.settings import *  # noqa: F403

ROOT_URLCONF = "bare_urls"

if os.environ.get("GANDAN_BENCH_UNLIMITED_INTAKE") == "1":
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        for alias in ("default", "ratelimit")
    }
