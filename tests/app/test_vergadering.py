"""The Vergadering page: meeting packs saved, reopened, edited, deleted and presented.

On tests/spiegel_dataset.py (region TST, five practices; hand calculations in that module and
in tests/test_pagedata_spiegelinformatie.py): in 2024 Bravo lies above and Delta below the
95% limits of the standardised funnel, the other three within.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import meeting_packs, slides
from dashboard.scope import Scope
from tests.auth_support import sign_in
from tests.spiegel_dataset import fill_spiegel_dataset

EDITOR = Scope("beheerder", all_regions=True, username="test-editor")

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
# Of the shown practices only: Echo (7) and Delta (25, its companion) are hidden.
REGION_2024 = (
    "In Regio Test zijn 5 praktijken vergeleken. Van de 3 getoonde verwijzen er 1 meer en "
    "0 minder dan op grond van toeval te verwachten is (buiten de 95%-grenzen); 2 liggen "
    "binnen de normale spreiding. Bij 2 praktijk(en) blijft het signaal verborgen, net als "
    "hun aantal verwijzingen."
)


@pytest.fixture
def db(isolated_db):
    fill_spiegel_dataset(isolated_db)
    return isolated_db


def open_page(**params: str) -> AppTest:
    at = sign_in(AppTest.from_file(str(APP), default_timeout=60))
    at.run()
    at.query_params.clear()
    at.query_params.update(params)
    at.switch_page("../pages/vergadering.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def add_slide(at: AppTest, kind: str, **filters) -> AppTest:
    at.selectbox(key="verg_new_kind").set_value(kind)
    at = run(at)
    for param, code in filters.items():
        at.selectbox(key=f"verg_new_{kind}_{param}").set_value(code)
    at.button(key="verg_add").click()
    return run(at)


def name_box(at: AppTest):
    return next(box for box in at.text_input if box.key.startswith("verg_name_"))


def test_make_save_reopen_edit_and_delete_a_pack(db):
    at = open_page()
    assert at.selectbox(key="verg_pack").value == 0  # a new pack
    at = add_slide(at, "spiegel_funnel", periode="year", jaar="2024")
    at = add_slide(at, "sroi_waterfall")
    at = add_slide(at, "alv_share", aandoening="hartfalen")
    name_box(at).input("Stuurgroep maart")
    at.button(key="verg_save").click()
    at = run(at)
    assert at.success[0].value == "Pakket ‘Stuurgroep maart’ opgeslagen."

    [stored] = meeting_packs.list_packs(db).to_dict("records")
    assert (stored["region"], stored["name"], stored["slides"]) == ("TST", "Stuurgroep maart", 3)
    pack = meeting_packs.get_pack(db, stored["id"])
    assert pack["slides"][0] == {"kind": "spiegel_funnel", "filters": {
        "periode": "year", "jaar": "2024", "aandoening": "all", "bestemming": "all",
        "maat": "standardised", "spreiding": "none"}}
    assert [s["kind"] for s in pack["slides"]] == ["spiegel_funnel", "sroi_waterfall",
                                                   "alv_share"]
    assert pack["slides"][2]["filters"]["aandoening"] == "hartfalen"
    assert at.query_params["pakket"] == str(stored["id"])

    # Reopened from its link in a new session: the same slides, the first one shown.
    at = open_page(pakket=str(stored["id"]))
    assert name_box(at).value == "Stuurgroep maart"
    assert at.selectbox(key="verg_slide").value == 1
    readings = [m.value for m in at.markdown]
    assert REGION_2024 in readings

    # Edit: the last slide to the front, drop the SROI slide, rename; saved in place.
    at.button(key="verg_up_2").click()
    at = run(at)
    at.button(key="verg_up_1").click()
    at = run(at)
    at.button(key="verg_remove_2").click()
    at = run(at)
    assert "Er zijn niet-opgeslagen wijzigingen." in [c.value for c in at.caption]
    name_box(at).input("Stuurgroep april")
    at.button(key="verg_save").click()
    at = run(at)
    pack = meeting_packs.get_pack(db, stored["id"])
    assert pack["name"] == "Stuurgroep april"
    assert [s["kind"] for s in pack["slides"]] == ["alv_share", "spiegel_funnel"]
    assert len(meeting_packs.list_packs(db)) == 1

    # Delete asks once more.
    at.button(key="verg_delete").click()
    at = run(at)
    assert meeting_packs.get_pack(db, stored["id"]) is not None
    at.button(key="verg_delete_yes").click()
    at = run(at)
    assert meeting_packs.get_pack(db, stored["id"]) is None
    assert at.selectbox(key="verg_pack").value == 0
    assert at.success[0].value == "Pakket ‘Stuurgroep april’ verwijderd."


def test_saving_without_a_name_or_twice_the_same_name_is_refused(db):
    at = open_page()
    at = add_slide(at, "overzicht")
    at.button(key="verg_save").click()
    at = run(at)
    assert "Geef het pakket een naam." in at.error[0].value
    assert meeting_packs.list_packs(db).empty
    meeting_packs.save_pack(db, "ALV", "TST", [], scope=EDITOR)
    name_box(at).input("ALV")
    at.button(key="verg_save").click()
    at = run(at)
    assert "Deze regio heeft al een pakket ‘ALV’" in at.error[0].value
    assert len(meeting_packs.list_packs(db)) == 1


def stored_pack(db) -> int:
    return meeting_packs.save_pack(db, "Leernetwerk", "TST", [
        {"kind": "spiegel_funnel", "filters": {"periode": "year", "jaar": "2024"}},
        {"kind": "spiegel_trend", "filters": {"periode": "year", "jaar": "2024"}},
        {"kind": "pdca_spc", "filters": {"indicator": "VERW_ZH", "weergave": "run"}},
    ], scope=EDITOR)


def test_stepping_next_and_previous(db):
    pack_id = stored_pack(db)
    at = open_page(pakket=str(pack_id))
    assert at.button(key="verg_prev").disabled
    at.button(key="verg_next").click()
    at = run(at)
    assert at.selectbox(key="verg_slide").value == 2
    assert at.query_params["dia"] == "2"
    at.button(key="verg_next_page").click()  # the clicker's PageDown
    at = run(at)
    assert at.selectbox(key="verg_slide").value == 3
    assert at.button(key="verg_next").disabled
    at.button(key="verg_next_page").click()  # nothing after the last slide
    at = run(at)
    assert at.selectbox(key="verg_slide").value == 3
    at.button(key="verg_prev").click()
    at = run(at)
    assert at.selectbox(key="verg_slide").value == 2
    at.button(key="verg_prev_page").click()
    at = run(at)
    assert at.selectbox(key="verg_slide").value == 1
    assert REGION_2024 in [m.value for m in at.markdown]


def test_presenting_shows_only_the_slide(db):
    pack_id = stored_pack(db)
    at = open_page(pakket=str(pack_id), dia="2")
    assert at.selectbox(key="verg_slide").value == 2
    at.button(key="verg_start").click()
    at = run(at)
    assert at.query_params["presentatie"] == "1" and at.query_params["dia"] == "1"
    assert at.title[0].value == "Leernetwerk"
    assert "**Dia 1 van 3**" in [m.value for m in at.markdown]
    # No editing while presenting; the pack and slide choices are hidden (still set).
    assert not any(box.key.startswith("verg_name_") for box in at.text_input)
    assert not any(button.key == "verg_save" for button in at.button)
    css = "\n".join(element.proto.body for element in at.get("html"))
    assert ".st-key-verg_pack { display: none" in css
    assert ".st-key-verg_slide { display: none" in css
    at.button(key="verg_next").click()
    at = run(at)
    assert "**Dia 2 van 3**" in [m.value for m in at.markdown]

    # A copied presentation link opens the same slide, presenting.
    again = open_page(**dict(at.query_params))
    assert again.title[0].value == "Leernetwerk"
    assert "**Dia 2 van 3**" in [m.value for m in again.markdown]


def test_unknown_pack_or_slide_in_the_link(db):
    pack_id = stored_pack(db)
    at = open_page(pakket="9999", dia="7")
    assert at.selectbox(key="verg_pack").value == 0
    assert len(at.toast) == 1  # the pack; a new pack has no slide choice
    at = open_page(pakket=str(pack_id), dia="7")
    assert at.selectbox(key="verg_slide").value == 1
    assert len(at.toast) == 1


def test_slide_with_a_filter_value_that_is_gone(db):
    pack_id = meeting_packs.save_pack(db, "Oud", "TST", [
        {"kind": "spiegel_funnel", "filters": {"periode": "year", "jaar": "2019"}}], scope=EDITOR)
    at = open_page(pakket=str(pack_id))
    assert ("De opgeslagen keuze voor ‘Jaar’ is er niet meer; deze dia toont ‘2025’."
            in " ".join(c.value for c in at.caption))


PAGE_OF = {"overzicht": "home.py", "spiegelinformatie": "spiegelinformatie.py",
           "anderhalvelijn": "anderhalvelijn.py", "pdca": "pdca.py", "sroi": "sroi.py"}


@pytest.mark.parametrize("kind", ["spiegel_funnel", "alv_share", "pdca_spc", "sroi_waterfall"])
def test_a_slide_opens_on_its_page_with_the_same_filters(db, kind):
    # "Open op de pagina" links to the page with the slide's parameters: one vocabulary.
    content = slides.load_slide(db, kind, "TST", (), "nl")
    at = open_page_script(PAGE_OF[content.page], **content.params)
    assert not at.toast, [t.value for t in at.toast]
    assert {name: at.query_params[name] for name in content.params} == content.params


def open_page_script(script: str, **params: str) -> AppTest:
    at = sign_in(AppTest.from_file(str(APP), default_timeout=60))
    at.run()
    at.query_params.clear()
    at.query_params.update(params)
    at.switch_page(f"../pages/{script}").run()
    assert not at.exception, [e.value for e in at.exception]
    return at
