"""Spiegelinformatie: a practice's cardiology referrals against the region (funnel plot)."""

from __future__ import annotations

import streamlit as st

from dashboard import privacy, ui
from dashboard.charts.funnel import funnel_chart
from dashboard.charts.shares import share_bars_chart
from dashboard.charts.trend import rate_trend_chart
from dashboard.pagedata import spiegelinformatie as spiegel
from dashboard.safe_text import escape_markdown as md
from dashboard.scope import AccessDenied

ui.page_header("spiegel.title", "spiegel.intro")
scope = ui.scope()


def keep_valid(key: str, options: list) -> None:
    # Options depend on the region: a choice from another region must not linger.
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]


try:
    regions = ui.cached_query(spiegel.regions_for, scope)
except AccessDenied as error:
    ui.denied(error)
if regions.empty:
    st.info(ui.t("spiegel.no_regions"), icon=":material/database:")
    st.stop()
region_names = dict(zip(regions["region"], regions["name"], strict=True))

# ---- filters ----------------------------------------------------------------------------------
with st.container(border=True):
    top = st.columns([2, 2, 1])
    keep_valid("spiegel_region", list(region_names))
    region = ui.url_widget(
        top[0].selectbox,
        ui.t("spiegel.filter_region"),
        list(region_names),
        format_func=region_names.__getitem__,
        key="spiegel_region",
        param="regio",
    )
    period_kind = ui.url_widget(
        top[1].radio,
        ui.t("spiegel.filter_period"),
        list(spiegel.PERIODS),
        format_func=lambda kind: ui.t(f"spiegel.period.{kind}"),
        horizontal=True,
        key="spiegel_period",
        param="periode",
    )
    first_month, data_date = ui.cached_query(spiegel.referral_span_for, scope, region)
    years = spiegel.available_years(first_month, data_date)
    keep_valid("spiegel_year", years)
    year = ui.url_widget(
        top[2].selectbox,
        ui.t("spiegel.filter_year"),
        years,
        key="spiegel_year",
        param="jaar",
        disabled=period_kind != "year" or not years,
    )

    bottom = st.columns([1.4, 1.6, 2])
    condition = ui.url_widget(
        bottom[0].selectbox,
        ui.t("spiegel.filter_condition"),
        list(spiegel.CONDITION_FILTERS),
        format_func=lambda code: ui.t("spiegel.condition_all")
        if code == "all"
        else ui.label("condition", code),
        key="spiegel_condition",
        param="aandoening",
    )
    destination = ui.url_widget(
        bottom[1].selectbox,
        ui.t("spiegel.filter_destination"),
        list(spiegel.DESTINATION_FILTERS),
        format_func=lambda code: ui.t(
            "spiegel.destination_all" if code == "all" else "spiegel.destination_hospital"
        ),
        key="spiegel_destination",
        param="bestemming",
    )
    # The own practice is the signed-in GP's (or the demo's chosen one): never a free choice.
    own_practice_box = bottom[2].container()

conclusion_box = st.container()

st.subheader(ui.t("spiegel.funnel_heading"))
ui.indicator_link("VERW_CARD" if destination == "all" else "VERW_ZH")
toggles = st.columns(2)
measure = ui.url_widget(
    toggles[0].radio,
    ui.t("spiegel.measure"),
    list(spiegel.MEASURES),
    format_func=lambda code: ui.t(f"spiegel.measure.{code}"),
    captions=[ui.t(f"spiegel.measure_help.{code}") for code in spiegel.MEASURES],
    key="spiegel_measure",
    param="maat",
)
dispersion_codes = ["none", "multiplicative", "additive"]
dispersion = ui.url_widget(
    toggles[1].radio,
    ui.t("spiegel.overdispersion"),
    dispersion_codes,
    format_func=lambda code: ui.t(f"spiegel.od.{code}"),
    captions=[ui.t(f"spiegel.od_help.{code}") for code in dispersion_codes],
    key="spiegel_overdispersion",
    param="spreiding",
)

filters = spiegel.SpiegelFilters(
    region=region,
    period=period_kind,
    year=int(year) if year is not None else None,
    condition=condition,
    destination=destination,
    practice=scope.practice,
    measure=measure,
    overdispersion=None if dispersion == "none" else dispersion,
    lang=ui.lang(),
)
data = ui.cached_query(spiegel.spiegelinformatie_for, scope, filters)
with own_practice_box:
    st.markdown(f"**{ui.t('spiegel.filter_practice')}**")
    st.caption(
        md(data.own_name) if data.own_name else ui.t("spiegel.practice_pseudonyms")
    )

# ---- conclusion -------------------------------------------------------------------------------
with conclusion_box:
    if data.period is not None:
        selection = (
            ui.t("spiegel.condition_all") if condition == "all" else ui.label("condition",
                                                                             condition)
        ) + " · " + ui.t(
            "spiegel.destination_all" if destination == "all" else "spiegel.destination_hospital"
        )
        st.caption(
            ui.t(
                "spiegel.period_caption",
                region=md(data.region_name),
                period=data.period.label,
                selection=selection,
                date=ui.day(data.data_date),
            )
        )
    if data.status != "ok":
        st.info(md(data.message), icon=":material/info:")
        for note in data.notes:
            st.caption(md(note))
        st.stop()

    st.info(md(data.conclusion), icon=":material/lightbulb:")
    own = data.own
    cells = st.columns(4)
    if own is not None:
        cells[0].metric(ui.t("spiegel.metric_observed"), ui.number(own["observed"]))
        cells[1].metric(
            ui.t("spiegel.metric_expected"),
            ui.number(own["expected"], 1),
            help=ui.t("spiegel.metric_expected_help"),
        )
        cells[2].metric(
            ui.t("spiegel.metric_ratio"),
            ui.number(own["ratio"] * 100),
            help=ui.t(
                "spiegel.metric_ratio_help",
                low=ui.number(own["low"] * 100),
                high=ui.number(own["high"] * 100),
            ),
        )
        cells[3].metric(
            ui.t("spiegel.metric_rate"),
            ui.number(own["crude_rate"], 1),
            help=ui.t(
                "spiegel.metric_rate_help_withheld" if data.region_withheld
                else "spiegel.metric_rate_help",
                low=ui.number(own["crude_low"], 1),
                high=ui.number(own["crude_high"], 1),
                region=ui.number(data.region_rate, 1),
            ),
        )
    else:
        signals = data.signals
        withheld_help = ui.t("spiegel.metric_withheld") if data.region_withheld else None
        cells[0].metric(ui.t("spiegel.metric_practices"), ui.number(len(signals)))
        cells[1].metric(ui.t("spiegel.metric_observed"), ui.number(data.total_referrals),
                        help=withheld_help)
        cells[2].metric(ui.t("spiegel.metric_region_rate"), ui.number(data.region_rate, 1),
                        help=withheld_help)
        # Over the shown practices: a hidden practice's signal is hidden with its count.
        shown = data.shown_signals
        cells[3].metric(
            ui.t("spiegel.metric_outside"), ui.number((shown != "within").sum()),
            help=ui.t("spiegel.metric_outside_help", shown=ui.number(len(shown)),
                      hidden=ui.number(len(signals) - len(shown)))
            if len(shown) < len(signals) else None,
        )
    st.caption(data.reading_note)
    for note in data.notes:
        st.caption(f":material/info: {note}")

# ---- funnel -----------------------------------------------------------------------------------
crude = measure == "crude"
tooltips = [
    ("display_name", ui.t("spiegel.tt_practice")),
    ("observed_text", ui.t("spiegel.tt_observed")),
    ("person_years_text" if crude else "expected_text",
     ui.t("spiegel.tt_person_years" if crude else "spiegel.tt_expected")),
    ("value_text", ui.t("spiegel.tt_rate" if crude else "spiegel.tt_ratio")),
    ("interval_text", ui.t("spiegel.tt_interval")),
    ("signal_label", ui.t("spiegel.tt_signal")),
]
# Withheld region (data.region_withheld) whose only practice to draw is hidden: no chart.
drawable = not (data.funnel_points.empty and data.funnel_lines.empty)
funnel = drawable and funnel_chart(
    data.funnel_points,
    data.funnel_lines,
    target=data.funnel_target,
    title=ui.t("spiegel.funnel_title_crude" if crude else "spiegel.funnel_title_standardised"),
    subtitle=f"{data.region_name} · {data.period.label}",
    x_title=ui.t("spiegel.axis_person_years" if crude else "spiegel.axis_expected"),
    y_title=ui.t("spiegel.axis_rate" if crude else "spiegel.axis_ratio"),
    signal_title=ui.t("spiegel.legend_signal"),
    signal_labels=[ui.t(f"spiegel.signal.{code}") for code in spiegel.SIGNALS],
    limits_title=ui.t("spiegel.legend_limits"),
    tooltips=tooltips,
    lang=ui.lang(),
)
if not drawable:
    st.info(ui.t("spiegel.funnel_withheld", max=ui.number(privacy.threshold() - 1)),
            icon=":material/lock:")
else:
    ui.altair_chart(funnel, width="stretch")
    ui.chart_downloads(funnel, file_name="trechter_spiegelinformatie", key="spiegel_funnel")
hidden_note = (
    " " + ui.t("spiegel.funnel_hidden", count=ui.number(data.funnel_hidden),
               max=ui.number(privacy.threshold() - 1))
    if data.funnel_hidden else ""
)
st.caption(f"{data.funnel_note} {data.dispersion_note}{hidden_note}")
with st.expander(ui.t("chart.data"), icon=":material/table:"):
    st.caption(ui.t("spiegel.points_caption"))
    ui.show_table(
        data.funnel_points,
        file_name="trechter_punten",
        columns={
            "display_name": "spiegel.col.practice",
            "x": "spiegel.col.x_person_years" if crude else "spiegel.col.x_expected",
            "y": "spiegel.col.y_rate" if crude else "spiegel.col.y_ratio",
            "observed_text": "spiegel.col.observed",
            "interval_text": "spiegel.col.interval",
            "signal_label": "spiegel.col.signal",
        },
        formats={"x": "decimal", "y": "decimal"},
        key="spiegel_points",
    )
    st.caption(ui.t("spiegel.lines_caption"))
    ui.show_table(
        data.funnel_lines,
        file_name="trechter_grenzen",
        columns={
            "line": "spiegel.col.line",
            "level": "spiegel.col.level",
            "x": "spiegel.col.x_person_years" if crude else "spiegel.col.x_expected",
            "y": "spiegel.col.y_rate" if crude else "spiegel.col.y_ratio",
        },
        formats={"x": "decimal2", "y": "decimal2"},
        key="spiegel_lines",
    )

# ---- table ------------------------------------------------------------------------------------
st.subheader(ui.t("spiegel.table_heading"))
ui.show_table(
    data.table,
    file_name="spiegelinformatie_praktijken",
    columns={
        "practice_name": "spiegel.col.practice",
        "listed_patients": "spiegel.col.listed_patients",
        "observed": "spiegel.col.observed",
        "expected": "spiegel.col.expected",
        "ratio": "spiegel.col.ratio",
        "interval": "spiegel.col.interval",
        "crude_rate": "spiegel.col.crude_rate",
        "signal_label": "spiegel.col.signal",
    },
    formats={
        "listed_patients": "integer",
        "observed": "count",
        "expected": "decimal",
        "ratio": "integer",
        "interval": "text",
        "crude_rate": "decimal",
        "signal_label": "text",
    },
    about=ui.t("spiegel.table_about"),
    key="spiegel_table",
)

# ---- trend ------------------------------------------------------------------------------------
st.subheader(ui.t("spiegel.trend_heading"))
ui.indicator_link("VERW_CARD" if destination == "all" else "VERW_ZH")
trend = data.trend.dropna(subset=["rate"]) if not data.trend.empty else data.trend
ui.show_chart(
    rate_trend_chart(
        trend,
        title=ui.t("spiegel.trend_title_crude" if crude else "spiegel.trend_title_standardised"),
        x_title=ui.t("spiegel.axis_quarter"),
        y_title=ui.t("spiegel.axis_rate"),
        series_title=ui.t("spiegel.legend_series"),
        tooltips=[
            ("series_label", ui.t("spiegel.tt_series")),
            ("quarter_label", ui.t("spiegel.tt_quarter")),
            ("referrals_text", ui.t("spiegel.tt_observed")),
            ("rate_text", ui.t("spiegel.tt_rate")),
            ("interval_text", ui.t("spiegel.tt_interval")),
        ],
        lang=ui.lang(),
    )
    if not trend.empty
    else None,
    trend,
    file_name="spiegelinformatie_trend",
    columns={
        "series_label": "spiegel.col.series",
        "quarter_label": "spiegel.col.quarter",
        "referrals": "spiegel.col.observed",
        "person_years": "spiegel.col.person_years",
        "rate": "spiegel.col.rate",
        "low": "spiegel.col.low",
        "high": "spiegel.col.high",
    },
    formats={
        "referrals": "count",
        "person_years": "integer",
        "rate": "decimal",
        "low": "decimal",
        "high": "decimal",
    },
    method=data.trend_note,
    empty=ui.t("spiegel.trend_empty"),
    key="spiegel_trend",
)

# ---- destinations -----------------------------------------------------------------------------
st.subheader(ui.t("spiegel.destinations_heading"))
shares = (
    data.destinations.dropna(subset=["share"])
    if not data.destinations.empty
    else data.destinations
)
ui.show_chart(
    share_bars_chart(
        shares,
        title=ui.t("spiegel.destinations_title", period=data.period.label),
        x_title=ui.t("spiegel.axis_share"),
        y_title=ui.t("spiegel.axis_destination"),
        group_title=ui.t("spiegel.legend_series"),
        category_order=[ui.label("destination", code) for code in spiegel.DESTINATIONS],
        tooltips=[
            ("group_label", ui.t("spiegel.tt_series")),
            ("destination_label", ui.t("spiegel.tt_destination")),
            ("referrals_text", ui.t("spiegel.tt_observed")),
            ("share_text", ui.t("spiegel.tt_share")),
            ("interval_text", ui.t("spiegel.tt_interval")),
        ],
        lang=ui.lang(),
    )
    if not shares.empty
    else None,
    shares,
    file_name="spiegelinformatie_bestemming",
    columns={
        "group_label": "spiegel.col.group",
        "destination_label": "spiegel.col.destination",
        "referrals": "spiegel.col.observed",
        "total": "spiegel.col.total",
        "share": "spiegel.col.share",
        "low": "spiegel.col.low",
        "high": "spiegel.col.high",
    },
    formats={
        "referrals": "count",
        "total": "integer",
        "share": "decimal",
        "low": "decimal",
        "high": "decimal",
    },
    method=data.destinations_note,
    empty=data.destinations_note if data.region_withheld else ui.t("spiegel.destinations_empty"),
    key="spiegel_destinations",
)

# ---- opportunity ------------------------------------------------------------------------------
st.subheader(ui.t("spiegel.opportunity_heading"))
if data.opportunity is None:
    st.info(ui.t("spiegel.opportunity_withheld" if data.opportunity_withheld
                 else "spiegel.opportunity_none"), icon=":material/info:")
else:
    st.markdown(data.opportunity.text)
    st.caption(ui.t("spiegel.opportunity_caveat"))
