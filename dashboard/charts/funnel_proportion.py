"""Funnel plot for a percentage: units against their denominator, with 95% and 99.8% limits.

Drawn from the output of ``dashboard.stats.funnel_limits`` (lines) and ``funnel_classify``
(points); one panel per group (region) when there are several, each around its own target.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.locale import PERCENT, PERCENT_1, bottom_legend, finish

SIGNAL_ORDER = ("high_998", "high_95", "within", "low_95", "low_998")
SIGNAL_COLOURS = ("#08519c", "#6baed6", "#9e9e9e", "#fd8d3c", "#a63603")


def _long_lines(lines: pd.DataFrame, group: str, level_names: dict[str, str]) -> pd.DataFrame:
    parts = []
    for level in ("95", "998"):
        for bound in ("lower", "upper"):
            parts.append(
                pd.DataFrame(
                    {
                        group: lines[group],
                        "precision": lines["precision"],
                        "limit": lines[f"{bound}_{level}"],
                        "level": level_names[level],
                        "line": f"{bound}_{level}",
                    }
                )
            )
    parts.append(
        pd.DataFrame(
            {
                group: lines[group],
                "precision": lines["precision"],
                "limit": lines["target"],
                "level": level_names["target"],
                "line": "target",
            }
        )
    )
    return pd.concat(parts, ignore_index=True)


def proportion_funnel(
    points: pd.DataFrame,
    lines: pd.DataFrame,
    *,
    title: str,
    subtitle: str = "",
    x_title: str,
    y_title: str,
    unit_title: str,
    signal_title: str,
    signal_labels: dict[str, str],
    level_names: dict[str, str],
    tooltip_titles: dict[str, str],
    lang: str = "nl",
    group: str = "region_name",
    unit: str = "display_name",
    numerator: str = "alv",
    precision: str = "referrals",
    value: str = "share",
) -> alt.TopLevelMixin:
    """``points``: one row per unit (``group``, ``unit``, ``numerator``, ``precision``,
    ``value``, ``signal``); ``lines``: ``funnel_limits`` output plus ``group``.

    ``level_names`` names the lines: keys "95", "998" and "target"; ``signal_labels`` the
    five signal codes; ``tooltip_titles`` the ``numerator`` and ``precision`` columns.
    """
    long_lines = _long_lines(lines, group, level_names)
    data = pd.concat(
        [
            long_lines.assign(kind="line"),
            points.assign(
                kind="point",
                precision=points[precision],
                signal_text=points["signal"].map(signal_labels),
            ),
        ],
        ignore_index=True,
    )
    x = alt.X("precision:Q", title=x_title, scale=alt.Scale(zero=True))
    line_layer = (
        alt.Chart()
        .transform_filter(alt.datum.kind == "line")
        .mark_line(strokeWidth=1.4)
        .encode(
            x=x,
            y=alt.Y("limit:Q", title=y_title, axis=alt.Axis(format=PERCENT)),
            detail="line:N",
            strokeDash=alt.StrokeDash(
                "level:N",
                title=None,
                sort=[level_names["target"], level_names["95"], level_names["998"]],
                scale=alt.Scale(
                    domain=[level_names["target"], level_names["95"], level_names["998"]],
                    range=[[1, 0], [6, 3], [2, 2]],
                ),
                legend=bottom_legend(),
            ),
            color=alt.value("#555555"),
        )
    )
    point_layer = (
        alt.Chart()
        .transform_filter(alt.datum.kind == "point")
        .mark_circle(size=55, opacity=0.85)
        .encode(
            x=x,
            y=alt.Y(f"{value}:Q", title=y_title),
            color=alt.Color(
                "signal_text:N",
                title=signal_title,
                scale=alt.Scale(
                    domain=[signal_labels[s] for s in SIGNAL_ORDER], range=list(SIGNAL_COLOURS)
                ),
                legend=bottom_legend(),
            ),
            tooltip=[
                alt.Tooltip(f"{unit}:N", title=unit_title),
                alt.Tooltip(f"{value}:Q", title=y_title, format=PERCENT_1),
                alt.Tooltip(f"{numerator}:Q", title=tooltip_titles[numerator], format=",d"),
                alt.Tooltip(f"{precision}:Q", title=tooltip_titles[precision], format=",d"),
                alt.Tooltip("signal_text:N", title=signal_title),
            ],
        )
    )
    groups = data[group].dropna().unique()
    layered = alt.layer(line_layer, point_layer, data=data)
    if len(groups) > 1:
        chart = layered.properties(width=420, height=280).facet(
            facet=alt.Facet(f"{group}:N", title=None), columns=2
        ).properties(title=alt.Title(title, subtitle=subtitle or alt.Undefined))
    else:
        chart = layered.properties(
            title=alt.Title(title, subtitle=subtitle or alt.Undefined), height=360
        )
    return finish(chart, lang)
