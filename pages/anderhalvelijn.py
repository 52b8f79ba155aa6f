"""Anderhalvelijn: uptake of 1.5-line care and e-consult, what followed, waits, satisfaction, cost.

For cardiologists and network coordinators. All figures come from
``dashboard.pagedata.anderhalvelijn``; this script only lays them out.
"""

from __future__ import annotations

import streamlit as st

from dashboard import codes, privacy, ui
from dashboard.charts.by_category import category_bars, category_intervals
from dashboard.charts.funnel_proportion import SIGNAL_ORDER, proportion_funnel
from dashboard.charts.locale import EURO, PERCENT
from dashboard.charts.outcome_flow import outcome_flow
from dashboard.charts.share_trend import share_trend
from dashboard.pagedata import anderhalvelijn as pagedata
from dashboard.pagedata.periods import ROLLING, WHOLE_RANGE, period_keys, resolve_period
from dashboard.safe_text import escape_markdown as md
from dashboard.scope import AccessDenied

ALL = "alle"

ui.page_header("alv.title", "alv.intro")
scope = ui.scope()

regions = ui.cached_query(pagedata.regions_for, scope)
dates = ui.cached_query(pagedata.data_dates_for, scope)
if regions.empty or dates.empty:
    st.info(ui.t("alv.no_data"), icon=":material/database:")
    st.stop()

region_names = dict(zip(regions["region"], regions["name"], strict=True))
first_month, last_month = min(dates["first_month"]), max(dates["last_month"])


def period_label(key: str) -> str:
    period = resolve_period(key, first_month, last_month)
    span = {"first": ui.month(period.start, short=True), "last": ui.month(period.end, short=True)}
    if key == ROLLING:
        return ui.t("alv.period_rolling", **span)
    if key == WHOLE_RANGE:
        return ui.t("alv.period_all", **span)
    if period.complete:
        return key
    return ui.t("alv.period_partial_year", year=key, months=ui.t("alv.period_span", **span)
                if period.start != period.end else span["first"])


# Labels are computed up front: a format_func that reads the language when called would be
# evaluated outside the script run by Streamlit's test harness and answer in the wrong language.
region_labels = {ALL: ui.t("alv.all_regions"), **region_names}
period_labels = {key: period_label(key) for key in period_keys(first_month, last_month)}
condition_labels = {
    ALL: ui.t("alv.all_conditions"),
    **{code: ui.label("condition", code) for code in codes.CONDITIONS},
}
filters = st.columns(3)
if st.session_state.get("alv_region") not in region_labels:
    st.session_state.pop("alv_region", None)
region = ui.url_widget(
    filters[0].selectbox, ui.t("alv.filter_region"), list(region_labels),
    format_func=region_labels.__getitem__, key="alv_region", param="regio",
)
period = ui.url_widget(
    filters[1].selectbox, ui.t("alv.filter_period"), list(period_labels),
    format_func=period_labels.__getitem__, key="alv_period", param="periode",
)
condition = ui.url_widget(
    filters[2].selectbox, ui.t("alv.filter_condition"), list(condition_labels),
    format_func=condition_labels.__getitem__, key="alv_condition", param="aandoening",
)

try:
    data = ui.cached_query(
        pagedata.anderhalvelijn_for,
        scope,
        None if region == ALL else region,
        period,
        None if condition == ALL else condition,
        lang=ui.lang(),
    )
except AccessDenied as error:
    ui.denied(error)
single_region = region != ALL
scope_name = region_names[region] if single_region else ui.t("alv.all_regions")

if not data.has_data:
    st.info(ui.t("alv.no_referrals", scope=md(scope_name)), icon=":material/info:")
    st.stop()

dated = data.regions.dropna(subset=["data_date"])
st.caption(
    ui.t(
        "alv.scope_caption",
        scope=md(scope_name),
        first=ui.month(data.period.start),
        last=ui.month(data.period.end),
        date=ui.day(max(dated["data_date"])) if not dated.empty else "–",
    )
)

# ---- what this region has (or lacks) ----------------------------------------------------------
if single_region and data.without_anderhalvelijn:
    st.info(ui.t("alv.no_anderhalvelijn", region=md(scope_name)), icon=":material/info:")
elif single_region and not data.not_started.empty:
    st.info(
        ui.t(
            "alv.not_started",
            region=md(scope_name),
            date=ui.day(data.not_started["anderhalvelijn_start"].iloc[0]),
        ),
        icon=":material/info:",
    )
elif data.without_anderhalvelijn:
    st.caption(ui.t("alv.some_without", regions=", ".join(data.without_anderhalvelijn)))

# ---- headline -------------------------------------------------------------------------------
head = data.headline


def interval_help(low, high, detail: str) -> str:
    return ui.t("alv.interval_help", low=ui.percent(low), high=ui.percent(high), detail=detail)


SMALL = {"max": ui.number(privacy.threshold() - 1)}


def hidden_help(reason_key: str) -> str:
    return ui.t(reason_key, **SMALL)


if data.withheld_regions:
    st.info(ui.t("alv.withheld_regions", regions=", ".join(data.withheld_regions), **SMALL),
            icon=":material/lock:")
cells = st.columns(4)
cells[0].metric(
    ui.t("alv.metric_share"),
    ui.percent(head["share"]),
    help=interval_help(
        head["share_low"], head["share_high"],
        ui.t("alv.metric_share_detail", alv=ui.number(head["alv"]),
             referrals=ui.number(head["referrals"])),
    ) if head["share"] is not None else hidden_help(
        "alv.metric_withheld" if head["withheld"] else "alv.metric_hidden"),
    border=True,
)
if data.anderhalvelijn_in_scope:
    cutoff = data.regions["follow_up_until"].dropna()
    cells[1].metric(
        ui.t("alv.metric_resolved"),
        ui.percent(head["resolved_share"]),
        help=interval_help(
            head["resolved_low"], head["resolved_high"],
            ui.t("alv.metric_resolved_detail", resolved=ui.number(head["resolved"]),
                 followed=ui.number(head["followed"]),
                 month=ui.month(max(cutoff)) if not cutoff.empty else "–"),
        ) if head["resolved_share"] is not None else hidden_help("alv.metric_resolved_none"),
        border=True,
    )
    cells[2].metric(
        ui.t("alv.metric_wait"),
        ui.t("alv.days", days=ui.number(head["wait_median"]))
        if head["wait_median"] is not None else "–",
        help=ui.t("alv.metric_wait_detail", episodes=ui.number(head["wait_episodes"]))
        if head["wait_median"] is not None else hidden_help("alv.metric_hidden"),
        border=True,
    )
    cells[3].metric(
        ui.t("alv.metric_treeknorm"),
        ui.percent(head["wait_within"]),
        help=interval_help(
            head["wait_within_low"], head["wait_within_high"],
            ui.t("alv.metric_wait_detail", episodes=ui.number(head["wait_episodes"])),
        ) if head["wait_within"] is not None else hidden_help("alv.metric_hidden"),
        border=True,
    )
else:
    cells[1].metric(
        ui.t("alv.metric_referrals"), ui.number(head["referrals"]),
        help=hidden_help("alv.metric_withheld") if head["referrals"] is None else None,
        border=True,
    )

# ---- uptake ---------------------------------------------------------------------------------
st.header(ui.t("alv.share_title"))
ui.indicator_link("ALV_AANDEEL")
hidden_note = (
    " " + ui.t("alv.hidden_points", count=ui.number(data.share_hidden_points), **SMALL)
    if data.share_hidden_points else ""
) + (
    " " + ui.t("alv.withheld_points", regions=", ".join(data.withheld_points))
    if data.withheld_points else ""
) + (
    " " + ui.t("alv.beyond_own_points", count=ui.number(data.share_beyond_own_points), **SMALL)
    if data.share_beyond_own_points else ""
)
ui.show_chart(
    share_trend(
        data.share_chart,
        title=ui.t("alv.share_chart_title", scope=scope_name),
        subtitle=ui.t("alv.share_chart_subtitle"),
        x_title=ui.t("alv.axis_month"),
        y_title=ui.t("alv.axis_share"),
        group_title=ui.t("col.region"),
        group_domain=list(data.regions["name"]),
        tooltip_titles={
            "share_low": ui.t("col.ci_low"),
            "share_high": ui.t("col.ci_high"),
            "alv": ui.t("col.alv_referrals"),
            "referrals": ui.t("col.referrals"),
        },
        lang=ui.lang(),
    ),
    data.share_chart,
    file_name="aandeel_anderhalvelijn_per_maand",
    columns={
        "region_name": "col.region",
        "month": "col.month",
        "referrals": "col.referrals",
        "alv": "col.alv_referrals",
        "share": "col.share",
        "share_low": "col.ci_low",
        "share_high": "col.ci_high",
    },
    formats={"month": "month", "share": "percent", "share_low": "percent",
             "share_high": "percent"},
    method=ui.t("alv.share_method") + hidden_note,
    empty=ui.t("alv.share_empty", **SMALL),
    key="alv-share",
)

if not single_region:
    st.subheader(ui.t("alv.share_region_title"))
    ui.show_table(
        data.share_by_region,
        file_name="aandeel_anderhalvelijn_per_regio",
        columns={
            "region_name": "col.region",
            "referrals": "col.referrals",
            "hospital": "col.hospital_referrals",
            "alv": "col.alv_referrals",
            "share": "col.share",
            "share_low": "col.ci_low",
            "share_high": "col.ci_high",
        },
        formats={"referrals": "count", "hospital": "count", "alv": "count",
                 "share": "percent", "share_low": "percent", "share_high": "percent"},
        about=ui.t("alv.withheld_totals", regions=", ".join(data.withheld_regions))
        if data.withheld_regions else ui.t("alv.hidden_totals", **SMALL)
        if data.totals_hidden else None,
        key="alv-share-region",
    )

st.subheader(ui.t("alv.practice_title"))
if data.practices_denied:
    # Insurers, and anyone looking at another region, get no practice-level rows at all.
    st.info(ui.t(data.practices_denied), icon=":material/lock:")
else:
    signal_labels = {code: ui.label("signal", code) for code in SIGNAL_ORDER}
    funnel_notes = []
    if data.funnel_hidden:
        funnel_notes.append(ui.t("alv.funnel_hidden", count=ui.number(data.funnel_hidden), **SMALL))
    if data.funnel_skipped:
        funnel_notes.append(ui.t("alv.funnel_skipped", regions=", ".join(data.funnel_skipped)))
    if data.funnel_withheld:
        funnel_notes.append(ui.t("alv.funnel_withheld",
                                 regions=", ".join(data.funnel_withheld)))
    ui.show_chart(
        proportion_funnel(
            data.funnel_chart,
            data.funnel_lines,
            title=ui.t("alv.funnel_chart_title", scope=scope_name),
            subtitle=ui.t("alv.funnel_chart_subtitle"),
            x_title=ui.t("alv.axis_referrals"),
            y_title=ui.t("alv.axis_share"),
            unit_title=ui.t("col.practice"),
            signal_title=ui.t("col.funnel_signal"),
            signal_labels=signal_labels,
            level_names={
                "target": ui.t("alv.funnel_target"),
                "95": ui.t("alv.funnel_95"),
                "998": ui.t("alv.funnel_998"),
            },
            tooltip_titles={"alv": ui.t("col.alv_referrals"), "referrals": ui.t("col.referrals")},
            lang=ui.lang(),
        ),
        data.funnel_chart,
        file_name="trechter_anderhalvelijn_praktijken",
        columns={
            "region_name": "col.region",
            "display_name": "col.practice",
            "referrals": "col.referrals",
            "alv": "col.alv_referrals",
            "share": "col.share",
            "share_low": "col.ci_low",
            "share_high": "col.ci_high",
            "signal_label": "col.funnel_signal",
        },
        formats={"share": "percent", "share_low": "percent", "share_high": "percent"},
        method=" ".join([ui.t("alv.funnel_method"), *funnel_notes]),
        empty=" ".join([ui.t("alv.funnel_empty"), *funnel_notes]),
        key="alv-funnel",
    )

    practice_columns = {
        "display_name": "col.practice",
        "referrals": "col.referrals",
        "hospital": "col.hospital_referrals",
        "alv": "col.alv_referrals",
        "share": "col.share",
        "share_low": "col.ci_low",
        "share_high": "col.ci_high",
        "signal_label": "col.funnel_signal",
    }
    if not single_region:
        practice_columns = {"region_name": "col.region", **practice_columns}
    ui.show_table(
        data.practices,
        file_name="anderhalvelijn_per_praktijk",
        columns=practice_columns,
        formats={"referrals": "count", "hospital": "count", "alv": "count", "share": "percent",
                 "share_low": "percent", "share_high": "percent"},
        about=ui.t("alv.practice_about", threshold=ui.number(privacy.threshold()), **SMALL),
        key="alv-practices",
    )

# ---- resolved without hospital --------------------------------------------------------------
st.header(ui.t("alv.resolved_title"))
ui.indicator_link("ALV_AFGEHANDELD")
st.caption(ui.t("alv.resolved_intro"))
if data.open_episodes:
    st.caption(ui.t("alv.open_note", count=ui.number(data.open_episodes)))
flow_note = (
    " " + ui.t("alv.flow_hidden", destinations=", ".join(data.flow_hidden), **SMALL)
    if data.flow_hidden else ""
)
ui.show_chart(
    outcome_flow(
        data.flow_chart,
        title=ui.t("alv.flow_chart_title", scope=scope_name),
        subtitle=ui.t("alv.flow_chart_subtitle"),
        x_title=ui.t("alv.axis_episode_share"),
        y_title=ui.t("alv.axis_start"),
        outcome_title=ui.t("col.flow_outcome"),
        count_title=ui.t("col.episodes"),
        lang=ui.lang(),
    ),
    data.flow_chart,
    file_name="anderhalvelijn_uitkomst_6_maanden",
    columns={
        "destination_label": "col.destination",
        "outcome_label": "col.flow_outcome",
        "episodes": "col.episodes",
        "share": "col.share",
    },
    formats={"episodes": "integer", "share": "percent"},
    method=ui.t("alv.flow_method") + flow_note,
    empty=ui.t("alv.flow_empty") + flow_note,
    key="alv-flow",
)
resolved_columns = {
    "destination_label": "col.destination",
    "followed_episodes": "col.followed_episodes",
    "resolved": "col.resolved",
    "to_hospital": "col.to_hospital",
    "share": "col.resolved_share",
    "share_low": "col.ci_low",
    "share_high": "col.ci_high",
    "follow_up_until": "col.follow_up_until",
}
if not single_region:
    resolved_columns = {"region_name": "col.region", **resolved_columns}
ui.show_table(
    data.resolved,
    file_name="anderhalvelijn_afgehandeld_per_regio",
    columns=resolved_columns,
    formats={"followed_episodes": "count", "resolved": "count", "to_hospital": "count",
             "share": "percent", "share_low": "percent", "share_high": "percent",
             "follow_up_until": "month"},
    about=ui.t("alv.resolved_about"),
    key="alv-resolved",
)

# ---- waiting time, satisfaction and cost per setting ----------------------------------------
if data.condition is not None:
    st.info(ui.t("alv.not_per_condition"), icon=":material/info:")
setting_order = [ui.label("destination", code) for code in pagedata.SETTINGS]
group = None if single_region else "region_name"
group_domain = list(data.regions["name"])


def two_columns() -> list:
    # Side by side for one region; bars per region need the full width.
    return st.columns(2) if single_region else [st.container(), st.container()]


st.header(ui.t("alv.wait_title"))
ui.indicator_link("WACHTTIJD")
wait_cells = two_columns()
with wait_cells[0]:
    ui.show_chart(
        category_bars(
            data.waits_chart,
            value="median_days",
            category="setting_label",
            title=ui.t("alv.wait_median_chart_title"),
            subtitle=ui.t("alv.subtitle_scope", scope=scope_name),
            value_title=ui.t("alv.axis_median_days"),
            category_title=ui.t("col.setting"),
            value_format=",.0f",
            group=group,
            group_title=ui.t("col.region"),
            extra_tooltips={"episodes": (ui.t("col.episodes"), ",d")},
            category_order=setting_order,
            group_domain=group_domain,
            lang=ui.lang(),
        ),
        data.waits_chart,
        file_name="wachttijd_mediaan_per_setting",
        columns={
            "region_name": "col.region",
            "setting_label": "col.setting",
            "episodes": "col.episodes",
            "median_days": "col.median_days",
        },
        formats={"median_days": "decimal"},
        method=ui.t("alv.wait_median_method"),
        empty=ui.t("alv.setting_empty", **SMALL),
        key="alv-wait-median",
    )
with wait_cells[1]:
    ui.show_chart(
        category_intervals(
            data.waits_chart,
            value="share",
            low="share_low",
            high="share_high",
            category="setting_label",
            title=ui.t("alv.wait_norm_chart_title"),
            subtitle=ui.t("alv.subtitle_scope", scope=scope_name),
            value_title=ui.t("alv.axis_within_norm"),
            interval_titles=(ui.t("col.ci_low"), ui.t("col.ci_high")),
            category_title=ui.t("col.setting"),
            value_format=PERCENT,
            group=group,
            group_title=ui.t("col.region"),
            domain=(0, 1),
            extra_tooltips={"within_4_weeks": (ui.t("col.within_4_weeks"), ",d"),
                            "episodes": (ui.t("col.episodes"), ",d")},
            category_order=setting_order,
            group_domain=group_domain,
            lang=ui.lang(),
        ),
        data.waits_chart,
        file_name="wachttijd_treeknorm_per_setting",
        columns={
            "region_name": "col.region",
            "setting_label": "col.setting",
            "episodes": "col.episodes",
            "within_4_weeks": "col.within_4_weeks",
            "share": "col.within_4_weeks_share",
            "share_low": "col.ci_low",
            "share_high": "col.ci_high",
        },
        formats={"share": "percent", "share_low": "percent", "share_high": "percent"},
        method=ui.t("alv.wait_norm_method"),
        empty=ui.t("alv.setting_empty", **SMALL),
        key="alv-wait-norm",
    )

setting_cells = two_columns()
with setting_cells[0]:
    st.header(ui.t("alv.satisfaction_title"))
    ui.indicator_link("TEVREDENHEID")
    ui.show_chart(
        category_intervals(
            data.satisfaction_chart,
            value="mean",
            low="mean_low",
            high="mean_high",
            category="setting_label",
            title=ui.t("alv.satisfaction_chart_title"),
            subtitle=ui.t("alv.subtitle_scope", scope=scope_name),
            value_title=ui.t("alv.axis_score"),
            interval_titles=(ui.t("col.ci_low"), ui.t("col.ci_high")),
            category_title=ui.t("col.setting"),
            value_format=",.1f",
            group=group,
            group_title=ui.t("col.region"),
            extra_tooltips={"responses": (ui.t("col.responses"), ",d")},
            category_order=setting_order,
            group_domain=group_domain,
            lang=ui.lang(),
        ),
        data.satisfaction_chart,
        file_name="tevredenheid_per_setting",
        columns={
            "region_name": "col.region",
            "setting_label": "col.setting",
            "responses": "col.responses",
            "mean": "col.mean_score",
            "mean_low": "col.ci_low",
            "mean_high": "col.ci_high",
        },
        formats={"mean": "decimal2", "mean_low": "decimal2", "mean_high": "decimal2"},
        method=ui.t("alv.satisfaction_method"),
        empty=ui.t("alv.setting_empty", **SMALL),
        key="alv-satisfaction",
    )
with setting_cells[1]:
    st.header(ui.t("alv.cost_title"))
    ui.indicator_link("KOSTEN_PP")
    ui.show_chart(
        category_bars(
            data.costs_chart,
            value="per_patient",
            category="setting_label",
            title=ui.t("alv.cost_chart_title"),
            subtitle=ui.t("alv.subtitle_scope", scope=scope_name),
            value_title=ui.t("alv.axis_cost_per_patient"),
            category_title=ui.t("col.setting"),
            value_format=EURO,
            group=group,
            group_title=ui.t("col.region"),
            extra_tooltips={"amount": (ui.t("col.care_cost"), EURO),
                            "episodes": (ui.t("col.episodes"), ",d")},
            category_order=setting_order,
            group_domain=group_domain,
            lang=ui.lang(),
        ),
        data.costs_chart,
        file_name="kosten_per_patient_per_setting",
        columns={
            "region_name": "col.region",
            "setting_label": "col.setting",
            "amount": "col.care_cost",
            "episodes": "col.episodes",
            "per_patient": "col.cost_per_patient",
        },
        formats={"amount": "euro0", "per_patient": "euro0"},
        method=ui.t("alv.cost_method"),
        empty=ui.t("alv.setting_empty", **SMALL),
        key="alv-cost",
    )
