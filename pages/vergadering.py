"""Vergadering: meeting packs (which charts, with which filters) and presenting them.

A pack is edited as a draft in the session and only stored on "Opslaan". In presentation mode
(``?presentatie=1``) only the current slide shows, large, stepped with the buttons, the arrow
keys or a presenter's clicker (PageUp/PageDown).
"""

from __future__ import annotations

import streamlit as st

from dashboard import meeting_packs as packs
from dashboard import slides, ui
from dashboard.pagedata.anderhalvelijn import regions_for
from dashboard.safe_text import escape_markdown as md
from dashboard.scope import AccessDenied

state = st.session_state
scope = ui.scope()
engine = ui.get_engine()
lang = ui.lang()

regions = ui.cached_query(regions_for, scope)
if regions.empty:
    ui.page_header("verg.title", "verg.intro")
    st.info(ui.t("verg.no_regions"), icon=":material/database:")
    st.stop()
region_names = dict(zip(regions["region"], regions["name"], strict=True))

NEW = 0  # the pack choice "new pack"
FLASH = "verg_flash"
saved = packs.list_packs_for(engine, scope)
saved = saved[saved["region"].isin(list(region_names))]
pack_labels = {NEW: ui.t("verg.new_pack")} | {
    int(row.id): f"{row.name} · {region_names[row.region]}"
    for row in saved.itertuples(index=False)
}

# A pack just saved or deleted is chosen before the choice widget exists (widget rule).
if "verg_select_next" in state:
    state["verg_pack"] = state.pop("verg_select_next")
if state.get("verg_pack") not in pack_labels:
    state.pop("verg_pack", None)


# ---- the draft: the pack being edited and shown --------------------------------------------


def new_draft(pack_id: int) -> dict:
    pack = packs.get_pack_for(engine, scope, pack_id) if pack_id != NEW else None
    if pack is None:
        return {"id": None, "name": "", "region": next(iter(region_names)), "slides": [],
                "version": state.get("verg_draft", {}).get("version", 0) + 1}
    return {"id": pack["id"], "name": pack["name"], "region": pack["region"],
            "slides": pack["slides"],
            "version": state.get("verg_draft", {}).get("version", 0) + 1}


def slide_label(number: int, slide: dict) -> str:
    return f"{number}. {slides.kind_label(slide['kind'], lang)}"


def go(step: int) -> None:
    count = len(state["verg_draft"]["slides"])
    if count:
        state["verg_slide"] = min(max(state.get("verg_slide", 1) + step, 1), count)


def start_presentation() -> None:
    state["verg_slide"] = 1
    state[ui.PRESENT_KEY] = True


def move(index: int, step: int) -> None:
    items = state["verg_draft"]["slides"]
    other = index + step
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
        state["verg_dirty"] = True


def remove(index: int) -> None:
    del state["verg_draft"]["slides"][index]
    state["verg_dirty"] = True


def add_slide(kind: str, params: tuple[str, ...]) -> None:
    filters = {param: state[f"verg_new_{kind}_{param}"] for param in params}
    state["verg_draft"]["slides"].append({"kind": kind, "filters": filters})
    state["verg_slide"] = len(state["verg_draft"]["slides"])
    state["verg_dirty"] = True


def save() -> None:
    draft = state["verg_draft"]
    name = state.get(f"verg_name_{draft['version']}", draft["name"])
    region = state.get(f"verg_region_{draft['version']}", draft["region"])
    try:
        pack_id = packs.save_pack_for(engine, scope, name, region, draft["slides"],
                                      pack_id=draft["id"])
    except packs.PackError as error:
        state[FLASH] = ("error", "\n".join(f"- {m}" for m in error.messages(lang)))
        return
    except AccessDenied as error:
        state[FLASH] = ("error", ui.t(error.reason, **error.values))
        return
    state[FLASH] = ("ok", ui.t("verg.saved", name=md(name.strip())))
    state["verg_select_next"] = pack_id
    state["verg_reload"] = True
    state["verg_dirty"] = False


def delete() -> None:
    draft = state["verg_draft"]
    try:
        deleted = draft["id"] is not None and packs.delete_pack_for(engine, scope, draft["id"])
    except AccessDenied as error:
        state[FLASH] = ("error", ui.t(error.reason, **error.values))
        return
    if deleted:
        state[FLASH] = ("ok", ui.t("verg.deleted", name=md(draft["name"])))
    state["verg_select_next"] = NEW
    state["verg_reload"] = True
    state["verg_confirm_delete"] = False


# ---- choosing a pack -----------------------------------------------------------------------

if not ui.presenting():
    ui.page_header("verg.title", "verg.intro")
pack_id = ui.url_widget(
    st.selectbox, ui.t("verg.pack"), list(pack_labels), format_func=pack_labels.__getitem__,
    key="verg_pack", param="pakket",
)
if state.pop("verg_reload", False) or state.get("verg_draft_for") != pack_id:
    state["verg_draft"] = new_draft(pack_id)
    state["verg_draft_for"] = pack_id
    state["verg_dirty"] = False
draft = state["verg_draft"]

flash = state.pop(FLASH, None)
if flash:
    (st.success if flash[0] == "ok" else st.error)(flash[1])

# ---- editing (not while presenting) --------------------------------------------------------

if not ui.presenting():
    with st.container(border=True):
        head = st.columns([3, 2])
        draft["name"] = head[0].text_input(
            ui.t("verg.name"), value=draft["name"], max_chars=packs.NAME_MAX,
            key=f"verg_name_{draft['version']}", placeholder=ui.t("verg.name_placeholder"),
        )
        region_options = list(region_names)
        draft["region"] = head[1].selectbox(
            ui.t("verg.region"), region_options, format_func=region_names.__getitem__,
            index=region_options.index(draft["region"]) if draft["region"] in region_names
            else 0,
            key=f"verg_region_{draft['version']}", help=ui.t("verg.region_help"),
        )

        st.markdown(f"**{ui.t('verg.slides')}**")
        if not draft["slides"]:
            st.caption(ui.t("verg.no_slides"))
        for index, slide in enumerate(draft["slides"]):
            row = st.columns([8, 1, 1, 1], vertical_alignment="center")
            options = slides.filter_options_for(engine, scope, slide["kind"], draft["region"],
                                                lang)
            # What the slide will show: a filter not saved (or gone) shows its first option.
            shown, _problems = slides.resolve_filters(options, slide["filters"], lang)
            summary = " · ".join(options[param][1][code] for param, code in shown.items())
            row[0].markdown(slide_label(index + 1, slide) + (f" — {summary}" if summary else ""))
            row[1].button(":material/arrow_upward:", key=f"verg_up_{index}", on_click=move,
                          args=(index, -1), disabled=index == 0, help=ui.t("verg.up"))
            row[2].button(":material/arrow_downward:", key=f"verg_down_{index}", on_click=move,
                          args=(index, 1), disabled=index == len(draft["slides"]) - 1,
                          help=ui.t("verg.down"))
            row[3].button(":material/delete:", key=f"verg_remove_{index}", on_click=remove,
                          args=(index,), help=ui.t("verg.remove"))

        with st.expander(ui.t("verg.add"), icon=":material/add:", expanded=not draft["slides"]):
            kinds = list(slides.KINDS)
            kind = st.selectbox(ui.t("verg.kind"), kinds,
                                format_func=lambda code: slides.kind_label(code, lang),
                                key="verg_new_kind")
            options = slides.filter_options_for(engine, scope, kind, draft["region"], lang)
            cells = st.columns(max(len(options), 1))
            for cell, (param, (label_key, choices)) in zip(cells, options.items(), strict=False):
                cell.selectbox(ui.t(label_key), list(choices), format_func=choices.__getitem__,
                               key=f"verg_new_{kind}_{param}")
            st.button(ui.t("verg.add_button"), icon=":material/playlist_add:",
                      key="verg_add", on_click=add_slide, args=(kind, tuple(options)))

        actions = st.columns(4)
        actions[0].button(ui.t("verg.save"), icon=":material/save:", key="verg_save",
                          on_click=save, type="primary", width="stretch")
        actions[1].button(ui.t("verg.present"), icon=":material/slideshow:", key="verg_start",
                          on_click=start_presentation, disabled=not draft["slides"],
                          width="stretch")
        if draft["id"] is not None:
            if state.get("verg_confirm_delete"):
                actions[2].button(ui.t("verg.delete_confirm"), icon=":material/delete_forever:",
                                  key="verg_delete_yes", on_click=delete, width="stretch")
                actions[3].button(ui.t("verg.delete_cancel"), key="verg_delete_no",
                                  on_click=lambda: state.update(verg_confirm_delete=False),
                                  width="stretch")
            else:
                actions[2].button(ui.t("verg.delete"), icon=":material/delete:",
                                  key="verg_delete",
                                  on_click=lambda: state.update(verg_confirm_delete=True),
                                  width="stretch")
        if state.get("verg_dirty"):
            st.caption(ui.t("verg.unsaved"))

# ---- the slide ------------------------------------------------------------------------------

count = len(draft["slides"])
if not count:
    if ui.presenting():
        st.title(md(draft["name"]) or ui.t("verg.title"))
        st.info(ui.t("verg.no_slides"), icon=":material/info:")
    st.stop()

numbers = list(range(1, count + 1))
if state.get("verg_slide") not in numbers:
    state.pop("verg_slide", None)
if not ui.presenting():
    st.subheader(ui.t("verg.preview"))
number = ui.url_widget(
    st.selectbox, ui.t("verg.slide"), numbers,
    format_func=lambda n: slide_label(n, draft["slides"][n - 1]), key="verg_slide", param="dia",
)

if ui.presenting():
    top = st.columns([3, 1], vertical_alignment="bottom")
    with top[0]:
        st.title(md(draft["name"]) or ui.t("verg.title"))
    top[1].markdown(f"**{ui.t('verg.counter', number=number, count=count)}**")

slide = draft["slides"][number - 1]
filters = tuple(sorted(slide["filters"].items()))
if slide["kind"] in slides.CACHEABLE:
    content = ui.cached_query(slides.load_slide_for, scope, slide["kind"], draft["region"],
                              filters, lang=lang)
else:
    content = slides.load_slide_for(engine, scope, slide["kind"], draft["region"], filters,
                                    lang=lang)

for problem in content.problems:
    st.caption(f":material/info: {problem}")
# The reading is the slide's message: it goes above the chart, where the room looks first.
if content.reading and not content.empty:
    with st.container(key="verg_reading"):
        st.markdown(content.reading)
if content.empty:
    st.subheader(md(content.title))
    st.info(md(content.empty), icon=":material/info:")
elif content.kind == "overzicht":
    st.subheader(md(content.title))
    tiles = content.data
    for cell, tile in zip(st.columns(len(tiles)), tiles.itertuples(index=False), strict=True):
        with cell:
            st.caption(tile.aim)
            st.metric(
                tile.indicator, tile.value_text, delta=tile.change_text,
                delta_color={"better": "normal", "worse": "inverse"}.get(tile.assessment, "off"),
                delta_arrow="auto" if tile.assessment in ("better", "worse") else "off",
                delta_description=ui.t("tiles.vs_year", year=tile.previous_year)
                if tile.change_text else None,
            )
            st.caption(tile.unit)
    st.caption(content.method)
else:
    ui.show_chart(
        slides.draw(content, lang), content.data,
        file_name=f"dia_{number}_{content.kind}", columns=content.columns,
        formats=content.formats, method=content.method, key=f"verg_chart_{number}",
    )

# ---- stepping: buttons, arrow keys and a presenter's clicker --------------------------------

steps = st.columns([2, 2, 3, 3], vertical_alignment="center")
steps[0].button(ui.t("verg.previous"), icon=":material/arrow_back:", key="verg_prev",
                on_click=go, args=(-1,), disabled=number == 1, shortcut="Left", width="stretch")
steps[1].button(ui.t("verg.next"), icon=":material/arrow_forward:", key="verg_next",
                on_click=go, args=(1,), disabled=number == count, shortcut="Right",
                width="stretch")
# Clickers send PageUp/PageDown; a button takes one shortcut, so these two carry the others.
with st.container(key="verg_clicker"):
    st.button("PageUp", key="verg_prev_page", on_click=go, args=(-1,), shortcut="PageUp")
    st.button("PageDown", key="verg_next_page", on_click=go, args=(1,), shortcut="PageDown")
st.html("<style>.st-key-verg_clicker { display: none !important; }</style>")
if not ui.presenting():
    scripts = {url: script for script, *_, url in ui.navigation_pages()}
    if content.page in scripts:
        steps[3].page_link(
            str(ui.PAGES_DIR / scripts[content.page]), label=ui.t("verg.open_page"),
            icon=":material/open_in_new:", query_params=content.params,
        )
    st.caption(ui.t("verg.keys"))
