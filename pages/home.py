"""Overzicht: which regions and periods are loaded, and the latest loads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import ui
from dashboard.queries import overview

ui.page_header("home.title", "home.intro")

regions = ui.cached_query(overview.region_overview)

if regions.empty:
    st.info(
        f"**{ui.t('home.empty_title')}**\n\n{ui.t('home.empty_body')}", icon=":material/database:"
    )
    st.stop()

st.markdown(
    ui.t(
        "home.summary",
        regions=ui.number(len(regions)),
        practices=ui.number(regions["practices"].sum()),
        referrals=ui.number(regions["referrals"].sum()),
    )
)
if regions["referrals"].sum() == 0:
    st.info(ui.t("home.no_referrals"), icon=":material/info:")

st.subheader(ui.t("home.regions"))
for row in regions.itertuples(index=False):
    with st.container(border=True):
        badges = (
            ui.t("home.anderhalvelijn_since", date=ui.day(row.anderhalvelijn_start))
            if row.anderhalvelijn_start
            else ui.t("home.no_anderhalvelijn")
        )
        if row.synthetic:
            badges += f" · {ui.t('home.synthetic_region')}"
        st.markdown(f"#### {row.name}")
        st.caption(f"{row.region} · {badges}")
        listed_label = (
            ui.t("home.listed_patients", year=int(row.population_year))
            if pd.notna(row.population_year)
            else ui.t("home.listed_patients_unknown")
        )
        if row.first_month is None:
            period = ui.day(None)
        elif row.first_month == row.last_month:
            period = ui.month(row.first_month, short=True)
        else:
            period = ui.t(
                "home.period_value",
                first=ui.month(row.first_month, short=True),
                last=ui.month(row.last_month, short=True),
            )
        cells = st.columns(5)
        cells[0].metric(ui.t("home.practices"), ui.number(row.practices))
        cells[1].metric(listed_label, ui.number(row.listed_patients))
        cells[2].metric(ui.t("home.referrals"), ui.number(row.referrals))
        cells[3].metric(ui.t("home.period"), period)
        cells[4].metric(
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
        "population_year": "year",
        "first_month": "month",
        "last_month": "month",
        "data_date": "date",
    },
    about=ui.t("home.about_regions"),
    key="regions",
)

st.subheader(ui.t("home.loads_title"))
loads = ui.cached_query(overview.latest_loads, limit=10)
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
