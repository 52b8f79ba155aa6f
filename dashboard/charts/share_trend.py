"""A percentage per month with its 95% interval as a band, one line per group (region)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.locale import MONTH, PERCENT, PERCENT_1, finish, group_colour

PLOT_HEIGHT = 320


def share_trend(
    frame: pd.DataFrame,
    *,
    title: str,
    subtitle: str = "",
    x_title: str,
    y_title: str,
    group_title: str,
    tooltip_titles: dict[str, str],
    lang: str = "nl",
    month: str = "month",
    group: str = "region_name",
    value: str = "share",
    low: str = "share_low",
    high: str = "share_high",
    group_domain: list[str] | None = None,
) -> alt.TopLevelMixin:
    """Line of ``value`` per ``month`` and ``group`` with a ``low``..``high`` band.

    ``tooltip_titles`` maps extra columns of ``frame`` (e.g. counts) to their tooltip titles;
    the value and interval are always in the tooltip.
    """
    x = alt.X(f"{month}:T", title=x_title, axis=alt.Axis(format=MONTH, labelAngle=0))
    colour = group_colour(f"{group}:N", group_title, group_domain)
    base = alt.Chart(frame).encode(x=x, color=colour)
    tooltip = [
        alt.Tooltip(f"{group}:N", title=group_title),
        alt.Tooltip(f"{month}:T", title=x_title, format="%B %Y"),
        alt.Tooltip(f"{value}:Q", title=y_title, format=PERCENT_1),
        alt.Tooltip(f"{low}:Q", title=tooltip_titles.get(low, low), format=PERCENT_1),
        alt.Tooltip(f"{high}:Q", title=tooltip_titles.get(high, high), format=PERCENT_1),
        *[
            alt.Tooltip(f"{column}:Q", title=name, format=",d")
            for column, name in tooltip_titles.items()
            if column not in (low, high)
        ],
    ]
    band = base.mark_area(opacity=0.18).encode(
        y=alt.Y(f"{low}:Q", title=y_title, axis=alt.Axis(format=PERCENT)),
        y2=alt.Y2(f"{high}:Q"),
    )
    line = base.mark_line(point=alt.OverlayMarkDef(size=28), strokeWidth=2).encode(
        y=alt.Y(f"{value}:Q", title=y_title, axis=alt.Axis(format=PERCENT)),
        tooltip=tooltip,
    )
    chart = alt.layer(band, line).properties(
        title=alt.Title(title, subtitle=subtitle or alt.Undefined), height=PLOT_HEIGHT
    )
    return finish(chart, lang)
