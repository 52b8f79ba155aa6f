"""Regio-vergelijking: every catalogue indicator per region against the all-regions benchmark.

Region-level figures only: the page data groups by region, so no practice appears here.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import ui
from dashboard.charts.funnel import funnel_chart
from dashboard.charts.regiovergelijking import region_trend_chart
from dashboard.pagedata import regiovergelijking as pagedata
from dashboard.safe_text import escape_markdown as md

ui.page_header("regio.title", "regio.intro")
lang = ui.lang()
state = st.session_state

scope = ui.scope()
state.setdefault("regio_standardise", True)
standardise = ui.url_widget(
    st.toggle, ui.t("regio.standardise"), key="regio_standardise", param="dsr",
    help=ui.t("regio.standardise_help"),
)
start = ui.cached_query(pagedata.regiovergelijking_for, scope, None, lang, standardise)
if start.year is None:
    st.info(ui.t("regio.empty"), icon=":material/database:")
    st.stop()

if state.get("regio_year") not in start.years:
    state["regio_year"] = start.year
year = ui.url_widget(
    st.selectbox, ui.t("regio.year"), start.years, key="regio_year", param="jaar",
    help=ui.t("regio.year_help"),
)
data = start if year == start.year else ui.cached_query(
    pagedata.regiovergelijking_for, scope, year, lang, standardise)
cells, colours, row_keys = data.wide()

st.subheader(ui.t("regio.table_title", year=year))
st.caption(ui.t("regio.legend"))
if data.table["standardised"].any():
    st.caption(ui.t("regio.standardised_note", year=year))


def colour_cells(styler):
    return styler.apply(lambda frame: colours.set_axis(frame.columns, axis=1).values, axis=None)


event = ui.show_table(
    cells,
    file_name=f"regiovergelijking_{year}",
    key="regio_table",
    style=colour_cells,
    selectable=True,
)
st.caption(ui.t("regio.table_hint"))

# The row chosen: a click in the table (when it changed), a ?indicator= link, else the first.
requested = st.query_params.get("indicator")
if "regio_row" not in state:
    first = next((r for r in row_keys if pagedata.ROW_BY_KEY[r].code == requested), row_keys[0])
    state["regio_row"] = first
selected = list(event.selection.rows) if event is not None else []
if selected and selected != state.get("regio_clicked"):
    state["regio_row"] = row_keys[selected[0]]
state["regio_clicked"] = selected

with st.expander(ui.t("regio.all_numbers"), icon=":material/table:"):
    ui.show_table(
        data.table.assign(
            comparison_text=data.table["comparison"].map(lambda c: ui.t(f"regio.cmp.{c}")),
            trend_text=data.table["trend_assessment"].map(
                lambda a: ui.t(f"regio.trend.{a}") if isinstance(a, str) else None
            ),
        ),
        file_name=f"regiovergelijking_{year}_cijfers",
        columns={
            "row": "regio.col.row",
            "region_name": "regio.col.region",
            "year": "regio.col.year",
            "months": "regio.col.months",
            "numerator": "regio.col.numerator",
            "denominator": "regio.col.denominator",
            "label": "regio.col.label",
            "value": "regio.col.value",
            "low": "regio.col.low",
            "high": "regio.col.high",
            "crude_value": "regio.col.crude_value",
            "benchmark": "regio.col.benchmark",
            "comparison_text": "regio.col.comparison",
            "previous_value": "regio.col.previous_value",
            "trend_text": "regio.col.trend",
            "trend_p": "regio.col.trend_p",
        },
        formats={
            "year": "year", "months": "integer", "numerator": "decimal",
            "denominator": "decimal", "value": "decimal2", "low": "decimal2",
            "high": "decimal2", "crude_value": "decimal2", "benchmark": "decimal2",
            "previous_value": "decimal2",
            "trend_p": "decimal2",
        },
        about=ui.t("regio.all_numbers_about"),
        key="regio_numbers",
    )

# ---- one indicator -------------------------------------------------------------------------

st.divider()
row = st.selectbox(
    ui.t("regio.indicator"),
    options=row_keys,
    format_func=lambda r: pagedata.indicator_name(pagedata.ROW_BY_KEY[r], lang),
    key="regio_row",
)
spec = pagedata.ROW_BY_KEY[row]
name = pagedata.indicator_name(spec, lang)
unit = ui.t(f"regio.unit.{spec.unit}")
st.subheader(name)
ui.indicator_link(spec.code)

own = data.table[(data.table["row"] == row) & ~data.table["is_benchmark"]]
bench = data.table[(data.table["row"] == row) & data.table["is_benchmark"]].iloc[0]
lines = [
    ui.t(
        "regio.reading.line",
        region=md(r["region_name"]),
        value=r["label"],
        comparison=ui.t(f"regio.cmp.{r['comparison']}"),
        reason=ui.t(f"regio.reason.{r['reason']}") if isinstance(r["reason"], str) else "",
        trend=ui.t(f"regio.trend.{r['trend_assessment']}")
        if isinstance(r["trend_assessment"], str) else ui.t("regio.trend.none"),
    )
    for r in own.to_dict("records")
]
st.markdown(
    ui.t("regio.reading.intro", year=year, benchmark=bench["label"]) + "\n\n"
    + "\n".join(f"- {line}" for line in lines)
)

if spec.frequency == "year":
    frequency = "year"
    st.caption(ui.t("regio.yearly_only"))
else:
    frequency = st.radio(
        ui.t("regio.frequency"),
        options=["month", "year"],
        format_func=lambda f: ui.t(f"regio.frequency.{f}"),
        horizontal=True,
        key="regio_frequency",
    )
histogram = (
    ui.cached_query(pagedata.wait_histogram_for, scope, data.cutoffs, "month")
    if pagedata.needs_month_histogram(row, frequency) else None
)
detail = pagedata.indicator_detail(data, row, frequency, histogram)
names = data.region_names
domain = [*data.regions["name"], names[pagedata.BENCHMARK]]
value_titles = {
    "value": f"{name} ({unit})",
    "low": ui.t("regio.col.low"),
    "high": ui.t("regio.col.high"),
}
trend = detail.trend
value_kind = "percent" if spec.unit == "percent" else "decimal2"
x_title = ui.t(f"regio.axis.{frequency}")
ui.show_chart(
    region_trend_chart(
        trend,
        unit=spec.unit,
        frequency=frequency,
        title=ui.t("regio.trend_title", indicator=name),
        subtitle=ui.t("regio.trend_subtitle"),
        x_title=x_title,
        y_title=f"{name} ({unit})",
        group_title=ui.t("regio.col.region"),
        tooltip_titles=value_titles,
        group_domain=domain,
        lang=lang,
    ),
    trend,
    file_name=f"regiovergelijking_trend_{row}_{frequency}",
    columns={
        "region_name": "regio.col.region",
        "period": f"regio.axis.{frequency}",
        "value": "regio.col.value",
        "low": "regio.col.low",
        "high": "regio.col.high",
        "numerator": "regio.col.numerator",
        "denominator": "regio.col.denominator",
        "months": "regio.col.months",
    },
    formats={
        "period": "month_short" if frequency == "month" else "year",
        "value": value_kind, "low": value_kind, "high": value_kind,
        "numerator": "decimal", "denominator": "decimal", "months": "integer",
    },
    method=ui.t(f"regio.method.{spec.measure}")
    + (" " + ui.t("regio.hidden_points", n=detail.hidden_points) if detail.hidden_points else ""),
    empty=ui.t("regio.trend_empty"),
    key="regio_trend",
)

st.subheader(ui.t("regio.funnel_heading"))
ui.indicator_link(spec.code)
if detail.funnel_kind is None:
    st.info(ui.t(f"regio.no_funnel.{spec.measure}"), icon=":material/info:")
else:
    points = detail.funnel_points
    signal_names = {s: ui.t(f"regio.signal.{s}") for s in
                    ("high_998", "high_95", "within", "low_95", "low_998")}
    value_fmt = {"percent": lambda v: ui.percent(v), "score": lambda v: ui.number(v, 2)}.get(
        spec.unit, lambda v: ui.number(v, spec.decimals))
    plot_points = points.assign(
        display_name=points["region_name"],
        own=False,
        signal_label=points["signal"].map(signal_names),
        value_text=points["y"].map(value_fmt),
        numerator_text=points["numerator"].map(lambda v: ui.number(v, 0)),
        denominator_text=points["denominator"].map(lambda v: ui.number(v, 0)),
    )
    level_names = {"95": ui.t("regio.limit_95"), "998": ui.t("regio.limit_998")}
    plot_lines = detail.funnel_lines.assign(
        level=detail.funnel_lines["level"].map(level_names)
    )
    x_title = ui.t(f"regio.funnel_x.{detail.funnel_kind}")
    ui.show_chart(
        funnel_chart(
            plot_points,
            plot_lines,
            target=detail.funnel_target,
            title=ui.t("regio.funnel_title", indicator=name, year=year),
            subtitle=ui.t("regio.funnel_subtitle"),
            x_title=x_title,
            y_title=f"{name} ({unit})",
            signal_title=ui.t("regio.signal"),
            signal_labels=list(signal_names.values()),
            limits_title=ui.t("regio.limits"),
            tooltips=[
                ("display_name", ui.t("regio.col.region")),
                ("value_text", ui.t("regio.col.value")),
                ("numerator_text", ui.t("regio.col.numerator")),
                ("denominator_text", ui.t("regio.col.denominator")),
                ("signal_label", ui.t("regio.signal")),
            ],
            lang=lang,
            height=380,
        ),
        pd.DataFrame({
            "region_name": points["region_name"], "x": points["x"], "y": points["y"],
            "signal": points["signal"].map(signal_names),
        }),
        file_name=f"regiovergelijking_funnel_{row}_{year}",
        columns={
            "region_name": "regio.col.region",
            "x": f"regio.funnel_x.{detail.funnel_kind}",
            "y": "regio.col.value",
            "signal": "regio.signal",
        },
        formats={"x": "decimal", "y": value_kind, "signal": "text"},
        method=ui.t(f"regio.funnel_method.{detail.funnel_kind}"),
        key="regio_funnel",
    )

with st.expander(ui.t("regio.method.title"), icon=":material/info:"):
    st.markdown(ui.t("regio.method.body"))
