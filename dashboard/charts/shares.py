"""Shares per category for one or more groups side by side, with interval bars."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from .common import OWN_COLOUR, REGION_COLOUR
from .locale import bottom_legend, finish


def share_bars_chart(
    shares: pd.DataFrame,
    *,
    title: str,
    x_title: str,
    y_title: str,
    group_title: str,
    category_order: Sequence[str],
    tooltips: Sequence[tuple[str, str]],
    lang: str = "nl",
) -> alt.LayerChart:
    """Horizontal grouped bars of ``share`` (0-100) per ``destination_label`` and
    ``group_label``, interval bars from ``low`` to ``high``, the ``share_text`` at the end.

    ``group`` ("own"/"region") picks the colour; rows with a missing share are not drawn.
    """
    frame = shares.dropna(subset=["share"])
    groups = list(dict.fromkeys(frame["group_label"]))
    colours = [
        OWN_COLOUR if group == "own" else REGION_COLOUR
        for group in dict.fromkeys(frame["group"])
    ]
    y = alt.Y("destination_label:N", title=y_title, sort=list(category_order))
    offset = alt.YOffset("group_label:N", sort=groups)
    colour = alt.Color(
        "group_label:N",
        title=group_title,
        sort=groups,
        scale=alt.Scale(domain=groups, range=colours),
        legend=bottom_legend(),
    )
    tooltip = [alt.Tooltip(f"{column}:N", title=name) for column, name in tooltips]
    x_scale = alt.Scale(domain=[0, 100])
    base = alt.Chart(frame)
    bars = base.mark_bar(height={"band": 0.9}).encode(
        x=alt.X("share:Q", title=x_title, scale=x_scale), y=y, yOffset=offset, color=colour,
        tooltip=tooltip,
    )
    errors = base.mark_rule(color="#222222", strokeWidth=1.2).encode(
        x=alt.X("low:Q", scale=x_scale), x2="high:Q", y=y, yOffset=offset
    )
    labels = base.mark_text(align="left", dx=6, fontSize=12).encode(
        x=alt.X("high:Q", scale=x_scale), y=y, yOffset=offset, text="share_text:N"
    )
    height = max(160, 34 * len(frame) + 40)
    chart = alt.layer(bars, errors, labels).properties(title=title, height=height)
    return finish(chart, lang)
