"""Colours shared by the spiegelinformatie charts (own practice against its region), and the
projector look used in presentation mode."""

from __future__ import annotations

from typing import Any

import altair as alt

OWN_COLOUR = "#d95f02"
REGION_COLOUR = "#4c78a8"
LIMIT_COLOUR = "#7f7f7f"

# Sizes in pixels for a room that reads the chart from several metres: roughly 1.5x the
# screen sizes of charts.locale.finish and Vega-Lite's defaults (11 px labels).
PRESENTATION_CONFIG: dict[str, dict[str, Any]] = {
    "title": {"fontSize": 26, "subtitleFontSize": 19},
    "axis": {"labelFontSize": 17, "titleFontSize": 19, "labelLimit": 360},
    "legend": {"labelFontSize": 17, "titleFontSize": 18, "symbolSize": 160},
    "header": {"labelFontSize": 17, "titleFontSize": 19},
    "text": {"fontSize": 17},
}
PRESENTATION_MIN_HEIGHT = 520


def _merged(base: dict[str, Any], extra: dict[str, dict[str, Any]]) -> dict[str, Any]:
    merged = dict(base)
    for group, values in extra.items():
        merged[group] = {**merged.get(group, {}), **values}
    return merged


def for_presentation(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """A copy of a finished chart with projector font sizes and at least a projector height.

    The chart's own configuration (locale, font, title anchor) is kept; only the sizes in
    ``PRESENTATION_CONFIG`` are raised. Charts sized in steps (bars per category) and facet
    grids keep their layout; a fixed pixel height below ``PRESENTATION_MIN_HEIGHT`` grows.
    """
    shown = chart.copy(deep=True)
    config = shown.config.to_dict() if shown.config is not alt.Undefined else {}
    shown.config = alt.Config.from_dict(_merged(config, PRESENTATION_CONFIG))
    height = getattr(shown, "height", alt.Undefined)
    if isinstance(height, int | float) and height < PRESENTATION_MIN_HEIGHT:
        shown.height = PRESENTATION_MIN_HEIGHT
    return shown
