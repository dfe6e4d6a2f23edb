"""Geometry of the report charts, drawn as SVG by the templates.

The server computes every coordinate, so the charts need no JavaScript, are
inside the HTML a screen reader or a printer gets, and satisfy a strict CSP
(SVG attributes, no style attributes). Each chart has a title and a
description, and the page prints the same figures in a table beside it.
"""

import datetime as dt
import math
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from .reports import Breakdown, CohortLine


def text_units(text: str) -> int:
    """Roughly how wide a label is, in half-em units: CJK characters count twice."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def shorten(text: str, units: int) -> str:
    """`text` cut to fit `units` (see text_units), with an ellipsis when cut."""
    if text_units(text) <= units:
        return text
    kept, used = [], 0
    for char in text:
        width = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used + width > units - 1:
            break
        kept.append(char)
        used += width
    return "".join(kept) + "…"


def nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 × 10ⁿ at least `value`: a round top for an axis."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


# -- horizontal bars (breakdowns) ---------------------------------------------


@dataclass
class Bar:
    label: str
    full_label: str
    count: int
    y: float
    width: float
    text_y: float
    value_x: float


@dataclass
class BarChart:
    slug: str
    title: str
    bars: list[Bar]
    height: int
    width: int = 640
    label_width: int = 240
    bar_height: int = 16
    row_height: int = 24
    bar_area: int = 330

    @property
    def bar_x(self) -> int:
        return self.label_width + 6


def bar_chart(breakdown: Breakdown, *, most: int = 12, label_units: int = 33, others_label: str = "") -> BarChart:
    """Bars of a breakdown, longest first; past `most`, the rest are summed into one bar."""
    rows = [(row.label, row.count) for row in breakdown.rows]
    if len(rows) > most:
        rest = rows[most - 1 :]
        rows = rows[: most - 1] + [(others_label % {"n": len(rest)}, sum(count for _, count in rest))]
    chart = BarChart(slug=breakdown.slug, title=str(breakdown.title), bars=[], height=0)
    top = max((count for _, count in rows), default=0) or 1
    for index, (label, count) in enumerate(rows):
        y = index * chart.row_height + 4
        width = round(max(count / top * chart.bar_area, 1 if count else 0), 1)
        chart.bars.append(
            Bar(
                label=shorten(str(label), label_units),
                full_label=str(label),
                count=count,
                y=y,
                width=width,
                text_y=y + chart.bar_height / 2 + 4,
                value_x=round(chart.bar_x + width + 6, 1),
            )
        )
    chart.height = max(len(rows), 1) * chart.row_height + 8
    return chart


# -- columns over time (officers per cohort) ----------------------------------


@dataclass
class Column:
    x: float
    y: float
    width: float
    height: float
    line: CohortLine


@dataclass
class Tick:
    position: float
    label: str


@dataclass
class ColumnChart:
    columns: list[Column]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    width: int
    height: int
    left: int
    top: int
    plot_width: float
    plot_height: float

    @property
    def baseline(self) -> float:
        return self.top + self.plot_height


def cohort_columns(lines: list[CohortLine], *, width: int = 960, height: int = 240) -> ColumnChart:
    """One column per cohort, in order of start date, as tall as its officers; a tick at each new year."""
    left, top, bottom, right = 44, 10, 26, 8
    plot_width, plot_height = width - left - right, height - top - bottom
    y_max = nice_ceiling(max((line.rates.active for line in lines), default=0))
    # Columns no wider than 36 units: a handful of cohorts should not look like a histogram of years.
    slot = min(plot_width / max(len(lines), 1), 36)
    gap = min(slot * 0.2, 4)
    columns, x_ticks, year, last_label = [], [], None, -100.0
    for index, line in enumerate(lines):
        bar = line.rates.active / y_max * plot_height
        x = left + index * slot
        columns.append(
            Column(x=x + gap / 2, y=top + plot_height - bar, width=max(slot - gap, 0.5), height=bar, line=line)
        )
        if line.cohort.start_date.year != year:
            year = line.cohort.start_date.year
            # Every new year gets its tick; its label only where it does not run into the last one.
            crowded = x - last_label < 32  # "2024" in 12px type is about 28 units wide
            x_ticks.append(Tick(position=round(x, 1), label="" if crowded else str(year)))
            last_label = last_label if crowded else x
    y_ticks = [
        Tick(position=top + plot_height - fraction * plot_height, label=str(round(fraction * y_max)))
        for fraction in (0, 0.5, 1)
    ]
    if y_max == 1:
        y_ticks = [y_ticks[0], y_ticks[2]]
    return ColumnChart(columns, x_ticks, y_ticks, width, height, left, top, plot_width, plot_height)


# -- the timeline (Gantt) of one cohort ---------------------------------------

GANTT_WIDTH = 1000  # the viewBox width every row's SVG shares, so their x agree


@dataclass
class TimelineBar:
    placement: object
    x: float
    width: float


@dataclass
class Timeline:
    start: dt.date
    end: dt.date
    today: dt.date
    months: list[Tick]
    bars: list[TimelineBar] = field(default_factory=list)
    today_x: float | None = None
    width: int = GANTT_WIDTH

    @cached_property
    def grid_path(self) -> str:
        """The month lines of every row as one SVG path (one element, not a loop per row)."""
        return " ".join(f"M{tick.position} 0V10" for tick in self.months)


def timeline(*, start: dt.date, end: dt.date, placements, today: dt.date) -> Timeline:
    """Where each placement's bar lies on the cohort's dates, with month ticks and today's line."""
    days = (end - start).days + 1

    def x(day: dt.date) -> float:
        return round(min(max((day - start).days, 0), days) / days * GANTT_WIDTH, 1)

    months, month = [], dt.date(start.year, start.month, 1)
    while month <= end:
        if month >= start:
            months.append(Tick(position=x(month), label=month.strftime("%Y-%m")))
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    chart = Timeline(start=start, end=end, today=today, months=months)
    if start <= today <= end:
        chart.today_x = x(today)
    for placement in placements:
        left = x(placement.start_date)
        chart.bars.append(
            TimelineBar(placement=placement, x=left, width=max(x(placement.end_date + dt.timedelta(days=1)) - left, 2))
        )
    return chart
