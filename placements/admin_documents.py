"""Admin for what officers receive and send back: documents and reports.

Kept apart from admin.py so the coordinators' main admin and this part can
change independently. Files have no public URL, so every link to one points
at the download view, which checks who asks.
"""

from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Document, PlacementReport


class _DownloadLink:
    """What the file widget shows as the current file: its name, linked to the download view."""

    def __init__(self, name: str, url: str) -> None:
        self.name, self.url = name, url

    def __str__(self) -> str:
        return self.name


class ProtectedFileWidget(AdminFileWidget):
    def format_value(self, value):
        instance = getattr(value, "instance", None)
        if value and instance is not None and instance.pk:
            return _DownloadLink(value.name, reverse("document_download", args=[instance.pk]))
        return super().format_value(value)


class DocumentInline(admin.TabularInline):
    """Documents on a cohort's or a placement's page."""

    model = Document
    fields = ["title", "file", "uploaded_at"]
    readonly_fields = ["uploaded_at"]
    extra = 0
    formfield_overrides = {models.FileField: {"widget": ProtectedFileWidget}}


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "attached_to", "uploaded_at", "download"]
    list_filter = [("cohort", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["cohort", "placement__participant", "placement__host_department"]
    search_fields = ["title", "cohort__name_en", "placement__participant__name_en", "placement__participant__name_zh"]
    date_hierarchy = "uploaded_at"
    raw_id_fields = ["placement", "cohort"]
    fields = ["title", "file", "cohort", "placement", "uploaded_at"]
    readonly_fields = ["uploaded_at"]
    formfield_overrides = {models.FileField: {"widget": ProtectedFileWidget}}

    @admin.display(description=_("for"))
    def attached_to(self, document: Document) -> str:
        return str(document.placement or document.cohort)

    @admin.display(description=_("file"))
    def download(self, document: Document) -> str:
        return format_html('<a href="{}">{}</a>', reverse("document_download", args=[document.pk]), document.filename)


class PlacementReportInline(admin.StackedInline):
    """The officer's report, read-only, on the placement's page."""

    model = PlacementReport
    fields = ["submitted_at", "learned", "apply_at_home", "contacts"]
    readonly_fields = fields
    can_delete = False
    extra = 0
    max_num = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PlacementReport)
class PlacementReportAdmin(admin.ModelAdmin):
    """Coordinators read the officers' reports; nobody edits them."""

    list_display = ["placement", "cohort", "submitted_at"]
    list_filter = [("placement__cohort", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["placement__participant", "placement__host_department", "placement__cohort"]
    search_fields = ["placement__participant__name_en", "placement__participant__name_zh", "learned", "apply_at_home"]
    date_hierarchy = "submitted_at"
    fields = ["placement", "submitted_at", "learned", "apply_at_home", "contacts"]
    readonly_fields = fields

    @admin.display(description=_("cohort"), ordering="placement__cohort__start_date")
    def cohort(self, report: PlacementReport) -> str:
        return str(report.placement.cohort)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
