"""The nomination import in the admin: upload → preview of every row → confirm.

The uploaded file is read in memory during the upload request and never
saved; only its rows, as text, wait in a NominationImport until the
coordinator confirms (or are dropped after a day), and are emptied once
imported. Only users who may add nomination imports (the Coordinators group)
get these pages.
"""

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .models import Cohort, NominationImport
from .nominations import (
    COLUMNS,
    MAX_BYTES,
    FileRefused,
    ImportRefused,
    nomination_file_read,
    nomination_import,
    nomination_preview,
    template_csv,
    template_xlsx,
)

# A preview nobody confirmed is dropped after this long.
PENDING_FOR = dt.timedelta(days=1)


class UploadForm(forms.Form):
    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=Cohort.objects.with_agreement().order_by("-start_date"))
    file = forms.FileField(
        label=_("Nomination file"), help_text=_("CSV or Excel workbook (.xlsx), one row per officer.")
    )


class NominationImportMixin:
    """Adds the import pages to the placement admin."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_upload_view), name="placements_nomination_import"),
            path("import/<int:import_id>/", view(self.import_confirm_view), name="placements_nomination_confirm"),
            path(
                "import/template.<str:extension>",
                view(self.import_template_view),
                name="placements_nomination_template",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra = {"can_import": request.user.has_perm("placements.add_nominationimport")}
        return super().changelist_view(request, {**(extra_context or {}), **extra})

    def check_import_permission(self, request: HttpRequest) -> None:
        if not request.user.has_perm("placements.add_nominationimport"):
            raise PermissionDenied

    def import_context(self, request: HttpRequest, **context) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Import nominations"),
            "columns": COLUMNS,
            **context,
        }

    def import_upload_view(self, request: HttpRequest) -> HttpResponse:
        self.check_import_permission(request)
        NominationImport.objects.filter(imported_at__isnull=True, uploaded_at__lt=timezone.now() - PENDING_FOR).delete()
        form = UploadForm(request.POST or None, request.FILES or None, initial={"cohort": request.GET.get("cohort")})
        if request.method != "POST" or not form.is_valid():
            return TemplateResponse(
                request, "admin/placements/nomination_import.html", self.import_context(request, form=form)
            )
        upload = form.cleaned_data["file"]
        cohort = form.cleaned_data["cohort"]
        if upload.size > MAX_BYTES:
            form.add_error("file", gettext("The file is larger than %(mb)d MB.") % {"mb": MAX_BYTES // 2**20})
            return TemplateResponse(
                request, "admin/placements/nomination_import.html", self.import_context(request, form=form)
            )
        try:
            read = nomination_file_read(data=upload.read(), file_name=upload.name)
        except FileRefused as refused:
            for message in refused.messages:
                form.add_error("file", message)
            return TemplateResponse(
                request, "admin/placements/nomination_import.html", self.import_context(request, form=form)
            )
        preview = nomination_preview(cohort=cohort, rows=read.rows, notices=read.notices)
        pending = None
        if preview.ok:
            pending = NominationImport.objects.create(
                cohort=cohort,
                file_name=upload.name[:255],
                uploaded_by=request.user,
                rows=read.rows,
                row_count=len(read.rows),
            )
        return self.render_preview(request, cohort, upload.name, preview, pending)

    def render_preview(self, request, cohort, file_name: str, preview, pending) -> HttpResponse:
        context = self.import_context(
            request,
            title=gettext("Import nominations: check every row"),
            cohort=cohort,
            file_name=file_name,
            preview=preview,
            pending=pending,
            form=UploadForm(initial={"cohort": cohort.pk}),
            counts={
                "officers_created": preview.count("officer", "create"),
                "officers_updated": preview.count("officer", "update"),
                "placements_created": preview.count("placement", "create"),
                "placements_updated": preview.count("placement", "update"),
                "unchanged": sum(
                    1 for row in preview.rows if row.placement == "unchanged" and row.officer == "unchanged"
                ),
            },
        )
        return TemplateResponse(request, "admin/placements/nomination_preview.html", context)

    def import_confirm_view(self, request: HttpRequest, import_id: int) -> HttpResponse:
        self.check_import_permission(request)
        pending = get_object_or_404(
            NominationImport.objects.select_related("cohort"),
            pk=import_id,
            uploaded_by=request.user,
            imported_at__isnull=True,
        )
        if request.method != "POST":
            return redirect("admin:placements_nomination_import")
        try:
            record = nomination_import(
                cohort=pending.cohort, rows=pending.rows, by=request.user, file_name=pending.file_name
            )
        except ImportRefused as refused:
            # Something changed since the preview: show the rows as they stand now.
            pending.delete()
            self.message_user(request, refused.messages[0], messages.ERROR)
            return self.render_preview(request, pending.cohort, pending.file_name, refused.preview, None)
        except ValidationError as error:
            pending.delete()
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return redirect("admin:placements_nomination_import")
        pending.delete()  # the rows now live in the officers and placements
        self.message_user(
            request,
            ngettext(
                "Imported %(file)s: %(rows)d row, %(created)d records created, %(updated)d updated.",
                "Imported %(file)s: %(rows)d rows, %(created)d records created, %(updated)d updated.",
                record.row_count,
            )
            % {
                "file": record.file_name,
                "rows": record.row_count,
                "created": record.created,
                "updated": record.updated,
            },
            messages.SUCCESS,
        )
        return redirect(reverse("admin:placements_placement_changelist") + f"?cohort__id__exact={record.cohort_id}")

    def import_template_view(self, request: HttpRequest, extension: str) -> HttpResponse:
        self.check_import_permission(request)
        if extension == "csv":
            response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
        elif extension == "xlsx":
            response = HttpResponse(
                template_xlsx(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            )
        else:
            raise PermissionDenied
        response["Content-Disposition"] = f'attachment; filename="nominations-template.{extension}"'
        return response
