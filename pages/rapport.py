"""Rapport: the region report as PDF for the minutes of a network meeting."""

from __future__ import annotations

import time

import streamlit as st

from dashboard import privacy, ui
from dashboard.export import pdf as pdf_export
from dashboard.export import report

lang = ui.lang()
st.title(ui.t("report.page_title"))
st.caption(ui.t("report.page_intro", max=ui.number(privacy.threshold() - 1)))

scope = ui.scope()
regions = ui.cached_query(report.regions_for, scope)
if regions.empty:
    st.info(ui.t("report.no_regions"), icon=":material/database:")
    st.stop()

names = dict(zip(regions["region"], regions["name"], strict=True))
row = regions.set_index("region")
# Labels are computed up front: format functions also run outside the script run (tests).
section_labels = {key: ui.t(f"report.section.{key}") for key in report.SECTIONS}

if st.session_state.get("report_region") not in names:
    st.session_state.pop("report_region", None)
with st.container(border=True):
    left, right = st.columns(2)
    region = ui.url_widget(
        left.selectbox, ui.t("report.region"), list(names), format_func=names.__getitem__,
        key="report_region", param="regio",
    )
    period_keys = ui.cached_query(report.periods_for, scope, region)
    period_labels = {
        key: report.period_label(key, row.at[region, "first_month"],
                                 row.at[region, "last_month"], lang)
        for key in period_keys
    }
    if st.session_state.get("report_period") not in period_labels:
        st.session_state.pop("report_period", None)
    period = ui.url_widget(
        right.selectbox, ui.t("report.period"), list(period_keys),
        format_func=period_labels.__getitem__, key="report_period", param="periode",
        help=ui.t("report.period_help"),
    )
    sections = st.multiselect(
        ui.t("report.sections"), list(report.SECTIONS), default=list(report.SECTIONS),
        format_func=section_labels.__getitem__, key="report_sections",
        help=ui.t("report.sections_help"),
    )
    st.caption(ui.t("report.language_note"))

options = report.ReportOptions(region=region, period=period, sections=tuple(sections),
                               lang=lang)
built = st.session_state.get("report_built")

if st.button(ui.t("report.build"), type="primary", icon=":material/picture_as_pdf:",
             disabled=not sections, key="report_build"):
    with st.spinner(ui.t("report.building")):
        started = time.perf_counter()
        try:
            content = report.assemble_for(ui.get_engine(), scope, options)
        except report.ReportError as error:
            st.error(str(error), icon=":material/error:")
            st.stop()
        data, pages = pdf_export.render_document(content)
    built = {
        "options": options,
        "data": data,
        "file_name": report.file_name(options, content.created.date()),
        "seconds": time.perf_counter() - started,
        "pages": pages,
        "figures": sum(len(section.figures) for section in content.sections),
    }
    st.session_state["report_built"] = built

if not sections:
    st.info(ui.t("report.no_sections"), icon=":material/info:")
elif built is not None:
    if built["options"] != options:
        st.caption(ui.t("report.stale"))
    st.success(
        ui.t("report.ready", seconds=ui.number(built["seconds"], 1),
             pages=ui.number(built["pages"]),
             figures=ui.number(built["figures"])),
        icon=":material/check_circle:",
    )
    ui.download_button(
        ui.t("report.download"),
        data=built["data"],
        file_name=built["file_name"],
        mime="application/pdf",
        icon=":material/download:",
        key="report_download",
    )

command = (
    f"python -m dashboard.export report --region {region} --period {period} "
    f"--sections {','.join(sections) or 'overview'} --lang {lang}"
)
st.caption(ui.t("report.cli_hint", command=command))
