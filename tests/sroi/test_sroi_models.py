"""SROI model documents: TOML validation, JSON/XLSX export, stored scenarios and comparison."""

from __future__ import annotations

import io
import json
from datetime import date

import openpyxl
import pytest
from sqlmodel import Session

from dashboard.models import Region
from dashboard.pagedata import sroi as page_data
from dashboard.queries.sroi import sroi_data
from dashboard.scope import Scope
from dashboard.sroi_models import (
    SAMPLE_MODEL_DIR,
    TEMPLATE_DIR,
    SroiModelError,
    default_scenario,
    delete_scenario,
    from_json,
    list_scenarios,
    load_scenario,
    load_toml,
    normalise_doc,
    parse_toml,
    read_upload,
    save_scenario,
    to_json,
    to_stats_model,
)
from tests.sroi.sroi_data import TEST_MODEL

EDITOR = Scope("beheerder", all_regions=True, username="test-editor")

GOOD = """
name = "Klein model"
discount_rate = 0.0225

[[investments]]
stakeholder = "verzekeraar"
amount = 1000

[[outcomes]]
name = "Vermeden verwijzing"
stakeholder = "verzekeraar"
quantity = 10
proxy = 200
deadweight = 0.2
"""


def test_a_valid_toml_model_gets_every_key():
    doc = parse_toml(GOOD)
    assert doc["investments"] == [{
        "stakeholder": "verzekeraar", "description": "", "year": 0, "amount": 1000.0,
        "amount_from": None,
    }]
    outcome = doc["outcomes"][0]
    assert outcome["deadweight"] == 0.2 and outcome["attribution"] == 0.0
    assert outcome["duration"] == 1 and outcome["quantity_from"] is None
    assert doc["reference_year"] is None and doc["synthetic"] is False
    assert to_stats_model(doc)["investments"] == [
        {"stakeholder": "verzekeraar", "amount": 1000.0, "year": 0, "description": ""}
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("deadweight = 0.2", "deadweight = 25"),
         "Uitkomsten, rij 1 (Vermeden verwijzing), veld ‘deadweight’: moet een fractie tussen 0 "
         "en 1 zijn (0,25 voor 25%); ingevoerd: 25"),
        (("deadweight = 0.2", "dead_weight = 0.2"),
         "Uitkomsten, rij 1 (Vermeden verwijzing): onbekend veld 'dead_weight'; toegestaan"),
        (("proxy = 200", "proxy = -1"),
         "Uitkomsten, rij 1 (Vermeden verwijzing), veld ‘financiële proxy’: mag niet negatief "
         "zijn; ingevoerd: -1"),
        (("proxy = 200", 'proxy = "veel"'),
         "veld ‘financiële proxy’: moet een getal zijn; ingevoerd: 'veel'"),
        (("quantity = 10", "duration = 0\nquantity = 10"),
         "veld ‘duur’: moet een geheel getal van 1 of meer zijn; ingevoerd: 0"),
        (("quantity = 10", ""), "veld ‘hoeveelheid’: ontbreekt"),
        (('name = "Vermeden verwijzing"', 'name = ""'),
         "Uitkomsten, rij 1, veld ‘naam’: ontbreekt"),
        (("quantity = 10", 'quantity_from = "alv_resolvd"'),
         "veld ‘afleiding hoeveelheid’: onbekende afleiding 'alv_resolvd'; mogelijk zijn: "
         "alv_referrals, alv_resolved"),
        (("quantity = 10", 'quantity_from = "hospital_cost_per_patient"'),
         "onbekende afleiding 'hospital_cost_per_patient'"),  # a proxy, not a quantity
        (("amount = 1000", 'amount_from = "cost:anderhalvelijn:zorg:iedereen"'),
         "Investeringen, rij 1 (verzekeraar), veld ‘afleiding bedrag’: onbekende afleiding"),
        (("discount_rate = 0.0225", "discount_rate = 2.25"),
         "Disconteringsvoet: moet een fractie van 0 tot 1 zijn (0,0225 voor 2,25%); "
         "ingevoerd: 2,25"),
        (("discount_rate = 0.0225", "reference_year = 1999"),
         "Referentiejaar: moet een jaartal tussen 2000 en 2100 zijn; ingevoerd: 1999"),
        (('stakeholder = "verzekeraar"\namount', 'amount'),
         "Investeringen, rij 1, veld ‘belanghebbende’: ontbreekt"),
    ],
)
def test_toml_problems_name_the_row_and_field(change, message):
    old, new = change
    with pytest.raises(SroiModelError) as caught:
        parse_toml(GOOD.replace(old, new, 1))
    assert any(message in m for m in caught.value.messages()), caught.value.messages()


def test_every_problem_is_reported_at_once():
    text = GOOD.replace("deadweight = 0.2", "deadweight = 2\nattribution = -0.1") + (
        '\n[[outcomes]]\nname = "Vermeden verwijzing"\nstakeholder = "patient"\n'
        "quantity = 1\nproxy = 1\n"
    )
    with pytest.raises(SroiModelError) as caught:
        parse_toml(text)
    messages = caught.value.messages("en")
    assert len(messages) == 3
    assert messages[-1] == (
        "Outcomes, row 2 (Vermeden verwijzing), field ‘name’: the name 'Vermeden verwijzing' "
        "occurs more than once; outcome names must be unique"
    )


def test_structural_problems():
    with pytest.raises(SroiModelError, match="Het TOML-bestand is niet te lezen"):
        parse_toml("name = ")
    with pytest.raises(SroiModelError, match="Het model heeft geen uitkomsten"):
        parse_toml(GOOD.split("[[outcomes]]")[0])
    with pytest.raises(SroiModelError, match="rij 1: moet een rij met velden zijn"):
        normalise_doc({"investments": [5], "outcomes": [{"name": "a", "stakeholder": "b",
                                                        "quantity": 1, "proxy": 1}]})
    with pytest.raises(SroiModelError, match="totale investering moet groter zijn dan 0"):
        to_stats_model(parse_toml(GOOD.replace("amount = 1000", "amount = 0")))


def test_load_toml_names_the_file(tmp_path):
    path = tmp_path / "REGIO.toml"
    path.write_text(GOOD.replace("deadweight = 0.2", "deadweight = 1.5"), encoding="utf-8")
    with pytest.raises(SroiModelError) as caught:
        load_toml(path)
    assert caught.value.messages()[0] == "Fouten in 'REGIO.toml':"
    with pytest.raises(SroiModelError, match="Het bestand is niet te lezen"):
        load_toml(tmp_path / "missing.toml")


@pytest.mark.parametrize("path", sorted([*SAMPLE_MODEL_DIR.glob("*.toml"),
                                         *TEMPLATE_DIR.glob("*.toml")]))
def test_shipped_models_are_valid(path):
    doc = load_toml(path)
    assert doc["outcomes"] and doc["investments"]
    assert doc["synthetic"] is (path.parent == SAMPLE_MODEL_DIR)


def test_json_round_trip_is_exact():
    doc = load_toml(SAMPLE_MODEL_DIR / "NKU.toml")
    text = to_json(doc, region="NKU", scenario="Basis")
    wrapper = json.loads(text)
    assert (wrapper["format"], wrapper["version"], wrapper["region"]) == (
        "hartnetwerk-sroi", 1, "NKU"
    )
    assert from_json(text) == doc
    assert from_json(json.dumps(doc)) == doc  # a bare document is accepted too
    assert read_upload("scenario.JSON", text.encode()) == doc
    assert read_upload("model.toml", GOOD.encode("utf-8-sig")) == parse_toml(GOOD)
    with pytest.raises(SroiModelError, match="geen SROI-scenario van dit dashboard"):
        from_json(json.dumps({"format": "iets anders", "model": doc}))
    with pytest.raises(SroiModelError, match="Alleen .json- en .toml-bestanden"):
        read_upload("model.xlsx", b"")
    with pytest.raises(SroiModelError, match="Het JSON-bestand is niet te lezen"):
        from_json("{")


# ---- stored scenarios ----------------------------------------------------------------------


def _add_regions(engine):
    with Session(engine) as session:
        session.add(Region(code="NKU", name="Noordkust", anderhalvelijn_start=date(2023, 3, 1),
                           synthetic=True))
        session.add(Region(code="ECHT", name="Echte regio", anderhalvelijn_start=date(2020, 1, 1)))
        session.add(Region(code="NUL", name="Zonder", synthetic=True))
        session.commit()


def test_the_region_model_is_seeded_once(isolated_db):
    _add_regions(isolated_db)
    sample = default_scenario(isolated_db, "NKU", synthetic=True, has_anderhalvelijn=True)
    assert sample.name == "Regiomodel Noordkust (synthetisch)" and sample.doc["synthetic"]
    again = default_scenario(isolated_db, "NKU", synthetic=True, has_anderhalvelijn=True)
    assert again.doc == sample.doc and len(list_scenarios(isolated_db, "NKU")) == 1
    # A real region never gets the synthetic sample, even with the same code pattern.
    real = default_scenario(isolated_db, "ECHT", synthetic=False, has_anderhalvelijn=True)
    assert real.doc == load_toml(TEMPLATE_DIR / "regiomodel.toml")
    # No anderhalvelijn and no sample file of its own: the exploration template.
    none = default_scenario(isolated_db, "NUL", synthetic=True, has_anderhalvelijn=False)
    assert none.doc == load_toml(TEMPLATE_DIR / "verkenning.toml")


def test_save_open_delete(isolated_db):
    _add_regions(isolated_db)
    default_scenario(isolated_db, "NKU", synthetic=True, has_anderhalvelijn=True)
    doc = normalise_doc(TEST_MODEL)
    assert save_scenario(isolated_db, "NKU", "  Voorzichtig ", doc, scope=EDITOR) == "created"
    doc["outcomes"][0]["deadweight"] = 0.3
    assert save_scenario(isolated_db, "NKU", "Voorzichtig", doc, scope=EDITOR) == "updated"
    saved = list_scenarios(isolated_db, "NKU")
    assert list(saved["name"]) == ["Regiomodel Noordkust (synthetisch)", "Voorzichtig"]
    assert list(saved["is_default"]) == [True, False]
    assert load_scenario(isolated_db, "NKU", "Voorzichtig") == doc | {"name": "Voorzichtig"}
    assert load_scenario(isolated_db, "NKU", "Bestaat niet") is None
    assert not delete_scenario(isolated_db, "NKU", "Regiomodel Noordkust (synthetisch)",
                               scope=EDITOR)
    assert delete_scenario(isolated_db, "NKU", "Voorzichtig", scope=EDITOR)
    assert list(list_scenarios(isolated_db, "NKU")["name"]) == [
        "Regiomodel Noordkust (synthetisch)"
    ]
    with pytest.raises(SroiModelError, match="heeft een naam nodig"):
        save_scenario(isolated_db, "NKU", " ", doc, scope=EDITOR)


def test_compare_and_export(sroi_db):
    data = sroi_data(sroi_db, "TST")
    start = date(2023, 1, 1)
    base = page_data.resolve(normalise_doc(TEST_MODEL), data, start)
    careful = normalise_doc(TEST_MODEL)
    careful["outcomes"][0]["deadweight"] = 0.25
    careful_resolved = page_data.resolve(careful, data, start)
    views = {
        name: (r.doc, page_data.compute_view(r.doc, "Regio Test", simulations=300))
        for name, r in (("Basis", base), ("Voorzichtig", careful_resolved))
    }
    table = page_data.compare_scenarios(views, "nl")
    assert list(table.columns) == ["item", "group", "Basis", "Voorzichtig"]
    rows = table.set_index("item")
    assert rows.loc["SROI-ratio", ["Basis", "Voorzichtig"]].tolist() == ["1,25", "0,95"]
    assert rows.loc["Investering", "Voorzichtig"] == "€ 80.000"
    differing = table[table["group"] == "Aanname (verschilt)"]
    assert differing.to_dict("records") == [{
        "item": "Vermeden trajecten: deadweight", "group": "Aanname (verschilt)",
        "Basis": "0,0%", "Voorzichtig": "25,0%",
    }]

    content = page_data.workbook(careful_resolved, views["Voorzichtig"][1], "Regio Test", "nl")
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Investeringen", "Uitkomsten", "Resultaten",
                               "Waarde per uitkomst", "Belanghebbenden", "Gevoeligheid"]
    header = [c.value for c in book["Uitkomsten"][1]]
    assert header[:5] == ["Uitkomst", "Belanghebbende", "Eenheid", "Hoeveelheid per jaar",
                          "Proxy (€ per eenheid)"]
    assert "Deadweight" in header and "Afleiding hoeveelheid" in header
    assert [c.value for c in book["Uitkomsten"][2]][:5] == [
        "Vermeden trajecten", "Zorgverzekeraar", "patiënten", 80, 1200
    ]
    results = {row[0].value: row[1].value for row in book["Resultaten"].iter_rows(min_row=2)}
    assert results["SROI-ratio"] == pytest.approx(0.95)
    assert results["Investering"] == pytest.approx(80_000)
    assert [c.value for c in book["Investeringen"][1]][:4] == [
        "Belanghebbende", "Omschrijving", "Jaar", "Bedrag (€)"
    ]
    english = openpyxl.load_workbook(io.BytesIO(page_data.workbook(
        careful_resolved, views["Voorzichtig"][1], "Regio Test", "en")))
    assert english.sheetnames[:3] == ["Investments", "Outcomes", "Results"]
