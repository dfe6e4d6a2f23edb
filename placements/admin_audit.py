"""The audit log in the admin: coordinators read it; nobody adds, changes or deletes a row.

Times are shown in UTC, as they are stored and as the stdout lines give them,
so a row here and a line in the servers' logs compare at a glance.
"""

import datetime as dt

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["time_utc", "kind", "username", "ip_address", "method", "path", "detail"]
    list_filter = ["kind", "at"]
    search_fields = ["username", "=ip_address", "path"]
    date_hierarchy = "at"
    list_per_page = 100
    fields = ["time_utc", "kind", "user", "username", "ip_address", "method", "path", "detail"]
    readonly_fields = fields
    # 100 rows a page of a table that only grows: no COUNT(*) of all of it.
    show_full_result_count = False

    @admin.display(description=_("time (UTC)"), ordering="at")
    def time_utc(self, event: AuditEvent) -> str:
        return event.at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
