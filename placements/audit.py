"""The audit log: logins, failed logins, lockouts, permission denials and
every export or download of personal data.

Each event is written twice, by `record`: as one JSON line on stdout (the
`audit` logger, for whatever collects the servers' output) and as an
`AuditEvent` row that coordinators read, and nobody edits, in the admin. The
line goes first, so an event is on stdout even when the database is not
there to take the row.

Logins, logouts, failed logins and lockouts come from the signals Django and
django-axes send (connected in `PlacementsConfig.ready`): they are the only
place that sees both the login page and the admin's own login form.
Permission denials come from the 403 handlers (placements/errors.py), exports
and downloads from their views.
"""

import datetime as dt
import ipaddress
import logging

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest
from django.utils import timezone

from .models.audit import AuditEvent, AuditKind

logger = logging.getLogger("audit")


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or with TRUSTED_PROXY_COUNT proxies in
    front, the address the outermost of them saw (X-Forwarded-For is appended to
    by each proxy, so entries further left were written by the client and prove
    nothing). None when it is not an IP address."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def record(
    request: HttpRequest | None,
    kind: AuditKind,
    *,
    user: AbstractBaseUser | AnonymousUser | None = None,
    username: str = "",
    detail: str = "",
) -> AuditEvent:
    """Log one event and keep it. `user` defaults to the request's user;
    `username` to that user's, for events without one (a failed login)."""
    if user is None and request is not None:
        user = getattr(request, "user", None)
    if user is not None and not user.is_authenticated:
        user = None
    event = AuditEvent(
        kind=kind,
        at=timezone.now(),
        user=user,
        username=(username or (user.get_username() if user is not None else ""))[:150],
        ip_address=client_ip(request) if request is not None else None,
        method=request.method[:10] if request is not None and request.method else "",
        path=request.get_full_path()[:500] if request is not None else "",
        detail=detail[:500],
    )
    logger.info(
        kind.value,
        extra={
            "audit": {
                "event": kind.value,
                "time": _utc(event.at),
                "user": event.username or None,
                "user_id": user.pk if user is not None else None,
                "ip": event.ip_address,
                "method": event.method,
                "path": event.path,
                "detail": event.detail,
            }
        },
    )
    event.save()
    return event


# -- receivers of Django's and axes' signals (connected in apps.py) -------------


def on_logged_in(sender, request: HttpRequest | None, user: AbstractBaseUser, **kwargs) -> None:
    record(request, AuditKind.LOGIN, user=user)


def on_logged_out(sender, request: HttpRequest | None, user: AbstractBaseUser | None, **kwargs) -> None:
    if user is not None:
        # A session the timeout middleware ended says why.
        reason = getattr(request, "session_ended", "")
        record(request, AuditKind.LOGOUT, user=user, detail=f"session ended: {reason}" if reason else "")


def on_login_failed(sender, credentials: dict, request: HttpRequest | None = None, **kwargs) -> None:
    # Django has already masked the password in `credentials`; only the name is kept.
    record(request, AuditKind.LOGIN_FAILED, user=AnonymousUser(), username=str(credentials.get("username", "")))


def on_locked_out(sender, request: HttpRequest | None, username: str | None, ip_address: str | None, **kwargs) -> None:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    detail = f"failures={settings.AXES_FAILURE_LIMIT} cooloff={minutes}min"
    record(request, AuditKind.LOCKOUT, user=AnonymousUser(), username=username or "", detail=detail)
