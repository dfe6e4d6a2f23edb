import calendar
import datetime as dt
from functools import lru_cache

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from opencc import OpenCC
from simple_history.models import HistoricalRecords

# Language codes whose readers write Simplified characters; every other
# Chinese reader (zh-hant, and zh-hk or zh-tw mapped onto it) reads Traditional.
SIMPLIFIED = ("zh-hans", "zh-cn", "zh-sg", "zh-my")


@lru_cache(maxsize=2)
def _converter(config: str) -> OpenCC:
    return OpenCC(config)


@lru_cache(maxsize=4096)
def to_script(text: str, language: str) -> str:
    """`text` in the Chinese script a reader of `language` reads.

    Names are stored as their body writes them (Hong Kong in Traditional,
    Shenzhen in Simplified); OpenCC converts character by character, with Hong
    Kong's variants for Traditional readers, so each reader sees one script.
    """
    if language.startswith(SIMPLIFIED):
        return _converter("t2s").convert(text)
    return _converter("s2hk").convert(text)


def in_reader_language(english: str, chinese: str) -> str:
    """The Chinese form, in the reader's script, for readers of Chinese, else the English."""
    language = (get_language() or "").lower()
    if chinese and language.startswith("zh"):
        return to_script(chinese, language)
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
