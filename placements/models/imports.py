from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .programme import Cohort


class NominationImport(models.Model):
    """One nomination file a coordinator uploaded for a cohort.

    The file itself is never stored: its rows are read into `rows` for the
    preview, and emptied once the import is confirmed; what stays is who
    imported what, when, and how many rows.
    """

    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="imports")
    file_name = models.CharField(_("file"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    rows = models.JSONField(_("rows waiting to be imported"), null=True, blank=True, editable=False)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    imported_at = models.DateTimeField(_("imported"), null=True, blank=True)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("nomination import")
        verbose_name_plural = _("nomination imports")

    def __str__(self) -> str:
        return self.file_name
