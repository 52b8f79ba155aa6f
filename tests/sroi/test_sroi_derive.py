"""SROI quantities derived from the data, against the hand-made dataset of ``sroi_data.py``.

Every expected number is worked out by hand in that module's docstring.
"""

from __future__ import annotations

import copy
from datetime import date

import pandas as pd
import pytest

from dashboard import database
from dashboard.pagedata import sroi as page_data
from dashboard.pagedata.sroi import Deriver, explain, last_followed_month, resolve
from dashboard.queries.sroi import sroi_data
from dashboard.sroi_models import SroiModelError, normalise_doc
from tests.sroi.sroi_data import TEST_MODEL, fill_sroi_dataset

START = date(2023, 1, 1)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    # One database for the module: every test here only reads it.
    engine = database.make_engine(f"sqlite:///{tmp_path_factory.mktemp('sroi') / 'db.sqlite'}")
    database.init_db(engine)
    fill_sroi_dataset(engine)
    yield sroi_data(engine, "TST")
    engine.dispose()


@pytest.fixture
def deriver(data):
    return Deriver(data, 2024, None, START)


def test_query_returns_the_region_aggregates(data):
    assert data.data_date == date(2024, 12, 31)  # no raw referrals: the last month's last day
    assert data.referrals["referrals"].sum() == 620
    assert set(data.episodes["destination"]) == {"anderhalvelijn", "ziekenhuis", "econsult"}
    hospital = data.costs[(data.costs["setting"] == "ziekenhuis")]
    assert hospital["amount"].sum() == 270_000  # monthly rows summed per year
    assert list(data.admissions.itertuples(index=False, name=None)) == [
        (2022, 12, 100), (2024, 12, 80)
    ]
    assert data.survey.set_index(["year", "profession"]).loc[(2024, "huisarts")].tolist() == [
        4, 32
    ]


def test_follow_up_window_and_years(data):
    assert last_followed_month(date(2024, 12, 31)) == date(2024, 6, 1)
    assert last_followed_month(date(2024, 12, 28)) == date(2024, 5, 1)
    assert last_followed_month(None) is None
    assert page_data.default_reference_year(data) == 2024
    assert page_data.available_years(data) == [2024, 2022]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("alv_referrals", 100),
        ("alv_resolved", 80),  # 100 x 64/80
        ("hospital_cost_per_patient", 1200),  # 270,000 / (200 + 100 x 0.2 + 20 x 0.25)
        ("wait_days_saved", 2000),  # 100 x (30 - 10)
        ("hf_admissions_avoided", 20),  # (2.5 - 2.0) per 1,000 x 40,000
        ("satisfaction_gain:huisarts", 6),  # 4 x (8.0 - 6.5)
        ("satisfaction_gain:huisarts,poh", 6),  # no POH answered
        ("cost:anderhalvelijn:coordinatie:verzekeraar", 30_000),
        ("cost:anderhalvelijn:coordinatie:*", 35_000),
        ("cost:anderhalvelijn:*:*", 100_000),
        ("cost:ziekenhuis:zorg:gemeente", 0),  # costs exist for 2024, none of this kind
    ],
)
def test_derived_values(deriver, key, expected):
    assert deriver.get(key).value == pytest.approx(expected)


def test_explanations_show_the_numbers_and_the_formula(deriver):
    resolved = explain(deriver.get("alv_resolved"))
    assert resolved.startswith("**80,0** = 100 verwijzingen naar de anderhalvelijn in 2024 × "
                               "80,0% afgehandeld zonder ziekenhuis.")
    assert "jul 2023 t/m jun 2024" in resolved and "64 van de 80" in resolved
    cost = explain(deriver.get("hospital_cost_per_patient"))
    assert cost.startswith("**€ 1.200** per patiënt = zorgkosten van het ziekenhuis in 2024 "
                           "(€ 270.000) ÷ 225 nieuwe ziekenhuispatiënten: 200 direct verwezen + "
                           "20 na de anderhalvelijn + 5 na een e-consult")
    assert "€ 500 per patiënt (€ 50.000 ÷ 100), een verschil van € 700" in cost
    admissions = explain(deriver.get("hf_admissions_avoided"), "en")
    assert admissions.startswith("**20.0** = (2.50 − 2.00) heart-failure admissions per 1,000")
    assert "Admissions: 100 in 2022 and 80 in 2024." in admissions


def test_unavailable_derivations_say_why(data):
    deriver = Deriver(data, 2024, None, START)
    admission_cost = deriver.get("cost_per_admission")
    assert admission_cost.value is None
    assert "Geen opnamekosten" in explain(admission_cost)
    later = Deriver(data, 2025, None, START)
    assert later.get("cost:anderhalvelijn:zorg:verzekeraar").value is None
    assert explain(later.get("alv_referrals")) == (
        "Geen verwijzingen in 2025: de vaste waarde uit het model is gebruikt."
    )


def test_a_year_without_anderhalvelijn_care_avoids_nothing(data):
    before = Deriver(data, 2022, None, START)
    for key in ("alv_referrals", "alv_resolved", "wait_days_saved"):
        derivation = before.get(key)
        assert derivation.value == 0, key
        assert explain(derivation) == "**0** verwijzingen naar de anderhalvelijn in 2022."


def test_no_improvement_counts_zero_and_says_so(data):
    worse = copy.copy(data)
    worse.admissions = pd.DataFrame({"year": [2022, 2024], "months": [12, 12],
                                     "admissions": [80, 100]})
    derivation = Deriver(worse, 2024, None, START).get("hf_admissions_avoided")
    assert derivation.value == 0
    assert "het model telt 0" in explain(derivation)


def test_baseline_falls_back_to_the_first_year_with_data(data):
    early_start = Deriver(data, 2024, None, date(2020, 1, 1))
    derivation = early_start.get("hf_admissions_avoided")
    assert derivation.value == pytest.approx(20)
    assert "het eerste jaar met gegevens (2022) is het basisjaar" in explain(derivation)
    assert Deriver(data, 2024, 2023, START).get("hf_admissions_avoided").value is None


def test_hospital_cost_notes_an_unknown_onward_share(data):
    no_econsult_follow_up = copy.copy(data)
    no_econsult_follow_up.episodes = data.episodes[data.episodes["destination"] != "econsult"]
    derivation = Deriver(no_econsult_follow_up, 2024, None, START).get(
        "hospital_cost_per_patient"
    )
    assert derivation.value == round(270_000 / 220, 2)  # euros are kept to the cent
    assert "Voor *E-consult* is nog geen afhandelpercentage bekend" in explain(derivation)


def test_resolve_fills_derived_numbers_and_marks_fallbacks(data):
    doc = normalise_doc(TEST_MODEL | {
        "outcomes": [*TEST_MODEL["outcomes"], {
            "name": "Opnames", "stakeholder": "verzekeraar", "quantity": 3, "proxy": 6000,
            "proxy_from": "cost_per_admission",
        }],
    })
    resolved = resolve(doc, data, START)
    # No number of this model compares with a "before" year, so none is named.
    assert resolved.reference_year == 2024 and resolved.baseline_year is None
    assert [i["amount"] for i in resolved.doc["investments"]] == [30_000, 50_000]
    outcomes = resolved.doc["outcomes"]
    assert (outcomes[0]["quantity"], outcomes[0]["proxy"]) == (80, 1200)
    assert outcomes[2]["proxy"] == 6000  # no admission costs: the document's own number
    assert resolved.sources[("outcomes", 2, "proxy")] == "fallback"
    assert resolved.sources[("outcomes", 2, "quantity")] == "fixed"
    assert resolved.sources[("outcomes", 0, "quantity")] == "data"
    assert resolved.fallbacks == 1
    assert doc["outcomes"][0]["quantity"] == 1.0  # the input document is left alone


def test_resolve_names_the_baseline_year_only_when_a_number_uses_it(data):
    doc = normalise_doc(TEST_MODEL | {
        "outcomes": [*TEST_MODEL["outcomes"], {
            "name": "Opnames", "stakeholder": "verzekeraar", "quantity": 3,
            "quantity_from": "hf_admissions_avoided", "proxy": 6000,
        }],
    })
    resolved = resolve(doc, data, START)
    assert resolved.baseline_year == 2022
    assert resolved.doc["outcomes"][2]["quantity"] == pytest.approx(20)


def test_results_of_the_hand_made_model(data):
    resolved = resolve(normalise_doc(TEST_MODEL), data, START)
    view = page_data.compute_view(resolved.doc, "Regio Test", simulations=400)
    # Discount rate 0: (80 x 1,200 + 2,000 x 2) / (30,000 + 50,000) = 100,000 / 80,000.
    assert view.result.ratio == pytest.approx(1.25)
    assert view.result.net_present_value == pytest.approx(20_000)
    low, high = view.simulation.ratio_interval
    assert low < 1.25 < high
    assert list(view.waterfall["label"]) == [
        "Vermeden trajecten", "Kortere wachttijd", "Totale waarde", "Investering",
        "Netto contante waarde",
    ]
    assert list(view.waterfall["end"]) == pytest.approx([96_000, 100_000, 100_000, 20_000,
                                                         20_000])
    people = view.stakeholders.set_index("label")
    assert people.loc["Zorgverzekeraar", ["invested", "benefit", "net"]].tolist() == (
        pytest.approx([80_000, 96_000, 16_000])
    )
    assert people.loc["Patiënten", "benefit"] == pytest.approx(4_000)
    assert view.losers == []
    assert list(view.stakeholder_chart.columns) == ["stakeholder", "measure", "amount"]
    refs = view.ratio_chart[view.ratio_chart["kind"] == "reference"]
    assert list(refs["ratio"]) == [2.0, 2.0, 2.39]
    assert list(refs["shown"]) == ["ruim 2", "bijna 2", "2,39"]
    assert "Zorginstituut Nederland" in refs["source"].iloc[0]
    assert "Nivel" in refs["source"].iloc[2]
    assert len(view.tornado) <= page_data.TORNADO_ROWS
    assert list(view.tornado["swing"]) == sorted(view.tornado["swing"], reverse=True)
    # One-year outcomes are one-off events: their duration is not varied.
    assert not any(view.sensitivity["assumption"].str.endswith(".duration"))


def test_zero_investment_is_a_clear_error(data):
    doc = normalise_doc(TEST_MODEL)
    for investment in doc["investments"]:
        investment["amount_from"] = None
        investment["amount"] = 0.0
    with pytest.raises(SroiModelError, match="totale investering moet groter zijn dan 0"):
        page_data.compute_view(doc, "Regio Test")


# ---- the editor round trip -----------------------------------------------------------------


@pytest.fixture
def resolved(data):
    return resolve(normalise_doc(TEST_MODEL), data, START)


def test_unchanged_editor_tables_give_back_the_document(resolved):
    investments, outcomes = page_data.editor_tables(resolved, "nl")
    assert list(outcomes["stakeholder"]) == ["Zorgverzekeraar", "Patiënten"]
    assert list(outcomes["source"]) == [
        "hoeveelheid uit gegevens 2024; financiële proxy uit gegevens 2024",
        "hoeveelheid uit gegevens 2024",
    ]
    doc = page_data.doc_from_tables(investments, outcomes, resolved, "nl")
    assert doc == resolved.doc


def test_an_edited_derived_number_becomes_an_assumption(resolved):
    investments, outcomes = page_data.editor_tables(resolved, "en")
    outcomes.loc[0, "quantity"] = 70.0
    outcomes.loc[1, "deadweight"] = 0.5
    doc = page_data.doc_from_tables(investments, outcomes, resolved, "en")
    assert doc["outcomes"][0]["quantity"] == 70 and doc["outcomes"][0]["quantity_from"] is None
    assert doc["outcomes"][0]["proxy_from"] == "hospital_cost_per_patient"
    assert doc["outcomes"][1]["deadweight"] == 0.5
    assert doc["outcomes"][0]["stakeholder"] == "verzekeraar"  # label back to code


def test_deleted_rows_keep_their_derivations_and_empty_added_rows_are_ignored(resolved):
    investments, outcomes = page_data.editor_tables(resolved, "nl")
    investments = investments.drop(index=0)  # the editor keeps the other rows' index labels
    outcomes = pd.concat([outcomes, pd.DataFrame([{c: None for c in outcomes.columns}])],
                         ignore_index=True)
    doc = page_data.doc_from_tables(investments, outcomes, resolved, "nl")
    assert [i["amount_from"] for i in doc["investments"]] == [
        "cost:anderhalvelijn:zorg:verzekeraar"
    ]
    assert len(doc["outcomes"]) == 2


def test_invalid_edits_name_the_row_and_the_field(resolved):
    investments, outcomes = page_data.editor_tables(resolved, "nl")
    outcomes.loc[1, "deadweight"] = 25.0
    outcomes.loc[0, "duration"] = 0
    investments.loc[1, "amount"] = -5.0
    with pytest.raises(SroiModelError) as caught:
        page_data.doc_from_tables(investments, outcomes, resolved, "nl")
    assert caught.value.messages("nl") == [
        "Investeringen, rij 2 (Consulten), veld ‘bedrag’: mag niet negatief zijn; "
        "ingevoerd: -5",
        "Uitkomsten, rij 1 (Vermeden trajecten), veld ‘duur’: moet een geheel getal van 1 of "
        "meer zijn; ingevoerd: 0",
        "Uitkomsten, rij 2 (Kortere wachttijd), veld ‘deadweight’: moet een fractie tussen 0 "
        "en 1 zijn (0,25 voor 25%); ingevoerd: 25",
    ]
    assert caught.value.messages("en")[2] == (
        "Outcomes, row 2 (Kortere wachttijd), field ‘deadweight’: must be a fraction between 0 "
        "and 1 (0.25 for 25%); entered: 25"
    )
