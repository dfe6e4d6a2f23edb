from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    CONFIRMED = "confirmed", _("Placement confirmed")
    CHANGED = "changed", _("Dates or host changed")
    WITHDRAWN = "withdrawn", _("Placement withdrawn")


class NotificationSetting(models.Model):
    """Whether officers get one kind of e-mail. One row per kind; coordinators
    switch them on and off (a kind with no row is on)."""

    kind = models.CharField(_("e-mail"), max_length=20, choices=NotificationKind.choices, unique=True)
    enabled = models.BooleanField(_("send it"), default=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("e-mail to officers")
        verbose_name_plural = _("e-mails to officers")

    def __str__(self) -> str:
        return str(self.get_kind_display())

    @classmethod
    def is_enabled(cls, kind: str) -> bool:
        return cls.objects.filter(kind=kind).values_list("enabled", flat=True).first() is not False
