"""The Anderhalvelijn page through the real entry point (AppTest), on the hand-made dataset.

Numbers are worked out by hand from tests/support_anderhalvelijn.py; the pagedata tests in
tests/pagedata/test_anderhalvelijn_data.py show the arithmetic. Here we check that every filter
reaches the page and that the page shows the figures formatted, with privacy applied.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from tests.auth_support import sign_in
from tests.support_anderhalvelijn import fill_anderhalvelijn_dataset

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
PAGE = "../pages/anderhalvelijn.py"


@pytest.fixture
def alv_db(isolated_db):
    fill_anderhalvelijn_dataset(isolated_db)
    return isolated_db


def open_page(lang: str = "nl") -> AppTest:
    at = sign_in(AppTest.from_file(str(APP), default_timeout=60))
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def choose(at: AppTest, key: str, value: str) -> AppTest:
    at.selectbox(key=key).set_value(value).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> list[tuple[str, str]]:
    return [(metric.label, metric.value) for metric in at.metric]


def table(at: AppTest, first_columns: list[str]) -> pd.DataFrame:
    """The displayed (formatted) values of the one table starting with ``first_columns``."""
    found = [
        frame for frame in at.dataframe
        if list(frame.value.columns[: len(first_columns)]) == first_columns
    ]
    assert len(found) == 1, [list(frame.value.columns) for frame in at.dataframe]
    stream = found[0].proto.arrow_data.styler.display_values
    return pa.ipc.open_stream(stream).read_all().to_pandas()


def test_all_regions_headline(alv_db):
    at = open_page()
    assert at.title[0].value == "Anderhalvelijn en e-consult"
    # (123 + 12) / (195 + 62) referrals; 84 of 100 followed episodes; waits of Noord only.
    assert metrics(at) == [
        ("Aandeel anderhalvelijn + e-consult", "52,5%"),
        ("Zonder ziekenhuis binnen 6 maanden", "84,0%"),
        ("Mediane wachttijd anderhalvelijn", "14 dagen"),
        ("Anderhalvelijn binnen 4 weken (treeknorm)", "76,4%"),
    ]
    helps = [metric.help for metric in at.metric]
    # Wilson 84/100: 75.6% to 89.9%; follow-up up to May 2025 (data date 2025-12-20).
    assert helps[1].startswith("95%-betrouwbaarheidsinterval 75,6% – 89,9% (Wilson). 84 van 100")
    assert "tot en met mei 2025" in helps[1]
    captions = [caption.value for caption in at.caption]
    assert "Zonder anderhalvelijn: Regio Zuid. Daar telt alleen het e-consult mee." in captions
    assert (
        "Alle regio's · verwijzingen van januari 2025 tot en met december 2025 · "
        "datadatum 20-12-2025" in captions
    )
    per_region = table(at, ["Regio", "Verwijzingen", "Naar ziekenhuis"])
    assert list(per_region["Aandeel"]) == ["63,1%", "19,4%"]


def test_region_practices_are_pseudonymous_and_small_counts_hidden(alv_db):
    at = choose(open_page(), "alv_region", "NRD")
    practices = table(at, ["Praktijk", "Verwijzingen", "Naar ziekenhuis"])
    assert practices.to_dict("records") == [
        {"Praktijk": "Praktijk A", "Verwijzingen": "90", "Naar ziekenhuis": "20",
         "Naar anderhalvelijn of e-consult": "70", "Aandeel": "77,8%",
         "95%-interval ondergrens": "68,2%", "95%-interval bovengrens": "85,1%",
         "Trechter": "Boven de 95%-grens"},
        # B's counts are hidden too: with the region's totals on the page they would give
        # C's "<10" away (see test_anderhalvelijn_data).
        {"Praktijk": "Praktijk B", "Verwijzingen": "90", "Naar ziekenhuis": "–",
         "Naar anderhalvelijn of e-consult": "–", "Aandeel": "–",
         "95%-interval ondergrens": "–", "95%-interval bovengrens": "–", "Trechter": "–"},
        {"Praktijk": "Praktijk C", "Verwijzingen": "15", "Naar ziekenhuis": "–",
         "Naar anderhalvelijn of e-consult": "<10", "Aandeel": "–",
         "95%-interval ondergrens": "–", "95%-interval bovengrens": "–", "Trechter": "–"},
    ]
    page_text = " ".join(str(frame.value.to_dict()) for frame in at.dataframe)
    assert "Huisartsen" not in page_text  # practice names never reach this page
    assert any("2 praktijken staan niet in de trechter: een aantal van 1 tot en met 9" in c.value
               for c in at.caption)

    resolved = table(at, ["Verwezen naar", "Episodes met 6 mnd follow-up"])
    assert list(resolved.iloc[0])[:5] == ["Anderhalvelijn", "100", "84", "16", "84,0%"]
    # 13 followed, 11 resolved would give the hidden 2 to hospital away: 11 is hidden too.
    assert list(resolved.iloc[1])[:5] == ["E-consult", "13", "–", "<10", "–"]
    flow = table(at, ["Verwezen naar", "Binnen 6 maanden"])
    assert list(flow["Episodes"]) == ["84", "16", "10"]
    assert list(flow["Aandeel"]) == ["76,4%", "14,5%", "9,1%"]
    assert any("Niet getoond wegens kleine aantallen" in c.value and "E-consult" in c.value
               for c in at.caption)

    waits = table(at, ["Regio", "Setting", "Episodes", "Mediane wachttijd (dagen)"])
    assert list(waits["Mediane wachttijd (dagen)"]) == ["40,0", "14,0", "1,0"]
    satisfaction = table(at, ["Regio", "Setting", "Ingevulde cijfers"])
    assert list(satisfaction["Gemiddeld cijfer"]) == ["7,00", "8,50"]
    assert list(satisfaction["95%-interval ondergrens"]) == ["7,00", "8,12"]
    costs = table(at, ["Regio", "Setting", "Zorgkosten"])
    # 120,000 / 72 and 32,000 / 110.
    assert list(costs["Kosten per patiënt"]) == ["€ 1.667", "€ 291"]


def test_region_without_anderhalvelijn(alv_db):
    at = choose(open_page(), "alv_region", "ZD")
    assert at.info[0].value.startswith(
        "Deze regio (Regio Zuid) heeft (nog) geen anderhalvelijnszorg."
    )
    assert metrics(at) == [
        ("Aandeel anderhalvelijn + e-consult", "19,4%"),
        ("Verwijzingen cardiologie", "62"),
    ]
    # Still meaningful: the e-consult flow (all 12 still open), waits and cost.
    flow = table(at, ["Verwezen naar", "Binnen 6 maanden"])
    assert list(flow["Verwezen naar"]) == ["E-consult"] * 3
    assert list(flow["Aandeel"]) == ["0,0%", "0,0%", "100,0%"]
    costs = table(at, ["Regio", "Setting", "Zorgkosten"])
    assert list(costs["Kosten per patiënt"]) == ["€ 200"]  # 60,000 x 2/12 over 50
    assert "Zuid · verwijzingen van januari 2025 tot en met februari 2025" in " ".join(
        c.value for c in at.caption)


def test_period_filter(alv_db):
    at = choose(choose(open_page(), "alv_region", "NRD"), "alv_period", "all")
    assert metrics(at)[0] == ("Aandeel anderhalvelijn + e-consult", "55,9%")  # 123 / 220
    costs = table(at, ["Regio", "Setting", "Zorgkosten"])
    assert list(costs["Kosten per patiënt"]) == ["€ 1.546", "€ 291"]  # 150,000 / 97

    choose(at, "alv_period", "2024")
    assert metrics(at)[0] == ("Aandeel anderhalvelijn + e-consult", "0,0%")
    assert at.metric[0].help.startswith("95%-betrouwbaarheidsinterval 0,0% – 13,3%")
    assert "2024 (onvolledig: dec 2024)" in at.selectbox(key="alv_period").options

    choose(at, "alv_region", "ZD")  # Zuid has no data in 2024
    assert not at.metric
    assert at.info[0].value.startswith("Geen verwijzingen voor Regio Zuid in deze periode")


def test_condition_filter(alv_db):
    at = choose(choose(open_page(), "alv_region", "NRD"), "alv_condition", "af")
    assert metrics(at)[:2] == [
        ("Aandeel anderhalvelijn + e-consult", "55,6%"),  # 50 / 90
        ("Zonder ziekenhuis binnen 6 maanden", "–"),  # 6 to hospital: too small to show
    ]
    assert "niet per aandoening" in " ".join(info.value for info in at.info)


def test_english(alv_db):
    at = choose(open_page("en"), "alv_region", "NRD")
    assert at.title[0].value == "Anderhalvelijn and e-consult"
    assert metrics(at)[0] == ("Share anderhalvelijn + e-consult", "63.1%")
    costs = table(at, ["Region", "Setting", "Care cost"])
    assert list(costs["Cost per patient"]) == ["€1,667", "€291"]
    assert list(costs["Setting"]) == ["Hospital", "Anderhalvelijn (1.5-line)"]


def test_empty_database(isolated_db):
    at = open_page()
    assert at.info[0].value.startswith("Nog geen verwijzingen geladen")
