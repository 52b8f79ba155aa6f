"""Tornado chart of a one-at-a-time sensitivity analysis: for each assumption, how far the
result moves when that assumption is set to its low and to its high value."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.locale import finish

LOW_COLOUR = "#fd8d3c"
HIGH_COLOUR = "#4c78a8"


def tornado(
    frame: pd.DataFrame,
    *,
    title: str,
    subtitle: str = "",
    x_title: str,
    low_title: str,
    high_title: str,
    base_title: str,
    lang: str = "nl",
    value_format: str = ",.2f",
) -> alt.TopLevelMixin:
    """``frame``: ``label``, ``ratio_low``, ``ratio_high``, ``base_ratio``, in the order to draw
    (largest swing first). Bars run from the base value to the result at the low and at the
    high value of the assumption."""
    order = list(frame["label"])
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=380))
    colour_scale = alt.Scale(domain=[low_title, high_title], range=[LOW_COLOUR, HIGH_COLOUR])
    tooltip = [
        alt.Tooltip("label:N", title=" "),
        alt.Tooltip("ratio_low:Q", title=low_title, format=value_format),
        alt.Tooltip("ratio_high:Q", title=high_title, format=value_format),
        alt.Tooltip("base_ratio:Q", title=base_title, format=value_format),
    ]
    base = alt.Chart(frame)
    low = base.mark_bar(height={"band": 0.65}).encode(
        y=y,
        # Zoomed in on the spread: the point is which assumption moves the result most.
        x=alt.X("base_ratio:Q", title=x_title, axis=alt.Axis(format=",.1f"),
                scale=alt.Scale(zero=False)),
        x2="ratio_low:Q",
        color=alt.Color("side:N", title=None, scale=colour_scale,
                        legend=alt.Legend(orient="bottom")),
        tooltip=tooltip,
    ).transform_calculate(side=f"'{low_title}'")
    high = base.mark_bar(height={"band": 0.65}).encode(
        y=y,
        x=alt.X("base_ratio:Q"),
        x2="ratio_high:Q",
        color=alt.Color("side:N", scale=colour_scale),
        tooltip=tooltip,
    ).transform_calculate(side=f"'{high_title}'")
    rule = base.mark_rule(color="#1F2430", strokeWidth=1.5).encode(x="mean(base_ratio):Q")
    chart = alt.layer(low, high, rule).properties(
        title=alt.Title(title, subtitle=subtitle or alt.Undefined),
        height=max(180, 30 * len(frame)),
    )
    return finish(chart, lang)
