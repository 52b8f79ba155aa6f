"""Charts of the Regio-vergelijking page: one indicator's trend per region against the benchmark.

(The funnel across regions is ``dashboard.charts.funnel.funnel_chart``.)
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.locale import MONTH, bottom_legend, finish

BENCHMARK_COLOUR = "#222222"
# Tableau 10 without its grey, so no region looks like the (dark) benchmark.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f")
# d3 formats per unit (axis, tooltip); percentages are fractions.
VALUE_FORMATS = {
    "percent": (".0%", ".1%"),
    "per_1000_py": (",.1f", ",.2f"),
    "days": (",.0f", ",.0f"),
    "euro_per_patient": ("$,.0f", "$,.0f"),
    "euro_per_inhabitant": ("$,.2f", "$,.2f"),
    "score": (",.1f", ",.2f"),
}


def region_trend_chart(
    frame: pd.DataFrame,
    *,
    unit: str,
    frequency: str,
    title: str,
    subtitle: str = "",
    x_title: str,
    y_title: str,
    group_title: str,
    tooltip_titles: dict[str, str],
    group_domain: list[str],
    lang: str = "nl",
    height: int = 340,
) -> alt.TopLevelMixin:
    """Value per period for each region and the benchmark.

    ``frame``: ``region_name``, ``is_benchmark``, ``period`` (a month Timestamp or a year),
    ``value``, ``low``, ``high``. Per month: a line per region, the benchmark as a thick dark
    line. Per year: a point per region with its interval as a bar, side by side per year.
    ``group_domain`` (regions then the benchmark) fixes the colours. ``tooltip_titles`` names
    ``value``, ``low`` and ``high``.
    """
    axis_format, tip_format = VALUE_FORMATS[unit]
    domain = list(group_domain)
    colour_range = [PALETTE[i % len(PALETTE)] for i in range(len(domain) - 1)]
    colour_range.append(BENCHMARK_COLOUR)
    colour = alt.Color(
        "region_name:N", title=group_title,
        scale=alt.Scale(domain=domain, range=colour_range),
        legend=bottom_legend(columns=3),
    )
    y = alt.Y("value:Q", title=y_title, axis=alt.Axis(format=axis_format),
              scale=alt.Scale(zero=False))
    tooltip = [
        alt.Tooltip("region_name:N", title=group_title),
        alt.Tooltip("period:T" if frequency == "month" else "period:O", title=x_title,
                    **({"format": "%B %Y"} if frequency == "month" else {})),
        alt.Tooltip("value:Q", title=tooltip_titles["value"], format=tip_format),
        alt.Tooltip("low:Q", title=tooltip_titles["low"], format=tip_format),
        alt.Tooltip("high:Q", title=tooltip_titles["high"], format=tip_format),
    ]
    base = alt.Chart(frame)
    if frequency == "month":
        x = alt.X("period:T", title=x_title, axis=alt.Axis(format=MONTH, labelAngle=0))
        regions = base.transform_filter(~alt.datum.is_benchmark).mark_line(
            strokeWidth=1.6, opacity=0.9
        ).encode(x=x, y=y, color=colour, tooltip=tooltip)
        bench = base.transform_filter(alt.datum.is_benchmark).mark_line(
            strokeWidth=3, strokeDash=[6, 3]
        ).encode(x=x, y=y, color=colour, tooltip=tooltip)
        layers = [regions, bench]
    else:
        x = alt.X("period:O", title=x_title, axis=alt.Axis(labelAngle=0))
        offset = alt.XOffset("region_name:N", sort=domain, scale=alt.Scale(domain=domain))
        bars = base.mark_rule(strokeWidth=2).encode(
            x=x, xOffset=offset, y=alt.Y("low:Q", title=y_title), y2="high:Q", color=colour,
            tooltip=tooltip,
        )
        points = base.mark_point(filled=True, size=70).encode(
            x=x, xOffset=offset, y=y, color=colour, tooltip=tooltip,
            shape=alt.condition(alt.datum.is_benchmark, alt.value("diamond"),
                                alt.value("circle")),
        )
        layers = [bars, points]
    chart = alt.layer(*layers).properties(
        title=alt.Title(title, subtitle=subtitle or alt.Undefined), height=height
    )
    return finish(chart, lang)
