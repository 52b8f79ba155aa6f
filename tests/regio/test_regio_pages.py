"""The Regio-vergelijking and Indicatoren pages through the real entry point (AppTest).

Numbers come from the hand-made dataset of tests/regio_dataset.py; the arithmetic behind them
is worked out in tests/regio/test_regio_pagedata.py.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from tests.auth_support import sign_in
from tests.regio_dataset import FORBIDDEN

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
REGIO = "../pages/regiovergelijking.py"
INDICATOREN = "../pages/indicatoren.py"


def open_page(page: str, lang: str = "nl", **params: str) -> AppTest:
    at = sign_in(AppTest.from_file(str(APP), default_timeout=60))
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def displayed(frame) -> pd.DataFrame:
    stream = frame.proto.arrow_data.styler.display_values
    return pa.ipc.open_stream(stream).read_all().to_pandas()


def profile(at: AppTest) -> pd.DataFrame:
    found = [f for f in at.dataframe if "Regio Alfa" in f.value.columns]
    assert found, [list(f.value.columns) for f in at.dataframe]
    return found[0].value


def all_text(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "title", "subheader", "header", "info",
                                  "warning") for e in getattr(at, kind)]
    parts += [str(option) for box in at.selectbox for option in box.options]
    for frame in at.dataframe:
        parts.append(frame.value.to_csv())
        parts.append(displayed(frame).to_csv())
    parts += [str(chart.proto) for chart in at.get("vega_lite_chart")]
    return "\n".join(parts)


def test_profile_table_and_reading(regio_db):
    at = open_page(REGIO)
    assert at.title[0].value == "Regio-vergelijking"
    assert at.selectbox(key="regio_year").value == 2024
    table = profile(at)
    assert list(table.columns) == [
        "Indicator", "Eenheid", "Periode", "Regio Alfa", "Regio Beta", "Regio Gamma",
        "Alle regio's (benchmark)",
    ]
    rows = table.set_index("Indicator")
    assert rows.loc["Verwijzingen cardiologie", "Regio Alfa"].startswith("72,0 (66,")
    assert rows.loc["Verwijzingen cardiologie", "Regio Alfa"].endswith(" ↑")
    assert rows.loc["Verwijzingen cardiologie", "Alle regio's (benchmark)"].startswith("57,7 (")
    assert rows.loc["Aandeel anderhalvelijn en e-consult", "Regio Gamma"] == "<10"
    assert rows.loc["Kosten per inwoner", "Regio Alfa"] == "€ 7,00 ↑"
    assert rows.loc["Wachttijd tot eerste consult: mediaan", "Regio Alfa"] == "15 (10–20)"
    # The first indicator is opened below the table, with a reading per region.
    assert at.selectbox(key="regio_row").value == "VERW_CARD"
    reading = next(m.value for m in at.markdown if m.value.startswith("In 2024"))
    assert "**Regio Alfa**: 72,0" in reading and "hoger dan de benchmark" in reading
    assert "significant hoger dan vorig jaar" in reading
    assert "**Regio Beta**: 60,0" in reading and "vergelijkbaar met de benchmark" in reading


def test_choosing_an_indicator_opens_its_trend_and_funnel(regio_db):
    at = open_page(REGIO)
    at.selectbox(key="regio_row").set_value("VERW_ZH").run()
    assert not at.exception
    assert "Verwijzingen naar ziekenhuiscardiologie" in [s.value for s in at.subheader]
    reading = next(m.value for m in at.markdown if m.value.startswith("In 2024"))
    assert "**Regio Beta**: 48,0" in reading and "slechter dan de benchmark" in reading
    assert "**Regio Gamma**: 24,0" in reading and "beter dan de benchmark" in reading
    charts = at.get("vega_lite_chart")
    assert len(charts) == 2  # trend and funnel
    assert "per regio en voor alle regio's samen" in charts[0].proto.spec
    assert "regio's tegen hun aantal, 2024" in charts[1].proto.spec
    # Per year instead of per month.
    at.radio(key="regio_frequency").set_value("year").run()
    assert not at.exception
    trend_data = [f for f in at.dataframe
                  if list(f.value.columns[:3]) == ["Regio", "Jaar", "Waarde"]]
    assert trend_data
    alfa = trend_data[0].value.set_index(["Regio", "Jaar"]).loc[("Regio Alfa", 2024)]
    assert alfa["Waarde"] == pytest.approx(36.0)
    # Costs have no funnel: a message instead.
    at.selectbox(key="regio_row").set_value("KOSTEN_PP").run()
    assert any("geen funnelplot" in i.value for i in at.info)


def test_indicator_parameter_and_other_year(regio_db):
    at = open_page(REGIO, indicator="TEVREDENHEID")
    assert at.selectbox(key="regio_row").value == "TEVREDENHEID"
    reading = next(m.value for m in at.markdown if m.value.startswith("In 2024"))
    assert "**Regio Beta**: 7,00 (6,53–7,47)" in reading
    # Alfa is hidden with Gamma: the benchmark would otherwise give Gamma's 5 scores away.
    assert ("**Regio Alfa**: – — niet vergeleken (verborgen: anders is een klein aantal elders "
            "af te leiden uit de benchmark)") in reading
    assert "**Regio Gamma**: <10 — niet vergeleken (te kleine aantallen)" in reading
    at.selectbox(key="regio_year").set_value(2023).run()
    assert not at.exception
    assert profile(at).set_index("Indicator").loc[
        "Verwijzingen cardiologie", "Regio Alfa"].startswith("60,0 (")


def test_english(regio_db):
    at = open_page(REGIO, lang="en")
    assert at.title[0].value == "Regional comparison"
    rows = profile(at).set_index("Indicator")
    assert rows.loc["Cardiology referral rate", "Regio Alfa"].startswith("72.0 (")
    assert "All regions (benchmark)" in rows.columns
    assert rows.loc["Cost per inhabitant", "Regio Alfa"] == "€7.00 ↑"


def test_no_practice_identifiers_on_the_page(regio_db):
    at = open_page(REGIO)
    for row in ("VERW_CARD", "ALV_AANDEEL", "WACHTTIJD", "TEVREDENHEID"):
        at.selectbox(key="regio_row").set_value(row).run()
        text = all_text(at)
        assert "Regio Alfa" in text  # the collection itself works
        for forbidden in FORBIDDEN:
            assert forbidden not in text, (row, forbidden)


def test_empty_database_message(isolated_db):
    at = open_page(REGIO)
    assert any("nog geen gegevens geladen" in i.value for i in at.info)
    assert not at.dataframe


def test_info_link_points_to_the_definition(regio_db):
    at = open_page(REGIO)
    links = at.get("page_link")
    assert links, "an info link next to the charts"
    assert any("Definitie: Verwijzingen cardiologie" in link.proto.label
               and "indicator=VERW_CARD" in link.proto.query_string for link in links)


# ---- Indicatoren ---------------------------------------------------------------------------


def test_definitions_page_lists_the_catalogue(isolated_db):
    at = open_page(INDICATOREN)
    assert at.title[0].value == "Indicatoren"
    subheaders = [s.value for s in at.subheader]
    assert "Kosten per patiënt (KOSTEN_PP)" in subheaders
    assert len([s for s in subheaders if s.endswith(")")]) == 11
    overview = [f for f in at.dataframe if "Teller" in f.value.columns][0].value
    assert len(overview) == 11
    assert set(overview.columns) >= {"Code", "Definitie", "Teller", "Noemer", "Bron", "Methode",
                                     "Richting", "Kanttekeningen"}


def test_indicator_parameter_selects_one_entry(isolated_db):
    at = open_page(INDICATOREN, indicator="KOSTEN_PP")
    assert at.selectbox(key="ind_choice").value == "KOSTEN_PP"
    subheaders = [s.value for s in at.subheader if s.value.endswith(")")]
    assert subheaders == ["Kosten per patiënt (KOSTEN_PP)"]
    text = "\n".join(m.value for m in at.markdown)
    assert "Geopend via een link" in text
    assert "**Richting:** lager is beter" in text
    assert "programmakosten" in text  # the caveat
    # Choosing another indicator updates the link in the URL.
    at.selectbox(key="ind_choice").set_value("OPNAME_HF").run()
    assert at.query_params["indicator"] == ["OPNAME_HF"] or at.query_params["indicator"] == (
        "OPNAME_HF")
    assert [s.value for s in at.subheader if s.value.endswith(")")] == [
        "Opnames hartfalen (OPNAME_HF)"]


def test_unknown_indicator_and_english(isolated_db):
    at = open_page(INDICATOREN, lang="en", indicator="NOPE")
    assert any("Unknown indicator in the link: NOPE" in w.value for w in at.warning)
    text = "\n".join(m.value for m in at.markdown)
    assert "**Direction:** higher is better" in text
    assert "Cost of cardiology care per setting" in text


def test_year_and_indicator_live_in_the_link(regio_db):
    at = open_page(REGIO, jaar="2023", indicator="TEVREDENHEID")
    assert at.selectbox(key="regio_year").value == 2023
    assert at.selectbox(key="regio_row").value == "TEVREDENHEID"
    at.selectbox(key="regio_year").set_value(2024).run()
    assert not at.exception
    assert at.query_params["jaar"] in ("2024", ["2024"])
    # A year the data does not hold is ignored: the page opens on its latest complete year.
    other = open_page(REGIO, jaar="1999")
    assert other.selectbox(key="regio_year").value == 2024
    assert len(other.toast) == 1
