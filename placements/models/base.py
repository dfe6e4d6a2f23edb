import calendar
import datetime as dt

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def in_reader_language(english: str, chinese: str) -> str:
    """The Chinese form for readers of either Chinese script, else the English."""
    if chinese and (get_language() or "").startswith("zh"):
        return chinese
    return english or chinese


def bilingual(english: str, chinese: str) -> str:
    """Both names, for coordinators who search and scan in either language."""
    return f"{english} · {chinese}" if chinese else english


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later, clamped to the month's end."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


class Versioned(models.Model):
    """A record two coordinators may have open at once.

    Every save through the admin, a service or the import names the version it
    started from and moves the stored row one version on (see
    placements.concurrency); a save that started from an older version is
    refused instead of overwriting what someone else saved in between.
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


def history(**options) -> HistoricalRecords:
    """Who changed a record, when and what: kept for every record coordinators
    keep. Reasons can be a whole sentence (why a placement was withdrawn)."""
    return HistoricalRecords(history_change_reason_field=models.TextField(null=True), **options)
