"""System checks of the petitions app: the rate-limit store can work (throttle.py)."""

import importlib.util

from django.conf import settings
from django.core import checks

from gandan.petitions.throttle import STORE

REDIS = "django.core.cache.backends.redis.RedisCache"
SHARED = {REDIS, "django.core.cache.backends.db.DatabaseCache"}


def check_rate_limit_store(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The "ratelimit" cache exists, is shared by every worker, and Redis has its client."""
    backend = settings.CACHES.get(STORE, {}).get("BACKEND")
    if backend not in SHARED:
        return [
            checks.Error(
                f'CACHES["{STORE}"] must be Redis or the database cache (got {backend!r}): a '
                "per-process cache lets every worker count on its own.",
                id="petitions.E001",
            )
        ]
    if backend == REDIS and importlib.util.find_spec("redis") is None:
        return [
            checks.Error(
                "REDIS_URL is set but the redis package is not installed.",
                hint="Install redis (pip install redis) or unset REDIS_URL to count in the "
                "database.",
                id="petitions.E002",
            )
        ]
    return []
