from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    # Coordinators work in the admin; the other roles' pages come next.
    if request.user.is_authenticated and request.user.is_staff:
        return redirect("admin:index")
    return render(request, "placements/home.html")


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """For the load balancer: 200 while the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means "take me out of rotation"
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
