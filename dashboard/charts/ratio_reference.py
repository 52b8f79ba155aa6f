"""The SROI ratio of a model, with its uncertainty interval, next to ratios others reported.

One row per line of the frame: the model (``kind`` "model": a point with an interval) and each
reference (``kind`` "reference": a diamond, with a dashed line through the whole chart so the
model's interval can be read against it). A grey line at 1 marks "as much back as put in".
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.locale import finish

MODEL_COLOUR = "#C8102E"
REFERENCE_COLOUR = "#4c78a8"
BREAK_EVEN_COLOUR = "#7f7f7f"


def ratio_reference(
    frame: pd.DataFrame,
    *,
    title: str,
    subtitle: str = "",
    x_title: str,
    tooltip_titles: dict[str, str],
    lang: str = "nl",
) -> alt.TopLevelMixin:
    """``frame``: ``label``, ``kind`` (model | reference), ``ratio``, ``shown`` (the ratio as
    the label next to the mark says it, e.g. "bijna 2"), ``low``, ``high``, ``source``.
    ``tooltip_titles`` names ``label``, ``ratio``, ``low``, ``high``, ``source``."""
    highest = pd.concat([frame["ratio"], frame["high"]]).max(skipna=True)
    domain = [0, max(3.0, float(highest) * 1.08 if pd.notna(highest) else 3.0)]
    x = alt.X("ratio:Q", title=x_title, scale=alt.Scale(domain=domain),
              axis=alt.Axis(format=",.1f"))
    y = alt.Y("label:N", title=None, sort=list(frame["label"]),
              axis=alt.Axis(labelLimit=360))
    tooltip = [
        alt.Tooltip("label:N", title=tooltip_titles["label"]),
        alt.Tooltip("ratio:Q", title=tooltip_titles["ratio"], format=",.2f"),
        alt.Tooltip("low:Q", title=tooltip_titles["low"], format=",.2f"),
        alt.Tooltip("high:Q", title=tooltip_titles["high"], format=",.2f"),
        alt.Tooltip("source:N", title=tooltip_titles["source"]),
    ]
    base = alt.Chart(frame)
    model = base.transform_filter(alt.datum.kind == "model")
    references = base.transform_filter(alt.datum.kind == "reference")
    break_even = alt.Chart(pd.DataFrame({"ratio": [1.0]})).mark_rule(
        color=BREAK_EVEN_COLOUR, strokeWidth=1.5
    ).encode(x=alt.X("ratio:Q"))
    reference_lines = references.mark_rule(
        color=REFERENCE_COLOUR, strokeDash=[5, 4], opacity=0.6
    ).encode(x=alt.X("ratio:Q"))
    interval = model.mark_rule(color=MODEL_COLOUR, strokeWidth=3).encode(
        x=alt.X("low:Q"), x2="high:Q", y=y, tooltip=tooltip
    )
    point = model.mark_point(filled=True, size=140, color=MODEL_COLOUR).encode(
        x=x, y=y, tooltip=tooltip
    )
    value = model.mark_text(dy=-14, color=MODEL_COLOUR, fontWeight="bold").encode(
        x=x, y=y, text="shown:N"
    )
    diamonds = references.mark_point(
        shape="diamond", filled=True, size=120, color=REFERENCE_COLOUR
    ).encode(x=x, y=y, tooltip=tooltip)
    reference_text = references.mark_text(
        align="left", dx=10, color=REFERENCE_COLOUR
    ).encode(x=x, y=y, text="shown:N")
    chart = alt.layer(
        break_even, reference_lines, interval, point, value, diamonds, reference_text
    ).properties(
        title=alt.Title(title, subtitle=subtitle or alt.Undefined),
        height=max(160, 46 * len(frame)),
    )
    return finish(chart, lang)
