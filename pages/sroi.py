"""SROI: what a region's network costs and yields, for whom, with editable assumptions."""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard import ui
from dashboard.charts.invest_benefit import invest_benefit
from dashboard.charts.ratio_reference import ratio_reference
from dashboard.charts.tornado import tornado
from dashboard.charts.waterfall import waterfall
from dashboard.pagedata import sroi as page_data
from dashboard.queries.sroi import sroi_data_for, sroi_regions_for
from dashboard.safe_text import escape_markdown as md
from dashboard.scope import AccessDenied
from dashboard.sroi_models import (
    SroiModelError,
    default_scenario_for,
    delete_scenario_for,
    file_stem,
    list_scenarios_for,
    load_scenario_for,
    read_upload,
    save_scenario_for,
    scenario_names,
    to_json,
)

ui.page_header("sroi.title", "sroi.intro")
scope = ui.scope()
lang = ui.lang()

regions = ui.cached_query(sroi_regions_for, scope)
if regions.empty:
    st.info(ui.t("sroi.no_regions"), icon=":material/database:")
    st.stop()

names = dict(zip(regions["region"], regions["name"], strict=True))
if st.session_state.get("sroi_region") not in names:
    st.session_state.pop("sroi_region", None)
left, right = st.columns([2, 1])
region = ui.url_widget(
    left.selectbox, ui.t("sroi.region"), list(names), format_func=names.__getitem__,
    key="sroi_region", param="regio",
)
info = page_data.region_row(regions, region)
start = info["start"]
data = ui.cached_query(sroi_data_for, scope, region)
engine = ui.get_engine()
stored = default_scenario_for(
    engine, scope, region, synthetic=info["synthetic"], has_anderhalvelijn=start is not None
)
for problem in stored.problems:
    st.warning(ui.t("sroi.stored_broken", problem=problem), icon=":material/warning:")

BASE = f"sroi_base::{region}"
VALID = f"sroi_valid::{region}"
FLASH = "sroi_flash"


def set_base(doc: dict[str, Any], name: str) -> None:
    """Make ``doc`` the model the editors start from; a new version gives fresh editors."""
    version = st.session_state.get(BASE, {}).get("version", -1) + 1
    st.session_state[BASE] = {"doc": doc, "name": name, "version": version}
    st.session_state.pop(VALID, None)


if BASE not in st.session_state:
    set_base(stored.doc, stored.name)
base = st.session_state[BASE]

if start is None:
    st.info(ui.t("sroi.no_anderhalvelijn", region=md(info["name"])), icon=":material/info:")
    if not st.toggle(ui.t("sroi.explore"), key=f"sroi_explore::{region}"):
        st.stop()
    st.caption(ui.t("sroi.explore_note"))

# ---- reference year: changing it keeps the user's edits and re-derives the numbers ---------
years = page_data.available_years(data)
current_year = base["doc"].get("reference_year") or page_data.default_reference_year(data)
if current_year is not None and current_year not in years:
    years = sorted({*years, current_year}, reverse=True)
if years:
    year = right.selectbox(
        ui.t("sroi.reference_year"), options=years, index=years.index(current_year),
        key=f"sroi_year::{region}::{base['version']}", help=ui.t("sroi.reference_year_help"),
    )
    if year != current_year:
        doc = dict(st.session_state.get(VALID, base["doc"]))
        doc["reference_year"] = int(year)
        set_base(doc, base["name"])
        base = st.session_state[BASE]

resolved_base = page_data.resolve(base["doc"], data, start)
caption = [
    ui.t("sroi.model_name", name=base["name"]),
    ui.t("sroi.year_caption", year=resolved_base.reference_year or "–"),
]
if resolved_base.baseline_year:
    caption.append(ui.t("sroi.baseline_caption", year=resolved_base.baseline_year))
if data.data_date:
    caption.append(ui.t("sroi.data_date", date=ui.day(data.data_date)))
if base["doc"].get("synthetic"):
    caption.append(ui.t("sroi.synthetic_model"))
st.caption(" · ".join(caption))

results_top = st.container()
st.subheader(ui.t("sroi.assumptions"))
st.caption(ui.t("sroi.assumptions_help"))
if resolved_base.fallbacks:
    st.info(ui.t("sroi.fallbacks", count=resolved_base.fallbacks), icon=":material/info:")

# ---- the editors ---------------------------------------------------------------------------
investments, outcomes = page_data.editor_tables(resolved_base, lang)
stakeholders = page_data.stakeholder_options(resolved_base.doc, lang)
number = st.column_config.NumberColumn
text = st.column_config.TextColumn
stakeholder_column = st.column_config.SelectboxColumn(
    ui.t("sroi.col.stakeholder"), options=stakeholders, required=True
)
source_column = text(ui.t("sroi.col.source"), disabled=True, width="medium")
edited_investments = st.data_editor(
    investments,
    key=f"sroi-inv-{region}-{base['version']}",
    num_rows="dynamic",
    hide_index=True,
    width="stretch",
    column_order=[c for c in investments.columns if c not in page_data.HIDDEN_COLUMNS],
    column_config={
        "stakeholder": stakeholder_column,
        "description": text(ui.t("sroi.col.description"), width="large"),
        "year": number(ui.t("sroi.col.year"), step=1, format="%d",
                       help=ui.t("sroi.help.year")),
        "amount": number(ui.t("sroi.col.amount"), format="localized",
                         help=ui.t("sroi.help.amount")),
        "source": source_column,
    },
)
edited_outcomes = st.data_editor(
    outcomes,
    key=f"sroi-out-{region}-{base['version']}",
    num_rows="dynamic",
    hide_index=True,
    width="stretch",
    column_order=[c for c in outcomes.columns if c not in page_data.HIDDEN_COLUMNS],
    column_config={
        "name": text(ui.t("sroi.col.name"), required=True, width="medium"),
        "stakeholder": stakeholder_column,
        "unit": text(ui.t("sroi.col.unit")),
        "quantity": number(ui.t("sroi.col.quantity"), format="localized",
                           help=ui.t("sroi.help.quantity")),
        "proxy": number(ui.t("sroi.col.proxy"), format="localized",
                        help=ui.t("sroi.help.proxy")),
        **{
            key: number(ui.t(f"sroi.col.{key}"), format="localized", step=0.01,
                        help=ui.t(f"sroi.help.{key}"))
            for key in ("deadweight", "displacement", "attribution", "drop_off")
        },
        "duration": number(ui.t("sroi.col.duration"), step=1, format="%d",
                           help=ui.t("sroi.help.duration")),
        "source": source_column,
        "description": text(ui.t("sroi.col.description"), width="large"),
    },
)

try:
    doc = page_data.doc_from_tables(edited_investments, edited_outcomes, resolved_base, lang)
    resolved = page_data.resolve(doc, data, start)
    view = page_data.compute_view(resolved.doc, info["name"], lang)
    st.session_state[VALID] = doc
except SroiModelError as error:
    st.error(
        ui.t("sroi.invalid") + "\n\n" + "\n".join(f"- {m}" for m in error.messages(lang)),
        icon=":material/error:",
    )
    doc = st.session_state.get(VALID, base["doc"])
    resolved = page_data.resolve(doc, data, start)
    try:
        view = page_data.compute_view(resolved.doc, info["name"], lang)
    except SroiModelError as last_error:
        st.error("\n".join(last_error.messages(lang)), icon=":material/error:")
        st.stop()
    st.caption(ui.t("sroi.kept_last_valid"))

# ---- how each derived number was calculated ------------------------------------------------
if resolved.derivations:
    st.markdown(f"**{ui.t('sroi.how_title')}**")
    labels = page_data.derivation_labels(resolved.doc, lang)
    how_columns = st.columns(2)
    for index, (key, derivation) in enumerate(resolved.derivations.items()):
        title = ui.t("sroi.how_expander", what=labels.get(key, key))
        with how_columns[index % 2].expander(title, icon=":material/calculate:"):
            st.markdown(page_data.explain(derivation, lang))

# ---- headline results and the comparison with reported ratios (shown above the editors) ----
result, simulation = view.result, view.simulation
with results_top:
    cells = st.columns(4)
    cells[0].metric(ui.t("sroi.metric.value"), ui.euro(result.present_value, 0),
                    help=ui.t("sroi.metric.value_help"))
    cells[1].metric(ui.t("sroi.metric.investment"), ui.euro(result.investment, 0),
                    help=ui.t("sroi.metric.investment_help"))
    cells[2].metric(ui.t("sroi.metric.npv"), ui.euro(result.net_present_value, 0),
                    help=ui.t("sroi.metric.npv_help"))
    cells[3].metric(
        ui.t("sroi.metric.ratio"), ui.number(result.ratio, 2),
        help=ui.t("sroi.metric.ratio_help"),
    )
    st.markdown(ui.t(
        "sroi.interval",
        ratio=ui.number(result.ratio, 2),
        low=ui.number(simulation.ratio_interval[0], 2),
        high=ui.number(simulation.ratio_interval[1], 2),
        probability=ui.percent(simulation.prob_ratio_above_1, 0),
        n=ui.number(simulation.n),
    ))
    if start is None:
        st.caption(ui.t("sroi.hypothetical"))
    ui.show_chart(
        ratio_reference(
            view.ratio_chart,
            title=ui.t("sroi.chart.ratio_title"),
            subtitle=ui.t("sroi.chart.ratio_subtitle"),
            x_title=ui.t("sroi.chart.ratio_axis"),
            tooltip_titles={
                "label": ui.t("sroi.col.label"), "ratio": ui.t("sroi.col.ratio"),
                "low": ui.t("sroi.col.low"), "high": ui.t("sroi.col.high"),
                "source": ui.t("sroi.col.source_ref"),
            },
            lang=lang,
        ),
        view.ratio_chart,
        file_name=f"sroi-ratio-{region}",
        columns={"label": "sroi.col.label", "kind": "sroi.col.kind", "ratio": "sroi.col.ratio",
                 "low": "sroi.col.low", "high": "sroi.col.high",
                 "source": "sroi.col.source_ref"},
        formats={"ratio": "decimal2", "low": "decimal2", "high": "decimal2"},
        method=ui.t("sroi.method.ratio"),
        key="sroi-ratio",
    )

# ---- value by outcome, who invests and who benefits, sensitivity ---------------------------
st.subheader(ui.t("sroi.results"))
ui.show_chart(
    waterfall(
        view.waterfall,
        title=ui.t("sroi.chart.waterfall_title"),
        subtitle=ui.t("sroi.chart.waterfall_subtitle"),
        x_title=ui.t("sroi.chart.euro_axis"),
        kind_titles={k: ui.t(f"sroi.wf.kind.{k}") for k in ("outcome", "total", "investment",
                                                          "net")},
        tooltip_titles={"label": ui.t("sroi.col.item"),
                        "stakeholder": ui.t("sroi.col.stakeholder"),
                        "value": ui.t("sroi.col.present_value")},
        legend_title=ui.t("sroi.col.kind"),
        lang=lang,
    ),
    view.waterfall,
    file_name=f"sroi-waterval-{region}",
    columns={"step": "sroi.col.step", "label": "sroi.col.item", "kind": "sroi.col.kind",
             "stakeholder": "sroi.col.stakeholder", "start": "sroi.col.start",
             "end": "sroi.col.end", "value": "sroi.col.present_value"},
    formats={"step": "integer", "start": "euro0", "end": "euro0", "value": "euro0"},
    method=ui.t("sroi.method.waterfall"),
    key="sroi-waterfall",
)

ui.show_chart(
    invest_benefit(
        view.stakeholder_chart,
        title=ui.t("sroi.chart.stakeholders_title"),
        subtitle=ui.t("sroi.chart.stakeholders_subtitle"),
        x_title=ui.t("sroi.chart.euro_axis"),
        invested_title=ui.t("sroi.sh.invested"),
        benefit_title=ui.t("sroi.sh.benefit"),
        stakeholder_title=ui.t("sroi.col.stakeholder"),
        lang=lang,
    ),
    view.stakeholder_chart,
    file_name=f"sroi-belanghebbenden-{region}",
    columns={"stakeholder": "sroi.col.stakeholder", "measure": "sroi.col.measure",
             "amount": "sroi.col.amount_pv"},
    formats={"amount": "euro0"},
    method=ui.t("sroi.method.stakeholders"),
    key="sroi-stakeholders",
)
if view.losers:
    st.warning(ui.t("sroi.losers", who=", ".join(view.losers)), icon=":material/balance:")
ui.show_table(
    view.stakeholders,
    file_name=f"sroi-verdeling-{region}",
    columns={"label": "sroi.col.stakeholder", "invested": "sroi.sh.invested",
             "benefit": "sroi.sh.benefit", "net": "sroi.sh.net",
             "share_invested": "sroi.sh.share_invested",
             "share_benefit": "sroi.sh.share_benefit"},
    formats={"invested": "euro0", "benefit": "euro0", "net": "euro0",
             "share_invested": "percent", "share_benefit": "percent"},
    about=ui.t("sroi.about_stakeholders"),
    key="sroi-distribution",
)

ui.show_chart(
    tornado(
        view.tornado,
        title=ui.t("sroi.chart.tornado_title"),
        subtitle=ui.t("sroi.chart.tornado_subtitle", n=len(view.tornado)),
        x_title=ui.t("sroi.chart.ratio_axis"),
        low_title=ui.t("sroi.col.ratio_low"),
        high_title=ui.t("sroi.col.ratio_high"),
        base_title=ui.t("sroi.col.base_ratio"),
        lang=lang,
    ),
    view.tornado,
    file_name=f"sroi-tornado-{region}",
    columns={"label": "sroi.col.assumption", "ratio_low": "sroi.col.ratio_low",
             "ratio_high": "sroi.col.ratio_high", "base_ratio": "sroi.col.base_ratio",
             "swing": "sroi.col.swing"},
    formats={"ratio_low": "decimal2", "ratio_high": "decimal2", "base_ratio": "decimal2",
             "swing": "decimal2"},
    method=ui.t("sroi.method.tornado"),
    key="sroi-tornado",
)

# ---- scenarios: save, open, compare, export, import ---------------------------------------
st.subheader(ui.t("sroi.scenarios"))
flash = st.session_state.pop(FLASH, None)
if flash:
    kind, message = flash
    (st.success if kind == "ok" else st.error)(message)


def save_current(name_key: str) -> None:
    name = st.session_state.get(name_key, "").strip()
    if not name:
        st.session_state[FLASH] = ("error", ui.t("sroi.save_no_name"))
        return
    try:
        outcome = save_scenario_for(engine, scope, region, name,
                                    st.session_state.get(VALID, base["doc"]))
    except SroiModelError as error:
        st.session_state[FLASH] = ("error", "\n".join(md(m) for m in error.messages(lang)))
        return
    except AccessDenied as error:
        st.session_state[FLASH] = ("error", ui.t(error.reason, **error.values))
        return
    st.session_state[FLASH] = ("ok", ui.t(f"sroi.saved_{outcome}", name=md(name)))


def open_saved(select_key: str) -> None:
    name = st.session_state.get(select_key)
    if not name:
        return
    try:
        doc = load_scenario_for(engine, scope, region, name)
    except SroiModelError as error:
        st.session_state[FLASH] = ("error", "\n".join(md(m) for m in error.messages(lang)))
        return
    if doc is not None:
        set_base(doc, name)
        st.session_state[FLASH] = ("ok", ui.t("sroi.opened", name=md(name)))


def delete_saved(select_key: str) -> None:
    name = st.session_state.get(select_key)
    try:
        deleted = bool(name) and delete_scenario_for(engine, scope, region, name)
    except AccessDenied as error:
        st.session_state[FLASH] = ("error", ui.t(error.reason, **error.values))
        return
    if deleted:
        st.session_state[FLASH] = ("ok", ui.t("sroi.deleted", name=md(name)))
    else:
        st.session_state[FLASH] = ("error", ui.t("sroi.delete_default"))


saved = list_scenarios_for(engine, scope, region)
save_cols = st.columns([3, 1])
save_cols[0].text_input(ui.t("sroi.save_name"), key=f"sroi_save_name::{region}",
                        placeholder=ui.t("sroi.save_placeholder"))
save_cols[1].button(ui.t("sroi.save"), icon=":material/save:", key=f"sroi_save::{region}",
                    on_click=save_current, args=(f"sroi_save_name::{region}",),
                    width="stretch", disabled=not scope.may_edit(region))
open_cols = st.columns([3, 1, 1])
open_cols[0].selectbox(ui.t("sroi.saved_scenarios"), options=scenario_names(saved),
                       key=f"sroi_open_name::{region}")
open_cols[1].button(ui.t("sroi.open"), icon=":material/folder_open:",
                    key=f"sroi_open::{region}", on_click=open_saved,
                    args=(f"sroi_open_name::{region}",), width="stretch")
open_cols[2].button(ui.t("sroi.delete"), icon=":material/delete:",
                    key=f"sroi_delete::{region}", on_click=delete_saved,
                    args=(f"sroi_open_name::{region}",), width="stretch",
                    disabled=not scope.may_edit(region))

current_label = ui.t("sroi.current")
compare = st.multiselect(
    ui.t("sroi.compare"),
    options=[current_label, *scenario_names(saved)],
    default=[current_label, *scenario_names(saved)[:1]],
    key=f"sroi_compare::{region}",
)
if len(compare) >= 2:
    compared = {}
    for name in compare:
        if name == current_label:
            compared[name] = (resolved.doc, view)
            continue
        try:
            other = page_data.resolve(load_scenario_for(engine, scope, region, name), data,
                                      start)
            compared[name] = (other.doc, page_data.compute_view(other.doc, info["name"], lang))
        except SroiModelError as error:
            st.error(ui.t("sroi.compare_broken", name=name, problem="; ".join(
                error.messages(lang))))
    table = page_data.compare_scenarios(compared, lang)
    table = table.rename(columns={"item": ui.t("sroi.col.item"), "group": ui.t("sroi.col.group")})
    ui.show_table(table, file_name=f"sroi-vergelijking-{region}",
                  about=ui.t("sroi.about_compare"), key="sroi-compare")
    if len(table) == len(page_data.RESULT_KINDS):
        st.caption(ui.t("sroi.compare_same"))
else:
    st.caption(ui.t("sroi.compare_hint"))

stem = file_stem("sroi", region, base["name"])
export_cols = st.columns(2)
ui.download_button(
    ui.t("sroi.export_xlsx"),
    data=page_data.workbook(resolved, view, info["name"], lang),
    file_name=f"{stem}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/download:", key="sroi-xlsx", width="stretch", container=export_cols[0],
)
ui.download_button(
    ui.t("sroi.export_json"),
    data=to_json(resolved.doc | {"name": base["name"]}, region=region, scenario=base["name"]),
    file_name=f"{stem}.json", mime="application/json",
    icon=":material/download:", key="sroi-json", width="stretch", container=export_cols[1],
)

upload = st.file_uploader(ui.t("sroi.import"), type=["json", "toml"],
                          key=f"sroi_upload::{region}", help=ui.t("sroi.import_help"))
if upload is not None and st.session_state.get("sroi_imported") != upload.file_id:
    try:
        imported = read_upload(upload.name, upload.getvalue())
    except SroiModelError as error:
        st.error(ui.t("sroi.import_failed") + "\n\n"
                 + "\n".join(f"- {m}" for m in error.messages(lang)), icon=":material/error:")
    else:
        st.session_state["sroi_imported"] = upload.file_id
        name = imported["name"] or upload.name
        set_base(imported, ui.t("sroi.imported_name", name=name))
        st.session_state[FLASH] = ("ok", ui.t("sroi.imported", name=name))
        st.rerun()

if st.button(ui.t("sroi.reset"), icon=":material/restart_alt:", key=f"sroi_reset::{region}"):
    set_base(stored.doc, stored.name)
    st.rerun()

with st.expander(ui.t("sroi.method_title"), icon=":material/menu_book:"):
    st.markdown(ui.t("sroi.method", n=ui.number(page_data.SIMULATIONS)))
