"""Where episodes ended up: one 100% stacked bar per starting point (e.g. anderhalvelijn)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.locale import PERCENT, PERCENT_1, bottom_legend, finish

# Calm green for "stayed out of hospital", red for "went to hospital", grey for "not yet known".
OUTCOME_COLOURS = ("#2e7d32", "#c62828", "#bdbdbd")


def outcome_flow(
    frame: pd.DataFrame,
    *,
    title: str,
    subtitle: str = "",
    x_title: str,
    y_title: str,
    outcome_title: str,
    count_title: str,
    lang: str = "nl",
) -> alt.TopLevelMixin:
    """``frame``: ``destination_label``, ``outcome_label``, ``order``, ``episodes``, ``share``
    (fraction of the destination's episodes), one row per destination and outcome."""
    outcomes = (
        frame.sort_values("order")["outcome_label"].drop_duplicates().tolist()
        if not frame.empty else []
    )
    base = alt.Chart(frame).encode(
        y=alt.Y("destination_label:N", title=y_title, sort=None),
        x=alt.X("share:Q", title=x_title, axis=alt.Axis(format=PERCENT),
                scale=alt.Scale(domain=[0, 1]), stack="zero"),
        order=alt.Order("order:Q"),
    )
    bars = base.mark_bar(height=34).encode(
        color=alt.Color(
            "outcome_label:N",
            title=outcome_title,
            sort=outcomes,
            scale=alt.Scale(domain=outcomes, range=list(OUTCOME_COLOURS[: len(outcomes)])),
            legend=bottom_legend(),
        ),
        tooltip=[
            alt.Tooltip("destination_label:N", title=y_title),
            alt.Tooltip("outcome_label:N", title=outcome_title),
            alt.Tooltip("episodes:Q", title=count_title, format=",d"),
            alt.Tooltip("share:Q", title=x_title, format=PERCENT_1),
        ],
    )
    # Labels only where a segment is wide enough to hold them.
    labels = (
        base.transform_filter(alt.datum.share >= 0.07)
        .mark_text(color="white", fontWeight="bold", dx=-4, align="right")
        .encode(
            x=alt.X("share:Q", stack="zero", bandPosition=1),
            text=alt.Text("share:Q", format=PERCENT),
        )
    )
    chart = alt.layer(bars, labels).properties(
        title=alt.Title(title, subtitle=subtitle or alt.Undefined),
        height=alt.Step(48),
    )
    return finish(chart, lang)
