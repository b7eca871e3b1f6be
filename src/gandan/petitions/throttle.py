"""A small limiter for the public pages, on Django's cache, keyed by client address.

A fixed window: at most `limit` hits per `window` seconds per address and bucket. With the
default per-process LocMemCache each server process counts on its own (2 workers: at most
twice the limit), which is enough against a script; a shared cache makes it exact.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest


@dataclass(frozen=True)
class Limit:
    bucket: str
    limit: int
    window: int  # seconds


INTAKE = Limit("intake", 5, 600)  # five submissions per ten minutes
LOOKUP = Limit("lookup", 30, 600)  # thirty tracking-code look-ups per ten minutes
FEEDBACK = Limit("feedback", 10, 600)  # ratings and contests


def _key(limit: Limit, request: HttpRequest) -> str:
    address = request.META.get("REMOTE_ADDR") or "unknown"
    return f"gandan:petitions:{limit.bucket}:{address}"


def is_limited(limit: Limit, request: HttpRequest) -> bool:
    """True when this address has used up its hits in the current window."""
    return (cache.get(_key(limit, request)) or 0) >= limit.limit


def hit(limit: Limit, request: HttpRequest) -> None:
    key = _key(limit, request)
    if cache.add(key, 1, timeout=limit.window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=limit.window)
