from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import Versioned, bilingual, history, in_reader_language
from .choices import DepartmentKind, Jurisdiction


class Field(models.Model):
    """An area of exchange: regional governance, urban planning, …"""

    name_en = models.CharField(_("name (English)"), max_length=120, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=120, blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("field of exchange")
        verbose_name_plural = _("fields of exchange")

    def __str__(self) -> str:
        return bilingual(self.name_en, self.name_zh)

    @property
    def name(self) -> str:
        return in_reader_language(self.name_en, self.name_zh)


class DepartmentQuerySet(models.QuerySet):
    def in_jurisdiction(self, jurisdiction: str) -> "DepartmentQuerySet":
        return self.filter(jurisdiction=jurisdiction)


class Department(Versioned):
    """A government body on either side: officers come from one, go to another."""

    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True, help_text=_("e.g. TD, HAD, PlanD"))
    kind = models.CharField(_("kind"), max_length=20, choices=DepartmentKind.choices)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=20, choices=Jurisdiction.choices)
    district = models.CharField(_("district"), max_length=80, blank=True, help_text=_("e.g. Futian, Qianhai, Sai Kung"))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    address_en = models.TextField(_("address (English)"), blank=True)
    address_zh = models.TextField(_("address (Chinese)"), blank=True)

    objects = DepartmentQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["jurisdiction", "name_en"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "name_en"], name="department_unique_name_per_jurisdiction"),
        ]
        indexes = [
            # The host-district filter of the placement list and reports.
            models.Index(fields=["jurisdiction", "district"], name="department_district_idx"),
        ]

    def __str__(self) -> str:
        return bilingual(self.name_en, self.name_zh)

    @property
    def name(self) -> str:
        return in_reader_language(self.name_en, self.name_zh)

    @property
    def address(self) -> str:
        return in_reader_language(self.address_en, self.address_zh)
