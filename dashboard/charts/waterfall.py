"""Waterfall of social value: each outcome's present value stacked up to the total, then the
investment taken off, ending at the net present value."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.locale import EURO, finish

KIND_COLOURS = {
    "outcome": "#4c78a8",
    "total": "#1F2430",
    "investment": "#C8102E",
    "net": "#2ca02c",
}


def waterfall(
    frame: pd.DataFrame,
    *,
    title: str,
    subtitle: str = "",
    x_title: str,
    kind_titles: dict[str, str],
    tooltip_titles: dict[str, str],
    legend_title: str,
    lang: str = "nl",
) -> alt.TopLevelMixin:
    """``frame``: ``step`` (order), ``label``, ``kind`` (outcome | total | investment | net),
    ``stakeholder``, ``start``, ``end``, ``value``. Bars run from ``start`` to ``end``.

    ``kind_titles`` names the four kinds in the legend; ``tooltip_titles`` names ``label``,
    ``stakeholder`` and ``value``.
    """
    data = frame.assign(kind_title=frame["kind"].map(kind_titles))
    order = list(data.sort_values("step")["label"])
    kinds = [k for k in KIND_COLOURS if k in set(data["kind"])]
    colour = alt.Color(
        "kind_title:N",
        title=legend_title,
        scale=alt.Scale(domain=[kind_titles[k] for k in kinds],
                        range=[KIND_COLOURS[k] for k in kinds]),
        legend=alt.Legend(orient="bottom"),
    )
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=320))
    bars = alt.Chart(data).mark_bar(height={"band": 0.7}).encode(
        y=y,
        x=alt.X("start:Q", title=x_title, axis=alt.Axis(format=EURO)),
        x2="end:Q",
        color=colour,
        tooltip=[
            alt.Tooltip("label:N", title=tooltip_titles["label"]),
            alt.Tooltip("stakeholder:N", title=tooltip_titles["stakeholder"]),
            alt.Tooltip("value:Q", title=tooltip_titles["value"], format=EURO),
        ],
    )
    labels = alt.Chart(data).mark_text(align="left", dx=4, fontSize=11).encode(
        y=y,
        x=alt.X("bar_end:Q"),
        text=alt.Text("value:Q", format=EURO),
    ).transform_calculate(bar_end="max(datum.start, datum.end)")
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#999").encode(x="x:Q")
    chart = alt.layer(bars, labels, zero).properties(
        title=alt.Title(title, subtitle=subtitle or alt.Undefined),
        height=max(200, 30 * len(frame)),
    )
    return finish(chart, lang)
