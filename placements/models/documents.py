from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .placement import Placement
from .programme import Cohort

# What coordinators attach for officers: letters, handbooks, programmes, maps.
DOCUMENT_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "xls", "pptx", "odt", "ods", "txt", "jpg", "jpeg", "png"]


def validate_document_size(file) -> None:
    limit = settings.DOCUMENT_MAX_MB * 1024 * 1024
    if file.size > limit:
        raise ValidationError(
            gettext("A document may be at most %(limit)d MB.") % {"limit": settings.DOCUMENT_MAX_MB},
            code="too_large",
        )


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DocumentQuerySet":
        """Coordinators see every document; an officer those of their own
        confirmed placements and of those placements' cohorts; nobody else any."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm("placements.view_document"):
            return self.all()
        own = Placement.objects.of_officer(user).settled()
        return self.filter(Q(placement__in=own) | Q(cohort__in=own.values("cohort")))

    def for_placement(self, placement: Placement) -> "DocumentQuerySet":
        """Everything attached to the placement itself or to its cohort."""
        return self.filter(Q(placement=placement) | Q(cohort_id=placement.cohort_id))


class Document(models.Model):
    """A file for one officer's placement or for everyone in a cohort.

    Files are kept in private storage (no public URL); the download view
    hands them out after checking who asks.
    """

    placement = models.ForeignKey(
        Placement,
        verbose_name=_("placement"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"),
        upload_to="documents/%Y/%m/",
        validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS), validate_document_size],
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=Q(placement__isnull=False, cohort__isnull=True)
                | Q(placement__isnull=True, cohort__isnull=False),
                name="document_for_placement_or_cohort",
                violation_error_message=_("Attach the document to a placement or to a cohort, not both."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def filename(self) -> str:
        return PurePath(self.file.name).name

    @property
    def extension(self) -> str:
        return PurePath(self.file.name).suffix.lstrip(".").upper()


def remove_deleted_file(sender, instance: Document, **kwargs) -> None:
    """A deleted document takes its file with it (officers' papers are
    personal data: none stays on disk without a row pointing to it). Only once
    the deletion is committed: a rolled-back delete keeps the file it still
    needs. Connected in apps.ready for Document alone."""
    if instance.file.name:
        _delete_after_commit(instance.file.storage, instance.file.name, kwargs.get("using"))


def note_replaced_file(sender, instance: Document, **kwargs) -> None:
    """Before a save: the file this document had, if a new one replaces it."""
    if instance.pk is None:
        return
    old = sender.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    instance._replaced_file = old if old and old != instance.file.name else None


def remove_replaced_file(sender, instance: Document, **kwargs) -> None:
    """After the save is committed, a document given a new file in the admin drops the old one."""
    old = getattr(instance, "_replaced_file", None)
    if old:
        instance._replaced_file = None
        _delete_after_commit(instance.file.storage, old, kwargs.get("using"))


def _delete_after_commit(storage, name: str, using: str | None) -> None:
    transaction.on_commit(lambda: storage.delete(name), using=using, robust=True)
