"""Who invests and who benefits: per stakeholder, the present value put in next to the present
value received ("share benefits and drawbacks fairly")."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.locale import EURO, finish

INVESTED_COLOUR = "#C8102E"
BENEFIT_COLOUR = "#4c78a8"


def invest_benefit(
    frame: pd.DataFrame,
    *,
    title: str,
    subtitle: str = "",
    x_title: str,
    invested_title: str,
    benefit_title: str,
    stakeholder_title: str,
    lang: str = "nl",
) -> alt.TopLevelMixin:
    """``frame``: ``stakeholder``, ``measure`` (``invested_title`` or ``benefit_title``),
    ``amount`` in euros; stakeholders are drawn in the frame's order."""
    order = list(dict.fromkeys(frame["stakeholder"]))
    scale = alt.Scale(domain=[invested_title, benefit_title],
                      range=[INVESTED_COLOUR, BENEFIT_COLOUR])
    bars = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("stakeholder:N", sort=order, title=None, axis=alt.Axis(labelLimit=240)),
        yOffset=alt.YOffset("measure:N", sort=[invested_title, benefit_title]),
        x=alt.X("amount:Q", title=x_title, axis=alt.Axis(format=EURO)),
        color=alt.Color("measure:N", title=None, scale=scale,
                        legend=alt.Legend(orient="bottom")),
        tooltip=[
            alt.Tooltip("stakeholder:N", title=stakeholder_title),
            alt.Tooltip("measure:N", title=" "),
            alt.Tooltip("amount:Q", title=x_title, format=EURO),
        ],
    )
    labels = alt.Chart(frame).mark_text(align="left", dx=3, fontSize=11).encode(
        y=alt.Y("stakeholder:N", sort=order),
        yOffset=alt.YOffset("measure:N", sort=[invested_title, benefit_title]),
        x="amount:Q",
        text=alt.Text("amount:Q", format=EURO),
    )
    chart = alt.layer(bars, labels).properties(
        title=alt.Title(title, subtitle=subtitle or alt.Undefined),
        height=max(200, 60 * len(order)),
    )
    return finish(chart, lang)
