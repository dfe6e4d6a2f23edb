"""The geometry of the report charts."""

import datetime as dt
from types import SimpleNamespace

from placements.charts import bar_chart, cohort_columns, nice_ceiling, shorten, text_units, timeline
from placements.reports import Breakdown, CohortLine, Rates, Row


def test_chinese_characters_count_as_two_units():
    assert text_units("Futian") == 6
    assert text_units("福田區") == 6


def test_long_labels_are_shortened_with_an_ellipsis():
    assert shorten("Transport Department", 40) == "Transport Department"
    assert shorten("Civil Engineering and Development Department", 20) == "Civil Engineering a…"
    assert shorten("深圳市前海深港現代服務業合作區管理局", 10) == "深圳市前…"
    assert text_units(shorten("深圳市前海深港現代服務業合作區管理局", 10)) <= 10


def test_axis_tops_are_round():
    assert [nice_ceiling(n) for n in (0, 1, 3, 7, 12, 99, 101, 340)] == [1, 1, 5, 10, 20, 100, 200, 500]


def test_bars_are_scaled_to_the_longest_and_the_tail_is_summed():
    rows = [Row(i, f"Department {i}", 20 - i) for i in range(15)]
    chart = bar_chart(Breakdown("home", "Officers", "Department", rows), most=5, others_label="Others (%(n)d)")
    assert [bar.label for bar in chart.bars] == [*(f"Department {i}" for i in range(4)), "Others (11)"]
    assert chart.bars[-1].count == sum(20 - i for i in range(4, 15))
    longest = max(chart.bars, key=lambda bar: bar.count)
    assert longest.width == chart.bar_area
    assert chart.bars[0].width == round(chart.bar_area * 20 / longest.count, 1)


def line(start: dt.date, officers: int) -> CohortLine:
    return CohortLine(cohort=SimpleNamespace(start_date=start), rates=Rates(active=officers))


def test_cohort_columns_rise_with_officers_and_tick_each_new_year():
    lines = [line(dt.date(2023, 12, 11), 10), line(dt.date(2024, 6, 1), 5), line(dt.date(2025, 1, 1), 0)]
    chart = cohort_columns(lines)
    heights = [column.height for column in chart.columns]
    assert heights[0] == chart.plot_height and heights[1] == chart.plot_height / 2 and heights[2] == 0
    assert [tick.label for tick in chart.x_ticks] == ["2023", "2024", "2025"]


def test_year_labels_that_would_collide_are_left_out():
    lines = [line(dt.date(2010 + i, 1, 1), 1) for i in range(300)]  # one cohort a year, very thin columns
    labels = [tick.label for tick in cohort_columns(lines).x_ticks]
    assert len(labels) == 300
    assert labels[0] == "2010" and "" in labels


def test_timeline_places_bars_on_the_cohorts_dates():
    placement = SimpleNamespace(start_date=dt.date(2024, 1, 11), end_date=dt.date(2024, 1, 20))
    chart = timeline(
        start=dt.date(2024, 1, 1), end=dt.date(2024, 4, 9), placements=[placement], today=dt.date(2024, 2, 20)
    )
    # 100 days from 1 January to 9 April: each day is 10 units of 1000.
    (bar,) = chart.bars
    assert (bar.x, bar.width) == (100.0, 100.0)
    assert chart.today_x == 500.0
    assert [tick.label for tick in chart.months] == ["2024-01", "2024-02", "2024-03", "2024-04"]
