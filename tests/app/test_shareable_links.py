"""Shareable links: every page's filters live in the URL (``ui.url_widget``) and back.

Each test opens a page the way a pasted link does (query parameters set before the first run),
checks that the widgets show what the link says, changes a widget and checks the address,
and feeds values the page does not offer (ignored with a notice). Datasets: the hand-made
``tiny_db`` (tests/conftest.py) and ``tests/spiegel_dataset.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.auth_support import sign_in
from tests.spiegel_dataset import OWN_NAME, fill_spiegel_dataset

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"


def open_page(script: str, role: str = "beheerder", practice: str | None = None,
              **params: str) -> AppTest:
    """The app on ``script`` as a link with ``params`` opens it (a fresh, signed-in session)."""
    regions = ("TST",) if role in ("coordinator", "cardioloog", "verzekeraar") else ()
    at = sign_in(AppTest.from_file(str(APP), default_timeout=60), role=role, practice=practice,
                 regions=regions)
    at.run()
    at.query_params.clear()
    at.query_params.update(params)
    at.switch_page(f"../pages/{script}").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def notices(at: AppTest) -> list[str]:
    return [toast.value for toast in at.toast]


def params(at: AppTest) -> dict[str, str]:
    return dict(at.query_params)


# ---- spiegelinformatie -------------------------------------------------------------------


@pytest.fixture
def spiegel_db(isolated_db):
    fill_spiegel_dataset(isolated_db)
    return isolated_db


def test_spiegel_link_round_trip(spiegel_db):
    at = open_page(
        "spiegelinformatie.py", regio="TST", periode="year", jaar="2024",
        aandoening="hartfalen", bestemming="ziekenhuis", maat="crude", spreiding="additive",
    )
    assert at.selectbox(key="spiegel_region").value == "TST"
    assert at.radio(key="spiegel_period").value == "year"
    assert at.selectbox(key="spiegel_year").value == 2024
    assert at.selectbox(key="spiegel_condition").value == "hartfalen"
    assert at.selectbox(key="spiegel_destination").value == "ziekenhuis"
    assert at.radio(key="spiegel_measure").value == "crude"
    assert at.radio(key="spiegel_overdispersion").value == "additive"
    assert not notices(at)

    # A changed filter is in the address at once; the other choices stay.
    at.radio(key="spiegel_measure").set_value("standardised")
    at = run(at)
    assert params(at) == {
        "regio": "TST", "periode": "year", "jaar": "2024", "aandoening": "hartfalen",
        "bestemming": "ziekenhuis", "maat": "standardised", "spreiding": "additive",
    }


def test_spiegel_link_reproduces_the_numbers(spiegel_db):
    # Without own practice, 2024: Bravo above the 95% limits; Delta, below them, is hidden with
    # Echo (see the dataset), so its signal is not counted.
    at = open_page("spiegelinformatie.py", periode="year", jaar="2024")
    assert at.info[0].value.startswith(
        "In Regio Test zijn 5 praktijken vergeleken. Van de 3 getoonde verwijzen er 1 meer en "
        "0 minder dan op grond van toeval"
    )
    # The GP of P1 sees the own practice; the own practice comes from the sign-in, never from
    # the link, so the link names no practice at all.
    at = open_page("spiegelinformatie.py", role="huisarts", practice="P1", periode="year",
                   jaar="2024")
    assert at.info[0].value.startswith("Uw praktijk verwijst 18% meer dan verwacht")
    link = params(at)
    assert "praktijk" not in link
    assert not {"P1", OWN_NAME, "Praktijk Alfa"} & set(link.values())

    again = open_page("spiegelinformatie.py", role="huisarts", practice="P1", **link)
    assert again.info[0].value == at.info[0].value
    assert [m.value for m in again.metric] == [m.value for m in at.metric]


@pytest.mark.parametrize(
    ("name", "value", "label"),
    [
        ("regio", "ZZZ", "Regio"),
        ("jaar", "1999", "Jaar"),
        ("maat", "=HYPERLINK(\"http://x\")", "Maat"),
        ("regio", "TST' OR '1'='1", "Regio"),
    ],
)
def test_spiegel_ignores_values_it_does_not_offer(spiegel_db, name, value, label):
    at = open_page("spiegelinformatie.py", **{name: value})
    assert at.selectbox(key="spiegel_region").value == "TST"
    assert at.radio(key="spiegel_measure").value == "standardised"
    [notice] = notices(at)
    assert label in notice and value not in notice
    # The address now holds the view that is shown.
    assert params(at)[name] != value
    run(at)
    assert not notices(at)  # said once


@pytest.mark.parametrize("value", ["P2", "Praktijk Bravo", "Praktijk Het Baken"])
def test_a_practice_in_the_link_selects_nothing(spiegel_db, value):
    # Before sign-in existed the link could name "my practice"; now that would let anyone pick
    # another practice as their own (its name, its exact small counts). It has no effect.
    at = open_page("spiegelinformatie.py", role="coordinator", praktijk=value)
    assert "Praktijk Het Baken" not in "\n".join(c.value for c in at.caption)
    assert not any("Uw praktijk" in i.value for i in at.info)
    gp = open_page("spiegelinformatie.py", role="huisarts", practice="P1", praktijk=value)
    assert gp.info[0].value.startswith("Uw praktijk")  # still the GP's own practice
    assert "Praktijk Het Baken" not in "\n".join(m.value for m in gp.markdown)


# ---- the other pages -----------------------------------------------------------------------


def test_home_link_chooses_a_region(tiny_db):
    at = open_page("home.py", regio="ZD")
    assert at.selectbox(key="home_region").value == "ZD"
    region_headings = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert region_headings == ["#### Regio Zuid"]
    at.selectbox(key="home_region").set_value("alle")
    at = run(at)
    assert "regio" not in params(at)  # all regions is the page's fixed default
    assert [m.value for m in at.markdown if m.value.startswith("#### ")] == [
        "#### Regio Noord", "#### Regio Zuid"]
    bad = open_page("home.py", regio="NOPE")
    assert bad.selectbox(key="home_region").value == "alle" and len(notices(bad)) == 1


def test_anderhalvelijn_link_round_trip(tiny_db):
    at = open_page("anderhalvelijn.py", regio="NRD", periode="2024", aandoening="af")
    assert at.selectbox(key="alv_region").value == "NRD"
    assert at.selectbox(key="alv_period").value == "2024"
    assert at.selectbox(key="alv_condition").value == "af"
    at.selectbox(key="alv_condition").set_value("alle")
    at = run(at)
    assert params(at) == {"regio": "NRD", "periode": "2024", "aandoening": "alle"}
    bad = open_page("anderhalvelijn.py", regio="NRD", periode="1850")
    assert bad.selectbox(key="alv_region").value == "NRD"
    assert bad.selectbox(key="alv_period").value == "rolling12"
    assert len(notices(bad)) == 1


def test_pdca_link_round_trip(tiny_db):
    at = open_page("pdca.py", regio="ZD", indicator="VERW_CARD", weergave="run",
                   tweesigma="1", cyclus="geen")
    assert at.selectbox(key="pdca_region").value == "ZD"
    assert at.selectbox(key="pdca_indicator").value == "VERW_CARD"
    assert at.selectbox(key="pdca_cycle").value is None
    assert at.radio(key="pdca_view").value == "run"
    assert at.checkbox(key="pdca_2sigma").value is True
    at.radio(key="pdca_view").set_value("spc")
    at = run(at)
    link = params(at)
    assert (link["regio"], link["indicator"], link["weergave"], link["tweesigma"]) == (
        "ZD", "VERW_CARD", "spc", "1")
    bad = open_page("pdca.py", regio="ZD", indicator="NOT_AN_INDICATOR", tweesigma="yes")
    assert bad.selectbox(key="pdca_indicator").value == "VERW_ZH"
    assert bad.checkbox(key="pdca_2sigma").value is False
    assert len(notices(bad)) == 2


def test_sroi_link_round_trip(tiny_db):
    at = open_page("sroi.py", regio="ZD")
    assert at.selectbox(key="sroi_region").value == "ZD"
    at.selectbox(key="sroi_region").set_value("NRD")
    at = run(at)
    assert params(at)["regio"] == "NRD"
    bad = open_page("sroi.py", regio="<script>")
    assert bad.selectbox(key="sroi_region").value == "NRD" and len(notices(bad)) == 1


def test_language_is_part_of_the_link(tiny_db):
    at = open_page("anderhalvelijn.py", lang="en", regio="NRD")
    assert at.title[0].value == "Anderhalvelijn and e-consult"
    assert params(at)["lang"] == "en"
    at.sidebar.radio(key="lang").set_value("nl")
    at = run(at)
    assert "lang" not in params(at)


# ---- presentation mode ----------------------------------------------------------------------


def styles(at: AppTest) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


def test_presentation_mode_hides_the_controls(spiegel_db):
    at = open_page("spiegelinformatie.py", presentatie="1", regio="TST", maat="crude")
    assert at.sidebar.toggle(key="presentatie").value is True
    css = styles(at)
    assert '[data-testid="stSidebar"]' in css and "font-size: 22px" in css
    for key in ("spiegel_region", "spiegel_period", "spiegel_year",
                "spiegel_measure", "spiegel_overdispersion"):
        assert f".st-key-{key} {{ display: none" in css
    # The hidden filters still apply.
    assert at.radio(key="spiegel_measure").value == "crude"
    at.button(key="present_leave").click()
    at = run(at)
    assert at.sidebar.toggle(key="presentatie").value is False
    assert "presentatie" not in params(at)
    assert ".st-key-spiegel_region" not in styles(at)


def test_presentation_switch_in_the_sidebar(tiny_db):
    at = open_page("home.py")
    assert "presentatie" not in params(at)
    assert not any(button.key == "present_leave" for button in at.button)
    at.sidebar.toggle(key="presentatie").set_value(True)
    at = run(at)
    assert params(at)["presentatie"] == "1"
    assert any(button.key == "present_leave" for button in at.button)
