"""Settings for the exchange programme manager.

Every value that differs between a laptop and production comes from the
environment, read through the small helpers below, which fail loudly on a
value they cannot understand rather than guessing. With no environment at all
the app runs on an SQLite file with DEBUG off. README.md lists every variable.
"""

import os
import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of {sorted(_TRUE | _FALSE)}, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# PRODUCTION=1 turns on everything a real deployment needs and refuses to
# start without it: a SECRET_KEY, a DATABASE_URL and ALLOWED_HOSTS; HTTPS
# only (HSTS, secure __Host- cookies, redirect to https); hashed static files;
# persistent database connections; mail through SMTP.
PRODUCTION = env_bool("PRODUCTION", False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production (PRODUCTION=1): its pages show settings and code.")

# What production cannot guess: a clear message rather than a default that
# half works (a development key, localhost, an SQLite file).
if PRODUCTION:
    _missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL") if not env_str(name).strip()]
    if _missing:
        raise ImproperlyConfigured(f"{', '.join(_missing)} must be set in production (PRODUCTION=1); see README.md.")


# A development key is tolerated only outside production (checked above).
SECRET_KEY = env_str("SECRET_KEY") or "insecure-development-key-not-for-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# -- HTTPS and headers ----------------------------------------------------------
# On in production, off on a laptop and in the tests (plain http). Each can be
# set on its own; tests/production/test_deploy.py runs `check --deploy` with
# production variables.

# Behind a proxy that terminates TLS (nginx, a load balancer) and sets
# X-Forwarded-Proto: Django then knows which requests came in over https. Set
# only when the proxy overwrites the header: a client could otherwise send it.
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Redirect http to https here; switch off when the proxy in front redirects
# itself (the deploy check's W008 is then expected, and silenced).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
# The directive alone enrols nothing: the domain's owner submits it to the
# browsers' preload list, and only then does it bind.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Secure cookies carry the __Host- prefix: the browser then accepts them only
# over https, for the whole site and this host alone (no Domain), so neither a
# sibling subdomain nor a man in the middle on http can plant or read them. A
# browser refuses a __Host- cookie over plain http, hence normal names there.
SECURE_COOKIES = env_bool("SECURE_COOKIES", PRODUCTION)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_NAME = "__Host-sessionid" if SECURE_COOKIES else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if SECURE_COOKIES else "csrftoken"
LANGUAGE_COOKIE_NAME = "__Host-language" if SECURE_COOKIES else "django_language"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"

SILENCED_SYSTEM_CHECKS = [] if SECURE_SSL_REDIRECT or not PRODUCTION else ["security.W008"]

# Content-Security-Policy (django-csp): scripts, styles, fonts and images from
# this site only. No inline script, no eval, no inline style but the one below:
# every script is a file in static/ (static/js/app.js, the admin's own files),
# and so is every style sheet. Bootstrap draws a few icons
# (the select arrow, the menu button) as data: SVG images in its CSS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # One inline style attribute, in django-simple-history's history page
        # (`style="border-top: 0"`), allowed by its hash and nothing else.
        "style-src-attr": ["'unsafe-hashes'", "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

INSTALLED_APPS = [
    # First, so its ready() connects the audit log's receivers before the admin's
    # autodiscovery imports axes' (a failed login is then logged before the
    # lockout it causes).
    "placements",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "bootstrap",  # Bootstrap 5 CSS/JS from the django-bootstrap-static package
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "django_filters",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # With a shared cache: the session, user and stamps in one read (exchange/prefetch.py).
    "exchange.prefetch.PrefetchMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After auth and messages: ends sessions idle or old (and says so).
    "placements.middleware.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last: turns a lockout from the login form into the locked-out page.
    "axes.middleware.AxesMiddleware",
    # Records who made each change in the history (placements.models.base.history).
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "exchange.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "placements.context_processors.programme",
            ],
        },
    },
]

WSGI_APPLICATION = "exchange.wsgi.application"

# SQLite unless DATABASE_URL names another database (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Persistent connections save a connect per request behind gunicorn;
        # the health check finds a connection the database dropped (a restart,
        # a failover) before the request uses it, and opens a new one.
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60 if PRODUCTION else 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # BEGIN IMMEDIATE takes the write lock at the start of every
        # transaction, so two coordinators can never both count the last free
        # place and both take it (PostgreSQL uses SELECT ... FOR UPDATE).
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Everyone logs in on the same page and then lands where their work is
# (placements.access.landing_url): coordinators in the admin, officials on the
# reports, seconded officers on their assignment page.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 3 * 24 * 60 * 60)

# Axes first: it refuses a locked-out username and address before any
# password is checked, then Django's own backend logs people in.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's, reading permissions in one query (exchange/auth.py).
    "exchange.auth.ModelBackend",
]
# Five failures for one username from one address lock that pair out for 15
# minutes from the fifth failure (placements.views.locked_out says so);
# attempts while locked out do not extend it, so nobody is locked out for good.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "placements.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "placements.audit.client_ip"
# Logins are in our own audit log (placements.audit); axes keeps only the
# failure counters it needs, and its admin pages stay out of the coordinators'.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# The addresses of proxies in front of the app (nginx, a load balancer), counted
# from the app outwards: the client's address is the one the outermost proxy
# saw, taken from X-Forwarded-For. 0: REMOTE_ADDR is the client.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# A session ends after 30 minutes without a request or 12 hours after logging
# in, whichever comes first (placements.middleware.SessionTimeoutMiddleware).
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_MAX_AGE = env_int("SESSION_MAX_HOURS", 12) * 60 * 60
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT
# Django's database sessions, read in one plain statement (exchange/sessions.py).
SESSION_ENGINE = "exchange.sessions"

# The cache. With CACHE_URL naming a Redis server shared by every app process
# and server (redis://host:6379/0), a logged-in request served from the page
# cache reads its session, its user and the data stamp from there instead of
# PostgreSQL, and a page is rendered once for all processes (docs/decisions.md,
# "One shared cache"). Without it — `make run`, the tests — each process keeps
# its own cache, and those reads go to the database. Either way the pages
# served are current.
CACHE_URL = env_str("CACHE_URL")
SHARED_CACHE = bool(CACHE_URL)
# Each process's own copy of the pages it serves: no network, no copying out
# of Redis for a 400 KB report (the keys hold the data stamp, so a copy is
# never stale). Django's default of 300 entries would not hold a page for each
# officer of a large cohort; 1 000 does, and bounds a process's pages to a few
# hundred MB even if every one were a 400 KB report.
LOCAL_CACHE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 1000}}
if SHARED_CACHE:
    CACHES = {
        "default": {
            # Django's, with one Redis client per connection pool (exchange/cache.py).
            "BACKEND": "exchange.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "exchange",
            # An unreachable cache is a miss after half a second, not a hung request.
            "OPTIONS": {"socket_timeout": 0.5, "socket_connect_timeout": 0.5},
        },
        "local": {**LOCAL_CACHE, "LOCATION": "pages"},
    }
    # Written to the database and the cache, read from the cache (and from the
    # database when the cache has lost it or cannot be reached).
    SESSION_ENGINE = "exchange.cached_sessions"
else:
    CACHES = {"default": {**LOCAL_CACHE, "LOCATION": "default"}}

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("zh-hant", "繁體中文"),
    ("zh-hans", "简体中文"),
]
LOCALE_PATHS = [BASE_DIR / "placements" / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
TIME_ZONE = env_str("TIME_ZONE", "Asia/Hong_Kong")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    # Signed agreements and other documents are personal or confidential:
    # they live outside the static tree and are never given a public URL.
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env_str("MEDIA_ROOT", str(BASE_DIR / "media")), "base_url": None},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", PRODUCTION)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        ),
    },
}
# Serve straight from the finders when no collectstatic has run (make run,
# tests): one command must be enough on a fresh machine.
WHITENOISE_USE_FINDERS = True
warnings.filterwarnings("ignore", message="No directory at: ", category=UserWarning)
WHITENOISE_AUTOREFRESH = DEBUG

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "exchange-programme@localhost")

# History is read, never rewritten: no "revert" in the admin, and reading it
# takes the history model's own view permission (migration 0005 grants it to
# coordinators, and nothing more).
SIMPLE_HISTORY_REVERT_DISABLED = True
SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS = True
# Whom an officer contacts while their placement is being arranged; shown on
# the assignment page.
SECRETARIAT_EMAIL = env_str("SECRETARIAT_EMAIL", DEFAULT_FROM_EMAIL)
SECRETARIAT_PHONE = env_str("SECRETARIAT_PHONE")

# Documents officers may download (and coordinators may upload).
DOCUMENT_MAX_MB = env_int("DOCUMENT_MAX_MB", 20)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "placements.log_format.JsonLineFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # The audit trail: one JSON object per line on stdout, for whatever
        # collects the container's or the service's output.
        "audit": {"class": "placements.log_format.StdoutHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "audit": {"handlers": ["audit"], "level": "INFO", "propagate": False},
        # Axes says each failure and lockout at WARNING; the audit log has them.
        "axes": {"level": "ERROR"},
    },
}

# Error pages: ours, translated, without a stack trace (placements/errors.py).
CSRF_FAILURE_VIEW = "placements.errors.csrf_failure"

# What people read as the programme's name, in the navbar and admin header.
PROGRAMME_NAME = _("Civil Servant Exchange Programme")
