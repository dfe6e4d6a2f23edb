from django.db import models
from django.utils.translation import gettext_lazy as _


class DataStamp(models.Model):
    """One row whose token changes after every write that a cached page could show.

    placements/freshness.py keys the busiest pages' cached parts by this token,
    so a page is rendered again as soon as anything under it changed, on every
    app server, whatever cache each one keeps. A random token rather than a
    counter: a database restored from a backup, or a test's rolled-back
    transaction, brings back an older token, and the pages cached under it
    show exactly that older data.
    """

    token = models.CharField(_("token"), max_length=32)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("data stamp")
        verbose_name_plural = _("data stamps")

    def __str__(self) -> str:
        return f"{self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
