"""Rate per period for one unit against its region, each with its interval."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from .common import OWN_COLOUR, REGION_COLOUR
from .locale import bottom_legend, finish


def rate_trend_chart(
    trend: pd.DataFrame,
    *,
    title: str,
    x_title: str,
    y_title: str,
    series_title: str,
    tooltips: Sequence[tuple[str, str]],
    lang: str = "nl",
    height: int = 320,
) -> alt.LayerChart:
    """Lines with interval bars (own unit) and an interval band (region).

    ``trend``: ``quarter`` (sort key), ``quarter_label``, ``series`` ("own"/"region"),
    ``series_label``, ``rate``, ``low``, ``high`` and the tooltip columns. Rows with a
    missing rate (suppressed or not computable) are left out of the drawing.
    """
    frame = trend.dropna(subset=["rate"])
    order = list(dict.fromkeys(trend.sort_values("quarter")["quarter_label"]))
    labels = list(dict.fromkeys(frame.sort_values("series", ascending=False)["series_label"]))
    colours = [
        OWN_COLOUR if series == "own" else REGION_COLOUR
        for series in dict.fromkeys(frame.sort_values("series", ascending=False)["series"])
    ]
    x = alt.X("quarter_label:N", title=x_title, sort=order, axis=alt.Axis(labelAngle=-40))
    colour = alt.Color(
        "series_label:N",
        title=series_title,
        scale=alt.Scale(domain=labels, range=colours),
        legend=bottom_legend(),
    )
    tooltip = [alt.Tooltip(f"{column}:N", title=name) for column, name in tooltips]
    base = alt.Chart(frame)
    region = base.transform_filter(alt.datum.series == "region")
    own = base.transform_filter(alt.datum.series == "own")
    layers = [
        region.mark_area(opacity=0.18, color=REGION_COLOUR).encode(
            x=x, y=alt.Y("low:Q", title=y_title, scale=alt.Scale(zero=False)), y2="high:Q"
        ),
        region.mark_line(strokeWidth=2).encode(x=x, y="rate:Q", color=colour),
        region.mark_point(filled=True, size=30).encode(x=x, y="rate:Q", color=colour,
                                                       tooltip=tooltip),
        own.mark_rule(color=OWN_COLOUR, strokeWidth=1.5, opacity=0.6).encode(
            x=x, y="low:Q", y2="high:Q"
        ),
        own.mark_line(strokeWidth=2.5).encode(x=x, y="rate:Q", color=colour),
        own.mark_point(filled=True, size=60).encode(x=x, y="rate:Q", color=colour,
                                                    tooltip=tooltip),
    ]
    chart = alt.layer(*layers).properties(title=title, height=height)
    return finish(chart, lang)
