"""Formatting for the report pages: no logic beyond how a figure reads."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def percent(value: float | None, digits: int = 0) -> str:
    """0.4567 → "46%"; a rate with no denominator reads as a dash, not 0%."""
    if value is None:
        return "—"
    return f"{number_format(round(value * 100, digits), decimal_pos=digits)}%"


@register.filter
def count(value: int | None) -> str:
    """A whole number with thousands separators (1 234 officers read faster than 1234)."""
    if value is None:
        return "—"
    return number_format(value, decimal_pos=0, force_grouping=True)
