from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import Versioned, bilingual, history, in_reader_language
from .choices import Seniority, Stream
from .organisation import Department


class Participant(Versioned):
    """A seconded officer. Only what the programme needs is kept about them:
    names, grade, post and work contact — no private address, ID or birth date."""

    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=100, blank=True)
    grade = models.CharField(_("grade / rank"), max_length=120, help_text=_("e.g. Senior Engineer"))
    stream = models.CharField(_("professional stream"), max_length=20, choices=Stream.choices)
    seniority = models.CharField(_("seniority"), max_length=10, choices=Seniority.choices)
    home_department = models.ForeignKey(
        Department, verbose_name=_("home department"), on_delete=models.PROTECT, related_name="officers"
    )
    post_title = models.CharField(_("post title"), max_length=200, blank=True)
    work_email = models.EmailField(_("work e-mail"), blank=True)
    work_phone = models.CharField(_("work phone"), max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participant",
    )
    language = models.CharField(
        _("language for e-mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The officer hears from the programme in this language."),
    )

    history = history()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        indexes = [
            # Admin search and the import match officers by name.
            models.Index(fields=["name_en"], name="participant_name_en_idx"),
        ]

    def __str__(self) -> str:
        return bilingual(self.name_en, self.name_zh)

    @property
    def name(self) -> str:
        return in_reader_language(self.name_en, self.name_zh)
