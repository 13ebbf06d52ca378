"""Settings, driven by the environment (see the README's configuration table)."""

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    return os.getenv(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: int) -> int:
    value = os.getenv(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as e:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from e


def envlist(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.getenv(name, default).split(",") if part.strip()]


DEBUG = envbool("DEBUG", "0")

SECRET_KEY = os.getenv("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off.")
    dev_key_file = BASE_DIR / "var" / "dev-secret-key"
    if dev_key_file.exists():
        SECRET_KEY = dev_key_file.read_text().strip()
    else:
        SECRET_KEY = secrets.token_urlsafe(50)
        dev_key_file.parent.mkdir(parents=True, exist_ok=True)
        dev_key_file.write_text(SECRET_KEY)

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1")

CHATKIT_PUBLIC_URL = os.getenv("CHATKIT_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
_public = urlsplit(CHATKIT_PUBLIC_URL)
if _public.scheme not in ("http", "https") or not _public.netloc:
    raise ImproperlyConfigured(
        "CHATKIT_PUBLIC_URL must be an http(s) URL such as https://chat.example.com"
    )
CHATKIT_PUBLIC_ORIGIN = f"{_public.scheme}://{_public.netloc}"
if _public.hostname and _public.hostname not in ALLOWED_HOSTS and "*" not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append(_public.hostname)
CSRF_TRUSTED_ORIGINS = [CHATKIT_PUBLIC_ORIGIN]

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "channels",
    "chatkit",
    "widgets",
    "studio",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "chatkit.urls"
ASGI_APPLICATION = "chatkit.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASE_URL = os.getenv("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'chatkit.sqlite3'}")
# Persistent connections: opening one (and running the SQLite pragmas) on every trip to
# the database would cost more than the queries themselves.
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=600, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _db_name = Path(DATABASES["default"]["NAME"])
    _db_name.parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers (replays, the admin) run while a response is being written;
        # IMMEDIATE takes the write lock up front so concurrent writers queue instead of failing.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
        "transaction_mode": "IMMEDIATE",
    }
    # A file, not memory: browser tests run Daphne in another process on the same database.
    DATABASES["default"]["TEST"] = {"NAME": str(_db_name.with_name(f"test-{_db_name.name}"))}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.getenv("REDIS_URL", "")
# Installations sharing one Redis database need different prefixes.
REDIS_PREFIX = os.getenv("REDIS_PREFIX", "chatkit")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # channels_redis waits on Redis with a 5 s blocking pop; redis-py's default
                # socket timeout is also 5 s, so an idle connection would time out (and its
                # websocket close with 1011) unless the socket waits longer than the pop.
                "hosts": [
                    {
                        "address": REDIS_URL,
                        "socket_timeout": 15,
                        "socket_connect_timeout": 5,
                        "socket_keepalive": True,
                        "health_check_interval": 10,
                        "retry_on_timeout": True,
                    }
                ],
                "prefix": f"{REDIS_PREFIX}:asgi:",
                "capacity": 1500,
                "expiry": 30,
                # Each process has one channel carrying the events of every thread it follows
                # (chatkit.responses.bus).
                "channel_capacity": {"specific.*-bus": 20_000},
            },
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": REDIS_PREFIX,
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Only these proxies' X-Forwarded-For / -Proto are believed (chatkit.proxies).
CHATKIT_TRUSTED_PROXIES = envlist("CHATKIT_TRUSTED_PROXIES", "")

# Where answers run: "inprocess" (the web process that was asked) or "workers" (Channels
# workers: `manage.py runworker chatkit-responses`, which need the shared Redis layer).
CHATKIT_EXECUTOR = os.getenv("CHATKIT_EXECUTOR", "inprocess").strip().lower()
if CHATKIT_EXECUTOR not in ("inprocess", "workers"):
    raise ImproperlyConfigured(
        f"CHATKIT_EXECUTOR must be 'inprocess' or 'workers', got {CHATKIT_EXECUTOR!r}"
    )
if CHATKIT_EXECUTOR == "workers" and not REDIS_URL:
    raise ImproperlyConfigured("CHATKIT_EXECUTOR=workers needs REDIS_URL (workers listen there).")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Attachments visitors upload. Several server processes need a shared storage here (a shared
# volume, or an object store configured through STORAGES["default"]).
MEDIA_ROOT = Path(os.getenv("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _public.scheme == "https"
CSRF_COOKIE_SECURE = _public.scheme == "https"
if _public.scheme == "https":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGIN_URL = "/admin/login/"

# Product limits; every number here is part of the contract in SPEC.md.
CHATKIT_SESSION_TTL = envint("CHATKIT_SESSION_TTL", 15 * 60)
CHATKIT_MAX_FRAME_BYTES = 64 * 1024
CHATKIT_MAX_MESSAGE_CHARS = envint("CHATKIT_MAX_MESSAGE_CHARS", 16_000)
# Exact event replay is kept at least this long (SPEC: at least 10 minutes).
CHATKIT_EVENT_RETENTION = max(envint("CHATKIT_EVENT_RETENTION", 24 * 3600), 600)
# A running answer renews its lease every third of this; an answer whose lease ran out is
# presumed dead (its process crashed) and closed by another process.
CHATKIT_RUN_LEASE = max(envint("CHATKIT_RUN_LEASE", 6), 3)
# Every answer stops after this long, wherever it runs.
CHATKIT_MAX_ANSWER_SECONDS = max(envint("CHATKIT_MAX_ANSWER_SECONDS", 600), 1)
# A client that reads nothing for this long while frames wait for it is dropped (it
# reconnects and resumes by seq); meanwhile at most a few MiB wait for it.
CHATKIT_STALLED_CLIENT_SECONDS = max(envint("CHATKIT_STALLED_CLIENT_SECONDS", 20), 1)
# On SIGTERM, running answers get this long to finish before they are handed over.
CHATKIT_SHUTDOWN_GRACE = max(envint("CHATKIT_SHUTDOWN_GRACE", 10), 0)

# Pause between the demo agent's tokens, so the demo visibly streams (tests shorten it).
CHATKIT_DEMO_TOKEN_DELAY = 0.02

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
    "loggers": {
        "daphne": {"level": "WARNING"},
        "django.channels.server": {"level": "WARNING"},
        "httpx": {"level": "WARNING"},
    },
}
