"""One value per category (e.g. care setting), as bars or as points with a 95% interval.

With a ``group`` column holding more than one value (regions), each category gets one mark
per group, side by side and coloured by group.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.locale import finish, group_colour


def _group_encodings(frame: pd.DataFrame, group: str | None, group_title: str,
                     domain: list[str] | None) -> dict:
    if group is None or frame.empty or frame[group].nunique() < 2:
        return {}
    return {
        "color": group_colour(f"{group}:N", group_title, domain),
        "yOffset": alt.YOffset(f"{group}:N", sort=domain),
    }


def _title(title: str, subtitle: str):
    return alt.Title(title, subtitle=subtitle or alt.Undefined)


def _tooltips(category, category_title, group, group_title, value, value_title, value_format,
              extra) -> list:
    tips = [alt.Tooltip(f"{category}:N", title=category_title)]
    if group:
        tips.append(alt.Tooltip(f"{group}:N", title=group_title))
    tips.append(alt.Tooltip(f"{value}:Q", title=value_title, format=value_format))
    tips += [alt.Tooltip(f"{c}:Q", title=t, format=f) for c, (t, f) in (extra or {}).items()]
    return tips


def category_bars(
    frame: pd.DataFrame,
    *,
    value: str,
    category: str,
    title: str,
    subtitle: str = "",
    value_title: str,
    category_title: str,
    value_format: str,
    group: str | None = None,
    group_title: str = "",
    extra_tooltips: dict[str, tuple[str, str]] | None = None,
    category_order: list[str] | None = None,
    group_domain: list[str] | None = None,
    lang: str = "nl",
) -> alt.TopLevelMixin:
    """Horizontal bars of ``value`` per ``category`` (text label at the end of each bar).

    ``extra_tooltips`` maps further columns to (title, d3 format).
    """
    group_enc = _group_encodings(frame, group, group_title, group_domain)
    base = alt.Chart(frame).encode(
        y=alt.Y(f"{category}:N", title=category_title, sort=category_order),
        x=alt.X(f"{value}:Q", title=value_title, axis=alt.Axis(format=value_format)),
        **{k: v for k, v in group_enc.items() if k == "yOffset"},
    )
    bars = base.mark_bar(color="#1f77b4").encode(
        tooltip=_tooltips(category, category_title, group if group_enc else None, group_title,
                          value, value_title, value_format, extra_tooltips),
        **{k: v for k, v in group_enc.items() if k == "color"},
    )
    labels = base.mark_text(align="left", dx=4, color="#333").encode(
        text=alt.Text(f"{value}:Q", format=value_format)
    )
    chart = alt.layer(bars, labels).properties(
        title=_title(title, subtitle), height=alt.Step(30 if group_enc else 44)
    )
    return finish(chart, lang)


def category_intervals(
    frame: pd.DataFrame,
    *,
    value: str,
    low: str,
    high: str,
    category: str,
    title: str,
    subtitle: str = "",
    value_title: str,
    interval_titles: tuple[str, str],
    category_title: str,
    value_format: str,
    group: str | None = None,
    group_title: str = "",
    domain: tuple[float, float] | None = None,
    reference: float | None = None,
    extra_tooltips: dict[str, tuple[str, str]] | None = None,
    category_order: list[str] | None = None,
    group_domain: list[str] | None = None,
    lang: str = "nl",
) -> alt.TopLevelMixin:
    """A point per ``category`` at ``value`` with a line from ``low`` to ``high``.

    ``domain`` fixes the value axis (e.g. 0-100%); ``reference`` draws a dashed vertical line
    (e.g. a norm).
    """
    group_enc = _group_encodings(frame, group, group_title, group_domain)
    scale = alt.Scale(domain=list(domain)) if domain else alt.Scale(zero=False)
    x = alt.X(f"{value}:Q", title=value_title, axis=alt.Axis(format=value_format), scale=scale)
    base = alt.Chart(frame).encode(
        y=alt.Y(f"{category}:N", title=category_title, sort=category_order),
        **group_enc,
    )
    extra = dict(extra_tooltips or {})
    extra[low] = (interval_titles[0], value_format)
    extra[high] = (interval_titles[1], value_format)
    tooltip = _tooltips(category, category_title, group if group_enc else None, group_title,
                        value, value_title, value_format, extra)
    rule = base.mark_rule(strokeWidth=2.5).encode(
        x=alt.X(f"{low}:Q", title=value_title, scale=scale), x2=alt.X2(f"{high}:Q"),
        tooltip=tooltip,
    )
    point = base.mark_point(filled=True, size=90, color="#1f77b4").encode(x=x, tooltip=tooltip)
    layers = [rule, point]
    if reference is not None:
        layers.insert(
            0,
            alt.Chart(pd.DataFrame({"reference": [reference]}))
            .mark_rule(strokeDash=[5, 4], color="#888")
            .encode(x=alt.X("reference:Q", scale=scale)),
        )
    chart = alt.layer(*layers).properties(
        title=_title(title, subtitle), height=alt.Step(30 if group_enc else 44)
    )
    return finish(chart, lang)
