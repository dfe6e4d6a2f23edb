"""Who is who, and where each role's work is.

Roles follow DESIGN.md: a coordinator is a staff user (group Coordinators),
an official holds `placements.view_reports` (group Officials), a seconded
officer is a user linked to a Participant. Objects are always fetched through
querysets scoped to the user (`Placement.objects.of_officer(user)`,
`Document.objects.visible_to(user)`), so what a user may not see is a 404.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control

from .models import Participant


def is_coordinator(user: AbstractBaseUser | AnonymousUser) -> bool:
    return user.is_authenticated and user.is_active and user.is_staff


def officer_of(user: AbstractBaseUser | AnonymousUser) -> Participant | None:
    """The officer who logs in as `user`, or None. Cached on the user object,
    so the navbar asking again costs no query."""
    if not user.is_authenticated:
        return None
    try:
        return user.participant
    except Participant.DoesNotExist:
        return None


def reads_reports(user: AbstractBaseUser | AnonymousUser) -> bool:
    return user.has_perm("placements.view_reports")


def landing_url(user: AbstractBaseUser | AnonymousUser) -> str | None:
    """Where a user's work is, or None when their account has no role yet."""
    if not user.is_authenticated:
        return reverse("login")
    if is_coordinator(user):
        return reverse("admin:index")
    if officer_of(user) is not None:
        return reverse("my")
    if reads_reports(user):
        return reverse("reports")
    return None


def personal_data(view: Callable) -> Callable:
    """For a page or file with personal data: `Cache-Control: private, no-store`,
    so neither a shared cache nor the browser's back-button cache keeps a copy
    after the user logs out on a shared computer."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response

    return wrapper
