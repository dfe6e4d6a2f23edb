from django.db import models
from django.utils.translation import gettext_lazy as _

from .placement import Placement


class PlacementReport(models.Model):
    """What an officer took away from a placement, written at its end.

    Once submitted it is the officer's record and is not edited: the
    participant sees it read-only, coordinators read it in the admin.
    """

    placement = models.OneToOneField(
        Placement, verbose_name=_("placement"), on_delete=models.CASCADE, related_name="report"
    )
    learned = models.TextField(_("what was learned"))
    apply_at_home = models.TextField(_("what can be applied back home"))
    contacts = models.TextField(
        _("contacts for future cooperation"),
        blank=True,
        help_text=_("People and bodies to keep in touch with, and on what."),
    )
    submitted_at = models.DateTimeField(_("submitted"))

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("end-of-placement report")
        verbose_name_plural = _("end-of-placement reports")

    def __str__(self) -> str:
        return str(self.placement)
