"""A tiny line without axes, for a metric tile: the trend at a glance, values in the tooltip."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.locale import finish


def sparkline(
    frame: pd.DataFrame,
    *,
    x: str,
    y: str,
    x_title: str,
    y_title: str,
    y_format: str,
    description: str = "",
    lang: str = "nl",
    height: int = 48,
) -> alt.TopLevelMixin:
    """``frame`` rows in order of ``x`` (e.g. year); the last point is emphasised."""
    base = alt.Chart(frame).encode(
        x=alt.X(f"{x}:O", axis=None),
        y=alt.Y(f"{y}:Q", axis=None, scale=alt.Scale(zero=False)),
        tooltip=[
            alt.Tooltip(f"{x}:O", title=x_title),
            alt.Tooltip(f"{y}:Q", title=y_title, format=y_format),
        ],
    )
    line = base.mark_line(color="#5b7fa6", strokeWidth=2, point=alt.OverlayMarkDef(size=18))
    last = base.transform_window(
        rank="rank()", sort=[alt.SortField(x, order="descending")]
    ).transform_filter(alt.datum.rank == 1).mark_point(filled=True, size=45, color="#1f4e79")
    chart = alt.layer(line, last).properties(height=height)
    if description:
        chart = chart.properties(description=description)
    return finish(chart, lang).configure_view(strokeWidth=0)
