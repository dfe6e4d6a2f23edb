import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import HttpRequest, HttpResponse
from django.utils.translation import ngettext

# Session keys: when the user logged in, and when they were last seen (seconds since the epoch).
STARTED = "_started_at"
SEEN = "_seen_at"
# Remember a request at most once a minute: writing the session on every
# request would cost a database write per page. The idle limit is therefore
# kept to within a minute, on the short side.
SEEN_EVERY = 60


class SessionTimeoutMiddleware:
    """Ends a session SESSION_IDLE_TIMEOUT after its last request, or
    SESSION_MAX_AGE after logging in, whichever comes first.

    The request then goes on as an anonymous one: a protected page sends the
    visitor to log in again (and back afterwards), with a message saying why.
    The session row and cookie also expire on their own after
    SESSION_COOKIE_AGE (= the idle limit) without a write, so an abandoned
    session is never revived, even by a request this middleware does not see.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        # No session key: no cookie, so nothing to load and nothing to end.
        if session.session_key is not None and SESSION_KEY in session:
            now = int(time.time())
            started, seen = session.get(STARTED), session.get(SEEN)
            if started is None or seen is None:
                # A session from before this middleware was deployed: start now.
                session[STARTED] = session[SEEN] = now
            elif now - seen > settings.SESSION_IDLE_TIMEOUT:
                minutes = settings.SESSION_IDLE_TIMEOUT // 60
                message = ngettext(
                    "You were logged out after %(n)d minute without activity.",
                    "You were logged out after %(n)d minutes without activity.",
                    minutes,
                )
                self.end(request, "idle", message % {"n": minutes})
            elif now - started > settings.SESSION_MAX_AGE:
                hours = settings.SESSION_MAX_AGE // 3600
                message = ngettext(
                    "You were logged out %(n)d hour after logging in.",
                    "You were logged out %(n)d hours after logging in.",
                    hours,
                )
                self.end(request, "max_age", message % {"n": hours})
            elif now - seen >= SEEN_EVERY:
                session[SEEN] = now

        return self.get_response(request)

    @staticmethod
    def end(request: HttpRequest, reason: str, message: str) -> None:
        request.session_ended = reason  # for the audit log's logout line
        logout(request)
        # Shown on the login page, where the request now ends up: that says the rest.
        messages.info(request, message)


def start_session_clocks(sender, request: HttpRequest | None, user, **kwargs) -> None:
    """On every login (the login page, the admin's, a test's force_login), so
    the first request after it needs no extra session write."""
    if request is not None and hasattr(request, "session"):
        request.session[STARTED] = request.session[SEEN] = int(time.time())
