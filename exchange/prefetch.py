"""One round trip to the shared cache for what a logged-in request reads first.

Before a cached page can be served, the request needs its session, its user
(with their permissions) and two stamps, the data's and the accounts'. Read
one after another they are three round trips, and under load each costs far
more than its own work: the thread waits in line for a core, and for its
process's GIL, again after every one (docs/performance.md measured 0.35 of the
bare view's rate with three reads, 0.46 with one). `PrefetchMiddleware` asks
the shared cache for all of them in one `get_many`, knowing only the session
cookie; the session store (exchange/cached_sessions.py), the login backend
(exchange/auth.py) and the page cache (placements/freshness.py) take their
values from here, and read for themselves whatever was not found.

Only with a shared cache (settings.SHARED_CACHE), and only for requests that
carry something shaped like a session key. Values live for one request.
"""

import re
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.contrib.sessions.backends.cached_db import KEY_PREFIX as SESSION_PREFIX
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from exchange.cache import quietly

# Django's session keys: 32 characters of a-z and 0-9. Anything else is not
# looked up (the session store will refuse it anyway).
SESSION_KEY_SHAPE = re.compile(r"[a-z0-9]{8,64}")
# The stamps every logged-in request reads, besides its session and user:
# the data's (placements/freshness.py) and the accounts' (exchange/auth.py).
DATA_STAMP_KEY = "stamp:data"
AUTH_STAMP_KEY = "stamp:auth"

MISSING = object()
_session_key: ContextVar[str | None] = ContextVar("prefetched_session_key", default=None)
_values: ContextVar[dict | None] = ContextVar("prefetched_values", default=None)


def session_cache_key(session_key: str) -> str:
    return SESSION_PREFIX + session_key


def user_cache_key(session_key: str) -> str:
    return f"auth-session:{session_key}"


def session_key() -> str | None:
    """The session cookie's key, when this request was prefetched."""
    return _session_key.get()


def get(key: str):
    """The cache's value for `key` as read at the start of the request (None:
    not in the cache), or MISSING when it was not read then."""
    values = _values.get()
    if values is None or key not in values:
        return MISSING
    return values[key]


def forget(key: str) -> None:
    """The value read at the start is out of date (this request replaced it)."""
    values = _values.get()
    if values is not None:
        values.pop(key, None)


class PrefetchMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
        if not settings.SHARED_CACHE or not SESSION_KEY_SHAPE.fullmatch(key):
            return self.get_response(request)
        keys = [session_cache_key(key), user_cache_key(key), DATA_STAMP_KEY, AUTH_STAMP_KEY]
        found = quietly(lambda: cache.get_many(keys), None)
        key_token = _session_key.set(key)
        values_token = _values.set(None if found is None else {name: found.get(name) for name in keys})
        try:
            return self.get_response(request)
        finally:
            _values.reset(values_token)
            _session_key.reset(key_token)
