"""Rate limits of the public pages (petitions, and surveys through `Limit`/`is_limited`/`hit`).

The counters are django-ratelimit's (`django_ratelimit.core.get_usage`: fixed windows, keys
hashed), kept in the cache named `STORE` in settings.CACHES: Redis when REDIS_URL is set, else
a table of the database (`DatabaseCache`, created by migration petitions 0005). Every worker
process and every server shares that store, so a limit is one limit, not one per process.
DatabaseCache increments by read-then-write; `_serialised` runs each count in a transaction
that holds a lock (SQLite: the IMMEDIATE write lock; PostgreSQL: an advisory lock per bucket),
so two workers counting at once both count.

How the keys are chosen, and why:
- A school's Wi-Fi puts hundreds of parents behind one address, and after a parents' meeting
  dozens of them may send feedback within the hour. A limit by address alone that is tight
  enough to stop a script would turn them all away. So public intake is limited by three keys:
  the address, generously (INTAKE_ADDRESS: a hundred cases an hour, far above any meeting and
  far below a flood); the browser session, tightly (INTAKE_SESSION: one person sending again
  and again); and the phone number and e-mail the sender gives, tightly (INTAKE_SENDER: the
  same person from several browsers). A script that drops its cookies and varies the phone
  meets the address limit.
- Attachments cost the most: at most MAX_SUBMISSION_BYTES in one submission (a service rule,
  `services.intake`), and UPLOAD_BYTES_PER_ADDRESS per address per day.
- Every request that names a tracking code counts — the page, the receipt, rating, contesting,
  the API — by address (LOOKUP_ADDRESS, generous for the same Wi-Fi reason) and by code
  (LOOKUP_CODE: one case hammered). Wrong codes count apart and tightly (LOOKUP_MISS): codes
  are 10 characters of 32 (10^15), guessing needs misses, parents rarely miss.
- Ratings and contests: by code (FEEDBACK_CODE) and by address (FEEDBACK_ADDRESS).
When a limit trips, the caller shows the form again with what was typed and `Refusal.message`
(calm, Vietnamese, how long to wait); status 429.

Surveys use `Limit`, `is_limited(limit, request)` and `hit(limit, request)`: limits by address
in the same shared store.
"""

import datetime as dt
import hashlib
import ipaddress
import logging
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage  # type: ignore[import-untyped]  # no stubs

logger = logging.getLogger(__name__)

STORE = "ratelimit"  # the cache alias in settings.CACHES (also RATELIMIT_USE_CACHE)
VISITOR = "petitions_visitor"  # a random id in the session, for the per-session limit


@dataclass(frozen=True)
class Limit:
    """At most `limit` counts per `window` seconds per key, in the bucket `bucket`."""

    bucket: str
    limit: int
    window: int  # seconds


INTAKE_ADDRESS = Limit("intake-address", 100, 3600)
INTAKE_SESSION = Limit("intake-session", 5, 600)
INTAKE_SENDER = Limit("intake-sender", 5, 3600)
LOOKUP_ADDRESS = Limit("lookup-address", 300, 600)
LOOKUP_CODE = Limit("lookup-code", 60, 600)
LOOKUP_MISS = Limit("lookup-miss", 30, 600)
FEEDBACK_CODE = Limit("feedback-code", 5, 3600)
FEEDBACK_ADDRESS = Limit("feedback-address", 60, 3600)
UPLOAD_BYTES_PER_ADDRESS = 200 * 1024 * 1024  # a day


@dataclass(frozen=True)
class Refusal:
    """A tripped limit: which, how long until it clears, what to tell the person."""

    limit: Limit | None
    retry_after: int  # seconds
    message: str


def client_address(request: HttpRequest) -> str:
    """The client's address; IPv6 by its /64 (one household or phone holds a whole /64)."""
    raw = request.META.get("REMOTE_ADDR") or ""
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def _store():
    return caches[STORE]


@contextmanager
def _serialised(bucket: str) -> Iterator[None]:
    store = _store()
    if not isinstance(store, DatabaseCache):
        yield  # Redis increments atomically
        return
    alias = router.db_for_write(store.cache_model_class)
    with transaction.atomic(using=alias):
        if connections[alias].vendor == "postgresql":
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"rl:{bucket}"])
        yield


def _usage(request: HttpRequest, limit: Limit, value: str, *, increment: bool) -> dict | None:
    """django-ratelimit's usage of `limit` for `value`; None when the store cannot answer
    (the limit then lets the request through: a parent is never refused for our outage)."""
    try:
        with _serialised(limit.bucket):
            return get_usage(
                request,
                group=f"gandan:{limit.bucket}",
                key=lambda group, request: value,
                rate=(limit.limit, limit.window),
                increment=increment,
            )
    except Exception:
        logger.exception("rate-limit store unavailable (%s)", limit.bucket)
        return None


def used(request: HttpRequest, limit: Limit, value: str) -> int:
    """How many counts `value` has used of `limit` in the current window."""
    usage = _usage(request, limit, value, increment=False)
    return int(usage["count"]) if usage else 0


def _peek(request: HttpRequest, limit: Limit, value: str) -> int | None:
    """Seconds to wait when `value` has used up `limit` (without counting), else None."""
    usage = _usage(request, limit, value, increment=False)
    if usage is None or usage["count"] < limit.limit:
        return None
    return max(int(usage["time_left"]), 1)


def _count(request: HttpRequest, limit: Limit, value: str) -> int | None:
    """Count one for `value`; seconds to wait when that went over `limit`, else None."""
    usage = _usage(request, limit, value, increment=True)
    if usage is None or usage["count"] <= limit.limit:
        return None
    return max(int(usage["time_left"]), 1)


def _minutes(seconds: int) -> int:
    return max(1, -(-seconds // 60))


# --- surveys' interface: one limit by address ---------------------------------------------


def is_limited(limit: Limit, request: HttpRequest) -> bool:
    """True when this address has used up `limit` in the current window (counts nothing)."""
    return _peek(request, limit, client_address(request)) is not None


def hit(limit: Limit, request: HttpRequest) -> None:
    """Count one use of `limit` by this address."""
    _usage(request, limit, client_address(request), increment=True)


# --- public intake --------------------------------------------------------------------------


def visitor(request: HttpRequest, *, create: bool = False) -> str:
    """This browser's random id, kept in its session for the per-session limit; made when the
    form is shown (`create`), never by an API call (no session there), "" when there is none."""
    session = getattr(request, "session", None)
    if session is None:
        return ""
    if create and not session.get(VISITOR):
        session[VISITOR] = secrets.token_hex(16)
    return session.get(VISITOR, "")


def _sender_keys(phone: str, email: str) -> list[str]:
    keys = []
    digits = "".join(ch for ch in phone if ch.isdigit())
    if digits.startswith("84") and len(digits) > 10:
        digits = "0" + digits[2:]
    if digits:
        keys.append(f"phone:{digits}")
    if email.strip():
        keys.append(f"email:{email.strip().lower()}")
    return keys


def _intake_keys(request: HttpRequest, phone: str, email: str) -> list[tuple[Limit, str]]:
    keys = [(INTAKE_ADDRESS, client_address(request))]
    session = visitor(request)
    if session:
        keys.append((INTAKE_SESSION, session))
    keys += [(INTAKE_SENDER, key) for key in _sender_keys(phone, email)]
    return keys


def _bytes_key(request: HttpRequest) -> str:
    day = timezone.localdate().isoformat()
    digest = hashlib.sha256(f"{client_address(request)}:{day}".encode()).hexdigest()
    return f"gandan:upload-bytes:{digest}"


def uploaded_today(request: HttpRequest) -> int:
    """Bytes of attachments this address sent today."""
    try:
        return int(_store().get(_bytes_key(request)) or 0)
    except Exception:
        logger.exception("rate-limit store unavailable (upload bytes)")
        return 0


def check_intake(
    request: HttpRequest, *, phone: str = "", email: str = "", upload_bytes: int = 0
) -> Refusal | None:
    """Whether this submission may be stored now (counts nothing: `record_intake` does, once
    it is stored, so that a form sent back with errors costs the parent nothing)."""
    for limit, value in _intake_keys(request, phone, email):
        wait = _peek(request, limit, value)
        if wait is not None:
            if limit is INTAKE_SENDER:
                text = _(
                    "Số điện thoại hoặc thư điện tử này vừa gửi nhiều đơn trong thời gian ngắn. "
                    "Nội dung ông (bà) đã viết vẫn còn dưới đây; xin chờ khoảng %(minutes)s phút "
                    "rồi bấm Gửi lại, hoặc liên hệ trực tiếp nhà trường."
                )
            else:
                text = _(
                    "Nhà trường vừa nhận nhiều đơn từ máy hoặc mạng này trong thời gian ngắn. "
                    "Nội dung ông (bà) đã viết vẫn còn dưới đây; xin chờ khoảng %(minutes)s phút "
                    "rồi bấm Gửi lại, hoặc liên hệ trực tiếp nhà trường."
                )
            return Refusal(limit, wait, text % {"minutes": _minutes(wait)})
    if upload_bytes and uploaded_today(request) + upload_bytes > UPLOAD_BYTES_PER_ADDRESS:
        now = timezone.localtime()
        tomorrow = timezone.make_aware(dt.datetime.combine(now.date(), dt.time()))
        wait = int((tomorrow + dt.timedelta(days=1) - now).total_seconds())
        return Refusal(
            None,
            wait,
            _(
                "Hôm nay nhà trường đã nhận nhiều tệp đính kèm từ mạng này (quá %(mb)s MB). Nội "
                "dung ông (bà) đã viết vẫn còn dưới đây: có thể gửi đơn không kèm tệp rồi mang "
                "tệp đến trường, hoặc gửi tệp vào ngày mai."
            )
            % {"mb": UPLOAD_BYTES_PER_ADDRESS // (1024 * 1024)},
        )
    return None


def record_intake(
    request: HttpRequest, *, phone: str = "", email: str = "", upload_bytes: int = 0
) -> None:
    """Count one stored submission against every key, and its attachments' bytes."""
    for limit, value in _intake_keys(request, phone, email):
        _usage(request, limit, value, increment=True)
    if upload_bytes:
        key = _bytes_key(request)
        try:
            with _serialised("upload-bytes"):
                store = _store()
                store.add(key, 0, timeout=2 * 24 * 3600)
                store.incr(key, upload_bytes)
        except Exception:
            logger.exception("rate-limit store unavailable (upload bytes)")


def record_rejected(request: HttpRequest) -> None:
    """A submission refused as automated (the honeypot) counts against the address."""
    _usage(request, INTAKE_ADDRESS, client_address(request), increment=True)


# --- tracking codes -------------------------------------------------------------------------


def _lookup_message(wait: int) -> str:
    return _(
        "Có nhiều lượt tra cứu từ máy hoặc mạng này trong thời gian ngắn. Xin chờ khoảng "
        "%(minutes)s phút rồi tra cứu lại; mã ông (bà) đã nhập vẫn còn trong ô dưới đây."
    ) % {"minutes": _minutes(wait)}


def check_lookup(request: HttpRequest, code: str = "") -> Refusal | None:
    """Count one request that names a tracking code (any endpoint) and say whether it may be
    answered: by address, by code, and refused while this address has too many misses."""
    address = client_address(request)
    checks: Sequence[tuple[Limit, str, bool]] = [
        (LOOKUP_MISS, address, False),
        (LOOKUP_ADDRESS, address, True),
        *([(LOOKUP_CODE, code, True)] if code else []),
    ]
    refusal = None
    for limit, value, counts in checks:
        wait = _count(request, limit, value) if counts else _peek(request, limit, value)
        if wait is not None and refusal is None:
            refusal = Refusal(limit, wait, _lookup_message(wait))
    return refusal


def record_miss(request: HttpRequest) -> None:
    """A code that names no case: counts against the address's misses."""
    _usage(request, LOOKUP_MISS, client_address(request), increment=True)


def check_feedback(request: HttpRequest, code: str) -> Refusal | None:
    """Whether a rating or a contest of this case may be stored now (counts nothing)."""
    for limit, value in ((FEEDBACK_CODE, code), (FEEDBACK_ADDRESS, client_address(request))):
        wait = _peek(request, limit, value)
        if wait is not None:
            return Refusal(
                limit,
                wait,
                _(
                    "Đã có nhiều lượt đánh giá, đề nghị cho vụ việc này hoặc từ mạng này trong "
                    "thời gian ngắn. Nội dung ông (bà) đã viết vẫn còn dưới đây; xin chờ khoảng "
                    "%(minutes)s phút rồi gửi lại."
                )
                % {"minutes": _minutes(wait)},
            )
    return None


def record_feedback(request: HttpRequest, code: str) -> None:
    """Count one stored rating or contest."""
    _usage(request, FEEDBACK_CODE, code, increment=True)
    _usage(request, FEEDBACK_ADDRESS, client_address(request), increment=True)
