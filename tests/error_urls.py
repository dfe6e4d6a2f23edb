"""The project's URLs plus views that fail on purpose, for tests/test_error_pages.py."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.urls import path

from exchange.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


def boom(request):
    raise RuntimeError("secret detail of a bug: settings.SECRET_KEY=xyz")


def database_down(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


def suspicious(request):
    raise SuspiciousOperation("someone tampered with something")


def denied(request):
    raise PermissionDenied


urlpatterns = [
    *urlpatterns,
    path("test/boom/", boom),
    path("test/database-down/", database_down),
    path("test/suspicious/", suspicious),
    path("test/denied/", denied),
]
