"""Error pages: 400, 403, 404, 500, and 503 while the database is away.

Each is a short page in the reader's language (LocaleMiddleware has chosen it
before anything can fail) with a way back, and never a stack trace: DEBUG is
off in production, and these views show no exception text. They render
without context processors, so an error page needs no database, no session
and no user: it still renders when those are what failed. A 403 is recorded
in the audit log.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from redis.exceptions import RedisError

from . import audit
from .models import AuditKind

logger = logging.getLogger(__name__)

# How long a client or a proxy should wait before asking again while the database is away.
RETRY_AFTER_SECONDS = 10


def _page(template: str, status: int, **context) -> HttpResponse:
    html = loader.render_to_string(
        template, {"PROGRAMME_NAME": settings.PROGRAMME_NAME, "status_code": status, **context}
    )
    response = HttpResponse(html, status=status)
    # Error pages may follow a personal page's URL; they are never worth keeping.
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    outage = _outage(exception)
    if outage is not None:
        # Django reports a session it could not save as "deleted meanwhile"
        # (SessionInterrupted, a 400) whatever the reason; when the reason is
        # the database being away, that is an outage, not a bad request.
        return _unavailable(request, outage)
    return _page("errors/400.html", 400)


OUTAGES = (OperationalError, InterfaceError, RedisError)


def _outage(error: BaseException | None) -> BaseException | None:
    """The database or cache error behind `error` (itself, or among the
    exceptions it was raised from), or None."""
    for _depth in range(10):
        if error is None or isinstance(error, OUTAGES):
            return error
        error = error.__cause__ or error.__context__
    return None


def _unavailable(request: HttpRequest, outage: BaseException) -> HttpResponse:
    component = "the shared cache" if isinstance(outage, RedisError) else "database"
    logger.warning("%s unavailable: answering 503 to %s", component, request.path)
    response = _page("errors/503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    audit.record(request, AuditKind.PERMISSION_DENIED)
    return _page("errors/403.html", 403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without its token, or one the session no longer matches (a
    form left open across a logout or a timeout, or a page from another site)."""
    audit.record(request, AuditKind.PERMISSION_DENIED, detail=f"CSRF: {reason}")
    return _page("errors/403_csrf.html", 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page("errors/404.html", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    """500, or 503 with Retry-After when the database (or the shared cache,
    for the few writes that must reach it: exchange/cached_sessions.py) cannot
    be reached: that is an outage to wait out, not a bug, and a load balancer
    treats it so."""
    error = sys.exc_info()[1]
    if isinstance(error, OUTAGES):
        return _unavailable(request, error)
    return _page("errors/500.html", 500)
