"""The long, repeated rows of the report pages, written as HTML in Python.

Django's template engine spends about a tenth of a millisecond on each
variable it resolves; a cohort of 500 placements drawn as a timeline and a
list is some 20 000 of them, which alone took the cohort report past its
60 ms target (docs/performance.md). These functions write the same markup
with f-strings, escaping every value that comes from the database, and
format each distinct date and label once. Everything around the rows (the
tables' headers, captions and empty states) stays in the templates.
"""

from collections.abc import Iterable
from functools import cache
from html import escape

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

from .charts import ColumnChart, Timeline
from .models import CohortStatus, Jurisdiction, PlacementStatus, Seniority
from .reports import CohortLine, PlacementRow

# The standard library's escape, not django.utils.html's: the same five
# characters replaced, without the lazy-string wrapper that doubled its cost.


def _labels(choices) -> dict[str, str]:
    return {value: escape(str(label)) for value, label in choices.choices}


def _count(value: int) -> str:
    return number_format(value, decimal_pos=0, force_grouping=True)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{number_format(round(value * 100), decimal_pos=0)}%"


def _dates():
    """A formatter that writes each distinct date once, as 2023-12-15: one form that
    reads the same in English and Chinese and cannot be taken for 12 March."""
    return cache(lambda day: day.isoformat())


def cohort_rows(lines: Iterable[CohortLine]) -> SafeString:
    """The rows of the overview's "All cohorts" table."""
    short, hosts, statuses = _dates(), _labels(Jurisdiction), _labels(CohortStatus)
    rows = []
    for line in lines:
        cohort, rates = line.cohort, line.rates
        url = reverse("cohort-report", args=[cohort.pk])
        rows.append(
            f'<tr><th scope="row" class="fw-normal"><a href="{url}">{escape(cohort.name)}</a></th>'
            f"<td>{escape(cohort.agreement.short_title)}</td>"
            f"<td>{hosts.get(cohort.host_jurisdiction, '')}</td>"
            f'<td class="text-nowrap">{short(cohort.start_date)} – {short(cohort.end_date)}</td>'
            f"<td>{statuses.get(cohort.status, '')}</td>"
            f'<td class="text-end">{_count(rates.active)}</td>'
            f'<td class="text-end">{_count(rates.withdrawn)}</td>'
            f'<td class="text-end">{_percent(rates.completion_rate)}</td></tr>'
        )
    # Every value above is escaped, a number or a URL we reversed (reviewed for bandit).
    return mark_safe("\n".join(rows))  # noqa: S308  # nosec


def cohort_columns(chart: ColumnChart) -> SafeString:
    """The columns of "Officers per cohort over time", each with its figures as a tooltip."""
    short = _dates()
    # Every value is escaped or a number (reviewed for bandit).
    return mark_safe(  # noqa: S308  # nosec
        "".join(
            f'<rect class="chart-bar" x="{c.x:.1f}" y="{c.y:.1f}" width="{c.width:.2f}" height="{c.height:.1f}">'
            f"<title>{escape(c.line.cohort.name)} ({short(c.line.cohort.start_date)}): {c.line.rates.active}</title>"
            "</rect>"
            for c in chart.columns
        )
    )


def timeline_rows(timeline: Timeline) -> SafeString:
    """One row per placement: officer → host, dates, and the bar across the cohort's dates."""
    short, statuses = _dates(), _labels(PlacementStatus)
    grid = f'<path class="gantt-grid" d="{timeline.grid_path}"></path>'
    today = (
        f'<line class="gantt-today" x1="{timeline.today_x}" x2="{timeline.today_x}" y1="0" y2="10"></line>'
        if timeline.today_x is not None
        else ""
    )
    rows = []
    for bar in timeline.bars:
        placement = bar.placement
        rows.append(
            f'<tr><th scope="row" class="gantt-label fw-normal">{escape(placement.officer)} '
            f'<span class="text-body-secondary">→</span> {escape(placement.host_department)}</th>'
            f'<td class="gantt-dates text-nowrap">{short(placement.start_date)} – {short(placement.end_date)}'
            f'<span class="visually-hidden">, {statuses.get(placement.status, "")}</span></td>'
            f'<td class="gantt-cell"><svg class="gantt-row" viewBox="0 0 {timeline.width} 10" '
            f'preserveAspectRatio="none" aria-hidden="true">{grid}'
            f'<rect class="gantt-bar status-{escape(placement.status)}" x="{bar.x}" y="1" width="{bar.width}" '
            f'height="8"></rect>{today}</svg></td></tr>'
        )
    # Every value above is escaped, a number or a URL we reversed (reviewed for bandit).
    return mark_safe("\n".join(rows))  # noqa: S308  # nosec


def placement_rows(placements: Iterable[PlacementRow]) -> SafeString:
    """The rows of a cohort report's list of placements."""
    short, statuses, seniorities = _dates(), _labels(PlacementStatus), _labels(Seniority)
    rows = []
    for p in placements:
        role = f'<br><span class="small text-body-secondary">{escape(p.role)}</span>' if p.role else ""
        rows.append(
            f'<tr><th scope="row" class="fw-normal text-nowrap">{escape(p.officer)}</th>'
            f'<td>{escape(p.grade)} <span class="text-body-secondary">({seniorities.get(p.seniority, "")})</span></td>'
            f"<td>{escape(p.home_department)}</td>"
            f"<td>{escape(p.host_department)}{role}</td>"
            f"<td>{escape(p.district)}</td>"
            f"<td>{escape(p.field)}</td>"
            # On one line on screen; on A4 free to wrap between the dates: the host's name needs the room.
            f'<td class="dates"><span class="text-nowrap">{short(p.start_date)} –</span> '
            f'<span class="text-nowrap">{short(p.end_date)}</span></td>'
            f'<td class="text-nowrap"><span class="status-dot status-{escape(p.status)}" '
            f'aria-hidden="true"></span> {statuses.get(p.status, "")}</td></tr>'
        )
    # Every value above is escaped, a number or a URL we reversed (reviewed for bandit).
    return mark_safe("\n".join(rows))  # noqa: S308  # nosec
