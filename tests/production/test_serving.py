"""The app as production serves it: gunicorn with gunicorn.conf.py, production
settings, static files collected, hashed and compressed, served by WhiteNoise.

One gunicorn, started once for this module on a free loopback port with an
SQLite file, and stopped at the end.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 — our own server on the loopback
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310  # nosec
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serving")
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        PRODUCTION="1",
        SECRET_KEY="k3y-for-the-serving-test-only-5e0b7c1d9a3f2e4c6b8a0d1f3e5c7a9b2d",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        STATIC_ROOT=str(folder / "static"),
        SECURE_SSL_REDIRECT="0",  # plain http on the loopback; nginx redirects in front
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
        GUNICORN_ACCESS_LOG="",
    )
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, timeout=120)  # noqa: S603
    process = subprocess.Popen(  # noqa: S603 — gunicorn from this virtualenv
        [str(GUNICORN), "-c", "gunicorn.conf.py", "exchange.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if fetch(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not answer /healthz within 10 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_gunicorn_serves_the_app_with_production_settings(server):
    status, headers, body = fetch(f"{server}/accounts/login/")
    assert status == 200
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert "__Host-csrftoken=" in headers["Set-Cookie"] and "Secure" in headers["Set-Cookie"]
    assert fetch(f"{server}/healthz")[:1] == (200,)


def test_static_files_are_hashed_compressed_and_cached_for_good(server):
    html = fetch(f"{server}/accounts/login/")[2].decode()
    # {% static %} names the hashed copy, which never changes, so browsers keep it.
    start = html.index("/static/css/app.") + len("/static/")
    path = html[start : html.index('"', start)]
    assert path != "css/app.css"
    status, headers, body = fetch(f"{server}/static/{path}", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]


def test_an_unknown_page_is_our_404_without_a_stack_trace(server):
    status, headers, body = fetch(f"{server}/no/such/page/", **{"Accept-Language": "zh-hant"})
    assert status == 404
    assert '<html lang="zh-hant">' in body.decode()
    assert "Traceback" not in body.decode()
