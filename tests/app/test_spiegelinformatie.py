"""The Spiegelinformatie page through the real entry point (AppTest), on tests/spiegel_dataset.py.

Numbers are worked out by hand in that module's docstring and in
tests/test_pagedata_spiegelinformatie.py; here they are checked as the user sees them. Each
test follows one user's path through the filters, so the app starts only a few times.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from tests.auth_support import open_signed_in
from tests.spiegel_dataset import OWN_NAME, fill_spiegel_dataset

YEAR_2024_READING = (
    "Uw praktijk verwijst 18% meer dan verwacht op basis van leeftijd en geslacht van uw "
    "patiënten; dat valt binnen de normale spreiding. (53 verwijzingen waar 45,0 werden "
    "verwacht; verwijsratio 118, 95%-betrouwbaarheidsinterval 88–154.)"
)


def open_page(engine, role: str, **binding) -> AppTest:
    return open_signed_in(engine, "spiegelinformatie", role, **binding)


@pytest.fixture
def spiegel_db(isolated_db):
    fill_spiegel_dataset(isolated_db)
    return isolated_db


@pytest.fixture
def page(spiegel_db):
    """The region view: a coordinator of both regions, every practice under its pseudonym."""
    return open_page(spiegel_db, "coordinator", regions=["TST", "ZND"])


@pytest.fixture
def gp_page(spiegel_db):
    """The own-practice view: signed in as the GP of ``practice``."""
    return lambda practice="P1": open_page(spiegel_db, "huisarts", practice=practice)


def rerun(widget) -> AppTest:
    at = widget.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def own_practice_in_year(at: AppTest, year: int) -> AppTest:
    """Pick a calendar year, as a user does: the year box is only enabled once "Kalenderjaar"
    is chosen."""
    at = rerun(at.radio(key="spiegel_period").set_value("year"))
    return rerun(at.selectbox(key="spiegel_year").set_value(year))


def conclusion(at: AppTest) -> str:
    return at.info[0].value


def metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def shown(element) -> pd.DataFrame:
    """A table as displayed: the Styler's formatted values."""
    stream = element.proto.arrow_data.styler.display_values
    return pa.ipc.open_stream(stream).read_all().to_pandas()


def practice_table(at: AppTest) -> pd.DataFrame:
    for element in at.dataframe:
        if "Ratio (100 = verwacht)" in element.value.columns:
            return shown(element).set_index("Praktijk")
    raise AssertionError("no practice table on the page")


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


def test_region_view_then_my_practice(page, gp_page):
    assert page.title[0].value == "Spiegelinformatie: verwijzingen naar de cardioloog"
    assert (
        "Regio Test · jul 2024 – jun 2025 · Alle aandoeningen · Alle cardiologie (ziekenhuis, "
        "anderhalvelijn, e-consult) · datadatum 30-06-2025" in captions(page)
    )
    assert "Een huisarts ziet hier ook de eigen praktijk" in conclusion(page)
    # 17 e-consults (Aug 2024) + 135 hospital referrals (Jun 2025) in 12,500 x 0.99862
    # person-years: 12.2 per 1,000.
    shown_metrics = metrics(page)
    assert shown_metrics["Praktijken vergeleken"] == "5"
    assert shown_metrics["Verwijzingen"] == "152"
    assert shown_metrics["Regiogemiddelde per 1.000 per jaar"] == "12,2"
    assert set(practice_table(page).index) == {
        "Praktijk Alfa", "Praktijk Bravo", "Praktijk Charlie", "Praktijk Delta", "Praktijk Echo"
    }
    assert len(page.get("vega_lite_chart")) == 3  # funnel, trend, destinations

    at = gp_page("P1")
    # Rolling window: O = 5 + 33 = 38, E = 2000 x 78/10500 + 500 x 74/2000 = 33.36.
    assert conclusion(at).startswith("Uw praktijk verwijst 14% meer dan verwacht")
    shown_metrics = metrics(at)
    assert shown_metrics["Verwijzingen"] == "38"
    assert shown_metrics["Verwacht"] == "33,4"
    assert shown_metrics["Verwijsratio (100 = verwacht)"] == "114"
    table = practice_table(at)
    assert table.index[0] == OWN_NAME  # own practice by name, first
    assert "Praktijk Alfa" not in table.index  # ... and not also under its pseudonym


def test_calendar_years_privacy_and_opportunity(gp_page):
    at = own_practice_in_year(gp_page(), 2024)
    assert conclusion(at) == YEAR_2024_READING
    table = practice_table(at)
    assert table.loc[OWN_NAME].to_dict() == {
        "Ingeschreven patiënten": "2.500",
        "Verwijzingen": "53",
        "Verwacht": "45,0",
        "Ratio (100 = verwacht)": "118",
        "95%-interval": "88–154",
        "Per 1.000 per jaar (ruw)": "21,2",
        "Signaal": "Binnen de grenzen",
    }
    assert table.loc["Praktijk Bravo", "Signaal"] == "Boven 95%-grens"
    # Delta's count would give Echo's away through the region's total: hidden as companion.
    assert table.loc["Praktijk Delta", "Verwijzingen"] == "–"
    assert table.loc["Praktijk Delta", "Signaal"] == "–"
    # Echo made 7 referrals: another practice's small count and its ratio are hidden.
    echo = table.loc["Praktijk Echo"]
    assert echo["Verwijzingen"] == "<10"
    assert echo["Ratio (100 = verwacht)"] == "–"
    assert echo["Per 1.000 per jaar (ruw)"] == "–"
    assert echo["Verwacht"] == "10,0"
    text = "\n".join(m.value for m in at.markdown)
    assert "ongeveer **25** ziekenhuisverwijzingen minder zijn: 18% van de 135" in text
    assert "Dit is een schatting en een bovengrens" in captions(at)

    at = rerun(at.selectbox(key="spiegel_year").set_value(2025))
    assert "2025 (01-01-2025 t/m 30-06-2025)" in captions(at)
    assert metrics(at)["Verwijzingen"] == "33"
    # 33 / (2,500 x 181/365) x 1,000 = 26.6 per 1,000 per year.
    assert metrics(at)["Per 1.000 patiënten per jaar"] == "26,6"


def test_condition_and_destination_filters(gp_page):
    at = own_practice_in_year(gp_page(), 2024)
    at = rerun(at.selectbox(key="spiegel_condition").set_value("hartfalen"))
    assert conclusion(at).startswith(
        "Uw praktijk verwijst evenveel als verwacht op basis van leeftijd en geslacht"
    )
    assert "Praktijk Delta" not in practice_table(at).index
    assert "Niet in de vergelijking" in captions(at)

    at = rerun(at.selectbox(key="spiegel_condition").set_value("af"))
    assert conclusion(at).startswith("Geen verwijzingen in Regio Test voor deze selectie (2024)")
    assert not at.get("vega_lite_chart")

    at.selectbox(key="spiegel_condition").set_value("all")
    at = rerun(at.selectbox(key="spiegel_destination").set_value("ziekenhuis"))
    # Hospital only: O = 33, E = 2000/150 + 500 x 0.0325 = 29.58, ratio 112.
    assert conclusion(at).startswith("Uw praktijk verwijst 12% meer dan verwacht")
    assert metrics(at)["Verwacht"] == "29,6"
    assert practice_table(at).loc["Praktijk Echo", "Verwijzingen"] == "<10"  # 4 referrals


def test_measure_and_overdispersion_toggles(gp_page):
    at = own_practice_in_year(gp_page(), 2024)
    at = rerun(at.radio(key="spiegel_measure").set_value("crude"))
    assert conclusion(at).startswith(
        "Uw praktijk verwijst 21,2 per 1.000 patiënten per jaar, 29% meer dan het "
        "regiogemiddelde van 16,4 (niet gecorrigeerd voor leeftijd en geslacht)"
    )
    assert "Middellijn: het regiogemiddelde (16,4)" in captions(at)
    assert practice_table(at).loc["Praktijk Charlie", "Signaal"] == "Boven 99,8%-grens"

    at.radio(key="spiegel_measure").set_value("standardised")
    at = rerun(at.radio(key="spiegel_overdispersion").set_value("multiplicative"))
    assert "Grenzen verbreed met √φ" in captions(at)
    assert "(De grenzen zijn verbreed voor de extra spreiding tussen praktijken.)" in (
        conclusion(at)
    )
    at = rerun(at.radio(key="spiegel_overdispersion").set_value("additive"))
    assert "tussen-praktijkvariantie τ²" in captions(at)


def test_region_without_anderhalvelijn_and_practice_without_referrals(gp_page):
    at = gp_page("Q2")
    # A GP compares within the own practice's region only.
    assert at.selectbox(key="spiegel_region").options == ["Regio Zonder"]
    assert conclusion(at).startswith(
        "Uw praktijk heeft in deze periode geen verwijzingen in deze selectie, waar er 6,0 "
        "werden verwacht"
    )
    text = captions(at)
    assert "Regio Zonder heeft geen anderhalvelijnszorg" in text
    assert "Uw praktijk heeft in deze periode geen verwijzingen in deze selectie." in text


def test_english(gp_page):
    at = own_practice_in_year(gp_page(), 2024)
    at = rerun(at.sidebar.radio(key="lang").set_value("en"))
    assert at.title[0].value == "Mirror information: cardiology referrals"
    assert conclusion(at) == (
        "Your practice refers 18% more than expected given the age and sex of your patients; "
        "that is within the normal variation. (53 referrals where 45.0 were expected; "
        "referral ratio 118, 95% confidence interval 88–154.)"
    )
    assert metrics(at)["Expected"] == "45.0"
