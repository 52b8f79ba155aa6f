"""Indicatoren: the definitions of the catalogue, each with a stable link ``?indicator=CODE``."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import ui
from dashboard.indicators import BY_CODE, CATALOGUE
from dashboard.safe_text import escape_markdown as md

ui.page_header("ind.title", "ind.intro")
lang = ui.lang()
state = st.session_state
FIELDS = ("numerator", "denominator", "unit", "source", "method", "caveats")

requested = st.query_params.get("indicator")
if "ind_choice" not in state:
    state["ind_choice"] = requested if requested in BY_CODE else None
if requested and requested not in BY_CODE:
    st.warning(ui.t("ind.unknown", code=md(requested)), icon=":material/warning:")


def keep_in_url() -> None:
    """The chosen indicator goes into the URL, so a copied link opens the same entry."""
    chosen = state.get("ind_choice")
    if chosen:
        st.query_params["indicator"] = chosen
    elif "indicator" in st.query_params:
        del st.query_params["indicator"]


choice = st.selectbox(
    ui.t("ind.choose"),
    options=[None, *BY_CODE],
    format_func=lambda c: ui.t("ind.all") if c is None else
    f"{BY_CODE[c].text('name', lang)} ({c})",
    key="ind_choice",
    on_change=keep_in_url,
)


def entry(code: str, highlighted: bool) -> None:
    definition = BY_CODE[code]
    with st.container(border=True):
        # The code as anchor: .../indicatoren#verw_card jumps to the entry as well.
        st.subheader(f"{definition.text('name', lang)} ({code})", anchor=code.lower())
        if highlighted:
            st.markdown(f":blue-badge[:material/link: {ui.t('ind.linked')}]")
        st.markdown(definition.text("definition", lang))
        rows = [f"**{ui.t('ind.field.code')}:** `{code}`"]
        rows.append(
            f"**{ui.t('ind.field.direction')}:** {ui.t(f'ind.direction.{definition.direction}')}"
        )
        rows += [
            f"**{ui.t(f'ind.field.{field}')}:** {definition.text(field, lang)}"
            for field in FIELDS
            if definition.text(field, lang)
        ]
        st.markdown("\n".join(f"- {row}" for row in rows))


if choice:
    entry(choice, highlighted=choice == requested)
else:
    for definition in CATALOGUE:
        entry(definition.code, highlighted=False)

st.subheader(ui.t("ind.overview"))
overview = pd.DataFrame(
    [
        {
            "code": d.code,
            "name": d.text("name", lang),
            "definition": d.text("definition", lang),
            "numerator": d.text("numerator", lang),
            "denominator": d.text("denominator", lang),
            "unit": d.text("unit", lang),
            "direction": ui.t(f"ind.direction.{d.direction}"),
            "source": d.text("source", lang),
            "method": d.text("method", lang),
            "caveats": d.text("caveats", lang),
        }
        for d in CATALOGUE
    ]
)
ui.show_table(
    overview,
    file_name="indicatoren",
    columns={
        "code": "ind.field.code",
        "name": "ind.field.name",
        "definition": "ind.field.definition",
        "numerator": "ind.field.numerator",
        "denominator": "ind.field.denominator",
        "unit": "ind.field.unit",
        "direction": "ind.field.direction",
        "source": "ind.field.source",
        "method": "ind.field.method",
        "caveats": "ind.field.caveats",
    },
    key="ind_overview",
)
