"""The app's URLs and /bench/bare: a view that does nothing, through the same
middleware (sessions, CSRF, CSP, the timeouts...), touching no database. Its
requests per second are what this server does with no work at all; each page's
figure is read as a fraction of it."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from exchange.urls import handler400, handler403, handler404, handler500  # noqa: F401
from exchange.urls import urlpatterns as app_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok\n", content_type="text/plain")


urlpatterns = [path("bench/bare", bare), *app_urlpatterns]
