"""gunicorn's configuration: `gunicorn -c gunicorn.conf.py exchange.wsgi`.

Everything can be changed from the environment (GUNICORN_*), as the app's
settings are; docs/deployment.md shows it behind nginx, docs/performance.md
what it sustains.

Threads (gthread), not processes alone: a request spends most of its time
waiting for PostgreSQL, and a waiting thread costs far less memory than a
waiting process. Each thread keeps its own database connection open
(DB_CONN_MAX_AGE), so workers × threads is the number of connections one app
server holds: keep it under PostgreSQL's max_connections for all servers.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, not {raw!r}") from None


cores = multiprocessing.cpu_count()

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
# Two processes a core, plus one: a slow request in Python (a large report,
# an export) blocks only its own process's share of the GIL.
workers = _int("GUNICORN_WORKERS", 2 * cores + 1)
threads = _int("GUNICORN_THREADS", 4)
# A request that takes longer than this is killed and logged, not waited for.
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = 30
# nginx's proxy_pass opens a connection per request unless its upstream is
# given `keepalive`; a load balancer talking to gunicorn directly may keep one.
keepalive = _int("GUNICORN_KEEPALIVE", 2)
# Start each worker afresh now and then (staggered), so slow memory growth never adds up.
max_requests = _int("GUNICORN_MAX_REQUESTS", 5000)
max_requests_jitter = max_requests // 10
# Load the app once in the master, then fork: less memory, and an import error
# stops the start instead of looping workers. Django opens no database
# connection at import, so none is shared across the fork.
preload_app = True
# Only the proxy on this machine may say which scheme and address the client used.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# We never use gunicornc; no control socket in the home directory.
control_socket_disable = True

# Logs to stdout/stderr, for whatever collects the service's output. The
# access log gives each request's time in microseconds (%(D)s).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(D)sus "%(a)s"'
