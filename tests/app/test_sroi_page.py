"""The SROI page through the real entry point (AppTest), on the hand-made dataset.

The numbers are worked out in tests/sroi/sroi_data.py: with discount rate 0 the test model is
worth 80 x 1,200 + 2,000 x 2 = 100,000 for an investment of 30,000 + 50,000 = 80,000.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.scope import Scope
from dashboard.sroi_models import list_scenarios, save_scenario
from tests.auth_support import sign_in
from tests.sroi.sroi_data import TEST_MODEL, fill_sroi_dataset

EDITOR = Scope("beheerder", all_regions=True, username="test-editor")

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
OUTCOMES = "sroi-out-TST-0"


@pytest.fixture
def sroi_page_db(isolated_db):
    fill_sroi_dataset(isolated_db)
    save_scenario(isolated_db, "TST", "Testmodel", TEST_MODEL, is_default=True, scope=EDITOR)
    return isolated_db


def open_page(lang: str = "nl") -> AppTest:
    at = sign_in(AppTest.from_file(str(APP), default_timeout=60))
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("../pages/sroi.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def edit(at: AppTest, rows: dict[int, dict]) -> AppTest:
    at.session_state[OUTCOMES] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_page_shows_results_derivations_and_charts(sroi_page_db):
    at = open_page()
    assert at.title[0].value == "SROI: maatschappelijke waarde"
    assert metrics(at) == {
        "Maatschappelijke waarde": "€ 100.000",
        "Investering": "€ 80.000",
        "Netto contante waarde": "€ 20.000",
        "SROI-ratio": "1,25",
    }
    assert "Model: Testmodel · referentiejaar 2024 · gegevens t/m 31-12-2024" in [
        c.value for c in at.caption
    ]
    expanders = [e.label for e in at.expander]
    assert "Hoe berekend: Vermeden trajecten (hoeveelheid)" in expanders
    assert "Hoe berekend: Zorgverzekeraar: Consulten (bedrag)" in expanders
    assert any(m.value.startswith("**80,0** = 100 verwijzingen") for m in at.markdown)
    charts = at.get("vega_lite_chart")
    assert len(charts) == 4
    titles = [json.loads(chart.proto.spec)["title"]["text"] for chart in charts]
    assert titles == [
        "SROI-ratio naast gerapporteerde ratio's",
        "Maatschappelijke waarde per uitkomst",
        "Wie investeert, wie heeft baat?",
        "Gevoeligheid: welke aanname telt het zwaarst?",
    ]
    assert len(at.data_editor) == 2


def test_editing_an_assumption_changes_the_ratio(sroi_page_db):
    at = open_page()
    # Deadweight 25% on the trajectories: (72,000 + 4,000) / 80,000 = 0.95.
    edit(at, {0: {"deadweight": 0.25}})
    assert metrics(at)["SROI-ratio"] == "0,95"
    assert metrics(at)["Netto contante waarde"] == "-€ 4.000"

    # An invalid value names row and field, and the results stay at the last valid input.
    edit(at, {0: {"deadweight": 0.25}, 1: {"deadweight": 1.5}})
    assert at.error[0].value == (
        "Deze invoer kan niet worden doorgerekend:\n\n- Uitkomsten, rij 2 (Kortere wachttijd), "
        "veld ‘deadweight’: moet een fractie tussen 0 en 1 zijn (0,25 voor 25%); "
        "ingevoerd: 1,5"
    )
    assert metrics(at)["SROI-ratio"] == "0,95"


def test_save_and_compare_scenarios(sroi_page_db):
    at = open_page()
    edit(at, {0: {"deadweight": 0.25}})
    at.text_input(key="sroi_save_name::TST").input("Voorzichtig")
    at.button(key="sroi_save::TST").click().run()
    assert [s.value for s in at.success] == ["Scenario ‘Voorzichtig’ opgeslagen."]
    assert list(list_scenarios(sroi_page_db, "TST")["name"]) == ["Testmodel", "Voorzichtig"]

    at.multiselect(key="sroi_compare::TST").set_value(["Testmodel", "Voorzichtig"]).run()
    table = at.dataframe[-1].value.set_index("Onderdeel")
    assert table.loc["SROI-ratio", ["Testmodel", "Voorzichtig"]].tolist() == ["1,25", "0,95"]
    assert table.loc["Vermeden trajecten: deadweight", "Voorzichtig"] == "25,0%"
    assert len(table) == 8  # seven results and the one assumption that differs

    # Opening the saved scenario puts it in the editors (a fresh editor version).
    at.selectbox(key="sroi_open_name::TST").set_value("Testmodel")
    at.button(key="sroi_open::TST").click().run()
    assert metrics(at)["SROI-ratio"] == "1,25"


def test_import_a_json_scenario(sroi_page_db):
    at = open_page()
    doc = dict(TEST_MODEL, name="Van elders")
    doc["outcomes"] = [dict(o) for o in TEST_MODEL["outcomes"]]
    doc["outcomes"][1]["proxy"] = 22.0  # 2,000 x 22 = 44,000: (96,000 + 44,000) / 80,000
    at.file_uploader(key="sroi_upload::TST").set_value(
        ("scenario.json", json.dumps(doc).encode(), "application/json")
    ).run()
    assert not at.exception, [e.value for e in at.exception]
    assert metrics(at)["SROI-ratio"] == "1,75"
    assert "‘Van elders’ geïmporteerd; sla het op om het te bewaren." in [
        s.value for s in at.success
    ]


def test_region_without_anderhalvelijn(sroi_page_db):
    at = open_page()
    at.selectbox(key="sroi_region").set_value("NUL").run()
    assert not at.exception
    assert "Regio Zonder anderhalvelijn heeft geen anderhalvelijnszorg." in at.info[-1].value
    assert not at.metric
    at.toggle(key="sroi_explore::NUL").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "SROI-ratio" in metrics(at)
    assert any("Hypothetisch" in c.value for c in at.caption)


def test_english_and_first_use_seeding(isolated_db):
    fill_sroi_dataset(isolated_db)
    at = open_page("en")
    assert at.title[0].value == "SROI: social value"
    # No stored model for TST yet: the page seeded the general region template.
    assert list(list_scenarios(isolated_db, "TST")["name"]) == ["Regiomodel"]
    values = metrics(at)
    assert list(values) == ["Social value", "Investment", "Net present value", "SROI ratio"]
    assert values["Investment"].startswith("€")
    assert "," in values["Investment"]  # English thousands separator
