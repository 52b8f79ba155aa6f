"""Funnel plot: one point per unit against its precision, with 95% and 99.8% limit lines."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from .common import LIMIT_COLOUR
from .locale import bottom_legend, finish

# From far above to far below the funnel; diverging, readable for red-green colour blindness.
SIGNAL_COLOURS = ("#b2182b", "#ef8a62", "#a6a6a6", "#67a9cf", "#2166ac")
OWN_MARK_COLOUR = "#111111"


def funnel_chart(
    points: pd.DataFrame,
    lines: pd.DataFrame,
    *,
    target: float,
    title: str,
    subtitle: str = "",
    x_title: str,
    y_title: str,
    signal_title: str,
    signal_labels: Sequence[str],
    limits_title: str,
    tooltips: Sequence[tuple[str, str]],
    lang: str = "nl",
    height: int = 430,
) -> alt.LayerChart:
    """Draw a funnel plot.

    ``points``: ``x``, ``y``, ``display_name``, ``own`` (bool), ``signal_label`` and the
    tooltip columns; ``lines``: ``x``, ``y``, ``line`` (one per curve), ``level`` (legend
    text). ``target`` is the centre line. ``signal_labels`` fixes the colour order (highest
    signal first); ``tooltips`` are (column, title) pairs.
    """
    x_low = min(lines["x"].min(), points["x"].min()) if not lines.empty else points["x"].min()
    x_high = max(lines["x"].max(), points["x"].max()) if not lines.empty else points["x"].max()
    y_values = pd.concat([points["y"], lines["y"], pd.Series([target])])
    y_low, y_high = float(y_values.min()), float(y_values.max())
    pad = (y_high - y_low) * 0.05 or 1.0
    x_scale = alt.Scale(domain=[max(0.0, x_low * 0.95), x_high * 1.03], nice=False)
    y_scale = alt.Scale(domain=[max(0.0, y_low - pad), y_high + pad], nice=False)
    x = alt.X("x:Q", title=x_title, scale=x_scale)
    y = alt.Y("y:Q", title=y_title, scale=y_scale)
    tooltip = [alt.Tooltip(f"{column}:N", title=name) for column, name in tooltips]

    limit_lines = (
        alt.Chart(lines)
        .mark_line(color=LIMIT_COLOUR, strokeWidth=1.3, clip=True)
        .encode(
            x=x,
            y=y,
            detail="line:N",
            strokeDash=alt.StrokeDash(
                "level:N",
                title=limits_title,
                scale=alt.Scale(range=[[6, 3], [2, 2]]),
                legend=bottom_legend(columns=2),
            ),
        )
    )
    centre = (
        alt.Chart(pd.DataFrame({"y": [target]}))
        .mark_rule(color="#333333", strokeWidth=1.2)
        .encode(y=alt.Y("y:Q", scale=y_scale))
    )
    others = (
        alt.Chart(points[~points["own"]])
        .mark_circle(size=70, opacity=0.85, stroke="#ffffff", strokeWidth=0.5)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "signal_label:N",
                title=signal_title,
                scale=alt.Scale(domain=list(signal_labels), range=list(SIGNAL_COLOURS)),
                legend=bottom_legend(columns=3),
            ),
            tooltip=tooltip,
        )
    )
    layers = [limit_lines, centre, others]
    own = points[points["own"]]
    if not own.empty:
        layers.append(
            alt.Chart(own)
            .mark_point(shape="diamond", size=260, filled=True, color=OWN_MARK_COLOUR,
                        opacity=1)
            .encode(x=x, y=y, tooltip=tooltip)
        )
        layers.append(
            alt.Chart(own)
            .mark_text(align="left", dx=12, dy=-10, fontSize=13, fontWeight="bold",
                       color=OWN_MARK_COLOUR)
            .encode(x=x, y=y, text="display_name:N")
        )
    chart = alt.layer(*layers).properties(
        title=alt.Title(title, subtitle=subtitle or alt.Undefined), height=height
    )
    return finish(chart.resolve_scale(color="independent"), lang)
