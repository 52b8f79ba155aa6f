"""PDCA: improvement cycles per region, their SPC trend chart and the Check from the data."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from dashboard import ui
from dashboard.charts import spc as spc_charts
from dashboard.formatting import format_month, format_number
from dashboard.indicators import BY_CODE
from dashboard.pagedata import pdca as pagedata
from dashboard.queries import pdca as cycles
from dashboard.queries.indicator_series import indicator_series_for
from dashboard.safe_text import escape_markdown as md

DATE_MIN, DATE_MAX = date(2000, 1, 1), date(2100, 12, 31)
TABLE_FORMATS = {0: "integer", 1: "decimal", 2: "decimal2"}

ui.page_header("pdca.title", "pdca.intro")
scope = ui.scope()
engine = ui.get_engine()
lang = ui.lang()
state = st.session_state

if "pdca_sample_checked" not in state:
    # The sample cycles only go into an empty register on the synthetic sample regions.
    cycles.load_sample_cycles_for(engine, scope)
    state["pdca_sample_checked"] = True

names: dict[str, str] = ui.cached_query(cycles.region_names_for, scope)
if not names:
    st.info(ui.t("pdca.no_regions"), icon=":material/database:")
    st.stop()


def indicator_name(code: str) -> str:
    definition = BY_CODE[code]
    return definition.name_nl if lang == "nl" else definition.name_en


# Labels are looked up once per run: format functions are also called outside the run (tests).
STATUS = {code: ui.t(f"pdca.status.{code}") for code in cycles.STATUSES}
VIEWS = {view: ui.t(f"pdca.view.{view}") for view in ("spc", "run")}
DECISIONS = {code: ui.t(f"pdca.decision.{code}.long") for code in cycles.ACT_DECISIONS}
NO_CYCLE = ui.t("pdca.no_cycle")


def cycle_label(cycle: dict[str, Any]) -> str:
    status = STATUS[cycle["status"]]
    return f"{cycle['title']} · {indicator_name(cycle['indicator_code'])} ({status})"


def follow_cycle() -> None:
    """Show the chosen cycle's own indicator (on_change of the cycle choice)."""
    chosen = (
        cycles.get_cycle_for(engine, scope, state["pdca_cycle"])
        if state.get("pdca_cycle") else None
    )
    if chosen:
        state["pdca_indicator"] = chosen["indicator_code"]


if state.get("pdca_region") not in names:
    # Start on the first region with an open cycle: that is what a meeting looks at.
    active_regions = set(cycles.list_cycles_for(engine, scope, status="open")["region"])
    state["pdca_region"] = next((c for c in names if c in active_regions), next(iter(names)))
region = ui.url_widget(
    st.selectbox, ui.t("pdca.region"), list(names), format_func=names.__getitem__,
    key="pdca_region", param="regio",
)
region_cycles = cycles.list_cycles_for(engine, scope, region=region)
editable = scope.may_edit(region)
# Missing values as None (not NaN), as the form widgets expect.
records = region_cycles.astype(object).where(region_cycles.notna(), None).to_dict("records")
by_id = {int(row["id"]): row for row in records}

# Widget values may only be set before the widget exists: apply the choices made by a form
# on the previous run (a new cycle is shown at once) and reset them when the region changes.
if "pdca_select_next" in state:
    state["pdca_cycle"] = state.pop("pdca_select_next")
    follow_cycle()
elif state.get("pdca_for_region") != region or state.get("pdca_cycle") not in (None, *by_id):
    open_ids = [i for i, row in by_id.items() if row["status"] == "open"]
    state["pdca_cycle"] = open_ids[0] if open_ids else None
    follow_cycle()
state["pdca_for_region"] = region
state.setdefault("pdca_indicator", "VERW_ZH")
state.setdefault("pdca_screen", True)

flash = state.pop("pdca_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")

trend_tab, register_tab, active_tab = st.tabs(
    [ui.t("pdca.tab.trend"), ui.t("pdca.tab.register"), ui.t("pdca.tab.active")]
)

# ---- trend and Check -----------------------------------------------------------------------

with trend_tab:
    left, right = st.columns(2)
    cycle_id = ui.url_widget(
        left.selectbox,
        ui.t("pdca.cycle"),
        [None, *by_id],
        format_func=lambda i: NO_CYCLE if i is None else cycle_label(by_id[i]),
        key="pdca_cycle",
        param="cyclus",
        on_change=follow_cycle,
    )
    code = ui.url_widget(
        right.selectbox,
        ui.t("pdca.indicator"),
        list(BY_CODE),
        format_func=indicator_name,
        key="pdca_indicator",
        param="indicator",
        help=ui.t("pdca.indicator_help"),
    )
    cycle = by_id.get(cycle_id) if cycle_id is not None else None
    options = st.columns([2, 2, 2])
    view = ui.url_widget(
        options[0].radio,
        ui.t("pdca.view"),
        ["spc", "run"],
        format_func=VIEWS.__getitem__,
        horizontal=True,
        key="pdca_view",
        param="weergave",
    )
    rebase = ui.url_widget(
        options[1].checkbox,
        ui.t("pdca.rebase"),
        key="pdca_rebase",
        param="herbasis",
        disabled=view == "run" or not (cycle and cycle["do_start"]),
        help=ui.t("pdca.rebase_help"),
    )
    show_2sigma = ui.url_widget(
        options[2].checkbox,
        ui.t("pdca.show_2sigma"),
        key="pdca_2sigma",
        param="tweesigma",
        disabled=view == "run",
        help=ui.t("pdca.show_2sigma_help"),
    )

    series = ui.cached_query(indicator_series_for, scope, code, region)
    months = pagedata.month_options(series)
    # Widget values may only be set before the widget exists: drop months of another series.
    frozen_months = [None, *pagedata.freeze_options(months)]
    if state.get("pdca_freeze") not in frozen_months:
        state["pdca_freeze"] = None
    state["pdca_exclude"] = [m for m in state.get("pdca_exclude", []) if m in set(months)]
    more = st.columns([2, 2, 2])
    freeze = ui.url_widget(
        more[0].selectbox,
        ui.t("pdca.freeze"),
        frozen_months,
        format_func=lambda m: ui.t("pdca.freeze.auto") if m is None else format_month(m, lang),
        code=lambda m: ui.url_code(None if m is None else m.strftime("%Y-%m")),
        key="pdca_freeze",
        param="bevroren",
        disabled=(view == "spc" and rebase) or not frozen_months[1:],
        help=ui.t("pdca.freeze_help"),
    )
    exclude = more[1].multiselect(
        ui.t("pdca.exclude"),
        list(months),
        format_func=lambda m: format_month(m, lang, short=True),
        key="pdca_exclude",
        help=ui.t("pdca.exclude_help"),
    )
    screen = ui.url_widget(
        more[2].toggle,
        ui.t("pdca.screen"),
        key="pdca_screen",
        param="screening",
        disabled=view == "run" or BY_CODE[code].chart != "xmr",
        help=ui.t("pdca.screen_help"),
    )

    ui.indicator_link(code)
    trend = pagedata.trend(
        series, code, cycle, view=view, rebase=rebase, show_2sigma=show_2sigma,
        screen_outliers=screen, exclude=exclude, freeze_until=freeze, lang=lang,
    )
    unit = ui.t(f"pdca.unit.{trend.spec.unit}")
    if not trend.has_chart:
        st.info(trend.message, icon=":material/info:")
    else:
        labels = {key: ui.t(f"pdca.variation.{key}") for key in spc_charts.CATEGORY_COLOURS}
        common_args = dict(
            title=ui.t("pdca.chart.title", indicator=indicator_name(code), region=names[region]),
            subtitle=trend.limits_note,
            x_title=ui.t("pdca.axis.year" if trend.spec.frequency == "year" else "pdca.axis.month"),
            y_title=f"{indicator_name(code)} ({unit})",
            labels=labels,
            legend_title=ui.t("pdca.legend"),
            tooltip_titles={
                name: ui.t(f"pdca.col.{name}")
                for name in (
                    "month",
                    "value",
                    "centre",
                    "lower",
                    "upper",
                    "median",
                    "variation",
                    "rule",
                )
            },
            phases=trend.phases,
            target=trend.target,
            target_label=ui.t(
                "pdca.target_label", value=format_number(trend.target, trend.decimals, lang)
            )
            if trend.target is not None
            else "",
            number_format=trend.number_format,
            lang=lang,
        )
        if view == "run":
            chart = spc_charts.run_chart(trend.plot, **common_args)
        else:
            chart = spc_charts.spc_chart(trend.plot, show_2sigma=show_2sigma, **common_args)
        number_kind = TABLE_FORMATS[trend.decimals]
        columns = {name: f"pdca.col.{name}" for name in trend.plot.columns}
        formats = {
            name: number_kind
            for name in (
                "value",
                "centre",
                "lower",
                "upper",
                "lower_2sigma",
                "upper_2sigma",
                "median",
                "target",
            )
        }
        formats.update({"month": "month_short", "segment": "integer"})
        method = ui.t(f"pdca.method.{'run' if view == 'run' else trend.chart_kind}")
        if trend.hidden_points:
            method += " " + ui.t("pdca.hidden_points", n=trend.hidden_points)
        if view == "spc" and trend.chart_kind == "xmr":
            method += " " + ui.t("pdca.method.screening.on" if screen
                                 else "pdca.method.screening.off")
        ui.show_chart(
            chart,
            trend.plot,
            file_name=f"pdca_{region}_{code}_{view}",
            columns=columns,
            formats=formats,
            method=method,
            key="pdca_chart",
        )
        variation, assurance = trend.variation, trend.assurance
        st.markdown(
            f"**{ui.t('pdca.variation')}:** {variation.markdown}"
            f" &nbsp; **{ui.t('pdca.assurance')}:** {assurance.markdown}"
        )
        st.markdown(trend.summary)
        if trend.rebase_hint:
            st.caption(ui.t("pdca.rebase_hint"))

    st.subheader(ui.t("pdca.check.title"))
    check = trend.check
    if cycle is None:
        st.caption(ui.t("pdca.check.no_cycle"))
    elif check is None:
        st.caption(trend.message or "")
    else:
        st.markdown(check.text)
        if check.baseline_note:
            st.warning(check.baseline_note, icon=":material/warning:")
        if check.its is not None:
            st.metric(
                ui.t("pdca.check.level_change"),
                check.its_value,
                help=ui.t("pdca.check.level_change_help"),
            )
            st.markdown(check.its_summary)
        if check.its_text:
            st.caption(check.its_text)

# ---- the register --------------------------------------------------------------------------


def cycle_form(prefix: str, defaults: dict[str, Any]) -> dict[str, Any]:
    """The cycle's fields inside a form; widget keys carry ``prefix`` so each cycle gets its
    own fresh values."""
    values: dict[str, Any] = {"region": region}
    values["title"] = st.text_input(
        ui.t("pdca.field.title"), value=defaults.get("title", ""), key=f"{prefix}_title"
    )
    codes = list(BY_CODE)
    values["indicator_code"] = st.selectbox(
        ui.t("pdca.field.indicator_code"),
        options=codes,
        index=codes.index(defaults.get("indicator_code") or "VERW_ZH"),
        format_func=indicator_name,
        key=f"{prefix}_indicator",
    )
    values["plan"] = st.text_area(
        ui.t("pdca.field.plan"),
        value=defaults.get("plan", ""),
        help=ui.t("pdca.field.plan_help"),
        key=f"{prefix}_plan",
    )
    first, second = st.columns(2)
    values["target_value"] = first.number_input(
        ui.t("pdca.field.target_value"),
        value=defaults.get("target_value"),
        min_value=0.0,
        step=0.1,
        format="%.2f",
        help=ui.t("pdca.field.target_value_help"),
        key=f"{prefix}_target_value",
    )
    for column, name in ((second, "target_date"), (first, "do_start"), (second, "check_date")):
        values[name] = column.date_input(
            ui.t(f"pdca.field.{name}"),
            value=defaults.get(name),
            min_value=DATE_MIN,
            max_value=DATE_MAX,
            format="DD-MM-YYYY" if lang == "nl" else "YYYY-MM-DD",
            help=ui.t(f"pdca.field.{name}_help"),
            key=f"{prefix}_{name}",
        )
    values["notes"] = st.text_area(
        ui.t("pdca.field.notes"), value=defaults.get("notes", ""), key=f"{prefix}_notes"
    )
    return values


def show_errors(error: cycles.CycleError) -> None:
    st.error(
        ui.t("pdca.form.invalid") + "\n\n" + "\n".join(f"- {md(m)}" for m in error.messages(lang)),
        icon=":material/error:",
    )


with register_tab:
    st.subheader(ui.t("pdca.register.title", region=md(names[region])))
    table = region_cycles.assign(
        indicator=region_cycles["indicator_code"].map(indicator_name),
        status_label=region_cycles["status"].map(lambda s: ui.t(f"pdca.status.{s}")),
        decision=region_cycles["act_decision"].map(
            lambda d: ui.t(f"pdca.decision.{d}") if isinstance(d, str) else None
        ),
    )
    ui.show_table(
        table,
        file_name=f"pdca_cycli_{region}",
        columns={
            "id": "pdca.col.id",
            "title": "pdca.field.title",
            "indicator": "pdca.field.indicator_code",
            "status_label": "pdca.field.status",
            "do_start": "pdca.field.do_start",
            "check_date": "pdca.field.check_date",
            "target_value": "pdca.field.target_value",
            "target_date": "pdca.field.target_date",
            "decision": "pdca.field.act_decision",
            "plan": "pdca.field.plan",
            "notes": "pdca.field.notes",
            "updated_at": "pdca.col.updated_at",
        },
        formats={
            "id": "integer",
            "do_start": "date",
            "check_date": "date",
            "target_date": "date",
            "target_value": "decimal",
            "updated_at": "datetime",
        },
        about=ui.t("pdca.register.about"),
        key="pdca_register",
    )

    if not editable:
        # Reading is open to whoever sees the region; changing the register is for the
        # coordinators and cardiologists of the region (dashboard.scope.EDITOR_ROLES).
        st.caption(ui.t("pdca.read_only", region=md(names[region])))
    else:
        with st.expander(ui.t("pdca.new.title"), icon=":material/add:", expanded=not by_id):
            with st.form("pdca_new", clear_on_submit=False):
                new_values = cycle_form("pdca_new", {})
                if st.form_submit_button(ui.t("pdca.new.submit"), key="pdca_new_submit"):
                    try:
                        new_id = cycles.create_cycle_for(engine, scope, new_values)
                    except cycles.CycleError as error:
                        show_errors(error)
                    else:
                        state["pdca_flash"] = ui.t("pdca.new.done", title=new_values["title"])
                        state["pdca_select_next"] = new_id
                        st.rerun()

        if by_id:
            with st.expander(ui.t("pdca.edit.title"), icon=":material/edit:"):
                edit_id = st.selectbox(
                    ui.t("pdca.cycle"),
                    options=list(by_id),
                    format_func=lambda i: cycle_label(by_id[i]),
                    key="pdca_edit_id",
                )
                with st.form(f"pdca_edit_{edit_id}"):
                    edited = cycle_form(f"pdca_edit_{edit_id}", by_id[edit_id])
                    if st.form_submit_button(ui.t("pdca.edit.submit"), key="pdca_edit_submit"):
                        try:
                            cycles.update_cycle_for(engine, scope, edit_id, edited)
                        except cycles.CycleError as error:
                            show_errors(error)
                        else:
                            state["pdca_flash"] = ui.t("pdca.edit.done", title=edited["title"])
                            st.rerun()

        open_ids = [i for i, row in by_id.items() if row["status"] == "open"]
        with st.expander(ui.t("pdca.close.title"), icon=":material/task_alt:"):
            if not open_ids:
                st.caption(ui.t("pdca.close.none"))
            else:
                close_id = st.selectbox(
                    ui.t("pdca.cycle"),
                    options=open_ids,
                    format_func=lambda i: cycle_label(by_id[i]),
                    key="pdca_close_id",
                )
                with st.form(f"pdca_close_{close_id}"):
                    decision = st.radio(
                        ui.t("pdca.field.act_decision"),
                        options=list(cycles.ACT_DECISIONS),
                        index=None,
                        format_func=DECISIONS.__getitem__,
                        key=f"pdca_close_{close_id}_decision",
                    )
                    notes = st.text_area(
                        ui.t("pdca.field.notes"),
                        value=by_id[close_id]["notes"],
                        key=f"pdca_close_{close_id}_notes",
                    )
                    if st.form_submit_button(ui.t("pdca.close.submit"), key="pdca_close_submit"):
                        try:
                            cycles.close_cycle_for(engine, scope, close_id, decision, notes=notes)
                        except cycles.CycleError as error:
                            show_errors(error)
                        else:
                            state["pdca_flash"] = ui.t(
                                "pdca.close.done",
                                title=by_id[close_id]["title"],
                                decision=ui.t(f"pdca.decision.{decision}"),
                            )
                            st.rerun()

        with st.expander(ui.t("pdca.import.title"), icon=":material/upload_file:"):
            st.caption(ui.t("pdca.import.help"))
            upload = st.file_uploader(ui.t("pdca.import.file"), type=["csv"], key="pdca_upload")
            if upload is not None and st.button(ui.t("pdca.import.submit"), key="pdca_import"):
                outcome = cycles.import_cycles_csv_for(
                    engine, scope, upload.getvalue(), upload.name, lang
                )
                if outcome.ok:
                    state["pdca_flash"] = ui.t(
                        "pdca.import.done", created=outcome.created, updated=outcome.updated
                    )
                    st.rerun()
                st.error(ui.t("pdca.import.failed", n=len(outcome.problems)),
                         icon=":material/error:")
                st.code("\n".join(outcome.problems), language=None)

# ---- all open cycles -----------------------------------------------------------------------

with active_tab:
    st.subheader(ui.t("pdca.active.title"))
    only_region = ui.url_widget(
        st.toggle, ui.t("pdca.active.only_region"), key="pdca_only_region", param="alleen_regio"
    )
    active = cycles.list_cycles_for(engine, scope, region=region if only_region else None,
                                    status="open")
    rows = pagedata.overview(
        active,
        lambda indicator, where: ui.cached_query(indicator_series_for, scope, indicator, where),
        lang=lang,
        region_names=names,
    )
    ui.show_table(
        rows,
        file_name="pdca_actieve_cycli",
        columns={
            "region": "pdca.col.region",
            "title": "pdca.field.title",
            "indicator": "pdca.field.indicator_code",
            "do_start": "pdca.field.do_start",
            "target_value": "pdca.field.target_value",
            "latest_month": "pdca.col.latest_month",
            "latest_value": "pdca.col.latest_value",
            "variation": "pdca.variation",
            "assurance": "pdca.assurance",
            "check": "pdca.col.check",
        },
        formats={
            "do_start": "date",
            "target_value": "decimal",
            "latest_month": "month_short",
            "latest_value": "decimal",
        },
        about=ui.t("pdca.active.about"),
        key="pdca_active",
    )
    st.caption(ui.t("pdca.active.legend"))

with st.expander(ui.t("pdca.method.title"), icon=":material/info:"):
    st.markdown(ui.t("pdca.method.body"))
