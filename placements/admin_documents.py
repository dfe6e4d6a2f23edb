"""Admin for what officers receive and send back: documents and reports.

Kept apart from admin.py so the coordinators' main admin and this part can
change independently. Files have no public URL, so every link to one points
at the download view, which checks who asks.
"""

from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from .models import Document, PlacementReport


class _DownloadLink:
    """What the file widget shows as the current file: its name, linked to the download view."""

    def __init__(self, name: str, url: str) -> None:
        self.name, self.url = name, url

    def __str__(self) -> str:
        return self.name


class ProtectedFileWidget(AdminFileWidget):
    download_url_name = "document_download"

    def format_value(self, value):
        instance = getattr(value, "instance", None)
        if value and instance is not None and instance.pk:
            return _DownloadLink(value.name, reverse(self.download_url_name, args=[instance.pk]))
        return super().format_value(value)


class AgreementDocumentWidget(ProtectedFileWidget):
    download_url_name = "agreement_document"


# -- read-only panels for the placement and cohort pages ------------------------
# Shown as read-only fields rather than inlines: the placement and cohort
# forms stay the same forms (no extra formsets to submit), and the report,
# which nobody edits, is text to read.


@admin.display(description=_("end-of-placement report"))
def placement_report(placement) -> str:
    report = PlacementReport.objects.filter(placement_id=placement.pk).first() if placement.pk else None
    if report is None:
        return _("Not submitted yet.")
    parts = [
        (_("submitted"), date_format(localtime(report.submitted_at), "DATETIME_FORMAT")),
        (_("what was learned"), report.learned),
        (_("what can be applied back home"), report.apply_at_home),
        (_("contacts for future cooperation"), report.contacts or "—"),
    ]
    return format_html_join("", "<p><strong>{}</strong></p>{}", ((label, linebreaks(text)) for label, text in parts))


@admin.display(description=_("documents"))
def attached_documents(obj) -> str:
    """The documents of a placement or a cohort, linked to the checked download, and a way to add one."""
    if not obj.pk:
        return _("Save first, then attach documents.")
    documents = obj.documents.order_by("title", "pk")
    links = format_html_join(
        "", '<li><a href="{}">{}</a></li>', ((reverse("document_download", args=[d.pk]), d.title) for d in documents)
    )
    add_url = reverse("admin:placements_document_add") + f"?{obj._meta.model_name}={obj.pk}"
    return format_html(
        '<ul class="mb-1">{}</ul><a class="addlink" href="{}">{}</a>', links, add_url, _("Add a document")
    )


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "attached_to", "uploaded_at", "download"]
    list_filter = [("cohort", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["cohort", "placement__participant", "placement__host_department"]
    search_fields = ["title", "cohort__name_en", "placement__participant__name_en", "placement__participant__name_zh"]
    date_hierarchy = "uploaded_at"
    autocomplete_fields = ["placement", "cohort"]
    fields = ["title", "file", "cohort", "placement", "uploaded_at"]
    readonly_fields = ["uploaded_at"]
    formfield_overrides = {models.FileField: {"widget": ProtectedFileWidget}}

    @admin.display(description=_("for"))
    def attached_to(self, document: Document) -> str:
        return str(document.placement or document.cohort)

    @admin.display(description=_("file"))
    def download(self, document: Document) -> str:
        return format_html('<a href="{}">{}</a>', reverse("document_download", args=[document.pk]), document.filename)


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
