"""Production settings, as a real deployment gets them: from the environment alone.

Each test starts a fresh Python process with production variables (settings
are read once per process), so nothing here leaks into the rest of the suite.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PRODUCTION_ENV = {
    "PRODUCTION": "1",
    "SECRET_KEY": "k3y-for-the-deploy-check-only-8c1f0e9a5b7d2c4e6f8a0b1c3d5e7f9a1b",
    "ALLOWED_HOSTS": "exchange.example.gov.hk",
    "CSRF_TRUSTED_ORIGINS": "https://exchange.example.gov.hk",
    "DATABASE_URL": "postgres://exchange:secret@db.invalid:5432/exchange",  # never connected to
    "EMAIL_HOST": "smtp.example.gov.hk",
    "DEFAULT_FROM_EMAIL": "exchange@example.gov.hk",
}
# Drop whatever this run's environment says (DATABASE_URL on the PostgreSQL leg, DEBUG, ...).
CLEARED = {
    "DEBUG",
    "DATABASE_URL",
    "SECURE_SSL_REDIRECT",
    "SECURE_COOKIES",
    "TRUST_X_FORWARDED_PROTO",
    "STATIC_MANIFEST",
    "TRUSTED_PROXY_COUNT",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests while they run
}


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in CLEARED}
    environment.update(env)
    return subprocess.run(  # noqa: S603 — our own interpreter and manage.py
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_passes_with_production_variables():
    result = run("manage.py", "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_passes_behind_a_proxy_that_redirects_to_https_itself():
    result = run(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION_ENV,
        SECURE_SSL_REDIRECT="0",
        TRUST_X_FORWARDED_PROTO="1",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_fails_on_the_development_settings():
    # The same check, without production variables, must complain: proof it checks something.
    result = run("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W004" in result.stderr  # no HSTS
    assert "security.W012" in result.stderr  # session cookie not secure


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without(missing):
    env = {**PRODUCTION_ENV, missing: ""}
    result = run("manage.py", "check", **env)
    assert result.returncode != 0
    assert f"{missing} must be set in production (PRODUCTION=1)" in result.stderr
    assert "Traceback" in result.stderr  # ImproperlyConfigured, said at start-up, not later


def test_production_refuses_debug():
    result = run("manage.py", "check", **PRODUCTION_ENV, DEBUG="1")
    assert result.returncode != 0
    assert "DEBUG must be off in production" in result.stderr


PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
https = Client(HTTP_HOST="exchange.example.gov.hk").get("/accounts/login/", secure=True)
http = Client(HTTP_HOST="exchange.example.gov.hk").get("/accounts/login/")
proxied = Client(HTTP_HOST="exchange.example.gov.hk", HTTP_X_FORWARDED_PROTO="https").get("/accounts/login/")
print(json.dumps({
    "settings": {name: getattr(settings, name) for name in [
        "DEBUG", "SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME", "LANGUAGE_COOKIE_NAME", "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "EMAIL_BACKEND",
    ]},
    "conn_max_age": settings.DATABASES["default"]["CONN_MAX_AGE"],
    "conn_health_checks": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "https": {"status": https.status_code, "headers": dict(https.headers), "cookies": {
        name: {"secure": bool(c["secure"]), "httponly": bool(c["httponly"]), "path": c["path"], "domain": c["domain"]}
        for name, c in https.cookies.items()}},
    "http": {"status": http.status_code, "location": http.get("Location")},
    "proxied": {"status": proxied.status_code},
}))
"""


@pytest.fixture(scope="module")
def production():
    """Settings and one login page as production serves them (no database needed for it)."""
    result = run(
        "-c",
        PROBE,
        DJANGO_SETTINGS_MODULE="exchange.settings",
        **PRODUCTION_ENV,
        STATIC_MANIFEST="0",  # no collectstatic here
        TRUST_X_FORWARDED_PROTO="1",
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_cookies_are_secure_host_cookies(production):
    assert production["settings"]["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert production["settings"]["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    assert production["settings"]["LANGUAGE_COOKIE_NAME"] == "__Host-language"
    csrf = production["https"]["cookies"]["__Host-csrftoken"]
    # What browsers demand of a __Host- cookie: Secure, Path=/, no Domain.
    assert csrf == {"secure": True, "httponly": False, "path": "/", "domain": ""}


def test_production_sends_the_security_headers(production):
    headers = production["https"]["headers"]
    assert production["https"]["status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_production_redirects_http_to_https_and_trusts_the_proxy_only_when_told(production):
    assert production["http"] == {"status": 301, "location": "https://exchange.example.gov.hk/accounts/login/"}
    # TRUST_X_FORWARDED_PROTO=1: the proxy said the client used https.
    assert production["proxied"]["status"] == 200


def test_production_keeps_database_connections_and_hashes_static_files(production):
    assert production["settings"]["DEBUG"] is False
    assert production["conn_max_age"] == 60
    assert production["conn_health_checks"] is True
    assert production["settings"]["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"


def test_production_static_files_are_compressed_and_hashed():
    result = run(
        "-c",
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.STORAGES['staticfiles']['BACKEND'])",
        DJANGO_SETTINGS_MODULE="exchange.settings",
        **PRODUCTION_ENV,
    )
    assert result.stdout.strip() == "whitenoise.storage.CompressedManifestStaticFilesStorage", result.stderr
