"""Gần Dân settings: one file, read from the environment, with defaults that just work.

Environment variables:
  GANDAN_DATA_DIR      local data folder (default ./var): SQLite database, secret key, files
  DATABASE_URL         postgres://user@127.0.0.1:5432/gandan (default: SQLite in the data folder)
  DATABASE_REPLICA_URL a streaming replica for the dashboards' summary tables (optional)
  DATABASE_PGBOUNCER   1 when DATABASE_URL goes through pgbouncer in transaction mode
  REDIS_URL            redis://127.0.0.1:6379/0 for the shared rate-limit counters (default: a
                       database table)
  SECRET_KEY           the Django secret key (or the file secret_key in the data folder)
  GANDAN_IDENTITY_KEY  the key sealing denouncers' identities (or the file identity_key)
  GANDAN_AUDIT_KEY     the audit chain's HMAC key (or the file audit_key)
                       Keys are kept outside the database and outside backups (core/keys.py):
                       in local mode they are generated once; elsewhere a missing one stops
                       the server at start-up, naming the variable and the file.
  GANDAN_LOCAL         1 on a developer's machine (keys generated when missing); DEBUG=1,
                       GANDAN_DEMO=1, the tests and `gandan demo` are local too; 0 forces
                       the production behaviour
  GANDAN_AUDIT_CHECKPOINT_DIR  where the audit chain's signed checkpoints are appended
                       (default <data folder>/audit-checkpoints; better on another disk)
  DEBUG                off unless set to 1
  ALLOWED_HOSTS        comma-separated (default 127.0.0.1,localhost)
  GANDAN_DEMO          1 when the demo is running (shows demo passwords on the login page)
  EMAIL_BACKEND        e-mail backend (default: printed to the console; the demo: files in
                       EMAIL_FILE_PATH, default <data folder>/thu-da-gui)
  GANDAN_SITE_URL      the address people open, for links in e-mails (default http://127.0.0.1:8000)
  HTTPS settings, on by default in production (DEBUG off, not the demo, not GANDAN_LOCAL=1
  nor the tests), off otherwise:
  SECURE_SSL_REDIRECT  redirect plain HTTP to HTTPS
  SECURE_HSTS_SECONDS  Strict-Transport-Security max-age (production default: one year);
                       SECURE_HSTS_INCLUDE_SUBDOMAINS, SECURE_HSTS_PRELOAD (on in production)
  SECURE_COOKIES       session and CSRF cookies sent over HTTPS only
  SECURE_PROXY_SSL_HEADER  the header a TLS-terminating proxy sets, e.g.
                       "HTTP_X_FORWARDED_PROTO=https" (production default); "" when none
  LOGIN_LOCKOUT_MINUTES    how long 20 wrong passwords lock a name at an address (default 60)
"""

import datetime as dt
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from gandan.core import keys
from gandan.core.env import data_dir, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()

DEBUG = env_bool("DEBUG", False)
# Outside local mode, a key missing from the environment and the data folder stops here.
keys.require_all(DATA_DIR)
SECRET_KEY = keys.secret_key(DATA_DIR)
AUDIT_CHECKPOINT_DIR = Path(
    env_str("GANDAN_AUDIT_CHECKPOINT_DIR", "") or DATA_DIR / "audit-checkpoints"
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
GANDAN_DEMO = env_bool("GANDAN_DEMO", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks_db",
    "gandan.core",
    "gandan.orgs",
    "gandan.worktime",
    "gandan.audit",
    "gandan.legal",
    "gandan.paperwork",
    "gandan.notify",
    "gandan.plans",
    "gandan.petitions",
    "gandan.democracy",
    "gandan.surveys",
    "gandan.evaluation",
    "gandan.emulation",
    "gandan.news",
    "gandan.reports",
    "gandan.portal",
    "gandan.search",
    "gandan.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "gandan.core.middleware.VietnameseByDefault",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "gandan.orgs.twofactor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns a lockout flagged during the request into the Vietnamese lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gandan.urls"
WSGI_APPLICATION = "gandan.wsgi.application"
# The demo's composition (every app's demo data, in order): called by the `demo` command.
DEMO_BUILDER = "gandan.demo.build_all"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gandan.orgs.context_processors.current_organisation",
                "gandan.notify.context_processors.unread",
            ],
        },
    },
]

# Database: SQLite (WAL) in the data folder by default; PostgreSQL through DATABASE_URL.
_conn_max_age = env_int("CONN_MAX_AGE", 600)
# Behind pgbouncer in transaction mode a server-side cursor cannot outlive its transaction
# (Django docs, "Transaction pooling and server-side cursors"): DATABASE_PGBOUNCER=1 turns them off.
_behind_pgbouncer = env_bool("DATABASE_PGBOUNCER", False)
if env_str("DATABASE_URL", ""):
    DATABASES = {
        "default": dj_database_url.parse(
            env_str("DATABASE_URL", ""),
            conn_max_age=_conn_max_age,
            conn_health_checks=True,
            disable_server_side_cursors=_behind_pgbouncer,
        )
    }
else:
    DATABASES = {
        "default": {
            # Django's SQLite backend with writers queued on a file lock (core/sqlite/base.py).
            "ENGINE": "gandan.core.sqlite",
            "NAME": str(DATA_DIR / "gandan.sqlite3"),
            "CONN_MAX_AGE": _conn_max_age,
            "OPTIONS": {
                # IMMEDIATE: a writing transaction takes the write lock at BEGIN, so two writers
                # queue instead of failing half-way with "database is locked".
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }
# A streaming replica for the dashboards' summary tables (docs/PROVINCE.md): same options as
# the primary; reads routed only by gandan.core.db_router (never a user's own writes); tests
# mirror the primary.
if env_str("DATABASE_REPLICA_URL", ""):
    _replica = dj_database_url.parse(
        env_str("DATABASE_REPLICA_URL", ""),
        conn_max_age=_conn_max_age,
        conn_health_checks=True,
        disable_server_side_cursors=_behind_pgbouncer,
    )
    if _replica["ENGINE"] == DATABASES["default"]["ENGINE"]:
        _replica["OPTIONS"] = {
            **DATABASES["default"].get("OPTIONS", {}),
            **_replica.get("OPTIONS", {}),
        }
    DATABASES["replica"] = {**DATABASES["default"], **_replica, "TEST": {"MIRROR": "default"}}
    DATABASE_ROUTERS = ["gandan.core.db_router.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches. "ratelimit" holds the public pages' rate-limit counters (gandan.petitions.throttle,
# django-ratelimit) and must be shared by every worker: Redis when REDIS_URL is set (e.g.
# redis://127.0.0.1:6379/0; needs the `redis` package), else a table of the database, created
# by migration petitions 0005 (or `gandan createcachetable`). MAX_ENTRIES is high because
# culling a full table would forget counters and let a flood through.
_redis_url = env_str("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": _redis_url,
        "KEY_PREFIX": "gandan",
    }
    if _redis_url
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "gandan_rate_limits",
        "OPTIONS": {"MAX_ENTRIES": 500_000, "CULL_FREQUENCY": 10},
    },
}
RATELIMIT_USE_CACHE = "ratelimit"

AUTH_USER_MODEL = "orgs.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "desk"
LOGOUT_REDIRECT_URL = "portal:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Logins: django-axes counts wrong passwords in the database (SQLite and PostgreSQL alike) and
# refuses a name at an address after 20 in a row; keyed by name *and* address, so one person's
# typos never lock the whole school's Wi-Fi (every teacher shares its address).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 20
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 60))
AXES_RESET_ON_SUCCESS = True  # "in a row": a right password starts the count again
AXES_LOCKOUT_CALLABLE = "gandan.orgs.lockouts.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # logins are already in the audit log; no second copy
AXES_VERBOSE = False
# Second factor (django-otp): TOTP apps, with one-time recovery codes. Required for the people
# named in gandan.orgs.twofactor.requires_second_factor, and for these predicates too:
SECOND_FACTOR_ALSO_REQUIRED_FOR = ["gandan.petitions.access.may_see_a_denouncer_identity"]
SECOND_FACTOR_ENFORCED = True  # only the browser tests of other features turn it off
OTP_TOTP_ISSUER = "Gần Dân"
OTP_LOGIN_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: Vietnamese first, English second.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["gandan.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns at start-up when it is missing
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploaded files live outside the web root and are served only through permission checks.
MEDIA_ROOT = DATA_DIR / "files"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# HTTPS: production defaults outside local mode (keys.local_mode: DEBUG, the demo served on plain
# HTTP on 127.0.0.1, GANDAN_LOCAL=1, the test runner); each can be set from the environment.
_production = not keys.local_mode()
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", _production)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if _production else 0)
# HSTS covers the host Gần Dân is served on and the names below it (serve it on a host of
# its own, e.g. gandan.<school domain>); "preload" only allows a submission to browsers' lists,
# which stays the domain owner's decision.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", _production)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", _production)
_proxy_header = env_str(
    "SECURE_PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO=https" if _production else ""
)
if _proxy_header:
    _name, _, _value = _proxy_header.partition("=")
    if not _name.startswith("HTTP_") or not _value:
        raise ImproperlyConfigured(
            "SECURE_PROXY_SSL_HEADER must look like HTTP_X_FORWARDED_PROTO=https, "
            f"got {_proxy_header!r}"
        )
    SECURE_PROXY_SSL_HEADER = (_name, _value)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", _production)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
}

_email_backend = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
MAILERS = {
    "default": {"BACKEND": _email_backend}
    if not _email_backend.endswith(".filebased.EmailBackend")
    # The demo keeps what it sends as files (EMAIL_FILE_PATH, default <data folder>/thu-da-gui).
    else {
        "BACKEND": _email_backend,
        "OPTIONS": {"file_path": env_str("EMAIL_FILE_PATH", str(DATA_DIR / "thu-da-gui"))},
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "gandan@localhost")

# Background work: Django's tasks framework with the database backend (django-tasks-db). Tasks
# are rows written in the transaction that enqueues them; `gandan worker` runs them and the
# schedule (gandan.notify.schedule). Nothing is sent inside a request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
GANDAN_SITE_URL = env_str("GANDAN_SITE_URL", "http://127.0.0.1:8000")
# Further message channels (an SMS or Zalo OA sender): name -> dotted path of a class with
# send(outgoing); gandan.notify.delivery.
GANDAN_MESSAGE_CHANNELS: dict[str, str] = {}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Static files come straight from the apps' folders through whitenoise; `collectstatic`
# is only an optimisation for production.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
