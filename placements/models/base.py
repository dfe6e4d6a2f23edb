import calendar
import datetime as dt

from django.utils.translation import get_language


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
