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
        st.markdown(f"#### {row.name}")
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
            ui.number(row.listed_patients),
            help=ui.t("home.listed_patients_help", year=int(row.population_year))
            if pd.notna(row.population_year)
            else None,
        )
        cells[2].metric(ui.t("home.referrals"), ui.number(row.referrals))
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
        "population_year": "year",
        "first_month": "month_short",
        "last_month": "month_short",
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
