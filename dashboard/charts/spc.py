"""SPC and run charts for PDCA cycles (Altair), in the NHS "Making Data Count" colours.

Both builders take a plot frame in display units (one row per month) that the page data
prepared, so the chart shows exactly the rows the CSV download holds:

* :func:`spc_chart`: ``month``, ``value``, ``centre``, ``lower``, ``upper`` (and
  ``lower_2sigma``/``upper_2sigma`` when shown), ``segment``, ``variation`` (a legend label) and
  ``rule`` (why a point is coloured, for the tooltip);
* :func:`run_chart`: ``month``, ``value``, ``median``, ``variation``, ``rule``.

Either frame may have an ``excluded`` column (points left out of the calculation): those
points are drawn as open circles.

Colours follow Making Data Count: blue for special cause improvement, orange for special cause
deterioration (concern), purple for a special cause without a good direction, grey for common
cause variation. Phases of the cycle (Plan, Do, Check) are shaded behind the data, and the
target is a dashed line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import altair as alt
import pandas as pd

from dashboard.charts.locale import MONTH, finish

IMPROVEMENT = "#289DE0"
DETERIORATION = "#F08A00"
NEUTRAL_SPECIAL = "#7B4FB8"
COMMON = "#9A9A9A"
CATEGORY_COLOURS = {
    "improvement": IMPROVEMENT,
    "deterioration": DETERIORATION,
    "higher": NEUTRAL_SPECIAL,
    "lower": NEUTRAL_SPECIAL,
    "common": COMMON,
}
PHASE_FILL = {"plan": "#F1F1F1", "do": "#E2F0E6", "check": "#FFF3D9"}
LINE = "#555555"
TARGET = "#1B7F3B"
HEIGHT = 380


@dataclass(frozen=True)
class Phase:
    """A shaded stretch of the chart: ``key`` (plan, do, check), its label and dates."""

    key: str
    label: str
    start: pd.Timestamp
    end: pd.Timestamp


def _x(x_title: str) -> alt.X:
    return alt.X("month:T", title=x_title, axis=alt.Axis(format=MONTH, labelAngle=0))


def _phase_layers(phases: Sequence[Phase]) -> list[alt.Chart]:
    if not phases:
        return []
    frame = pd.DataFrame(
        {
            "phase": [p.key for p in phases],
            "phase_label": [p.label for p in phases],
            "start": [p.start for p in phases],
            "end": [p.end for p in phases],
        }
    )
    fill = alt.Fill(
        "phase:N",
        scale=alt.Scale(domain=list(PHASE_FILL), range=list(PHASE_FILL.values())),
        legend=None,
    )
    shading = (
        alt.Chart(frame)
        .mark_rect(opacity=0.9)
        .encode(x="start:T", x2="end:T", fill=fill, tooltip=alt.value(None))
    )
    labels = (
        alt.Chart(frame)
        .mark_text(align="left", baseline="top", dx=4, dy=4, fontSize=12, color="#444")
        .encode(x="start:T", y=alt.value(0), text="phase_label:N")
    )
    return [shading, labels]


def _target_layers(target: float | None, label: str, number_format: str) -> list[alt.Chart]:
    if target is None:
        return []
    frame = pd.DataFrame({"target": [target], "label": [label]})
    rule = (
        alt.Chart(frame)
        .mark_rule(color=TARGET, strokeDash=[8, 4], strokeWidth=2)
        .encode(
            y="target:Q",
            tooltip=[
                alt.Tooltip("label:N", title=""),
                alt.Tooltip("target:Q", format=number_format),
            ],
        )
    )
    text = (
        alt.Chart(frame)
        .mark_text(align="right", baseline="bottom", dy=-3, color=TARGET, fontWeight="bold")
        .encode(y="target:Q", x=alt.value("width"), text="label:N")
    )
    return [rule, text]


def _point_layers(base: alt.Chart, frame: pd.DataFrame, y: alt.Y, colour: alt.Color,
                  tooltip: list) -> list[alt.Chart]:
    """The points, coloured by variation; points excluded from the calculation (column
    ``excluded``, when present) as open circles in the same colour."""
    if "excluded" not in frame or not frame["excluded"].any():
        return [base.mark_circle(size=55, opacity=1).encode(y=y, color=colour, tooltip=tooltip)]
    kept = base.transform_filter("!datum.excluded")
    dropped = base.transform_filter("datum.excluded")
    return [
        kept.mark_circle(size=55, opacity=1).encode(y=y, color=colour, tooltip=tooltip),
        dropped.mark_point(shape="circle", filled=False, size=70, strokeWidth=2, opacity=1)
        .encode(y=y, color=colour, tooltip=tooltip),
    ]


def _colour(labels: Mapping[str, str], present: Sequence[str], title: str) -> alt.Color:
    keys = [key for key in CATEGORY_COLOURS if key in labels and labels[key] in present]
    return alt.Color(
        "variation:N",
        title=title,
        scale=alt.Scale(
            domain=[labels[key] for key in keys], range=[CATEGORY_COLOURS[key] for key in keys]
        ),
        legend=alt.Legend(orient="bottom", direction="horizontal", labelLimit=0),
    )


def spc_chart(
    frame: pd.DataFrame,
    *,
    title: str,
    subtitle: str = "",
    x_title: str,
    y_title: str,
    labels: Mapping[str, str],
    legend_title: str,
    tooltip_titles: Mapping[str, str],
    phases: Sequence[Phase] = (),
    target: float | None = None,
    target_label: str = "",
    show_2sigma: bool = False,
    number_format: str = ",.1f",
    lang: str = "nl",
) -> alt.TopLevelMixin:
    """The SPC chart: points coloured by variation, centre line, process limits, phases, target.

    ``labels`` maps the variation keys (improvement, deterioration, higher, lower, common) to
    the legend texts used in ``frame["variation"]``; ``tooltip_titles`` names the columns
    (month, value, centre, lower, upper, variation, rule) in the user's language.
    """
    x = _x(x_title)
    y = alt.Y("value:Q", title=y_title, axis=alt.Axis(format=number_format))
    y_scale = alt.Scale(zero=False, nice=True)
    base = alt.Chart(frame).encode(x=x)
    # detail=segment keeps lines of different segments (after a rebase) apart.
    limit_lines = [
        base.mark_line(color=LINE, strokeWidth=1.5, interpolate="step-after").encode(
            y=alt.Y("centre:Q", scale=y_scale), detail="segment:N"
        ),
        base.mark_line(
            color=LINE, strokeDash=[5, 3], strokeWidth=1.2, interpolate="step-after"
        ).encode(y="upper:Q", detail="segment:N"),
        base.mark_line(
            color=LINE, strokeDash=[5, 3], strokeWidth=1.2, interpolate="step-after"
        ).encode(y="lower:Q", detail="segment:N"),
    ]
    if show_2sigma and "upper_2sigma" in frame:
        limit_lines += [
            base.mark_line(
                color="#999", strokeDash=[1, 3], strokeWidth=1.2, interpolate="step-after"
            ).encode(y=f"{column}:Q", detail="segment:N")
            for column in ("upper_2sigma", "lower_2sigma")
        ]
    tooltip = [
        alt.Tooltip("month:T", title=tooltip_titles["month"], format="%B %Y"),
        alt.Tooltip("value:Q", title=tooltip_titles["value"], format=number_format),
        alt.Tooltip("centre:Q", title=tooltip_titles["centre"], format=number_format),
        alt.Tooltip("lower:Q", title=tooltip_titles["lower"], format=number_format),
        alt.Tooltip("upper:Q", title=tooltip_titles["upper"], format=number_format),
        alt.Tooltip("variation:N", title=tooltip_titles["variation"]),
        alt.Tooltip("rule:N", title=tooltip_titles["rule"]),
    ]
    data_line = base.mark_line(color="#B5B5B5", strokeWidth=1.3).encode(y=y)
    colour = _colour(labels, frame["variation"].unique().tolist(), legend_title)
    layers = [
        *_phase_layers(phases),
        *limit_lines,
        *_target_layers(target, target_label, number_format),
        data_line,
        *_point_layers(base, frame, y, colour, tooltip),
    ]
    chart = alt.layer(*layers).properties(
        title=alt.TitleParams(title, subtitle=subtitle or alt.Undefined), height=HEIGHT
    )
    return finish(chart, lang)


def run_chart(
    frame: pd.DataFrame,
    *,
    title: str,
    subtitle: str = "",
    x_title: str,
    y_title: str,
    labels: Mapping[str, str],
    legend_title: str,
    tooltip_titles: Mapping[str, str],
    phases: Sequence[Phase] = (),
    target: float | None = None,
    target_label: str = "",
    number_format: str = ",.1f",
    lang: str = "nl",
) -> alt.TopLevelMixin:
    """The run chart: points and their median; points in an unusually long run are coloured
    (improvement / deterioration / neutral as in :func:`spc_chart`)."""
    x = _x(x_title)
    y = alt.Y(
        "value:Q",
        title=y_title,
        axis=alt.Axis(format=number_format),
        scale=alt.Scale(zero=False, nice=True),
    )
    base = alt.Chart(frame).encode(x=x)
    median = base.mark_line(color=LINE, strokeWidth=1.5).encode(y="median:Q")
    tooltip = [
        alt.Tooltip("month:T", title=tooltip_titles["month"], format="%B %Y"),
        alt.Tooltip("value:Q", title=tooltip_titles["value"], format=number_format),
        alt.Tooltip("median:Q", title=tooltip_titles["median"], format=number_format),
        alt.Tooltip("variation:N", title=tooltip_titles["variation"]),
        alt.Tooltip("rule:N", title=tooltip_titles["rule"]),
    ]
    data_line = base.mark_line(color="#B5B5B5", strokeWidth=1.3).encode(y=y)
    colour = _colour(labels, frame["variation"].unique().tolist(), legend_title)
    layers = [
        *_phase_layers(phases),
        median,
        *_target_layers(target, target_label, number_format),
        data_line,
        *_point_layers(base, frame, y, colour, tooltip),
    ]
    chart = alt.layer(*layers).properties(
        title=alt.TitleParams(title, subtitle=subtitle or alt.Undefined), height=HEIGHT
    )
    return finish(chart, lang)
