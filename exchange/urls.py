from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("placements.urls")),
]

# Translated pages without a stack trace; a 403 is audited (placements/errors.py).
handler400 = "placements.errors.bad_request"
handler403 = "placements.errors.permission_denied"
handler404 = "placements.errors.page_not_found"
handler500 = "placements.errors.server_error"
