"""Overzicht: Quadruple Aim tiles per region, which regions and periods are loaded, the loads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import indicators, privacy, ui
from dashboard.charts.sparkline import sparkline
from dashboard.pagedata.overview_tiles import TILES, overview_tiles_for
from dashboard.queries import overview
from dashboard.safe_text import escape_markdown as md

ui.page_header("home.title", "home.intro")
scope = ui.scope()

regions = ui.cached_query(overview.region_overview_for, scope)

if regions.empty:
    st.info(
        f"**{ui.t('home.empty_title')}**\n\n{ui.t('home.empty_body')}", icon=":material/database:"
    )
    st.stop()

# One region or all: the choice is part of the page's link, like every filter.
ALL = "alle"
region_labels = {ALL: ui.t("home.all_regions"),
                 **dict(zip(regions["region"], regions["name"], strict=True))}
chosen_region = ui.url_widget(
    st.selectbox, ui.t("home.filter_region"), list(region_labels),
    format_func=region_labels.__getitem__, key="home_region", param="regio", omit=ALL,
)
if chosen_region != ALL:
    regions = regions[regions["region"] == chosen_region].reset_index(drop=True)

# ---- Quadruple Aim tiles ---------------------------------------------------------------------


def tile_value(code: str, value) -> str:
    if pd.isna(value):
        return "–"
    if code == "WACHTTIJD":
        return ui.t("tiles.days", days=ui.number(value))
    if code == "KOSTEN_INW":
        return ui.euro(value)
    return ui.number(value, 2 if code == "OPNAME_HF" else 1)


def change_decimals(code: str) -> int:
    # One decimal more than the value, so a small change does not read as "+0,0".
    return 0 if code == "WACHTTIJD" else 2


def tile_change(code: str, change) -> str:
    if round(change, change_decimals(code)) == 0:
        return ui.number(0, change_decimals(code))
    text = ui.euro(change) if code == "KOSTEN_INW" else ui.number(change, change_decimals(code))
    return text if text.startswith("-") else f"+{text}"


# Streamlit colours a rise green ("normal") or red ("inverse"); the catalogue says which way
# is better.
DELTA_COLOURS = {"higher": "normal", "lower": "inverse", "neutral": "off"}


def tile_help(tile) -> str:
    if pd.isna(tile.value):
        return ui.t("tiles.no_value")
    decimals = 2 if tile.indicator == "OPNAME_HF" else 1
    return ui.t(
        f"tiles.help.{tile.indicator}",
        year=int(tile.year),
        n=ui.number(tile.n),
        low=ui.number(tile.low, decimals),
        high=ui.number(tile.high, decimals),
    )


def show_tiles() -> None:
    data = ui.cached_query(overview_tiles_for, scope)
    st.subheader(ui.t("tiles.title"))
    if not data.has_data:
        st.caption(ui.t("tiles.none"))
        return
    st.caption(ui.t("tiles.intro"))
    for region in data.regions.itertuples(index=False):
        tiles = data.tiles[data.tiles["region"] == region.region]
        if tiles["value"].isna().all() or region.region not in set(regions["region"]):
            continue
        with st.container(border=True):
            heading = ui.t("tiles.region_caption", region=region.name,
                           date=ui.day(region.data_date))
            st.markdown(f"**{heading}**")
            for cell, (aim, code) in zip(st.columns(len(TILES)), TILES, strict=True):
                tile = tiles[tiles["indicator"] == code].iloc[0]
                with cell:
                    st.caption(ui.t(f"tiles.aim.{aim}"))
                    has_change = pd.notna(tile.change)
                    # A change that rounds to nothing is shown grey and without an arrow.
                    changed = has_change and round(tile.change, change_decimals(code)) != 0
                    st.metric(
                        ui.t(f"tiles.label.{code}"),
                        tile_value(code, tile.value),
                        delta=tile_change(code, tile.change) if has_change else None,
                        delta_color=DELTA_COLOURS[tile.direction] if changed else "off",
                        delta_arrow="auto" if changed else "off",
                        delta_description=ui.t("tiles.vs_year", year=int(tile.previous_year))
                        if has_change else None,
                        help=tile_help(tile),
                    )
                    st.caption(ui.t(f"tiles.unit.{code}"))
                    points = data.series[
                        (data.series["region"] == region.region)
                        & (data.series["indicator"] == code)
                    ]
                    if len(points) >= 2:
                        ui.altair_chart(
                            sparkline(
                                points,
                                x="year",
                                y="value",
                                x_title=ui.t("col.qa_year"),
                                y_title=ui.t(f"tiles.label.{code}"),
                                description=ui.t(f"tiles.label.{code}"),
                                y_format="$,.2f" if code == "KOSTEN_INW" else ",.2f",
                                lang=ui.lang(),
                            ),
                            key=f"spark-{region.region}-{code}", presentation_size=False,
                        )
    table = data.series[data.series["region"].isin(regions["region"])].merge(
        data.regions[["region", "name"]], on="region", how="left"
    ).assign(
        aim=lambda frame: frame["indicator"].map(
            {code: ui.t(f"tiles.aim.{aim}") for aim, code in TILES}),
        indicator_name=lambda frame: frame["indicator"].map(
            lambda code: indicators.get(code).name_nl if ui.lang() == "nl"
            else indicators.get(code).name_en),
    )
    with st.expander(ui.t("tiles.data_title"), icon=":material/table:"):
        ui.show_table(
            table,
            file_name="quadruple_aim_per_regio",
            columns={
                "name": "col.region",
                "aim": "col.qa_aim",
                "indicator_name": "col.qa_indicator",
                "year": "col.qa_year",
                "value": "col.qa_value",
                "low": "col.ci_low",
                "high": "col.ci_high",
                "n": "col.qa_n",
            },
            formats={"year": "year", "value": "decimal2", "low": "decimal2",
                     "high": "decimal2", "n": "integer"},
            key="tiles-data",
        )
    st.caption(ui.t("tiles.method", max=ui.number(privacy.threshold() - 1)))


ui.page_links()
show_tiles()

st.markdown(
    ui.t(
        "home.summary",
        regions=ui.number(len(regions)),
        practices=ui.number(regions["practices"].sum()),
        # Regions whose count reads "<10" are left out of the sum rather than revealed by it.
        referrals=ui.number(pd.to_numeric(regions["referrals"], errors="coerce").sum()),
    )
)
if (regions["referrals"].astype(str) == "0").all():
    st.info(ui.t("home.no_referrals"), icon=":material/info:")

st.subheader(ui.t("home.regions"))
for row in regions.itertuples(index=False):
    with st.container(border=True):
        st.markdown(f"#### {md(row.name)}")
        details = [
            row.region,
            ui.t("home.anderhalvelijn_since", date=ui.day(row.anderhalvelijn_start))
            if row.anderhalvelijn_start
            else ui.t("home.no_anderhalvelijn"),
        ]
        if row.first_month is not None:
            first, last = (
                ui.month(row.first_month, short=True),
                ui.month(row.last_month, short=True),
            )
            details.append(
                ui.t("home.period_value", first=first, last=last)
                if first != last
                else ui.t("home.period_single", month=first)
            )
        st.caption(" · ".join(details))
        cells = st.columns(4)
        cells[0].metric(ui.t("home.practices"), ui.number(row.practices))
        cells[1].metric(
            ui.t("home.listed_patients"),
            ui.count(row.listed_patients),
            help=ui.t("home.listed_patients_help", year=int(row.population_year))
            if pd.notna(row.population_year)
            else None,
        )
        cells[2].metric(ui.t("home.referrals"), ui.count(row.referrals))
        cells[3].metric(
            ui.t("home.data_date"), ui.day(row.data_date), help=ui.t("home.data_date_help")
        )

st.subheader(ui.t("home.table_title"))
ui.show_table(
    regions,
    file_name="regios",
    columns={
        "region": "col.region_code",
        "name": "col.region",
        "anderhalvelijn_start": "col.anderhalvelijn_start",
        "practices": "col.practices",
        "listed_patients": "col.listed_patients",
        "population_year": "col.population_year",
        "first_month": "col.first_month",
        "last_month": "col.last_month",
        "referrals": "col.referrals",
        "data_date": "col.data_date",
        "synthetic": "col.synthetic",
    },
    formats={
        "anderhalvelijn_start": "date",
        "listed_patients": "count",
        "referrals": "count",
        "population_year": "year",
        "first_month": "month_short",
        "last_month": "month_short",
        "data_date": "date",
    },
    about=ui.t("home.about_regions"),
    key="regions",
)

if scope.role not in overview.LOAD_LOG_ROLES:
    st.stop()
st.subheader(ui.t("home.loads_title"))
loads = ui.cached_query(overview.latest_loads_for, scope, limit=10)
if loads.empty:
    st.caption(ui.t("home.no_loads"))
else:
    loads["outcome"] = loads["outcome"].map(lambda code: ui.label("outcome", code))
    ui.show_table(
        loads,
        file_name="laadlogboek",
        columns={
            "file_name": "col.file_name",
            "table_name": "col.table_name",
            "rows": "col.rows",
            "loaded_at": "col.loaded_at",
            "outcome": "col.outcome",
            "message": "col.message",
        },
        formats={"rows": "integer", "loaded_at": "datetime"},
        about=ui.t("home.about_loads"),
        key="loads",
    )
